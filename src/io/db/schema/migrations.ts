// The case log's schema, as numbered migrations. Each one runs in its own transaction, is recorded
// in schema_migrations, and sets PRAGMA user_version, so that a zorgroute that finds a newer version
// than it knows refuses the file instead of guessing. Never edit a released migration: add one.
import type BetterSqlite3 from 'better-sqlite3';
import { upgradeToVersion3, V3_TABLES } from './schema-v3.js';
import { V5_SUMMARIES, upgradeToVersion5 } from './schema-v5.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds tables (SQLite's procedure for what ALTER TABLE cannot do): runs with foreign keys off,
   * so that dropping the old parent table deletes nothing, checks before committing that it broke
   * no reference, and with secure_delete on, so that the dropped copies of student data are
   * overwritten rather than left in free pages.
   */
  rebuildsTables?: boolean;
  /** Work SQL alone cannot do (hashing), run after `sql` in the same transaction. */
  run?: (db: BetterSqlite3.Database, now: () => Date) => void;
}

/** PRAGMA application_id of every zorgroute database: 'ZROU'. Another program's file has another. */
export const APPLICATION_ID = 0x5a524f55;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'cases with an append-only timeline of events',
    sql: `
      PRAGMA application_id = ${APPLICATION_ID};
      CREATE TABLE schema_migrations (
        version    INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE cases (
        id          INTEGER PRIMARY KEY,
        student_ref TEXT NOT NULL CHECK (length(student_ref) BETWEEN 1 AND 64),
        created_at  TEXT NOT NULL,
        source      TEXT NOT NULL CHECK (source IN ('intake', 'route', 'batch'))
      ) STRICT;
      CREATE INDEX cases_by_student ON cases (student_ref, id);
      -- A case's status, its escalations and what is done are derived from its events
      -- (src/core/caselog/timeline.ts); nothing is updated in place.
      CREATE TABLE events (
        id              INTEGER PRIMARY KEY,
        case_id         INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind            TEXT NOT NULL CHECK (kind IN ('intake', 'decision', 'action', 'note', 'closed', 'reopened')),
        recorded_at     TEXT NOT NULL,
        source          TEXT NOT NULL CHECK (source IN ('intake', 'route', 'batch', 'cases')),
        data            TEXT NOT NULL CHECK (json_valid(data)),
        ruleset_id      TEXT,
        ruleset_version TEXT,
        ruleset_sha256  TEXT,
        idempotency_key TEXT,
        CHECK (kind <> 'decision' OR (ruleset_id IS NOT NULL AND ruleset_version IS NOT NULL AND ruleset_sha256 IS NOT NULL))
      ) STRICT;
      CREATE INDEX events_by_case ON events (case_id, id);
      CREATE UNIQUE INDEX events_by_idempotency_key ON events (idempotency_key) WHERE idempotency_key IS NOT NULL;
      -- Append-only, enforced by the database itself. (Deleting a whole case, for a retention period
      -- or an erasure request, stays possible: ON DELETE CASCADE.)
      CREATE TRIGGER events_are_append_only BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'zorgroute events are append-only'); END;
      CREATE TRIGGER cases_are_not_updated BEFORE UPDATE ON cases
        BEGIN SELECT RAISE(ABORT, 'zorgroute cases are not updated in place; append an event'); END;
    `,
  },
  {
    version: 2,
    name: 'decision outcomes stored once; cases and events rebuilt with cheaper CHECKs',
    // 1. A decision's outcome (parents, inform, escalations, notes, rules with their texts and
    //    sources, rule set) is the same for every student with the same fired rules and reference
    //    date; a batch stored it ~80,000 times per million rows. From this version a decision event
    //    holds the student's own part (studentRef, referenceDate, facts) and points to its outcome,
    //    stored once (src/io/db/prepared-entry.ts). Events written before keep their whole decision
    //    (outcome_id NULL); readers take both. An outcome holds no personal data: rule texts and ids.
    // 2. `x IN ('a', 'b', …)` in a CHECK makes SQLite build a small temporary table at every INSERT:
    //    a quarter of the time `batch --log` spent in SQLite. The same constraints as `x = 'a' OR …`
    //    cost nothing. A CHECK can only change by rebuilding its table (SQLite's documented
    //    procedure: new table, copy, drop, rename, with foreign keys off — see migrate()).
    rebuildsTables: true,
    sql: `
      CREATE TABLE decision_outcomes (
        id     INTEGER PRIMARY KEY,
        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        data   TEXT NOT NULL CHECK (json_valid(data))
      ) STRICT;
      CREATE TRIGGER decision_outcomes_are_not_updated BEFORE UPDATE ON decision_outcomes
        BEGIN SELECT RAISE(ABORT, 'zorgroute decision outcomes are not updated in place'); END;

      CREATE TABLE cases_v2 (
        id          INTEGER PRIMARY KEY,
        student_ref TEXT NOT NULL CHECK (length(student_ref) BETWEEN 1 AND 64),
        created_at  TEXT NOT NULL,
        source      TEXT NOT NULL CHECK (source = 'intake' OR source = 'route' OR source = 'batch')
      ) STRICT;
      INSERT INTO cases_v2 (id, student_ref, created_at, source) SELECT id, student_ref, created_at, source FROM cases;
      CREATE TABLE events_v2 (
        id              INTEGER PRIMARY KEY,
        case_id         INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind            TEXT NOT NULL CHECK (kind = 'intake' OR kind = 'decision' OR kind = 'action' OR kind = 'note' OR kind = 'closed' OR kind = 'reopened'),
        recorded_at     TEXT NOT NULL,
        source          TEXT NOT NULL CHECK (source = 'intake' OR source = 'route' OR source = 'batch' OR source = 'cases'),
        data            TEXT NOT NULL CHECK (json_valid(data)),
        ruleset_id      TEXT,
        ruleset_version TEXT,
        ruleset_sha256  TEXT,
        idempotency_key TEXT,
        outcome_id      INTEGER REFERENCES decision_outcomes (id),
        CHECK (kind <> 'decision' OR (ruleset_id IS NOT NULL AND ruleset_version IS NOT NULL AND ruleset_sha256 IS NOT NULL)),
        CHECK (outcome_id IS NULL OR kind = 'decision')
      ) STRICT;
      INSERT INTO events_v2 (id, case_id, kind, recorded_at, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key)
        SELECT id, case_id, kind, recorded_at, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key FROM events;
      DROP TABLE events;
      DROP TABLE cases;
      ALTER TABLE cases_v2 RENAME TO cases;
      ALTER TABLE events_v2 RENAME TO events;
      CREATE INDEX cases_by_student ON cases (student_ref, id);
      CREATE INDEX events_by_case ON events (case_id, id);
      CREATE UNIQUE INDEX events_by_idempotency_key ON events (idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE TRIGGER events_are_append_only BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'zorgroute events are append-only'); END;
      CREATE TRIGGER cases_are_not_updated BEFORE UPDATE ON cases
        BEGIN SELECT RAISE(ABORT, 'zorgroute cases are not updated in place; append an event'); END;
      -- Also when a SQL tool runs with foreign keys off (the sqlite3 shell's default).
      CREATE TRIGGER decision_outcomes_in_use BEFORE DELETE ON decision_outcomes
        WHEN EXISTS (SELECT 1 FROM events WHERE outcome_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'zorgroute decision outcome still used by a decision event'); END;

      -- For SQL users: every event with its data as zorgroute reads it (a decision whole again, its
      -- keys in the order zorgroute writes them). json_extract, not ->, so that SQLite tools older
      -- than 3.38 can still read the file.
      CREATE VIEW events_expanded AS
        SELECT e.id, e.case_id, e.kind, e.recorded_at, e.source,
               CASE WHEN e.outcome_id IS NULL THEN e.data
                    ELSE json_object('decision', json_object(
                      'studentRef', json_extract(e.data, '$.decision.studentRef'),
                      'referenceDate', json_extract(e.data, '$.decision.referenceDate'),
                      'facts', json_extract(e.data, '$.decision.facts'),
                      'parents', json_extract(o.data, '$.parents'),
                      'inform', json_extract(o.data, '$.inform'),
                      'escalations', json_extract(o.data, '$.escalations'),
                      'notes', json_extract(o.data, '$.notes'),
                      'rules', json_extract(o.data, '$.rules'),
                      'ruleset', json_extract(o.data, '$.ruleset'))) END AS data,
               e.ruleset_id, e.ruleset_version, e.ruleset_sha256, e.idempotency_key
          FROM events e LEFT JOIN decision_outcomes o ON o.id = e.outcome_id;
    `,
  },
  {
    version: 3,
    name: 'events_expanded gives a decision its to-dos',
    // Outcomes stored before to-dos existed have none: json('[]'), as zorgroute reads them.
    sql: `
      DROP VIEW events_expanded;
      CREATE VIEW events_expanded AS
        SELECT e.id, e.case_id, e.kind, e.recorded_at, e.source,
               CASE WHEN e.outcome_id IS NULL THEN e.data
                    ELSE json_object('decision', json_object(
                      'studentRef', json_extract(e.data, '$.decision.studentRef'),
                      'referenceDate', json_extract(e.data, '$.decision.referenceDate'),
                      'facts', json_extract(e.data, '$.decision.facts'),
                      'parents', json_extract(o.data, '$.parents'),
                      'inform', json_extract(o.data, '$.inform'),
                      'escalations', json_extract(o.data, '$.escalations'),
                      'todos', json(coalesce(json_extract(o.data, '$.todos'), '[]')),
                      'notes', json_extract(o.data, '$.notes'),
                      'rules', json_extract(o.data, '$.rules'),
                      'ruleset', json_extract(o.data, '$.ruleset'))) END AS data,
               e.ruleset_id, e.ruleset_version, e.ruleset_sha256, e.idempotency_key
          FROM events e LEFT JOIN decision_outcomes o ON o.id = e.outcome_id;
    `,
  },
  {
    version: 4,
    name: 'events sealed in a hash chain; guards against edits, deletes and replaces; per-case summaries',
    // See src/io/db/schema-v3.ts (numbered 4: version 3 went to the to-dos' view): the chain seals what is there, in id order.
    sql: V3_TABLES,
    run: upgradeToVersion3,
  },
  {
    version: 5,
    name: 'one open case per student: a melding per period inside it; summaries keyed by period',
    // See src/io/db/schema-v5.ts and src/io/db/merge-open-cases.ts: appends only, so the chain
    // and any head written down before stay valid.
    sql: V5_SUMMARIES,
    run: upgradeToVersion5,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations the database lacks; returns their versions. */
export function migrate(db: BetterSqlite3.Database, now: () => Date): number[] {
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (schemaVersion(db) >= migration.version) continue; // no write lock needed to find out
    const rebuild = migration.rebuildsTables === true;
    // foreign_keys cannot change inside a transaction: off before it, back as it was after it.
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
    if (rebuild) {
      db.pragma('foreign_keys = OFF');
      db.pragma('secure_delete = ON');
    }
    try {
      // IMMEDIATE takes the write lock first, so of two processes opening a new file at once the
      // second one waits, then sees the version the first one wrote and skips.
      db.transaction(() => {
        if (schemaVersion(db) >= migration.version) return;
        // References already broken (a case deleted by a SQL tool with foreign keys off, leaving its
        // events) are carried over as they are; the rebuild must not break any more.
        const brokenBefore = rebuild ? (db.pragma('foreign_key_check') as unknown[]).length : 0;
        db.exec(migration.sql);
        migration.run?.(db, now);
        if (rebuild) {
          const brokenAfter = (db.pragma('foreign_key_check') as unknown[]).length;
          if (brokenAfter > brokenBefore) throw new Error(`migration ${migration.version} would break ${brokenAfter - brokenBefore} references; nothing was changed`);
        }
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @appliedAt)').run({
          version: migration.version,
          name: migration.name,
          appliedAt: now().toISOString(),
        });
        db.pragma(`user_version = ${migration.version}`);
        applied.push(migration.version);
      }).immediate();
    } finally {
      if (rebuild) {
        db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
        db.pragma(`secure_delete = ${secureDelete ? 'ON' : 'OFF'}`);
      }
    }
  }
  return applied;
}
