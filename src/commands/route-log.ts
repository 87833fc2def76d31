// `zorgroute route --log`: the decisions just made, stored in the case log. Idempotent: each one is
// keyed by decisionIdempotencyKey(), so running the same input twice records it once. Written in
// transactions of LOG_CHUNK situations, taken from the input as it is read: another zorgroute
// waits at most one such transaction (well under a second) for the write lock, and memory holds
// one chunk, not the whole input. An interrupted run leaves whole chunks; running it again
// completes it (the chunks already stored are skipped).
import { decisionIdempotencyKey, openCaseStore, type RecordResult } from '../io/db/case-store.js';
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

export function logRoutedDecisions(results: Iterable<RoutedSituation>, db: DbLocation, chunkSize = LOG_CHUNK): RouteLogResult {
  const store = openCaseStore(db.path, { ownFolder: db.origin === 'default' });
  const total: RouteLogResult = { added: 0, skipped: 0, database: store.path, transactions: 0 };
  const sent = new Set<string>(); // outcome texts the store has been offered already
  let chunk: PreparedChunk = { entries: [], outcomes: {} };
  const flush = (): void => {
    if (chunk.entries.length === 0) return;
    const r = store.recordPrepared(chunk);
    total.added += r.added;
    total.skipped += r.skipped;
    total.transactions += 1;
    chunk = { entries: [], outcomes: {} };
  };
  try {
    for (const r of results) {
      const outcome = prepareOutcome(r.decision);
      if (!sent.has(outcome.sha256)) {
        sent.add(outcome.sha256);
        chunk.outcomes[outcome.sha256] = outcome.json;
      }
      chunk.entries.push(
        prepareDecision({ studentRef: r.situation.studentRef, situation: r.situation, decision: r.decision, source: 'route', idempotencyKey: decisionIdempotencyKey(r.decision) }, outcome),
      );
      if (chunk.entries.length >= chunkSize) flush();
    }
    flush();
    return total;
  } finally {
    store.close();
  }
}
