// A picture of one student's absence over the school year (`batch --registrations --student`):
// weeks as rows, the school days Monday–Friday as columns, each day's unexcused lesuren, the days
// off (holidays, public holidays) and the periods the counting found, with their einddatum. Pure:
// the terminal drawing is ui/print/absence-picture.ts, the dossier's SVG ui/dossier/absence-svg.ts.
import { dayOf, isoOf, mondayOf, type PublicHolidays, type SchoolCalendar } from '../calendar/school-calendar.js';
import type { PeriodKind } from './period.js';
import { SICK, type DayAbsence } from './student-absence.js';

export type DayKind = 'school' | 'holiday' | 'public-holiday' | 'outside';

export interface PictureDay {
  date: string;
  kind: DayKind;
  /** Unexcused hours (lesuren; klokuren in PO) on a school day; 0 otherwise. */
  hours: number;
  /** 0 (none) … 4 (the whole day): hours as a share of the day's lessons. */
  level: 0 | 1 | 2 | 3 | 4;
  sick: boolean;
  /** Inside a counted period (its index in `periods`), or -1. */
  period: number;
  /** The einddatum of a period. */
  einddatum: boolean;
}

export interface PicturePeriod {
  kind: PeriodKind;
  from: string;
  to: string;
}

export interface AbsencePicture {
  studentRef: string;
  perDay: number;
  weeks: { monday: string; days: PictureDay[] }[];
  periods: PicturePeriod[];
  totalHours: number;
  /** Drawn from the case log's periods (their average hours per day), not from the registrations. */
  estimated?: boolean;
}

export function levelOf(hours: number, perDay: number): PictureDay['level'] {
  if (hours <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((hours / perDay) * 4))) as PictureDay['level'];
}

/** The weeks of the calendar up to `throughDay` (the peildatum), each Monday to Friday. */
export function absencePicture(
  studentRef: string,
  days: DayAbsence,
  calendar: SchoolCalendar,
  publicHolidays: PublicHolidays,
  perDay: number,
  periods: readonly PicturePeriod[],
  through: string,
): AbsencePicture {
  const last = Math.min(calendar.lastDay, dayOf(through));
  const weeks: AbsencePicture['weeks'] = [];
  const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let totalHours = 0;
  for (let monday = mondayOf(calendar.firstDay); monday <= last; monday += 7) {
    const row: PictureDay[] = [];
    for (let d = monday; d < monday + 5; d++) {
      const date = isoOf(d);
      const inside = d >= calendar.firstDay && d <= last;
      const i = inside && calendar.isSchoolDay(d) ? calendar.indexOf(d) : -1;
      const kind: DayKind = !inside ? 'outside' : i >= 0 ? 'school' : publicHolidays.isPublicHoliday(d) ? 'public-holiday' : 'holiday';
      const hours = i >= 0 && !days.empty ? days.hoursAt(i, perDay) : 0;
      totalHours += hours;
      const period = kind === 'school' ? sorted.findIndex((p) => p.from <= date && date <= p.to) : -1;
      row.push({
        date,
        kind,
        hours,
        level: levelOf(hours, perDay),
        sick: i >= 0 && !days.empty && (days.flagsAt(i) & SICK) !== 0,
        period,
        einddatum: sorted.some((p) => p.to === date),
      });
    }
    weeks.push({ monday: isoOf(monday), days: row });
  }
  return { studentRef, perDay, weeks, periods: sorted, totalHours };
}

/** A period as the case log holds it: a melding's or a period to-do's dates and counts. */
export interface LoggedPeriod extends PicturePeriod {
  hours: number;
  days: number;
}

/**
 * The picture a case log can draw without the registrations (`cases show`, the dossier): the weeks
 * from the first period to the last einddatum, each day of a period shaded by that period's
 * unexcused hours per day on average, public holidays marked; other days are unknown to the log
 * and drawn as none. School holidays are not in the log.
 */
export function pictureFromPeriods(studentRef: string, logged: readonly LoggedPeriod[], publicHolidays: PublicHolidays, perDay: number): AbsencePicture | null {
  if (logged.length === 0) return null;
  const periods = [...logged].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const first = mondayOf(dayOf(periods[0]!.from));
  const last = Math.max(...periods.map((p) => dayOf(p.to)));
  const weeks: AbsencePicture['weeks'] = [];
  let totalHours = 0;
  for (let monday = first; monday <= last; monday += 7) {
    const row: PictureDay[] = [];
    for (let d = monday; d < monday + 5; d++) {
      const date = isoOf(d);
      const holiday = publicHolidays.isPublicHoliday(d);
      const period = holiday ? -1 : periods.findIndex((p) => p.from <= date && date <= p.to);
      const p = period >= 0 ? periods[period]! : undefined;
      // A day counted in several periods (a langdurig over 16-uur weeks) counts once, at its first period's rate.
      const hours = p && p.days > 0 && p.hours > 0 ? p.hours / Math.max(p.days, 1) : 0;
      totalHours += hours;
      row.push({ date, kind: holiday ? 'public-holiday' : 'school', hours, level: levelOf(hours, perDay), sick: false, period, einddatum: periods.some((x) => x.to === date) });
    }
    weeks.push({ monday: isoOf(monday), days: row });
  }
  return { studentRef, perDay, weeks, periods: periods.map(({ kind, from, to }) => ({ kind, from, to })), totalHours, estimated: true };
}
