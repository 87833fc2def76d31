// Reads `--calendar FILE`: a school's own calendar JSON, or the Rijksoverheid open-data
// "schoolvakanties" JSON with a region (`--region` or the rule set's). The public holidays come in
// from the caller. A region beside a school's own calendar is not an error: batch compares the two.
import { readFileSync } from 'node:fs';
import { calendarFromOpenData, isOpenData, openDataSchema, type OpenDataOrigin, type Region } from '../../core/calendar/open-data.js';
import { calendarSpecSchema, SchoolCalendar, type CalendarSpec, type PublicHolidays } from '../../core/calendar/school-calendar.js';
import { ProblemError } from '../../core/absence/problems.js';
import { zodIssues } from '../../core/zod-problems.js';
import { parseJsonText } from '../json-text.js';

/** A calendar and where it came from: the school's own (`origin` undefined) or the Rijksoverheid advice. */
export interface ReadCalendar {
  calendar: SchoolCalendar;
  origin: OpenDataOrigin | undefined;
  spec: CalendarSpec;
}

/** A school's own calendar, or the open data for `region`. */
export function readCalendarFile(file: string, region: Region | undefined, holidays: PublicHolidays): ReadCalendar {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ProblemError({ kind: 'file-unreadable', file, flag: '--calendar', reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  // The open-data service answers in XML unless asked for JSON: say so instead of "invalid JSON at <".
  if (text.trimStart().startsWith('<')) throw new ProblemError({ kind: 'calendar-open-data', file, problem: { kind: 'open-data-xml' } });
  const json = parseJsonText(text, file);
  let spec;
  let origin: OpenDataOrigin | undefined;
  if (isOpenData(json)) {
    if (region === undefined) throw new ProblemError({ kind: 'calendar-region-needed', file });
    const shaped = openDataSchema.safeParse(json);
    if (!shaped.success) throw new ProblemError({ kind: 'calendar-invalid', file, issues: zodIssues(shaped.error) });
    const converted = calendarFromOpenData(shaped.data, region);
    if (!converted.ok) throw new ProblemError({ kind: 'calendar-open-data', file, problem: converted.problem });
    spec = converted.spec;
    origin = converted.origin;
  } else {
    const shaped = calendarSpecSchema.safeParse(json);
    if (!shaped.success) throw new ProblemError({ kind: 'calendar-invalid', file, issues: zodIssues(shaped.error) });
    spec = shaped.data;
  }
  const made = SchoolCalendar.make(spec, holidays);
  if (!made.ok) throw new ProblemError({ kind: 'calendar-problems', file, problems: made.problems });
  return { calendar: made.calendar, origin, spec };
}
