// Long output for people goes through a pager on a terminal, as git does (issue 17, item 20):
// `cases show`, the registrations summary. The pager here is a small script that records what it
// got, so the test sees what a person would page through; the pty is 80×24 as a laptop terminal.
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { plain } from './pty-driver.js';
import { runCli } from './run-cli.js';
import { runOnScreen } from './screen.js';

const SIZE = { cols: 80, rows: 24 };
const ex = (name: string): string => fileURLToPath(new URL(`../../data/examples/${name}`, import.meta.url));
const SUMMARY = ['batch', ex('leerlingen.csv'), '--registrations', ex('registraties.csv'), '--calendar', ex('kalender-voorbeeldschool.json')];

let dir: string;
let db: string;
let bigDb: string;

/** A pager that writes what it reads (and its LESS and LV) to files beside it; returns where. */
function recordingPager(name: string, body = 'cat > "$0.out"'): { command: string; got: () => string | undefined; env: () => string } {
  const script = join(dir, name);
  writeFileSync(script, `#!/bin/sh\nprintf 'LESS=%s LV=%s LESSCHARSET=%s\\n' "$LESS" "$LV" "$LESSCHARSET" > "$0.env"\n${body}\n`);
  chmodSync(script, 0o755);
  return {
    command: script,
    got: () => (existsSync(`${script}.out`) ? readFileSync(`${script}.out`, 'utf8') : undefined),
    env: () => readFileSync(`${script}.env`, 'utf8'),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zorgroute-pager-'));
  db = join(dir, 'cases.db');
  expect((await runCli([...SUMMARY, '--log', '--db', db])).exitCode).toBe(0);
  // enough cases that `cases list --all` (480 kB) is more than the pager's input holds (a socket of
  // about 200 kB): quitting early is then an EPIPE
  bigDb = join(dir, 'big.db');
  const situations = Array.from({ length: 6000 }, (_, i) => JSON.stringify({ studentRef: `L${5000 + i}`, referenceDate: '2026-11-20', birthDate: '2012-03-01', unexcusedHours4w: 16 })).join('\n');
  expect((await runCli(['route', '-', '--json', '--log', '--db', bigDb], { input: situations })).exitCode).toBe(0);
});

