import { describe, expect, it } from 'vitest';
import { matchAction } from '../../../src/core/caselog/match-action.js';
import { escalationStates, todoStates, type CaseEvent, type DoneMark } from '../../../src/core/caselog/timeline.js';
import type { Decision } from '../../../src/core/routing/decide.js';
import { defaultRulesetJson, route } from '../../factories.js';

const decisionEvent = (decision: Decision): CaseEvent => ({ id: 1, caseId: 1, recordedAt: '2026-11-27T09:00:00.000Z', source: 'batch', kind: 'decision', data: { decision } });

/** The parties a person may name are the rule set's (here the default chain's). */
const parties = defaultRulesetJson().parties;
const match = (text: string, esc: Parameters<typeof matchAction>[1], todo: Parameters<typeof matchAction>[2] = []) => matchAction(text, esc, todo, parties);

describe('matchAction', () => {
  const events = [decisionEvent(route({ referenceDate: '2026-11-20', weeksWithoutPlace: 6, unexcusedHours4w: 16 }))];
  const states = escalationStates(events);
  const todos = todoStates(events);

  it('names an escalation by type, by target when only one is open, or by target:type', () => {
    expect(states.map((s) => `${s.to}:${s.type}`)).toEqual(['leerplicht:verzuimmelding-16-uur', 'leerplicht:thuiszitter', 'onderwijsconsulent:thuiszitter']);
    expect(match('verzuimmelding-16-uur', states)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' } });
    expect(match('onderwijsconsulent', states)).toEqual({ kind: 'escalation', escalation: { to: 'onderwijsconsulent', type: 'thuiszitter' } });
    expect(match('Leerplicht:thuiszitter', states)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'thuiszitter' } });
  });

  it('says when a type fits several escalations; a plain party name takes its most urgent (issue 17, item 18)', () => {
    // "as soon as possible" before a dated deadline
    expect(match('leerplicht', states)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'thuiszitter' }, picked: true });
    expect(match('thuiszitter', states).kind).toBe('ambiguous');
  });

  it('reads the first words too, then parties, then free text', () => {
    expect(match('onderwijsconsulent aangemeld met ouders', states).kind).toBe('escalation');
    expect(match('ouders gebeld', states)).toEqual({ kind: 'party', party: 'ouders' });
    expect(match('melding DUO gedaan', states)).toEqual({ kind: 'free' });
  });

  it('matches a type by its first word, a target and a type as two words, and Dutch names of targets', () => {
    const leerplicht16 = { kind: 'escalation', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' } };
    expect(match('verzuimmelding gedaan', states)).toEqual(leerplicht16);
    expect(match('leerplicht verzuimmelding via DUO', states)).toEqual(leerplicht16);
    expect(match('leerplicht thuiszitter', states)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'thuiszitter' } });
    expect(match('Leerplichtambtenaar gebeld', states)).toMatchObject({ kind: 'escalation', picked: true }); // two open: the most urgent
    expect(match('ver', states)).toEqual({ kind: 'free' }); // too short to stand for a type
  });

  it('ticks off a to-do by its party (also by name) or type; the party of an escalation and a to-do takes the escalation', () => {
    expect(match('swv', states, todos)).toEqual({ kind: 'todo', todo: { party: 'swv', type: 'thuiszitter-melden' } });
    expect(match('samenwerkingsverband gebeld', states, todos)).toEqual({ kind: 'todo', todo: { party: 'swv', type: 'thuiszitter-melden' } });
    const safety = [decisionEvent(route({ abuseSuspected: true, danger: true }))];
    const [esc, todo] = [escalationStates(safety), todoStates(safety)];
    expect(match('veilig thuis gebeld', esc, todo)).toEqual({ kind: 'escalation', escalation: { to: 'veilig-thuis', type: 'melding-acute-onveiligheid' }, picked: true });
    expect(match('advies gevraagd', esc, todo)).toEqual({ kind: 'todo', todo: { party: 'veilig-thuis', type: 'advies-vragen' } });
    expect(match('melding gedaan', esc, todo)).toEqual({ kind: 'escalation', escalation: { to: 'veilig-thuis', type: 'melding-acute-onveiligheid' } });
  });

  it('prefers the one still open, and names a done one when it is the only fit', () => {
    const done: DoneMark = { eventId: 9, date: '2026-11-21', action: 'x' };
    const withDone = states.map((s) => (s.type === 'verzuimmelding-16-uur' ? { ...s, done } : s));
    expect(match('leerplicht', withDone)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'thuiszitter' } });
    expect(match('verzuimmelding', withDone)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' } });
  });

  it("knows the rule set's parties by id and by name, a layer's own too; without the rule set only the case's own", () => {
    const withMentor = [...parties, { id: 'mentor', name: { nl: 'mentor', en: 'tutor' } }];
    expect(matchAction('tutor gesproken', states, [], withMentor)).toEqual({ kind: 'party', party: 'mentor' });
    expect(matchAction('ouders gebeld', states, [], [])).toEqual({ kind: 'free' });
    expect(matchAction('onderwijsconsulent', states, [], []).kind).toBe('escalation');
  });
});
