// Opens the export to read: a file (its size feeds the progress bar) or stdin (`-`).
import { open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { UserError } from '../../core/errors.js';
import { shownLabel } from '../../core/privacy.js';
import { problem } from '../../core/problems.js';

export interface CsvInput {
  /** Chunks of the file; each may be overwritten by the next (copy what you keep). */
  source: AsyncIterable<Buffer>;
  label: string;
  /** null for stdin. */
  totalBytes: number | null;
}

/** The unit the reader sees (encoding detection looks at one chunk at a time, so it stays the same). */
const CHUNK = 64 * 1024;
/** Read this much per system call, and hand it on in CHUNK-sized views. */
const READ_BYTES = 16 * CHUNK;

/**
 * The file's bytes, read into one buffer over and over: each chunk is a view that is only valid
 * until the next one is asked for (CsvReader copies what it keeps). A fresh buffer per read would
 * be garbage that outlives young-generation GC and pushes the peak memory of a big file up.
 */
async function* fileChunks(handle: FileHandle): AsyncGenerator<Buffer> {
  const buf = Buffer.allocUnsafeSlow(READ_BYTES);
  try {
    for (;;) {
      // A regular file fills the buffer up to its end, so the chunks start at multiples of CHUNK.
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
      for (let at = 0; at < bytesRead; at += CHUNK) yield buf.subarray(at, Math.min(at + CHUNK, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

export async function openCsvInput(path: string, stdin: Readable): Promise<CsvInput> {
  if (path === '-') return { source: stdin, label: 'stdin', totalBytes: null };
  const label = shownLabel(path); // a file named after a student does not put a BSN on the screen
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new UserError(problem('cannot-read', { file: path, errno: (error as NodeJS.ErrnoException).code }), { hint: problem('hint-csv-path') });
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new UserError(problem('not-a-file', { file: path }), { hint: problem('hint-csv-path') });
  }
  return { source: fileChunks(handle), label, totalBytes: stat.size };
}
