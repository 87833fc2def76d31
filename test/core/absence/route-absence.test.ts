import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import { routeAbsence } from '../../../src/core/absence/route-absence.js';
import { calendarFromOpenData } from '../../../src/core/calendar/open-data.js';
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

describe('calendarFromOpenData', () => {
  // The shape of opendata.rijksoverheid.nl …/schoolholidays?output=json (dates are made up here).
  const year = (schoolyear: string, summer: [string, string], autumn: [string, string]) => ({
    id: 'x',
    type: 'schoolholidays',
    content: [
      {
        title: `Schoolvakanties ${schoolyear}`,
        schoolyear: `${schoolyear} `,
        vacations: [
          { type: 'Herfstvakantie ', compulsorydates: 'false', regions: [{ region: 'noord', startdate: `${autumn[0]}T00:00:00.000Z`, enddate: `${autumn[1]}T00:00:00.000Z` }, { region: 'zuid', startdate: '2030-01-01T00:00:00.000Z', enddate: '2030-01-09T00:00:00.000Z' }] },
          { type: 'Zomervakantie ', compulsorydates: 'true', regions: [{ region: 'noord', startdate: `${summer[0]}T00:00:00.000Z`, enddate: `${summer[1]}T00:00:00.000Z` }] },
        ],
      },
    ],
  });
  const data = [year('2025-2026', ['2026-07-04', '2026-08-16'], ['2025-10-18', '2025-10-26']), year('2024-2025', ['2025-07-12', '2025-08-24'], ['2024-10-19', '2024-10-27'])];

  it('takes the span from the day after the first zomervakantie to the end of the last, and the region’s holidays', () => {
    const r = calendarFromOpenData(data, 'noord');
    expect(r.ok && r.spec.from).toBe('2025-08-25');
    expect(r.ok && r.spec.to).toBe('2026-08-16');
    expect(r.ok && r.spec.holidays.map((h) => h.from)).toContain('2025-10-18');
    expect(r.ok && r.spec.holidays.map((h) => h.from)).not.toContain('2030-01-01');
  });

  it('one school year is not enough: its first school day is not in the data', () => {
    expect(calendarFromOpenData(data[0]!, 'noord')).toEqual({ ok: false, problem: { kind: 'open-data-no-span', region: 'noord' } });
  });
});
