// What `batch --registrations --log` stores per student: one entry per escalation and one per
// to-do that a period brings, each with a key of its own; stored and read back through the store.
import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import { routeAbsence } from '../../../src/core/absence/route-absence.js';
import { periodEntries } from '../../../src/commands/batch/registrations/log.js';
import { openCaseStore } from '../../../src/io/db/case-store.js';
import { todoStates } from '../../../src/core/caselog/timeline.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import { absent, calendar, peil, SICK_CODE, student } from '../../core/absence/absence-fixtures.js';

const cal = calendar();
const ruleset = defaultRuleset();

function record(peildatum: string, sick: readonly string[], unexcused: readonly string[] = [], overrides: Parameters<typeof situation>[0] = {}) {
  const s = student(cal);
  for (const d of sick) absent(s, cal, d, 'day', SICK_CODE);
  for (const d of unexcused) absent(s, cal, d, 8);
  const base = situation({ studentRef: 'L9', birthDate: '2012-03-01', referenceDate: peildatum, ...overrides });
  const absence = absenceAt(s, cal, peil(cal, peildatum), 8, ruleset.counting);
  return { record: routeAbsence(base, absence, ruleset, workingDays), situation: { ...base, ...absence.fields } };
}

const REPORTS = ['2026-09-07', '2026-09-21', '2026-10-05', '2026-10-26'];

describe('periodEntries', () => {
  it('a 16-hour period and a MAZL period: two entries for the student\'s one open case (the dossier), the to-do only in its own', () => {
    const { record: r, situation: s } = record('2026-11-06', REPORTS, ['2026-11-02', '2026-11-03']);
    const entries = periodEntries(r, s);
    expect(entries.map((e) => [e.decision.escalations.map((x) => x.type), e.decision.todos.map((t) => t.type), e.newCase])).toEqual([
      [['verzuimmelding-16-uur'], [], false],
      [[], ['mazl-inschakelen'], false],
    ]);
    expect(new Set(entries.map((e) => e.idempotencyKey)).size).toBe(2);
    expect(entries[1]!.idempotencyKey).toMatch(/^period-todo-v1:/);
  });

  it('the key of a period’s to-do does not depend on the peildatum: a later run skips it', () => {
    const store = openCaseStore(':memory:');
    try {
      const early = record('2026-10-30', REPORTS);
      const later = record('2026-11-20', REPORTS);
      expect(store.recordDecisions(periodEntries(early.record, early.situation))).toMatchObject({ added: 1, skipped: 0 });
      expect(store.recordDecisions(periodEntries(later.record, later.situation))).toMatchObject({ added: 0, skipped: 1 });
      const [c] = store.listCases();
      expect(todoStates(c!.events).map((t) => [t.party, t.type, t.done])).toEqual([['jeugdarts', 'mazl-inschakelen', null]]);
      const decision = c!.events.find((e) => e.kind === 'decision');
      expect(decision?.kind === 'decision' && decision.data.decision.todos).toEqual([
        expect.objectContaining({ party: 'jeugdarts', period: { kind: 'mazl-4-meldingen', from: '2026-09-07', to: '2026-10-26', hours: 0, days: 4 } }),
      ]);
    } finally {
      store.close();
    }
  });

  it('what the students file alone brings (not enrolled anywhere) is logged too: in the open case, keyed like batch --log', () => {
    const store = openCaseStore(':memory:');
    try {
      const { record: r, situation: s } = record('2026-11-06', [], ['2026-11-02', '2026-11-03'], { enrolled: false });
      const entries = periodEntries(r, s);
      const own = entries.find((e) => /^v\d+:/.test(e.idempotencyKey ?? ''))!;
      expect(own.decision.escalations.every((e) => !('period' in e) || e.period === undefined)).toBe(true);
      expect(own.decision.escalations.length).toBeGreaterThan(0);
      expect(own.idempotencyKey).toMatch(/^v\d+:/);
      const recorded = store.recordDecisions(entries);
      expect(recorded.added).toBe(entries.length);
      expect(new Set(recorded.caseIds).size).toBe(1); // one open case per student
      expect(store.recordDecisions(periodEntries(r, s))).toMatchObject({ added: 0, skipped: entries.length });
    } finally {
      store.close();
    }
  });

  it('a student with nothing to do gives no entry', () => {
    const { record: r, situation: s } = record('2026-11-06', []);
    expect(periodEntries(r, s)).toEqual([]);
  });
});
