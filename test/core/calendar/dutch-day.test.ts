import { describe, expect, it } from 'vitest';
import { dutchDay, isDutchSummerTime } from '../../../src/core/calendar/dutch-day.js';

const minutes = (iso: string): number => Date.parse(iso) / 60000;

describe('isDutchSummerTime: CEST from the last Sunday of March to the last Sunday of October, 01:00 UTC', () => {
  it.each([
    ['2026-03-29T00:59:00Z', false],
    ['2026-03-29T01:00:00Z', true],
    ['2026-10-25T00:59:00Z', true],
    ['2026-10-25T01:00:00Z', false],
    ['2025-03-30T01:00:00Z', true],
    ['2025-10-26T00:59:00Z', true],
    ['2025-10-26T01:00:00Z', false],
    ['2027-03-28T01:00:00Z', true],
    ['2027-10-31T01:00:00Z', false],
    ['2026-01-15T12:00:00Z', false],
    ['2026-07-15T12:00:00Z', true],
  ])('%s → %s', (stamp, summer) => {
    expect(isDutchSummerTime(minutes(stamp))).toBe(summer);
  });
});

describe('dutchDay: the Dutch day a stamp of the open data names', () => {
  it.each([
    // the forms of a real 2026-2027 response
    ['2026-10-10T00:00:00.000Z', '2026-10-10', 'start at 00:00 UTC (02:00 Dutch)'],
    ['2026-10-18T21:59:00.000Z', '2026-10-18', 'end at 23:59 Dutch summer time'],
    ['2026-10-25T22:59:00.000Z', '2026-10-25', 'end at 23:59 Dutch winter time, on the day summer time ends'],
    ['2027-01-03T22:59:00.000Z', '2027-01-03', 'end at 23:59 Dutch winter time'],
    // Dutch midnight written in UTC: the Dutch day, not the UTC evening before
    ['2025-10-17T22:00:00.000Z', '2025-10-18', 'Saturday 00:00 Dutch summer time: Friday stays a school day'],
    ['2025-12-19T23:00:00.000Z', '2025-12-20', 'Saturday 00:00 Dutch winter time'],
    ['2026-03-28T23:00:00.000Z', '2026-03-29', 'midnight before summer time begins (still CET)'],
    ['2026-10-24T22:00:00.000Z', '2026-10-25', 'midnight before summer time ends (still CEST)'],
    // the end of a UTC day: the UTC day, not the Dutch day it already is
    ['2026-01-04T23:59:00.000Z', '2026-01-04', '23:59 UTC in winter (00:59 Dutch on Monday)'],
    ['2026-08-16T23:59:00.000Z', '2026-08-16', '23:59 UTC in summer (01:59 Dutch on Monday)'],
    ['2026-08-16T23:59:59.999Z', '2026-08-16', '23:59:59.999 UTC'],
    ['2026-08-16T22:30:00.000Z', '2026-08-16', 'half past midnight Dutch time is no Dutch midnight'],
    ['2026-07-03T23:00:00.000Z', '2026-07-03', '23:00 UTC in summer (01:00 Dutch) is no Dutch midnight'],
    ['2026-08-16T22:00:00.001Z', '2026-08-16', 'a millisecond after Dutch midnight'],
    // plain dates, the writer's own clock
    ['2026-10-18', '2026-10-18', 'a plain date'],
    ['  2026-10-18T23:59:00.000Z \n', '2026-10-18', 'white space around'],
    ['2026-10-18T23:59:00+02:00', '2026-10-18', 'a Dutch offset: the day as written'],
    ['2026-10-18T00:00:00+01:00', '2026-10-18', 'CET written in summer: still the day as written'],
    ['2026-10-18T23:59:00', '2026-10-18', 'no zone: the day as written'],
    ['2026-10-17T22:00:00+00:00', '2026-10-18', '+00:00 is UTC'],
  ])('%s → %s (%s)', (stamp, day) => {
    expect(dutchDay(stamp)).toBe(day);
  });

  it.each(['', '18-10-2026', '2026-02-30T00:00:00.000Z', '2026-10-18T24:00:00.000Z', '2026-10-18T12:60:00Z', 'gisteren'])('%j is no date', (stamp) => {
    expect(dutchDay(stamp)).toBeUndefined();
  });
});
