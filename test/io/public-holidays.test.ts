// The Dutch holidays that src/io/calendar/public-holidays.ts makes of date-holidays (the calendar every
// deadline uses), checked against the official dates written out by hand.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dutchWorkingDays, holidaysOfYear, readHolidayTable, TABLE_YEARS, termijnenwetHolidays, writeHolidayTable } from '../../src/io/calendar/public-holidays.js';
import { HOLIDAYS } from '../core/calendar/holidays-2025-2028.js';

describe('termijnenwetHolidays (date-holidays, filtered to art. 3)', () => {
  it.each(Object.keys(HOLIDAYS).map(Number))('gives exactly the nine days of %i', (year) => {
    expect(termijnenwetHolidays(year)).toEqual(HOLIDAYS[year]);
  });

  it('leaves out what the library also lists (Pasen, Pinksteren, 4 mei, Oudejaarsdag…)', () => {
    const days = termijnenwetHolidays(2026);
    for (const notOne of ['2026-04-05', '2026-05-24', '2026-05-04', '2026-12-31', '2026-12-05', '2026-05-15']) expect(days).not.toContain(notOne);
  });

  it('moves Koningsdag to Saturday 26 April whenever the 27th is a Sunday (so never onto a weekday)', () => {
    expect(termijnenwetHolidays(2031)).toContain('2031-04-26');
    expect(termijnenwetHolidays(2036)).toContain('2036-04-26');
    expect(termijnenwetHolidays(2031)).not.toContain('2031-04-27');
    // The 26th before a Sunday is always a Saturday: Koningsdag on a Sunday never costs a working day.
    expect(dutchWorkingDays().isWorkingDay('2031-04-25')).toBe(true);
    expect(dutchWorkingDays().isWorkingDay('2031-04-28')).toBe(true);
  });

  it('gives Koninginnedag (30 April) before 2014', () => {
    expect(termijnenwetHolidays(2013)).toContain('2013-04-30');
    expect(termijnenwetHolidays(2013)).not.toContain('2013-04-27');
  });

  it('answers for every year a date can fall in, nine days each', () => {
    for (const year of [1900, 1965, 1999, 2100, 2999, 3000]) expect(termijnenwetHolidays(year)).toHaveLength(9);
  });
});

