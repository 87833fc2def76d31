// What `calendar check` warns about in a school's own calendar, and where a school's calendar and the
// Rijksoverheid advice for its region part ways (batch names those in its summary: the school's own
// calendar counts). Pure: the advice is passed in (the shipped holidays of the region).
import { weekdayOf } from '../dates.js';
import { dayOf, type CalendarSpec } from './school-calendar.js';
import { isZomervakantie, type RegionHoliday } from './school-years.js';

export type CalendarWarning =
  /** A vacation of the region's advice that the school's calendar does not give free (whole or in part). */
  | { kind: 'differs-from-advice'; name: string; schoolYear: string; from: string; to: string; region: string }
  /** The span reaches into a zomervakantie that is not free, or holds an August without one. */
  | { kind: 'zomervakantie-missing'; from: string | undefined; to: string | undefined; region: string | undefined }
  | { kind: 'study-day-weekend'; date: string }
  | { kind: 'study-day-in-holiday'; date: string; holiday: string }
  | { kind: 'study-day-outside'; date: string }
  | { kind: 'ranges-overlap'; first: string; second: string }
  | { kind: 'lestijden-count'; lestijden: number; lesuren: number };

/** Day numbers the school gives free: its holidays and study days. */
function freeDays(spec: CalendarSpec): Set<number> {
  const free = new Set<number>();
  for (const h of spec.holidays) for (let d = dayOf(h.from); d <= dayOf(h.to); d++) free.add(d);
  for (const d of spec.studyDays ?? []) free.add(dayOf(d));
  return free;
}

/** The weekdays of `h` inside the span that the school does not give free. */
function notFree(spec: CalendarSpec, free: Set<number>, h: { from: string; to: string }): number {
  const a = Math.max(dayOf(h.from), dayOf(spec.from));
  const b = Math.min(dayOf(h.to), dayOf(spec.to));
  let n = 0;
  for (let d = a; d <= b; d++) if (weekdayOf(d) < 5 && !free.has(d)) n += 1;
  return n;
}

const overlapsSpan = (spec: CalendarSpec, h: { from: string; to: string }): boolean => h.from <= spec.to && h.to >= spec.from;

/** The advice vacations (other than the zomervakantie) inside the span that the school does not give free. */
export function adviceDifferences(spec: CalendarSpec, advice: readonly RegionHoliday[], region: string): CalendarWarning[] {
  const free = freeDays(spec);
  return advice
    .filter((h) => !isZomervakantie(h.name) && overlapsSpan(spec, h) && notFree(spec, free, h) > 0)
    .map((h) => ({ kind: 'differs-from-advice', name: h.name, schoolYear: h.schoolYear, from: h.from, to: h.to, region }));
}

/** Every warning about a calendar that passed its shape and range checks. `advice` undefined: no region known. */
export function checkCalendar(spec: CalendarSpec, advice: readonly RegionHoliday[] | undefined, region: string | undefined): CalendarWarning[] {
  const warnings: CalendarWarning[] = [];
  const free = freeDays(spec);
  if (advice !== undefined && region !== undefined) warnings.push(...adviceDifferences(spec, advice, region));
  const summers = (advice ?? []).filter((h) => isZomervakantie(h.name) && overlapsSpan(spec, h));
  for (const h of summers) if (notFree(spec, free, h) > 0) warnings.push({ kind: 'zomervakantie-missing', from: h.from, to: h.to, region });
  if (summers.length === 0 && !spec.holidays.some((h) => isZomervakantie(h.name)) && holdsAugust(spec)) {
    warnings.push({ kind: 'zomervakantie-missing', from: undefined, to: undefined, region });
  }
  const holidays = [...spec.holidays].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 0; i < holidays.length; i++) {
    for (let j = i + 1; j < holidays.length && holidays[j]!.from <= holidays[i]!.to; j++) {
      warnings.push({ kind: 'ranges-overlap', first: holidays[i]!.name, second: holidays[j]!.name });
    }
  }
  for (const date of spec.studyDays ?? []) {
    const day = dayOf(date);
    if (date < spec.from || date > spec.to) warnings.push({ kind: 'study-day-outside', date });
    else if (weekdayOf(day) > 4) warnings.push({ kind: 'study-day-weekend', date });
    else {
      const holiday = spec.holidays.find((h) => h.from <= date && date <= h.to);
      if (holiday) warnings.push({ kind: 'study-day-in-holiday', date, holiday: holiday.name });
    }
  }
  const lesuren = spec.lessonsPerDay?.lesuren;
  const lestijden = spec.lestijden?.length ?? 0;
  if (lestijden > 0 && lesuren !== undefined && lestijden !== lesuren) warnings.push({ kind: 'lestijden-count', lestijden, lesuren });
  return warnings;
}

/** The span holds a whole week of August weekdays with no holiday: a school year with no summer break. */
function holdsAugust(spec: CalendarSpec): boolean {
  for (let y = Number(spec.from.slice(0, 4)); y <= Number(spec.to.slice(0, 4)); y++) {
    const a = `${y}-08-01`;
    const b = `${y}-08-14`;
    if (a >= spec.from && b <= spec.to && !spec.holidays.some((h) => h.from <= b && h.to >= a)) return true;
  }
  return false;
}
