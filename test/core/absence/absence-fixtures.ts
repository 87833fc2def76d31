// A made-up school year for the absence tests (2026-08-17 … 2027-07-16) with the public holidays
// of 2026–2027 given as a plain list (the working-days module supplies them in the product).
import { dayOf, SchoolCalendar, type CalendarSpec, type PublicHolidays } from '../../../src/core/calendar/school-calendar.js';
import type { AbsenceCode } from '../../../src/core/absence/codes.js';
import { StudentAbsence } from '../../../src/core/absence/student-absence.js';

export const PUBLIC_2026_2027 = ['2026-12-25', '2026-12-26', '2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17'];

export function publicHolidays(list: readonly string[] = PUBLIC_2026_2027): PublicHolidays {
  const days = new Set(list.map(dayOf));
  return { isPublicHoliday: (d) => days.has(d) };
}

export const SPEC: CalendarSpec = {
  name: 'test 2026-2027',
  from: '2026-08-17',
  to: '2027-07-16',
  holidays: [
    { name: 'herfstvakantie', from: '2026-10-10', to: '2026-10-18' },
    { name: 'kerstvakantie', from: '2026-12-19', to: '2027-01-03' },
    { name: 'voorjaarsvakantie', from: '2027-02-13', to: '2027-02-21' },
  ],
};

export function calendar(spec: CalendarSpec = SPEC, holidays: PublicHolidays = publicHolidays()): SchoolCalendar {
  const made = SchoolCalendar.make(spec, holidays);
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  return made.calendar;
}

export const ABSENT: AbsenceCode = { kind: 'absent', excused: false };
export const SICK_CODE: AbsenceCode = { kind: 'ziek', excused: true };
export const LUXE_CODE: AbsenceCode = { kind: 'luxe', excused: false };
export const LATE: AbsenceCode = { kind: 'te-laat', excused: false };

/** `lessons` lesuren (1…n) of unexcused absence on `iso`; 'day' for a whole-day registration. */
export function absent(s: StudentAbsence, cal: SchoolCalendar, iso: string, lessons: number | 'day', code: AbsenceCode = ABSENT): void {
  const i = cal.indexOf(dayOf(iso));
  if (i < 0) throw new Error(`${iso} is not a school day`);
  if (lessons === 'day') s.add(i, code, code.excused, { lesuur: 0, minutes: undefined });
  else for (let l = 1; l <= lessons; l++) s.add(i, code, code.excused, { lesuur: l, minutes: undefined });
}

export function student(cal: SchoolCalendar): StudentAbsence {
  return new StudentAbsence(cal.size);
}

export function peil(cal: SchoolCalendar, iso: string): number {
  return cal.indexAtOrBefore(dayOf(iso));
}
