// The three record formats of `batch`: NDJSON (one decision a line), JSON (one array, streamed) and
// CSV (flattened, formula-safe). A decision record is the `route` decision with `"line"` in front;
// the shared part of it (DecisionTail) is encoded once and copied, which keeps a million rows cheap.
import { CSV_COLUMNS, csvCell, csvLine, errorCells, headCells, tailCells } from '../core/csv-flatten.js';
import type { DecisionTail } from '../core/decision-memo.js';
import type { DerivedFacts } from '../core/facts.js';
import type { RowError } from '../core/row-situation.js';
import type { ByteBuilder } from './batch-output.js';

export type RecordFormat = 'csv' | 'json' | 'ndjson';

export interface RecordEncoder {
  begin(out: ByteBuilder): void;
  decision(out: ByteBuilder, line: number, studentRef: string, referenceDate: string, facts: DerivedFacts, tail: DecisionTail): void;
  error(out: ByteBuilder, line: number, studentRef: string | undefined, error: RowError): void;
  end(out: ByteBuilder): void;
}

/** `{"line":3,"error":{…}}`, with the student number when the row has a usable one. */
export function errorRecord(line: number, studentRef: string | undefined, error: RowError): string {
  const record = studentRef === undefined ? { line, error } : { line, studentRef, error };
  return JSON.stringify(record);
}

/** The JSON of `{ line, ...decision }`, written from its parts: the same text as JSON.stringify. */
function encodeDecisionJson(out: ByteBuilder, cache: WeakMap<DecisionTail, Buffer>, line: number, studentRef: string, referenceDate: string, f: DerivedFacts, tail: DecisionTail): void {
  out.text(
    // The reference date is a validated YYYY-MM-DD and leerplicht one of three words: no escaping needed.
    `{"line":${line},"studentRef":${JSON.stringify(studentRef)},"referenceDate":"${referenceDate}","facts":{"age":${f.age},"leerplicht":"${f.leerplicht}","leerplichtig":${f.leerplichtig},"rmc":${f.rmc},"thuiszitter":${f.thuiszitter}}`,
  );
  let bytes = cache.get(tail);
  if (!bytes) {
    bytes = Buffer.from(tail.json, 'utf8');
    cache.set(tail, bytes);
  }
  out.bytes(bytes);
}

function ndjsonEncoder(): RecordEncoder {
  const cache = new WeakMap<DecisionTail, Buffer>();
  const NL = Buffer.from('\n');
  return {
    begin: () => undefined,
    decision(out, line, ref, date, facts, tail) {
      encodeDecisionJson(out, cache, line, ref, date, facts, tail);
      out.bytes(NL);
    },
    error(out, line, ref, error) {
      out.text(`${errorRecord(line, ref, error)}\n`);
    },
    end: () => undefined,
  };
}

/** One JSON array, streamed: `[`, the records separated by commas, `]`. */
function jsonEncoder(): RecordEncoder {
  const cache = new WeakMap<DecisionTail, Buffer>();
  let first = true;
  const separator = (out: ByteBuilder): void => {
    out.text(first ? '\n' : ',\n');
    first = false;
  };
  return {
    begin: (out) => out.text('['),
    decision(out, line, ref, date, facts, tail) {
      separator(out);
      encodeDecisionJson(out, cache, line, ref, date, facts, tail);
    },
    error(out, line, ref, error) {
      separator(out);
      out.text(errorRecord(line, ref, error));
    },
    end: (out) => out.text(first ? ']\n' : '\n]\n'),
  };
}

function csvEncoder(delimiter: string): RecordEncoder {
  const cache = new WeakMap<DecisionTail, string>();
  return {
    begin: (out) => out.text(csvLine(CSV_COLUMNS, delimiter)),
    decision(out, line, ref, date, facts, tail) {
      let rest = cache.get(tail);
      if (rest === undefined) {
        rest = tailCells(tail).map((c) => csvCell(c, delimiter)).join(delimiter);
        cache.set(tail, rest);
      }
      const head = headCells(line, ref, date, facts);
      let text = '';
      for (const cell of head) text += csvCell(cell, delimiter) + delimiter;
      out.text(`${text}${rest}\r\n`);
    },
    error(out, line, ref, error) {
      out.text(csvLine(errorCells(line, ref, error), delimiter));
    },
    end: () => undefined,
  };
}

/** CSV output uses the delimiter of the export it came from, so it opens in the same spreadsheet. */
export function recordEncoder(format: RecordFormat, csvDelimiter: string): RecordEncoder {
  if (format === 'csv') return csvEncoder(csvDelimiter);
  return format === 'json' ? jsonEncoder() : ndjsonEncoder();
}
