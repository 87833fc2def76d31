// zorgroute batch with worker threads gives byte for byte what it gives on one thread: records,
// warnings, summary and exit code. The parallel path is forced on small files with --threads 2 and
// tiny pieces (ZORGROUTE_BATCH_PIECE_BYTES), so that the export is cut at nearly every record.
import Database from 'better-sqlite3';
import { execa } from 'execa';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.js';
import { mulberry32 } from '../random.js';

const EXAMPLE = fileURLToPath(new URL('../../data/examples/verzuimexport.csv', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/batch/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-batch-threads-'));

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
  threads: string | undefined;
}

async function zorgroute(args: string[], env: Record<string, string> = {}, input?: Buffer): Promise<Run> {
  const r = await execa(process.execPath, [BIN, ...args], {
    reject: false,
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
    env: { NO_COLOR: '1', LANG: 'en_GB.UTF-8', LC_ALL: '', ZORGROUTE_BATCH_REPORT_THREADS: '1', ...env },
  });
  const stderr = String(r.stderr);
  const threads = /worker threads: (\d+)\n/.exec(stderr);
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: stderr.replace(/zorgroute batch: worker threads: \d+\n/, ''), threads: threads?.[1] };
}

/** The same run on one thread and with two worker threads (pieces of `pieceBytes`: 1 cuts after every record): the same output. */
async function expectSameBothWays(args: string[], pieceBytes = 1): Promise<Run> {
  const [one, two] = await Promise.all([zorgroute([...args, '--threads', '1']), zorgroute([...args, '--threads', '2'], { ZORGROUTE_BATCH_PIECE_BYTES: String(pieceBytes) })]);
  expect(one.threads ?? '0').toBe('0'); // no report when the run stops with an error
  expect(two.exitCode).toBe(one.exitCode);
  expect(two.stdout).toBe(one.stdout);
  expect(two.stderr).toBe(one.stderr);
  return two;
}

/**
 * A made-up export with everything that makes cutting it hard or its rows special: quoted cells
 * with the delimiter, line breaks (LF and CR LF) and doubled quotes; empty lines and blank rows;
 * bad dates and numbers; BSNs; student numbers listed twice; escalations and referrals.
 */
function trickyExport(rows: number, d: ';' | ',', eol: '\r\n' | '\n', seed: number): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const quote = (text: string): string => `"${text.replace(/"/g, '""')}"`;
  const lines = [['leerlingnummer', 'geboortedatum', 'peildatum', 'opmerking', 'ongeoorloofd_verzuim_uren_4wk', 'ziekmeldingen_12wk', 'onderwijssoort', 'startkwalificatie'].join(d)];
  for (let i = 0; i < rows; i++) {
    const r = rnd();
    if (r < 0.02) {
      lines.push('');
      continue;
    }
    if (r < 0.03) {
      lines.push(d.repeat(7));
      continue;
    }
    const ref = rnd() < 0.03 ? '111222333' : `L${String(Math.floor(rnd() * rows * 0.9)).padStart(5, '0')}`;
    const year = 2004 + Math.floor(rnd() * 18);
    const birth = rnd() < 0.03 ? '31-02-2012' : rnd() < 0.5 ? `${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}-0${1 + Math.floor(rnd() * 9)}-${year}` : `${year}-1${Math.floor(rnd() * 3)}-0${1 + Math.floor(rnd() * 9)}`;
    const note = pick(['', 'gewoon', quote(`een${d} twee`), quote('regel een\nregel twee'), quote('met "quotes"\r\nen CRLF'), quote(`bsn 111222333${d} oeps`), 'café', quote('"')]);
    const hours = pick(['0', '4', '16', '20', '12,5', '', 'xx', '7.5']);
    const cells = [ref, birth, pick(['02-02-2026', '2025-10-01', '']), note, hours.includes(',') ? quote(hours) : hours, pick(['0', '1', '4']), pick(['VO', 'PO', 'MBO', 'VSO', '']), pick(['ja', 'nee', ''])];
    lines.push(cells.join(d));
  }
  return lines.join(eol) + (rnd() < 0.5 ? eol : '');
}

