// The case log: one SQLite file (better-sqlite3, synchronous), one connection, WAL, a busy timeout,
// foreign keys on, numbered migrations, prepared statements with named parameters, and every write in
// one transaction. Cases hold an append-only timeline of events; what a case *is* now (open or
// closed, what is due) is derived from that timeline in src/core/caselog/timeline.ts.
//
// Reuse from other commands (route --log, batch): open a store with openCaseStore(path) and call
// store.recordDecisions(entries) — see its comment; compute keys with decisionIdempotencyKey().
// A writer that prepares its entries elsewhere (batch, on the thread that decided them) calls
// store.recordPrepared(chunk).
import Database from 'better-sqlite3';
import { prepareDecision, prepareOutcome, type PreparedChunk } from './prepared-entry.js';
import type { CaseEvent, CaseEventBody, CaseRecord, CaseSource, EventSource } from '../../core/caselog/timeline.js';
import type { Decision } from '../../core/routing/decide.js';
import { UserError } from '../../core/errors.js';
import { PrivacyError } from '../../core/privacy-error.js';
import { textProblem } from '../../core/privacy.js';
import { problem } from '../../core/problems.js';
import type { Situation } from '../../core/routing/situation.js';
import { checkDbForReading, lockedOrBroken, prepareDbFile, verifyIdentity } from './db-file.js';
import type { DbLocation } from './db-path.js';
import { OutcomeTable } from './decision-outcomes.js';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './schema/migrations.js';
import { ChainWriter } from './chain/chain-writer.js';
import { CaseSummaries } from './case-summaries.js';
import { freeTexts, rowToEvent, type Row } from './event-rows.js';
import { CaseReads } from './case-reads.js';
import { verifyChain, type VerifyReport } from './chain/verify-chain.js';
import { purgeCases, type PurgeRecord, type PurgeRule } from './purge.js';


export interface DecisionEntry {
  studentRef: string;
  situation: Situation;
  decision: Decision;
  source: CaseSource;
  /** An entry whose key is already in the store is skipped, not duplicated (a unique index). */
  idempotencyKey?: string | undefined;
  /** Start a new case even if the student has an open one. Default: true for 'intake' only. */
  newCase?: boolean | undefined;
  /** The mentor and klas from the students file (`cases due --mentor`): kept in the case's intake event. */
  labels?: { mentor?: string | undefined; klas?: string | undefined } | undefined;
}

export interface RecordResult {
  added: number;
  skipped: number;
  /** Per entry, in order: the case it was added to, or (when skipped) the case that already has it. */
  caseIds: number[];
}

export interface OpenOptions {
  /** How long a write waits for another process's write to finish (PRAGMA busy_timeout). */
  busyTimeoutMs?: number;
  /** The folder is zorgroute's own default one (tighten it to 0700). */
  ownFolder?: boolean;
  /**
   * 'full' (the default) makes every commit survive a power cut: right for an intake typed by hand.
   * 'normal' skips the sync at each commit (WAL keeps the file consistent; a power cut may lose
   * the last commits): right for `batch --log`, whose re-run completes whatever was lost.
   */
  durability?: 'full' | 'normal';
  now?: () => Date;
}

/**
 * Opens an existing case log for a command that only reads it: refused (exit 2) when it is missing,
 * empty or not a zorgroute log, opened read-only — nothing is created. A log of an older schema is
 * first brought up to date by a writing open (the only write a reading command makes).
 */
export function openCaseStoreForReading(db: DbLocation, options: Pick<OpenOptions, 'busyTimeoutMs' | 'now'> = {}): CaseStore {
  if (db.path === ':memory:') return openCaseStore(db.path, options);
  checkDbForReading(db);
  let conn: Database.Database | undefined;
  try {
    conn = new Database(db.path, { readonly: true, fileMustExist: true, timeout: options.busyTimeoutMs ?? 5000 });
    conn.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    verifyIdentity(conn, db.path);
    if (schemaVersion(conn) < LATEST_SCHEMA_VERSION) {
      conn.close();
      openCaseStore(db.path, options).close();
      return openCaseStoreForReading(db, options);
    }
    return new CaseStore(conn, db.path, options.now ?? (() => new Date()));
  } catch (error) {
    conn?.close();
    if (error instanceof UserError) throw error;
    return lockedOrBroken(error, db.path);
  }
}

