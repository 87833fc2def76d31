// Every situation the case log holds, read without changing the file (`rules diff --against-log`):
// the `intake` event that comes with each logged decision, and the case it belongs to.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { RulesProblem } from '../../core/ruleset-tools/rules-problem.js';
import { lockedOrBroken, verifyIdentity } from './db-file.js';
import { UserError } from '../../core/errors.js';

export interface LoggedSituation {
  caseId: number;
  studentRef: string;
  /** The stored situation, as it was given (checked again by the caller). */
  situation: unknown;
}

/**
 * Hands each logged situation to `each`, in event order, one row at a time (a log of 100,000 cases
 * is not held in memory). A file that does not exist is refused (and not created).
 */
export function forEachLoggedSituation(path: string, each: (entry: LoggedSituation) => void): void {
  if (path === ':memory:' || !existsSync(path)) throw new RulesProblem({ kind: 'db-missing', file: path });
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    verifyIdentity(db, path);
    const hasEvents = db.prepare(`SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'events'`).pluck().get() as number;
    if (hasEvents === 0) return; // an empty file: nothing logged yet
    const rows = db
      .prepare(`SELECT e.case_id AS caseId, c.student_ref AS studentRef, e.data AS data FROM events e JOIN cases c ON c.id = e.case_id WHERE e.kind = 'intake' ORDER BY e.id`)
      .iterate() as IterableIterator<{ caseId: number; studentRef: string; data: string }>;
    for (const r of rows) each({ caseId: r.caseId, studentRef: r.studentRef, situation: (JSON.parse(r.data) as { situation?: unknown }).situation });
  } catch (error) {
    if (error instanceof UserError) throw error;
    return lockedOrBroken(error, path);
  } finally {
    db?.close();
  }
}
