import { describe, expect, it } from 'vitest';
import {
  ageOn,
  formatYmd,
  fromDayNumber,
  normalizeDate,
  parseDutchDate,
  parseIsoDate,
  toDayNumber,
  weekdayOf,
} from '../../src/core/dates.js';

const day = (iso: string): number => toDayNumber(parseIsoDate(iso)!);
const iso = (n: number): string => formatYmd(fromDayNumber(n));

describe('parseIsoDate', () => {
  it('accepts real calendar dates', () => {
    expect(parseIsoDate('2026-11-28')).toEqual({ year: 2026, month: 11, day: 28 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '26-11-28', '2026-1-28', '2026/11/28', '', '2026-11-28T00:00'])(
    'refuses %j',
    (text) => expect(parseIsoDate(text)).toBeUndefined(),
  );
});

describe('parseDutchDate and normalizeDate', () => {
  it('reads dd-mm-jjjj with -, / or .', () => {
    expect(parseDutchDate('05-03-2012')).toEqual({ year: 2012, month: 3, day: 5 });
    expect(normalizeDate('5/3/2012')).toBe('2012-03-05');
    expect(normalizeDate('05.03.2012')).toBe('2012-03-05');
    expect(normalizeDate(' 2012-03-05 ')).toBe('2012-03-05');
  });
  it('refuses impossible Dutch dates', () => {
    expect(normalizeDate('30-02-2026')).toBeUndefined();
    expect(normalizeDate('03-2026')).toBeUndefined();
  });
});

describe('day numbers', () => {
  it('round-trips and knows the weekday', () => {
    for (const d of ['1970-01-01', '2000-02-29', '2026-11-28', '2099-12-31', '1969-12-31']) expect(iso(day(d))).toBe(d);
    expect(day('1970-01-01')).toBe(0);
    expect(weekdayOf(day('2026-11-28'))).toBe(5); // Saturday
    expect(weekdayOf(day('2026-11-30'))).toBe(0); // Monday
  });
});

describe('ageOn', () => {
  const birth = parseIsoDate('2010-11-27')!;
  it('adds a year on the birthday itself, not the day before', () => {
    expect(ageOn(birth, parseIsoDate('2026-11-26')!)).toBe(15);
    expect(ageOn(birth, parseIsoDate('2026-11-27')!)).toBe(16);
  });
  it('has someone born on 29 February turn a year older on 1 March in a common year', () => {
    const leapling = parseIsoDate('2008-02-29')!;
    expect(ageOn(leapling, parseIsoDate('2026-02-28')!)).toBe(17);
    expect(ageOn(leapling, parseIsoDate('2026-03-01')!)).toBe(18);
    expect(ageOn(leapling, parseIsoDate('2028-02-29')!)).toBe(20);
  });
});
