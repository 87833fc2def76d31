// `zorgroute batch`: every row of a student-system export through the routing core, streaming.
// Returns the tally; records go to the sink as they are made, chunk by chunk. Printing (summary,
// progress, warnings) is the CLI's, through the hooks.
//
// Two ways through the rows, with byte-identical output (test/e2e/batch-threads.test.ts): on this
// thread (stdin, small files, --threads 1), or cut into pieces that worker threads parse, decide and
// encode while this thread puts their results together in file order (commands/batch/parallel.ts).
import { availableParallelism } from 'node:os';
import { compileRuleset } from '../../core/routing/compile.js';
import { EXIT, type ExitCode } from '../../core/errors.js';
import { SeenStudentRefs } from '../../core/rows/seen-refs.js';
import { ByteBuilder, fileSink, stdoutSink } from '../../io/batch-output.js';
import { openCsvInput, type CsvInput } from '../../io/csv/input.js';
import { CsvPieceReader, type CsvHeader, type CsvPiece } from '../../io/csv/pieces.js';
import { CsvReader } from '../../io/csv/reader.js';
import type { CsvEvent } from '../../io/csv/rows.js';
import { dutchWorkingDays } from '../../io/calendar/public-holidays.js';
import { readRulesetSource } from '../../io/rules/read-ruleset.js';
import { recordEncoder } from '../../io/record-encoders.js';
import { CaseEntryMaker } from './log-entries.js';
import type { BatchHooks, BatchOptions, BatchResult, BatchRun } from './types.js';

import { runPieces } from './parallel.js';
import { refAt, type PieceSettings } from './piece.js';
import { RowProcessor } from './rows.js';
import { emptyExport, fallbackDateOf, planOrThrow } from './setup.js';
import { Tally, type BatchTally } from './tally.js';

export const DEFAULT_CHUNK_ROWS = 2000;
/** Below this a file is read on the main thread: starting workers would cost more than they win. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
const MAX_AUTO_THREADS = 4;
/** A worker's unit of work: big enough that messages cost nothing, small enough to keep memory low. */
const DEFAULT_PIECE_BYTES = 64 * 1024;
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

/** How many worker threads to start: 0 for none (all rows on the main thread). */
export function workersFor(options: Pick<BatchOptions, 'threads'>, input: Pick<CsvInput, 'totalBytes'>, cpus = availableParallelism()): number {
  if (options.threads !== undefined) return options.threads > 1 ? options.threads : 0;
  if (input.totalBytes === null || input.totalBytes < PARALLEL_MIN_BYTES || cpus < 2) return 0;
  // The case log's writer is a thread of its own too; still, one worker per CPU is fastest: on two
  // CPUs a million rows with --log take 4.4 s with two workers, 5.5 s with one (bench/batch.mjs).
  return Math.min(cpus, MAX_AUTO_THREADS);
}

/** The header and its column plan; a refused header closes the file at once (not at garbage collection). */
async function readHeader(events: AsyncGenerator<CsvEvent | CsvHeader | CsvPiece>, input: CsvInput, options: BatchOptions) {
  try {
    const first = await events.next();
    if (first.done || first.value.kind !== 'header') throw emptyExport(input.label);
    const header = first.value;
    return { header, plan: planOrThrow(header, input.label, options) };
  } catch (error) {
    await events.return(undefined);
    const source = input.source as { return?: (value?: unknown) => Promise<unknown> };
    if (typeof source.return === 'function') await source.return(undefined);
    throw error;
  }
}

