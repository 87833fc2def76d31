// Folding registration rows into the students' day-by-day book (core/absence/student-absence.ts):
// the loop of `batch --registrations` over its registrations file, the same on the main thread
// (stdin, small files, --threads 1) and in each worker thread (commands/batch/registrations/parallel.ts),
// where every thread folds its own pieces into a book of its own and the books are merged after.
// What a row can come to — counted, a row problem, an unknown code, after the peildatum, outside the
// calendar — is gathered here as plain data (`FoldState`), so that the states of several threads
// add up to what one thread would have found: counts add, the first rows in file order are named.
import { isBlankRow } from '../../../core/rows/row-situation.js';
import type { RegistrationRowProblem } from '../../../core/absence/problems.js';
import { RegistrationReader, type Registration, type RegistrationPlan } from '../../../core/absence/registration.js';
import type { AbsenceCode } from '../../../core/absence/codes.js';
import { AbsenceBook } from '../../../core/absence/student-absence.js';
import { StudentIndex } from '../../../core/absence/student-index.js';
import type { SchoolCalendar } from '../../../core/calendar/school-calendar.js';
import { parsePiece, type PieceCsvError } from '../../../io/csv/pieces.js';
import type { Delimiter } from '../../../io/csv/sniff.js';
import { ByteRowReader, type ByteRowSink } from './fold-bytes.js';

/** Registration rows named one by one on stderr; the rest are counted. */
export const ROWS_NAMED = 20;

/** A bad registration row, as named on stderr (without the file: the caller knows it). */
export type BadRow = Omit<RegistrationRowProblem, 'file'>;

/** What the rows came to, apart from the book: plain data (it crosses from a worker thread). */
export interface FoldState {
  registrations: number;
  counted: number;
  invalid: number;
  /** The first ROWS_NAMED bad rows, in file order. */
  bad: BadRow[];
  unknownCodes: Map<string, number>;
  /** The first registration (in file order) outside the calendar: its date (day number) and line. */
  outsideFirst: { day: number; line: number } | undefined;
  afterPeil: number;
  /** The earliest day counted (a day number; +Infinity for none). */
  firstCounted: number;
}

export function emptyFoldState(): FoldState {
  return { registrations: 0, counted: 0, invalid: 0, bad: [], unknownCodes: new Map(), outsideFirst: undefined, afterPeil: 0, firstCounted: Number.POSITIVE_INFINITY };
}

/**
 * The states of several threads as one: `states` in any order; their bad rows are merged by line
 * (each thread's pieces come in file order, so its first rows named are its lowest lines).
 */
export function mergeFoldStates(states: readonly FoldState[]): FoldState {
  const out = emptyFoldState();
  for (const s of states) {
    out.registrations += s.registrations;
    out.counted += s.counted;
    out.invalid += s.invalid;
    out.bad.push(...s.bad);
    for (const [code, n] of s.unknownCodes) out.unknownCodes.set(code, (out.unknownCodes.get(code) ?? 0) + n);
    if (s.outsideFirst && (!out.outsideFirst || s.outsideFirst.line < out.outsideFirst.line)) out.outsideFirst = s.outsideFirst;
    out.afterPeil += s.afterPeil;
    out.firstCounted = Math.min(out.firstCounted, s.firstCounted);
  }
  out.bad.sort((a, b) => a.line - b.line);
  out.bad.length = Math.min(out.bad.length, ROWS_NAMED);
  return out;
}

/** Everything a fold needs besides the rows: the same on every thread. */
export interface FoldInputs {
  plan: RegistrationPlan;
  calendar: SchoolCalendar;
  codes: ReadonlyMap<string, AbsenceCode>;
  /** The students' numbers, in the students file's order. */
  studentRefs: readonly string[];
  /** Per student: the peildatum (a day number). */
  peilDay: Int32Array;
  /** Per student: 1 for PO (counts clock hours, not lesuren). */
  po: Uint8Array;
}

export class RegistrationFold implements ByteRowSink {
  readonly book: AbsenceBook;
  readonly state: FoldState = emptyFoldState();
  private readonly reader: RegistrationReader;
  private readonly index: StudentIndex;
  /** Made at the first piece (it needs the delimiter); null when the plan has columns it cannot read. */
  private bytes: ByteRowReader | null | undefined;
  private readonly onRow = (line: number, cells: string[]): void => this.row(line, cells);

