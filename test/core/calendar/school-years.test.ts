import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCalendar, adviceDifferences } from '../../../src/core/calendar/calendar-check.js';
import { openDataSchema } from '../../../src/core/calendar/open-data.js';
import { parseSchoolYear, regionHolidays, schoolYearOf, schoolYearSpans } from '../../../src/core/calendar/school-years.js';
import type { CalendarSpec } from '../../../src/core/calendar/school-calendar.js';

const shipped = openDataSchema.parse(JSON.parse(readFileSync(new URL('../../../data/calendars/rijksoverheid-schoolvakanties.json', import.meta.url), 'utf8')));

describe('the shipped school holidays', () => {
  it('every vacation runs from a Saturday to a Sunday, in every region', () => {
    for (const region of ['noord', 'midden', 'zuid'] as const) {
      for (const h of regionHolidays(shipped, region)) {
        expect(new Date(`${h.from}T12:00:00Z`).getUTCDay(), `${region} ${h.name} ${h.from}`).toBe(6);
        expect(new Date(`${h.to}T12:00:00Z`).getUTCDay(), `${region} ${h.name} ${h.to}`).toBe(0);
      }
    }
  });

  it('ships 2025-2026 to 2027-2028 whole for each region, with the assumed first and last school days', () => {
    expect(schoolYearSpans(regionHolidays(shipped, 'noord'))).toEqual([
      { schoolYear: '2025-2026', firstSchoolDay: '2025-08-25', lastSchoolDay: '2026-07-03', end: '2026-08-16' },
      { schoolYear: '2026-2027', firstSchoolDay: '2026-08-17', lastSchoolDay: '2027-07-09', end: '2027-08-22' },
      { schoolYear: '2027-2028', firstSchoolDay: '2027-08-23', lastSchoolDay: '2028-07-14', end: '2028-08-27' },
    ]);
    expect(schoolYearSpans(regionHolidays(shipped, 'zuid')).map((s) => s.firstSchoolDay)).toEqual(['2025-08-18', '2026-08-24', '2027-09-06']);
    expect(schoolYearSpans(regionHolidays(shipped, 'midden')).map((s) => s.lastSchoolDay)).toEqual(['2026-07-17', '2027-07-16', '2028-07-07']);
  });

  it('the tables of SCHOOL-HOLIDAYS.md: the herfstvakantie per region and year, kerst and zomer compulsory', () => {
    const herfst = (region: 'noord' | 'midden' | 'zuid') => regionHolidays(shipped, region).filter((h) => h.name === 'Herfstvakantie').map((h) => h.from);
    expect(herfst('noord')).toEqual(['2025-10-18', '2026-10-10', '2027-10-16']);
    expect(herfst('midden')).toEqual(['2025-10-18', '2026-10-17', '2027-10-16']);
    expect(herfst('zuid')).toEqual(['2025-10-11', '2026-10-17', '2027-10-23']);
    const compulsory = new Set(regionHolidays(shipped, 'noord').filter((h) => h.compulsory).map((h) => h.name));
    expect([...compulsory].sort()).toEqual(['Kerstvakantie', 'Zomervakantie']);
  });

  it('a date belongs to the school year whose zomervakantie it is before (or in); other years are named by the calendar', () => {
    const spans = schoolYearSpans(regionHolidays(shipped, 'noord'));
    expect(schoolYearOf(spans, '2026-08-16')).toBe('2025-2026'); // last day of the zomervakantie
    expect(schoolYearOf(spans, '2026-08-17')).toBe('2026-2027');
    expect(schoolYearOf(spans, '2029-10-08')).toBe('2029-2030');
    expect(schoolYearOf(spans, '2025-06-10')).toBe('2024-2025');
  });

  it('parses a school year', () => {
    expect(parseSchoolYear('2026-2027')).toBe('2026-2027');
    expect(parseSchoolYear('2026/2027')).toBe('2026-2027');
    expect(parseSchoolYear('2026-2028')).toBeUndefined();
    expect(parseSchoolYear('26-27')).toBeUndefined();
  });
});

describe('checkCalendar', () => {
  const advice = regionHolidays(shipped, 'noord');
  const base: CalendarSpec = {
    name: 'x',
    from: '2026-08-17',
    to: '2027-07-09',
    holidays: advice.filter((h) => h.schoolYear === '2026-2027' && h.name !== 'Zomervakantie').map(({ name, from, to }) => ({ name, from, to })),
  };

  it('a calendar with the advice holidays has no warnings', () => {
    expect(checkCalendar(base, advice, 'noord')).toEqual([]);
  });

  it('a herfstvakantie a week later differs from the advice', () => {
    const spec = { ...base, holidays: base.holidays.map((h) => (h.name === 'Herfstvakantie' ? { ...h, from: '2026-10-17', to: '2026-10-25' } : h)) };
    expect(adviceDifferences(spec, advice, 'noord')).toEqual([{ kind: 'differs-from-advice', name: 'Herfstvakantie', schoolYear: '2026-2027', from: '2026-10-10', to: '2026-10-18', region: 'noord' }]);
  });

  it('without a region: no comparison, but a span through August without a zomervakantie is a warning', () => {
    expect(checkCalendar(base, undefined, undefined)).toEqual([]);
    expect(checkCalendar({ ...base, to: '2027-08-31' }, undefined, undefined)).toEqual([{ kind: 'zomervakantie-missing', from: undefined, to: undefined, region: undefined }]);
  });

  it('study days on a weekend, in a holiday or outside the span, and overlapping ranges', () => {
    const spec = { ...base, studyDays: ['2026-10-24', '2026-12-22', '2027-08-02'], holidays: [...base.holidays, { name: 'extra', from: '2027-01-02', to: '2027-01-05' }] };
    expect(checkCalendar(spec, advice, 'noord').map((w) => w.kind)).toEqual(['ranges-overlap', 'study-day-weekend', 'study-day-in-holiday', 'study-day-outside']);
  });
});
