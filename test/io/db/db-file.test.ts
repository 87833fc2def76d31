// The case log file and its companions as SQLite would find them: a symbolic link planted as
// cases.db, cases.db-wal or cases.db-shm is refused (and the file it points at never changes mode);
// the folder of a database the user named must exist, only the default folder is created.
import { chmodSync, existsSync, mkdtempSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../src/core/output-problems.js';
import { openCaseStore } from '../../../src/io/db/case-store.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'zorgroute-dbfile-'));
const mode = (path: string): number => statSync(path).mode & 0o777;

function problemOf(fn: () => unknown): ProblemError['output'] | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error.output;
    throw error;
  }
  return undefined;
}

/** A case log with a file in it, closed (so that its -wal and -shm are gone). */
function existingLog(): string {
  const path = join(tmp(), 'cases.db');
  openCaseStore(path).close();
  return path;
}

describe('the case log file', () => {
  it('refuses a symlinked -wal or -shm and leaves the file it points at alone (no chmod through the link)', () => {
    for (const companion of ['-wal', '-shm']) {
      const path = existingLog();
      const victim = join(tmp(), 'victim.txt');
      writeFileSync(victim, 'someone else’s file\n');
      chmodSync(victim, 0o644);
      symlinkSync(victim, `${path}${companion}`);
      expect(problemOf(() => openCaseStore(path))).toEqual({ kind: 'db-symlink', path: `${path}${companion}` });
      expect(mode(victim)).toBe(0o644);
      // also when the database itself is still to be created
      unlinkSync(path);
      expect(problemOf(() => openCaseStore(path))).toEqual({ kind: 'db-symlink', path: `${path}${companion}` });
      expect(existsSync(path)).toBe(false);
    }
  });

  it('refuses a symlinked database file, also one pointing at a real case log', () => {
    const real = existingLog();
    chmodSync(real, 0o644);
    const link = join(tmp(), 'cases.db');
    symlinkSync(real, link);
    expect(problemOf(() => openCaseStore(link))).toEqual({ kind: 'db-symlink', path: link });
    expect(mode(real)).toBe(0o644);
    const dangling = join(tmp(), 'cases.db');
    symlinkSync(join(tmp(), 'nowhere.db'), dangling);
    expect(problemOf(() => openCaseStore(dangling))).toEqual({ kind: 'db-symlink', path: dangling });
  });

  it('still tightens its own -wal and -shm when they are real files', () => {
    const path = existingLog();
    writeFileSync(`${path}-wal`, '');
    chmodSync(`${path}-wal`, 0o644);
    openCaseStore(path).close();
    expect(existsSync(`${path}-wal`) ? mode(`${path}-wal`) : 0o600).toBe(0o600);
  });

  it('creates a missing folder only for the default location', () => {
    const base = tmp();
    const given = join(base, 'no', 'such', 'dir', 'x.db');
    expect(problemOf(() => openCaseStore(given))).toEqual({ kind: 'db-folder-missing', path: given, folder: join(base, 'no', 'such', 'dir') });
    expect(existsSync(join(base, 'no'))).toBe(false);
    const own = join(base, 'data', 'zorgroute', 'cases.db');
    openCaseStore(own, { ownFolder: true }).close();
    expect(mode(join(base, 'data', 'zorgroute'))).toBe(0o700);
  });
});
