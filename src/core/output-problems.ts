// Problems of the output and of a few files, as kinds with parameters: ui/messages/problems.ts words
// them in Dutch and English. A ProblemError carries one to the single top-level catch in cli.ts.
// Made beside the catalogue of core/problems.ts; to be folded into it: see its header.
import { EXIT, UserError, type ExitCode } from './errors.js';

export type Problem =
  /** `--out` names a folder. */
  | { kind: 'out-is-directory'; path: string }
  /** `--out` cannot be opened or written (a folder that does not exist, no permission). */
  | { kind: 'out-not-writable'; path: string; code: string }
  /** `--out` is one of the input files (also through a symbolic or a hard link). */
  | { kind: 'out-is-input'; path: string; input: string }
  /** `--out` is a symbolic link to a file that does not exist. */
  | { kind: 'out-dangling-link'; path: string; target: string }
  /** The case log cannot be written: the disk is full, an I/O error (exit 74); nothing half-committed. */
  | { kind: 'db-write-failed'; path: string; code: string }
  /** Writing the output failed part-way: disk full, an I/O error (exit 74). */
  | { kind: 'output-failed'; target: string; code: string }
  /** `--format` and the extension of `--out` disagree. */
  | { kind: 'format-extension-mismatch'; format: string; path: string; extension: string }
  /** The file is a spreadsheet, a PDF or an archive, not CSV text. */
  | { kind: 'not-csv'; label: string; found: 'xlsx' | 'xls' | 'pdf' | 'zip' | 'utf16' }
  /** A database file, or its -wal/-shm companion, is a symbolic link. */
  | { kind: 'db-symlink'; path: string }
  /** The folder of a database given with --db or ZORGROUTE_DB does not exist. */
  | { kind: 'db-folder-missing'; path: string; folder: string }
  /** A command that only reads was given a log that is not there, is empty, or is not a zorgroute log. */
  | { kind: 'db-missing'; path: string; origin: DbOrigin }
  | { kind: 'db-empty'; path: string; origin: DbOrigin }
  | { kind: 'db-not-a-log'; path: string; origin: DbOrigin }
  /** The log (or its -wal/-shm) belongs to another user: refused, as ssh refuses such a key. */
  | { kind: 'db-foreign-owner'; path: string; owner: string; user: string }
  /** The log's group or other permission bits are set and cannot be cleared. */
  | { kind: 'db-mode-open'; path: string; mode: string };

/** How the case log's path was chosen: --db, ZORGROUTE_DB, or the default place. */
export type DbOrigin = 'flag' | 'env' | 'default';

export type ProblemKind = Problem['kind'];

/** The exit code of each kind: 2 (bad input or usage) unless it says otherwise. */
const EXIT_CODES: Partial<Record<ProblemKind, ExitCode>> = { 'output-failed': EXIT.outputFailed, 'db-write-failed': EXIT.outputFailed };

/**
 * Whether a failed write is the device's (exit 74: full, over quota, an I/O error) rather than the
 * user's (a folder that does not exist, no permission: exit 2). Node's errno codes and SQLite's.
 */
export function isDeviceFailure(code: string | undefined): boolean {
  return code !== undefined && /^(ENOSPC|EDQUOT|EFBIG|EIO|SQLITE_FULL|SQLITE_IOERR)/.test(code);
}

export class ProblemError extends UserError {
  constructor(readonly output: Problem) {
    super(output.kind, { exitCode: EXIT_CODES[output.kind] ?? EXIT.usage });
    this.name = 'ProblemError';
  }
}

/** The reader of our output has gone (`| head -1` closed the pipe): stop quietly, nothing is wrong. */
export class OutputClosedError extends Error {
  constructor() {
    super('the reader of the output has gone (EPIPE)');
    this.name = 'OutputClosedError';
  }
}

/** A failed write to `target` as what it means: the reader gone (EPIPE), or a ProblemError (disk full, …). */
export function outputFailure(error: unknown, target: string): Error {
  if (error instanceof ProblemError || error instanceof OutputClosedError) return error;
  const code = (error as { code?: string }).code ?? 'EIO';
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return new OutputClosedError();
  return new ProblemError({ kind: 'output-failed', target, code });
}