function write(name: string, text: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  const path = join(tmp, name);
  writeFileSync(path, Buffer.from(text, encoding));
  return path;
}

describe('zorgroute batch --threads', () => {
  const semicolon = write('tricky-semicolon.csv', `\uFEFF${trickyExport(800, ';', '\r\n', 1)}`);
  const comma = write('tricky-comma-1252.csv', trickyExport(800, ',', '\n', 2), 'latin1');

  it('gives the same records, warnings and summary with worker threads as on one thread, in every format', async () => {
    for (const file of [semicolon, comma]) {
      for (const format of ['ndjson', 'json', 'csv']) {
        const r = await expectSameBothWays(['batch', file, '--format', format, '--reference-date', '02-02-2026']);
        expect(r.threads).toBe('2');
        expect(r.exitCode).toBe(4);
      }
    }
    const ndjson = (await zorgroute(['batch', semicolon, '--format', 'ndjson', '--reference-date', '02-02-2026', '--threads', '1'])).stdout;
    expect(ndjson).toContain('"error"');
    expect(ndjson).toContain('"leerplicht"');
    expect(ndjson).not.toContain('111222333');
  });

  it('cuts anywhere: pieces of a few bytes up to a few kilobytes, --only-action, --all, the summary alone', async () => {
    for (const pieceBytes of [37, 4096]) await expectSameBothWays(['batch', semicolon, '--format', 'json', '--only-action', '--reference-date', '02-02-2026'], pieceBytes);
    const summary = await expectSameBothWays(['batch', comma, '--all', '--lang', 'nl', '--reference-date', '02-02-2026']);
    expect(summary.stdout).toContain('leerplichtambtenaar');
  });

  it('gives the same for every fixture of the single-threaded tests', async () => {
    const files = ['semicolon-bom-crlf.csv', 'comma-windows1252.csv', 'quoted-multiline.csv', 'bad-dates.csv', 'bsn.csv', 'duplicates.csv', 'formula.csv', 'header-only.csv', 'empty.csv', 'missing-column.csv'];
    await Promise.all(files.map((name) => expectSameBothWays(['batch', fixture(name), '--format', 'ndjson', '--reference-date', '02-02-2026'])));
    await expectSameBothWays(['batch', EXAMPLE, '--format', 'csv']);
    await expectSameBothWays(['batch', fixture('other-system.csv'), '--map', fixture('other-system-map.json'), '--format', 'json', '--reference-date', '2026-02-02']);
  });

  it('names the line of an unclosed quote the same way, and leaves no --out file behind', async () => {
    const broken = write('broken.csv', `${trickyExport(300, ';', '\r\n', 3)}\r\n"never closed;x\r\nL1;01-01-2012;;;;;;\r\n`);
    const dir = mkdtempSync(join(tmp, 'out-'));
    const r = await expectSameBothWays(['batch', broken, '--format', 'ndjson', '--out', join(dir, 'records.ndjson')], 200);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/broken\.csv, line \d+: a quoted cell starts here and is never closed/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the duplicates read before a fatal CSV error on both paths, also when they share a piece with it', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `L${i % 25};01-03-2012;;;${i % 20};0;VO;nee`);
    const text = `leerlingnummer;geboortedatum;peildatum;opmerking;ongeoorloofd_verzuim_uren_4wk;ziekmeldingen_12wk;onderwijssoort;startkwalificatie\r\n${rows.join('\r\n')}\r\n"never closed;x\r\nL1;01-01-2012;;;;;;\r\n`;
    const broken = write('duplicates-then-broken.csv', text);
    const dir = mkdtempSync(join(tmp, 'out-'));
    for (const pieceBytes of [64 * 1024, 100]) {
      const r = await expectSameBothWays(['batch', broken, '--format', 'ndjson', '--out', join(dir, 'records.ndjson'), '--reference-date', '02-02-2026'], pieceBytes);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.match(/warning: line \d+: student number L\d+ is also on line \d+ \(both processed\)/g)).toHaveLength(20);
      expect(r.stderr).toMatch(/line 62: a quoted cell starts here and is never closed/);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes --out the same way, and reads stdin with workers when told to', async () => {
    const dir = mkdtempSync(join(tmp, 'out-'));
    const [one, two] = [join(dir, 'one.ndjson'), join(dir, 'two.ndjson')];
    await zorgroute(['batch', semicolon, '--out', one, '--threads', '1', '--reference-date', '02-02-2026']);
    const r = await zorgroute(['batch', semicolon, '--out', two, '--threads', '2', '--reference-date', '02-02-2026'], { ZORGROUTE_BATCH_PIECE_BYTES: '500' });
    expect(r.threads).toBe('2');
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
    const piped = await zorgroute(['batch', '-', '--format', 'ndjson', '--threads', '2', '--reference-date', '02-02-2026'], { ZORGROUTE_BATCH_PIECE_BYTES: '300' }, readFileSync(semicolon));
    expect(piped.threads).toBe('2');
    expect(piped.stdout).toBe((await zorgroute(['batch', semicolon, '--format', 'ndjson', '--threads', '1', '--reference-date', '02-02-2026'])).stdout);
  });

  it('uses one thread for a small file and for stdin unless told otherwise, and refuses a bad --threads', async () => {
    expect((await zorgroute(['batch', semicolon])).threads).toBe('0');
    expect((await zorgroute(['batch', '-'], {}, readFileSync(semicolon))).threads).toBe('0');
    const bad = await zorgroute(['batch', semicolon, '--threads', '0']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--threads must be a whole number from 1 to 16');
  });

  it('logs the same cases with --log, in big transactions or small ones, and a re-run adds nothing', async () => {
    const dbOf = async (threads: string, env: Record<string, string> = {}): Promise<unknown[]> => {
      const db = join(mkdtempSync(join(tmp, 'log-')), 'cases.db');
      const args = ['batch', semicolon, '--log', '--db', db, '--threads', threads, '--reference-date', '02-02-2026'];
      const r = await zorgroute(args, env);
      expect([r.exitCode, r.threads]).toEqual([4, threads === '1' ? '0' : threads]);
      const again = await zorgroute(args, env);
      expect(again.stderr).toMatch(/Case log: 0 recorded, \d+ recorded before/);
      const conn = new Database(db, { readonly: true });
      try {
        return [
          conn.prepare('SELECT id, student_ref, source FROM cases ORDER BY id').all(),
          conn.prepare('SELECT id, case_id, kind, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key FROM events_expanded ORDER BY id').all(),
        ];
      } finally {
        conn.close();
      }
    };
    // Pieces of a few rows and transactions of 3 cases: outcome texts are handed over by two threads
    // and must reach the writer before the entries that use them, whichever transaction those are in.
    const small = { ZORGROUTE_BATCH_PIECE_BYTES: '700', ZORGROUTE_BATCH_LOG_CASES: '3' };
    const [one, two, three] = await Promise.all([dbOf('1'), dbOf('2', { ZORGROUTE_BATCH_PIECE_BYTES: '700' }), dbOf('2', small)]);
    expect((one[0] as unknown[]).length).toBeGreaterThan(20);
    expect(two).toEqual(one);
    expect(three).toEqual(one);
  });

  it('removes a half-written --out file on Ctrl-C while the workers are busy', async () => {
    const dir = mkdtempSync(join(tmp, 'sigint-'));
    const out = join(dir, 'records.ndjson');
    const child = execa(process.execPath, [BIN, 'batch', '-', '--out', out, '--threads', '2', '--reference-date', '02-02-2026'], {
      reject: false,
      stdin: 'pipe',
      env: { NO_COLOR: '1', LANG: 'en_GB.UTF-8', ZORGROUTE_BATCH_PIECE_BYTES: '2000' },
    });
    // Half of the export, then wait until the temporary file has records in it.
    const text = readFileSync(semicolon);
    child.stdin!.write(text.subarray(0, text.length >> 1));
    const part = (): string | undefined => readdirSync(dir).find((f) => f.endsWith('.part'));
    for (let i = 0; i < 200 && !(part() && readFileSync(join(dir, part()!)).length > 0); i++) await new Promise((r) => setTimeout(r, 25));
    expect(part()).toBeDefined();
    child.kill('SIGINT');
    const r = await child;
    expect(r.exitCode).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});