describe('Dutch working days', () => {
  const wd = dutchWorkingDays();

  it('are Monday–Friday except the holidays', () => {
    expect(wd.isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(wd.isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(wd.isWorkingDay('2026-11-29')).toBe(false); // Sunday
    for (const year of [2025, 2026, 2027, 2028]) {
      for (const h of HOLIDAYS[year]!) expect(wd.isWorkingDay(h), h).toBe(false);
    }
    expect(wd.isWorkingDay('2026-05-15')).toBe(true); // the Friday after Hemelvaart is not an art. 3 day
  });

  it('count 5 working days from a Friday to the next Friday', () => {
    expect(wd.addWorkingDays('2026-11-27', 5)).toBe('2026-12-04');
    expect(wd.addWorkingDays('2026-11-23', 5)).toBe('2026-11-30'); // Monday → Monday
    expect(wd.addWorkingDays('2026-11-28', 5)).toBe('2026-12-04'); // Saturday → Friday
    expect(wd.addWorkingDays('2026-11-25', 0)).toBe('2026-11-25');
  });

  it('skip Koningsdag (and 5 mei)', () => {
    // Thu 2026-04-23 + 5: Fri 24, Tue 28, Wed 29, Thu 30, Fri 1 May (Mon 27 April is Koningsdag).
    expect(wd.addWorkingDays('2026-04-23', 5)).toBe('2026-05-01');
    // Fri 2026-05-01 + 2: Mon 4, (Tue 5 mei) Wed 6.
    expect(wd.addWorkingDays('2026-05-01', 2)).toBe('2026-05-06');
    // 2027: Koningsdag is a Tuesday. Fri 23 April + 5: Mon 26, Wed 28, Thu 29, Fri 30, Mon 3 May.
    expect(wd.addWorkingDays('2027-04-23', 5)).toBe('2027-05-03');
  });

  it('skip Hemelvaart and tweede Pinksterdag', () => {
    // Mon 2026-05-11 + 5: Tue 12, Wed 13, (Thu 14 Hemelvaart) Fri 15, Mon 18, Tue 19.
    expect(wd.addWorkingDays('2026-05-11', 5)).toBe('2026-05-19');
    // Wed 2026-05-20 + 5: Thu 21, Fri 22, (Mon 25 Pinksteren) Tue 26, Wed 27, Thu 28.
    expect(wd.addWorkingDays('2026-05-20', 5)).toBe('2026-05-28');
    // 2027: Hemelvaart Thu 6 May right after 5 mei (Wed). Tue 4 May + 5: Fri 7, Mon 10, Tue 11, Wed 12, Thu 13.
    expect(wd.addWorkingDays('2027-05-04', 5)).toBe('2027-05-13');
  });

  it('skip Goede Vrijdag and tweede Paasdag together', () => {
    // Thu 2026-04-02 + 5: (Fri 3 Goede Vrijdag) (Mon 6 Paasmaandag) Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    expect(wd.addWorkingDays('2026-04-02', 5)).toBe('2026-04-13');
  });

  it('skip Kerst and Nieuwjaar, across the year end', () => {
    // Wed 2026-12-23 + 5: Thu 24, (Fri 25, Sat 26 Kerst) Mon 28, Tue 29, Wed 30, Thu 31.
    expect(wd.addWorkingDays('2026-12-23', 5)).toBe('2026-12-31');
    // Wed 2025-12-24 + 5: (Thu 25, Fri 26) Mon 29, Tue 30, Wed 31, (Thu 1 Jan) Fri 2, Mon 5.
    expect(wd.addWorkingDays('2025-12-24', 5)).toBe('2026-01-05');
    // Fri 2027-12-24 + 5: Mon 27, Tue 28, Wed 29, Thu 30, Fri 31.
    expect(wd.addWorkingDays('2027-12-24', 5)).toBe('2027-12-31');
    expect(wd.addWorkingDays('2027-12-31', 1)).toBe('2028-01-03'); // Sat 1 Jan is a holiday anyway
  });

  it('count from a holiday as from any day: the day itself never counts', () => {
    // From Koningsdag Mon 2026-04-27: Tue 28, Wed 29, Thu 30, Fri 1, Mon 4 May.
    expect(wd.addWorkingDays('2026-04-27', 5)).toBe('2026-05-04');
    // From Hemelvaart Thu 2026-05-14: Fri 15, Mon 18, Tue 19, Wed 20, Thu 21.
    expect(wd.addWorkingDays('2026-05-14', 5)).toBe('2026-05-21');
    // From Nieuwjaarsdag Thu 2026-01-01: Fri 2, Mon 5 … Thu 8.
    expect(wd.addWorkingDays('2026-01-01', 5)).toBe('2026-01-08');
  });

  it('count the working days between two dates (the first not included)', () => {
    expect(wd.workingDaysBetween('2026-04-23', '2026-05-01')).toBe(5);
    expect(wd.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(6); // 24, 28, 29, 30, 31, 4 Jan
    expect(wd.workingDaysBetween('2026-05-01', '2026-05-01')).toBe(0);
    expect(wd.workingDaysBetween('2026-05-08', '2026-05-01')).toBe(0);
  });

  it('agree on day numbers and on ISO dates', () => {
    const day = 20_570; // 2026-04-27
    expect(wd.isWorkingDayNumber(day)).toBe(wd.isWorkingDay('2026-04-27'));
    expect(wd.addWorkingDaysToDayNumber(day, 5)).toBe(day + 7);
  });
});

describe('the holiday table the build writes (so that a deadline does not load the library)', () => {
  it('holds, for every year 1990–2100, exactly what date-holidays gives', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zorgroute-holidays-')), 'holidays-nl.json');
    const written = writeHolidayTable(path);
    expect(readHolidayTable(path)).toEqual(written);
    expect(written.source).toMatch(/^date-holidays \d+\.\d+\.\d+/);
    expect(Object.keys(written.years)).toHaveLength(TABLE_YEARS.to - TABLE_YEARS.from + 1);
    for (let y = TABLE_YEARS.from; y <= TABLE_YEARS.to; y++) expect(written.years[y], String(y)).toEqual(termijnenwetHolidays(y));
    expect(written.years[2026]).toEqual(HOLIDAYS[2026]);
  });

  it('is the one in dist/ after a build, and years outside it come from the library', () => {
    const built = readHolidayTable();
    expect(built, 'dist/holidays-nl.json (npm run build writes it)').toBeDefined();
    expect(built!.years[2027]).toEqual(HOLIDAYS[2027]);
    expect(holidaysOfYear(2028)).toEqual(HOLIDAYS[2028]);
    expect(holidaysOfYear(2150)).toEqual(termijnenwetHolidays(2150)); // past the table
    expect(dutchWorkingDays().addWorkingDays('2150-12-24', 2)).toBe('2150-12-29'); // Kerst skipped
  });
});
