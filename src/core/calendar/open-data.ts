// The Rijksoverheid open-data "schoolvakanties" JSON (opendata.rijksoverheid.nl/v1/sources/
// rijksoverheid/infotypes/schoolholidays[/schoolyear/jjjj-jjjj], output=json) → a calendar spec
// for one region. The shape, as the service returns it: one object per school year — or an array
// of them for the full list — with `content: [{ schoolyear, vacations: [{ type, compulsorydates,
// regions: [{ region: "noord"|"midden"|"zuid"|"heel Nederland", startdate, enddate }] }] }]`,
// dates as ISO timestamps (`2025-10-18T00:00:00.000Z`), `type` often with trailing spaces.
//
// The open data lists vacations, not the first school day: the span it covers runs from the day
// after the first zomervakantie in the file to the last day of the last one. Give the full list
// (or two consecutive school years) to cover a whole school year; a date outside is refused.
import { z } from 'zod';
import { dayOf, isoOf, type CalendarSpec } from './school-calendar.js';

export const REGIONS = ['noord', 'midden', 'zuid'] as const;
export type Region = (typeof REGIONS)[number];

const stamp = z.string().regex(/^\d{4}-\d{2}-\d{2}/, { error: 'expected a date (YYYY-MM-DD…)' });
const yearSchema = z.looseObject({
  content: z.array(
    z.looseObject({
      schoolyear: z.string().optional(),
      vacations: z.array(
        z.looseObject({
          type: z.string(),
          regions: z.array(z.looseObject({ region: z.string(), startdate: stamp, enddate: stamp })),
        }),
      ),
    }),
  ),
});
export const openDataSchema = z.union([yearSchema, z.array(yearSchema).min(1)]);

/** True for JSON that looks like the open data rather than a school's own calendar. */
export function isOpenData(json: unknown): boolean {
  if (Array.isArray(json)) return json.length > 0 && typeof json[0] === 'object' && json[0] !== null && 'content' in json[0];
  return typeof json === 'object' && json !== null && 'content' in json && !('holidays' in json);
}

export type OpenDataProblem = { kind: 'open-data-no-span'; region: Region } | { kind: 'open-data-region-missing'; region: Region };

export function calendarFromOpenData(data: z.infer<typeof openDataSchema>, region: Region): { ok: true; spec: CalendarSpec } | { ok: false; problem: OpenDataProblem } {
  const years = Array.isArray(data) ? data : [data];
  const holidays: CalendarSpec['holidays'] = [];
  const summers: { from: string; to: string }[] = [];
  let seenRegion = false;
  for (const year of years) {
    for (const content of year.content) {
      for (const v of content.vacations) {
        const name = v.type.trim();
        for (const r of v.regions) {
          const where = r.region.trim().toLowerCase();
          if (where !== region && where !== 'heel nederland') continue;
          seenRegion = true;
          const range = { name: content.schoolyear ? `${name} ${content.schoolyear.trim()}` : name, from: r.startdate.slice(0, 10), to: r.enddate.slice(0, 10) };
          holidays.push(range);
          if (/zomer/i.test(name)) summers.push(range);
        }
      }
    }
  }
  if (!seenRegion) return { ok: false, problem: { kind: 'open-data-region-missing', region } };
  // One zomervakantie says where the school year ends, not where it began.
  if (summers.length < 2) return { ok: false, problem: { kind: 'open-data-no-span', region } };
  summers.sort((a, b) => (a.from < b.from ? -1 : 1));
  const from = isoOf(dayOf(summers[0]!.to) + 1);
  const to = summers[summers.length - 1]!.to;
  holidays.sort((a, b) => (a.from < b.from ? -1 : 1));
  return { ok: true, spec: { name: `Rijksoverheid schoolvakanties regio ${region}`, from, to, holidays } };
}
