// `zorgroute cases backup FILE`: SQLite's online backup (better-sqlite3's db.backup()), which copies
// a consistent snapshot page by page while other processes go on writing (it starts over when
// another connection writes in between). Written to a new 0600 file beside FILE, checked (its hash
// chain verified), and only then moved into place: FILE is either the whole, verified backup or
// untouched. An existing FILE is refused, unless `force` and it is itself a zorgroute case
// database (an older backup): never any other file.
import { chmodSync, closeSync, existsSync, linkSync, lstatSync, openSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../core/errors.js';
import { FILE_MODE, readHeaderVerdict } from './db-file.js';
import { OutcomeTable } from './decision-outcomes.js';
import { verifyChain, type VerifyReport } from './chain/verify-chain.js';

export interface BackupResult {
  file: string;
  bytes: number;
  report: VerifyReport;
}

export type BackupProblem = { kind: 'exists'; file: string } | { kind: 'not-a-backup'; file: string } | { kind: 'unverified'; report: VerifyReport };

export class BackupRefused extends UserError {
  constructor(readonly backup: BackupProblem) {
    super(`backup refused: ${backup.kind}`);
  }
}

export async function backupCaseLog(source: Database.Database, file: string, force: boolean): Promise<BackupResult> {
  if (existsSync(file) || isDanglingLink(file)) {
    let ours = false;
    try {
      ours = lstatSync(file).isFile() && readHeaderVerdict(file) === 'ours';
    } catch {
      ours = false;
    }
    if (!force) throw new BackupRefused({ kind: 'exists', file });
    if (!ours) throw new BackupRefused({ kind: 'not-a-backup', file });
  }
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  closeSync(openSync(temp, 'wx', FILE_MODE));
  try {
    if (process.platform !== 'win32') chmodSync(temp, FILE_MODE); // whatever the umask
    await source.backup(temp);
    const copy = new Database(temp, { readonly: true, fileMustExist: true });
    let report: VerifyReport;
    try {
      report = verifyChain(copy, new OutcomeTable(copy));
    } finally {
      copy.close();
    }
    if (!report.intact) throw new BackupRefused({ kind: 'unverified', report });
    const bytes = lstatSync(temp).size;
    if (force) renameSync(temp, file);
    else {
      linkSync(temp, file); // fails if FILE appeared meanwhile: never overwrites
      unlinkSync(temp);
    }
    return { file, bytes, report };
  } finally {
    for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`, `${temp}-journal`]) if (existsSync(leftover)) unlinkSync(leftover);
  }
}

function isDanglingLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
