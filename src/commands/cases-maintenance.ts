// `zorgroute cases verify | purge | backup`: proving the log untouched, removing closed cases past
// their retention, and copying it safely. Return data; printing is the CLI's.
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT } from '../core/errors.js';
import { isDeviceFailure, ProblemError } from '../core/output-problems.js';
import { backupCaseLog, BackupRefused, type BackupResult } from '../io/db/backup.js';
import { compactFile, purgeCandidates, type PurgeCandidate, type PurgeRecord, type PurgeRule } from '../io/db/purge.js';
import type { VerifyReport } from '../io/db/chain/verify-chain.js';
import { CaseLogProblem } from './case-log-problem.js';
import { withStore, type CasesOptions } from './cases.js';
import { normalizeDate } from '../core/dates.js';

/** Retention after a case is closed (ROUTING-RULES §9; PO-Raad/VO-raad practice, Kennisnet "bewaartermijnen"). */
export const RETENTION_YEARS = { caseFile: 2, absenceData: 5 } as const;

export function verifyCaseLog(options: CasesOptions): VerifyReport {
  return withStore(options, (store) => store.verify(), 'read');
}

export interface PurgeOptions extends CasesOptions {
  closedBefore?: string | undefined;
  retention: boolean;
  /** YYYY-MM-DD */
  today: string;
  yes: boolean;
}

export interface PurgeResult {
  rule: PurgeRule;
  /** Local dates the rule stands for: closed before `caseFile` (2-year term) and `absence` (5-year term), or `closedBefore`. */
  cutoffs: { closedBefore: string } | { caseFile: string; absence: string };
  candidates: PurgeCandidate[];
  /** null: nothing deleted (no --yes, or nothing to delete). */
  record: PurgeRecord | null;
}

/** Local midnight of a YYYY-MM-DD day, as the ISO instant stored times compare with. */
const startOfDay = (ymd: string): string => {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y!, m! - 1, d!).toISOString();
};
const yearsBefore = (ymd: string, years: number): string => {
  const [y, m, d] = ymd.split('-').map(Number);
  const date = new Date(Date.UTC(y! - years, m! - 1, d!)); // 29 February → 1 March
  return date.toISOString().slice(0, 10);
};

export function purgeClosedCases(options: PurgeOptions): PurgeResult {
  if ((options.closedBefore === undefined) === !options.retention) throw new CaseLogProblem({ kind: 'purge-needs-rule' });
  let rule: PurgeRule;
  let cutoffs: PurgeResult['cutoffs'];
  if (options.closedBefore !== undefined) {
    const day = normalizeDate(options.closedBefore);
    if (!day) throw new CaseLogProblem({ kind: 'not-a-date', flag: '--closed-before' });
    if (day > options.today) throw new CaseLogProblem({ kind: 'purge-date-in-future' });
    rule = { closedBefore: startOfDay(day) };
    cutoffs = { closedBefore: day };
  } else {
    const caseFile = yearsBefore(options.today, RETENTION_YEARS.caseFile);
    const absence = yearsBefore(options.today, RETENTION_YEARS.absenceData);
    rule = { retention: { caseFileBefore: startOfDay(caseFile), absenceBefore: startOfDay(absence) } };
    cutoffs = { caseFile, absence };
  }
  return withStore(
    options,
    (store) => {
      // A purge removes evidence: it runs only on a log that verifies (and the summaries it chooses by are then the events' own).
      const report = store.verify();
      if (!report.intact) throw new CaseLogProblem({ kind: 'tampered', findings: report.findings }, EXIT.tampered);
      const candidates = store.guard(() => purgeCandidates(store.db, rule));
      const record = options.yes && candidates.length > 0 ? store.purge(candidates.map((c) => c.caseId), rule) : null;
      // Nothing (more) to remove: --yes still rebuilds the file, e.g. after a purge that could not.
      if (options.yes && candidates.length === 0) store.guard(() => compactFile(store.db));
      return { rule, cutoffs, candidates, record };
    },
    'existing', // a log that does not exist has nothing to purge: it is not created
  );
}

export async function backupCases(options: CasesOptions & { file: string; force: boolean }): Promise<BackupResult> {
  const target = resolve(options.file);
  const log = existsSync(options.db.path) ? realpathSync(options.db.path) : resolve(options.db.path);
  if (target === log || (existsSync(target) && realpathSync(target) === log)) throw new CaseLogProblem({ kind: 'backup-is-the-log' });
  let done: Promise<BackupResult> | undefined;
  withStore(
    options,
    (store) => {
      done = backupCaseLog(store.db, target, options.force).finally(() => store.close());
    },
    'read',
    true,
  );
  try {
    return await done!;
  } catch (error) {
    if (error instanceof BackupRefused) {
      const p = error.backup;
      if (p.kind === 'exists') throw new CaseLogProblem({ kind: 'backup-exists', file: options.file });
      if (p.kind === 'not-a-backup') throw new CaseLogProblem({ kind: 'backup-not-ours', file: options.file });
      throw new CaseLogProblem({ kind: 'backup-unverified', findings: p.report.findings });
    }
    const code = (error as NodeJS.ErrnoException).code;
    // A full disk (ENOSPC, or SQLite's SQLITE_FULL from the backup steps) is exit 74, as documented.
    if (isDeviceFailure(code)) throw new ProblemError({ kind: 'output-failed', target: options.file, code: code! });
    if (code !== undefined && /^E[A-Z]+$/.test(code)) throw new CaseLogProblem({ kind: 'backup-failed', file: options.file, code });
    throw error;
  }
}
