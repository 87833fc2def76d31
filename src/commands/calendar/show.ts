// `zorgroute calendar show [FILE]`: one school year as data — its holidays, the public holidays on
// weekdays, the school days and lesweken per month. Without FILE the shipped Rijksoverheid advice of
// a region (its first and last school day assumed); with FILE a school's own calendar.
import type { Region } from '../../core/calendar/open-data.js';
import { weekdayOf } from '../../core/dates.js';
import { dayOf, isoOf, SchoolCalendar, type CalendarSpec, type PublicHolidays } from '../../core/calendar/school-calendar.js';
import { parseSchoolYear, schoolYearOf, spanOf } from '../../core/calendar/school-years.js';
import { ProblemError } from '../../core/absence/problems.js';
import { dutchWorkingDays, termijnenwetDays } from '../../io/calendar/public-holidays.js';
import { readCalendarFile } from '../../io/calendar/read-calendar.js';
import { readRulesetSource } from '../../io/rules/read-ruleset.js';
import { readShippedHolidays, type ShippedHolidays } from '../../io/calendar/shipped-calendar.js';
import { CalendarCommandError } from './problem.js';

export interface CalendarShowOptions {
  file?: string | undefined;
  region?: Region | undefined;
  schoolYear?: string | undefined;
  rules?: string | undefined;
  /** Picks the school year when none is given (read by the shell). */
  today: string;
}

export interface CalendarView {
  name: string;
  /** `shipped`: the Rijksoverheid advice zorgroute ships; `school`: the school's own calendar. */
  kind: 'shipped' | 'school';
  source: string;
  region: Region | undefined;
  schoolYear: string | undefined;
  firstSchoolDay: string;
  lastSchoolDay: string;
  /** The first and last school day are assumed (the open data do not say). */
  assumed: boolean;
  holidays: { name: string; from: string; to: string; compulsory?: boolean }[];
  studyDays: string[];
  publicHolidays: { id: string; date: string }[];
  months: { month: string; schoolDays: number; lesweken: number }[];
  schoolDays: number;
  lesweken: number;
}

/** `--region`, else the rule set's. */
export function regionFor(region: Region | undefined, rules: string | undefined): Region | undefined {
  return region ?? readRulesetSource(rules).ruleset.region;
}

export function publicHolidays(): PublicHolidays {
  const workingDays = dutchWorkingDays();
  return { isPublicHoliday: (d) => !workingDays.isWorkingDayNumber(d) };
}

/** The spec of one shipped school year (from its assumed first to its assumed last school day). */
export function shippedYearSpec(shipped: ShippedHolidays, schoolYear: string): { spec: CalendarSpec; holidays: CalendarView['holidays']; first: string; last: string } {
  const span = spanOf(shipped.spans, schoolYear);
  if (!span) throw new CalendarCommandError({ kind: 'year-not-shipped', schoolYear, shipped: shipped.spans.map((s) => s.schoolYear) });
  const holidays = shipped.holidays.filter((h) => h.schoolYear === schoolYear).map((h) => ({ name: h.name, from: h.from, to: h.to, compulsory: h.compulsory }));
  const spec: CalendarSpec = { name: `Rijksoverheid schoolvakanties ${schoolYear} regio ${shipped.region}`, from: span.firstSchoolDay, to: span.lastSchoolDay, holidays: holidays.map(({ name, from, to }) => ({ name, from, to })) };
  return { spec, holidays, first: span.firstSchoolDay, last: span.lastSchoolDay };
}

export function runCalendarShow(options: CalendarShowOptions): CalendarView {
  const holidaysOfDays = publicHolidays();
  if (options.file !== undefined) {
    const read = readSchoolCalendar(options.file, options.region, holidaysOfDays);
    const spec = read.spec;
    return view(spec, read.calendar, {
      kind: 'school',
      source: options.file,
      region: options.region,
      schoolYear: undefined,
      assumed: false,
      holidays: spec.holidays,
      studyDays: spec.studyDays ?? [],
    });
  }
  const region = regionFor(options.region, options.rules);
  if (region === undefined) throw new CalendarCommandError({ kind: 'region-needed' });
  const shipped = readShippedHolidays(region);
  let schoolYear: string;
  if (options.schoolYear !== undefined) {
    const parsed = parseSchoolYear(options.schoolYear);
    if (parsed === undefined) throw new CalendarCommandError({ kind: 'bad-school-year', text: options.schoolYear });
    schoolYear = parsed;
  } else {
    schoolYear = schoolYearOf(shipped.spans, options.today);
  }
  const year = shippedYearSpec(shipped, schoolYear);
  const made = SchoolCalendar.make(year.spec, holidaysOfDays);
  if (!made.ok) throw new Error(`${shipped.file}: ${made.problems.map((p) => p.kind).join(', ')}`);
  return view(year.spec, made.calendar, { kind: 'shipped', source: shipped.file, region, schoolYear, assumed: true, holidays: year.holidays, studyDays: [] });
}

/** A school's own calendar; the open data (which `--calendar` also takes) are refused here. */
function readSchoolCalendar(file: string, region: Region | undefined, holidays: PublicHolidays): ReturnType<typeof readCalendarFile> {
  try {
    const read = readCalendarFile(file, region, holidays);
    if (read.origin === undefined) return read;
  } catch (error) {
    if (!(error instanceof ProblemError) || (error.run.kind !== 'calendar-region-needed' && error.run.kind !== 'calendar-open-data')) throw error;
  }
  throw new CalendarCommandError({ kind: 'open-data-file', file });
}

function view(spec: CalendarSpec, calendar: SchoolCalendar, base: Pick<CalendarView, 'kind' | 'source' | 'region' | 'schoolYear' | 'assumed' | 'holidays' | 'studyDays'>): CalendarView {
  const months = new Map<string, { schoolDays: number; weeks: Set<number> }>();
  for (let i = 0; i < calendar.size; i++) {
    const month = isoOf(calendar.dayAt(i)).slice(0, 7);
    const m = months.get(month) ?? { schoolDays: 0, weeks: new Set<number>() };
    m.schoolDays += 1;
    // A lesweek counts in the month of its first school day.
    if (i === 0 || calendar.lesweekAt(i) !== calendar.lesweekAt(i - 1)) m.weeks.add(calendar.lesweekAt(i));
    months.set(month, m);
  }
  const publicDays: { id: string; date: string }[] = [];
  for (let y = Number(spec.from.slice(0, 4)); y <= Number(spec.to.slice(0, 4)); y++) {
    for (const d of termijnenwetDays(y)) {
      if (d.date >= spec.from && d.date <= spec.to && weekdayOf(dayOf(d.date)) < 5) publicDays.push(d);
    }
  }
  return {
    name: spec.name,
    ...base,
    firstSchoolDay: calendar.size > 0 ? isoOf(calendar.dayAt(0)) : spec.from,
    lastSchoolDay: calendar.size > 0 ? isoOf(calendar.dayAt(calendar.size - 1)) : spec.to,
    holidays: [...base.holidays].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)),
    publicHolidays: publicDays,
    months: [...months].map(([month, m]) => ({ month, schoolDays: m.schoolDays, lesweken: m.weeks.size })),
    schoolDays: calendar.size,
    lesweken: calendar.size > 0 ? calendar.lesweekAt(calendar.size - 1) + 1 : 0,
  };
}
