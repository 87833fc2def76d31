// The school calendar as a value: which days are school days, which weeks are lesweken, and how
// many lessons a school day has. Pure: built from a calendar spec (a school's own JSON, or the
// Rijksoverheid open data converted by calendar/open-data.ts) and the public holidays (working
// days) passed in. Nothing here reads a file or the clock.
//
// A school day is a Monday–Friday inside the span, outside every holiday range of the calendar,
// and not a public holiday. A lesweek is a Monday–Sunday week with at least one school day: a
// holiday week (no school day) is skipped, the weeks around it are consecutive lesweken; a week
// with some free days (Koningsdag, a study day) is a lesweek.
import { z } from 'zod';
import { formatYmd, fromDayNumber, parseIsoDate, toDayNumber, weekdayOf } from '../dates.js';

const isoDate = z.string().refine((s) => parseIsoDate(s) !== undefined, { error: 'expected-iso-date' });
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const clock = z.string().regex(CLOCK, { error: 'expected-clock-time' });

/** `08:30` → minutes after midnight (the schema has checked the form). */
export function clockMinutes(text: string): number {
  const m = CLOCK.exec(text)!;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Lessons in a whole school day: lesuren (VO, also SO/VSO/PrO/mbo) and clock hours (PO). */
export const DEFAULT_LESSONS_PER_DAY = { lesuren: 8, klokuren: 5.5 } as const;

export const calendarSpecSchema = z.strictObject({
  name: z.string().min(1),
  from: isoDate,
  to: isoDate,
  holidays: z.array(z.strictObject({ name: z.string().min(1), from: isoDate, to: isoDate })),
  /** School days the school gives free (study days): one date each. */
  studyDays: z.array(isoDate).optional(),
  lessonsPerDay: z
    .strictObject({ lesuren: z.number().int().min(1).max(16).optional(), klokuren: z.number().positive().max(12).optional() })
    .optional(),
  /** When each lesuur begins and ends: a registration with times (and no lesuur) counts the lesuren it touches. */
  lestijden: z.array(z.strictObject({ lesuur: z.number().int().min(1).max(16), from: clock, to: clock })).optional(),
});
export type CalendarSpec = z.infer<typeof calendarSpecSchema>;

export interface Holiday {
  name: string;
  from: string;
  to: string;
}

/** Public holidays (the days of the Algemene termijnenwet): passed in, never computed here. */
export interface PublicHolidays {
  isPublicHoliday(dayNumber: number): boolean;
}

/** A calendar as plain data: its spec and the public holidays on weekdays of its span (day numbers). */
export interface CalendarParts {
  spec: CalendarSpec;
  publicHolidays: number[];
}

export const NO_PUBLIC_HOLIDAYS: PublicHolidays = { isPublicHoliday: () => false };

export type CalendarProblem =
  | { kind: 'span-reversed'; from: string; to: string }
  | { kind: 'holiday-reversed'; name: string; from: string; to: string }
  | { kind: 'lestijd-reversed'; lesuur: number; from: string; to: string }
  | { kind: 'lestijd-duplicate'; lesuur: number }
  | { kind: 'lestijden-overlap'; lesuur: number; other: number };

/** One lesuur's time, in minutes after midnight. */
export interface Lestijd {
  lesuur: number;
  from: number;
  to: number;
}

export function dayOf(iso: string): number {
  return toDayNumber(parseIsoDate(iso)!);
}

export function isoOf(dayNumber: number): string {
  return formatYmd(fromDayNumber(dayNumber));
}

/** Monday of the week holding `day`. */
export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

export class SchoolCalendar {
  readonly name: string;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly lessonsPerDay: { lesuren: number; klokuren: number };
  /** Day number of every school day, ascending. */
  readonly schoolDays: Int32Array;
  /** For each school day (by index): its lesweek, 0 for the first lesweek of the span. */
  readonly lesweekOfIndex: Int32Array;
  /** For each day of the span: the index of the school day on or before it (-1 before the first). */
  private readonly atOrBefore: Int32Array;
  private readonly isSchool: Uint8Array;
  /** For each school day: its share of its lesweek (1/5 in a full week, 1/4 in a week with Koningsdag). */
  readonly weekShareOfIndex: Float64Array;
  /** The school's lesson times, by start time (empty: none given). */
  readonly lestijden: readonly Lestijd[];
  /** What it was made of, as plain data (a worker thread makes the same calendar from it: `fromParts`). */
  readonly parts: CalendarParts;

  private constructor(spec: CalendarSpec, holidays: PublicHolidays) {
    this.name = spec.name;
    this.firstDay = dayOf(spec.from);
    this.lastDay = dayOf(spec.to);
    this.lessonsPerDay = {
      lesuren: spec.lessonsPerDay?.lesuren ?? DEFAULT_LESSONS_PER_DAY.lesuren,
      klokuren: spec.lessonsPerDay?.klokuren ?? DEFAULT_LESSONS_PER_DAY.klokuren,
    };
    this.lestijden = (spec.lestijden ?? []).map((l) => ({ lesuur: l.lesuur, from: clockMinutes(l.from), to: clockMinutes(l.to) })).sort((a, b) => a.from - b.from);
    const length = this.lastDay - this.firstDay + 1;
    const free = new Uint8Array(length);
    const freeRanges = [...spec.holidays, ...(spec.studyDays ?? []).map((d) => ({ from: d, to: d }))];
    for (const h of freeRanges) {
      const a = Math.max(dayOf(h.from), this.firstDay);
      const b = Math.min(dayOf(h.to), this.lastDay);
      for (let d = a; d <= b; d++) free[d - this.firstDay] = 1;
    }
    this.isSchool = new Uint8Array(length);
    this.atOrBefore = new Int32Array(length);
    const publicDays: number[] = [];
    const days: number[] = [];
    const weeks: number[] = [];
    let week = -1;
    let lastMonday = Number.NaN;
    for (let i = 0; i < length; i++) {
      const d = this.firstDay + i;
      const isPublic = weekdayOf(d) < 5 && holidays.isPublicHoliday(d);
      if (isPublic) publicDays.push(d);
      if (free[i] === 0 && weekdayOf(d) < 5 && !isPublic) {
        this.isSchool[i] = 1;
        const monday = mondayOf(d);
        if (monday !== lastMonday) {
          week += 1;
          lastMonday = monday;
        }
        days.push(d);
        weeks.push(week);
      }
      this.atOrBefore[i] = days.length - 1;
    }
    this.parts = { spec, publicHolidays: publicDays };
    this.schoolDays = Int32Array.from(days);
    this.lesweekOfIndex = Int32Array.from(weeks);
    this.weekShareOfIndex = new Float64Array(days.length);
    for (let a = 0; a < days.length; ) {
      let b = a;
      while (b + 1 < days.length && weeks[b + 1] === weeks[a]) b += 1;
      for (let i = a; i <= b; i++) this.weekShareOfIndex[i] = 1 / (b - a + 1);
      a = b + 1;
    }
  }

  /** The calendar, or the problems of a spec that passed its shape check (reversed ranges). */
  static make(spec: CalendarSpec, holidays: PublicHolidays = NO_PUBLIC_HOLIDAYS): { ok: true; calendar: SchoolCalendar } | { ok: false; problems: CalendarProblem[] } {
    const problems: CalendarProblem[] = [];
    if (spec.from > spec.to) problems.push({ kind: 'span-reversed', from: spec.from, to: spec.to });
    for (const h of spec.holidays) if (h.from > h.to) problems.push({ kind: 'holiday-reversed', name: h.name, from: h.from, to: h.to });
    problems.push(...lestijdenProblems(spec.lestijden ?? []));
    return problems.length > 0 ? { ok: false, problems } : { ok: true, calendar: new SchoolCalendar(spec, holidays) };
  }

  /** The calendar `parts` describe (made by `make`, so valid). */
  static fromParts(parts: CalendarParts): SchoolCalendar {
    const publicDays = new Set(parts.publicHolidays);
    return new SchoolCalendar(parts.spec, { isPublicHoliday: (d) => publicDays.has(d) });
  }

  covers(day: number): boolean {
    return day >= this.firstDay && day <= this.lastDay;
  }

  isSchoolDay(day: number): boolean {
    return this.covers(day) && this.isSchool[day - this.firstDay] === 1;
  }

  /** The index of a school day in `schoolDays`, or -1 for another day. */
  indexOf(day: number): number {
    return this.isSchoolDay(day) ? this.atOrBefore[day - this.firstDay]! : -1;
  }

  /** The index of the last school day on or before `day` (-1 when there is none in the span). */
  indexAtOrBefore(day: number): number {
    if (day < this.firstDay) return -1;
    if (day > this.lastDay) return this.schoolDays.length - 1;
    return this.atOrBefore[day - this.firstDay]!;
  }

  get size(): number {
    return this.schoolDays.length;
  }

  dayAt(index: number): number {
    return this.schoolDays[index]!;
  }

  lesweekAt(index: number): number {
    return this.lesweekOfIndex[index]!;
  }

  private schoolYears: Int32Array | undefined;

  /**
   * The year in which the school year of school day `index` began (1 August – 31 July,
   * Leerplichtwet): made once per calendar, since counting steps asks it for every day of every student.
   */
  schoolYearAt(index: number): number {
    if (!this.schoolYears) {
      const years = new Int32Array(this.schoolDays.length);
      for (let i = 0; i < years.length; i++) {
        const d = fromDayNumber(this.schoolDays[i]!);
        years[i] = d.month >= 8 ? d.year : d.year - 1;
      }
      this.schoolYears = years;
    }
    return this.schoolYears[index]!;
  }

  /**
   * The lesuren a time range touches (minutes after midnight, `to` exclusive): every lesuur that
   * overlaps it by at least a minute. Empty when no lestijden are given or none is touched.
   */
  lesurenBetween(from: number, to: number): number[] {
    return this.lestijden.filter((l) => l.from < to && from < l.to).map((l) => l.lesuur);
  }

  /**
   * Whether school day `j` lies within `weeks` consecutive lesweken counted from school day `i`
   * (j ≥ i): before the same weekday `weeks` lesweken later. 4 lesweken from a Wednesday run up
   * to and including the Tuesday of the 4th lesweek after it; holiday weeks do not count.
   */
  withinLesweken(i: number, j: number, weeks: number): boolean {
    const dw = this.lesweekAt(j) - this.lesweekAt(i);
    if (dw < weeks) return true;
    if (dw > weeks) return false;
    return weekdayOf(this.dayAt(j)) < weekdayOf(this.dayAt(i));
  }

}

/** Lesson times that cannot be used: a lesuur ending before it begins, twice, or two overlapping. */
export function lestijdenProblems(lestijden: NonNullable<CalendarSpec['lestijden']>): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<number>();
  for (const l of lestijden) {
    if (seen.has(l.lesuur)) problems.push({ kind: 'lestijd-duplicate', lesuur: l.lesuur });
    seen.add(l.lesuur);
    if (l.from >= l.to) problems.push({ kind: 'lestijd-reversed', lesuur: l.lesuur, from: l.from, to: l.to });
  }
  const byStart = lestijden.filter((l) => l.from < l.to).sort((a, b) => (a.from < b.from ? -1 : 1));
  for (let i = 1; i < byStart.length; i++) {
    if (byStart[i]!.from < byStart[i - 1]!.to) problems.push({ kind: 'lestijden-overlap', lesuur: byStart[i - 1]!.lesuur, other: byStart[i]!.lesuur });
  }
  return problems;
}
