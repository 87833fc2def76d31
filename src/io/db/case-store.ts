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
import { containsBsn, isBsnLike } from '../../core/bsn.js';
import { joinDecision, prepareDecision, prepareOutcome, type PreparedChunk } from './prepared-entry.js';
import type { CaseEvent, CaseEventBody, CaseRecord, CaseSource, EventSource } from '../../core/caselog/timeline.js';
import type { Decision } from '../../core/routing/decide.js';
import { UserError } from '../../core/errors.js';
import { problem } from '../../core/problems.js';
import type { Situation } from '../../core/routing/situation.js';
import { lockedOrBroken, prepareDbFile, verifyIdentity } from './db-file.js';
import { OutcomeTable } from './decision-outcomes.js';
import { migrate, schemaVersion } from './migrations.js';

export { decisionIdempotencyKey } from './decision-key.js';

export interface DecisionEntry {
  studentRef: string;
  situation: Situation;
  decision: Decision;
  source: CaseSource;
  /** An entry whose key is already in the store is skipped, not duplicated (a unique index). */
  idempotencyKey?: string | undefined;
  /** Start a new case even if the student has an open one. Default: true for 'intake' only. */
  newCase?: boolean | undefined;
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

type Row = Record<string, unknown>;

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
    if (options.durability === 'normal') db.pragma('wal_autocheckpoint = 16384');
    db.pragma('foreign_keys = ON');
    migrate(db, options.now ?? (() => new Date()));
    return new CaseStore(db, path, options.now ?? (() => new Date()));
  } catch (error) {
    db?.close();
    if (error instanceof UserError) throw error;
    return lockedOrBroken(error, path);
  }
}

function rowToEvent(row: Row, outcomes: OutcomeTable): CaseEvent {
  let data = JSON.parse(row.data as string);
  // Since schema version 2 a decision's outcome is stored apart, once (src/io/db/prepared-entry.ts).
  if (row.outcome_id !== null && row.outcome_id !== undefined) data = { decision: joinDecision(data.decision, outcomes.get(row.outcome_id as number)) };
  // Decisions stored before to-dos existed had none (a version-1 event holds its decision whole).
  else if (row.kind === 'decision' && data.decision && data.decision.todos === undefined) data.decision.todos = [];
  return {
    id: row.id as number,
    caseId: row.case_id as number,
    kind: row.kind,
    recordedAt: row.recorded_at as string,
    source: row.source as EventSource,
    data,
  } as CaseEvent;
}

function freeTexts(body: CaseEventBody): (string | null)[] {
  switch (body.kind) {
    case 'action':
      return [body.data.action, body.data.note];
    case 'note':
      return [body.data.text];
    case 'closed':
    case 'reopened':
      return [body.data.note];
    default:
      return [];
  }
}

