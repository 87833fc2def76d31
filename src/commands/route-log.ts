// `zorgroute route --log`: the decisions just made, stored in the case log. Idempotent: each one is
// keyed by decisionIdempotencyKey(), so running the same input twice records it once.
import { decisionIdempotencyKey, openCaseStore, type RecordResult } from '../io/db/case-store.js';
import type { DbLocation } from '../io/db/db-path.js';
import type { RoutedSituation } from './route.js';

export function logRoutedDecisions(results: readonly RoutedSituation[], db: DbLocation): RecordResult & { database: string } {
  const store = openCaseStore(db.path, { ownFolder: db.origin === 'default' });
  try {
    const recorded = store.recordDecisions(
      results.map((r) => ({
        studentRef: r.situation.studentRef,
        situation: r.situation,
        decision: r.decision,
        source: 'route' as const,
        idempotencyKey: decisionIdempotencyKey(r.decision),
      })),
    );
    return { ...recorded, database: store.path };
  } finally {
    store.close();
  }
}
