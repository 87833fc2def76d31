// The hash chain that makes the case log tamper-evident (schema version 3). ONE chain per database:
// every event, and every purge record, carries sha256(hex of the link before it ‖ its own canonical
// content), in the order they were written. Per database rather than per case because only then is
// deleting a whole case noticed, and because every write takes SQLite's write lock anyway (so
// concurrent writers and batch's bulk transactions append to one chain in turn, each reading the
// head inside its own transaction). A purge removes links from the middle; its purge record keeps,
// per run of removed links, the hashes that bridge the gap (src/io/db/purge.ts).
//
// The chain detects changes made by anyone who does not recompute it — a SQL tool, a script, a
// restored old copy of one table. Someone who recomputes every hash can rewrite history; against
// that, keep the head hash `zorgroute cases verify` prints somewhere else (a backup, an e-mail).
import * as crypto from 'node:crypto';

/** The `prev_hash` of the very first link. */
export const GENESIS = '0'.repeat(64);

const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** What of an event the chain seals: the row as stored, its outcome's hash, and its case's row. */
export interface SealedEventContent {
  id: number;
  caseId: number;
  /** The case's previous event (null for its first): lets verify name the case of a deleted event. */
  casePrevEvent: number | null;
  kind: string;
  recordedAt: string;
  source: string;
  data: string;
  rulesetId: string | null;
  rulesetVersion: string | null;
  rulesetSha256: string | null;
  idempotencyKey: string | null;
  /** sha256 of the decision outcome it points to (decision_outcomes rows are content-addressed). */
  outcomeSha256: string | null;
  /** The case row: editing whose case it is shows as a changed event. */
  caseStudentRef: string | null;
  caseCreatedAt: string | null;
  caseSource: string | null;
}

/**
 * The canonical content, so that any language can recompute it: a JSON array (JSON.stringify, no
 * spaces) of the columns — ["event", id, caseId, casePrevEvent, kind, recordedAt, source,
 * rulesetId, rulesetVersion, rulesetSha256, idempotencyKey, outcomeSha256, caseStudentRef,
 * caseCreatedAt, caseSource] — then a line feed, then `data` exactly as stored. (The data last and
 * raw, not as one more JSON string: escaping every quote of a situation cost more than the hash;
 * the array never holds a raw line feed, so where the data begins is unambiguous.)
 */
export function eventContent(e: SealedEventContent): string {
  const head = JSON.stringify([
    'event',
    e.id,
    e.caseId,
    e.casePrevEvent,
    e.kind,
    e.recordedAt,
    e.source,
    e.rulesetId,
    e.rulesetVersion,
    e.rulesetSha256,
    e.idempotencyKey,
    e.outcomeSha256,
    e.caseStudentRef,
    e.caseCreatedAt,
    e.caseSource,
  ]);
  return `${head}\n${e.data}`;
}

export interface PurgeContent {
  id: number;
  /** The purge sits in the chain right after this event id (the last one assigned when it ran). */
  afterEventId: number;
  purgedAt: string;
  /** JSON: what was asked (`{"closedBefore":…}` or `{"retention":…}`). */
  rule: string;
  cases: number;
  events: number;
  /** JSON: the bridges (see Bridge). */
  bridges: string;
}

/** ["purge", id, afterEventId, purgedAt, rule, cases, events, bridges] */
export function purgeContent(p: PurgeContent): string {
  return JSON.stringify(['purge', p.id, p.afterEventId, p.purgedAt, p.rule, p.cases, p.events, p.bridges]);
}

/** sha256(prevHash ‖ content), hex. */
export function linkHash(prevHash: string, content: string): string {
  return sha256Hex(prevHash + content);
}

export function outcomeHash(data: string): string {
  return sha256Hex(data);
}

/**
 * A run of consecutive links removed by a purge: events `firstId`…`lastId` (every id between them
 * is gone), where the first one's prev_hash was `prevHash` and the last one's hash `lastHash`. The
 * link after the run still points to `lastHash`; verify follows the bridge from `prevHash` to it.
 */
export interface Bridge {
  firstId: number;
  lastId: number;
  prevHash: string;
  lastHash: string;
}
