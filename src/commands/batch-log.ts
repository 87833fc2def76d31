// `zorgroute batch --log`: every row that needs action (an escalation or a referral) recorded in
// the case log, one transaction per chunk of rows. Idempotent through decisionIdempotencyKey():
// running the same export again adds nothing, and a run that was interrupted is completed by
// running it again (a chunk is either wholly in the log or not at all).
import { decisionIdempotencyKey, openCaseStore, type CaseStore, type DecisionEntry } from '../io/case-store.js';
import type { DbLocation } from '../io/db-path.js';
import type { BatchRecord } from './batch-rows.js';

export interface BatchLog {
  onChunk(records: readonly BatchRecord[]): void;
  readonly added: number;
  readonly skipped: number;
  readonly database: string;
  close(): void;
}

export function openBatchLog(db: DbLocation): BatchLog {
  const store: CaseStore = openCaseStore(db.path, { ownFolder: db.origin === 'default', durability: 'normal' });
  let added = 0;
  let skipped = 0;
  return {
    onChunk(records) {
      const entries: DecisionEntry[] = [];
      for (const r of records) {
        if (!r.needsAction || !r.decision || !r.situation) continue;
        entries.push({
          studentRef: r.situation.studentRef,
          situation: r.situation,
          decision: r.decision,
          source: 'batch',
          idempotencyKey: decisionIdempotencyKey(r.decision),
        });
      }
      if (entries.length === 0) return;
      const result = store.recordDecisions(entries);
      added += result.added;
      skipped += result.skipped;
    },
    get added() {
      return added;
    },
    get skipped() {
      return skipped;
    },
    database: store.path,
    close: () => store.close(),
  };
}
