// The three record formats of `batch`: NDJSON (one decision a line), JSON (one array, streamed) and
// CSV (flattened, formula-safe). A decision record is the `route` decision with `"line"` in front;
// the shared part of it (DecisionTail) is encoded once and copied, which keeps a million rows cheap.
import { csvCell, csvLine, ENGLISH_CSV, errorCells, headCells, tailCells, type CsvDialect } from '../core/rows/flatten.js';
import type { DecisionTail } from '../core/routing/decision-memo.js';
import type { DerivedFacts } from '../core/routing/facts.js';
import type { Problem } from '../core/problems.js';
import type { RowError } from '../core/rows/row-situation.js';
import type { ByteBuilder } from './batch-output.js';

export type RecordFormat = 'csv' | 'json' | 'ndjson';

export interface RecordEncoder {
  begin(out: ByteBuilder): void;
  decision(out: ByteBuilder, line: number, studentRef: string, referenceDate: string, facts: DerivedFacts, tail: DecisionTail): void;
  error(out: ByteBuilder, line: number, studentRef: string | undefined, error: RowError): void;
  /** `wroteAny`: whether any record was written. */
  end(out: ByteBuilder, wroteAny: boolean): void;
}

/** A row problem as words in the user's language (the ui catalogue's, passed down). */
export type DescribeProblem = (problem: Problem) => string;

/**
 * `{"line":3,"error":{"column":…,"code":…,"message":…}}`, with the student number when the row has a
 * usable one: `code` is the problem's kind (stable, for programs), `message` its words (for people).
 */
export function errorRecord(line: number, studentRef: string | undefined, error: RowError, describe: DescribeProblem): string {
  const shown = { column: error.column, code: error.problem.kind, message: describe(error.problem) };
  const record = studentRef === undefined ? { line, error: shown } : { line, studentRef, error: shown };
  return JSON.stringify(record);
}

const LEERPLICHT_INDEX: Readonly<Record<DerivedFacts['leerplicht'], number>> = { volledig: 0, kwalificatieplicht: 1, geen: 2 };
/** Encoded rests kept per encoder; beyond this the cache starts over (constant memory). */
const MAX_CACHED_RESTS = 5000;

/**
 * Everything of a decision record after the student number — reference date, facts and tail — as
 * bytes, cached per (tail, facts): a million rows share a few thousand of these.
 */
class DecisionRests {
  private readonly byTail = new Map<number, Map<number, Buffer>>();
  private size = 0;

  constructor(private readonly suffix: string) {}

  get(referenceDate: string, f: DerivedFacts, tail: DecisionTail): Buffer {
    // The facts as one number (the reference date is part of the tail's identity already).
    const key = f.age * 24 + LEERPLICHT_INDEX[f.leerplicht] * 8 + (f.leerplichtig ? 4 : 0) + (f.rmc ? 2 : 0) + (f.thuiszitter ? 1 : 0);
    let forTail = this.byTail.get(tail.id);
    const known = forTail?.get(key);
    if (known) return known;
    if (this.size >= MAX_CACHED_RESTS) {
      this.byTail.clear();
      forTail = undefined;
      this.size = 0;
    }
    if (!forTail) {
      forTail = new Map();
      this.byTail.set(tail.id, forTail);
    }
    // The reference date is a validated YYYY-MM-DD and leerplicht one of three words: no escaping needed.
    const text = `,"referenceDate":"${referenceDate}","facts":{"age":${f.age},"leerplicht":"${f.leerplicht}","leerplichtig":${f.leerplichtig},"rmc":${f.rmc},"thuiszitter":${f.thuiszitter}}${tail.json}${this.suffix}`;
    const bytes = Buffer.from(text, 'utf8');
    forTail.set(key, bytes);
    this.size += 1;
    return bytes;
  }
}

/** The JSON of `{ line, ...decision }`, written from its parts: the same text as JSON.stringify. */
function encodeDecisionJson(out: ByteBuilder, rests: DecisionRests, line: number, studentRef: string, referenceDate: string, f: DerivedFacts, tail: DecisionTail): void {
  out.text(`{"line":${line},"studentRef":${JSON.stringify(studentRef)}`);
  out.bytes(rests.get(referenceDate, f, tail));
}