export class CaseStore {
  private readonly statements;
  private readonly outcomes: OutcomeTable;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
    private readonly now: () => Date,
  ) {
    this.outcomes = new OutcomeTable(db);
    const casesWhere = '(@studentRef IS NULL OR student_ref = @studentRef) AND (@since IS NULL OR created_at >= @since) AND (@id IS NULL OR id = @id)';
    this.statements = {
      insertCase: db.prepare('INSERT INTO cases (student_ref, created_at, source) VALUES (@studentRef, @createdAt, @source)'),
      // The two events of every logged decision, with what is the same for all of them in the SQL.
      insertIntake: db.prepare(`INSERT INTO events (case_id, kind, recorded_at, source, data) VALUES (@caseId, 'intake', @recordedAt, @source, @data)`),
      insertDecision: db.prepare(
        `INSERT INTO events (case_id, kind, recorded_at, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key, outcome_id)
         VALUES (@caseId, 'decision', @recordedAt, @source, @data, @rulesetId, @rulesetVersion, @rulesetSha256, @idempotencyKey, @outcomeId)`,
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (case_id, kind, recorded_at, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key, outcome_id)
         VALUES (@caseId, @kind, @recordedAt, @source, @data, @rulesetId, @rulesetVersion, @rulesetSha256, @idempotencyKey, @outcomeId)`,
      ),
      caseForKey: db.prepare('SELECT case_id FROM events WHERE idempotency_key = @key').pluck(),
      // Open = the latest closed/reopened event is not a 'closed' (see caseStatus()). Asked once
      // per logged decision: `OR`, because an `IN (…)` list costs a temporary table per execution.
      openCases: db.prepare(
        `SELECT c.id FROM cases c WHERE c.student_ref = @studentRef
           AND coalesce((SELECT e.kind FROM events e WHERE e.case_id = c.id AND (e.kind = 'closed' OR e.kind = 'reopened') ORDER BY e.id DESC LIMIT 1), 'reopened') = 'reopened'
         ORDER BY c.id DESC`,
      ),
      cases: db.prepare(`SELECT id, student_ref, created_at, source FROM cases WHERE ${casesWhere} ORDER BY id`),
      events: db.prepare(`SELECT * FROM events WHERE case_id IN (SELECT id FROM cases WHERE ${casesWhere}) ORDER BY case_id, id`),
      event: db.prepare('SELECT * FROM events WHERE id = @id'),
    };
  }

  private guard<T>(work: () => T): T {
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
   * and `batch` agree on keys.
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
   * field): only the student number is checked again here.
   */
  recordPrepared(chunk: PreparedChunk): RecordResult {
    for (const entry of chunk.entries) {
      if (isBsnLike(entry.studentRef.trim())) throw new UserError(problem('bsn-student-ref-not-stored'));
    }
    const s = this.statements;
    const outcomes = this.outcomes;
    outcomes.offer(chunk.outcomes);
    const recordedAt = this.now().toISOString();
    const result: RecordResult = { added: 0, skipped: 0, caseIds: [] };
    const write = this.db.transaction(() => {
      for (const entry of chunk.entries) {
        const key = entry.idempotencyKey;
        const existing = key === null ? undefined : (s.caseForKey.get({ key }) as number | undefined);
        if (existing !== undefined) {
          result.skipped += 1;
          result.caseIds.push(existing);
          continue;
        }
        let caseId = entry.newCase ? undefined : (s.openCases.get({ studentRef: entry.studentRef }) as { id: number } | undefined)?.id;
        caseId ??= Number(s.insertCase.run({ studentRef: entry.studentRef, createdAt: recordedAt, source: entry.source }).lastInsertRowid);
        s.insertIntake.run({ caseId, recordedAt, source: entry.source, data: entry.situationJson });
        const r = entry.ruleset;
        s.insertDecision.run({
          caseId,
          recordedAt,
          source: entry.source,
          data: entry.decisionJson,
          rulesetId: r.id,
          rulesetVersion: r.version,
          rulesetSha256: r.sha256,
          idempotencyKey: key,
          outcomeId: outcomes.idFor(entry.outcome),
        });
        result.added += 1;
        result.caseIds.push(caseId);
      }
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

  /** Appends an action, note, closed or reopened event. Free text holding a BSN is refused. */
  appendEvent(caseId: number, body: CaseEventBody, source: EventSource = 'cases'): CaseEvent {
    if (body.kind === 'intake' || body.kind === 'decision') throw new TypeError('use recordDecisions() for intake and decision events');
    if (freeTexts(body).some((t) => t !== null && containsBsn(t))) {
      throw new UserError(problem('bsn-in-text-not-stored'), { hint: problem('hint-no-bsn') });
    }
    return this.guard(() =>
      this.db
        .transaction(() => {
          if (!this.getCase(caseId)) throw new UserError(problem('no-such-case', { id: caseId }), { hint: problem('hint-cases-list') });
          const info = this.statements.insertEvent.run({
            caseId,
            kind: body.kind,
            recordedAt: this.now().toISOString(),
            source,
            data: JSON.stringify(body.data),
            rulesetId: null,
            rulesetVersion: null,
            rulesetSha256: null,
            idempotencyKey: null,
            outcomeId: null,
          });
          return rowToEvent(this.statements.event.get({ id: info.lastInsertRowid }) as Row, this.outcomes);
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

  /** The student's open cases, newest first. */
  openCaseIds(studentRef: string): number[] {
    return this.guard(() => (this.statements.openCases.all({ studentRef }) as { id: number }[]).map((r) => r.id));
  }
}
