// Writes a file only its owner may read (0600): a dossier holds a student's case. Written beside
// the target as a part file and renamed, so a failed write leaves no half file; an existing file
// is replaced and ends up 0600 as well. Errors are Node's own (the CLI words them).
import { chmodSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writePrivateFile(path: string, text: string): void {
  const part = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  try {
    writeFileSync(part, text, { mode: 0o600, flag: 'wx' });
    chmodSync(part, 0o600); // the mode given to writeFileSync is reduced by the umask; this is not
    renameSync(part, path);
  } catch (error) {
    rmSync(part, { force: true });
    throw error;
  }
}
