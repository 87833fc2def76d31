import { describe, expect, it } from 'vitest';
import { dayOf, lestijdenProblems, SchoolCalendar, type CalendarSpec } from '../../../src/core/calendar/school-calendar.js';

const SPEC: CalendarSpec = {
  name: 'test',
  from: '2026-08-17',
  to: '2027-07-09',
  holidays: [{ name: 'herfst', from: '2026-10-10', to: '2026-10-18' }],
  studyDays: ['2026-11-12'],
  lestijden: [
    { lesuur: 1, from: '08:30', to: '09:20' },
    { lesuur: 2, from: '09:20', to: '10:10' },
    { lesuur: 3, from: '10:25', to: '11:15' },
  ],
};

const make = (spec: CalendarSpec): SchoolCalendar => {
  const made = SchoolCalendar.make(spec);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return made.calendar;
};

describe('lestijden and study days', () => {
  const cal = make(SPEC);

  it('a time range counts every lesuur it touches by at least a minute', () => {
    expect(cal.lesurenBetween(8 * 60 + 30, 10 * 60 + 10)).toEqual([1, 2]);
    expect(cal.lesurenBetween(9 * 60, 9 * 60 + 30)).toEqual([1, 2]);
    expect(cal.lesurenBetween(10 * 60 + 10, 10 * 60 + 25)).toEqual([]); // the break
    expect(cal.lesurenBetween(9 * 60 + 20, 9 * 60 + 21)).toEqual([2]); // end of lesuur 1 is exclusive
    expect(cal.lesurenBetween(17 * 60, 18 * 60)).toEqual([]);
  });

  it('without lestijden nothing maps', () => {
    expect(make({ ...SPEC, lestijden: undefined }).lesurenBetween(8 * 60, 12 * 60)).toEqual([]);
  });

  it('a study day is no school day', () => {
    expect(cal.isSchoolDay(dayOf('2026-11-12'))).toBe(false);
    expect(cal.isSchoolDay(dayOf('2026-11-13'))).toBe(true);
  });

  it('lestijden that cannot be used are problems, all at once', () => {
    expect(
      lestijdenProblems([
        { lesuur: 1, from: '08:30', to: '09:30' },
        { lesuur: 2, from: '09:20', to: '10:10' },
        { lesuur: 2, from: '11:00', to: '10:30' },
      ]),
    ).toEqual([
      { kind: 'lestijd-duplicate', lesuur: 2 },
      { kind: 'lestijd-reversed', lesuur: 2, from: '11:00', to: '10:30' },
      { kind: 'lestijden-overlap', lesuur: 1, other: 2 },
    ]);
    expect(SchoolCalendar.make({ ...SPEC, lestijden: [{ lesuur: 1, from: '09:00', to: '08:00' }] }).ok).toBe(false);
  });
});
