// How zorgroute reads CSV with csv-parse: the options, the rows and events a reader gives, the line
// numbers, the errors. The readers are io/csv/reader.ts (one thread) and io/csv/pieces.ts (batch's
// worker threads); test/io/csv/streaming-reader.ts streams a whole file through csv-parse as the
// reference both are held to.
//
// csv-parse's `info: true` would give line numbers but halves its speed, so we keep count from
// `parser.api.info` (the live counters of the parser behind csv-parse's stream): it counts every
// physical line, except that a CR LF *inside* a quoted field counts twice. Only for a record that
// spans several lines do we count its line breaks ourselves and carry the difference.
import { Parser, type Info, type Options } from 'csv-parse';
import { UserError } from '../../core/errors.js';
import { problem } from '../../core/problems.js';
import type { Delimiter, Encoding } from './sniff.js';

/**
 * The synchronous parser inside csv-parse's Transform (`new Parser().api`, csv-parse 5–6; the
 * version is pinned and test/io/csv-rows.test.ts checks the line numbers). Calling it directly
 * avoids the per-record stream machinery and lets us read the live counters right at each record.
 */
export interface ParserApi {
  info: Info;
  /** After the first line break: the record delimiter found (csv-parse's auto-discovery). */
  options: { record_delimiter: Buffer[] };
  state: { previousBuf: Buffer | undefined; quoting: boolean; field: { toString(encoding?: string): string | Uint8Array } };
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

/**
 * The code of a csv-parse error as zorgroute tells it: a record over MAX_RECORD_BYTES outside a
 * quoted cell is one very long cell (CELL_TOO_LONG), not a quote that is never closed.
 */
export function csvErrorCode(error: unknown, parser: Pick<ParserApi, 'state'>): string | undefined {
  const code = (error as { code?: string }).code;
  return code === 'CSV_MAX_RECORD_SIZE' && !parser.state.quoting ? CELL_TOO_LONG : code;
}

export const CELL_TOO_LONG = 'CELL_TOO_LONG';

export function csvFileError(label: string, error: unknown, line: number): UserError {
  const code = (error as { code?: string }).code;
  if (code === CELL_TOO_LONG) return new UserError(problem('csv-cell-too-long', { at: { file: label, line }, mib: MAX_RECORD_BYTES / (1 << 20) }), { hint: problem('hint-csv-cell-too-long') });
  if (code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE') return unclosedQuoteError(label, line);
  return new UserError(problem('csv-invalid', { at: { file: label, line }, code }));
}

/** How zorgroute calls csv-parse. */
export function csvParserOptions(delimiter: Delimiter): Options {
  // Any line break outside quotes ends a record — CR LF, LF or CR, mixed as a file may mix them
  // (CR LF first: at a CR followed by LF, csv-parse takes the first delimiter that matches).
  return { delimiter, record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: MAX_RECORD_BYTES };
}
