// The calendar a `batch --registrations` run counts over: the school's own (`--calendar`), the
// Rijksoverheid open data the user downloaded (`--calendar FILE` with a region), or — without
// `--calendar` — the holidays zorgroute ships, for the region of `--region` or of the rule set.
import { adviceDifferences, type CalendarWarning } from '../../core/calendar/calendar-check.js';
import type { OpenDataOrigin, Region } from '../../core/calendar/open-data.js';
import type { Holiday, PublicHolidays, SchoolCalendar } from '../../core/calendar/school-calendar.js';
import { schoolYearOf, spansBetween, type SchoolYearSpan } from '../../core/calendar/school-years.js';
import { ProblemError } from '../../core/absence/problems.js';
import { readCalendarFile } from '../../io/calendar/read-calendar.js';
import { readShippedHolidays, shippedCalendar, type ShippedHolidays } from '../../io/calendar/shipped-calendar.js';

export interface RunCalendar {
  calendar: SchoolCalendar;
  /** The file named as the source. */
  file: string;
  /** Set for the Rijksoverheid advice (downloaded or shipped). */
  origin: OpenDataOrigin | undefined;
  /** Set when the calendar is the shipped holidays. */
  shipped: ShippedHolidays | undefined;
  /** A school's own calendar against the shipped advice of its region: where they part ways (the school's counts). */
  differs: CalendarWarning[];
  region: Region | undefined;
}

/**
 * `--region` wins over the rule set's region. A school's own calendar is compared with the shipped
 * advice when a region is known; the open data need one.
 */
export function calendarForRun(calendarFile: string | undefined, flagRegion: Region | undefined, rulesetRegion: Region | undefined, publicHolidays: PublicHolidays): RunCalendar {
  const region = flagRegion ?? rulesetRegion;
  if (calendarFile !== undefined) {
    const read = readCalendarFile(calendarFile, region, publicHolidays);
    let differs: CalendarWarning[] = [];
    if (read.origin === undefined && region !== undefined) {
      const shipped = readShippedHolidays(region);
      differs = adviceDifferences(read.spec, shipped.holidays, region);
    }
    return { calendar: read.calendar, file: calendarFile, origin: read.origin, shipped: undefined, differs, region: read.origin?.region };
  }
  if (region === undefined) throw new ProblemError({ kind: 'calendar-missing' });
  const shipped = readShippedHolidays(region);
  const calendar = shippedCalendar(shipped, publicHolidays);
  return { calendar, file: shipped.file, origin: { kind: 'rijksoverheid', region, advice: [] }, shipped, differs: [], region };
}

/** A date outside the shipped school years: the run stops naming the year and the years shipped. */
export function notShipped(shipped: ShippedHolidays, date: string, where: 'peildatum' | 'registration', file: string, line: number): ProblemError {
  return new ProblemError({ kind: 'school-year-not-shipped', date, schoolYear: schoolYearOf(shipped.spans, date), shipped: shipped.spans.map((s) => s.schoolYear), region: shipped.region, where, file, line });
}

/** The shipped school years a run used (from its first registration or peildatum to its last peildatum), and their advice vacations. */
export function shippedYearsUsed(shipped: ShippedHolidays, from: string, to: string): { spans: SchoolYearSpan[]; advice: Holiday[] } {
  const spans = spansBetween(shipped.spans, from, to);
  const years = new Set(spans.map((s) => s.schoolYear));
  const advice = shipped.holidays.filter((h) => !h.compulsory && years.has(h.schoolYear)).map((h) => ({ name: `${h.name} ${h.schoolYear}`, from: h.from, to: h.to }));
  return { spans, advice };
}
