// `zorgroute batch` with worker threads: this (the main) thread reads the export and cuts it into
// pieces at record boundaries (io/csv/pieces.ts); the workers parse, read, decide and encode the rows
// of a piece (commands/batch/piece.ts); this thread takes their results strictly in file order — merges the
// tally, finds duplicate student numbers, hands the rows that need action to onChunk, writes the
// records. At most a few pieces are out at a time, so memory stays flat however big the file.
import type { CsvHeader, CsvPiece, CsvPieceReader } from '../../io/csv/pieces.js';
import { csvFileError, type CsvEvent } from '../../io/csv/rows.js';
import type { BatchHooks, BatchRun } from './types.js';
import type { PieceResult, PieceSettings } from './piece.js';
import { WorkerPool } from './workers.js';
import { ByteBuilder } from '../../io/batch-output.js';

export interface PiecesOptions {
  reader: CsvPieceReader;
  /** The reader's events, after the header. */
  events: AsyncGenerator<CsvEvent | CsvHeader | CsvPiece>;
  settings: PieceSettings;
  workers: number;
  /** The worker threads' script (BatchHooks.workerEntry). */
  entry: URL | undefined;
  onChunk: BatchHooks['onChunk'];
  /** After each piece, with the bytes of text taken so far. */
  progress: (bytesDone: number) => void;
}

/** Pieces sent per thread and not yet written: one being worked on, one waiting, for each. */
const IN_FLIGHT_PER_THREAD = 2;

/** Runs the rows of the pieces through the worker threads. Returns the number of records written. */
export async function runPieces(run: BatchRun, o: PiecesOptions): Promise<number> {
  const { encoder, sink } = run;
  let pool: WorkerPool | undefined; // started at the first piece (a header-only file needs none)
  const commaFirst = o.settings.format === 'json';
  const spareOutputs: ArrayBuffer[] = [];
  let seq = 0;
  let written = 0;
  let bytesDone = 0;

  // At most one write in flight; the buffer goes back to a worker once it has been written.
  let writing: Promise<void> = Promise.resolve();
  const write = async (bytes: Buffer, reuse?: ArrayBuffer): Promise<void> => {
    await writing;
    writing = sink!.write(bytes).then(() => {
      if (reuse) spareOutputs.push(reuse);
    });
    writing.catch(() => undefined);
  };

  const take = async (result: PieceResult): Promise<void> => {
    o.reader.recycle(result.bytes);
    if (result.kind === 'csv-error') {
      // The rows before the error were read, as on one thread: their duplicates are still named.
      run.noteRefs(result.refs);
      throw csvFileError(run.label, result.error, result.error.line);
    }
    run.tally.merge(result.tally);
    run.noteRefs(result.refs);
    if (o.onChunk && result.log) await o.onChunk(result.log);
    if (result.out) {
      // The first record written has no comma before it (format json).
      const skip = commaFirst && written === 0 && result.written > 0 ? 1 : 0;
      const bytes = Buffer.from(result.out, skip, result.outLength - skip);
      if (sink && bytes.length > 0) await write(bytes, result.out);
      else spareOutputs.push(result.out);
    }
    written += result.written;
    bytesDone += result.length;
    o.progress(bytesDone);
  };

  try {
    if (sink && encoder) {
      const head = new ByteBuilder(64);
      encoder.begin(head);
      if (head.length > 0) await write(head.take());
    }
    // The pieces out, in file order; `ready` once their result is in.
    const queue: { result: Promise<PieceResult>; ready: boolean }[] = [];
    const takeHead = async (): Promise<void> => take(await queue.shift()!.result);
    for await (const event of o.events) {
      if (event.kind !== 'piece') continue;
      while (queue.length > 0 && queue[0]!.ready) await takeHead();
      while (queue.length >= IN_FLIGHT_PER_THREAD * o.workers) await takeHead();
      pool ??= new WorkerPool(o.workers, o.settings, o.entry);
      const out = { result: pool.run({ seq: seq++, bytes: event.bytes, length: event.length, lineOffset: event.lineOffset, spare: spareOutputs.splice(0, 1) }), ready: false };
      // Taken (and a failure thrown) in file order; until then a failure must not count as unhandled.
      out.result.then(
        () => (out.ready = true),
        () => (out.ready = true),
      );
      queue.push(out);
    }
    while (queue.length > 0) await takeHead();
    if (sink && encoder) {
      const tail = new ByteBuilder(64);
      encoder.end(tail, written > 0);
      if (tail.length > 0) await write(tail.take());
    }
    await writing;
  } finally {
    await pool?.close();
  }
  return written;
}
