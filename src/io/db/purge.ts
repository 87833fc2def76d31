// `zorgroute cases purge`: closed cases past their retention removed — events, summaries and all —
// in one transaction with secure_delete on (the freed pages are overwritten, the WAL folded back
// and truncated), and recorded as a link of the hash chain: the purge record keeps, for each run
// of removed links, the hashes that bridge the gap (src/io/db/chain/chain.ts), the ids of the cases that
// went and the rule that chose them, and never a student number.
import type BetterSqlite3 from 'better-sqlite3';
import { linkHash, purgeContent, type Bridge } from './chain/chain.js';
import type { ChainWriter } from './chain/chain-writer.js';
import { CASE_DELETE_GUARD, EVENT_DELETE_GUARD } from './schema/schema-v3.js';

/** Absence and enrolment data in a situation: with any of these given, the 5-year term applies. */
const ABSENCE_OR_ENROLMENT = [
  "json_extract(e.data, '$.situation.unexcusedHours4w') > 0",
  "json_extract(e.data, '$.situation.unexcusedWeeks') > 0",
  "json_extract(e.data, '$.situation.luxuryAbsence') = 1",
  "json_extract(e.data, '$.situation.sickReports12w') > 0",
  "json_extract(e.data, '$.situation.sickDaysInRow') > 0",
  "json_extract(e.data, '$.situation.weeksWithoutPlace') > 0",
  "json_extract(e.data, '$.situation.deregistered') = 1",
  "json_extract(e.data, '$.situation.enrolled') = 0",
].join(' OR ');

export type PurgeRule =
  /** Every closed case whose closing moment (ISO) lies before this one. */
  | { closedBefore: string }
  /** The retention terms: closed before `caseFileBefore` without, or before `absenceBefore` with absence or enrolment data. */
  | { retention: { caseFileBefore: string; absenceBefore: string } };

export interface PurgeCandidate {
  caseId: number;
  studentRef: string;
  closedAt: string;
  events: number;
  /** The case records absence or enrolment data (the 5-year term). */
  absenceData: boolean;
}

export function purgeCandidates(db: BetterSqlite3.Database, rule: PurgeRule): PurgeCandidate[] {
  const cutoff = 'closedBefore' in rule ? rule.closedBefore : rule.retention.caseFileBefore;
  const rows = db
    .prepare(
      `SELECT s.case_id, s.student_ref, s.closed_at,
              (SELECT count(*) FROM events e WHERE e.case_id = s.case_id) AS events,
              EXISTS (SELECT 1 FROM events e WHERE e.case_id = s.case_id AND e.kind = 'intake' AND (${ABSENCE_OR_ENROLMENT})) AS absence
         FROM case_state s WHERE s.status = 'closed' AND s.closed_at < @cutoff ORDER BY s.case_id`,
    )
    .all({ cutoff }) as Record<string, unknown>[];
  return rows
    .map((r) => ({ caseId: r.case_id as number, studentRef: r.student_ref as string, closedAt: r.closed_at as string, events: r.events as number, absenceData: r.absence === 1 }))
    .filter((c) => 'closedBefore' in rule || !c.absenceData || c.closedAt < rule.retention.absenceBefore);
}

export interface PurgeRecord {
  id: number;
  purgedAt: string;
  cases: number;
  events: number;
  bridges: number;
  /** The file was rebuilt (VACUUM), so no old copy of a removed row is left in it. */
  compacted: boolean;
}

/** Removes the cases (all closed: the caller chose them with purgeCandidates()). */
export function purgeCases(db: BetterSqlite3.Database, chain: ChainWriter, caseIds: readonly number[], rule: PurgeRule, purgedAt: string): PurgeRecord {
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    const record = db
      .transaction(() => {
        chain.begin();
        db.exec('CREATE TEMP TABLE IF NOT EXISTS purge_cases (case_id INTEGER PRIMARY KEY); DELETE FROM temp.purge_cases;');
        const add = db.prepare('INSERT INTO temp.purge_cases (case_id) VALUES (?)');
        for (const id of caseIds) add.run(id);
        const removed = db
          .prepare('SELECT e.id, e.prev_hash, e.hash FROM events e WHERE e.case_id IN (SELECT case_id FROM temp.purge_cases) ORDER BY e.id')
          .all() as { id: number; prev_hash: string; hash: string }[];
        // A run ends where the next removed link does not follow it (a kept event or a purge record lies between).
        const bridges: Bridge[] = [];
        for (const e of removed) {
          const run = bridges[bridges.length - 1];
          if (run && e.prev_hash === run.lastHash) {
            run.lastId = e.id;
            run.lastHash = e.hash;
          } else bridges.push({ firstId: e.id, lastId: e.id, prevHash: e.prev_hash, lastHash: e.hash });
        }
        db.exec('DROP TRIGGER events_are_not_deleted; DROP TRIGGER cases_are_not_deleted;');
        // ON DELETE CASCADE takes the events and the summaries with the case.
        db.prepare('DELETE FROM cases WHERE id IN (SELECT case_id FROM temp.purge_cases)').run();
        db.exec(`${EVENT_DELETE_GUARD}\n${CASE_DELETE_GUARD}\nDELETE FROM temp.purge_cases;`);
        const id = ((db.prepare('SELECT max(id) FROM purges').pluck().get() as number | null) ?? 0) + 1;
        const content = {
          id,
          afterEventId: chain.head.lastEventId,
          purgedAt,
          rule: JSON.stringify({ ...rule, caseIds }),
          cases: caseIds.length,
          events: removed.length,
          bridges: JSON.stringify(bridges),
        };
        const prevHash = chain.head.hash;
        const hash = linkHash(prevHash, purgeContent(content));
        db.prepare(
          `INSERT INTO purges (id, after_event_id, purged_at, rule, cases, events, bridges, prev_hash, hash)
           VALUES (@id, @afterEventId, @purgedAt, @rule, @cases, @events, @bridges, @prevHash, @hash)`,
        ).run({ ...content, prevHash, hash });
        chain.sealLink(hash);
        chain.end();
        return { id, purgedAt, cases: caseIds.length, events: removed.length, bridges: bridges.length, compacted: true };
      })
      .immediate();
    // secure_delete zeroes what the delete freed, but copies left behind earlier (a page split
    // while writing moves cells and leaves the old bytes in free space) are only gone once the file
    // is rebuilt: VACUUM, then fold the WAL into the file and empty it.
    return { ...record, compacted: compactFile(db) };
  } finally {
    db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
  }
}

/** VACUUM and an emptied WAL; false when another process holds the file (then nothing changed). */
export function compactFile(db: BetterSqlite3.Database): boolean {
  try {
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  } catch (error) {
    if (!/^SQLITE_(BUSY|LOCKED)/.test((error as { code?: string }).code ?? '')) throw error;
    return false;
  }
}