/** Opens (creating and migrating when needed) the case log at `path`, or ':memory:'. */
export function openCaseStore(path: string, options: OpenOptions = {}): CaseStore {
  const memory = path === ':memory:';
  if (!memory) prepareDbFile(path, options.ownFolder ?? false);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { fileMustExist: !memory, timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    verifyIdentity(db, path); // reads only: a refused file is closed untouched
    db.pragma('journal_mode = WAL');
    db.pragma(options.durability === 'normal' ? 'synchronous = NORMAL' : 'synchronous = FULL');
    // A batch writes ~100 MB: fold the WAL into the file every 64 MB instead of every 4 MB (fewer
    // syncs while writing; measured with bench/batch.mjs).
    if (options.durability === 'normal') {
      db.pragma('wal_autocheckpoint = 16384');
      // SQLite's default page cache is 2 MB; a batch's inserts land all over the indexes of a log
      // of this size, so it re-reads pages from the OS over and over. 64 MB holds them.
      db.pragma('cache_size = -65536');
    }
    db.pragma('foreign_keys = ON');
    migrate(db, options.now ?? (() => new Date()));
    return new CaseStore(db, path, options.now ?? (() => new Date()));
  } catch (error) {
    db?.close();
    if (error instanceof UserError) throw error;
    return lockedOrBroken(error, path);
  }
}

export class CaseStore {
  private readonly statements;
  private readonly outcomes: OutcomeTable;
  private readonly chain: ChainWriter;
  private readonly summaries: CaseSummaries;
  /** Reading: list, due, export, verify (src/io/db/case-reads.ts). */
  readonly reads: CaseReads;

  constructor(
    readonly db: Database.Database,
    readonly path: string,
    private readonly now: () => Date,
  ) {
    this.outcomes = new OutcomeTable(db);
    this.chain = new ChainWriter(db);
    this.summaries = new CaseSummaries(db);
    this.reads = new CaseReads(db, this.outcomes, (work) => this.guard(work));
    const casesWhere = '(@studentRef IS NULL OR student_ref = @studentRef) AND (@since IS NULL OR created_at >= @since) AND (@id IS NULL OR id = @id)';
    const eventColumns = 'id, case_id, case_prev_event, kind, recorded_at, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key, outcome_id, prev_hash, hash';
    const eventValues = '@id, @caseId, @casePrev, @kind, @recordedAt, @source, @data, @rulesetId, @rulesetVersion, @rulesetSha256, @idempotencyKey, @outcomeId, @prevHash, @hash';
    this.statements = {
      insertCase: db.prepare('INSERT INTO cases (id, student_ref, created_at, source) VALUES (@id, @studentRef, @createdAt, @source)'),
      insertEvent: db.prepare(`INSERT INTO events (${eventColumns}) VALUES (${eventValues})`),
      // recordPrepared's statements, with positional parameters: batch --log runs them ~100,000 times.
      insertEventAt: db.prepare(`INSERT INTO events (${eventColumns}) VALUES (${eventColumns.split(', ').map(() => '?').join(', ')})`),
      insertCaseAt: db.prepare('INSERT INTO cases (id, student_ref, created_at, source) VALUES (?, ?, ?, ?)'),
      caseForKeyAt: db.prepare('SELECT case_id FROM events WHERE idempotency_key = ?').pluck(),
      caseForKey: db.prepare('SELECT case_id FROM events WHERE idempotency_key = @key').pluck(),
      // The student's latest open case, with what the seal of its next event needs.
      openCase: db.prepare(
        `SELECT s.case_id, s.last_event_id, c.created_at, c.source FROM case_state s JOIN cases c ON c.id = s.case_id
          WHERE s.student_ref = @studentRef AND s.status = 'open' ORDER BY s.case_id DESC LIMIT 1`,
      ),
      openCases: db.prepare(`SELECT case_id AS id FROM case_state WHERE student_ref = @studentRef AND status = 'open' ORDER BY case_id DESC`),
      caseHead: db.prepare('SELECT c.id, c.student_ref, c.created_at, c.source, s.last_event_id FROM cases c JOIN case_state s ON s.case_id = c.id WHERE c.id = @id'),
      cases: db.prepare(`SELECT id, student_ref, created_at, source FROM cases WHERE ${casesWhere} ORDER BY id`),
      events: db.prepare(`SELECT * FROM events WHERE case_id IN (SELECT id FROM cases WHERE ${casesWhere}) ORDER BY case_id, id`),
      event: db.prepare('SELECT * FROM events WHERE id = @id'),
    };
  }

  guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof UserError) throw error;
      return lockedOrBroken(error, this.path);
    }
  }

  schemaVersion(): number {
    return schemaVersion(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Records decisions — from an intake, `route --log` or `batch` — all in ONE transaction: either
   * every entry is written or none is. Each added entry appends an `intake` event (the situation) and
   * a `decision` event (the decision, with the rule-set id, version and sha256; its outcome stored
   * once, see src/io/db/prepared-entry.ts) to a case: a new one for `newCase` (the default for an intake),
   * else the student's latest open case, else a new one. An entry with an `idempotencyKey` that the
   * store already holds — from an earlier run or earlier in the same list — is skipped, so
   * re-running a batch never duplicates. Use decisionIdempotencyKey(decision) so that `route --log`
   * and `batch` agree on keys. Every event is sealed into the hash chain (src/io/db/chain/chain.ts).
   */
  recordDecisions(entries: readonly DecisionEntry[]): RecordResult {
    const chunk: PreparedChunk = { entries: [], outcomes: {} };
    for (const entry of entries) {
      const outcome = prepareOutcome(entry.decision);
      chunk.outcomes[outcome.sha256] = outcome.json;
      chunk.entries.push(prepareDecision(entry, outcome));
    }
    return this.recordPrepared(chunk);
  }

  /**
   * recordDecisions() for entries made ready elsewhere (prepareDecision()); one transaction. A
   * chunk carries the text of each outcome its writer has not sent to this store before. The JSON
   * is trusted to be what prepareDecision() makes of a parsed situation (which refuses a BSN in any
   * field): only the student number is checked again, by the privacy guard — the last line of
   * defence: a road that forgot the check is refused (nothing of the chunk written) instead of
   * storing a BSN or failing SQLite's CHECK.
   */
  recordPrepared(chunk: PreparedChunk): RecordResult {
    for (const entry of chunk.entries) {
      const refused = textProblem(entry.studentRef);
      if (refused !== undefined) throw new PrivacyError({ kind: 'text', problem: refused, where: 'studentRef' });
    }
    const { statements: s, outcomes, chain, summaries } = this;
    outcomes.offer(chunk.outcomes);
    const recordedAt = this.now().toISOString();
    const result: RecordResult = { added: 0, skipped: 0, caseIds: [] };
    const write = this.db.transaction(() => {
      chain.begin();
      for (const entry of chunk.entries) {
        const key = entry.idempotencyKey;
        const existing = key === null ? undefined : (s.caseForKeyAt.get(key) as number | undefined);
        if (existing !== undefined) {
          result.skipped += 1;
          result.caseIds.push(existing);
          continue;
        }
        type Target = { case_id: number; last_event_id: number; created_at: string; source: string };
        let target = entry.newCase ? undefined : (s.openCase.get({ studentRef: entry.studentRef }) as Target | undefined);
        const isNew = !target;
        if (!target) {
          const id = chain.nextCaseId();
          s.insertCaseAt.run(id, entry.studentRef, recordedAt, entry.source);
          target = { case_id: id, last_event_id: 0, created_at: recordedAt, source: entry.source };
        }
        const caseId = target.case_id;
        const r = entry.ruleset;
        const outcomeId = outcomes.idFor(entry.outcome);
        const intakeId = chain.nextEventId();
        const casePrev = target.last_event_id || null;
        const intakeSeal = this.sealFields(intakeId, caseId, casePrev, 'intake', recordedAt, entry.source, entry.situationJson, null, null, null, null, null, entry.studentRef, target);
        s.insertEventAt.run(intakeId, caseId, casePrev, 'intake', recordedAt, entry.source, entry.situationJson, null, null, null, null, null, intakeSeal.prevHash, intakeSeal.hash);
        const decisionId = chain.nextEventId();
        const decisionSeal = this.sealFields(decisionId, caseId, intakeId, 'decision', recordedAt, entry.source, entry.decisionJson, r.id, r.version, r.sha256, key, entry.outcome, entry.studentRef, target);
        s.insertEventAt.run(decisionId, caseId, intakeId, 'decision', recordedAt, entry.source, entry.decisionJson, r.id, r.version, r.sha256, key, outcomeId, decisionSeal.prevHash, decisionSeal.hash);
        const outcome = outcomes.get(outcomeId);
        const referenceDate = outcome.escalations.length > 0 || (outcome.todos?.length ?? 0) > 0 ? referenceDateOf(entry.decisionJson) : '';
        if (isNew) summaries.newCaseWithDecision(caseId, entry.studentRef, decisionId, recordedAt, outcome, referenceDate);
        else summaries.decision(caseId, decisionId, recordedAt, outcome, referenceDate);
        result.added += 1;
        result.caseIds.push(caseId);
      }
      chain.end();
    });
    try {
      this.guard(() => write.immediate());
    } catch (error) {
      outcomes.rollback();
      throw error;
    }
    outcomes.commit();
    return result;
  }

  /** An event's seal from its fields (recordPrepared's events have no row object; sealOf() has one). */
  private sealFields(
    id: number, caseId: number, casePrevEvent: number | null, kind: string, recordedAt: string, source: string, data: string,
    rulesetId: string | null, rulesetVersion: string | null, rulesetSha256: string | null, idempotencyKey: string | null, outcomeSha256: string | null,
    studentRef: string, c: { created_at: string; source: string },
  ) {
    return this.chain.seal({
      id, caseId, casePrevEvent, kind, recordedAt, source, data, rulesetId, rulesetVersion, rulesetSha256, idempotencyKey, outcomeSha256,
      caseStudentRef: studentRef, caseCreatedAt: c.created_at, caseSource: c.source,
    });
  }

  private sealOf(
    e: { id: number; caseId: number; casePrev: number | null; kind: string; recordedAt: string; source: string; data: string; rulesetId: string | null; rulesetVersion: string | null; rulesetSha256: string | null; idempotencyKey: string | null },
    outcomeSha256: string | null,
    studentRef: string,
    c: { created_at: string; source: string },
  ) {
    const seal = this.sealFields(e.id, e.caseId, e.casePrev, e.kind, e.recordedAt, e.source, e.data, e.rulesetId, e.rulesetVersion, e.rulesetSha256, e.idempotencyKey, outcomeSha256, studentRef, c);
    (e as Record<string, unknown>).prevHash = seal.prevHash;
    (e as Record<string, unknown>).hash = seal.hash;
    return e;
  }

  /** Appends an action, note, closed or reopened event. Free text the privacy guard refuses is not stored. */
  appendEvent(caseId: number, body: CaseEventBody, source: EventSource = 'cases'): CaseEvent {
    if (body.kind === 'intake' || body.kind === 'decision') throw new TypeError('use recordDecisions() for intake and decision events');
    for (const text of freeTexts(body)) {
      const refused = text === null ? undefined : textProblem(text, { lines: true });
      if (refused !== undefined) throw new PrivacyError({ kind: 'text', problem: refused, where: body.kind });
    }
    return this.guard(() =>
      this.db
        .transaction(() => {
          const c = this.statements.caseHead.get({ id: caseId }) as { student_ref: string; created_at: string; source: string; last_event_id: number } | undefined;
          if (!c) throw new UserError(problem('no-such-case', { id: caseId }), { hint: problem('hint-cases-list') });
          this.chain.begin();
          const recordedAt = this.now().toISOString();
          const event = {
            id: this.chain.nextEventId(), caseId, casePrev: c.last_event_id || null, kind: body.kind, recordedAt, source, data: JSON.stringify(body.data),
            rulesetId: null, rulesetVersion: null, rulesetSha256: null, idempotencyKey: null, outcomeId: null,
          };
          this.statements.insertEvent.run(this.sealOf(event, null, c.student_ref, c));
          this.summaries.event(caseId, event.id, recordedAt, body.kind === 'action' ? { kind: 'action', ...body.data } : { kind: body.kind });
          this.chain.end();
          return rowToEvent(this.statements.event.get({ id: event.id }) as Row, this.outcomes);
        })
        .immediate(),
    );
  }

  /** Cases with their events, oldest first. `since`: an ISO timestamp the case was created at or after. */
  listCases(filter: { studentRef?: string | undefined; since?: string | undefined; id?: number | undefined } = {}): CaseRecord[] {
    const params = { studentRef: filter.studentRef ?? null, since: filter.since ?? null, id: filter.id ?? null };
    return this.guard(() => {
      const cases = (this.statements.cases.all(params) as Row[]).map(
        (row): CaseRecord => ({
          id: row.id as number,
          studentRef: row.student_ref as string,
          createdAt: row.created_at as string,
          source: row.source as CaseSource,
          events: [],
        }),
      );
      const byId = new Map(cases.map((c) => [c.id, c]));
      for (const row of this.statements.events.all(params) as Row[]) byId.get(row.case_id as number)?.events.push(rowToEvent(row, this.outcomes));
      return cases;
    });
  }

  getCase(id: number): CaseRecord | undefined {
    return this.listCases({ id })[0];
  }

  /** Walks the hash chain and compares the summaries (src/io/db/chain/verify-chain.ts). */
  verify(): VerifyReport {
    return this.guard(() => verifyChain(this.db, this.outcomes));
  }

  /** Removes these closed cases, recorded in the chain (src/io/db/purge.ts). */
  purge(caseIds: readonly number[], rule: PurgeRule): PurgeRecord {
    return this.guard(() => purgeCases(this.db, this.chain, caseIds, rule, this.now().toISOString()));
  }

  /** The student's open cases, newest first. */
  openCaseIds(studentRef: string): number[] {
    return this.guard(() => (this.statements.openCases.all({ studentRef }) as { id: number }[]).map((r) => r.id));
  }
}

/**
 * The referenceDate of a decision event's data, as prepareDecision() wrote it, without parsing it
 * all: `"referenceDate":"` can only be that key, since inside a JSON string every quote is escaped.
 */
function referenceDateOf(decisionJson: string): string {
  const at = decisionJson.indexOf('"referenceDate":"');
  if (at < 0) return (JSON.parse(decisionJson) as { decision: { referenceDate: string } }).decision.referenceDate;
  const from = at + '"referenceDate":"'.length;
  return decisionJson.slice(from, decisionJson.indexOf('"', from));
}
