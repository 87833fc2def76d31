// Working days for every deadline: Monday–Friday, except the public holidays of the calendar that
// is passed in (for the Netherlands, the days of the Algemene termijnenwet art. 3: see
// src/io/calendar/public-holidays.ts). Pure: the holidays are a value, handed in by the shell like the rule
// set; nothing here knows which days they are.
import { formatYmd, fromDayNumber, parseIsoDate, toDayNumber, weekdayOf } from '../dates.js';

/** The holidays (`YYYY-MM-DD`) of one calendar year; called at most once per year. */
export type HolidaysOfYear = (year: number) => readonly string[];

export interface WorkingDays {
  /** Monday–Friday and not a holiday. Throws (a bug) on a date that is not `YYYY-MM-DD`. */
  isWorkingDay(iso: string): boolean;
  /** The same for a day number (days since 1970-01-01). */
  isWorkingDayNumber(dayNumber: number): boolean;
  /** The date `n` working days after `fromIso` (the day itself does not count; `n = 0` gives `fromIso`). */
  addWorkingDays(fromIso: string, n: number): string;
  /** The same on day numbers. */
  addWorkingDaysToDayNumber(dayNumber: number, n: number): number;
  /** Working days after `fromIso` up to and including `toIso` (0 when `toIso` is not after `fromIso`). */
  workingDaysBetween(fromIso: string, toIso: string): number;
  /** The holidays of `year` that fall on any day of the week, sorted. */
  holidaysIn(year: number): readonly string[];
}

/** A year the holiday calendar does not cover: never guess that a holiday is a working day. */
export class CalendarYearNotCovered extends Error {
  readonly kind = 'calendar-year-not-covered';
  constructor(readonly year: number) {
    super(`the holiday calendar does not cover ${year}`);
    this.name = 'CalendarYearNotCovered';
  }
}

function dayOf(iso: string): number {
  const ymd = parseIsoDate(iso);
  if (!ymd) throw new Error(`not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  return toDayNumber(ymd);
}

/**
 * Working days over the holidays that `holidaysOfYear` gives, asked for lazily, one year at a
 * time and once (a deadline of 5 working days needs one or two years; batch asks a handful).
 */
export function createWorkingDays(holidaysOfYear: HolidaysOfYear): WorkingDays {
  const byYear = new Map<number, readonly string[]>();
  const holidays = new Set<number>();
  // A flag per day over the span of years loaded so far (while it stays small), so that the
  // common lookup is one array read; a year far outside the span is looked up in the set.
  let spanFirstYear = 0;
  let spanLastYear = -1;
  let spanFirstDay = 0;
  let flags = new Uint8Array(0);

  const loadYear = (year: number): readonly string[] => {
    let list = byYear.get(year);
    if (list) return list;
    const days: string[] = [];
    for (const iso of holidaysOfYear(year)) {
      const ymd = parseIsoDate(iso);
      if (!ymd || ymd.year !== year) throw new Error(`holiday ${JSON.stringify(iso)} is not a date in ${year}`);
      holidays.add(toDayNumber(ymd));
      days.push(formatYmd(ymd));
    }
    list = [...new Set(days)].sort();
    byYear.set(year, list);
    return list;
  };

  const rebuildSpan = (first: number, last: number): void => {
    for (let y = first; y <= last; y++) loadYear(y);
    spanFirstYear = first;
    spanLastYear = last;
    spanFirstDay = toDayNumber({ year: first, month: 1, day: 1 });
    flags = new Uint8Array(toDayNumber({ year: last, month: 12, day: 31 }) - spanFirstDay + 1);
    for (const d of holidays) if (d >= spanFirstDay && d - spanFirstDay < flags.length) flags[d - spanFirstDay] = 1;
  };

  const MAX_SPAN_YEARS = 12;
  const isHolidayOutsideSpan = (dayNumber: number): boolean => {
    const year = fromDayNumber(dayNumber).year;
    if (spanLastYear < spanFirstYear) rebuildSpan(year, year);
    else if (year < spanFirstYear && spanLastYear - year < MAX_SPAN_YEARS) rebuildSpan(year, spanLastYear);
    else if (year > spanLastYear && year - spanFirstYear < MAX_SPAN_YEARS) rebuildSpan(spanFirstYear, year);
    else loadYear(year);
    return holidays.has(dayNumber);
  };

  const isHoliday = (dayNumber: number): boolean => {
    const i = dayNumber - spanFirstDay;
    return i >= 0 && i < flags.length ? flags[i] === 1 : isHolidayOutsideSpan(dayNumber);
  };

  const isWorkingDayNumber = (dayNumber: number): boolean => weekdayOf(dayNumber) < 5 && !isHoliday(dayNumber);

  const addWorkingDaysToDayNumber = (dayNumber: number, n: number): number => {
    let d = dayNumber;
    let left = n;
    while (left > 0) {
      d += 1;
      if (isWorkingDayNumber(d)) left -= 1;
    }
    return d;
  };

  return {
    isWorkingDay: (iso) => isWorkingDayNumber(dayOf(iso)),
    isWorkingDayNumber,
    addWorkingDays: (fromIso, n) => formatYmd(fromDayNumber(addWorkingDaysToDayNumber(dayOf(fromIso), n))),
    addWorkingDaysToDayNumber,
    workingDaysBetween(fromIso, toIso) {
      const to = dayOf(toIso);
      let count = 0;
      for (let d = dayOf(fromIso) + 1; d <= to; d++) if (isWorkingDayNumber(d)) count += 1;
      return count;
    },
    holidaysIn: (year) => loadYear(year),
  };
}

/**
 * Working days over a fixed list of holidays covering the years `from`–`to` (inclusive), e.g. a
 * list handed to a worker thread or written in a test. A date in another year throws
 * CalendarYearNotCovered rather than counting as a working day.
 */
export function workingDaysFromList(holidays: Iterable<string>, years: { from: number; to: number }): WorkingDays {
  const perYear = new Map<number, string[]>();
  for (let y = years.from; y <= years.to; y++) perYear.set(y, []);
  for (const iso of holidays) {
    const ymd = parseIsoDate(iso);
    const list = ymd ? perYear.get(ymd.year) : undefined;
    if (!list) throw new Error(`holiday ${JSON.stringify(iso)} is outside ${years.from}–${years.to}`);
    list.push(iso);
  }
  return createWorkingDays((year) => {
    const list = perYear.get(year);
    if (!list) throw new CalendarYearNotCovered(year);
    return list;
  });
}
