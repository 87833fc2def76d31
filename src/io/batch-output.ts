// Where batch records go: stdout, or a file written under a temporary name and renamed when the run
// is complete — so an interrupted run never leaves a half file that looks like a whole one (a
// device or FIFO is written directly: see outTargetOf).
// Writes wait for the stream to drain, so a slow disk or pipe slows the reading, not memory.
import { once } from 'node:events';
import { createWriteStream, fchmodSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, type Stats, type WriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { OutputClosedError, outputFailure, ProblemError } from '../core/output-problems.js';

export interface RecordSink {
  write(bytes: Buffer): Promise<void>;
  /** Ends the output; for a file, renames it into place. */
  finish(): Promise<void>;
  /** Gives up: a temporary file is removed. */
  abort(): void;
}

const partialFiles = new Set<string>();

/** Removes temporary outputs of runs still going (for Ctrl-C / SIGTERM, which skip `finally`). */
export function removePartialOutputs(): void {
  for (const path of partialFiles) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  partialFiles.clear();
}

/** Resolves when `bytes` has been handed to the system (so the buffer may be reused) and the stream has room again. */
async function writeTo(stream: Writable, bytes: Buffer, failure: () => Error | undefined): Promise<void> {
  const error = failure();
  if (error) throw error;
  await new Promise<void>((resolve, reject) => {
    stream.write(bytes, (err) => (err ? reject(failure() ?? err) : resolve()));
  });
  if (stream.writableNeedDrain) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
  const late = failure();
  if (late) throw late;
}

/**
 * Records to stdout. When the reader goes away (EPIPE), the run stops (OutputClosedError) — or,
 * with `discardWhenClosed` (batch --log, whose case log must be complete), goes on and drops them.
 */
export function stdoutSink(stdout: Writable, options: { discardWhenClosed?: boolean } = {}): RecordSink {
  let closed = false;
  return {
    write: async (bytes) => {
      if (closed) return;
      try {
        await writeTo(stdout, bytes, () => undefined);
      } catch (error) {
        const failure = outputFailure(error, 'stdout');
        if (failure instanceof OutputClosedError && options.discardWhenClosed) closed = true;
        else throw failure;
      }
    },
    finish: async () => undefined,
    abort: () => undefined,
  };
}

/**
 * How `--out` is written. A special file — a device (`/dev/null`), a FIFO, a socket, anything under
 * /dev or /proc (`/dev/stdout`) — is written directly: it must stay what it is. A regular file, or a
 * symbolic link to one, is written under a temporary name beside the real file and renamed over it
 * (the link stays a link, as with the shell's `>`), with the mode the file had; a new file is 0600.
 * A folder is refused.
 */
type OutTarget = { kind: 'direct'; path: string } | { kind: 'replace'; path: string; mode: number };

const NEW_FILE_MODE = 0o600;

function outTargetOf(path: string, inputs: readonly string[]): OutTarget {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !isSymlink(path)) return { kind: 'replace', path, mode: NEW_FILE_MODE };
    // A link to nothing: name the link and where it points, not a folder that does exist.
    if (code === 'ENOENT') throw new ProblemError({ kind: 'out-dangling-link', path, target: linkTarget(path) });
    throw new ProblemError({ kind: 'out-not-writable', path, code: code ?? 'EIO' });
  }
  if (st.isDirectory()) throw new ProblemError({ kind: 'out-is-directory', path });
  // The same file as an input — by name, through a symbolic link or as a hard link (device and
  // inode): writing would replace the export being read.
  for (const input of inputs) {
    if (input === '-') continue;
    try {
      const inStat = statSync(input);
      if (inStat.dev === st.dev && inStat.ino === st.ino) throw new ProblemError({ kind: 'out-is-input', path, input });
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      // an input that cannot be read is its reader's to report
    }
  }
  const absolute = resolve(path);
  if (!st.isFile() || /^\/(dev|proc)\//.test(absolute)) return { kind: 'direct', path };
  return { kind: 'replace', path: realpathSync(path), mode: st.mode & 0o7777 };
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function notWritable(path: string, error: unknown): ProblemError {
  return new ProblemError({ kind: 'out-not-writable', path, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
}

/** `inputs`: the files the run reads; `--out` may be none of them. */
export function fileSink(path: string, inputs: readonly string[] = []): RecordSink {
  const target = outTargetOf(path, inputs);
  const temp = target.kind === 'replace' ? join(dirname(target.path), `.${basename(target.path)}.${process.pid}.part`) : undefined;
  let fd: number;
  try {
    fd = openSync(temp ?? target.path, 'w', NEW_FILE_MODE);
  } catch (error) {
    throw notWritable(path, error);
  }
  if (temp !== undefined) {
    partialFiles.add(temp);
    try {
      // Not the umask's choice: the mode of the file it replaces, or owner-only for a new one.
      if (process.platform !== 'win32') fchmodSync(fd, (target as { mode: number }).mode);
    } catch {
      // a file system without modes (a FAT stick): nothing to keep
    }
  }
  const stream: WriteStream = createWriteStream('', { fd, autoClose: true });
  let failed: Error | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    failed ??= outputFailure(error, path);
  });
  const abort = (): void => {
    stream.destroy();
    if (temp === undefined) return;
    try {
      unlinkSync(temp);
    } catch {
      // never created or already removed
    }
    partialFiles.delete(temp);
  };
  return {
    write: async (bytes) => {
      try {
        await writeTo(stream, bytes, () => failed);
      } catch (error) {
        throw (failed ??= outputFailure(error, path));
      }
    },
    finish: async () => {
      stream.end();
      await Promise.race([once(stream, 'close'), once(stream, 'error')]);
      if (failed) {
        abort();
        throw failed;
      }
      if (temp === undefined) return;
      try {
        renameSync(temp, target.path);
      } catch (error) {
        abort();
        throw notWritable(path, error);
      }
      partialFiles.delete(temp);
    },
    abort,
  };
}

/**
 * Collects output bytes per chunk of rows. Two buffers take turns: one is being written while the
 * other fills, and a buffer is only reused after its write has completed (RecordSink.write resolves
 * then), so a million rows need two buffers, not a million small strings or a fresh buffer per chunk.
 */
export class ByteBuilder {
  private buf: Buffer;
  private spare: Buffer | undefined;
  private used = 0;

  constructor(private readonly initial = 1 << 20) {
    this.buf = Buffer.allocUnsafeSlow(initial);
  }

  get length(): number {
    return this.used;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.used + bytes));
    this.buf.copy(next, 0, 0, this.used);
    this.buf = next;
  }

  /** Any text, as UTF-8. */
  text(text: string): void {
    this.reserve(text.length * 3);
    this.used += this.buf.write(text, this.used, 'utf8');
  }

  /** A text as its UTF-8 byte length (uint32, little-endian) and its bytes. */
  field(text: string): void {
    this.reserve(4 + text.length * 3);
    const start = this.used;
    const n = this.buf.write(text, start + 4, 'utf8');
    this.buf.writeUInt32LE(n, start);
    this.used = start + 4 + n;
  }

  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.used);
    this.used += bytes.length;
  }

  /**
   * The bytes so far as a whole buffer of their own, [0, length), to transfer to another thread;
   * the builder goes on in `next` (a buffer handed back) or a new one.
   */
  handOver(next?: ArrayBuffer): { buffer: ArrayBuffer; length: number } {
    const out = { buffer: this.buf.buffer as ArrayBuffer, length: this.used };
    this.buf = next ? Buffer.from(next) : Buffer.allocUnsafeSlow(this.initial);
    this.used = 0;
    return out;
  }

  /**
   * The bytes so far. The builder goes on in its other buffer, so the caller must have finished
   * writing the previous take() before calling take() again.
   */
  take(): Buffer {
    const out = this.buf.subarray(0, this.used);
    const next = this.spare ?? Buffer.allocUnsafeSlow(this.initial);
    this.spare = this.buf;
    this.buf = next;
    this.used = 0;
    return out;
  }
}

/** A folder given where a file is meant (`--out MAP/`): ends in a slash or is an existing folder. */
export function isFolderPath(path: string): boolean {
  if (/[\\/]$/.test(path)) return true;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
