// `zorgroute calendar check FILE`: every problem of a school's calendar at once. Errors (the shape,
// reversed ranges, lestijden that cannot be used) make it unusable; warnings (a holiday that differs
// from the region's advice, no zomervakantie, a study day on a weekend or in a holiday, overlapping
// ranges) are for the school to look at.
import { readFileSync } from 'node:fs';
import { checkCalendar, type CalendarWarning } from '../../core/calendar/calendar-check.js';
import { isOpenData, type Region } from '../../core/calendar/open-data.js';
import { calendarSpecSchema, SchoolCalendar, type CalendarProblem } from '../../core/calendar/school-calendar.js';
import { ProblemError } from '../../core/absence/problems.js';
import type { FieldIssue } from '../../core/problems.js';
import { zodIssues } from '../../core/zod-problems.js';
import { parseJsonText } from '../../io/json-text.js';
import { readShippedHolidays } from '../../io/calendar/shipped-calendar.js';
import { CalendarCommandError } from './problem.js';
import { publicHolidays, regionFor } from './show.js';

export interface CalendarCheckOptions {
  file: string;
  region?: Region | undefined;
  rules?: string | undefined;
}

export interface CalendarCheckResult {
  file: string;
  ok: boolean;
  region: Region | undefined;
  /** The shape (zod issues, with paths) and the ranges that cannot be used. */
  errors: ({ kind: 'field'; issue: FieldIssue } | { kind: 'range'; problem: CalendarProblem })[];
  warnings: CalendarWarning[];
}

export function runCalendarCheck(options: CalendarCheckOptions): CalendarCheckResult {
  const { file } = options;
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ProblemError({ kind: 'file-unreadable', file, flag: '--calendar', reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  const json = parseJsonText(text, file);
  if (isOpenData(json)) throw new CalendarCommandError({ kind: 'open-data-file', file });
  const region = regionFor(options.region, options.rules);
  const shaped = calendarSpecSchema.safeParse(json);
  if (!shaped.success) return { file, ok: false, region, errors: zodIssues(shaped.error).map((issue) => ({ kind: 'field', issue })), warnings: [] };
  const spec = shaped.data;
  const made = SchoolCalendar.make(spec, publicHolidays());
  const advice = region === undefined ? undefined : readShippedHolidays(region).holidays;
  const warnings = checkCalendar(spec, advice, region);
  if (!made.ok) return { file, ok: false, region, errors: made.problems.map((problem) => ({ kind: 'range', problem })), warnings };
  return { file, ok: true, region, errors: [], warnings };
}
