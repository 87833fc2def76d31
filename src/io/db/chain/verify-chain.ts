// `zorgroute cases verify`: walks the hash chain (src/io/db/chain/chain.ts) from the first link to the
// head and reports every event that was changed, replaced, inserted or deleted behind zorgroute's
// back, by case and event id; checks the outcomes (content-addressed), the purge records, and that
// the per-case summaries are what the events say. One pass over the events in id order (a page at
// a time) and one over the cases: linear in the size of the log, memory flat but for the findings.
import type BetterSqlite3 from 'better-sqlite3';
import { GENESIS, linkHash, eventContent, outcomeHash, purgeContent, type Bridge } from './chain.js';
import { casesWithEvents, summarizeEvents, type CaseStateRow, type EscalationRow } from '../case-summaries.js';
import type { OutcomeTable } from '../decision-outcomes.js';
import type { Row } from '../event-rows.js';
import { contentOfRow, sealedRows } from './seal.js';

export type TamperKind =
  /** The event's content (or its case row) no longer matches its seal: edited, or replaced. */
  | 'changed'
  /** An event without a seal: inserted or replaced by another program. */
  | 'unsealed'
  /** A sealed event that the chain goes around: inserted (copied in) from elsewhere. */
  | 'inserted'
  /** An event id the chain passes through is gone (and no purge record accounts for it). */
  | 'deleted'
  /** The event does not follow the link before it, though no id is missing: the event before it was resealed. */
  | 'relinked'
  | 'case-deleted'
  | 'case-inserted'
  | 'outcome-changed'
  | 'purge-changed'
  /** The chain's head (the last link as zorgroute wrote it) differs: the latest events were removed or resealed. */
  | 'head-changed'
  /** A case's summary (status, escalations, what is done) differs from what its events say. */
  | 'summary-differs';

export interface TamperFinding {
  kind: TamperKind;
  caseId: number | null;
  eventId: number | null;
  /** For outcome-changed / purge-changed. */
  id?: number;
}

export interface VerifyReport {
  intact: boolean;
  events: number;
  cases: number;
  purges: number;
  head: { lastEventId: number; hash: string } | null;
  findings: TamperFinding[];
}

/** "Whatever the next link points to" (after a link whose original is gone). */
const ANY = '*';

type Link = { purge: false; row: Row } | { purge: true; row: Row };

function* links(db: BetterSqlite3.Database, purges: Row[]): Generator<Link> {
  let p = 0;
  for (const row of sealedRows(db)) {
    while (p < purges.length && (purges[p]!.after_event_id as number) < (row.id as number)) yield { purge: true, row: purges[p++]! };
    yield { purge: false, row };
  }
  while (p < purges.length) yield { purge: true, row: purges[p++]! };
}

const sealHolds = (link: Link): boolean => {
  const r = link.row;
  if (typeof r.hash !== 'string' || typeof r.prev_hash !== 'string') return false;
  const content = link.purge
    ? purgeContent({
        id: r.id as number,
        afterEventId: r.after_event_id as number,
        purgedAt: r.purged_at as string,
        rule: r.rule as string,
        cases: r.cases as number,
        events: r.events as number,
        bridges: r.bridges as string,
      })
    : eventContent(contentOfRow(r));
  return linkHash(r.prev_hash, content) === r.hash;
};

