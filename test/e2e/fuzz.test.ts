// A few fuzzed inputs through the built binary (fast-check, seeded; the many go in-process in
// test/commands/batch/batch-fuzz.test.ts and test/core/routing/situation-fuzz.test.ts): whatever
// the bytes, exit 0, 2, 3 or 4 — never 1, never a stack trace — every row accounted for, no BSN
// on stdout or stderr; with --log on one thread or two, and with the case log written; and the
// registrations path (issue 19).
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anyExport, FUZZ_SEED, fuzzRegistrations, hasBsn, hasControl } from '../fuzz-inputs.js';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-fuzz-'));
let n = 0;
const EN = { LANG: 'en_GB.UTF-8' };
const NO_CRASH = /internal error|\n\s+at |Error:/;

describe('fuzzed input through the binary (fast-check, seeded)', () => {
  it('batch: exit in {0, 2, 3, 4}, no stack trace, every row accounted for, no BSN printed', async () => {
    await fc.assert(
      fc.asyncProperty(anyExport, fc.constantFrom('1', '2'), async (bytes, threads) => {
        const file = join(tmp, `f${++n}.csv`);
        writeFileSync(file, bytes);
        const r = await runCli(['batch', file, '--format', 'ndjson', '--exit-code', '--log', '--db', join(tmp, `f${n}.db`), '--threads', threads, '--reference-date', '02-02-2026'], {
          env: { ...EN, ZORGROUTE_BATCH_PIECE_BYTES: '97' },
        });
        expect([0, 2, 3, 4], r.stderr).toContain(r.exitCode);
        expect(r.stderr).not.toMatch(NO_CRASH);
        expect(hasBsn(r.stdout + r.stderr), r.stdout + r.stderr).toBe(false);
        if (r.exitCode === 2) {
          expect(r.stdout).toBe('');
          return;
        }
        const m = /(\d+) rows: (\d+) valid, (\d+) invalid/.exec(r.stderr);
        expect(m, r.stderr).not.toBeNull();
        const [rows, valid, invalid] = [Number(m![1]), Number(m![2]), Number(m![3])];
        expect(valid + invalid).toBe(rows);
        expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(rows);
      }),
      { seed: FUZZ_SEED, numRuns: 6 },
    );
  });

  it('route --log: random situations exit 0 or 2 (3 with --exit-code), never crash, never print a BSN', async () => {
    const field = fc.constantFrom('studentRef', 'birthDate', 'unexcusedHours4w', 'unexcusedWeeks', '123456782', '2012-03-01');
    const value = fc.oneof(fc.constantFrom('123 456 782', 'BSN123456782', '\u0000L1', 'L\ud800', 'L1', 123456782, 16, -1, null, '2012-03-01'), fc.string({ unit: 'binary', maxLength: 10 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(field, value, { maxKeys: 4 }), { minLength: 1, maxLength: 3 }), async (changes) => {
        const records = changes.map((c) => JSON.stringify({ studentRef: 'L1', birthDate: '2012-03-01', referenceDate: '2026-02-02', ...c }));
        const r = await runCli(['route', '-', '--log', '--db', join(tmp, `r${++n}.db`), '--json', '--exit-code'], { input: records.join('\n'), env: EN });
        expect([0, 2, 3], r.stderr).toContain(r.exitCode);
        expect(r.stderr).not.toMatch(NO_CRASH);
        expect(hasBsn(r.stdout + r.stderr), r.stdout + r.stderr).toBe(false);
      }),
      { seed: FUZZ_SEED, numRuns: 4 },
    );
  });

  // Issue 19: the registrations path through the binary (the many run in-process in
  // test/commands/batch/registrations-fuzz.test.ts), with --log: no control character either.
  it('batch --registrations --log: exit 0, 2 or 4, no stack trace, no BSN or control character printed', async () => {
    const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
    await fc.assert(
      fc.asyncProperty(fuzzRegistrations, async (text) => {
        const file = join(tmp, `reg${++n}.csv`);
        writeFileSync(file, text);
        const r = await runCli(['batch', ex('leerlingen.csv'), '--registrations', file, '--codes', ex('codes-voorbeeldschool.csv'), '--calendar', ex('kalender-voorbeeldschool.json'), '--log', '--db', join(tmp, `reg${n}.db`)], { env: EN });
        expect([0, 2, 4], r.stderr).toContain(r.exitCode);
        expect(r.stderr).not.toMatch(NO_CRASH);
        expect(hasBsn(r.stdout + r.stderr), r.stdout + r.stderr).toBe(false);
        expect(hasControl(r.stdout + r.stderr), JSON.stringify(r.stderr)).toBe(false);
      }),
      { seed: FUZZ_SEED, numRuns: 4 },
    );
  });
});
