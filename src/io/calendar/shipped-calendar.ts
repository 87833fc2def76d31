// The school holidays zorgroute ships (data/calendars/rijksoverheid-schoolvakanties.json): the
// Rijksoverheid advice per region for the school years in the file, in the open data's own shape
// (so the open-data reader serves), with its sources named in the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarFromOpenData, openDataSchema, type OpenData, type Region } from '../../core/calendar/open-data.js';
import { SchoolCalendar, type PublicHolidays } from '../../core/calendar/school-calendar.js';
import { regionHolidays, schoolYearSpans, type RegionHoliday, type SchoolYearSpan } from '../../core/calendar/school-years.js';
import { packageRoot } from '../package-root.js';

/** As people see it: relative to the checkout, the same on every machine. */
export const SHIPPED_CALENDAR = 'data/calendars/rijksoverheid-schoolvakanties.json';

export interface ShippedHolidays {
  /** `SHIPPED_CALENDAR`. */
  file: string;
  region: Region;
  holidays: RegionHoliday[];
  /** The school years that are shipped whole (with the zomervakantie before them). */
  spans: SchoolYearSpan[];
  data: OpenData;
}

let cached: OpenData | undefined;

function readData(): OpenData {
  if (cached) return cached;
  const parsed = openDataSchema.safeParse(JSON.parse(readFileSync(join(packageRoot(), SHIPPED_CALENDAR), 'utf8')));
  // A broken shipped file is our bug, not the user's input.
  if (!parsed.success) throw new Error(`${SHIPPED_CALENDAR} is not valid open data: ${parsed.error.message}`);
  cached = parsed.data;
  return cached;
}

export function readShippedHolidays(region: Region): ShippedHolidays {
  const data = readData();
  const holidays = regionHolidays(data, region);
  return { file: SHIPPED_CALENDAR, region, holidays, spans: schoolYearSpans(holidays), data };
}

/** The shipped school years of `region` as one calendar: from the first one's first school day to the end of the last zomervakantie. */
export function shippedCalendar(shipped: ShippedHolidays, publicHolidays: PublicHolidays): SchoolCalendar {
  const converted = calendarFromOpenData(shipped.data, shipped.region);
  if (!converted.ok) throw new Error(`${SHIPPED_CALENDAR}: ${converted.problem.kind} for ${shipped.region}`);
  const made = SchoolCalendar.make({ ...converted.spec, name: `Rijksoverheid schoolvakanties regio ${shipped.region}` }, publicHolidays);
  if (!made.ok) throw new Error(`${SHIPPED_CALENDAR}: ${made.problems.map((p) => p.kind).join(', ')}`);
  return made.calendar;
}
