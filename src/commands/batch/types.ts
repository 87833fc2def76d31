// The shapes of a batch run that its modules share: options and hooks from the CLI, the result, and
// what the main-thread path (run.ts) and the worker path (parallel.ts) both use. A module of its own
// so that neither of those imports the other.
import type { Readable, Writable } from 'node:stream';
import type { CompiledRuleset, Lang } from '../../core/routing/compile.js';
import type { ColumnPlan } from '../../core/rows/columns.js';
import type { CsvDialect } from '../../core/rows/flatten.js';
import type { RecordSink } from '../../io/batch-output.js';
import type { Delimiter, Encoding } from '../../io/csv/sniff.js';
import type { DescribeProblem, RecordEncoder, RecordFormat } from '../../io/record-encoders.js';
import type { PackedEntries } from './log-entries.js';
import type { PieceRefs } from './piece.js';
import type { BatchTally, Tally } from './tally.js';

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
  /** The words and conventions of --format csv (default: the English contract, core/rows/flatten.ts). */
  csv?: CsvDialect | undefined;
  /** A file for the records instead of stdout. */
  out?: string | undefined;
  onlyAction: boolean;
  /** How many students to list per escalation target (Infinity for --all). */
  listLimit: number;
  /** Rows per chunk on this thread: the unit of onChunk. */
  chunkRows?: number;
  /**
   * Worker threads: 1 = none, all on this thread; 2 or more: that many, for any input (also stdin).
   * Not given: none for stdin or a file under PARALLEL_MIN_BYTES; else one per CPU (at most 4).
   */
  threads?: number | undefined;
  /** Bytes per piece of work for a worker thread (tests make it tiny to cut everywhere). */
  pieceBytes?: number | undefined;
}

export type BatchWarning =
  | { kind: 'unknown-columns'; columns: string[] }
  /** Header cells (1-based columns) that look like data: ignored, never shown. */
  | { kind: 'data-like-headers'; columns: number[] }
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
  /** When stdout's reader goes away, read on and drop the records (for --log) instead of stopping. */
  keepGoingWithoutStdout?: boolean;
  onWarning?(warning: BatchWarning): void;
  /** After every chunk read from the file (the CLI throttles what it draws). */
  onProgress?(progress: BatchProgress): void;
  /**
   * The rows that need action, packed for the case log (commands/batch/log-entries.ts), in file order, a
   * chunk at a time — `chunkRows` rows of the file on this thread, a piece with worker threads —
   * before the chunk's records are written; awaited. A chunk carries the text of each outcome its
   * maker had not handed over before, so keep them. Called on this (the main) thread.
   */
  onChunk?(chunk: PackedEntries): void | Promise<void>;
  /** A row problem in the user's language, written into the records (the CLI passes the ui catalogue's). */
  describeRowProblem: DescribeProblem;
  /**
   * The script of a worker thread (src/cli/piece-worker.ts, built next to the CLI): a shell that
   * gives each thread's PieceProcessor the same describer. Needed when worker threads are used.
   */
  workerEntry?: URL;
}

export interface BatchResult extends BatchTally {
  source: { label: string; encoding: Encoding | 'ascii'; bom: boolean; delimiter: Delimiter };
  /** The peildatum of rows without their own (from --reference-date, or today); `column`: the export has a peildatum column, whose cells win. */
  referenceDate: { date: string; from: 'flag' | 'today'; column: boolean };
  unknownColumns: string[];
  /** Records written (fewer than rows with --only-action; 0 without a format). */
  written: number;
  out: string | undefined;
  /** Worker threads used (0: all on the main thread). */
  threads: number;
}

/** What both ways through the rows share, set up from the header. */
export interface BatchRun {
  label: string;
  plan: ColumnPlan;
  ruleset: CompiledRuleset;
  fallbackDate: string;
  tally: Tally;
  encoder: RecordEncoder | undefined;
  sink: RecordSink | undefined;
  /** A row's student number, in file order (for duplicates). */
  noteRef(ref: string, line: number): void;
  /** The student numbers of a worker's piece, in file order. */
  noteRefs(refs: PieceRefs): void;
}
