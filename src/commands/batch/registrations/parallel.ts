// `batch --registrations` with worker threads, in two rounds.
// 1. Reading: this (the main) thread reads the registrations file and cuts it into pieces at record
//    boundaries (io/csv/pieces.ts); each worker parses the pieces it gets and folds their rows into
//    a book of its own, in shared memory (fold.ts); at the end this thread adds the other workers'
//    books to the first one's (nothing is copied between threads). The rows are independent of
//    each other's order: a lesuur is a bit, the rest are counts, so the merged book is the book one
//    thread would have made. The threads start at once, while this thread reads the students file.
// 2. Routing: the workers read that book (shared, not copied) and route chunks of students
//    (route.ts); this thread writes the chunks in student order.
// test/e2e/registrations-threads.test.ts holds the output of one and of more threads byte-identical.
// At most two pieces or chunks per thread are out at a time, so memory stays flat.
import { Worker, type MessagePort } from 'node:worker_threads';
import type { CsvHeader, CsvPiece, PieceCsvError } from '../../../io/csv/pieces.js';
import type { Delimiter } from '../../../io/csv/sniff.js';
import type { RegistrationPlan } from '../../../core/absence/registration.js';
import type { AbsenceCode } from '../../../core/absence/codes.js';
import { AbsenceBook, type BookParts } from '../../../core/absence/student-absence.js';
import { SchoolCalendar, type CalendarParts } from '../../../core/calendar/school-calendar.js';
import type { Lang } from '../../../core/routing/compile.js';
import { compileRuleset } from '../../../core/routing/compile.js';
import type { CsvDialect } from '../../../core/rows/flatten.js';
import { dutchWorkingDays } from '../../../io/calendar/public-holidays.js';
import type { RecordFormat } from '../../../io/record-encoders.js';
import { absenceRecordEncoder } from '../../../io/registration-records.js';
import { readRulesetSource } from '../../../io/rules/read-ruleset.js';
import { RegistrationFold, type FoldState } from './fold.js';
import { routeChunk, StudentRouter, type RoutedChunk, type RoutedStudent } from './route.js';

/** What every worker gets at its start: the threads start while this one still reads the students file. */
export interface RegistrationsWorkerData {
  calendar: CalendarParts;
  /** The --rules (compiled by each thread while it waits for the first piece). */
  rules: string | undefined;
  lang: Lang;
}

/** What the workers need to fold, once the students file and the registrations header are read (structured-cloned once). */
export interface FoldSetup {
  plan: RegistrationPlan;
  codes: Map<string, AbsenceCode>;
  studentRefs: string[];
  peilDay: Int32Array;
  po: Uint8Array;
  delimiter: Delimiter;
}

/** What the workers need to route, once the book is complete. */
export interface RouteSetup {
  /** The merged book, in shared memory. */
  book: BookParts;
  /**
   * The students (RoutedStudent[]) as JSON: made once for all threads, where structured cloning
   * 25,000 situations costs this thread that time again for every worker.
   */
  studentsJson: string;
  peilIndex: Int32Array;
  since: string | undefined;
  lateness: boolean;
  format: RecordFormat | undefined;
  delimiter: string;
  csv: CsvDialect | undefined;
  listLimit: number;
  onlyAction: boolean;
  log: boolean;
}

type ToWorker =
  | { kind: 'fold-setup'; setup: FoldSetup }
  | { kind: 'piece'; bytes: ArrayBuffer; length: number; lineOffset: number }
  | { kind: 'finish' }
  | { kind: 'route-setup'; setup: RouteSetup }
  | { kind: 'route'; seq: number; from: number; to: number };
type FromWorker =
  | { kind: 'piece'; bytes: ArrayBuffer; error?: PieceCsvError }
  | { kind: 'folded'; state: FoldState; parts: BookParts }
  | { kind: 'routed'; seq: number; chunk: RoutedChunk };

