// What the students' registrations come to, day by day over the school calendar: aggregated as the
// registrations stream in (in any order), so memory grows with students × school days, never with
// registrations. One flat array per measure for all students (a lookup in random student order
// touches one place, not an object, its array and its buffer). Pure; the counting into periods is
// in absence/periods.ts.
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { AbsenceCode } from './codes.js';

export const SICK = 1;
export const LUXE = 2;
/** A whole-day registration of unexcused absence. */
export const WHOLE_UNEXCUSED = 4;
export const WHOLE_LUXE = 8;

/** A book's arrays, to move it between threads (transferred, not copied) and merge it into another. */
export interface BookParts {
  lessons: Uint16Array;
  flags: Uint8Array;
  used: Uint8Array;
  extra: Float32Array | undefined;
  luxeLessons: Uint16Array | undefined;
  luxeExtra: Float32Array | undefined;
  late: Uint8Array | undefined;
  removed: Uint8Array | undefined;
}

// The merging of books (AbsenceBook.merge) runs over every student's every day: a word of four
// bytes at a time, skipping the words that are 0 in the other book (most are). A book's arrays each
// have a buffer of their own, so their bytes start at a word.

/** The whole words of `a`'s bytes, as 32-bit words. */
function words(a: Uint8Array | Uint16Array | Float32Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.byteLength >>> 2);
}

function bytesOf(a: Uint8Array | Uint16Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** `into |= from`, byte by byte (a lesuur is a bit: twice is once). */
function orInto(into: Uint8Array, from: Uint8Array): void {
  const a = words(into);
  const b = words(from);
  for (let i = 0; i < b.length; i++) {
    const w = b[i]!;
    if (w !== 0) a[i]! |= w;
  }
  for (let i = b.length * 4; i < from.length; i++) into[i]! |= from[i]!;
}

/** `into += from`, each byte at most 255. */
function addCapped(into: Uint8Array, from: Uint8Array): void {
  const b = words(from);
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) addCappedAt(into, from, i * 4, i * 4 + 4);
  addCappedAt(into, from, b.length * 4, from.length);
}

function addCappedAt(into: Uint8Array, from: Uint8Array, start: number, end: number): void {
  for (let j = start; j < end; j++) {
    const f = from[j]!;
    if (f !== 0) into[j] = Math.min(255, into[j]! + f);
  }
}

/** `into += from` where `from` is not +0 (adding -0 changes nothing either). */
function addFloats(into: Float32Array, from: Float32Array): void {
  const bits = words(from);
  for (let i = 0; i < from.length; i++) if (bits[i] !== 0) into[i]! += from[i]!;
}

/** Where a registration's hours go. */
export interface Placed {
  /** 0: the whole day. */
  lesuur: number;
  /** Lessons from `lesuur` on (a range beginlesuur–eindlesuur); 1 when absent. */
  lessons?: number;
  minutes: number | undefined;
}

/** One student's days, as absence/periods.ts reads them. */
export interface DayAbsence {
  readonly empty: boolean;
  flagsAt(i: number): number;
  /** Unexcused hours on school day `i`; a whole-day registration counts the day's lessons. */
  hoursAt(i: number, perDay: number): number;
  luxeHoursAt(i: number, perDay: number): number;
  /** Late arrivals (kind te-laat) on school day `i`: never an hour of absence. */
  lateAt(i: number): number;
  /** Times sent out of class (kind verwijderd) on school day `i`. */
  removalsAt(i: number): number;
}

function popcount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n += 1;
  return n;
}

/**
 * Per student and school day: a bit per unexcused lesuur (so the same lesuur registered twice
 * counts once), extra unexcused hours from time ranges (PO clock hours), and flags. The arrays for
 * time ranges and luxe are made on first use.
 *
 * Day by day: all students' entries of one school day lie side by side (`day * students + student`).
 * An export in date order then writes into one day's few hundred kilobytes at a time, not all over
 * the book (a cache miss a row), and the routing, student after student, reads each day's entries
 * of neighbouring students from the same cache lines.
 */
