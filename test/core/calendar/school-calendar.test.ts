import { describe, expect, it } from 'vitest';
import { dayOf, SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import { calendar, SPEC } from '../absence/absence-fixtures.js';

describe('SchoolCalendar', () => {
  const cal = calendar();

  it('school days are Monday–Friday outside holidays and public holidays', () => {
    expect(cal.isSchoolDay(dayOf('2026-11-27'))).toBe(true); // a Friday
    expect(cal.isSchoolDay(dayOf('2026-11-28'))).toBe(false); // Saturday
    expect(cal.isSchoolDay(dayOf('2026-10-12'))).toBe(false); // herfstvakantie
    expect(cal.isSchoolDay(dayOf('2027-04-27'))).toBe(false); // Koningsdag
    expect(cal.isSchoolDay(dayOf('2027-05-06'))).toBe(false); // Hemelvaartsdag
    expect(cal.isSchoolDay(dayOf('2027-07-19'))).toBe(false); // outside the span
    expect(cal.covers(dayOf('2027-07-19'))).toBe(false);
  });

  it('a holiday week is no lesweek; the weeks around it are consecutive lesweken', () => {
    const before = cal.lesweekAt(cal.indexOf(dayOf('2026-10-09')));
    const after = cal.lesweekAt(cal.indexOf(dayOf('2026-10-19')));
    expect(after - before).toBe(1);
  });

  it('a week with a public holiday is a lesweek whose days are a quarter week each', () => {
    const i = cal.indexOf(dayOf('2027-04-26'));
    expect(cal.lesweekAt(cal.indexOf(dayOf('2027-04-30')))).toBe(cal.lesweekAt(i));
    expect(cal.weekShareOfIndex[i]).toBeCloseTo(1 / 4);
    expect(cal.weekShareOfIndex[cal.indexOf(dayOf('2026-11-23'))]).toBeCloseTo(1 / 5);
  });

  it('4 lesweken from a Wednesday end on the Tuesday of the 4th lesweek after it, over a holiday week', () => {
    const wed = cal.indexOf(dayOf('2026-09-30'));
    expect(cal.withinLesweken(wed, cal.indexOf(dayOf('2026-11-03')), 4)).toBe(true); // Tuesday, 4 lesweken on (herfst skipped)
    expect(cal.withinLesweken(wed, cal.indexOf(dayOf('2026-11-04')), 4)).toBe(false);
  });

  it('refuses reversed ranges', () => {
    const made = SchoolCalendar.make({ ...SPEC, holidays: [{ name: 'x', from: '2026-10-18', to: '2026-10-10' }] });
    expect(made.ok).toBe(false);
  });
});
