import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import { routeAbsence } from '../../../src/core/absence/route-absence.js';
import { calendarFromOpenData } from '../../../src/core/calendar/open-data.js';
import { dayOf, isoOf } from '../../../src/core/calendar/school-calendar.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import { absent, calendar, peil, SPEC, student } from './absence-fixtures.js';

// The fixture year without kerstvakantie, so that 16 hours can fall just before Christmas.
const cal = calendar({ ...SPEC, holidays: SPEC.holidays.filter((h) => h.name !== 'kerstvakantie') });
const ruleset = defaultRuleset();

function routed(days: readonly string[], peildatum: string, overrides = {}, since?: string) {
  const s = student(cal);
  for (const d of days) absent(s, cal, d, 8);
  const base = situation({ studentRef: 'L5', birthDate: '2012-03-01', referenceDate: peildatum, ...overrides });
  return routeAbsence(base, absenceAt(s, cal, peil(cal, peildatum), 8, ruleset.counting), ruleset, workingDays, since);
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
    // Present on Wednesday 4 November: not continuous, so the second period is a vervolgmelding.
    const r = routed(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06'], '2026-11-06');
    expect(r.escalations.map((e) => [e.period!.to, e.deadline, e.period!.repeat])).toEqual([
      ['2026-11-03', '2026-11-10', undefined],
      ['2026-11-06', '2026-11-13', undefined],
    ]);
    expect(r.absence.unexcusedHours4w).toBe(32);
  });

  it('--since keeps the periods that end on or after the date', () => {
    const r = routed(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06'], '2026-11-06', {}, '2026-11-04');
    expect(r.absence.periods.map((p) => p.to)).toEqual(['2026-11-06']);
  });

  it('a 16-hour period of a student who is not leerplichtig is listed but brings no escalation', () => {
    const r = routed(['2026-11-02', '2026-11-03'], '2026-11-06', { birthDate: '2006-01-01', startkwalificatie: true });
    expect(r.absence.periods).toHaveLength(1);
    expect(r.escalations).toEqual([]);
  });
});

describe('routeAbsence: herhaalmeldingen of continuous absence', () => {
  const days = (from: string, to: string): string[] => {
    const out: string[] = [];
    for (let d = dayOf(from); d <= dayOf(to); d++) if (cal.isSchoolDay(d)) out.push(isoOf(d));
    return out;
  };
  const sixWeeks = days('2026-11-02', '2026-12-11');

  it('6 weeks away: a melding and 4 herhaalmeldingen, each with its deadline 5 working days after its einddatum, then langdurig', () => {
    const r = routed(sixWeeks, '2026-12-11');
    const reports = r.escalations.filter((e) => e.type === 'verzuimmelding-16-uur');
    expect(reports.map((e) => [e.period!.from, e.period!.to, e.deadline, e.period!.repeat, e.melding!.herhaalmelding])).toEqual([
      ['2026-11-02', '2026-11-03', '2026-11-10', undefined, undefined],
      ['2026-11-04', '2026-11-10', '2026-11-17', 1, 1],
      ['2026-11-11', '2026-11-17', '2026-11-24', 2, 2],
      ['2026-11-18', '2026-11-24', '2026-12-01', 3, 3],
      ['2026-11-25', '2026-12-01', '2026-12-08', 4, 4],
    ]);
    // Each deadline can be met without two meldingen within 7 days: it is at least 7 days after the previous einddatum.
    for (let i = 1; i < reports.length; i++) expect(dayOf(reports[i]!.deadline!) - dayOf(reports[i - 1]!.period!.to)).toBeGreaterThanOrEqual(7);
    expect(reports[1]!.melding).toMatchObject({ soort: '16-uur', verzuimuren: 40, verzuimdagen: 5, alleLessenGemist: true, herhaalmelding: 1 });
    expect(r.escalations.filter((e) => e.type !== 'verzuimmelding-16-uur').map((e) => [e.type, e.period?.to])).toEqual([['langdurig-relatief-verzuim', '2026-11-30']]);
    expect(r.absence.periods.map((p) => [p.kind, p.to, p.repeat])).toContainEqual(['16-uur', '2026-11-17', 2]);
    expect(r.absence.periods.find((p) => p.repeat === undefined && p.kind === '16-uur')).not.toHaveProperty('repeat');
  });

  it('18+ without startkwalificatie: the RMC gets its report at 4 weeks; the 16-uur periods bring no escalation', () => {
    const r = routed(sixWeeks, '2026-12-11', { birthDate: '2007-06-01' });
    expect(r.escalations.map((e) => [e.to, e.type, e.period?.to])).toEqual([['rmc', 'verzuim-4-weken', '2026-11-27']]);
  });

  it('back after 4 days: the herhaalmelding ends on the last verzuimdag, and its deadline is still 7 days or more after the previous einddatum', () => {
    const r = routed(days('2026-11-02', '2026-11-05'), '2026-11-13');
    expect(r.escalations.map((e) => [e.period!.from, e.period!.to, e.deadline, e.period!.repeat])).toEqual([
      ['2026-11-02', '2026-11-03', '2026-11-10', undefined],
      ['2026-11-04', '2026-11-05', '2026-11-12', 1],
    ]);
  });

  it('a herhaalmelding not yet due on the peildatum: no escalation for it yet', () => {
    const r = routed(days('2026-11-02', '2026-11-09'), '2026-11-09');
    expect(r.escalations.map((e) => e.period!.to)).toEqual(['2026-11-03']);
    expect(r.absence.unexcusedHours4w).toBe(48);
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
