// 16 uur in 4 lesweken, with the vervolgmelding and the herhaalmelding (README "Counting
// registrations"). Pure.
//
// - begindatum = first absence day; the window is `hoursWeeks` lesweken from it (up to the same
//   weekday that many lesweken later, holiday weeks skipped); einddatum = the day the 16th hour is
//   reached. Not reached: the begindatum moves to the next absence day. After a period, counting
//   starts again the day after its einddatum: 16 hours again is a vervolgmelding.
// - Herhaalmelding (DUO "Soorten verzuim": a pupil who stays away continuously right after a
//   melding may be reported once per 7 calendar days; DUO Verzuimhulp: up to 4 herhaalmeldingen).
//   When every school day from the day after the previous einddatum up to the day the 16 hours are
//   reached again is missed whole and unexcused (the `full[]` of the in-a-row counting), the next
//   period is a herhaalmelding. While the pupil stays away, its einddatum is the day the 16 hours
//   are reached, but not before the first school day on or after previous einddatum + `repeatDays`
//   calendar days: two meldingen of one continuous absence are at least that far apart. When the
//   pupil comes back before that day, the einddatum is the last verzuimdag of the run (DUO: "de
//   laatste verzuimdag óf de dag dat de 16 uur is bereikt"); its deadline (5 working days after a
//   school day, so at least 7 calendar days) still lies on or after the day the herhaalmelding may
//   be made — which is why `repeatDays` is at most 7 (core/routing/counting.ts). While the pupil is
//   still away on the peildatum and that day is not reached, there is no period yet. Hours and days
//   are everything from its begindatum to its einddatum. After `repeatMax` herhaalmeldingen the
//   rest of that continuous run brings no 16-uur period (langdurig relatief verzuim and
//   rmc-4-weken take over); counting starts again on the first day that is not missed whole.
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { Counting } from '../routing/counting.js';
import { EPS, makePeriod, type AbsencePeriod } from './period.js';

interface Reached {
  end: number;
}

/** The previous 16-uur period: its einddatum (index), and how many herhaalmeldingen its continuous run has had. */
interface Previous {
  to: number;
  repeats: number;
}

export function sixteenHours(calendar: SchoolCalendar, hours: Float64Array, full: Uint8Array, n: number, counting: Counting): AbsencePeriod[] {
  const { hours: threshold, hoursWeeks, repeatDays, repeatMax } = counting;
  const out: AbsencePeriod[] = [];
  const nextAbsence = (from: number): number => {
    for (let i = from; i < n; i++) if (hours[i]! > EPS) return i;
    return -1;
  };
  const reach = (b: number): Reached | undefined => {
    let sum = 0;
    for (let j = b; j < n && calendar.withinLesweken(b, j, hoursWeeks); j++) {
      sum += hours[j]!;
      if (sum >= threshold - EPS) return { end: j };
    }
    return undefined;
  };
  const allFull = (a: number, b: number): boolean => {
    for (let j = a; j <= b; j++) if (!full[j]) return false;
    return true;
  };
  const push = (b: number, e: number, repeat: number): void => {
    let sum = 0;
    let days = 0;
    let all = true;
    for (let j = b; j <= e; j++) {
      if (hours[j]! <= EPS) continue;
      sum += hours[j]!;
      days += 1;
      if (!full[j]) all = false;
    }
    const p = makePeriod(calendar, '16-uur', b, e, sum, days, all);
    out.push(repeat > 0 ? { ...p, repeat } : p);
  };

  let prev: Previous | undefined;
  let b = nextAbsence(0);
  while (b >= 0) {
    const reached = reach(b);
    if (!reached) {
      b = nextAbsence(b + 1);
      continue;
    }
    const continuous = prev !== undefined && b === prev.to + 1 && allFull(b, reached.end);
    if (!continuous) {
      push(b, reached.end, 0);
      prev = { to: reached.end, repeats: 0 };
      b = nextAbsence(reached.end + 1);
      continue;
    }
    if (prev!.repeats >= repeatMax) {
      // This continuous run has had its herhaalmeldingen: nothing more from it.
      let e = b;
      while (e < n && full[e]) e += 1;
      prev = undefined;
      b = nextAbsence(e);
      continue;
    }
    // The first school day on or after previous einddatum + repeatDays calendar days; the run up to it.
    const earliest = calendar.indexAtOrBefore(calendar.dayAt(prev!.to) + repeatDays - 1) + 1;
    let last = reached.end;
    while (last + 1 < n && last < earliest && full[last + 1]) last += 1;
    let end: number;
    if (last >= earliest) end = Math.max(reached.end, earliest); // still away: the weekly melding
    else if (last + 1 < n) end = last; // back before it: the last verzuimdag of the run
    else break; // still away on the peildatum, and the melding not yet due
    const repeat = prev!.repeats + 1;
    push(b, end, repeat);
    // A run that ended before the melding's week was over is done: what follows is counted anew.
    prev = { to: end, repeats: end === last && last < earliest ? 0 : repeat };
    b = nextAbsence(end + 1);
  }
  return out;
}