export function verifyChain(db: BetterSqlite3.Database, outcomes: OutcomeTable): VerifyReport {
  const findings: TamperFinding[] = [];
  const headRow = db.prepare('SELECT last_event_id, hash FROM chain_head WHERE id = 1').get() as { last_event_id: number; hash: string } | undefined;
  const head = headRow ? { lastEventId: headRow.last_event_id, hash: headRow.hash } : null;
  /** zorgroute never gave out an id above the head's: such an event was inserted. */
  const lastAssigned = head?.lastEventId ?? Number.MAX_SAFE_INTEGER;
  const purges = db.prepare('SELECT * FROM purges ORDER BY after_event_id, id').all() as Row[];
  const bridges = new Map<string, Bridge>();
  const purgedRanges: [number, number][] = [];
  for (const p of purges) {
    let list: Bridge[] = [];
    try {
      list = JSON.parse(p.bridges as string) as Bridge[];
    } catch {
      // a purge record that is not JSON fails its seal below
    }
    for (const b of list) {
      bridges.set(b.prevHash, b);
      purgedRanges.push([b.firstId, b.lastId]);
    }
  }
  const purged = (id: number): boolean => purgedRanges.some(([a, b]) => id >= a && id <= b);
  const reaches = (from: string, to: string): boolean => {
    let h = from;
    for (let steps = 0; h !== to; steps++) {
      const b = bridges.get(h);
      if (!b || steps > bridges.size) return false;
      h = b.lastHash;
    }
    return true;
  };
  /** Deleted ids waiting for a later event of the same case to name their case (case_prev_event). */
  const deleted = new Map<number, TamperFinding>();
  const deleteRange = (from: number, to: number): number => {
    let n = 0;
    for (let id = from; id <= to; id++) {
      if (purged(id)) continue;
      const f: TamperFinding = { kind: 'deleted', caseId: null, eventId: id };
      findings.push(f);
      deleted.set(id, f);
      n += 1;
    }
    return n;
  };
  const deletedCases = new Set<number>();

  let current = GENESIS;
  let lastEventId = 0;
  let events = 0;
  const stream = links(db, purges);
  let next = stream.next();
  while (!next.done) {
    const link = next.value;
    next = stream.next();
    const r = link.row;
    if (!link.purge) {
      events += 1;
      if (r.case_row === null) {
        if (!deletedCases.has(r.case_id as number)) findings.push({ kind: 'case-deleted', caseId: r.case_id as number, eventId: null });
        deletedCases.add(r.case_id as number);
      }
    }
    if (!link.purge && (r.id as number) > lastAssigned) {
      findings.push({ kind: 'inserted', caseId: r.case_id as number, eventId: r.id as number });
      continue;
    }
    const at = link.purge ? { kind: 'purge-changed' as const, caseId: null, eventId: null, id: r.id as number } : { caseId: r.case_id as number, eventId: r.id as number };
    if (typeof r.hash !== 'string') {
      findings.push({ ...at, kind: link.purge ? 'purge-changed' : 'unsealed' });
      // A row replaced without a seal: the link after it points to the original, which is gone.
      // Take up the chain again there; only missing ids can still be told.
      current = ANY;
      if (!link.purge) lastEventId = r.id as number;
      continue;
    }
    if (!sealHolds(link) && !(r.case_row === null && !link.purge)) findings.push({ ...at, kind: link.purge ? 'purge-changed' : 'changed' });
    if (current === ANY) {
      if (!link.purge) deleteRange(lastEventId + 1, (r.id as number) - 1);
    } else if (r.prev_hash !== current && !reaches(current, r.prev_hash as string)) {
      const after = next.done ? undefined : next.value.row;
      const goesAround = after !== undefined && typeof after.prev_hash === 'string' && (after.prev_hash === current || reaches(current, after.prev_hash));
      if (goesAround && !link.purge) {
        findings.push({ ...at, kind: 'inserted' });
        continue;
      }
      const gap = link.purge ? 0 : deleteRange(lastEventId + 1, (r.id as number) - 1);
      if (gap === 0) findings.push({ ...at, kind: link.purge ? 'purge-changed' : 'relinked' });
    }
    current = r.hash;
    if (!link.purge) {
      lastEventId = r.id as number;
      const casePrev = r.case_prev_event as number | null;
      if (casePrev !== null && deleted.has(casePrev)) deleted.get(casePrev)!.caseId = r.case_id as number;
    }
  }

  if (!head) findings.push({ kind: 'head-changed', caseId: null, eventId: null });
  else if (current !== head.hash && (current === ANY ? head.lastEventId > lastEventId : !reaches(current, head.hash))) {
    const gap = head.lastEventId > lastEventId ? deleteRange(lastEventId + 1, head.lastEventId) : 0;
    if (gap === 0) findings.push({ kind: 'head-changed', caseId: null, eventId: null });
  }
  // The last event of a case has no later one to name it: the case's summary still may.
  for (const [id, f] of deleted) {
    if (f.caseId === null) f.caseId = (db.prepare('SELECT case_id FROM case_state WHERE last_event_id = @id').pluck().get({ id }) as number | undefined) ?? null;
  }

  for (const o of db.prepare('SELECT id, sha256, data FROM decision_outcomes ORDER BY id').iterate() as IterableIterator<Row>) {
    if (outcomeHash(o.data as string) !== o.sha256) findings.push({ kind: 'outcome-changed', caseId: null, eventId: null, id: o.id as number });
  }
  const cases = compareSummaries(db, outcomes, findings);
  return { intact: findings.length === 0, events, cases, purges: purges.length, head, findings };
}

