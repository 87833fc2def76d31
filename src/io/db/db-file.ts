// The case log file before and as SQLite opens it: folder 0700, file 0600 (it holds student data),
// a look at the 100-byte SQLite header so that a file that is not ours, or is newer than this
// version, is refused before anything could be written to it, and SQLite's errors on opening told
// as the user problems they are.
import { closeSync, constants, existsSync, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UserError } from '../../core/errors.js';
import { problem, type ProblemParams } from '../../core/problems.js';
import { isDeviceFailure, ProblemError } from '../../core/output-problems.js';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, schemaVersion } from './schema/migrations.js';
import type { DbLocation } from './db-path.js';

export const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export function notOurs(path: string, why: ProblemParams['not-a-case-db']['why']): UserError {
  return new UserError(problem('not-a-case-db', { file: path, why }), { hint: problem('hint-db-untouched') });
}

export function newerSchema(path: string, version: number): UserError {
  return new UserError(problem('db-newer-schema', { file: path, version, latest: LATEST_SCHEMA_VERSION }), { hint: problem('hint-db-newer') });
}

/** 'ours' | 'unmarked' (SQLite without an application id: ours only if it turns out empty) | 'empty'. */
export type HeaderVerdict = 'ours' | 'unmarked' | 'empty';

export function readHeaderVerdict(path: string): HeaderVerdict {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (length === 0) return 'empty';
  if (length < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) throw notOurs(path, 'not-sqlite');
  const applicationId = header.readUInt32BE(68);
  const version = header.readUInt32BE(60);
  if (applicationId === 0) return 'unmarked';
  if (applicationId !== APPLICATION_ID) throw notOurs(path, 'other-program');
  if (version > LATEST_SCHEMA_VERSION) throw newerSchema(path, version);
  return 'ours';
}

/** lstat, or undefined when there is nothing at `path`. */
function lstatOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Narrows the mode of `path` to `mode` without following a symbolic link: opened with O_NOFOLLOW
 * and changed through the descriptor, so a link planted in a shared folder (cases.db-wal → a
 * victim's file) can never make zorgroute change another file.
 */
function tighten(path: string, mode: number): void {
  if (process.platform === 'win32') return; // NTFS permissions are not mode bits; the profile folder is private
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    if ((fstatSync(fd).mode & 0o777 & ~mode) !== 0) fchmodSync(fd, mode);
  } catch {
    // a link (refused before), or not ours to change (another owner): leave it as it is
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The database, its -wal and its -shm must be files of their own: SQLite would follow a link. */
function refuseLinks(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (lstatOf(file)?.isSymbolicLink()) throw new ProblemError({ kind: 'db-symlink', path: file });
  }
}

function fsProblem(path: string, error: unknown): UserError {
  return new UserError(problem('db-cannot-open', { file: path, errno: (error as NodeJS.ErrnoException).code }), { hint: problem('hint-db-folder') });
}

/**
 * Makes sure `path` is a file zorgroute may open: refuses a symbolic link as the file, its -wal or
 * its -shm; creates the file (0600) when missing, and the folder (0700) only when it is zorgroute's
 * own default one; refuses anything that is not ours, and tightens the modes of our own file (and
 * its -wal and -shm companions) when they are wider. `ownFolder`: the folder is zorgroute's own
 * (the default location), so it is created or tightened; a folder named with --db or ZORGROUTE_DB
 * must exist and is left as it is.
 */
export function prepareDbFile(path: string, ownFolder: boolean): HeaderVerdict | 'created' {
  const folder = dirname(path);
  let verdict: HeaderVerdict | 'created';
  refuseLinks(path);
  verifyOwnFiles(path, false); // whose it is, before reading a byte of it
  try {
    const folderStat = lstatOf(folder);
    if (!folderStat) {
      // Only zorgroute's own default folder is made; a folder the user named must exist (a typo
      // in --db must not silently make a tree of folders with student data in it).
      if (!ownFolder) throw new ProblemError({ kind: 'db-folder-missing', path, folder });
      mkdirSync(folder, { recursive: true, mode: FOLDER_MODE });
    } else if (ownFolder && folderStat.isDirectory()) tighten(folder, FOLDER_MODE);
    if (existsSync(path)) {
      if (!statSync(path).isFile()) throw notOurs(path, 'not-a-file');
      verdict = readHeaderVerdict(path);
    } else {
      try {
        closeSync(openSync(path, 'wx', FILE_MODE));
        verdict = 'created';
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        verdict = readHeaderVerdict(path); // another process created it a moment ago
      }
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fsProblem(path, error);
  }
  verifyOwnFiles(path, true);
  return verdict;
}

/** The name of the user with `uid` (from /etc/passwd), or undefined. */
function userName(uid: number): string | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.split(':')[2] === String(uid));
    return line?.split(':')[0];
  } catch {
    return undefined;
  }
}