export class AbsenceBook {
  private readonly lessons: Uint16Array;
  private readonly flags: Uint8Array;
  private extra: Float32Array | undefined;
  private luxeLessons: Uint16Array | undefined;
  private luxeExtra: Float32Array | undefined;
  private readonly used: Uint8Array;
  /** Made on the first late arrival or removal: a run without them costs nothing. */
  private late: Uint8Array | undefined;
  private removed: Uint8Array | undefined;

  /**
   * `shared`: the arrays in shared memory, for worker threads to read (registrations with
   * --threads); `parts`: a book over the arrays of another (in another thread), to read.
   */
  constructor(
    private readonly students: number,
    days: number,
    private readonly shared = false,
    parts?: BookParts,
  ) {
    if (parts) {
      if (parts.used.length !== students || parts.flags.length !== students * days) throw new RangeError('AbsenceBook: the parts hold another number of students or days');
      ({ lessons: this.lessons, flags: this.flags, used: this.used, extra: this.extra, luxeLessons: this.luxeLessons, luxeExtra: this.luxeExtra, late: this.late, removed: this.removed } = parts);
      return;
    }
    this.lessons = new Uint16Array(this.memory(students * days * 2));
    this.flags = new Uint8Array(this.memory(students * days));
    this.used = new Uint8Array(this.memory(students));
  }

  private memory(bytes: number): ArrayBuffer {
    return this.shared ? (new SharedArrayBuffer(bytes) as unknown as ArrayBuffer) : new ArrayBuffer(bytes);
  }

  private uint8(): Uint8Array {
    return new Uint8Array(this.memory(this.lessons.length));
  }

  private uint16(): Uint16Array {
    return new Uint16Array(this.memory(this.lessons.length * 2));
  }

  private float32(): Float32Array {
    return new Float32Array(this.memory(this.lessons.length * 4));
  }

  /** Counts one registration of student `k` on the school day with index `i`. */
  add(k: number, i: number, code: AbsenceCode, excused: boolean, placed: Placed): void {
    const at = i * this.students + k;
    this.used[k] = 1;
    if (code.kind === 'te-laat') {
      // Lateness is not an hour of absence (EXPORTS.md): counted apart, for a school's own steps.
      const late = (this.late ??= this.uint8());
      if (late[at]! < 255) late[at]! += 1;
      return;
    }
    if (code.kind === 'verwijderd') {
      const removed = (this.removed ??= this.uint8());
      if (removed[at]! < 255) removed[at]! += 1;
    }
    if (code.kind === 'ziek') this.flags[at]! |= SICK;
    if (code.kind === 'luxe') {
      this.flags[at]! |= LUXE;
      this.place(at, placed, true);
    } else if (!excused) this.place(at, placed, false);
  }

  private place(at: number, { lesuur, lessons = 1, minutes }: Placed, luxe: boolean): void {
    if (lesuur === 0 && minutes === undefined) {
      this.flags[at]! |= luxe ? WHOLE_LUXE : WHOLE_UNEXCUSED;
    } else if (lesuur > 0 && (minutes === undefined || minutes <= 60)) {
      // VO: a lesuur of at most 60 minutes is one hour; PO: a lesson registration without times, one hour.
      const bits = luxe ? (this.luxeLessons ??= this.uint16()) : this.lessons;
      bits[at]! |= (lessons > 1 ? (1 << lessons) - 1 : 1) << (lesuur - 1);
    } else {
      const extra = luxe ? (this.luxeExtra ??= this.float32()) : (this.extra ??= this.float32());
      extra[at]! += minutes! / 60;
    }
  }

  parts(): BookParts {
    const { lessons, flags, used, extra, luxeLessons, luxeExtra, late, removed } = this;
    return { lessons, flags, used, extra, luxeLessons, luxeExtra, late, removed };
  }

