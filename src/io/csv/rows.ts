// Streams a CSV export as batches of rows, each with the line number it starts on, in constant
// memory: a chunk of the file is read only when the previous batch has been handled (so a slow
// output slows the reading, instead of filling memory).
//
// csv-parse's `info: true` would give line numbers but halves its speed, so we keep count from
// `parser.api.info` (the live counters of the parser behind csv-parse's stream): it counts every
// physical line, except that a CR LF *inside* a quoted field counts twice. Only for a record that
// spans several lines do we count its line breaks ourselves and carry the difference.
import { Parser, type Info, type Options } from 'csv-parse';
import { UserError } from '../../core/errors.js';
import { problem } from '../../core/problems.js';
import type { Delimiter, Encoding } from './sniff.js';
import { CsvText } from './text.js';

/**
 * The synchronous parser inside csv-parse's Transform (`new Parser().api`, csv-parse 5–6; the
 * version is pinned and test/io/csv-rows.test.ts checks the line numbers). Calling it directly
 * avoids the per-record stream machinery and lets us read the live counters right at each record.
 */
export interface ParserApi {
  info: Info;
  /** After the first line break: the record delimiter found (csv-parse's auto-discovery). */
  options: { record_delimiter: Buffer[] };
  state: { previousBuf: Buffer | undefined; field: { toString(encoding?: string): string | Uint8Array } };
  parse(bytes: Buffer, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

export function apiOf(parser: Parser): ParserApi {
  const api = (parser as unknown as { api: ParserApi }).api;
  api.state.field.toString = fieldText;
  return api;
}

/**
 * csv-parse turns each cell into text with `buf.slice(0, length).toString(encoding)`: a Buffer
 * object per cell only to be dropped, a fifth of the parsing time on a big export. Reading the
 * bytes in place gives the same string (the options leave the encoding at utf8).
 */
function fieldText(this: { buf: Buffer; length: number }): string {
  return this.buf.toString('utf8', 0, this.length);
}

export interface CsvRow {
  /** The line of the file the row starts on (1-based; the header is usually line 1). */
  line: number;
  cells: string[];
}

export type CsvEvent =
  | { kind: 'header'; cells: string[]; line: number; delimiter: Delimiter }
  | { kind: 'rows'; rows: CsvRow[] };

export interface CsvReadOptions {
  /** For messages: the file name or `stdin`. */
  label: string;
  encoding?: Encoding | undefined;
  delimiter?: Delimiter | undefined;
}

/** A record longer than this is an unclosed quote swallowing the file, not a student. */
export const MAX_RECORD_BYTES = 1 << 20;
/** Our parse buffer: a read (64 KiB) plus what csv-parse left over; grows only for a longer read. */
const WORK_BYTES = 128 * 1024;

/** Line breaks in a record's cells: CR LF, CR and LF each count once. */
export function lineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10) count += 1;
      else if (c === 13) {
        count += 1;
        if (cell.charCodeAt(i + 1) === 10) i += 1;
      }
    }
  }
  return count;
}

/** Tracks the true starting line of each record from csv-parse's counters. */
export class LineCounter {
  private rawEnd = 0; // csv-parse's line count after the previous record
  private trueEnd = 0; // the physical line the previous record ended on
  private emptySeen = 0;

  /** `rawLines`/`emptyLines` are csv-parse's info.lines / info.empty_lines when the record is pushed. */
  startOf(cells: readonly string[], rawLines: number, emptyLines: number): number {
    const empty = emptyLines - this.emptySeen;
    const start = this.trueEnd + 1 + empty;
    const spansLines = rawLines - this.rawEnd - 1 - empty > 0;
    this.trueEnd = spansLines ? start + lineBreaks(cells) : start;
    this.rawEnd = rawLines;
    this.emptySeen = emptyLines;
    return start;
  }

  /** The line the last record ended on (0 before the first). */
  get lastLine(): number {
    return this.trueEnd;
  }

  /** Where the next record would start (for an error in a record that never completed). */
  nextStart(emptyLines: number): number {
    return this.trueEnd + 1 + (emptyLines - this.emptySeen);
  }
}

