// `zorgroute batch --log`: every row that needs action (an escalation or a referral) recorded in
// the case log, one transaction per chunk of rows. Idempotent through decisionIdempotencyKey():
// running the same export again adds nothing, and a run that was interrupted is completed by
// running it again (a chunk is either wholly in the log or not at all).
//
// The writing happens on a worker thread (log-worker.ts): SQLite's work then overlaps with
// reading and deciding the export instead of adding to it. The threads that decide the rows make
// them ready and pack them (commands/batch/log-entries.ts), so this thread only passes the buffers on.
// Rows are gathered into transactions of at least LOG_CHUNK_CASES cases: each commit rewrites every
// index page it touched, and the idempotency keys are random, so small transactions would write the
// key index over and over (5,000 rather than 2,000: 3% faster for ~20 MB more memory, measured). At most MAX_IN_FLIGHT chunks wait for the writer, so memory stays
// bounded when the disk is slow.
import { Worker } from 'node:worker_threads';
import { UserError } from '../../core/errors.js';
import { ProblemError } from '../../core/output-problems.js';
import { problem } from '../../core/problems.js';
import { openCaseStore } from '../../io/db/case-store.js';
import type { DbLocation } from '../../io/db/db-path.js';
import type { PackedEntries } from './log-entries.js';
import type { LogReply, LogRequest, LogWorkerData } from './log-worker.js';

const MAX_IN_FLIGHT = 2;
/** Cases per transaction (at least; a chunk of the export is never split; the last may be fewer). */
export const LOG_CHUNK_CASES = 5000;

export interface BatchLog {
  readonly database: string;
  /** Takes a chunk of rows; resolves at once unless too many chunks are still waiting for the writer. */
  onChunk(chunk: PackedEntries): Promise<void>;
  /** Writes what is gathered and waits until every chunk is written; then the counts are final. */
  finish(): Promise<{ added: number; skipped: number }>;
  /** Stops the writer at once (after an error elsewhere); what was committed stays. */
  abort(): Promise<void>;
}

/**
 * Chunks of the export gathered into one transaction's worth; each outcome's text passed on once.
 * The writer then has every text before the first entry that uses it, because a maker hands a text
 * over with its first use and each thread's chunks arrive here in the order it made them (a worker
 * takes its pieces first in, first out; the results are taken in file order).
 */
class Gathered {
  private readonly passedOn = new Set<string>();
  private parts: PackedEntries[] = [];
  size = 0;

  add(part: PackedEntries): void {
    for (const sha256 of Object.keys(part.outcomes)) {
      if (this.passedOn.has(sha256)) delete part.outcomes[sha256];
      else this.passedOn.add(sha256);
    }
    this.parts.push(part);
    this.size += part.count;
  }

  take(): PackedEntries[] {
    const parts = this.parts;
    this.parts = [];
    this.size = 0;
    return parts;
  }
}

/** `chunkCases`: cases per transaction (tests make it small, to commit often). */
export function openBatchLog(db: DbLocation, chunkCases = LOG_CHUNK_CASES): BatchLog {
  // Opened once here, so that a database that is not zorgroute's, is newer or is locked is refused
  // (exit 2) before any row is read; the worker then opens the checked, migrated file.
  const ownFolder = db.origin === 'default';
  const check = openCaseStore(db.path, { ownFolder });
  const database = check.path;
  check.close();

  const worker = new Worker(new URL('./log-worker.js', import.meta.url), {
    workerData: { path: db.path, ownFolder } satisfies LogWorkerData,
  });
  let gone = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let added = 0;
  let skipped = 0;
  let nextId = 0;
  let failure: Error | undefined;
  /** The chunks sent and not yet answered: id → what to call when the answer (or a failure) comes. */
  const waiting = new Map<number, () => void>();
  const answered = (id: number): void => {
    waiting.get(id)?.();
    waiting.delete(id);
  };
  const fail = (error: Error): void => {
    failure ??= error;
    for (const id of [...waiting.keys()]) answered(id);
  };
  worker.on('message', (reply: LogReply) => {
    if ('error' in reply) {
      const e = reply.error;
      if (e.output) fail(new ProblemError(e.output));
      else
        fail(e.user ? new UserError(problem('case-log-not-written', { cause: e.problem ?? problem('cli-other', { text: e.message }) }), { hint: e.hint }) : new Error(e.message));
    } else {
      added += reply.added;
      skipped += reply.skipped;
    }
    answered(reply.id);
  });
  worker.on('error', fail);
  const stoppedUnexpectedly = (): Error => new Error('the case-log writer stopped unexpectedly');
  void exited.then(() => {
    gone = true;
    if (waiting.size > 0) fail(stoppedUnexpectedly());
  });
  const inFlight = new Set<Promise<void>>();
  const gathered = new Gathered();
  const send = (): Promise<void> => {
    // A writer that has gone would never answer: fail now rather than wait forever.
    if (gone) {
      fail(stoppedUnexpectedly());
      return Promise.resolve();
    }
    const id = nextId++;
    const written = new Promise<void>((resolve) => waiting.set(id, resolve));
    inFlight.add(written);
    void written.then(() => inFlight.delete(written));
    const parts = gathered.take();
    worker.postMessage({ kind: 'chunk', id, parts } satisfies LogRequest, parts.map((p) => p.bytes));
    return written;
  };
  const throwIfFailed = (): void => {
    if (failure) throw failure;
  };

  return {
    database,
    async onChunk(chunk) {
      throwIfFailed();
      gathered.add(chunk);
      if (gathered.size < chunkCases) return;
      const written = send();
      if (inFlight.size > MAX_IN_FLIGHT) await written;
      throwIfFailed();
    },
    async finish() {
      throwIfFailed();
      if (gathered.size > 0) send();
      await Promise.all([...inFlight]);
      worker.postMessage({ kind: 'close' } satisfies LogRequest);
      await exited;
      throwIfFailed();
      return { added, skipped };
    },
    async abort() {
      await worker.terminate();
    },
  };
}
