// Reading the common registration row straight from the bytes of a piece, without making a string
// per cell: `L100123;14-10-2025;3;A` is a student number, a date, a lesuur and a code, and a board's
// export has millions of them. A row is read here only when reading it cell by cell
// (core/absence/registration.ts RegistrationReader) could come to nothing else — every other row is
// handed to that reader as cells, exactly as the plain piece reader (io/csv/plain-piece.ts) would
// have cut them. So a row goes the slow way when it has:
// - a byte outside ASCII, nine digits in one cell (a BSN could be in it), or another number of cells
//   than the header;
// - a student number that is empty, longer than 64, starts or ends with a space, or is not in the
//   students file;
// - a date that is empty, starts or ends with a space, or is not a date the reader accepts;
// - a lesuur other than empty, 1–9 or 10–16;
// - a code that is empty, longer than 6, or starts or ends with a space;
// - anything in another column the plan reads (einddatum, begintijd, minuten, geoorloofd, …).
// Lines are read this way while they are the piece's records: up to the first line with a quote
// character, a CR other than before an LF, or more than LONG_LINE bytes (io/csv/plain-piece.ts);
// from that line on the rest of the piece goes to the plain piece reader or csv-parse (the lines
// before it are whole records whatever follows). test/commands/batch/fold-bytes.test.ts holds the
// two ways equal on generated rows.
import type { AbsenceCode } from '../../../core/absence/codes.js';
import { foldCode } from '../../../core/absence/codes.js';
import { dayOfText, type Registration, type RegistrationPlan } from '../../../core/absence/registration.js';
import type { StudentIndex } from '../../../core/absence/student-index.js';
import { LONG_LINE } from '../../../io/csv/plain-piece.js';
import type { Delimiter } from '../../../io/csv/sniff.js';

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;
const MAX_REF = 64;
const MAX_CODE = 6;
/** A date cell that is no day, among the dates remembered. */
const NOT_A_DAY = Number.NaN;
/** Distinct dates remembered (a school year has some 200; the bound keeps a strange file in constant memory). */
const MAX_DATES_SEEN = 4096;

const enum Role {
  Ignored = 0,
  Ref = 1,
  Date = 2,
  Lesuur = 3,
  Code = 4,
  /** A column the plan reads that the fast path does not: its cell must be empty. */
  Empty = 5,
}

/** A code cell as read: its folded text (for the unknown codes) and its entry in the code table. */
interface CodeSeen {
  folded: string;
  code: AbsenceCode | undefined;
}

/** Where the fast rows go (RegistrationFold). */
export interface ByteRowSink {
  /** A row read from its bytes: student `who`, `r` (a scratch object, read at once), `code` as folded and found. */
  fast(line: number, who: number, r: Registration, code: CodeSeen): void;
  /** A row the fast path leaves to the cell reader. */
  row(line: number, cells: string[]): void;
}

/** Reads the pieces of one registrations file. Null from `for` when the plan has columns the fast path cannot read. */
export class ByteRowReader {
  private readonly roles: Uint8Array;
  private readonly delimiter: number;
  private readonly codesSeen = new Map<number, CodeSeen>();
  private readonly lastDate = new Uint8Array(32);
  private lastDateLength = -1;
  private lastDay: number | undefined;
  private readonly daysSeen = new Map<number, number>();
  private readonly scratch: Registration = { studentRef: '', day: 0, endDay: 0, lesuur: 0, lessons: 0, minutes: undefined, startMinute: undefined, code: '', excused: undefined };

  static for(plan: RegistrationPlan, delimiter: Delimiter, index: StudentIndex, codes: ReadonlyMap<string, AbsenceCode>): ByteRowReader | null {
    // Without a date column the day comes from `begin` (a moment): left to the cell reader.
    if (plan.index.datum < 0 || plan.index.leerlingnummer < 0 || plan.index.code < 0) return null;
    return new ByteRowReader(plan, delimiter, index, codes);
  }

  private constructor(
    plan: RegistrationPlan,
    delimiter: Delimiter,
    private readonly index: StudentIndex,
    private readonly codes: ReadonlyMap<string, AbsenceCode>,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.roles = new Uint8Array(plan.headers.length);
    for (const [field, at] of Object.entries(plan.index) as [keyof RegistrationPlan['index'], number][]) {
      if (at < 0) continue;
      this.roles[at] = field === 'leerlingnummer' ? Role.Ref : field === 'datum' ? Role.Date : field === 'lesuur' ? Role.Lesuur : field === 'code' ? Role.Code : Role.Empty;
    }
  }

  /** After `piece` returned a place to go on from: the line before that place. */
  restLineOffset = 0;

  /**
   * Hands the rows of the piece to `sink`, in file order, each with its line in the file (empty lines
   * count, as in the plain piece reader), up to the first line that is not plain (io/csv/plain-piece.ts:
   * a quote, a CR that is no CR LF, a line of more than LONG_LINE bytes). Returns -1 when it handed on
   * the whole piece; otherwise where the rest begins (on a line of its own: the lines before it are
   * whole records whatever follows), for the CSV reader, after line `restLineOffset`.
   */
  piece(bytes: Buffer, lineOffset: number, sink: ByteRowSink): number {
    const n = bytes.length;
    const quote = bytes.indexOf(QUOTE);
    let lineNo = lineOffset;
    for (let start = 0; start < n; ) {
      const lf = bytes.indexOf(LF, start);
      let end = lf < 0 ? n : lf;
      if (end - start > LONG_LINE || (quote >= start && quote < end)) return this.rest(start, lineNo);
      const next = lf < 0 ? n : lf + 1;
      if (lf >= 0 && end > start && bytes[end - 1] === CR) end -= 1;
      if (end > start && !this.line(bytes, start, end, lineNo + 1, sink)) return this.rest(start, lineNo);
      lineNo += 1;
      start = next;
    }
    return -1;
  }

