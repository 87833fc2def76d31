// Which Dutch calendar day a timestamp of the Rijksoverheid open data names. Pure: the Dutch
// clock (Europe/Amsterdam) is computed from the EU summer-time rule — CEST (UTC+2) from the last
// Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC, CET (UTC+1) otherwise (EU
// directive 2000/84/EC; the rule holds from 1996) — so no time-zone database is needed.
//
// The service writes Dutch days as UTC timestamps, in more than one way (a real 2026-2027
// response: `"startdate":"2026-10-10T00:00:00.000Z","enddate":"2026-10-18T21:59:00.000Z"`; other
// years `…T22:00:00.000Z`, `…T22:59:00.000Z`, `…T23:00:00.000Z`). The day in UTC and the day in
// Dutch time differ only for a stamp in the last one or two hours of a UTC day (22:00–23:59Z in
// summer, 23:00–23:59Z in winter). The rule:
// - the two agree (00:00Z — 01:00 or 02:00 Dutch —, 21:59Z in summer or 22:59Z in winter — 23:59
//   Dutch —, noon): that day;
// - exactly Dutch midnight (22:00Z in summer, 23:00Z in winter): a Dutch day written in UTC, so
//   the Dutch day — `2025-10-17T22:00:00.000Z` is Saturday 18 October, not Friday the 17th;
// - any other stamp in that last stretch (23:59Z, 23:30Z): the end of a UTC day, so the UTC day —
//   `2026-10-18T23:59:00.000Z` is Sunday 18 October, not Monday the 19th (which in Dutch time it
//   already is, at 01:59).
// A stamp with a non-zero offset (`2026-10-18T23:59:00+02:00`) or without a zone names the
// writer's own day: its date as written. A plain date (`2026-10-18`) is that date.
import { formatYmd, fromDayNumber, parseIsoDate, toDayNumber, weekdayOf } from '../dates.js';

const STAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const MINUTES_PER_DAY = 1440;

/** The day number of the last Sunday of `month` (1–12) in `year`. */
function lastSunday(year: number, month: number): number {
  const next = month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  const last = toDayNumber(next) - 1;
  return last - ((weekdayOf(last) + 1) % 7); // weekdayOf: Monday 0 … Sunday 6
}

/** Minutes since 1970-01-01 00:00 UTC → is the Dutch clock on summer time (CEST)? */
export function isDutchSummerTime(utcMinutes: number): boolean {
  const { year } = fromDayNumber(Math.floor(utcMinutes / MINUTES_PER_DAY));
  const start = lastSunday(year, 3) * MINUTES_PER_DAY + 60;
  const end = lastSunday(year, 10) * MINUTES_PER_DAY + 60;
  return utcMinutes >= start && utcMinutes < end;
}

/** The Dutch day (YYYY-MM-DD) a date or timestamp of the open data names; undefined when it is neither. */
export function dutchDay(text: string): string | undefined {
  const m = STAMP.exec(text.trim());
  if (!m) return undefined;
  const written = parseIsoDate(m[1]!);
  if (!written) return undefined;
  if (m[2] === undefined) return m[1];
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const zone = m[6]?.toUpperCase();
  const utc = zone === 'Z' || zone === '+00:00' || zone === '+0000' || zone === '-00:00';
  if (!utc) return m[1]; // the writer's own clock: the day as written
  const utcMinutes = toDayNumber(written) * MINUTES_PER_DAY + hour * 60 + minute;
  const utcDay = Math.floor(utcMinutes / MINUTES_PER_DAY);
  const local = utcMinutes + (isDutchSummerTime(utcMinutes) ? 120 : 60);
  const localDay = Math.floor(local / MINUTES_PER_DAY);
  if (localDay === utcDay) return m[1];
  const fraction = m[5] === undefined ? 0 : Number(m[5]);
  const dutchMidnight = local - localDay * MINUTES_PER_DAY === 0 && second === 0 && fraction === 0;
  return formatYmd(fromDayNumber(dutchMidnight ? localDay : utcDay));
}
