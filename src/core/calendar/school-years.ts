// School years in the Rijksoverheid holidays: where each begins and ends for a region. The open data
// list vacations, not the first and last school day, so those are assumed — the Monday after the
// previous zomervakantie and the Friday before the next one — and every caller says so. A school
// year (as the open data files it) runs from the day after the previous zomervakantie up to and
// including its own zomervakantie: a date in the summer belongs to the year that just ended.
import { weekdayOf } from '../dates.js';
import { dutchDay } from './dutch-day.js';
import { cleanText, type OpenData, type Region } from './open-data.js';
import { dayOf, isoOf, type Holiday } from './school-calendar.js';

export interface SchoolYearSpan {
  /** `2026-2027`. */
  schoolYear: string;
  /** Assumed: the first weekday after the previous zomervakantie. */
  firstSchoolDay: string;
  /** Assumed: the last weekday before this year's zomervakantie. */
  lastSchoolDay: string;
  /** The last day of this year's zomervakantie: the year covers dates up to here. */
  end: string;
}

/** A vacation of one region in one school year, with whether the government sets it. */
export interface RegionHoliday extends Holiday {
  schoolYear: string;
  /** `compulsorydates` "true": the kerst- and zomervakantie. */
  compulsory: boolean;
}

const isCompulsory = (v: unknown): boolean => v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');

/** Every vacation of `region` (or "heel Nederland") in the data, in date order, once each. */
export function regionHolidays(data: OpenData, region: Region): RegionHoliday[] {
  const out: RegionHoliday[] = [];
  const seen = new Set<string>();
  for (const year of Array.isArray(data) ? data : [data]) {
    for (const content of year.content) {
      const schoolYear = content.schoolyear === undefined ? '' : cleanText(content.schoolyear);
      for (const v of content.vacations) {
        for (const r of v.regions) {
          const where = cleanText(r.region).toLowerCase();
          if (where !== region && where !== 'heel nederland') continue;
          const from = dutchDay(r.startdate)!;
          const to = dutchDay(r.enddate)!;
          const name = cleanText(v.type);
          const key = `${schoolYear}\u0000${name}\u0000${from}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ name, from, to, schoolYear, compulsory: isCompulsory(v.compulsorydates) });
        }
      }
    }
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

export const isZomervakantie = (name: string): boolean => /zomer/i.test(name);

function nextWeekday(day: number): number {
  let d = day + 1;
  while (weekdayOf(d) > 4) d += 1;
  return d;
}

function previousWeekday(day: number): number {
  let d = day - 1;
  while (weekdayOf(d) > 4) d -= 1;
  return d;
}

/** The school years of a region that have both their own and the previous zomervakantie. */
export function schoolYearSpans(holidays: readonly RegionHoliday[]): SchoolYearSpan[] {
  const summers = holidays.filter((h) => isZomervakantie(h.name));
  const spans: SchoolYearSpan[] = [];
  for (let i = 1; i < summers.length; i++) {
    const previous = summers[i - 1]!;
    const own = summers[i]!;
    spans.push({ schoolYear: own.schoolYear, firstSchoolDay: isoOf(nextWeekday(dayOf(previous.to))), lastSchoolDay: isoOf(previousWeekday(dayOf(own.from))), end: own.to });
  }
  return spans;
}

/**
 * The school year a date falls in: the shipped span that holds it, else (a year that is not
 * shipped) named by the calendar: August and later begin a school year.
 */
export function schoolYearOf(spans: readonly SchoolYearSpan[], iso: string): string {
  let previousEnd = '';
  for (const s of spans) {
    if (iso > previousEnd && iso <= s.end && (previousEnd !== '' || iso >= s.firstSchoolDay)) return s.schoolYear;
    previousEnd = s.end;
  }
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return month >= 8 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** `2026-2027` → its span, or undefined when it is not shipped. */
export function spanOf(spans: readonly SchoolYearSpan[], schoolYear: string): SchoolYearSpan | undefined {
  return spans.find((s) => s.schoolYear === schoolYear);
}

/** The spans from the school year of `from` to that of `to`, inclusive. */
export function spansBetween(spans: readonly SchoolYearSpan[], from: string, to: string): SchoolYearSpan[] {
  const a = schoolYearOf(spans, from);
  const b = schoolYearOf(spans, to);
  const i = spans.findIndex((s) => s.schoolYear === a);
  const j = spans.findIndex((s) => s.schoolYear === b);
  return i < 0 || j < 0 ? [] : spans.slice(i, j + 1);
}

export const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/** `2026-2027` (or `2026/2027`) → `2026-2027` when the years follow each other. */
export function parseSchoolYear(text: string): string | undefined {
  const m = SCHOOL_YEAR.exec(text.trim().replace('/', '-'));
  return m && Number(m[2]) === Number(m[1]) + 1 ? `${m[1]}-${m[2]}` : undefined;
}
