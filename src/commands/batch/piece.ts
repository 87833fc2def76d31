// The work of one batch worker thread on one piece of an export: parse it, read, decide, count and
// encode its rows — everything per row that does not depend on the rows before it. What does (the
// duplicates, the summary's first-N lists, the order of the output) the main thread puts together
// from what this returns, in file order (commands/batch/parallel.ts). Runs in-process in the tests.
import { compileRuleset, type Lang } from '../../core/routing/compile.js';
import type { ColumnPlan } from '../../core/rows/columns.js';
import type { CsvDialect } from '../../core/rows/flatten.js';
import { hash53 } from '../../core/rows/seen-refs.js';
import { ByteBuilder } from '../../io/batch-output.js';
import { parsePiece, type PieceCsvError } from '../../io/csv/pieces.js';
import type { Delimiter } from '../../io/csv/sniff.js';
import { dutchWorkingDays } from '../../io/calendar/public-holidays.js';
import type { RulesetSource } from '../../io/rules/read-ruleset.js';
import { recordEncoder, type DescribeProblem, type RecordFormat } from '../../io/record-encoders.js';
import { CaseEntryMaker, type PackedEntries } from './log-entries.js';
import { RowProcessor } from './rows.js';
import { Tally, type BatchTally } from './tally.js';

/** What every worker is started with (plain data: it is copied to the thread). */
export interface PieceSettings {
  rules: RulesetSource;
  lang: Lang;
  plan: ColumnPlan;
  fallbackDate: string;
  delimiter: Delimiter;
  format: RecordFormat | undefined;
  csv?: CsvDialect | undefined;
  onlyAction: boolean;
  listLimit: number;
  /** Send back every row that needs action, made ready for the case log (for onChunk). */
  withLog: boolean;
}

export interface PieceTask {
  seq: number;
  bytes: ArrayBuffer;
  length: number;
  lineOffset: number;
  /** Output buffers written out by the main thread, handed back for reuse. */
  spare: ArrayBuffer[];
}

/** The student numbers of a piece's rows, in order: hash53() and line each, the text for naming a duplicate. */
export interface PieceRefs {
  keys: Float64Array;
  lines: Uint32Array;
  /** The numbers one after another in UTF-8; the i-th ends at ends[i]. */
  text: Uint8Array;
  ends: Uint32Array;
}

/** The i-th student number of a piece. */
export function refAt(refs: PieceRefs, i: number): string {
  const { text, ends } = refs;
  return Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8', i === 0 ? 0 : ends[i - 1], ends[i]);
}

/**
 * Collects a piece's student numbers in typed arrays that are reused piece after piece. Keeping
 * them as strings and numbers in arrays would keep every row's string alive to the end of the
 * piece: a few hundred KB a piece promoted to the old generation, which grows a worker's heap.
 */
class RefCollector {
  private keys = new Float64Array(1024);
  private lines = new Uint32Array(1024);
  private ends = new Uint32Array(1024);
  private text = Buffer.allocUnsafeSlow(16 * 1024);
  private used = 0;
  private count = 0;

  add(ref: string, line: number): void {
    const n = this.count;
    if (n === this.keys.length) {
      this.keys = grown(this.keys, new Float64Array(n * 2));
      this.lines = grown(this.lines, new Uint32Array(n * 2));
      this.ends = grown(this.ends, new Uint32Array(n * 2));
    }
    if (this.used + ref.length * 3 > this.text.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.text.length * 2, this.used + ref.length * 3));
      this.text.copy(bigger, 0, 0, this.used);
      this.text = bigger;
    }
    this.keys[n] = hash53(ref);
    this.lines[n] = line;
    this.used += this.text.write(ref, this.used);
    this.ends[n] = this.used;
    this.count = n + 1;
  }

  /** The numbers so far (copies, to transfer), and starts afresh. */
  take(): PieceRefs {
    const n = this.count;
    // Copies (a Buffer's slice() would be a view of ours, and transferring it would take ours away).
    const refs = { keys: this.keys.slice(0, n), lines: this.lines.slice(0, n), text: new Uint8Array(this.text.subarray(0, this.used)), ends: this.ends.slice(0, n) };
    this.count = 0;
    this.used = 0;
    return refs;
  }
}

