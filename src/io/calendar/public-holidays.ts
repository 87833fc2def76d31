// The public holidays that do not count as working days, for every deadline zorgroute computes.
//
// Algemene termijnenwet (BWBR0002448) art. 3 lid 1: "Algemeen erkende feestdagen in de zin van deze
// wet zijn: de Nieuwjaarsdag, de Christelijke tweede Paas- en Pinksterdag, de beide Kerstdagen, de
// Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd en de vijfde mei."
// Lid 2: "Voor de toepassing van deze wet wordt Goede Vrijdag met de in het vorige lid genoemde
// dagen gelijkgesteld." So 5 mei counts every year (not only in lustrum years, which is a matter of
// collective agreements), and Goede Vrijdag counts by the law itself, not by a besluit. The days
// that lid 3 lets the government add by a decree published every three years (such as the Friday
// after Hemelvaart) only extend a statutory term that would end on them; they are not in this list.
// Source: wetten.overheid.nl/BWBR0002448 (art. 3); ROUTING-RULES.md §8.
//
// The dates come from date-holidays (computus, Koningsdag on Saturday 26 April when the 27th is a
// Sunday). Its NL data also has Pasen, Pinksteren, Dodenherdenking, Sinterklaas, Oudejaarsavond… and
// marks Goede Vrijdag and Bevrijdingsdag as type "school", not "public": so this file picks the
// nine days by their rule, not by the library's type, and checks that every one was found.
//
// The library (with its time-zone data) costs about 0.1 s to load, more than the rest of `route`.
// So `npm run build` writes what it gives for 1990–2100 to dist/holidays-nl.json (see
// writeHolidayTable), a deadline in those years reads that table, and the library itself is loaded
// only for a year outside it. test/io/public-holidays.test.ts holds the table to the library.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type HolidaysClass from 'date-holidays';
import { packageRoot } from '../package-root.js';
import { createWorkingDays, type WorkingDays } from '../../core/calendar/working-days.js';

/** The nine days, keyed by the date-holidays rule that computes each (its NL data, version pinned). */
const TERMIJNENWET_RULES: ReadonlyArray<readonly [string, (rule: string) => boolean]> = [
  ['nieuwjaarsdag', (r) => r === '01-01'],
  ['goede-vrijdag', (r) => r === 'easter -2'],
  ['tweede-paasdag', (r) => r === 'easter 1'],
  // "de dag waarop de verjaardag van de Koning wordt gevierd": Koningsdag since 2014, Koninginnedag
  // (30 April, 31 August before 1949) before it.
  ['koningsdag', (r) => r.startsWith('04-27 ') || r.startsWith('04-30 ') || r.startsWith('08-31 ')],
  ['vijf-mei', (r) => r === '05-05'],
  ['hemelvaartsdag', (r) => r === 'easter 39'],
  ['tweede-pinksterdag', (r) => r === 'easter 50'],
  ['eerste-kerstdag', (r) => r === '12-25'],
  ['tweede-kerstdag', (r) => r === '12-26'],
];

/**
 * Years the holiday calendar answers for: every year a date zorgroute accepts can fall in (1900–2999),
 * and the next, which a deadline can reach. (The Algemene termijnenwet dates from 1965; earlier years
 * get the same days, which only matters for a reference date no school will give.)
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 3000;

let holidays: HolidaysClass | undefined;

function library(): HolidaysClass {
  if (!holidays) {
    // A require made here, not a static import: the bundler leaves it alone and it runs only when needed.
    const load = createRequire(import.meta.url);
    const Holidays = load('date-holidays') as typeof HolidaysClass;
    holidays = new Holidays('NL', { languages: ['nl'] });
  }
  return holidays;
}

/**
 * The Algemene termijnenwet art. 3 days of `year` (`YYYY-MM-DD`), in date order, from the library.
 * Throws (a bug, exit 1) when it does not give exactly one date for each of the nine days.
 */
export function termijnenwetHolidays(year: number): string[] {
  return termijnenwetDays(year).map((d) => d.date);
}

/** The same days with the id of each (`koningsdag`, …), in date order: what `calendar show` names. */
export function termijnenwetDays(year: number): { id: string; date: string }[] {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new Error(`public holidays asked for ${year}, outside ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  const found = new Map<string, string>();
  for (const h of library().getHolidays(year)) {
    const entry = TERMIJNENWET_RULES.find(([, matches]) => matches(h.rule));
    if (!entry) continue;
    if (found.has(entry[0])) throw new Error(`date-holidays gives ${entry[0]} twice in ${year}`);
    found.set(entry[0], h.date.slice(0, 10));
  }
  const missing = TERMIJNENWET_RULES.map(([name]) => name).filter((name) => !found.has(name));
  if (missing.length > 0) throw new Error(`date-holidays gives no ${missing.join(', ')} in ${year}`);
  return [...found].map(([id, date]) => ({ id, date })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The years the build's table covers: every reference date a school will give, and then some. */
export const TABLE_YEARS = { from: 1990, to: 2100 } as const;

export interface HolidayTable {
  source: string;
  from: number;
  to: number;
  /** Year → its nine days. */
  years: Record<string, string[]>;
}

export function holidayTablePath(): string {
  return join(packageRoot(), 'dist', 'holidays-nl.json');
}

/** Writes the table for TABLE_YEARS (run by `npm run build`, after tsc). */
export function writeHolidayTable(path = holidayTablePath()): HolidayTable {
  const load = createRequire(import.meta.url);
  const version = (load('date-holidays/package.json') as { version: string }).version;
  const years: Record<string, string[]> = {};
  for (let y = TABLE_YEARS.from; y <= TABLE_YEARS.to; y++) years[y] = termijnenwetHolidays(y);
  const table: HolidayTable = { source: `date-holidays ${version}, Algemene termijnenwet art. 3`, ...TABLE_YEARS, years };
  writeFileSync(path, `${JSON.stringify(table)}\n`);
  return table;
}

/** The build's table, or undefined when there is none (running from src/ before a build). */
export function readHolidayTable(path = holidayTablePath()): HolidayTable | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as HolidayTable;
}

let table: HolidayTable | null | undefined;

/** A year's days: from the table when it has the year, else from the library. */
export function holidaysOfYear(year: number): readonly string[] {
  if (table === undefined) table = readHolidayTable() ?? null;
  return table?.years[year] ?? termijnenwetHolidays(year);
}

let shared: WorkingDays | undefined;

/** Working days in the Netherlands (Monday–Friday, not an art. 3 day), one value per process. */
export function dutchWorkingDays(): WorkingDays {
  return (shared ??= createWorkingDays(holidaysOfYear));
}
