// A student's registrations over the school calendar → the periods the law counts, and the
// situation fields at the peildatum. Pure. The routing rules stay in the rule set: these periods
// become situations that decide() judges (core/absence/route-absence.ts).
//
// Choices where the sources leave one (README "Counting registrations"):
// - 16 uur, vervolgmelding and herhaalmelding: absence/sixteen-hours.ts.
// - In a row (langdurig, RMC): a school day counts only when every lesson of it was missed
//   unexcused; a day with one lesson attended, an excused day or a sick day ends the row.
//   Weekends and holidays neither end it nor count. Weeks are lesweken: each school day is its
//   share of its lesweek (1/5, or 1/4 in a week with a public holiday).
// - A sick report is a run of consecutive school days with a sick registration (a report from
//   Monday to Wednesday, or three daily registrations, are one report).
// Every number comes from the rule set's `counting` section (core/routing/counting.ts).
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { Counting } from '../routing/counting.js';
import { EPS, makePeriod as period, roundHours, type AbsencePeriod } from './period.js';
import { sixteenHours } from './sixteen-hours.js';
import { LUXE, SICK, WHOLE_UNEXCUSED, type DayAbsence } from './student-absence.js';


export interface AbsenceFields {
  unexcusedHours4w: number;
  unexcusedWeeks: number;
  sickReports12w: number;
  sickDaysInRow: number;
  luxuryAbsence: boolean;
}

export interface AbsenceAt {
  fields: AbsenceFields;
  periods: AbsencePeriod[];
  /**
   * The unexcused hours of each school day up to the peildatum (for countSteps, which would count
   * them again): a view of a scratch array that the next call of absenceAt overwrites.
   */
  hours?: Float64Array;
}

/**
 * The day arrays of absenceAt, reused from student to student: a typed array costs an allocation of
 * its own, and a board's export has tens of thousands of students. Every day up to the peildatum is
 * written before it is read; only the `hours` view returned holds them, until the next call.
 */
let scratchHours = new Float64Array(0);
let scratchFull = new Uint8Array(0);

/**
 * Periods up to `peilIndex` (the last school day on or before the peildatum; -1: none), in the
 * order they end. `perDay`: the lessons of a whole school day for this student; `counting`: the
 * rule set's numbers.
 */
export function absenceAt(student: DayAbsence | undefined, calendar: SchoolCalendar, peilIndex: number, perDay: number, counting: Counting): AbsenceAt {
  const zero: AbsenceFields = { unexcusedHours4w: 0, unexcusedWeeks: 0, sickReports12w: 0, sickDaysInRow: 0, luxuryAbsence: false };
  if (!student || student.empty || peilIndex < 0) return { fields: zero, periods: [] };
  const n = peilIndex + 1;
  if (scratchHours.length < n) {
    scratchHours = new Float64Array(n);
    scratchFull = new Uint8Array(n);
  }
  const hours = scratchHours;
  const full = scratchFull;
  for (let i = 0; i < n; i++) {
    hours[i] = student.hoursAt(i, perDay);
    full[i] = student.flagsAt(i) & WHOLE_UNEXCUSED || hours[i]! >= perDay - EPS ? 1 : 0;
  }
  const periods = [...sixteenHours(calendar, hours, full, n, counting), ...inARow(calendar, hours, full, n, counting), ...luxe(student, calendar, n, perDay), ...mazl(student, calendar, n, counting)];
  periods.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  let h4 = 0;
  let luxury = false;
  for (let j = peilIndex; j >= 0 && calendar.withinLesweken(j, peilIndex, counting.hoursWeeks); j--) {
    h4 += hours[j]!;
    if (student.flagsAt(j) & LUXE) luxury = true;
  }
  let weeks = 0;
  for (let j = peilIndex; j >= 0 && full[j]; j--) weeks += calendar.weekShareOfIndex[j]!;
  let sickRun = 0;
  for (let j = peilIndex; j >= 0 && student.flagsAt(j) & SICK; j--) sickRun += 1;
  let reports = 0;
  for (let j = peilIndex; j >= 0 && calendar.withinLesweken(j, peilIndex, counting.sickReportWeeks); j--) {
    if (student.flagsAt(j) & SICK && (j === 0 || !(student.flagsAt(j - 1) & SICK))) reports += 1;
  }
  return {
    fields: { unexcusedHours4w: roundHours(h4), unexcusedWeeks: Math.round(weeks * 100) / 100, sickReports12w: reports, sickDaysInRow: sickRun, luxuryAbsence: luxury },
    periods,
    hours: hours.subarray(0, n),
  };
}

