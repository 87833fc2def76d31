import { describe, expect, it } from 'vitest';
import { messagesFor, withPartyNames } from '../../../src/ui/messages/messages.js';
import { formatDecision } from '../../../src/ui/print/decision.js';
import { makeStyle } from '../../../src/ui/style.js';
import { formatIntakeReview } from '../../../src/ui/print/intake.js';
import { parseSituation } from '../../../src/core/routing/situation.js';
import { partyNames, route } from '../../factories.js';

const style = (lang: 'nl' | 'en' = 'nl') => makeStyle(withPartyNames(messagesFor(lang), partyNames(lang)), false);

describe('formatDecision', () => {
  it('an advised Veilig Thuis consult is "Te doen", not "Geen escalatie nodig"', () => {
    const text = formatDecision(style(), route({ abuseSuspected: true }));
    expect(text).toContain('Te doen:\n  ☐ Veilig Thuis (advies-vragen) — zo spoedig mogelijk');
    expect(text).not.toContain('Geen escalatie nodig');
    expect(formatDecision(style('en'), route({ abuseSuspected: true }))).toContain('To do:\n  ☐ Veilig Thuis (advies-vragen) — as soon as possible');
    expect(formatDecision(style(), route({}))).toContain('Geen escalatie nodig.');
  });

  it('says "te laat" for an escalation the decision marks overdue', () => {
    const d = route({ unexcusedHours4w: 16 });
    const late = { ...d, escalations: d.escalations.map((e) => ({ ...e, overdue: true })) };
    expect(formatDecision(style(), late)).toMatch(/verzuimmelding-16-uur\) — uiterlijk vr 04-12-2026 — te laat\n/);
    expect(formatDecision(style(), d)).not.toContain('te laat');
    const luxe = route({ luxuryAbsence: true });
    const lateLuxe = { ...luxe, escalations: luxe.escalations.map((e) => ({ ...e, overdue: true })) };
    expect(formatDecision(style(), lateLuxe)).toMatch(/\(luxeverzuim\) — (uiterlijk .*|zo spoedig mogelijk) — te laat\n/);
    // At a terminal of 80 columns the lines wrap to fit (no terminal: no wrapping at all).
    const narrow = makeStyle(withPartyNames(messagesFor('nl'), partyNames('nl')), false, 80);
    for (const line of formatDecision(narrow, late).split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(formatDecision(narrow, late)).toMatch(/te\s+laat/);
  });
});

describe('formatIntakeReview', () => {
  it('lists an answer that no longer counts as typed, apart from what was not asked', () => {
    const parsed = parseSituation({ studentRef: 'L1', birthDate: '2005-01-01', referenceDate: '2026-03-10', unexcusedHours4w: 20 }, '2026-03-10');
    if (!parsed.ok) throw new Error('bad situation');
    const text = formatIntakeReview(style(), 'nl', {
      situation: parsed.value,
      decision: route({ birthDate: '2005-01-01', unexcusedHours4w: 20 }),
      answered: ['studentRef', 'birthDate', 'referenceDate'],
      given: [],
      kept: ['unexcusedHours4w'],
      skipped: ['startkwalificatie'],
      topics: ['verzuim'],
      offeredTopics: ['verzuim'],
      openCaseId: null,
    });
    expect(text).toContain('Ingevuld, maar telt nu niet mee (bewaard zoals ingevuld):\n  uren ongeoorloofd (4 weken): 20');
    expect(text).toMatch(/Niet gevraagd[^\n]*\n  startkwalificatie: nee/);
  });
});
