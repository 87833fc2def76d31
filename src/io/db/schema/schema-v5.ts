// Schema version 5: one open case per student (the dossier), with a melding per absence period.
// 1. case_escalations gets the period an escalation or a to-do comes from (periodKey(), '' for
//    none) in its identity: a dossier holds a 16-uur melding per period, each with its own deadline
//    and done-state. A derived table (src/io/db/case-summaries.ts): dropped and built again from
//    the events, like `cases verify` builds it to compare.
// 2. A student's several open cases are merged into the oldest by appending
//    (src/io/db/merge-open-cases.ts): every event kept, nothing resealed.
import type BetterSqlite3 from 'better-sqlite3';
import { rebuildSummaries } from '../case-summaries.js';
import { mergeOpenCases } from './merge-open-cases.js';

export const V5_SUMMARIES = `
  DROP TABLE case_escalations;
  DELETE FROM case_state;
  CREATE TABLE case_escalations (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind = 'escalation' OR kind = 'todo'),
    target        TEXT NOT NULL, -- an escalation's target, a to-do's party
    type          TEXT NOT NULL,
    period        TEXT NOT NULL DEFAULT '', -- 'from/to' of the absence period it comes from
    deadline      TEXT,
    reason        TEXT NOT NULL,
    rules         TEXT NOT NULL,
    raised_on     TEXT NOT NULL,
    done_event_id INTEGER,
    done_date     TEXT,
    done_action   TEXT,
    case_open     INTEGER NOT NULL,
    UNIQUE (case_id, kind, target, type, period)
  ) STRICT;
  CREATE INDEX case_escalations_due ON case_escalations (deadline IS NULL, deadline, raised_on, case_id, kind = 'todo', id) WHERE done_event_id IS NULL AND case_open = 1;
`;

/** Merges open cases (appending to the chain), then builds the summaries from the events. */
export function upgradeToVersion5(db: BetterSqlite3.Database, now: () => Date): void {
  mergeOpenCases(db, now);
  rebuildSummaries(db);
}