  /**
   * Adds another book of the same students and days (another thread's registrations): a lesuur
   * registered in both counts once, as in one book; hours of time ranges, late arrivals and
   * removals add up.
   */
  merge(other: BookParts): void {
    orInto(bytesOf(this.lessons), bytesOf(other.lessons));
    orInto(this.flags, other.flags);
    orInto(this.used, other.used);
    if (other.luxeLessons) orInto(bytesOf((this.luxeLessons ??= this.uint16())), bytesOf(other.luxeLessons));
    if (other.extra) addFloats((this.extra ??= this.float32()), other.extra);
    if (other.luxeExtra) addFloats((this.luxeExtra ??= this.float32()), other.luxeExtra);
    if (other.late) addCapped((this.late ??= this.uint8()), other.late);
    if (other.removed) addCapped((this.removed ??= this.uint8()), other.removed);
  }

  /** Student `k`'s days. */
  student(k: number): DayAbsence {
    return new BookStudent(this.used[k] === 0, k, this.students, this.lessons, this.flags, this.extra, this.luxeLessons, this.luxeExtra, this.late, this.removed);
  }
}

/**
 * One student's days in a book: a class, not closures, so that the day-by-day loops of the
 * counting (periods.ts, steps.ts: every school day of every student) read the arrays directly.
 */
class BookStudent implements DayAbsence {
  constructor(
    readonly empty: boolean,
    private readonly base: number,
    private readonly stride: number,
    private readonly lessons: Uint16Array,
    private readonly flags: Uint8Array,
    private readonly extra: Float32Array | undefined,
    private readonly luxeLessons: Uint16Array | undefined,
    private readonly luxeExtra: Float32Array | undefined,
    private readonly late: Uint8Array | undefined,
    private readonly removed: Uint8Array | undefined,
  ) {}

  flagsAt(i: number): number {
    return this.flags[this.base + i * this.stride]!;
  }

  hoursAt(i: number, perDay: number): number {
    const at = this.base + i * this.stride;
    if (this.flags[at]! & WHOLE_UNEXCUSED) return perDay;
    const extra = this.extra;
    return popcount(this.lessons[at]!) + (extra === undefined ? 0 : extra[at]!);
  }

  luxeHoursAt(i: number, perDay: number): number {
    const at = this.base + i * this.stride;
    if (this.flags[at]! & WHOLE_LUXE) return perDay;
    const bits = this.luxeLessons;
    const extra = this.luxeExtra;
    return popcount(bits === undefined ? 0 : bits[at]!) + (extra === undefined ? 0 : extra[at]!);
  }

  lateAt(i: number): number {
    const late = this.late;
    return late === undefined ? 0 : late[this.base + i * this.stride]!;
  }

  removalsAt(i: number): number {
    const removed = this.removed;
    return removed === undefined ? 0 : removed[this.base + i * this.stride]!;
  }
}

/** One student on its own (tests, and anything that routes a single student). */
export class StudentAbsence implements DayAbsence {
  private readonly book: AbsenceBook;
  private view: DayAbsence;

  constructor(size: number) {
    this.book = new AbsenceBook(1, size);
    this.view = this.book.student(0);
  }

  add(i: number, code: AbsenceCode, excused: boolean, placed: Placed): void {
    this.book.add(0, i, code, excused, placed);
    this.view = this.book.student(0);
  }

  get empty(): boolean {
    return this.view.empty;
  }

  flagsAt(i: number): number {
    return this.view.flagsAt(i);
  }

  hoursAt(i: number, perDay: number): number {
    return this.view.hoursAt(i, perDay);
  }

  luxeHoursAt(i: number, perDay: number): number {
    return this.view.luxeHoursAt(i, perDay);
  }

  lateAt(i: number): number {
    return this.view.lateAt(i);
  }

  removalsAt(i: number): number {
    return this.view.removalsAt(i);
  }
}

/** The lessons of a whole school day for a student: clock hours in PO, lesuren elsewhere. */
export function lessonsPerDayFor(calendar: SchoolCalendar, educationType: string): number {
  return educationType === 'po' ? calendar.lessonsPerDay.klokuren : calendar.lessonsPerDay.lesuren;
}
