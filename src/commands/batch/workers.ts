// The worker threads of `zorgroute batch`: each runs piece-worker.js (a PieceProcessor) and takes
// pieces of the export one after another. A failing worker is a bug in zorgroute (user data only
// ever makes row errors or a CSV error result): it fails every piece still out, and the run.
import { Worker } from 'node:worker_threads';
import { UserError } from '../../core/errors.js';
import { problem } from '../../core/problems.js';
import type { PieceResult, PieceSettings, PieceTask } from './piece.js';

/**
 * Each thread's heap, kept small (bench/batch.mjs measures the peak RSS): what a row allocates dies
 * young, so a small young generation costs little; and without a limit on the old generation V8
 * lets a worker's garbage pile up for seconds before it collects (the RSS then grows with the file).
 * The old-generation limit leaves room for the largest decision memo (20,000 decisions) and a piece
 * with a record of the largest size csv-parse accepts.
 */
export const WORKER_HEAP_MB = { young: 4, old: 96 };
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: WORKER_HEAP_MB.young, maxOldGenerationSizeMb: WORKER_HEAP_MB.old };

function failure(error: Error & { code?: string }): Error {
  // Not a bug: an export of rare variety (the memo full of large decisions) can need more.
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new UserError(problem('worker-out-of-memory', { mb: WORKER_HEAP_MB.old }), { hint: problem('hint-threads-one') });
  }
  return new Error(`a batch worker thread failed: ${error.message}`, { cause: error });
}

interface Thread {
  worker: Worker;
  /** Pieces sent and not yet answered. */
  queued: number;
}

export class WorkerPool {
  private readonly threads: Thread[] = [];
  private readonly waiting = new Map<number, { resolve: (result: PieceResult) => void; reject: (error: Error) => void }>();
  private failure: Error | undefined;
  private closing = false;

  /** `entry`: the worker's script (src/cli/piece-worker.ts, passed down by the CLI: it gives the threads the ui's words). */
  constructor(count: number, settings: PieceSettings, entry: URL | undefined) {
    if (entry === undefined) throw new TypeError('WorkerPool: the worker script (BatchHooks.workerEntry) is needed for worker threads');
    for (let i = 0; i < count; i++) {
      const thread: Thread = { worker: new Worker(entry, { workerData: settings, resourceLimits: RESOURCE_LIMITS }), queued: 0 };
      thread.worker.on('message', (result: PieceResult) => {
        const waiter = this.waiting.get(result.seq);
        if (!waiter) return;
        this.waiting.delete(result.seq);
        thread.queued -= 1;
        waiter.resolve(result);
      });
      thread.worker.on('error', (error: Error & { code?: string }) => this.fail(failure(error)));
      thread.worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`a batch worker thread stopped (exit code ${code})`));
      });
      this.threads.push(thread);
    }
  }

  get size(): number {
    return this.threads.length;
  }

  /** Pieces sent and not yet answered, over all threads. */
  get queued(): number {
    let n = 0;
    for (const t of this.threads) n += t.queued;
    return n;
  }

  /** Sends a piece to the thread with the least work waiting; its buffers are transferred, not copied. */
  run(task: PieceTask): Promise<PieceResult> {
    if (this.failure) return Promise.reject(this.failure);
    let thread = this.threads[0]!;
    for (const t of this.threads) if (t.queued < thread.queued) thread = t;
    thread.queued += 1;
    const result = new Promise<PieceResult>((resolve, reject) => this.waiting.set(task.seq, { resolve, reject }));
    thread.worker.postMessage(task, [task.bytes, ...task.spare]);
    return result;
  }

  /** Stops every thread (also those still working, after a failure). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }
}
