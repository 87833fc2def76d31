// What one student's registrations come to, day by day over the school calendar: aggregated as the
// registrations stream in (in any order), so memory grows with students × school days, never with
// registrations. Pure; the counting into periods is in absence/periods.ts.
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { AbsenceCode } from './codes.js';

export const SICK = 1;
export const LUXE = 2;
/** A whole-day registration of unexcused absence. */
export const WHOLE_UNEXCUSED = 4;
export const WHOLE_LUXE = 8;

/** Where a registration's hours go. */
export interface Placed {
  /** 0: the whole day. */
  lesuur: number;
  minutes: number | undefined;
}

/**
 * Per school day: a bit per unexcused lesuur (so the same lesuur registered twice counts once),
 * extra unexcused hours from time ranges (PO clock hours), and flags. Arrays are made on first use.
 */
export class StudentAbsence {
  lessons: Uint16Array | undefined;
  extra: Float32Array | undefined;
  flags: Uint8Array | undefined;
  luxeLessons: Uint16Array | undefined;
  luxeExtra: Float32Array | undefined;
  registrations = 0;

  constructor(private readonly size: number) {}

  private flagsArray(): Uint8Array {
    return (this.flags ??= new Uint8Array(this.size));
  }

  /** Counts one registration on the school day with index `i`. */
  add(i: number, code: AbsenceCode, excused: boolean, placed: Placed): void {
    if (code.kind === 'te-laat') return; // lateness is not an hour of absence (EXPORTS.md)
    if (code.kind === 'ziek') this.flagsArray()[i]! |= SICK;
    if (code.kind === 'luxe') {
      this.flagsArray()[i]! |= LUXE;
      this.place(i, placed, 'luxe');
      return;
    }
    if (!excused) this.place(i, placed, 'unexcused');
  }

  private place(i: number, { lesuur, minutes }: Placed, into: 'luxe' | 'unexcused'): void {
    const luxe = into === 'luxe';
    if (lesuur === 0 && minutes === undefined) {
      this.flagsArray()[i]! |= luxe ? WHOLE_LUXE : WHOLE_UNEXCUSED;
    } else if (lesuur > 0 && (minutes === undefined || minutes <= 60)) {
      // VO: a lesuur of at most 60 minutes is one hour; PO: a lesson registration without times, one hour.
      const bits = luxe ? (this.luxeLessons ??= new Uint16Array(this.size)) : (this.lessons ??= new Uint16Array(this.size));
      bits[i]! |= 1 << (lesuur - 1);
    } else {
      const extra = luxe ? (this.luxeExtra ??= new Float32Array(this.size)) : (this.extra ??= new Float32Array(this.size));
      extra[i]! += minutes! / 60;
    }
  }

  flagsAt(i: number): number {
    return this.flags?.[i] ?? 0;
  }

  /** Unexcused hours on school day `i`; a whole-day registration counts the day's lessons. */
  hoursAt(i: number, perDay: number): number {
    if (this.flagsAt(i) & WHOLE_UNEXCUSED) return perDay;
    return popcount(this.lessons?.[i] ?? 0) + (this.extra?.[i] ?? 0);
  }

  luxeHoursAt(i: number, perDay: number): number {
    if (this.flagsAt(i) & WHOLE_LUXE) return perDay;
    return popcount(this.luxeLessons?.[i] ?? 0) + (this.luxeExtra?.[i] ?? 0);
  }
}

function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n += 1;
  return n;
}

/** The lessons of a whole school day for a student: clock hours in PO, lesuren elsewhere. */
export function lessonsPerDayFor(calendar: SchoolCalendar, educationType: string): number {
  return educationType === 'po' ? calendar.lessonsPerDay.klokuren : calendar.lessonsPerDay.lesuren;
}