const sameState = (a: CaseStateRow, b: Row | undefined): boolean =>
  b !== undefined &&
  a.studentRef === b.student_ref && a.status === b.status && a.closedAt === b.closed_at && a.openEscalations === b.open_escalations && a.openTodos === b.open_todos &&
  a.nextDeadline === b.next_deadline && a.lastEventId === b.last_event_id && a.lastEventAt === b.last_event_at;

const escalationKey = (e: EscalationRow): string =>
  JSON.stringify([e.kind, e.target, e.type, e.period, e.deadline, e.reason, e.rules, e.raisedOn, e.doneEventId, e.doneDate, e.doneAction, e.caseOpen]);
const storedEscalationKey = (e: Row): string =>
  JSON.stringify([e.kind, e.target, e.type, e.period, e.deadline, e.reason, e.rules, e.raised_on, e.done_event_id, e.done_date, e.done_action, e.case_open]);

/** Cases whose summaries differ from their events; cases without events. Returns the number of cases. */
function compareSummaries(db: BetterSqlite3.Database, outcomes: OutcomeTable, findings: TamperFinding[]): number {
  const states = db.prepare('SELECT * FROM case_state WHERE case_id > @after AND case_id <= @last');
  const escalations = db.prepare('SELECT * FROM case_escalations WHERE case_id > @after AND case_id <= @last'); // sorted below (no index has that order)
  let n = 0;
  let pageAfter = 0;
  let pageLast = -1;
  let stateById = new Map<number, Row>();
  let escById = new Map<number, string[]>();
  for (const { case: c, events, unreadable } of casesWithEvents(db, outcomes, 500, true)) {
    n += 1;
    const id = c.id as number;
    if (id > pageLast) {
      // the summaries of the next 2,000 case ids at once
      pageAfter = id - 1;
      pageLast = id + 1999;
      stateById = new Map((states.all({ after: pageAfter, last: pageLast }) as Row[]).map((s) => [s.case_id as number, s]));
      escById = new Map();
      const rows = (escalations.all({ after: pageAfter, last: pageLast }) as Row[]).sort((a, b) => (a.kind === b.kind ? (a.id as number) - (b.id as number) : a.kind === 'escalation' ? -1 : 1)); // escalations, then to-dos
      for (const e of rows) {
        const list = escById.get(e.case_id as number) ?? [];
        list.push(storedEscalationKey(e));
        escById.set(e.case_id as number, list);
      }
    }
    if (unreadable) continue; // an event of it cannot even be read: the chain reports it as changed
    if (events.length === 0) {
      findings.push({ kind: 'case-inserted', caseId: id, eventId: null });
      continue;
    }
    const expected = summarizeEvents(id, c.student_ref as string, c.created_at as string, events);
    const stored = escById.get(id) ?? [];
    const same = sameState(expected.state, stateById.get(id)) && stored.length === expected.escalations.length && expected.escalations.every((e, i) => escalationKey(e) === stored[i]);
    if (!same) findings.push({ kind: 'summary-differs', caseId: id, eventId: null });
  }
  return n;
}
