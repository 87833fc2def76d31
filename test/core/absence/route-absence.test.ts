import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import { routeAbsence } from '../../../src/core/absence/route-absence.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import { absent, calendar, peil, SPEC, student } from './absence-fixtures.js';

// The fixture year without kerstvakantie, so that 16 hours can fall just before Christmas.
const cal = calendar({ ...SPEC, holidays: SPEC.holidays.filter((h) => h.name !== 'kerstvakantie') });
const ruleset = defaultRuleset();

function routed(days: readonly string[], peildatum: string, overrides = {}, since?: string) {
  const s = student(cal);
  for (const d of days) absent(s, cal, d, 8);
  const base = situation({ studentRef: 'L5', birthDate: '2012-03-01', referenceDate: peildatum, ...overrides });
  return routeAbsence(base, absenceAt(s, cal, peil(cal, peildatum), 8), ruleset, workingDays, since);
}

describe('routeAbsence: deadlines in working days from period.to', () => {
  it('over Kerst: 16 hours on Monday 21 December → Tuesday 29 December', () => {
    const r = routed(['2026-12-18', '2026-12-21'], '2026-12-22');
    expect(r.escalations).toMatchObject([{ type: 'verzuimmelding-16-uur', deadline: '2026-12-29', overdue: false, period: { from: '2026-12-18', to: '2026-12-21' } }]);
  });

  it('over 5 mei and Hemelvaart: 16 hours on Monday 3 May 2027 → Wednesday 12 May', () => {
    const r = routed(['2027-04-30', '2027-05-03'], '2027-05-14');
    expect(r.escalations[0]).toMatchObject({ deadline: '2027-05-12', overdue: true });
  });

  it('one escalation per period: a report and a vervolgmelding have their own deadlines', () => {
    const r = routed(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'], '2026-11-06');
    expect(r.escalations.map((e) => [e.period!.to, e.deadline])).toEqual([
      ['2026-11-03', '2026-11-10'],
      ['2026-11-05', '2026-11-12'],
    ]);
    expect(r.absence.unexcusedHours4w).toBe(32);
  });

  it('--since keeps the periods that end on or after the date', () => {
    const r = routed(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'], '2026-11-06', {}, '2026-11-04');
    expect(r.absence.periods.map((p) => p.to)).toEqual(['2026-11-05']);
  });

  it('a 16-hour period of a student who is not leerplichtig is listed but brings no escalation', () => {
    const r = routed(['2026-11-02', '2026-11-03'], '2026-11-06', { birthDate: '2006-01-01', startkwalificatie: true });
    expect(r.absence.periods).toHaveLength(1);
    expect(r.escalations).toEqual([]);
  });
});
