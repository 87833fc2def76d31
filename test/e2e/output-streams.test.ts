// Where output goes when it cannot go where it was meant to: a full disk on stdout (/dev/full), a
// reader that stops early (a pipe closed: `| head -c 1`), and --out pointing at something that is
// not a plain new file (a device, a FIFO, a symbolic link, a folder, a file with its own mode).
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from './run-cli.js';

const EXAMPLE = fileURLToPath(new URL('../../data/examples/verzuimexport.csv', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-output-'));
const env = { NO_COLOR: '1', LANG: 'nl_NL.UTF-8', LC_ALL: '' };
const situation = (ref: string, hours = 16): string => JSON.stringify({ studentRef: ref, referenceDate: '2026-11-20', birthDate: '2012-03-01', unexcusedHours4w: hours });

/** Runs zorgroute with stdout on a file descriptor of ours (execa's types take no descriptor). */
function withStdoutOn(fd: number, args: string[], input = '', extra: Record<string, string> = {}): Promise<{ exitCode: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', fd, 'pipe'], env: { ...process.env, ...env, ...extra } });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? -1, stderr }));
    child.stdin!.end(input);
  });
}

/** Runs zorgroute with stdout on /dev/full. */
async function toDevFull(args: string[], input = '', extra: Record<string, string> = {}): Promise<{ exitCode: number; stderr: string }> {
  const fd = openSync('/dev/full', 'w');
  try {
    return await withStdoutOn(fd, args, input, extra);
  } finally {
    closeSync(fd);
  }
}

/** Runs zorgroute with stdout into `head -c 1`, which closes the pipe after one byte. */
async function intoHead(command: string): Promise<{ exitCode: number; stderr: string }> {
  const r = await execa('bash', ['-c', `"${process.execPath}" "${BIN}" ${command} | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`], { reject: false, env });
  return { exitCode: r.exitCode ?? -1, stderr: String(r.stderr) };
}

const bigNdjson = join(tmp, 'many.ndjson');
writeFileSync(bigNdjson, Array.from({ length: 400 }, (_, i) => situation(`L${i}`)).join('\n'));
const db = join(tmp, 'cases.db');
const bigCsv = join(tmp, 'big.csv');
writeFileSync(bigCsv, ['leerlingnummer;geboortedatum;peildatum;ongeoorloofd_verzuim_uren_4wk', ...Array.from({ length: 5000 }, (_, i) => `L${i};01-03-2012;20-11-2026;${i % 30}`)].join('\r\n'));

describe('stdout that is full or closed', () => {
  it('says the disk is full and exits 74 for every command that writes stdout, without a stack trace', async () => {
    const logged = await runCli(['route', bigNdjson, '--json', '--log', '--db', db]);
    expect(logged.exitCode).toBe(0);
    const runs: [string[], string][] = [
      [['route', '-', '--json'], situation('L1')],
      [['route', '-'], situation('L1')],
      [['batch', EXAMPLE, '--format', 'ndjson'], ''],
      [['batch', EXAMPLE, '--format', 'csv', '--threads', '2'], ''],
      [['batch', EXAMPLE], ''],
      [['cases', 'list', '--db', db], ''],
      [['cases', 'list', '--db', db, '--json'], ''],
      [['cases', 'show', '1', '--db', db], ''],
      [['cases', 'due', '--db', db, '--within', '20'], ''],
      [['cases', 'export', '--all', '--db', db], ''],
      [['intake', '--no-input', '--json', '--student', 'L9', '--birth-date', '01-03-2012', '--db', db], ''],
      [['--help'], ''],
    ];
    for (const [args, input] of runs) {
      const r = await toDevFull(args, input);
      expect([args.join(' '), r.exitCode]).toEqual([args.join(' '), 74]);
      expect(r.stderr).toContain('zorgroute: fout: schrijven naar stdout mislukt: de schijf is vol (ENOSPC)');
      expect(r.stderr).not.toMatch(/\n\s+at |internal error|interne fout/);
    }
    const en = await toDevFull(['route', '-'], situation('L1'), { LANG: 'en_US.UTF-8' });
    expect(en.exitCode).toBe(74);
    expect(en.stderr).toContain('writing to stdout failed: the disk is full (ENOSPC)');
  });

  it('ends quietly with exit 0 when the reader closes the pipe early', async () => {
    for (const command of [
      `route "${bigNdjson}" --json`,
      `route "${bigNdjson}"`,
      `batch "${bigCsv}" --format ndjson`,
      `batch "${bigCsv}" --format json --threads 2`,
      `cases list --db "${db}" --json`,
      `cases export --all --db "${db}"`,
      `cases due --db "${db}" --within 20 --json`,
    ]) {
      const r = await intoHead(command);
      expect([command, r.exitCode, r.stderr]).toEqual([command, 0, expect.not.stringMatching(/EPIPE|\n\s+at |internal error/)]);
    }
  });

  it('with batch --log, reads on to the end when the reader goes, so that the case log is complete', async () => {
    const logDb = join(mkdtempSync(join(tmp, 'log-')), 'cases.db');
    const r = await intoHead(`batch "${bigCsv}" --format ndjson --log --db "${logDb}"`);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('Casuslogboek: 2328 vastgelegd, 0 al eerder vastgelegd');
    const again = await runCli(['batch', bigCsv, '--log', '--db', logDb]);
    expect(again.stderr).toContain('Casuslogboek: 0 vastgelegd, 2328 al eerder vastgelegd');
  });
});

