import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarFromOpenData, cleanText, openDataSchema, type OpenData } from '../../../src/core/calendar/open-data.js';

// In the shape the service really returns (names with newlines, string booleans, UTC stamps of
// Dutch days in every form seen, winter and summer time, "heel Nederland"); the 2026-2027
// herfst-, kerst- and voorjaarsvakantie as quoted from a real response, the other dates made up.
const load = (name: string): OpenData => openDataSchema.parse(JSON.parse(readFileSync(new URL(`../../fixtures/registrations/${name}`, import.meta.url), 'utf8')));
const full = load('rijksoverheid-schoolvakanties.json');

function converted(region: 'noord' | 'midden' | 'zuid') {
  const r = calendarFromOpenData(full, region);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r;
}

describe('calendarFromOpenData on the real shape', () => {
  it('spans from the day after the first zomervakantie to the end of the last', () => {
    const { spec } = converted('noord');
    expect([spec.from, spec.to]).toEqual(['2025-08-25', '2027-08-29']);
    expect(spec.name).toBe('Rijksoverheid schoolvakanties regio noord');
  });

  it('reads each stamp as its Dutch day, names without their newlines, "heel Nederland" for every region', () => {
    const { spec } = converted('noord');
    const byName = Object.fromEntries(spec.holidays.map((h) => [h.name, [h.from, h.to]]));
    expect(byName).toMatchObject({
      'Herfstvakantie 2025-2026': ['2025-10-18', '2025-10-26'], // 22:00Z start: Saturday, not Friday
      'Kerstvakantie 2025-2026': ['2025-12-20', '2026-01-04'], // 23:00Z start; 23:59Z end: Sunday, not Monday
      'Voorjaarsvakantie 2025-2026': ['2026-02-14', '2026-02-22'],
      'Meivakantie 2025-2026': ['2026-04-25', '2026-05-03'],
      'Zomervakantie 2025-2026': ['2026-07-04', '2026-08-16'],
      'Herfstvakantie 2026-2027': ['2026-10-10', '2026-10-18'],
      'Kerstvakantie 2026-2027': ['2026-12-19', '2027-01-03'],
      'Voorjaarsvakantie 2026-2027': ['2027-02-20', '2027-02-28'],
    });
    expect(converted('zuid').spec.holidays.find((h) => h.name === 'Kerstvakantie 2026-2027')).toMatchObject({ from: '2026-12-19', to: '2027-01-03' });
    expect(converted('zuid').spec.holidays.find((h) => h.name === 'Herfstvakantie 2025-2026')).toMatchObject({ from: '2025-10-11', to: '2025-10-19' });
  });

  it('names the vacations in the span that are advice only ("false"), not the zomervakantie nor a "true" kerstvakantie', () => {
    const { origin } = converted('noord');
    expect(origin.region).toBe('noord');
    expect(origin.advice.map((h) => h.name)).toEqual([
      'Herfstvakantie 2025-2026',
      'Kerstvakantie 2025-2026',
      'Voorjaarsvakantie 2025-2026',
      'Meivakantie 2025-2026',
      'Herfstvakantie 2026-2027',
      'Voorjaarsvakantie 2026-2027',
    ]);
  });

  it('a vacation before the span is no advice of this run (2024-2025 herfstvakantie)', () => {
    expect(converted('midden').origin.advice.map((h) => h.name)).not.toContain('Herfstvakantie 2024-2025');
  });

  it('accepts real booleans too, and a school year listed twice counts once', () => {
    const doubled = [...(full as unknown[]), (full as unknown[])[0]] as OpenData;
    const a = calendarFromOpenData(doubled, 'noord');
    expect(a.ok && a.spec.holidays.length).toBe(converted('noord').spec.holidays.length);
    const booleans = JSON.parse(JSON.stringify(full).replaceAll('"compulsorydates":"true"', '"compulsorydates":true').replaceAll('"compulsorydates":"false"', '"compulsorydates":false'));
    const b = calendarFromOpenData(openDataSchema.parse(booleans), 'noord');
    expect(b.ok && b.origin.advice).toEqual(converted('noord').origin.advice);
  });

  it('one school year is not enough: its first school day is not in the data', () => {
    expect(calendarFromOpenData(load('rijksoverheid-2025-2026.json'), 'noord')).toEqual({ ok: false, problem: { kind: 'open-data-no-span', region: 'noord', years: ['2025-2026'] } });
  });

  it('a region the file does not name is refused, with the regions it has', () => {
    const onlyZuid = JSON.parse(JSON.stringify(full)) as { content: { vacations: { regions: { region: string }[] }[] }[] }[];
    for (const y of onlyZuid) for (const c of y.content) for (const v of c.vacations) v.regions = v.regions.filter((r) => r.region.trim() === 'zuid');
    expect(calendarFromOpenData(openDataSchema.parse(onlyZuid), 'noord')).toEqual({ ok: false, problem: { kind: 'open-data-region-missing', region: 'noord', regions: ['zuid'] } });
  });

  it('the schema refuses a stamp that is no date and a compulsorydates that is no boolean', () => {
    const bad = JSON.parse(JSON.stringify(full).replace('"2026-10-10T00:00:00.000Z"', '"10-10-2026"'));
    expect(openDataSchema.safeParse(bad).success).toBe(false);
    const notBool = JSON.parse(JSON.stringify(full).replace('"compulsorydates":"true"', '"compulsorydates":"ja"'));
    expect(openDataSchema.safeParse(notBool).success).toBe(false);
  });

  it('cleanText folds the white space the service puts in names', () => {
    expect(cleanText('\n Herfstvakantie \n')).toBe('Herfstvakantie');
    expect(cleanText(' heel\n Nederland ')).toBe('heel Nederland');
  });
});