function grown<T extends Float64Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

export type PieceResult =
  | {
      kind: 'done';
      seq: number;
      /** The piece's text, handed back for reuse. */
      bytes: ArrayBuffer;
      /** The length of the piece's text. */
      length: number;
      /** The records, [0, outLength); with format json each starts with its comma. */
      out: ArrayBuffer | undefined;
      outLength: number;
      written: number;
      tally: BatchTally;
      refs: PieceRefs;
      /** The rows that need action, ready for the case log (null without withLog). */
      log: PackedEntries | null;
    }
  /** The rows before the error were read: their student numbers go on to the duplicate warnings, as on one thread. */
  | { kind: 'csv-error'; seq: number; bytes: ArrayBuffer; error: PieceCsvError; refs: PieceRefs };

/** What a result hands over to the other thread instead of copying. */
export function transferablesOf(result: PieceResult): ArrayBuffer[] {
  const { keys, lines, text, ends } = result.refs;
  const list = [result.bytes, keys.buffer as ArrayBuffer, lines.buffer as ArrayBuffer, text.buffer as ArrayBuffer, ends.buffer as ArrayBuffer];
  if (result.kind !== 'done') return list;
  if (result.out) list.push(result.out);
  if (result.log) list.push(result.log.bytes);
  return list;
}

/** Output buffers kept for reuse in a worker; more are dropped. */
const MAX_SPARE_OUTPUTS = 1;

export class PieceProcessor {
  private readonly rows: RowProcessor;
  private readonly out: ByteBuilder | undefined;
  /** Where RowProcessor "writes" without a format (nothing is written). */
  private readonly scratch = new ByteBuilder(0);
  private readonly spare: ArrayBuffer[] = [];
  private readonly refs = new RefCollector();
  private readonly log: CaseEntryMaker | undefined;

  constructor(
    private readonly settings: PieceSettings,
    describe: DescribeProblem,
  ) {
    const ruleset = compileRuleset(settings.rules.ruleset, settings.rules.sha256, settings.lang);
    const log = (this.log = settings.withLog ? new CaseEntryMaker(ruleset.meta) : undefined);
    const encoder = settings.format ? recordEncoder(settings.format, settings.delimiter, { continued: true, csv: settings.csv, describe }) : undefined;
    this.out = encoder ? new ByteBuilder() : undefined;
    this.rows = new RowProcessor(
      {
        plan: settings.plan,
        fallbackDate: settings.fallbackDate,
        ruleset,
        workingDays: dutchWorkingDays(),
        encoder,
        onlyAction: settings.onlyAction,
        noteRef: (ref, line) => this.refs.add(ref, line),
        onAction: log ? (situation, facts, tail) => log.add(situation, facts, tail) : undefined,
      },
      new Tally(settings.listLimit),
    );
  }

  process(task: PieceTask): PieceResult {
    for (const buffer of task.spare) if (this.spare.length < MAX_SPARE_OUTPUTS) this.spare.push(buffer);
    const rows = this.rows;
    rows.tally = new Tally(this.settings.listLimit);
    rows.written = 0;
    const out = this.out;
    const scratch = out ?? this.scratch;
    const bytes = new Uint8Array(task.bytes, 0, task.length);
    const error = parsePiece(bytes, task.lineOffset, this.settings.delimiter, (line, cells) => {
      rows.process(line, cells, scratch);
    });
    const refs = this.refs.take();
    const log = this.log && this.log.size > 0 ? this.log.take() : null;
    if (error) {
      out?.handOver(this.spare.pop()); // the records of a piece in error are not written
      return { kind: 'csv-error', seq: task.seq, bytes: task.bytes, error, refs };
    }
    const made = out?.handOver(this.spare.pop());
    return {
      kind: 'done',
      seq: task.seq,
      bytes: task.bytes,
      length: task.length,
      out: made?.buffer,
      outLength: made?.length ?? 0,
      written: rows.written,
      tally: rows.tally.result(),
      refs,
      log,
    };
  }
}