/** Langdurig (more than langdurigWeeks) and RMC (at least rmcWeeks): both thresholds of each row; the caller keeps the one that applies. */
function inARow(calendar: SchoolCalendar, hours: Float64Array, full: Uint8Array, n: number, counting: Counting): AbsencePeriod[] {
  const out: AbsencePeriod[] = [];
  for (let a = 0; a < n; ) {
    if (!full[a]) {
      a += 1;
      continue;
    }
    let weeks = 0;
    let sum = 0;
    let rmc = false;
    let e = a;
    for (; e < n && full[e]; e++) {
      weeks += calendar.weekShareOfIndex[e]!;
      sum += hours[e]!;
      if (!rmc && weeks >= counting.rmcWeeks - EPS) {
        rmc = true;
        out.push({ ...period(calendar, 'rmc-4-weken', a, e, sum, e - a + 1, true), weeks: Math.round(weeks * 100) / 100 });
      }
      if (weeks > counting.langdurigWeeks + EPS) {
        out.push({ ...period(calendar, 'langdurig', a, e, sum, e - a + 1, true), weeks: Math.round(weeks * 100) / 100 });
        break;
      }
    }
    while (e < n && full[e]) e += 1;
    a = e;
  }
  return out;
}

function luxe(student: DayAbsence, calendar: SchoolCalendar, n: number, perDay: number): AbsencePeriod[] {
  const out: AbsencePeriod[] = [];
  for (let a = 0; a < n; a++) {
    if (!(student.flagsAt(a) & LUXE)) continue;
    let e = a;
    let sum = 0;
    let all = true;
    for (; e < n && student.flagsAt(e) & LUXE; e++) {
      const h = student.luxeHoursAt(e, perDay);
      sum += h;
      if (h < perDay - EPS) all = false;
    }
    out.push(period(calendar, 'luxe', a, e - 1, sum, e - a, all));
    a = e;
  }
  return out;
}

function mazl(student: DayAbsence, calendar: SchoolCalendar, n: number, counting: Counting): AbsencePeriod[] {
  const out: AbsencePeriod[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (let a = 0; a < n; a++) {
    if (!(student.flagsAt(a) & SICK)) continue;
    let e = a;
    while (e + 1 < n && student.flagsAt(e + 1) & SICK) e += 1;
    starts.push(a);
    ends.push(e);
    if (e - a + 1 >= counting.sickDays) out.push(period(calendar, 'mazl-7-dagen', a, a + counting.sickDays - 1, 0, counting.sickDays, true));
    a = e;
  }
  const k = counting.sickReports;
  for (let first = 0, last = k - 1; last < starts.length; ) {
    if (calendar.withinLesweken(starts[first]!, starts[last]!, counting.sickReportWeeks)) {
      let days = 0;
      for (let r = first; r < last; r++) days += ends[r]! - starts[r]! + 1;
      days += 1; // the day of the 4th report
      out.push(period(calendar, 'mazl-4-meldingen', starts[first]!, starts[last]!, 0, days, true));
      first = last + 1; // counting starts again after the 4th report
      last = first + k - 1;
    } else {
      first += 1;
      last += 1;
    }
  }
  return out;
}