const IN_FLIGHT_PER_THREAD = 2;
/**
 * Each thread's heap. Routing a chunk makes many short-lived objects: with batch's 4 MB young
 * generation (workers.ts) the threads spent their time collecting (bench/registrations.mjs: 16 MB
 * was fastest of 4, 16 and 64). The old generation holds a thread's decision cache and the students.
 */
const YOUNG_MB = 16;
const OLD_MB = 256;

/** The worker thread's side (cli/registrations-worker.ts is its entry). */
export function runRegistrationsWorker(port: MessagePort, data: RegistrationsWorkerData): void {
  const calendar = SchoolCalendar.fromParts(data.calendar);
  const rules = readRulesetSource(data.rules);
  const ruleset = compileRuleset(rules.ruleset, rules.sha256, data.lang);
  const workingDays = dutchWorkingDays();
  let fold: RegistrationFold | undefined;
  let delimiter: Delimiter = ';';
  let peilDay: Int32Array = new Int32Array(0);
  let router: StudentRouter | undefined;
  let setup: RouteSetup | undefined;
  let encoder: ReturnType<typeof absenceRecordEncoder> | undefined;
  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'fold-setup': {
        // The book in shared memory: handed to the main thread as it is, routed from after the merge.
        fold = new RegistrationFold({ ...message.setup, calendar }, true);
        delimiter = message.setup.delimiter;
        peilDay = message.setup.peilDay;
        return;
      }
      case 'piece': {
        const error = fold!.piece(new Uint8Array(message.bytes, 0, message.length), message.lineOffset, delimiter);
        const reply: FromWorker = error ? { kind: 'piece', bytes: message.bytes, error } : { kind: 'piece', bytes: message.bytes };
        port.postMessage(reply, [message.bytes]);
        return;
      }
      case 'finish': {
        const parts = fold!.book.parts();
        const reply: FromWorker = { kind: 'folded', state: fold!.state, parts };
        port.postMessage(reply); // shared memory: nothing to copy or transfer
        return;
      }
      case 'route-setup': {
        setup = message.setup;
        fold = undefined; // its book is merged into the first thread's (or is that one): not kept twice
        const students = JSON.parse(setup.studentsJson) as RoutedStudent[];
        const book = new AbsenceBook(students.length, calendar.size, false, setup.book);
        router = new StudentRouter({ book, calendar, ruleset, workingDays, students, peilIndex: setup.peilIndex, peilDay, since: setup.since, lateness: setup.lateness });
        // Only student records are encoded here: the main thread writes the error rows (and words them).
        const describe = (): string => {
          throw new Error('a registrations worker does not word row problems');
        };
        encoder = setup.format ? absenceRecordEncoder(setup.format, setup.delimiter, { csv: setup.csv, describe }) : undefined;
        return;
      }
      case 'route': {
        const chunk = routeChunk(router!, message.from, message.to, { encoder, listLimit: setup!.listLimit, onlyAction: setup!.onlyAction, log: setup!.log });
        const reply: FromWorker = { kind: 'routed', seq: message.seq, chunk };
        port.postMessage(reply, chunk.buffer ? [chunk.buffer] : []);
        return;
      }
    }
  });
}

export interface ParallelFold {
  books: BookParts[];
  states: FoldState[];
  /** The first CSV error in file order, if any piece had one. */
  csvError: PieceCsvError | undefined;
}

interface Thread {
  worker: Worker;
  out: number;
}

/** The worker threads of one run: fold the pieces, then route the chunks. A failing worker is a bug in zorgroute: it fails the run. */
export class RegistrationWorkers {
  private readonly threads: Thread[] = [];
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private csvError: PieceCsvError | undefined;
  private readonly folded: { state: FoldState; parts: BookParts }[] = [];
  private readonly routed = new Map<number, RoutedChunk>();
  private closing = false;
  private seq = 0;

  private recycle: (bytes: ArrayBuffer) => void = () => undefined;

