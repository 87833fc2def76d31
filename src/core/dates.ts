// Calendar dates as plain `YYYY-MM-DD` strings and as day numbers (days since 1970-01-01, UTC).
// Day numbers make date arithmetic cheap and free of time zones; nothing here reads the clock.

export interface Ymd {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

/** What parseIsoDate accepts (kept as the specification; the parser checks characters instead). */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidYmd(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by `count` ASCII digits at `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * A strict `YYYY-MM-DD` calendar date (rejects 2026-02-30), or undefined. Same as matching ISO_DATE,
 * without a regular expression: `batch` parses two dates per row, a million rows at a time.
 */
export function parseIsoDate(text: string): Ymd | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  return isValidYmd(year, month, day) ? { year, month, day } : undefined;
}

/** A Dutch `dd-mm-jjjj` date (also `d-m-jjjj`, `/` or `.`), or undefined. */
export function parseDutchDate(text: string): Ymd | undefined {
  const m = DUTCH_DATE.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  return isValidYmd(year, month, day) ? { year, month, day } : undefined;
}

/** Either a Dutch or an ISO date, normalised to `YYYY-MM-DD`; undefined when neither. */
export function normalizeDate(text: string): string | undefined {
  const trimmed = text.trim();
  const ymd = parseIsoDate(trimmed) ?? parseDutchDate(trimmed);
  return ymd ? formatYmd(ymd) : undefined;
}

export function formatYmd({ year, month, day }: Ymd): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (3).
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/**
 * Whole years completed on `on`. Someone born on 29 February has their birthday on 1 March in a
 * common year (they have not yet completed the year on 28 February).
 */
export function ageOn(birth: Ymd, on: Ymd): number {
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age;
}

/** The date someone turns `years` old (29 February → 1 March in a common year). */
export function birthdayAt(birth: Ymd, years: number): Ymd {
  const year = birth.year + years;
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}

export function todayIso(now: Date): string {
  return formatYmd({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}