export function unclosedQuoteError(label: string, line: number): UserError {
  return new UserError(problem('csv-unclosed-quote', { at: { file: label, line } }), { hint: problem('hint-csv-quote') });
}

export function csvFileError(label: string, error: unknown, line: number): UserError {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE') return unclosedQuoteError(label, line);
  return new UserError(problem('csv-invalid', { at: { file: label, line }, code }));
}

/** How zorgroute calls csv-parse. */
export function csvParserOptions(delimiter: Delimiter): Options {
  return { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES };
}

/**
 * Reads a CSV export: `events()` gives first a `header` event (none for an empty file), then `rows`
 * batches, one per chunk read. It throws a UserError (exit 2) for CSV that cannot be read on,
 * naming the line. `encoding`, `bom` and `bytesRead` tell what was found so far.
 */
export class CsvReader {
  private readonly text: CsvText;
  private readonly options: CsvReadOptions;

  constructor(source: AsyncIterable<Buffer>, options: CsvReadOptions) {
    this.text = new CsvText(source, options.delimiter, options.encoding, options.label);
    this.options = options;
  }

  get encoding(): Encoding | undefined {
    return this.text.encoding;
  }

  get bom(): boolean {
    return this.text.bom;
  }

  get delimiter(): Delimiter | undefined {
    return this.text.delimiter;
  }

  get bytesRead(): number {
    return this.text.bytesRead;
  }

  async *events(): AsyncGenerator<CsvEvent> {
    const { label } = this.options;
    const counter = new LineCounter();
    let parser: ParserApi | undefined;
    let headerSent = false;
    let rows: CsvRow[] = [];

    // csv-parse keeps the last bytes of a chunk it cannot judge yet and concatenates them with the
    // next chunk: a new buffer per chunk, which outlives young-generation GC and adds up to a
    // hundred MB on a big file. So we keep those bytes ourselves, at the front of one reused buffer.
    let work = Buffer.allocUnsafeSlow(WORK_BYTES);
    let carry = 0;

    // The rows read before an error are handed on before the error is thrown: they were read, and
    // the worker threads' path (commands/batch/parallel.ts) handles them alike.
    let failure: UserError | undefined;
    const push = (cells: string[]): void => {
      const info = parser!.info;
      rows.push({ line: counter.startOf(cells, info.lines, info.empty_lines), cells });
    };
    const parse = (bytes: Buffer, end: boolean): void => {
      const error = parser!.parse(bytes, end, push, () => undefined);
      if (error) failure ??= csvFileError(label, error, counter.nextStart(parser!.info.empty_lines));
    };
    const feed = (text: Buffer): void => {
      const total = carry + text.length;
      if (total > work.length) {
        const bigger = Buffer.allocUnsafeSlow(Math.max(total, work.length * 2));
        work.copy(bigger, 0, 0, carry);
        work = bigger;
      }
      text.copy(work, carry);
      parse(work.subarray(0, total), false);
      const left = parser!.state.previousBuf;
      parser!.state.previousBuf = undefined;
      carry = 0;
      if (left) {
        if (left.buffer === work.buffer) work.copyWithin(0, left.byteOffset - work.byteOffset, left.byteOffset - work.byteOffset + left.length);
        else left.copy(work, 0);
        carry = left.length;
      }
    };
    const delimiter = (): Delimiter => this.text.delimiter!;
    function* emit(): Generator<CsvEvent> {
      if (!headerSent && rows.length > 0) {
        const header = rows.shift()!;
        headerSent = true;
        yield { kind: 'header', cells: header.cells, line: header.line, delimiter: delimiter() };
      }
      if (headerSent && rows.length > 0) {
        const batch = rows;
        rows = [];
        yield { kind: 'rows', rows: batch };
      }
    }

    for await (const text of this.text.chunks()) {
      parser ??= apiOf(new Parser(csvParserOptions(delimiter())));
      feed(text);
      // An error in the chunk that holds the header stops before the header is shown, as the
      // piece reader does (io/csv/pieces.ts readHeader).
      if (failure && !headerSent) throw failure;
      yield* emit();
      if (failure) throw failure;
    }
    if (parser) parse(work.subarray(0, carry), true);
    if (failure && !headerSent) throw failure;
    yield* emit();
    if (failure) throw failure;
  }
}
