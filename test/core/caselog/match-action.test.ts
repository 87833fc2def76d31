import { describe, expect, it } from 'vitest';
import { matchAction } from '../../../src/core/caselog/match-action.js';
import { escalationStates, todoStates, type CaseEvent, type DoneMark } from '../../../src/core/caselog/timeline.js';
import type { Decision } from '../../../src/core/routing/decide.js';
import { route } from '../../factories.js';

const decisionEvent = (decision: Decision): CaseEvent => ({ id: 1, caseId: 1, recordedAt: '2026-11-27T09:00:00.000Z', source: 'batch', kind: 'decision', data: { decision } });

describe('matchAction', () => {
  const events = [decisionEvent(route({ referenceDate: '2026-11-20', weeksWithoutPlace: 6, unexcusedHours4w: 16 }))];
  const states = escalationStates(events);
  const todos = todoStates(events);

  it('names an escalation by type, by target when only one is open, or by target:type', () => {
    expect(states.map((s) => `${s.to}:${s.type}`)).toEqual(['leerplicht:verzuimmelding-16-uur', 'leerplicht:thuiszitter', 'onderwijsconsulent:thuiszitter']);
    expect(matchAction('verzuimmelding-16-uur', states)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' } });
    expect(matchAction('onderwijsconsulent', states)).toEqual({ kind: 'escalation', escalation: { to: 'onderwijsconsulent', type: 'thuiszitter' } });
    expect(matchAction('Leerplicht:thuiszitter', states)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'thuiszitter' } });
  });

  it('says when a type fits several escalations; a plain party name takes its most urgent (issue 17, item 18)', () => {
    // "as soon as possible" before a dated deadline
    expect(matchAction('leerplicht', states)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'thuiszitter' }, picked: true });
    expect(matchAction('thuiszitter', states).kind).toBe('ambiguous');
  });

  it('reads the first words too, then parties, then free text', () => {
    expect(matchAction('onderwijsconsulent aangemeld met ouders', states).kind).toBe('escalation');
    expect(matchAction('ouders gebeld', states)).toEqual({ kind: 'party', party: 'ouders' });
    expect(matchAction('melding DUO gedaan', states)).toEqual({ kind: 'free' });
  });

  it('matches a type by its first word, a target and a type as two words, and Dutch names of targets', () => {
    const leerplicht16 = { kind: 'escalation', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' } };
    expect(matchAction('verzuimmelding gedaan', states)).toEqual(leerplicht16);
    expect(matchAction('leerplicht verzuimmelding via DUO', states)).toEqual(leerplicht16);
    expect(matchAction('leerplicht thuiszitter', states)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'thuiszitter' } });
    expect(matchAction('Leerplichtambtenaar gebeld', states)).toMatchObject({ kind: 'escalation', picked: true }); // two open: the most urgent
    expect(matchAction('ver', states)).toEqual({ kind: 'free' }); // too short to stand for a type
  });

  it('ticks off a to-do by its party (also by name) or type; the party of an escalation and a to-do takes the escalation', () => {
    expect(matchAction('swv', states, todos)).toEqual({ kind: 'todo', todo: { party: 'swv', type: 'thuiszitter-melden' } });
    expect(matchAction('samenwerkingsverband gebeld', states, todos)).toEqual({ kind: 'todo', todo: { party: 'swv', type: 'thuiszitter-melden' } });
    const safety = [decisionEvent(route({ abuseSuspected: true, danger: true }))];
    const [esc, todo] = [escalationStates(safety), todoStates(safety)];
    expect(matchAction('veilig thuis gebeld', esc, todo)).toEqual({ kind: 'escalation', escalation: { to: 'veilig-thuis', type: 'melding-acute-onveiligheid' }, picked: true });
    expect(matchAction('advies gevraagd', esc, todo)).toEqual({ kind: 'todo', todo: { party: 'veilig-thuis', type: 'advies-vragen' } });
    expect(matchAction('melding gedaan', esc, todo)).toEqual({ kind: 'escalation', escalation: { to: 'veilig-thuis', type: 'melding-acute-onveiligheid' } });
  });

  it('prefers the one still open, and names a done one when it is the only fit', () => {
    const done: DoneMark = { eventId: 9, date: '2026-11-21', action: 'x' };
    const withDone = states.map((s) => (s.type === 'verzuimmelding-16-uur' ? { ...s, done } : s));
    expect(matchAction('leerplicht', withDone)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'thuiszitter' } });
    expect(matchAction('verzuimmelding', withDone)).toEqual({ kind: 'escalation', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' } });
  });
});
