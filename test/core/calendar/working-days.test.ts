// Working days over holiday lists written out by hand: the pure constructor of the calendar value.
import { describe, expect, it } from 'vitest';
import { CalendarYearNotCovered, createWorkingDays, workingDaysFromList } from '../../../src/core/calendar/working-days.js';
import { HOLIDAYS } from './holidays-2025-2028.js';

describe('createWorkingDays / workingDaysFromList (pure)', () => {
  it('asks each year once, and only the years it needs', () => {
    const asked: number[] = [];
    const wd = createWorkingDays((year) => {
      asked.push(year);
      return HOLIDAYS[year] ?? [];
    });
    wd.addWorkingDays('2026-12-23', 10);
    wd.addWorkingDays('2026-04-23', 5);
    wd.isWorkingDay('2027-01-01');
    expect(asked).toEqual([2026, 2027]);
    expect(wd.holidaysIn(2026)).toEqual(HOLIDAYS[2026]);
  });

  it('refuses a holiday that is not in the year it was asked for', () => {
    const wd = createWorkingDays(() => ['2026-01-01']);
    expect(() => wd.isWorkingDay('2027-03-03')).toThrow(/not a date in 2027/);
  });

  it('with a fixed list, refuses a year it does not cover instead of counting its holidays as working days', () => {
    const wd = workingDaysFromList([...HOLIDAYS[2026]!, ...HOLIDAYS[2027]!], { from: 2026, to: 2027 });
    expect(wd.addWorkingDays('2026-04-23', 5)).toBe('2026-05-01');
    expect(wd.isWorkingDay('2027-12-27')).toBe(true);
    expect(() => wd.addWorkingDays('2027-12-29', 5)).toThrow(CalendarYearNotCovered);
    expect(() => workingDaysFromList(['2025-12-25'], { from: 2026, to: 2026 })).toThrow(/outside 2026–2026/);
  });

  it('with no holidays at all is plain Monday–Friday', () => {
    const wd = createWorkingDays(() => []);
    expect(wd.addWorkingDays('2026-04-23', 5)).toBe('2026-04-30');
  });
});
