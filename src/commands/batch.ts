// `zorgroute batch`: every row of a student-system export through the routing core, streaming.
// Returns the tally; records go to the sink as they are made, chunk by chunk. Printing (summary,
// progress, warnings) is the CLI's, through the hooks.
import type { Readable, Writable } from 'node:stream';
import type { Lang } from '../core/compile.js';
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import { SeenStudentRefs } from '../core/seen-refs.js';
import { ByteBuilder, fileSink, stdoutSink, type RecordSink } from '../io/batch-output.js';
import { openCsvInput } from '../io/csv-input.js';
import { CsvReader } from '../io/csv-rows.js';
import type { Delimiter, Encoding } from '../io/csv-sniff.js';
import { readRuleset } from '../io/read-ruleset.js';
import { recordEncoder, type RecordEncoder, type RecordFormat } from '../io/record-encoders.js';
import { RowProcessor, type BatchRecord } from './batch-rows.js';
import { fallbackDateOf, planOrThrow } from './batch-setup.js';
import { Tally, type BatchTally } from './batch-tally.js';

export type { BatchRecord };

export interface BatchOptions {
  /** A file path, or `-` for stdin. */
  input: string;
  rules?: string | undefined;
  lang: Lang;
  /** The peildatum for rows without one when --reference-date is not given (the caller reads the clock). */
  today: string;
  /** --reference-date as typed (dd-mm-jjjj or ISO); a row's own `peildatum` cell wins. */
  referenceDate?: string | undefined;
  map?: string | undefined;
  encoding?: Encoding | undefined;
  delimiter?: Delimiter | undefined;
  /** No format: no records, only the tally. */
  format?: RecordFormat | undefined;
  /** A file for the records instead of stdout. */
  out?: string | undefined;
  onlyAction: boolean;
  /** How many students to list per escalation target (Infinity for --all). */
  listLimit: number;
  /** Rows per chunk: the unit of onChunk (and of one --log transaction). */
  chunkRows?: number;
}

export type BatchWarning =
  | { kind: 'unknown-columns'; columns: string[] }
  | { kind: 'duplicate'; studentRef: string; line: number; firstLine: number }
  | { kind: 'no-rows' };

export interface BatchProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number | null;
}

export interface BatchHooks {
  stdin: Readable;
  /** Where records go when there is no `out`. */
  stdout: Writable;
  onWarning?(warning: BatchWarning): void;
  /** After every chunk read from the file (the CLI throttles what it draws). */
  onProgress?(progress: BatchProgress): void;
  /** After every `chunkRows` rows, before their records are written; awaited (a --log transaction). */
  onChunk?(records: readonly BatchRecord[]): void | Promise<void>;
}

export interface BatchResult extends BatchTally {
  source: { label: string; encoding: Encoding | 'ascii'; bom: boolean; delimiter: Delimiter };
  unknownColumns: string[];
  /** Records written (fewer than rows with --only-action; 0 without a format). */
  written: number;
  out: string | undefined;
}

export const DEFAULT_CHUNK_ROWS = 2000;
/** Rows read before the number of rows in the file is estimated; and room for this many more. */
const SIZE_UP_ROWS = 1000;
const SIZE_UP_MARGIN = 1.1;
/** Duplicates named one by one on stderr; the rest are counted. */
const DUPLICATES_NAMED = 20;

/** 0 all rows valid; 4 some invalid; with --exit-code, 3 when any escalation — and then 3 wins over 4. */
export function batchExitCode(result: Pick<BatchTally, 'invalid' | 'escalated'>, exitCodeFlag: boolean): ExitCode {
  if (exitCodeFlag && result.escalated > 0) return EXIT.escalation;
  return result.invalid > 0 ? EXIT.someRowsInvalid : EXIT.ok;
}

export async function runBatch(options: BatchOptions, hooks: BatchHooks): Promise<BatchResult> {
  const ruleset = readRuleset(options.rules, options.lang);
  const fallbackDate = fallbackDateOf(options);
  const input = await openCsvInput(options.input, hooks.stdin);
  const reader = new CsvReader(input.source, { label: input.label, encoding: options.encoding, delimiter: options.delimiter });
  const events = reader.events();
  const first = await events.next();
  if (first.done || first.value.kind !== 'header') {
    throw new UserError(`${input.label} is empty: expected a header line and rows`, {
      hint: 'export the students with a header line (at least leerlingnummer and geboortedatum)',
    });
  }
  const plan = planOrThrow(first.value, input.label, options);
  if (plan.unknown.length > 0) hooks.onWarning?.({ kind: 'unknown-columns', columns: plan.unknown });

  const seen = new SeenStudentRefs();
  const tally = new Tally(options.listLimit);
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  const encoder: RecordEncoder | undefined = options.format ? recordEncoder(options.format, first.value.delimiter) : undefined;
  const sink: RecordSink | undefined = encoder ? (options.out ? fileSink(options.out) : stdoutSink(hooks.stdout)) : undefined;
  const out = new ByteBuilder();
  const onChunk = hooks.onChunk;
  const chunk: BatchRecord[] = [];
  const noteRef = (studentRef: string, line: number): void => {
    const firstLine = seen.add(studentRef, line);
    if (firstLine === 0) return;
    tally.duplicate();
    if (tally.counts.duplicates <= DUPLICATES_NAMED) hooks.onWarning?.({ kind: 'duplicate', studentRef, line, firstLine });
  };
  const rows = new RowProcessor({ plan, fallbackDate, ruleset, encoder, onlyAction: options.onlyAction, tally, noteRef, records: onChunk ? chunk : undefined });
  let inChunk = 0;
  let finished = false;
  let sized = false;

  // At most one write in flight, so that ByteBuilder can fill its other buffer meanwhile.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    if (onChunk && chunk.length > 0) await onChunk(chunk.splice(0, chunk.length));
    inChunk = 0;
    if (sink && out.length > 0) {
      await writing;
      writing = sink.write(out.take());
      // A failed write must not go unnoticed until the next flush.
      writing.catch(() => undefined);
    }
  };

  try {
    encoder?.begin(out);
    for await (const event of events) {
      if (event.kind !== 'rows') continue;
      for (const { line, cells } of event.rows) {
        if (rows.process(line, cells, out) && ++inChunk >= chunkRows) await flush();
      }
      // Size the duplicate finder for the whole file at once, from the rows seen so far: growing it
      // step by step would hold the old table beside the new one (1.5× its size) at the last step.
      if (!sized && input.totalBytes !== null && tally.counts.rows >= SIZE_UP_ROWS) {
        sized = true;
        seen.reserve(Math.ceil((SIZE_UP_MARGIN * tally.counts.rows * input.totalBytes) / Math.max(reader.bytesRead, 1)));
      }
      hooks.onProgress?.({ rows: tally.counts.rows, bytesRead: reader.bytesRead, totalBytes: input.totalBytes });
    }
    encoder?.end(out, rows.written > 0);
    await flush();
    await writing;
    await sink?.finish();
    finished = true;
  } finally {
    if (!finished) sink?.abort();
  }

  const result = tally.result();
  if (result.rows === 0) hooks.onWarning?.({ kind: 'no-rows' });
  return {
    ...result,
    source: { label: input.label, encoding: reader.encoding ?? 'ascii', bom: reader.bom, delimiter: first.value.delimiter },
    unknownColumns: plan.unknown,
    written: rows.written,
    out: options.out,
  };
}
