// One date style for people: `01-12-2026` (dd-mm-jjjj, the way a Dutch school writes dates and the
// way the intake asks for them), with the weekday where a deadline is meant (`di 01-12-2026`).
// JSON, CSV and the database keep ISO dates; only what a person reads goes through here.
import { parseIsoDate, toDayNumber, weekdayOf } from '../core/dates.js';

const two = (n: number): string => String(n).padStart(2, '0');

/** `01-03-2012` from `2012-03-01` (anything else is returned as it is). */
export function humanDate(iso: string): string {
  const ymd = parseIsoDate(iso);
  return ymd ? `${two(ymd.day)}-${two(ymd.month)}-${ymd.year}` : iso;
}

/** `di 01-12-2026`, with the weekday names of the language (`Tue 01-12-2026`). */
export function weekdayDate(weekdays: readonly string[], iso: string): string {
  const ymd = parseIsoDate(iso);
  if (!ymd) return iso;
  return `${weekdays[weekdayOf(toDayNumber(ymd))] ?? ''} ${humanDate(iso)}`.trim();
}

/** The local calendar day (`YYYY-MM-DD`) of a stored UTC timestamp. */
export function localIsoDay(timestamp: string): string {
  const d = new Date(timestamp);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** `28-11-2026 05:49` in the computer's own time zone (stored times are UTC). */
export function humanDateTime(timestamp: string): string {
  const d = new Date(timestamp);
  return `${humanDate(localIsoDay(timestamp))} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
