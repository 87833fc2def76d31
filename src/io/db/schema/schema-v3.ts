// Schema version 4 (written as 3; version 3 went to the to-dos' view in the meantime): the tamper-evident, scalable case log.
// 1. Every event is sealed into one hash chain (src/io/db/chain/chain.ts): columns case_prev_event,
//    prev_hash and hash; the head in chain_head; purge records in purges. Existing events are sealed
//    as they are, in id order, when the file is upgraded (the migration "seals what is there").
// 2. Triggers refuse UPDATE, DELETE, an unsealed INSERT and INSERT OR REPLACE on events (and the
//    like on cases, outcomes and purges) — for the honest SQL user; someone can drop a trigger,
//    which is why the chain, not the trigger, is what detects.
// 3. Per-case summaries (case_state, case_escalations), kept up to date by the store as it appends
//    and built here from the events for an existing log, so that `cases list` and `cases due` read
//    a few index pages instead of every event of every case (src/io/db/case-summaries.ts). They are
//    derived data, not the record: `cases verify` rebuilds them from the events and compares.
import type BetterSqlite3 from 'better-sqlite3';
import { sealExistingEvents } from '../chain/seal.js';

export const EVENT_DELETE_GUARD = `CREATE TRIGGER events_are_not_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'zorgroute events are not deleted; zorgroute cases purge removes closed cases past their retention'); END;`;
export const CASE_DELETE_GUARD = `CREATE TRIGGER cases_are_not_deleted BEFORE DELETE ON cases
  BEGIN SELECT RAISE(ABORT, 'zorgroute cases are not deleted; zorgroute cases purge removes closed cases past their retention'); END;`;

export const V3_TABLES = `
  ALTER TABLE events ADD COLUMN case_prev_event INTEGER;
  ALTER TABLE events ADD COLUMN prev_hash TEXT;
  ALTER TABLE events ADD COLUMN hash TEXT;
  DROP TRIGGER events_are_append_only; -- back after sealing (V3_TRIGGERS)
  CREATE TABLE chain_head (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    last_event_id INTEGER NOT NULL,
    last_case_id  INTEGER NOT NULL,
    hash          TEXT NOT NULL CHECK (length(hash) = 64)
  ) STRICT;
  CREATE TABLE purges (
    id             INTEGER PRIMARY KEY,
    after_event_id INTEGER NOT NULL,
    purged_at      TEXT NOT NULL,
    rule           TEXT NOT NULL CHECK (json_valid(rule)),
    cases          INTEGER NOT NULL,
    events         INTEGER NOT NULL,
    bridges        TEXT NOT NULL CHECK (json_valid(bridges)),
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL
  ) STRICT;
  CREATE TABLE case_state (
    case_id          INTEGER PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
    student_ref      TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status = 'open' OR status = 'closed'),
    closed_at        TEXT,
    open_escalations INTEGER NOT NULL,
    open_todos       INTEGER NOT NULL,
    next_deadline    TEXT,
    last_event_id    INTEGER NOT NULL,
    last_event_at    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX case_state_by_student ON case_state (student_ref, status, case_id);
  CREATE INDEX case_state_by_urgency ON case_state (status, open_escalations = 0, next_deadline IS NULL, next_deadline, last_event_id DESC);
  CREATE INDEX case_state_by_closing ON case_state (closed_at) WHERE status = 'closed';
  CREATE TABLE case_escalations (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind = 'escalation' OR kind = 'todo'),
    target        TEXT NOT NULL, -- an escalation's target, a to-do's party
    type          TEXT NOT NULL,
    deadline      TEXT,
    reason        TEXT NOT NULL,
    rules         TEXT NOT NULL,
    raised_on     TEXT NOT NULL,
    done_event_id INTEGER,
    done_date     TEXT,
    done_action   TEXT,
    case_open     INTEGER NOT NULL,
    UNIQUE (case_id, kind, target, type)
  ) STRICT;
  CREATE INDEX case_escalations_due ON case_escalations (deadline IS NULL, deadline, raised_on, case_id, kind = 'todo', id) WHERE done_event_id IS NULL AND case_open = 1;
`;

export const V3_TRIGGERS = `
  CREATE TRIGGER events_are_append_only BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'zorgroute events are append-only'); END;
  ${EVENT_DELETE_GUARD}
  -- BEFORE INSERT fires before INSERT OR REPLACE deletes the row it replaces (a REPLACE fires no
  -- DELETE trigger), so this is where a replacement is refused.
  CREATE TRIGGER events_are_sealed_and_new BEFORE INSERT ON events
    WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL OR EXISTS (SELECT 1 FROM events WHERE id = NEW.id)
      OR (NEW.idempotency_key IS NOT NULL AND EXISTS (SELECT 1 FROM events WHERE idempotency_key = NEW.idempotency_key))
    BEGIN SELECT RAISE(ABORT, 'zorgroute events are sealed and written by zorgroute only; an event is never replaced'); END;
  ${CASE_DELETE_GUARD}
  CREATE TRIGGER cases_are_not_replaced BEFORE INSERT ON cases
    WHEN EXISTS (SELECT 1 FROM cases WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'zorgroute cases are not replaced'); END;
  CREATE TRIGGER decision_outcomes_are_not_replaced BEFORE INSERT ON decision_outcomes
    WHEN EXISTS (SELECT 1 FROM decision_outcomes WHERE id = NEW.id OR sha256 = NEW.sha256)
    BEGIN SELECT RAISE(ABORT, 'zorgroute decision outcomes are not replaced'); END;
  CREATE TRIGGER purges_are_append_only BEFORE UPDATE ON purges
    BEGIN SELECT RAISE(ABORT, 'zorgroute purge records are append-only'); END;
  CREATE TRIGGER purges_are_not_deleted BEFORE DELETE ON purges
    BEGIN SELECT RAISE(ABORT, 'zorgroute purge records are not deleted'); END;
`;

/**
 * Seals the events there are, then puts the guards in place. The summaries are built by migration 5
 * (src/io/db/schema-v5.ts), which gave them the period: a file at version 3 or lower always runs
 * both, in one go, so the table this one creates is never read in between.
 */
export function upgradeToVersion3(db: BetterSqlite3.Database): void {
  sealExistingEvents(db);
  db.exec(V3_TRIGGERS);
}
