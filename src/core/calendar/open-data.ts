// The Rijksoverheid open-data "schoolvakanties" JSON (opendata.rijksoverheid.nl/v1/[sources/
// rijksoverheid/]infotypes/schoolholidays[/schoolyear/jjjj-jjjj], output=json) → a calendar spec
// for one region. The shape, as the service really returns it: one object per school year — or an
// array of them for the full list — with `content: [{ schoolyear, vacations: [{ type,
// compulsorydates, regions: [{ region: "noord"|"midden"|"zuid"|"heel Nederland", startdate,
// enddate }] }] }]`. `type` comes with newlines and spaces (`"\n Herfstvakantie \n"`),
// `compulsorydates` as the strings "true"/"false", and the dates as UTC timestamps of Dutch days
// (`"startdate":"2026-10-10T00:00:00.000Z","enddate":"2026-10-18T21:59:00.000Z"`); see dutchDay().
//
// The open data lists vacations, not the first school day: the span it covers runs from the day
// after the first zomervakantie in the file to the last day of the last one. Give the full list
// (or two consecutive school years) to cover a whole school year; a date outside is refused.
// Every vacation but the kerst- and zomervakantie is an *advice* (`compulsorydates: "false"`): a school may
// choose other weeks, so the result says which vacations in the span are advice only.
import { z } from 'zod';
import { dayOf, isoOf, type CalendarSpec, type Holiday } from './school-calendar.js';
import { dutchDay } from './dutch-day.js';

export const REGIONS = ['noord', 'midden', 'zuid'] as const;
export type Region = (typeof REGIONS)[number];

const stamp = z.string().refine((s) => dutchDay(s) !== undefined, { error: 'expected a date (YYYY-MM-DD) or an ISO timestamp (YYYY-MM-DDTHH:MM:SS.sssZ)' });
/** `true`, `"true"`, `" TRUE "` → true; `false`, `"false"` → false; absent or null → not compulsory (an advice). */
const compulsory = z.union([z.boolean(), z.string().regex(/^\s*(true|false)\s*$/i, { error: 'expected "true" or "false"' })]).nullable().optional();
const yearSchema = z.looseObject({
  content: z.array(
    z.looseObject({
      schoolyear: z.string().optional(),
      vacations: z.array(
        z.looseObject({
          type: z.string(),
          compulsorydates: compulsory,
          regions: z.array(z.looseObject({ region: z.string(), startdate: stamp, enddate: stamp })),
        }),
      ),
    }),
  ),
});
export const openDataSchema = z.union([yearSchema, z.array(yearSchema).min(1)]);
export type OpenData = z.infer<typeof openDataSchema>;

/** True for JSON that looks like the open data rather than a school's own calendar. */
export function isOpenData(json: unknown): boolean {
  if (Array.isArray(json)) return json.length > 0 && typeof json[0] === 'object' && json[0] !== null && 'content' in json[0];
  return typeof json === 'object' && json !== null && 'content' in json && !('holidays' in json);
}

export type OpenDataProblem =
  /** The service's default form (without `output=json`): XML, which zorgroute does not read. */
  | { kind: 'open-data-xml' }
  | { kind: 'open-data-no-span'; region: Region; years: string[] }
  | { kind: 'open-data-region-missing'; region: Region; regions: string[] }
  | { kind: 'open-data-range-reversed'; region: Region; name: string; from: string; to: string };

/** Where a calendar came from: the Rijksoverheid advice names the vacations that are advice only. */
export interface OpenDataOrigin {
  kind: 'rijksoverheid';
  region: Region;
  /** The vacations inside the span that are an advice (`compulsorydates` not true), in date order. */
  advice: Holiday[];
}

/** "\n Herfstvakantie \n" → "Herfstvakantie"; inner runs of white space become one space. */
export function cleanText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function isCompulsory(v: boolean | string | null | undefined): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true');
}

export function calendarFromOpenData(data: OpenData, region: Region): { ok: true; spec: CalendarSpec; origin: OpenDataOrigin } | { ok: false; problem: OpenDataProblem } {
  const years = Array.isArray(data) ? data : [data];
  const holidays: (Holiday & { compulsory: boolean })[] = [];
  const summers: { from: string; to: string }[] = [];
  const regionsSeen = new Set<string>();
  const schoolYears = new Set<string>();
  let seenRegion = false;
  // The full list repeats a school year in several documents; one copy is enough.
  const seen = new Set<string>();
  for (const year of years) {
    for (const content of year.content) {
      const schoolyear = content.schoolyear === undefined ? '' : cleanText(content.schoolyear);
      if (schoolyear !== '') schoolYears.add(schoolyear);
      for (const v of content.vacations) {
        const name = cleanText(v.type);
        for (const r of v.regions) {
          const where = cleanText(r.region).toLowerCase();
          regionsSeen.add(where);
          if (where !== region && where !== 'heel nederland') continue;
          seenRegion = true;
          const range = { name: schoolyear ? `${name} ${schoolyear}` : name, from: dutchDay(r.startdate)!, to: dutchDay(r.enddate)! };
          if (range.from > range.to) return { ok: false, problem: { kind: 'open-data-range-reversed', region, ...range } };
          const key = `${range.name}\u0000${range.from}\u0000${range.to}`;
          if (seen.has(key)) continue;
          seen.add(key);
          holidays.push({ ...range, compulsory: isCompulsory(v.compulsorydates) });
          if (/zomer/i.test(name)) summers.push(range);
        }
      }
    }
  }
  if (!seenRegion) return { ok: false, problem: { kind: 'open-data-region-missing', region, regions: [...regionsSeen].sort() } };
  // One zomervakantie says where the school year ends, not where it began.
  if (summers.length < 2) return { ok: false, problem: { kind: 'open-data-no-span', region, years: [...schoolYears].sort() } };
  summers.sort((a, b) => (a.from < b.from ? -1 : 1));
  const from = isoOf(dayOf(summers[0]!.to) + 1);
  const to = summers[summers.length - 1]!.to;
  holidays.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const advice = holidays.filter((h) => !h.compulsory && h.to >= from && h.from <= to).map(({ name, from: f, to: t }) => ({ name, from: f, to: t }));
  return {
    ok: true,
    spec: { name: `Rijksoverheid schoolvakanties regio ${region}`, from, to, holidays: holidays.map(({ name, from: f, to: t }) => ({ name, from: f, to: t })) },
    origin: { kind: 'rijksoverheid', region, advice },
  };
}
