// What the counting makes: a period the law counts, from its begindatum to its einddatum. Its own
// module so that the counting of each kind (periods.ts, sixteen-hours.ts) shares it without
// importing each other.
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import { isoOf } from '../calendar/school-calendar.js';

export const PERIOD_KINDS = ['16-uur', 'langdurig', 'rmc-4-weken', 'luxe', 'mazl-4-meldingen', 'mazl-7-dagen'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface AbsencePeriod {
  kind: PeriodKind;
  from: string;
  to: string;
  /** Unexcused hours (16-uur, langdurig, RMC), luxe hours (luxe); 0 for MAZL. */
  hours: number;
  /** Verzuimdagen: school days with absence in the period (sick days for MAZL). */
  days: number;
  /** Every lesson of every verzuimdag missed. */
  allLessonsMissed: boolean;
  /** Lesweken in a row (langdurig, RMC). */
  weeks?: number;
  /** 16-uur: the n-th herhaalmelding (1…counting.repeatMax) of a continuous absence; absent otherwise. */
  repeat?: number;
}

export const EPS = 1e-9;

export function roundHours(h: number): number {
  return Math.round(h * 100) / 100;
}

/** The period of school days `a`…`b` (indices). */
export function makePeriod(calendar: SchoolCalendar, kind: PeriodKind, a: number, b: number, hours: number, days: number, allLessonsMissed: boolean): AbsencePeriod {
  return { kind, from: isoOf(calendar.dayAt(a)), to: isoOf(calendar.dayAt(b)), hours: roundHours(hours), days, allLessonsMissed };
}