  /** `shared`: the book in shared memory (a worker thread's: the main thread merges the others into the first one's, and all route from it). */
  constructor(
    private readonly inputs: FoldInputs,
    shared = false,
  ) {
    this.book = new AbsenceBook(inputs.studentRefs.length, inputs.calendar.size, shared);
    this.reader = new RegistrationReader(inputs.plan);
    this.index = new StudentIndex(inputs.studentRefs.length);
    for (const ref of inputs.studentRefs) this.index.add(ref);
    this.index.seal();
  }

  private bad(line: number, column: string, problem: RegistrationRowProblem['problem']): void {
    const s = this.state;
    s.invalid += 1;
    if (s.bad.length < ROWS_NAMED) s.bad.push({ line, column, problem });
  }

  /**
   * A piece of the registrations file (bytes, whole records, the first on line `lineOffset` + 1): the
   * common rows read straight from the bytes (fold-bytes.ts), the others cell by cell, and from a
   * line that is not plain (a quote, a lone CR) on, the rest by the CSV reader; the CSV error that
   * stops the piece, if any.
   */
  piece(bytes: Uint8Array, lineOffset: number, delimiter: Delimiter): PieceCsvError | undefined {
    if (this.bytes === undefined) this.bytes = ByteRowReader.for(this.inputs.plan, delimiter, this.index, this.inputs.codes);
    if (!this.bytes) return parsePiece(bytes, lineOffset, delimiter, this.onRow);
    const rest = this.bytes.piece(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), lineOffset, this);
    return rest < 0 ? undefined : parsePiece(bytes.subarray(rest), this.bytes.restLineOffset, delimiter, this.onRow);
  }

  /** One row of the registrations file (its line in the file, its cells). */
  row(line: number, cells: readonly string[]): void {
    if (isBlankRow(cells)) return;
    const { plan, codes } = this.inputs;
    const s = this.state;
    s.registrations += 1;
    const row = this.reader.read(cells);
    if (!row.ok) {
      this.bad(line, row.column, row.problem);
      return;
    }
    const r = row.registration;
    const who = this.index.get(r.studentRef);
    if (who < 0) {
      this.bad(line, plan.headers[plan.index.leerlingnummer]!, 'unknown-student');
      return;
    }
    const code = codes.get(r.code);
    if (!code) {
      s.unknownCodes.set(r.code, (s.unknownCodes.get(r.code) ?? 0) + 1);
      return;
    }
    this.count(line, who, r, code);
  }

  /** A row read from its bytes (fold-bytes.ts): a student in the file, a date, a lesuur, a code cell. */
  fast(line: number, who: number, r: Registration, seen: { folded: string; code: AbsenceCode | undefined }): void {
    const s = this.state;
    s.registrations += 1;
    if (!seen.code) {
      s.unknownCodes.set(seen.folded, (s.unknownCodes.get(seen.folded) ?? 0) + 1);
      return;
    }
    this.count(line, who, r, seen.code);
  }

  /** A registration of student `who` with a known code, counted into the book (or after the peildatum, or outside the calendar). */
  private count(line: number, who: number, r: Registration, code: AbsenceCode): void {
    const { plan, calendar, peilDay, po } = this.inputs;
    const s = this.state;
    if (r.day > peilDay[who]!) {
      s.afterPeil += 1;
      return;
    }
    const last = Math.min(r.endDay, peilDay[who]!);
    if (!calendar.covers(r.day) || !calendar.covers(last)) {
      if (!s.outsideFirst || line < s.outsideFirst.line) s.outsideFirst = { day: calendar.covers(r.day) ? last : r.day, line };
      return;
    }
    if (!calendar.isSchoolDay(r.day)) {
      this.bad(line, plan.headers[plan.index.datum]!, 'not-school-day');
      return;
    }
    const excused = r.excused ?? code.excused;
    // VO with the school's lestijden: a time range counts the lesuren it touches (PO counts clock hours).
    const lesuren = r.lesuur === 0 && r.startMinute !== undefined && calendar.lestijden.length > 0 && po[who] !== 1 ? calendar.lesurenBetween(r.startMinute, r.startMinute + r.minutes!) : undefined;
    if (lesuren !== undefined && lesuren.length === 0) {
      this.bad(line, plan.headers[plan.index.begintijd]!, 'outside-lestijden');
      return;
    }
    const book = this.book;
    for (let d = r.day; d <= last; d++) {
      const i = calendar.indexOf(d);
      if (i < 0) continue;
      if (lesuren === undefined) book.add(who, i, code, excused, r);
      else for (const lesuur of lesuren) book.add(who, i, code, excused, { lesuur, minutes: undefined });
    }
    if (r.day < s.firstCounted) s.firstCounted = r.day;
    s.counted += 1;
  }
}
