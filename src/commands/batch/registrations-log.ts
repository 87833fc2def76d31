// `batch --registrations --log`: one case-log entry per escalation that comes from a period, keyed
// by student, period kind, begindatum, einddatum and target — a second run over the same (or a
// later) export adds nothing for periods already recorded. Written in transactions of CHUNK entries.
import type { AbsenceRecord } from '../../core/absence/route-absence.js';
import type { Situation } from '../../core/routing/situation.js';
import { openCaseStore, type DecisionEntry } from '../../io/db/case-store.js';
import { periodIdempotencyKey } from '../../io/db/decision-key.js';
import type { DbLocation } from '../../io/db/db-path.js';

const CHUNK = 1000;

export interface RegistrationsLog {
  database: string;
  onRecord(record: AbsenceRecord, situation: Situation): void;
  finish(): { added: number; skipped: number };
  abort(): void;
}

export function openRegistrationsLog(db: DbLocation): RegistrationsLog {
  const store = openCaseStore(db.path, { ownFolder: db.origin === 'default', durability: 'normal' });
  let pending: DecisionEntry[] = [];
  let added = 0;
  let skipped = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const r = store.recordDecisions(pending);
    added += r.added;
    skipped += r.skipped;
    pending = [];
  };
  return {
    database: store.path,
    onRecord(record, situation) {
      const { absence: _absence, ...decision } = record;
      for (const e of decision.escalations) {
        if (!e.period || !e.melding) continue;
        pending.push({
          studentRef: record.studentRef,
          situation,
          decision: { ...decision, escalations: [e] },
          source: 'batch',
          // Each period is a case of its own: a vervolgmelding is a second report, not the first one again.
          newCase: true,
          idempotencyKey: periodIdempotencyKey(record.studentRef, e.melding.soort, e.period.from, e.period.to, e.to, e.type),
        });
      }
      if (pending.length >= CHUNK) flush();
    },
    finish() {
      flush();
      store.close();
      return { added, skipped };
    },
    abort() {
      store.close();
    },
  };
}
