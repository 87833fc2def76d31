// route - reads stdin as a stream to its end, whatever its size or pace (issue 17, item 1); with
// --keep-going a bad situation of several is an error record and the rest is decided (exit 4).
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-stdin-'));
const situation = (i: number): string => JSON.stringify({ studentRef: `L${i}`, referenceDate: '2026-11-27', birthDate: '2012-03-01', unexcusedHours4w: i % 20 });
const many = join(tmp, 'many.ndjson');
writeFileSync(many, `${Array.from({ length: 1000 }, (_, i) => situation(i + 1)).join('\n')}\n`); // ~100 KiB: more than a pipe holds
const one = join(tmp, 'one.json');
writeFileSync(one, situation(1));

/** A shell pipeline into the built binary, as a user types it. */
async function pipeline(producer: string, args: string[]) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const r = await execa('sh', ['-c', `${producer} | ${quoted}`], { reject: false, env: { NO_COLOR: '1', LANG: 'nl_NL.UTF-8', LC_ALL: '' } });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

// A synchronous read of a pipe fails or not depending on the moment the data comes, so each is tried
// a few times, with `-` and with no file (stdin implied).
const TRIES = 4;

describe('route - reads all of stdin', () => {
  it('more than 64 KiB through a pipe', async () => {
    for (let i = 0; i < TRIES; i++) {
      const r = await pipeline(`cat '${many}'`, ['route', ...(i % 2 === 0 ? ['-'] : []), '--json']);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1000);
    }
  });

  it('from a slow producer', async () => {
    for (let i = 0; i < TRIES; i++) {
      const r = await pipeline(`(sleep 0.2; cat '${one}')`, ['route', ...(i % 2 === 0 ? ['-'] : []), '--json']);
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      expect(JSON.parse(r.stdout).studentRef).toBe('L1');
    }
  });
});

describe('route --keep-going', () => {
  const input = [situation(1), 'studentRef: L2', JSON.stringify({ studentRef: 'L3', birthDate: '2012-02-31' }), situation(4)].join('\n');

  it('without it, one bad line stops the whole stream: exit 2, nothing on stdout', async () => {
    const r = await runCli(['route', '-', '--json'], { input });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('--json: a bad line is an error record in its place, the rest is decided, exit 4', async () => {
    const r = await runCli(['route', '-', '--json', '--keep-going'], { input });
    expect(r.exitCode).toBe(4);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((x) => x.studentRef)).toEqual(['L1', undefined, 'L3', 'L4']);
    expect(records[1]).toEqual({ line: 2, error: { field: '', code: 'invalid-json', message: expect.stringContaining('regel 2') } });
    expect(records[2]).toMatchObject({ line: 3, studentRef: 'L3', error: { field: 'birthDate', code: 'not-a-calendar-date' } });
    expect(records[3].escalations).toBeDefined();
  });

  it('for people: the decisions on stdout, each bad line named on stderr; --exit-code 3 wins over 4', async () => {
    const r = await runCli(['route', '-', '--keep-going'], { input });
    expect(r.exitCode).toBe(4);
    expect(r.stdout).toContain('L4');
    expect(r.stderr).toMatch(/stdin, regel 2/);
    expect(r.stderr).toMatch(/stdin, regel 3: birthDate/);
    expect((await runCli(['route', '-', '--json', '--keep-going', '--exit-code'], { input: [input, situation(17)].join('\n') })).exitCode).toBe(3);
  });
});