function ndjsonEncoder(describe: DescribeProblem): RecordEncoder {
  const rests = new DecisionRests('\n');
  return {
    begin: () => undefined,
    decision(out, line, ref, date, facts, tail) {
      encodeDecisionJson(out, rests, line, ref, date, facts, tail);
    },
    error(out, line, ref, error) {
      out.text(`${errorRecord(line, ref, error, describe)}\n`);
    },
    end: () => undefined,
  };
}

/**
 * One JSON array, streamed: `[`, the records separated by commas, `]`. `continued`: records that
 * follow others (a worker thread's piece): each one starts with its comma, and whoever writes the
 * pieces drops the comma of the very first record.
 */
function jsonEncoder(continued: boolean, describe: DescribeProblem): RecordEncoder {
  const rests = new DecisionRests('');
  let first = !continued;
  const separator = (out: ByteBuilder): void => {
    out.text(first ? '\n' : ',\n');
    first = false;
  };
  return {
    begin: (out) => out.text('['),
    decision(out, line, ref, date, facts, tail) {
      separator(out);
      encodeDecisionJson(out, rests, line, ref, date, facts, tail);
    },
    error(out, line, ref, error) {
      separator(out);
      out.text(errorRecord(line, ref, error, describe));
    },
    end: (out, wroteAny) => out.text(wroteAny ? '\n]\n' : ']\n'),
  };
}

const BOM = '\uFEFF';

/**
 * The one CSV writer of `batch`, for the decisions (CSV_COLUMNS) and the registrations records
 * (ABSENCE_CSV_COLUMNS) alike: the dialect's BOM, headers and delimiter (null: the export's own),
 * formula-safe cells, CRLF, and error rows as wide as the header with the problem in the last two columns.
 */
export class CsvWriter {
  readonly delimiter: string;

  constructor(
    exportDelimiter: string,
    readonly dialect: CsvDialect,
    private readonly headers: readonly string[],
    private readonly describe: DescribeProblem,
  ) {
    this.delimiter = dialect.delimiter ?? exportDelimiter;
  }

  begin(out: ByteBuilder): void {
    out.text(`${this.dialect.bom ? BOM : ''}${csvLine(this.headers, this.delimiter)}`);
  }

  row(out: ByteBuilder, cells: readonly string[]): void {
    out.text(csvLine(cells, this.delimiter));
  }

  error(out: ByteBuilder, line: number, studentRef: string | undefined, error: RowError): void {
    this.row(out, errorCells(line, studentRef, error.column, this.describe(error.problem), this.headers.length));
  }
}

function csvEncoder(exportDelimiter: string, dialect: CsvDialect, describe: DescribeProblem): RecordEncoder {
  const csv = new CsvWriter(exportDelimiter, dialect, dialect.columns, describe);
  const delimiter = csv.delimiter;
  const cache = new WeakMap<DecisionTail, string>();
  return {
    begin: (out) => csv.begin(out),
    decision(out, line, ref, date, facts, tail) {
      let rest = cache.get(tail);
      if (rest === undefined) {
        rest = tailCells(tail, dialect).map((c) => csvCell(c, delimiter)).join(delimiter);
        cache.set(tail, rest);
      }
      const head = headCells(line, ref, date, facts, dialect);
      let text = '';
      for (const cell of head) text += csvCell(cell, delimiter) + delimiter;
      out.text(`${text}${rest}\r\n`);
    },
    error: (out, line, ref, error) => csv.error(out, line, ref, error),
    end: () => undefined,
  };
}

/**
 * CSV output follows `dialect` (default: the English contract, in the delimiter of the export it
 * came from, so it opens in the same spreadsheet). `describe` words a row problem (the ui's catalogue).
 */
export function recordEncoder(
  format: RecordFormat,
  csvDelimiter: string,
  options: { continued?: boolean; csv?: CsvDialect | undefined; describe: DescribeProblem },
): RecordEncoder {
  if (format === 'csv') return csvEncoder(csvDelimiter, options.csv ?? ENGLISH_CSV, options.describe);
  return format === 'json' ? jsonEncoder(options.continued === true, options.describe) : ndjsonEncoder(options.describe);
}