  /** Starts the threads (loading the worker script takes a while): `fold` follows once the inputs are read. */
  constructor(count: number, data: RegistrationsWorkerData, entry: URL) {
    const limits = { maxYoungGenerationSizeMb: YOUNG_MB, maxOldGenerationSizeMb: OLD_MB };
    for (let i = 0; i < count; i++) {
      const thread: Thread = { worker: new Worker(entry, { workerData: data, resourceLimits: limits }), out: 0 };
      thread.worker.on('message', (m: FromWorker) => this.receive(thread, m));
      thread.worker.on('error', (error) => {
        this.failure ??= new Error(`a registrations worker thread failed: ${error.message}`, { cause: error });
        this.poke();
      });
      thread.worker.on('exit', (code) => {
        if (!this.closing) this.failure ??= new Error(`a registrations worker thread stopped (exit code ${code})`);
        this.poke();
      });
      this.threads.push(thread);
    }
  }

  get size(): number {
    return this.threads.length;
  }

  private receive(thread: Thread, m: FromWorker): void {
    if (m.kind === 'piece') {
      thread.out -= 1;
      this.recycle(m.bytes);
      if (m.error && (!this.csvError || m.error.line < this.csvError.line)) this.csvError = m.error;
    } else if (m.kind === 'folded') {
      this.folded.push({ state: m.state, parts: m.parts });
    } else {
      thread.out -= 1;
      this.routed.set(m.seq, m.chunk);
    }
    this.poke();
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async waitFor<T>(ready: () => T | undefined): Promise<T> {
    for (;;) {
      if (this.failure) throw this.failure;
      const value = ready();
      if (value !== undefined) return value;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** A thread with room for one more piece or chunk (the one with the least out). */
  private async freeThread(): Promise<Thread> {
    return this.waitFor(() => {
      let least = this.threads[0]!;
      for (const t of this.threads) if (t.out < least.out) least = t;
      return least.out < IN_FLIGHT_PER_THREAD ? least : undefined;
    });
  }

  /**
   * Round 1: every piece of `events` (after the header) folded; the workers' books and states.
   * `recycle` gets each piece's buffer back.
   */
  async fold(setup: FoldSetup, events: AsyncGenerator<CsvHeader | CsvPiece>, recycle: (bytes: ArrayBuffer) => void): Promise<ParallelFold> {
    this.recycle = recycle;
    for (const t of this.threads) t.worker.postMessage({ kind: 'fold-setup', setup } satisfies ToWorker);
    for await (const event of events) {
      if (event.kind !== 'piece') continue;
      const thread = await this.freeThread();
      thread.out += 1;
      const message: ToWorker = { kind: 'piece', bytes: event.bytes, length: event.length, lineOffset: event.lineOffset };
      thread.worker.postMessage(message, [event.bytes]);
    }
    for (const t of this.threads) t.worker.postMessage({ kind: 'finish' } satisfies ToWorker);
    await this.waitFor(() => (this.folded.length === this.threads.length ? true : undefined));
    return { books: this.folded.map((f) => f.parts), states: this.folded.map((f) => f.state), csvError: this.csvError };
  }

  /** Round 2: the workers get the merged book and what they need to route. */
  setUpRouting(setup: RouteSetup): void {
    for (const t of this.threads) t.worker.postMessage({ kind: 'route-setup', setup } satisfies ToWorker);
  }

  /** Sends the chunk [from, to) to a thread with room; returns its number, for `take`. */
  async send(from: number, to: number): Promise<number> {
    const thread = await this.freeThread();
    thread.out += 1;
    const seq = this.seq++;
    thread.worker.postMessage({ kind: 'route', seq, from, to } satisfies ToWorker);
    return seq;
  }

  /** The chunk `seq`, once routed. */
  async take(seq: number): Promise<RoutedChunk> {
    const chunk = await this.waitFor(() => this.routed.get(seq));
    this.routed.delete(seq);
    return chunk;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