export async function runBatch(options: BatchOptions, hooks: BatchHooks): Promise<BatchResult> {
  const rules = readRulesetSource(options.rules);
  const ruleset = compileRuleset(rules.ruleset, rules.sha256, options.lang);
  const fallbackDate = fallbackDateOf(options);
  const input = await openCsvInput(options.input, hooks.stdin);
  const workers = workersFor(options, input);
  const readOptions = { label: input.label, encoding: options.encoding, delimiter: options.delimiter };
  const reader = workers > 0 ? new CsvPieceReader(input.source, { ...readOptions, pieceBytes: options.pieceBytes ?? DEFAULT_PIECE_BYTES }) : new CsvReader(input.source, readOptions);
  const events: AsyncGenerator<CsvEvent | CsvHeader | CsvPiece> = reader.events();
  const { header, plan } = await readHeader(events, input, options);
  if (plan.dataLike.length > 0) hooks.onWarning?.({ kind: 'data-like-headers', columns: plan.dataLike });
  if (plan.unknown.length > 0) hooks.onWarning?.({ kind: 'unknown-columns', columns: plan.unknown });

  const seen = new SeenStudentRefs();
  const tally = new Tally(options.listLimit);
  const duplicate = (line: number, firstLine: number, ref: () => string): void => {
    tally.duplicate();
    if (tally.counts.duplicates <= DUPLICATES_NAMED) hooks.onWarning?.({ kind: 'duplicate', studentRef: ref(), line, firstLine });
  };
  const encoder = options.format ? recordEncoder(options.format, header.delimiter, { csv: options.csv, describe: hooks.describeRowProblem }) : undefined;
  const run: BatchRun = {
    label: input.label,
    plan,
    ruleset,
    fallbackDate,
    tally,
    encoder,
    sink: encoder ? (options.out ? fileSink(options.out, [options.input, ...(options.map ? [options.map] : [])]) : stdoutSink(hooks.stdout, { discardWhenClosed: hooks.keepGoingWithoutStdout === true })) : undefined,
    noteRef(ref, line) {
      const firstLine = seen.add(ref, line);
      if (firstLine !== 0) duplicate(line, firstLine, () => ref);
    },
    noteRefs(refs) {
      const { keys, lines } = refs;
      for (let i = 0; i < keys.length; i++) {
        const firstLine = seen.addKey(keys[i]!, lines[i]!);
        if (firstLine !== 0) duplicate(lines[i]!, firstLine, () => refAt(refs, i));
      }
    },
  };
  let sized = false;
  /** After rows have been counted; `bytesDone`: how much of the text they came from. */
  const progress = (bytesDone: number): void => {
    // Size the duplicate finder for the whole file at once, from the rows seen so far: growing it
    // step by step would hold the old table beside the new one (1.5× its size) at the last step.
    if (!sized && input.totalBytes !== null && tally.counts.rows >= SIZE_UP_ROWS) {
      sized = true;
      seen.reserve(Math.ceil((SIZE_UP_MARGIN * tally.counts.rows * input.totalBytes) / Math.max(bytesDone, 1)));
    }
    hooks.onProgress?.({ rows: tally.counts.rows, bytesRead: reader.bytesRead, totalBytes: input.totalBytes });
  };

  let written: number;
  let finished = false;
  try {
    if (reader instanceof CsvPieceReader) {
      const settings: PieceSettings = {
        rules,
        lang: options.lang,
        plan,
        fallbackDate,
        delimiter: header.delimiter,
        format: options.format,
        csv: options.csv,
        onlyAction: options.onlyAction,
        listLimit: options.listLimit,
        withLog: hooks.onChunk !== undefined,
      };
      written = await runPieces(run, { reader, events, settings, workers, onChunk: hooks.onChunk, progress, entry: hooks.workerEntry });
    } else {
      written = await runRows(run, events, options, hooks, progress, () => reader.bytesRead);
    }
    await run.sink?.finish();
    finished = true;
  } finally {
    if (!finished) run.sink?.abort();
  }

  const result = tally.result();
  if (result.rows === 0) hooks.onWarning?.({ kind: 'no-rows' });
  return {
    ...result,
    source: { label: input.label, encoding: reader.encoding ?? 'ascii', bom: reader.bom, delimiter: header.delimiter },
    referenceDate: { date: fallbackDate, from: options.referenceDate === undefined ? 'today' : 'flag', column: plan.indexOf.referenceDate >= 0 },
    unknownColumns: plan.unknown,
    written,
    out: options.out,
    threads: workers,
  };
}

/** All rows on this thread. Returns the number of records written. */
async function runRows(run: BatchRun, events: AsyncGenerator<CsvEvent | CsvHeader | CsvPiece>, options: BatchOptions, hooks: BatchHooks, progress: (bytesDone: number) => void, bytesRead: () => number): Promise<number> {
  const { encoder, sink } = run;
  const out = new ByteBuilder();
  const onChunk = hooks.onChunk;
  const log = onChunk ? new CaseEntryMaker(run.ruleset.meta) : undefined;
  const chunkRows = options.chunkRows ?? DEFAULT_CHUNK_ROWS;
  const rows = new RowProcessor(
    {
      plan: run.plan,
      fallbackDate: run.fallbackDate,
      ruleset: run.ruleset,
      workingDays: dutchWorkingDays(),
      encoder,
      onlyAction: options.onlyAction,
      noteRef: (ref, line) => run.noteRef(ref, line),
      onAction: log ? (situation, facts, tail) => log.add(situation, facts, tail) : undefined,
    },
    run.tally,
  );
  let inChunk = 0;

  // At most one write in flight, so that ByteBuilder can fill its other buffer meanwhile.
  let writing: Promise<void> = Promise.resolve();
  const flush = async (): Promise<void> => {
    if (onChunk && log && log.size > 0) await onChunk(log.take());
    inChunk = 0;
    if (sink && out.length > 0) {
      await writing;
      writing = sink.write(out.take());
      // A failed write must not go unnoticed until the next flush.
      writing.catch(() => undefined);
    }
  };

  encoder?.begin(out);
  for await (const event of events) {
    if (event.kind !== 'rows') continue;
    for (const { line, cells } of event.rows) {
      if (rows.process(line, cells, out) && ++inChunk >= chunkRows) await flush();
    }
    progress(bytesRead());
  }
  encoder?.end(out, rows.written > 0);
  await flush();
  await writing;
  return rows.written;
}
