// Reading events as the chain sees them, and sealing the events of a log written before schema
// version 3 (they are sealed as they are, in id order: from then on any change shows).
import type BetterSqlite3 from 'better-sqlite3';
import { eventContent, GENESIS, linkHash, type SealedEventContent } from './chain.js';

/** Every column the chain seals, for events with id > @after, in id order (page by page). */
export const SEALED_EVENTS_SQL = `
  SELECT e.id, e.case_id, e.case_prev_event, e.kind, e.recorded_at, e.source, e.data, e.ruleset_id,
         e.ruleset_version, e.ruleset_sha256, e.idempotency_key, e.outcome_id, o.sha256 AS outcome_sha256,
         c.id AS case_row, c.student_ref, c.created_at AS case_created_at, c.source AS case_source,
         e.prev_hash, e.hash
    FROM events e LEFT JOIN cases c ON c.id = e.case_id LEFT JOIN decision_outcomes o ON o.id = e.outcome_id
   WHERE e.id > @after ORDER BY e.id LIMIT @limit`;

export type SealedRow = Record<string, unknown>;

export function contentOfRow(row: SealedRow, casePrevEvent = row.case_prev_event as number | null): SealedEventContent {
  return {
    id: row.id as number,
    caseId: row.case_id as number,
    casePrevEvent: casePrevEvent ?? null,
    kind: row.kind as string,
    recordedAt: row.recorded_at as string,
    source: row.source as string,
    data: row.data as string,
    rulesetId: (row.ruleset_id as string | null) ?? null,
    rulesetVersion: (row.ruleset_version as string | null) ?? null,
    rulesetSha256: (row.ruleset_sha256 as string | null) ?? null,
    idempotencyKey: (row.idempotency_key as string | null) ?? null,
    outcomeSha256: (row.outcome_sha256 as string | null) ?? null,
    caseStudentRef: (row.student_ref as string | null) ?? null,
    caseCreatedAt: (row.case_created_at as string | null) ?? null,
    caseSource: (row.case_source as string | null) ?? null,
  };
}

/** Reads events in id order, `pageSize` at a time (a statement cannot run while another iterates). */
export function* sealedRows(db: BetterSqlite3.Database, pageSize = 5000): Generator<SealedRow> {
  const page = db.prepare(SEALED_EVENTS_SQL);
  let after = 0;
  for (;;) {
    const rows = page.all({ after, limit: pageSize }) as SealedRow[];
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.id as number;
  }
}

/** Migration 3: seals every event there is, in id order, and writes the chain's head. */
export function sealExistingEvents(db: BetterSqlite3.Database): void {
  const update = db.prepare('UPDATE events SET case_prev_event = @casePrev, prev_hash = @prev, hash = @hash WHERE id = @id');
  const lastOfCase = new Map<number, number>();
  let prev = GENESIS;
  let lastEventId = 0;
  for (const row of sealedRows(db)) {
    const caseId = row.case_id as number;
    const casePrev = lastOfCase.get(caseId) ?? null;
    const hash = linkHash(prev, eventContent(contentOfRow(row, casePrev)));
    update.run({ id: row.id, casePrev, prev, hash }); // the page was read whole: no statement is iterating
    lastOfCase.set(caseId, row.id as number);
    prev = hash;
    lastEventId = row.id as number;
  }
  const lastCaseId = (db.prepare('SELECT coalesce(max(id), 0) FROM cases').pluck().get() as number) ?? 0;
  db.prepare('INSERT INTO chain_head (id, last_event_id, last_case_id, hash) VALUES (1, @lastEventId, @lastCaseId, @prev)').run({ lastEventId, lastCaseId, prev });
}
