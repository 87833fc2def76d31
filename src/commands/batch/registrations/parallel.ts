// `batch --registrations` with worker threads: this (the main) thread reads the registrations file
// and cuts it into pieces at record boundaries (io/csv/pieces.ts); each worker parses the pieces it
// gets and folds their rows into a book of its own (fold.ts); at the end the workers
// hand their books over (transferred, not copied) and this thread merges them. The rows of a school
// year are independent of each other's order: a lesuur is a bit, the rest are counts, so the merged
// book is the book one thread would have made (test/e2e/registrations-threads.test.ts holds the
// output of one and of two threads byte-identical). At most two pieces per thread are out at a time,
// so memory stays flat however big the file.
import { Worker, type MessagePort } from 'node:worker_threads';
import type { CsvHeader, CsvPiece, CsvPieceReader, PieceCsvError } from '../../../io/csv/pieces.js';
import { parsePiece } from '../../../io/csv/pieces.js';
import type { Delimiter } from '../../../io/csv/sniff.js';
import type { RegistrationPlan } from '../../../core/absence/registration.js';
import type { AbsenceCode } from '../../../core/absence/codes.js';
import type { BookParts } from '../../../core/absence/student-absence.js';
import { SchoolCalendar, type CalendarParts } from '../../../core/calendar/school-calendar.js';
import { RegistrationFold, type FoldState } from './fold.js';
import { WORKER_HEAP_MB } from '../workers.js';

/** What every worker gets at its start (structured-cloned once). */
export interface FoldWorkerData {
  plan: RegistrationPlan;
  calendar: CalendarParts;
  codes: Map<string, AbsenceCode>;
  studentRefs: string[];
  peilDay: Int32Array;
  po: Uint8Array;
  delimiter: Delimiter;
}

type ToWorker = { kind: 'piece'; bytes: ArrayBuffer; length: number; lineOffset: number } | { kind: 'finish' };
type FromWorker =
  | { kind: 'piece'; bytes: ArrayBuffer; error?: PieceCsvError }
  | { kind: 'done'; state: FoldState; parts: BookParts };

const IN_FLIGHT_PER_THREAD = 2;

function transferables(parts: BookParts): ArrayBuffer[] {
  return Object.values(parts)
    .filter((a): a is Uint8Array | Uint16Array | Float32Array => a !== undefined)
    .map((a) => a.buffer as ArrayBuffer);
}

/** The worker thread's side (cli/registrations-worker.ts is its entry). */
export function runFoldWorker(port: MessagePort, data: FoldWorkerData): void {
  const fold = new RegistrationFold({ ...data, calendar: SchoolCalendar.fromParts(data.calendar) });
  const onRow = (line: number, cells: string[]): void => fold.row(line, cells);
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'piece') {
      const error = parsePiece(new Uint8Array(message.bytes, 0, message.length), message.lineOffset, data.delimiter, onRow);
      const reply: FromWorker = error ? { kind: 'piece', bytes: message.bytes, error } : { kind: 'piece', bytes: message.bytes };
      port.postMessage(reply, [message.bytes]);
      return;
    }
    const parts = fold.book.parts();
    const reply: FromWorker = { kind: 'done', state: fold.state, parts };
    port.postMessage(reply, transferables(parts));
  });
}

export interface ParallelFold {
  books: BookParts[];
  states: FoldState[];
  /** The first CSV error in file order, if any piece had one. */
  csvError: PieceCsvError | undefined;
}

/**
 * Sends the pieces of `events` (after the header) to `count` worker threads running `entry`, and
 * returns what they folded. A failing worker is a bug in zorgroute: it fails the run.
 */
export async function foldInWorkers(reader: CsvPieceReader, events: AsyncGenerator<CsvHeader | CsvPiece>, data: FoldWorkerData, count: number, entry: URL): Promise<ParallelFold> {
  const limits = { maxYoungGenerationSizeMb: WORKER_HEAP_MB.young, maxOldGenerationSizeMb: WORKER_HEAP_MB.old };
  const workers: { worker: Worker; out: number }[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const poke = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const wait = (): Promise<void> => new Promise((resolve) => (wake = resolve));
  let csvError: PieceCsvError | undefined;
  const done: { state: FoldState; parts: BookParts }[] = [];
  let closing = false;
  for (let i = 0; i < count; i++) {
    const w = { worker: new Worker(entry, { workerData: data, resourceLimits: limits }), out: 0 };
    w.worker.on('message', (m: FromWorker) => {
      if (m.kind === 'piece') {
        w.out -= 1;
        reader.recycle(m.bytes);
        if (m.error && (!csvError || m.error.line < csvError.line)) csvError = m.error;
      } else done.push({ state: m.state, parts: m.parts });
      poke();
    });
    w.worker.on('error', (error) => {
      failure ??= new Error(`a registrations worker thread failed: ${error.message}`, { cause: error });
      poke();
    });
    w.worker.on('exit', (code) => {
      if (!closing) failure ??= new Error(`a registrations worker thread stopped (exit code ${code})`);
      poke();
    });
    workers.push(w);
  }
  try {
    for await (const event of events) {
      if (event.kind !== 'piece') continue;
      for (;;) {
        if (failure) throw failure;
        let least = workers[0]!;
        for (const w of workers) if (w.out < least.out) least = w;
        if (least.out < IN_FLIGHT_PER_THREAD) {
          least.out += 1;
          const message: ToWorker = { kind: 'piece', bytes: event.bytes, length: event.length, lineOffset: event.lineOffset };
          least.worker.postMessage(message, [event.bytes]);
          break;
        }
        await wait();
      }
    }
    for (const w of workers) w.worker.postMessage({ kind: 'finish' } satisfies ToWorker);
    while (done.length < workers.length) {
      if (failure) throw failure;
      await wait();
    }
    return { books: done.map((d) => d.parts), states: done.map((d) => d.state), csvError };
  } finally {
    closing = true;
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
