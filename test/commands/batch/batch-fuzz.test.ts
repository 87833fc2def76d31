// Fuzzing the batch pipeline in-process (the same runBatch() the CLI calls): mutated exports and
// random bytes must end as the CLI would end them with exit 0, 2, 3 or 4 — a UserError (2) or a
// result — never another error (a bug, exit 1); every row is accounted for; and nothing printed
// (records, warnings, messages) holds a BSN. test/e2e/fuzz.test.ts runs a few through the binary.
import fc from 'fast-check';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { batchExitCode, runBatch } from '../../../src/commands/batch/run.js';
import type { BatchWarning } from '../../../src/commands/batch/types.js';
import { UserError } from '../../../src/core/errors.js';
import { PrivacyError } from '../../../src/core/privacy-error.js';
import { messagesFor } from '../../../src/ui/messages/messages.js';
import { rowProblemDescriber } from '../../../src/ui/messages/errors/catalogue.js';
import { formatUserError } from '../../../src/ui/print/decision.js';
import { makeStyle } from '../../../src/ui/style.js';
import { formatBatchSummary, formatBatchWarning } from '../../../src/ui/print/batch.js';
import { anyExport, FUZZ_SEED, hasBsn } from '../../fuzz-inputs.js';

const style = makeStyle(messagesFor('en'), false);

interface Outcome {
  exitCode: number;
  stdout: string;
  stderr: string;
  rows?: number;
  valid?: number;
  invalid?: number;
}

async function batchOf(bytes: Buffer, format: 'ndjson' | 'csv'): Promise<Outcome> {
  const chunks: Buffer[] = [];
  const stdout = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const warnings: BatchWarning[] = [];
  try {
    const result = await runBatch(
      { input: '-', lang: 'en', today: '2026-02-02', format, onlyAction: false, listLimit: 10, chunkRows: 7 },
      { stdin: Readable.from([bytes]), stdout, onWarning: (w) => warnings.push(w), describeRowProblem: rowProblemDescriber('en') },
    );
    const stderr = [...warnings.map((w) => formatBatchWarning(style, w)), formatBatchSummary(style, result)].join('\n');
    return { exitCode: batchExitCode(result, true), stdout: Buffer.concat(chunks).toString('utf8'), stderr, rows: result.rows, valid: result.valid, invalid: result.invalid };
  } catch (error) {
    // What the CLI's one catch does: a UserError is exit 2 with its words; anything else is a bug.
    if (!(error instanceof UserError)) throw error;
    const wording = { lang: 'en', cmd: 'zorgroute' } as const;
    const refusal = error instanceof PrivacyError ? style.msgs.privacy.refusal(error.refusal) : undefined;
    const shown = refusal ? new UserError(refusal.message, { hint: refusal.hint, details: error.details }) : error;
    return { exitCode: error.exitCode, stdout: Buffer.concat(chunks).toString('utf8'), stderr: formatUserError(style, wording, shown) };
  }
}

function check(o: Outcome, format: 'ndjson' | 'csv'): void {
  expect([0, 2, 3, 4]).toContain(o.exitCode);
  expect(hasBsn(o.stdout), o.stdout).toBe(false);
  expect(hasBsn(o.stderr), o.stderr).toBe(false);
  if (o.rows === undefined) {
    expect(o.exitCode).toBe(2);
    expect(o.stdout).toBe('');
    return;
  }
  expect(o.valid! + o.invalid!).toBe(o.rows);
  const records = o.stdout.split(format === 'csv' ? '\r\n' : '\n').filter((l) => l !== '');
  if (format === 'ndjson') {
    // One record per row, in file order.
    expect(records).toHaveLength(o.rows);
    const lines = records.map((r) => (JSON.parse(r) as { line: number }).line);
    for (let i = 1; i < lines.length; i++) expect(lines[i]!).toBeGreaterThan(lines[i - 1]!);
  }
}

describe('batch on damaged and random exports (fast-check, seeded)', () => {
  it('ends with 0, 2, 3 or 4, accounts for every row, never prints a BSN (NDJSON)', async () => {
    await fc.assert(
      fc.asyncProperty(anyExport, async (bytes) => {
        check(await batchOf(bytes, 'ndjson'), 'ndjson');
      }),
      { seed: FUZZ_SEED, numRuns: 300 },
    );
  });

  it('the same for the CSV records meant for Excel', async () => {
    await fc.assert(
      fc.asyncProperty(anyExport, async (bytes) => {
        check(await batchOf(bytes, 'csv'), 'csv');
      }),
      { seed: FUZZ_SEED + 1, numRuns: 100 },
    );
  });
});
