// Where batch records go: stdout, or a file written under a temporary name and renamed when the run
// is complete — so an interrupted run never leaves a half file that looks like a whole one.
// Writes wait for the stream to drain, so a slow disk or pipe slows the reading, not memory.
import { once } from 'node:events';
import { createWriteStream, openSync, renameSync, unlinkSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { problem } from '../core/problems.js';

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

export function stdoutSink(stdout: Writable): RecordSink {
  return {
    write: (bytes) => writeTo(stdout, bytes, () => undefined),
    finish: async () => undefined,
    abort: () => undefined,
  };
}

export function fileSink(path: string): RecordSink {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.part`);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (error) {
    throw new UserError(problem('cannot-write', { file: path, errno: (error as NodeJS.ErrnoException).code }), { hint: problem('hint-out-folder') });
  }
  partialFiles.add(temp);
  const stream: WriteStream = createWriteStream('', { fd, autoClose: true });
  let failed: Error | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    failed ??= new UserError(problem('cannot-write', { file: path, errno: error.code }), { hint: problem('hint-check-write') });
  });
  const abort = (): void => {
    stream.destroy();
    try {
      unlinkSync(temp);
    } catch {
      // never created or already removed
    }
    partialFiles.delete(temp);
  };
  return {
    write: (bytes) => writeTo(stream, bytes, () => failed),
    finish: async () => {
      stream.end();
      await Promise.race([once(stream, 'close'), once(stream, 'error')]);
      if (failed) {
        abort();
        throw failed;
      }
      renameSync(temp, path);
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
