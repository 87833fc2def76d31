// `zorgroute calendar init --school-year 2026-2027 [--region noord]`: a school calendar to edit —
// the assumed first and last school day, the region's holidays (without the zomervakantie, which
// falls after the last school day), an empty list of study days, lessons per day and example
// lestijden. Written only to a new file (never over one).
import { existsSync, writeFileSync } from 'node:fs';
import type { Region } from '../../core/calendar/open-data.js';
import { DEFAULT_LESSONS_PER_DAY, type CalendarSpec } from '../../core/calendar/school-calendar.js';
import { isZomervakantie, parseSchoolYear } from '../../core/calendar/school-years.js';
import { readShippedHolidays } from '../../io/calendar/shipped-calendar.js';
import { CalendarCommandError } from './problem.js';
import { regionFor, shippedYearSpec } from './show.js';

export interface CalendarInitOptions {
  schoolYear: string;
  region?: Region | undefined;
  rules?: string | undefined;
  out?: string | undefined;
}

/** An example only (8 lessons of 50 minutes with three breaks): the school puts in its own. */
const EXAMPLE_LESTIJDEN = [
  ['08:30', '09:20'],
  ['09:20', '10:10'],
  ['10:25', '11:15'],
  ['11:15', '12:05'],
  ['12:35', '13:25'],
  ['13:25', '14:15'],
  ['14:25', '15:15'],
  ['15:15', '16:05'],
] as const;

export interface CalendarInitResult {
  spec: CalendarSpec;
  text: string;
  out: string | undefined;
  region: Region;
}

export function runCalendarInit(options: CalendarInitOptions): CalendarInitResult {
  const schoolYear = parseSchoolYear(options.schoolYear);
  if (schoolYear === undefined) throw new CalendarCommandError({ kind: 'bad-school-year', text: options.schoolYear });
  const region = regionFor(options.region, options.rules);
  if (region === undefined) throw new CalendarCommandError({ kind: 'region-needed' });
  if (options.out !== undefined && existsSync(options.out)) throw new CalendarCommandError({ kind: 'out-exists', file: options.out });
  const year = shippedYearSpec(readShippedHolidays(region), schoolYear);
  const spec: CalendarSpec = {
    name: `Schoolkalender ${schoolYear} (regio ${region})`,
    from: year.first,
    to: year.last,
    holidays: year.spec.holidays.filter((h) => !isZomervakantie(h.name)).map((h) => ({ name: h.name.toLowerCase(), from: h.from, to: h.to })),
    studyDays: [],
    lessonsPerDay: { ...DEFAULT_LESSONS_PER_DAY },
    lestijden: EXAMPLE_LESTIJDEN.map(([from, to], i) => ({ lesuur: i + 1, from, to })),
  };
  const text = `${JSON.stringify(spec, null, 2)}\n`;
  if (options.out !== undefined) {
    try {
      writeFileSync(options.out, text, { flag: 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CalendarCommandError(code === 'EEXIST' ? { kind: 'out-exists', file: options.out } : { kind: 'out-unwritable', file: options.out, reason: code ?? (error as Error).message });
    }
  }
  return { spec, text, out: options.out, region };
}