/**
 * As ssh does for a private key: the log, its -wal and its -shm must belong to the user running
 * zorgroute, and nobody else may read them. A file another user made beforehand (`: > /shared/x.db`
 * with umask 000) would otherwise be filled with student numbers that user can read. Our own file
 * with wider modes is narrowed to 0600 (opened with O_NOFOLLOW, changed through the descriptor);
 * one that cannot be narrowed, or that is another user's, is refused before SQLite opens it.
 */
function verifyOwnFiles(path: string, narrow: boolean): void {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return; // NTFS permissions are not mode bits
  const me = process.getuid();
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    let fd: number;
    try {
      fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') throw new ProblemError({ kind: 'db-symlink', path: file });
      if (code === 'ENOENT') continue;
      if (code === 'EACCES') throw new ProblemError({ kind: 'db-foreign-owner', path: file, owner: ownerOf(file), user: userName(me) ?? String(me) });
      throw fsProblem(file, error);
    }
    try {
      const stat = fstatSync(fd);
      if (stat.uid !== me) throw new ProblemError({ kind: 'db-foreign-owner', path: file, owner: userName(stat.uid) ?? String(stat.uid), user: userName(me) ?? String(me) });
      if (narrow && (stat.mode & 0o077) !== 0) {
        try {
          fchmodSync(fd, FILE_MODE);
        } catch {
          // checked below
        }
        if ((fstatSync(fd).mode & 0o077) !== 0) throw new ProblemError({ kind: 'db-mode-open', path: file, mode: (stat.mode & 0o777).toString(8).padStart(4, '0') });
      }
    } finally {
      closeSync(fd);
    }
  }
}

function ownerOf(file: string): string {
  const uid = lstatOf(file)?.uid;
  return uid === undefined ? '?' : (userName(uid) ?? String(uid));
}

/**
 * For a command that only reads the log (list, show, due, verify, export, backup): the file must
 * be there, hold something and be a zorgroute log — a typo in ZORGROUTE_DB must not read as "nothing
 * due" for ever — and nothing is created or changed. The message names the path and how it was
 * chosen (--db, ZORGROUTE_DB, the default place).
 */
export function checkDbForReading(db: DbLocation): void {
  const path = db.path;
  refuseLinks(path);
  const stat = lstatOf(path);
  if (!stat) throw new ProblemError({ kind: 'db-missing', path, origin: db.origin });
  if (!stat.isFile()) throw notOurs(path, 'not-a-file');
  if (stat.size === 0) throw new ProblemError({ kind: 'db-empty', path, origin: db.origin });
  verifyOwnFiles(path, false);
  let verdict: HeaderVerdict;
  try {
    verdict = readHeaderVerdict(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw fsProblem(path, error);
  }
  if (verdict !== 'ours') throw new ProblemError({ kind: 'db-not-a-log', path, origin: db.origin });
  verifyOwnFiles(path, true);
}

/** A SQLite error while opening or writing, as the user's problem it is (locked, not a database, …). */
export function lockedOrBroken(error: unknown, path: string): never {
  if (error instanceof Database.SqliteError) {
    const code = error.code;
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new UserError(problem('db-locked', { file: path }), { hint: problem('hint-db-locked') });
    }
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) throw notOurs(path, 'unreadable');
    if (isDeviceFailure(code)) throw new ProblemError({ kind: 'db-write-failed', path, code });
    if (/^SQLITE_(CANTOPEN|PERM|READONLY|IOERR|FULL|AUTH)/.test(code)) {
      throw new UserError(problem('db-cannot-use', { file: path, errno: code }), { hint: problem('hint-db-permissions') });
    }
  }
  throw error;
}

/** Refuses (before any write) a database that is another program's, or newer than this version. */
export function verifyIdentity(db: Database.Database, path: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = schemaVersion(db);
  if (applicationId === 0) {
    const objects = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    if (objects.n > 0) throw notOurs(path, 'other-programs-db');
  } else if (applicationId !== APPLICATION_ID) throw notOurs(path, 'other-program');
  if (version > LATEST_SCHEMA_VERSION) throw newerSchema(path, version);
}