describe('batch --out', () => {
  const out = async (target: string, extra: string[] = []) => runCli(['batch', EXAMPLE, '--format', 'csv', '--out', target, ...extra]);

  it('writes a new file owner-only (0600) whatever the umask, and keeps the mode of a file it replaces', async () => {
    const dir = mkdtempSync(join(tmp, 'mode-'));
    const fresh = join(dir, 'new.csv');
    expect((await out(fresh)).exitCode).toBe(0);
    expect(statSync(fresh).mode & 0o777).toBe(0o600);
    const shared = join(dir, 'shared.csv');
    writeFileSync(shared, 'old\n', { mode: 0o640 });
    expect((await out(shared)).exitCode).toBe(0);
    expect(statSync(shared).mode & 0o777).toBe(0o640);
    const own = join(dir, 'own.csv');
    writeFileSync(own, 'old\n', { mode: 0o600 });
    expect((await out(own)).exitCode).toBe(0);
    expect(statSync(own).mode & 0o777).toBe(0o600);
    expect(readFileSync(own, 'utf8')).toContain('leerlingnummer;');
    expect(readdirSync(dir).sort()).toEqual(['new.csv', 'own.csv', 'shared.csv']);
  });

  it('writes a character device directly: /dev/null stays a device', async () => {
    const r = await out('/dev/null');
    expect(r.exitCode).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    const full = await out('/dev/full');
    expect(full.exitCode).toBe(74);
    expect(full.stderr).toContain('schrijven naar /dev/full mislukt: de schijf is vol (ENOSPC)');
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('writes a FIFO directly, for the process reading it', async () => {
    const dir = mkdtempSync(join(tmp, 'fifo-'));
    const fifo = join(dir, 'records.fifo');
    await execa('mkfifo', [fifo]);
    const reader = execa('cat', [fifo], { reject: false });
    const r = await runCli(['batch', EXAMPLE, '--format', 'ndjson', '--out', fifo]);
    const read = await reader;
    expect(r.exitCode).toBe(0);
    expect(String(read.stdout).split('\n')).toHaveLength(38);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['records.fifo']);
  });

  it('writes /dev/stdout to stdout, wherever that goes', async () => {
    const file = join(mkdtempSync(join(tmp, 'stdout-')), 'via-stdout.csv');
    const fd = openSync(file, 'w');
    const r = await withStdoutOn(fd, ['batch', EXAMPLE, '--format', 'csv', '--out', '/dev/stdout']);
    closeSync(fd);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8').split('\r\n')).toHaveLength(40);
    expect(readFileSync(file, 'utf8').startsWith('\uFEFFregel;')).toBe(true);
  });

  it('writes through a symbolic link: the link stays, the file it points at gets the records and keeps its mode', async () => {
    const dir = mkdtempSync(join(tmp, 'link-'));
    const real = join(dir, 'real.csv');
    writeFileSync(real, 'old\n', { mode: 0o640 });
    const link = join(dir, 'latest.csv');
    symlinkSync('real.csv', link);
    expect((await out(link)).exitCode).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('leerlingnummer;');
    expect(statSync(real).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['latest.csv', 'real.csv']);
  });

  it('refuses a folder with a clear message and exit 2', async () => {
    const dir = mkdtempSync(join(tmp, 'dir-'));
    mkdirSync(join(dir, 'results'));
    const r = await out(join(dir, 'results'));
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`--out ${join(dir, 'results')} is een map, geen bestand`);
    expect(r.stderr).not.toContain('EISDIR');
    expect(readdirSync(dir)).toEqual(['results']);
  });

  it('refuses a --format that does not match the extension of --out, naming the flag to use', async () => {
    const dir = mkdtempSync(join(tmp, 'ext-'));
    const r = await runCli(['batch', EXAMPLE, '--format', 'ndjson', '--out', join(dir, 'res.csv')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--format ndjson past niet bij --out');
    expect(r.stderr).toContain('gebruik --format csv');
    const json = await runCli(['batch', EXAMPLE, '--json', '--out', join(dir, 'res.ndjson'), '--lang', 'en']);
    expect(json.exitCode).toBe(2);
    expect(json.stderr).toContain('use --format ndjson');
    expect(readdirSync(dir)).toEqual([]);
    // Without --format the extension decides; an extension of no format takes any --format.
    expect((await runCli(['batch', EXAMPLE, '--out', join(dir, 'res.jsonl')])).exitCode).toBe(0);
    expect(readFileSync(join(dir, 'res.jsonl'), 'utf8').split('\n')[0]).toMatch(/^\{"line":2,/);
    expect((await runCli(['batch', EXAMPLE, '--format', 'csv', '--out', join(dir, 'res.txt')])).exitCode).toBe(0);
  });
});