describe('paging long output on a terminal', () => {
  it('cases show longer than the screen goes whole through $PAGER, laid out at the terminal width, LESS=FRX', async () => {
    const pager = recordingPager('record-show');
    const { exitCode, rows } = await runOnScreen(['cases', 'show', 'L1011', '--db', db], SIZE, { PAGER: pager.command });
    expect(exitCode).toBe(0);
    const got = plain(pager.got() ?? '');
    const piped = await runCli(['cases', 'show', 'L1011', '--db', db]);
    // the whole text: its first and its last line
    expect(got.split('\n')[0]).toBe(piped.stdout.split('\n')[0]);
    expect(got.trimEnd().split('\n').at(-1)).toBe(piped.stdout.trimEnd().split('\n').at(-1));
    expect(got.split('\n').length).toBeGreaterThan(SIZE.rows);
    // fitted to the terminal: no line wider than 80 columns (the piped text has longer lines)
    expect(got.split('\n').every((line) => [...line].length <= SIZE.cols)).toBe(true);
    expect(piped.stdout.split('\n').some((line) => [...line].length > SIZE.cols)).toBe(true);
    // the pager drew it, not zorgroute: the terminal did not get the text besides
    expect(rows).not.toContain(piped.stdout.split('\n')[0]);
    expect(pager.env()).toBe('LESS=FRX LV=-c LESSCHARSET=utf-8\n');
  });

  it('keeps the LESS, LV and LESSCHARSET the user set', async () => {
    const pager = recordingPager('record-less');
    await runOnScreen(['cases', 'show', 'L1011', '--db', db], SIZE, { PAGER: pager.command, LESS: '-S', LV: '', LESSCHARSET: 'latin1' });
    expect(pager.env()).toBe('LESS=-S LV= LESSCHARSET=latin1\n');
  });

  it('ZORGROUTE_PAGER comes before PAGER; a command with shell syntax runs through sh', async () => {
    const out = join(dir, 'shell.out');
    const pager = recordingPager('not-this-one');
    const { exitCode } = await runOnScreen(['cases', 'show', 'L1011', '--db', db], SIZE, { PAGER: pager.command, ZORGROUTE_PAGER: `cat > '${out}'` });
    expect(exitCode).toBe(0);
    expect(pager.got()).toBeUndefined();
    expect(readFileSync(out, 'utf8')).toContain('L1011');
  });

  it('the registrations summary goes through the pager; the case-log message comes after it, on the terminal', async () => {
    const pager = recordingPager('record-summary');
    const { exitCode, rows } = await runOnScreen([...SUMMARY, '--log', '--db', join(dir, 'summary.db')], SIZE, { PAGER: pager.command });
    expect(exitCode).toBe(0);
    const got = plain(pager.got() ?? '');
    expect(got).toMatch(/^Registraties .*registraties\.csv/);
    expect(got).toMatch(/registraties gelezen +95/);
    expect(got.split('\n').every((line) => [...line].length <= SIZE.cols)).toBe(true);
    expect(rows).toMatch(/Casuslogboek: 14 vastgelegd/);
    expect(rows).not.toContain('registraties gelezen');
  });

  it('output that fits the screen is printed, without a pager', async () => {
    const pager = recordingPager('record-short');
    const { exitCode, rows } = await runOnScreen(['cases', 'list', '--db', db], SIZE, { PAGER: pager.command });
    expect(exitCode).toBe(0);
    expect(pager.got()).toBeUndefined();
    expect(rows).toContain('L1011');
  });

  it.each([
    ['--no-pager before the command', ['--no-pager', 'cases', 'show', 'L1011'], {}],
    ['--no-pager after it', ['cases', 'show', 'L1011', '--no-pager'], {}],
    ['PAGER=""', ['cases', 'show', 'L1011'], { PAGER: '' }],
    ['ZORGROUTE_PAGER=""', ['cases', 'show', 'L1011'], { ZORGROUTE_PAGER: '' }],
    ['ZORGROUTE_PAGER=cat', ['cases', 'show', 'L1011'], { ZORGROUTE_PAGER: 'cat' }],
  ])('%s: no pager, the text on the terminal', async (_, args, env) => {
    const pager = recordingPager(`record-none-${String(_).replace(/\W+/g, '-')}`);
    const { exitCode, rows } = await runOnScreen([...args, '--db', db], SIZE, { PAGER: pager.command, ...env });
    expect(exitCode).toBe(0);
    if (!('PAGER' in env)) expect(pager.got()).toBeUndefined();
    expect(rows).toContain('Tijdlijn');
    expect(rows).toMatch(/L1011/);
  });

  it('stdout not a terminal: never a pager', async () => {
    const pager = recordingPager('record-piped');
    const r = await runCli(['cases', 'show', 'L1011', '--db', db], { env: { PAGER: pager.command } });
    expect(r.exitCode).toBe(0);
    expect(pager.got()).toBeUndefined();
    expect(r.stdout).toContain('Tijdlijn');
  });

  it('--json on a terminal: never a pager', async () => {
    const pager = recordingPager('record-json');
    const { exitCode, rows } = await runOnScreen(['cases', 'show', 'L1011', '--json', '--db', db], SIZE, { PAGER: pager.command });
    expect(exitCode).toBe(0);
    expect(pager.got()).toBeUndefined();
    expect(rows).toContain('"studentRef"');
  });

  it.each([
    ['a pager that does not exist', '/no/such/pager'],
    ['a pager command whose program does not exist', 'no-such-pager-zorgroute -R'],
    ['through sh, a program that does not exist', 'LESS=-R no-such-pager-zorgroute'],
  ])('%s: the text is printed directly, exit 0', async (_, command) => {
    const { exitCode, rows } = await runOnScreen(['cases', 'show', 'L1011', '--db', db], SIZE, { PAGER: command });
    expect(exitCode).toBe(0);
    expect(rows).toContain('Tijdlijn');
    expect(rows).not.toMatch(/zorgroute: (fout|error)|Error|ENOENT/);
  });

  it('quitting the pager early (it reads one line of a long list) exits 0 without a stack trace', async () => {
    // as less on q: it stops reading (here it closes its input and lingers a moment, so that the write fails)
    const pager = recordingPager('record-one-line', 'read line; printf "%s\\n" "$line" > "$0.out"; exec 0<&-; sleep 1');
    const { exitCode, rows } = await runOnScreen(['cases', 'list', '--all', '--db', bigDb], SIZE, { PAGER: pager.command });
    expect(exitCode).toBe(0);
    expect(plain(pager.got() ?? '')).toMatch(/^#\s+leerling/);
    expect(rows).not.toMatch(/Error|EPIPE|    at |zorgroute: (fout|error)/);
    expect(rows).not.toContain('L5000');
    expect(rows).not.toContain('L10999');
  });
});
