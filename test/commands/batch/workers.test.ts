// How many worker threads batch starts, and its worker pool: results come back per piece; a failing
// worker fails the run cleanly (a bug as an Error, running out of memory as a UserError with a way
// out); close() stops them all.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import type { PieceSettings } from '../../../src/commands/batch/piece.js';
import { WorkerPool } from '../../../src/commands/batch/workers.js';
import { workersFor } from '../../../src/commands/batch/run.js';
import { enRejection } from '../../words.js';

const FAKE = new URL('../../fixtures/workers/fails.mjs', import.meta.url);
const task = (seq: number) => ({ seq, bytes: new ArrayBuffer(8), length: 8, lineOffset: 1, spare: [] });
const poolOf = (mode: string, count = 2) => new WorkerPool(count, { mode } as unknown as PieceSettings, FAKE);

describe('WorkerPool', () => {
  it('hands each result back to the piece it answers, spreading pieces over the threads', async () => {
    const pool = poolOf('answer');
    try {
      const results = await Promise.all([0, 1, 2, 3].map((seq) => pool.run(task(seq))));
      expect(results.map((r) => r.seq)).toEqual([0, 1, 2, 3]);
      expect(pool.queued).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('fails every piece still out when a worker throws, as a bug (not a UserError)', async () => {
    const pool = poolOf('bug');
    try {
      const results = [pool.run(task(0)), pool.run(task(1))];
      for (const r of results) await expect(r).rejects.toThrow('a batch worker thread failed: boom');
      await expect(results[0]).rejects.not.toBeInstanceOf(UserError);
      await expect(pool.run(task(2))).rejects.toThrow('a batch worker thread failed');
    } finally {
      await pool.close();
    }
  });

  it('turns a worker that ran out of memory into a UserError that suggests --threads 1', async () => {
    const pool = poolOf('oom', 1);
    try {
      const failed = pool.run(task(0));
      await expect(failed).rejects.toBeInstanceOf(UserError);
      expect(await enRejection(failed)).toContain('--threads 1');
    } finally {
      await pool.close();
    }
  });
});

describe('workersFor', () => {
  const big = { totalBytes: 50_000_000 };
  it('starts workers for a big file only, one per CPU up to 4', () => {
    expect(workersFor({}, big, 2)).toBe(2);
    expect(workersFor({}, big, 16)).toBe(4);
    expect(workersFor({}, big, 1)).toBe(0);
    expect(workersFor({}, { totalBytes: 5_000_000 }, 8)).toBe(0);
    expect(workersFor({}, { totalBytes: null }, 8)).toBe(0);
  });

  it('does as told with --threads: 1 is none, more is that many, for any input', () => {
    expect(workersFor({ threads: 1 }, big, 8)).toBe(0);
    expect(workersFor({ threads: 3 }, { totalBytes: null }, 2)).toBe(3);
  });
});