  private rest(from: number, lineOffset: number): number {
    this.restLineOffset = lineOffset;
    return from;
  }

  /** One line [from, to) without its line break: false, having handed on nothing, when it holds a CR (no CR LF: a line break of its own). */
  private line(bytes: Buffer, from: number, to: number, line: number, sink: ByteRowSink): boolean {
    const roles = this.roles;
    const delimiter = this.delimiter;
    let refS = 0;
    let refE = 0;
    let dateS = 0;
    let dateE = 0;
    let lesuur = 0;
    let codeS = 0;
    let codeE = 0;
    let col = 0;
    let cellStart = from;
    let digits = 0;
    let plain = true;
    for (let p = from; p <= to; p++) {
      const c = p < to ? bytes[p]! : delimiter;
      if (c !== delimiter) {
        if (c >= 0x80 || c === CR || (c >= 48 && c <= 57 && ++digits === 9)) {
          if (c === CR) return false;
          plain = false;
          break;
        }
        continue;
      }
      // the cell [cellStart, p)
      if (col >= roles.length) {
        plain = false;
        break;
      }
      const s = cellStart;
      const len = p - s;
      switch (roles[col]) {
        case Role.Ref:
          if (!trimmed(bytes, s, p, MAX_REF)) plain = false;
          refS = s;
          refE = p;
          break;
        case Role.Date:
          if (!trimmed(bytes, s, p, this.lastDate.length)) plain = false;
          dateS = s;
          dateE = p;
          break;
        case Role.Lesuur: {
          // empty, 1–9 or 10–16; anything else ("0", "05", " 3") the cell reader judges
          const a = bytes[s]! - 48;
          const b = len === 2 ? bytes[s + 1]! - 48 : -1;
          if (len === 0) lesuur = 0;
          else if (len === 1 && a >= 1 && a <= 9) lesuur = a;
          else if (a === 1 && b >= 0 && b <= 6) lesuur = 10 + b;
          else plain = false;
          break;
        }
        case Role.Code:
          if (!trimmed(bytes, s, p, MAX_CODE)) plain = false;
          codeS = s;
          codeE = p;
          break;
        case Role.Empty:
          if (len !== 0) plain = false;
          break;
      }
      if (!plain) break;
      col += 1;
      cellStart = p + 1;
      digits = 0;
    }
    if (plain && col === roles.length) {
      const who = this.index.getBytes(bytes, refS, refE);
      const day = who < 0 ? undefined : this.dayOf(bytes, dateS, dateE);
      if (day !== undefined) {
        const r = this.scratch;
        r.day = day;
        r.endDay = day;
        r.lesuur = lesuur;
        r.lessons = lesuur === 0 ? 0 : 1;
        sink.fast(line, who, r, this.codeOf(bytes, codeS, codeE));
        return true;
      }
    }
    // (a row left before its end was scanned: the rest of it may hold a CR; only this line is
    // searched, not the rest of the piece)
    if (!plain) for (let p = from; p < to; p++) if (bytes[p] === CR) return false;
    sink.row(line, bytes.toString('utf8', from, to).split(String.fromCharCode(delimiter)));
    return true;
  }

  /**
   * The day of a date cell (ASCII, trimmed), as the cell reader reads it. The last one is remembered
   * (an export in date order), and every date of digits and `-`, `/` or `.` up to 12 characters long
   * by its characters packed into one number (an export by student: the date changes every row).
   */
  private dayOf(bytes: Buffer, s: number, e: number): number | undefined {
    const last = this.lastDate;
    let same = e - s === this.lastDateLength;
    for (let i = 0; same && i < e - s; i++) same = last[i] === bytes[s + i];
    if (!same) {
      bytes.copy(last, 0, s, e);
      this.lastDateLength = e - s;
      const key = e - s <= 12 ? packedDate(bytes, s, e) : -1;
      const known = key < 0 ? undefined : this.daysSeen.get(key);
      if (known !== undefined) this.lastDay = Number.isNaN(known) ? undefined : known;
      else {
        this.lastDay = dayOfText(bytes.toString('latin1', s, e));
        if (key >= 0 && this.daysSeen.size < MAX_DATES_SEEN) this.daysSeen.set(key, this.lastDay ?? NOT_A_DAY);
      }
    }
    return this.lastDay;
  }

  private codeOf(bytes: Buffer, s: number, e: number): CodeSeen {
    let key = 0;
    for (let i = s; i < e; i++) key = key * 256 + bytes[i]!;
    key = key * 8 + (e - s);
    let seen = this.codesSeen.get(key);
    if (seen === undefined) {
      const folded = foldCode(bytes.toString('latin1', s, e));
      seen = { folded, code: this.codes.get(folded) };
      this.codesSeen.set(key, seen);
    }
    return seen;
  }
}

/** A cell [s, e) of 1 to `max` bytes that neither starts nor ends with a space or a control character. */
function trimmed(bytes: Uint8Array, s: number, e: number, max: number): boolean {
  return e > s && e - s <= max && bytes[s]! > 32 && bytes[e - 1]! > 32;
}

/** The characters of a date cell (at most 12) as one number, 4 bits each; -1 for a character other than a digit, `-`, `/` or `.`. */
function packedDate(bytes: Uint8Array, s: number, e: number): number {
  let key = 0;
  for (let i = s; i < e; i++) {
    const c = bytes[i]!;
    const v = c >= 48 && c <= 57 ? c - 47 : c === 45 ? 11 : c === 47 ? 12 : c === 46 ? 13 : -1;
    if (v < 0) return -1;
    key = key * 16 + v;
  }
  return key;
}
