// The records of `batch --registrations`: one per student of the students file — the decision plus
// `absence` (JSON/NDJSON), or one CSV row with the escalations and periods flattened (core/rows/absence-cells.ts).
import type { AbsenceRecord } from '../core/absence/route-absence.js';
import { absenceCells } from '../core/rows/absence-cells.js';
import { ENGLISH_CSV, type CsvDialect } from '../core/rows/flatten.js';
import type { RowError } from '../core/rows/row-situation.js';
import type { ByteBuilder } from './batch-output.js';
import { CsvWriter, errorRecord, type DescribeProblem, type RecordFormat } from './record-encoders.js';

/** JSON (an array): each record begins with `,\n`; whoever writes them drops the comma of the first. */
export interface AbsenceRecordEncoder {
  begin(out: ByteBuilder): void;
  record(out: ByteBuilder, line: number, record: AbsenceRecord): void;
  error(out: ByteBuilder, line: number, studentRef: string | undefined, error: RowError): void;
  end(out: ByteBuilder, wroteAny: boolean): void;
}

/**
 * JSON text of the parts a record shares with other records (the parents decision, the rules cited,
 * the rule set, a frozen part): made once per object. Records are never changed once made, so their identity is
 * their text.
 */
class SharedJson {
  private readonly texts = new WeakMap<object, string>();

  of(value: object): string {
    let text = this.texts.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      this.texts.set(value, text);
    }
    return text;
  }

  /** `,"key":` for each key of a record, made once. */
  private readonly keys = new Map<string, string>();

  key(key: string): string {
    let text = this.keys.get(key);
    if (text === undefined) {
      text = `,"${key}":`;
      this.keys.set(key, text);
    }
    return text;
  }

  list(values: readonly object[]): string {
    let text = '[';
    for (let i = 0; i < values.length; i++) text += (i === 0 ? '' : ',') + this.of(values[i]!);
    return `${text}]`;
  }
}

/**
 * `JSON.stringify({ line, ...record })`, the same text, with the shared parts from `shared`, written
 * part by part: a record is never one string of its own (some kilobytes made and copied for each
 * student of a board's export), `before` and `after` around it.
 */
function writeJson(out: ByteBuilder, before: string, line: number, record: AbsenceRecord, shared: SharedJson, after: string): void {
  out.text(`${before}{"line":${line}`);
  const fields = record as unknown as Record<string, unknown>;
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined) continue;
    // The record's keys are plain words: no escaping needed.
    out.text(shared.key(key));
    // A frozen part is shared by records of the same shape (core/absence/route-absence.ts AbsenceCache).
    if (key === 'ruleset' || key === 'parents' || isFrozenObject(value)) out.text(shared.of(value as object));
    else if (key === 'rules') out.text(shared.list(value as object[]));
    else out.text(JSON.stringify(value));
  }
  out.text(`}${after}`);
}

function isFrozenObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.isFrozen(value);
}

/**
 * CSV goes through batch's one CSV writer in `dialect` (default: the English contract, in the
 * delimiter of the students file); `describe` words a row problem (the ui's catalogue, in the run's language).
 */
export function absenceRecordEncoder(format: RecordFormat, exportDelimiter: string, options: { csv?: CsvDialect | undefined; describe: DescribeProblem }): AbsenceRecordEncoder {
  const { describe } = options;
  if (format === 'csv') {
    const dialect = options.csv ?? ENGLISH_CSV;
    const csv = new CsvWriter(exportDelimiter, dialect, dialect.absence.columns, describe);
    return {
      begin: (out) => csv.begin(out),
      record: (out, line, r) => csv.row(out, absenceCells(line, r, dialect)),
      error: (out, line, ref, e) => csv.error(out, line, ref, e),
      end: () => undefined,
    };
  }
  const shared = new SharedJson();
  if (format === 'ndjson') {
    return {
      begin: () => undefined,
      record: (out, line, r) => writeJson(out, '', line, r, shared, '\n'),
      error: (out, line, ref, e) => out.text(`${errorRecord(line, ref, e, describe)}\n`),
      end: () => undefined,
    };
  }
  // Every record starts with `,\n`: the records of a run are encoded in chunks, on several threads,
  // and the writer drops the comma of the very first one (commands/batch/registrations/run.ts).
  return {
    begin: (out) => out.text('['),
    record: (out, line, r) => writeJson(out, ',\n', line, r, shared, ''),
    error: (out, line, ref, e) => {
      out.text(',\n');
      out.text(errorRecord(line, ref, e, describe));
    },
    end: (out, wroteAny) => out.text(wroteAny ? '\n]\n' : ']\n'),
  };
}
