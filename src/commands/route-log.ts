// `zorgroute route --log`: the decisions just made, stored in the case log. Idempotent: each one is
// keyed by decisionIdempotencyKey(), so running the same input twice records it once. Written in
// transactions of LOG_CHUNK situations, taken from the input as it is read: another zorgroute
// waits at most one such transaction (well under a second) for the write lock, and memory holds
// one chunk, not the whole input. An interrupted run leaves whole chunks; running it again
// completes it (the chunks already stored are skipped).
import { openCaseStore, type RecordResult } from '../io/db/case-store.js';
import { decisionIdempotencyKey } from '../io/db/decision-key.js';
import type { DbLocation } from '../io/db/db-path.js';
import { prepareDecision, prepareOutcome, type PreparedChunk } from '../io/db/prepared-entry.js';
import type { RoutedSituation } from './route.js';

/** Situations per transaction: ~50 ms of writing on a slow disk. */
export const LOG_CHUNK = 1000;

export interface RouteLogResult extends Omit<RecordResult, 'caseIds'> {
  database: string;
  /** How many transactions it took. */
  transactions: number;
}

/** The case log of one `route --log` run: opened (and so checked) before anything is printed. */
export class RouteLog {
  private readonly store;
  private readonly sent = new Set<string>(); // outcome texts the store has been offered already
  readonly total: RouteLogResult;

  constructor(db: DbLocation) {
    this.store = openCaseStore(db.path, { ownFolder: db.origin === 'default' });
    this.total = { added: 0, skipped: 0, database: this.store.path, transactions: 0 };
  }

  /** One transaction. */
  record(results: readonly RoutedSituation[]): void {
    if (results.length === 0) return;
    const chunk: PreparedChunk = { entries: [], outcomes: {} };
    for (const r of results) {
      const outcome = prepareOutcome(r.decision);
      if (!this.sent.has(outcome.sha256)) {
        this.sent.add(outcome.sha256);
        chunk.outcomes[outcome.sha256] = outcome.json;
      }
      chunk.entries.push(
        prepareDecision({ studentRef: r.situation.studentRef, situation: r.situation, decision: r.decision, source: 'route', idempotencyKey: decisionIdempotencyKey(r.decision) }, outcome),
      );
    }
    const r = this.store.recordPrepared(chunk);
    this.total.added += r.added;
    this.total.skipped += r.skipped;
    this.total.transactions += 1;
  }

  close(): void {
    this.store.close();
  }
}

/** Logs `results` in transactions of `chunkSize`, taking them from the iterator as it goes. */
export function logRoutedDecisions(results: Iterable<RoutedSituation>, db: DbLocation, chunkSize = LOG_CHUNK): RouteLogResult {
  const log = new RouteLog(db);
  try {
    let chunk: RoutedSituation[] = [];
    for (const r of results) {
      chunk.push(r);
      if (chunk.length >= chunkSize) {
        log.record(chunk);
        chunk = [];
      }
    }
    log.record(chunk);
    return log.total;
  } finally {
    log.close();
  }
}
