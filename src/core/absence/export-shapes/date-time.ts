// A moment in a registrations export (SOMtoday's beginDatumTijd, Magister's Start): a date with an
// optional clock time and an optional UTC offset, read as a Dutch school day and minute. A time with
// an offset (`2026-10-12T06:30:00Z`, `…T08:30:00+02:00`) is turned into Dutch time (CET/CEST); a
// time without one is taken as Dutch time as written.
import { isDutchSummerTime } from '../../calendar/dutch-day.js';
import { normalizeDate, parseIsoDate, toDayNumber } from '../../dates.js';

const MOMENT = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{4}|\d{8})(?:(?:T|\s+)(\d{1,2}):?(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const DAY = 1440;

export interface Moment {
  day: number;
  /** Minutes after midnight, Dutch time; undefined for a date alone. */
  minute: number | undefined;
}

export function parseMoment(text: string): Moment | undefined {
  const m = MOMENT.exec(text.trim());
  if (!m) return undefined;
  const d = m[1]!;
  const iso = normalizeDate(/^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : d);
  if (iso === undefined) return undefined;
  const day = toDayNumber(parseIsoDate(iso)!);
  if (m[2] === undefined) return { day, minute: undefined };
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59 || (m[4] !== undefined && Number(m[4]) > 59)) return undefined;
  const local = h * 60 + min;
  const zone = m[5];
  if (zone === undefined) return { day, minute: local };
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
    if (oh > 14 || om > 59) return undefined;
    offset = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const utc = day * DAY + local - offset;
  const dutch = utc + (isDutchSummerTime(utc) ? 120 : 60);
  return { day: Math.floor(dutch / DAY), minute: ((dutch % DAY) + DAY) % DAY };
}
