// Issue 10, defects 1–3: no BSN by any road into the case log, no personal value echoed through
// headers, keys or arguments, and no crash on a student number with control characters.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-privacy-'));
let dbCount = 0;
const freshDb = (): string => join(tmp, `p${++dbCount}.db`);
const EN = { LANG: 'en_GB.UTF-8' };

function storedCases(db: string): number {
  if (!existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  } finally {
    conn.close();
  }
}

/** Every way the issue saw the BSN 123456782 written, and its digits anywhere in the output. */
const BSN_FORMS = ['123 456 782', '123.456.782', '123-456-782', 'BSN123456782', 'BSN 123 456 782', 'bsn: 123456782', 'PGN 1234.56.782'];
const noBsnIn = (text: string): void => {
  expect(text.replace(/\D/g, ' ')).not.toMatch(/123\s*456\s*782|1234\s*56\s*782/);
};

const situation = (fields: Record<string, unknown>): string =>
  JSON.stringify({ studentRef: 'L20417', referenceDate: '2026-11-27', birthDate: '2012-03-01', ...fields });

describe('defect 1: a BSN never reaches the case log', () => {
  it.each(BSN_FORMS)('route --log refuses the student number %j (exit 2, nothing stored, nothing printed)', async (ref) => {
    const db = freshDb();
    const r = await runCli(['route', '-', '--log', '--db', db, '--json'], { input: situation({ studentRef: ref }), env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/studentRef: .*BSN/);
    noBsnIn(r.stderr);
    expect(storedCases(db)).toBe(0);
  });

  it.each(['unexcusedHours4w', 'unexcusedWeeks', 'weeksWithoutPlace', 'sickReports12w', 'sickDaysInRow'])('route refuses 123456782 as %s, naming the field and not the value', async (field) => {
    const db = freshDb();
    const r = await runCli(['route', '-', '--log', '--db', db], { input: situation({ [field]: 123456782 }), env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${field}: at most`);
    noBsnIn(r.stderr);
    expect(storedCases(db)).toBe(0);
  });

  it('intake --no-input refuses --student "BSN 123 456 782" and --set unexcusedWeeks=123456782', async () => {
    const db = freshDb();
    const a = await runCli(['intake', '--no-input', '--student', 'BSN 123 456 782', '--birth-date', '01-03-2012', '--db', db], { env: EN });
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toContain('--student');
    noBsnIn(a.stderr + a.stdout);
    const b = await runCli(['intake', '--no-input', '--student', 'L1', '--birth-date', '01-03-2012', '--set', 'unexcusedWeeks=123456782', '--db', db], { env: EN });
    expect(b.exitCode).toBe(2);
    expect(b.stderr).toContain('--set unexcusedWeeks');
    noBsnIn(b.stderr + b.stdout);
    expect(storedCases(db)).toBe(0);
  });

  it('cases note / done --note refuse a BSN in any form', async () => {
    const db = freshDb();
    const made = await runCli(['route', '-', '--log', '--db', db], { input: situation({ unexcusedHours4w: 20 }) });
    expect(made.exitCode).toBe(0);
    const note = await runCli(['cases', 'note', '1', 'BSN', '123-456-782', 'gebeld'], { env: { ...EN, ZORGROUTE_DB: db } });
    expect(note.exitCode).toBe(2);
    noBsnIn(note.stderr + note.stdout);
    const done = await runCli(['cases', 'done', '1', 'leerplicht', '--note', 'pgn 1234 56 782', '--db', db], { env: EN });
    expect(done.exitCode).toBe(2);
    noBsnIn(done.stderr + done.stdout);
    const shown = await runCli(['cases', 'export', '1', '--db', db]);
    noBsnIn(shown.stdout);
  });
});

describe('defect 2: header cells, keys and arguments that look like data are not echoed', () => {
  it('an export without its header line: "looks like data — is the header line missing?", no cell shown', async () => {
    const file = join(tmp, 'no-header.csv');
    writeFileSync(file, '240101;14-05-2012;123456782;02-02-2026;16\r\n240102;03-09-2012;;02-02-2026;0\r\n');
    for (const [env, words] of [
      [EN, /columns 1, 2, 3 and 4 of line 1 look like data.*header line missing/],
      [{ LANG: 'nl_NL.UTF-8' }, /kolommen 1, 2, 3 en 4 van regel 1 lijken gegevens.*kopregel/],
    ] as const) {
      const r = await runCli(['batch', file], { env });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(words);
      expect(r.stderr).not.toMatch(/240101|14-05-2012|02-02-2026/);
      noBsnIn(r.stderr + r.stdout);
    }
  });

  it('a header cell holding a BSN or a date: not printed as an unknown column, not in error records', async () => {
    const file = join(tmp, 'bsn-header.csv');
    writeFileSync(file, 'leerlingnummer;geboortedatum;123456782;2012-03-01\r\nL1;01-03-2012;;\r\nL2;01-03-2012;999999990;\r\n');
    const r = await runCli(['batch', file, '--format', 'ndjson', '--reference-date', '01-12-2026'], { env: EN });
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toMatch(/columns 3 and 4 look like data/);
    noBsnIn(r.stderr + r.stdout);
    expect(r.stderr + r.stdout).not.toContain('2012-03-01');
    const error = JSON.parse(r.stdout.trim().split('\n')[1]!) as { error: { column: string } };
    expect(error.error.column).toBe('#3'); // named by its place, the same in every language
  });

  it('route does not echo unknown JSON keys that look like data', async () => {
    const r = await runCli(['route', '-'], { input: JSON.stringify({ studentRef: 'L1', birthDate: '2012-03-01', 123456782: 1, '2012-03-01': 2, shoeSize: 3 }), env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('shoeSize');
    expect(r.stderr).toContain('2 more that look like data');
    noBsnIn(r.stderr);
    expect(r.stderr).not.toContain('2012-03-01');
  });

  it('cases show / list --student and --map errors do not echo what looks like personal data', async () => {
    const db = freshDb();
    for (const args of [
      ['cases', 'show', '123456782', '--db', db],
      ['cases', 'list', '--student', '123 456 782', '--db', db],
      ['cases', 'export', '--student', 'BSN123456782', '--db', db],
    ]) {
      const r = await runCli(args, { env: EN });
      expect(r.exitCode).toBe(2);
      noBsnIn(r.stderr + r.stdout);
    }
    // commander's own errors repeat the argument: not when it looks like data
    for (const args of [['123456782'], ['cases', 'list', '--status', '123 456 782'], ['batch', '-', '--format', '2012-03-01']]) {
      const r = await runCli(args, { env: EN });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/error: /);
      noBsnIn(r.stderr + r.stdout);
      expect(r.stderr).not.toContain('2012-03-01');
    }
    const map = join(tmp, 'map.json');
    writeFileSync(map, JSON.stringify({ 123456782: 'birthDate', x: '2012-03-01', y: 'nope' }));
    const r = await runCli(['batch', join(tmp, 'bsn-header.csv'), '--map', map], { env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('nope');
    noBsnIn(r.stderr);
    expect(r.stderr).not.toContain('2012-03-01');
  });
});

describe('defect 3: control characters and lone surrogates are invalid input, not a crash', () => {
  it.each([
    ['a NUL', '\u0000L1'],
    ['an escape sequence', 'L1\u001b[2J'],
    ['a lone surrogate', 'L\ud800'],
    ['a bidi override', 'L1\u202e'],
  ])('route --log refuses a student number with %s (exit 2, no stack trace)', async (_what, ref) => {
    const db = freshDb();
    const r = await runCli(['route', '-', '--log', '--db', db], { input: situation({ studentRef: ref, unexcusedHours4w: 20 }), env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/studentRef: /);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(storedCases(db)).toBe(0);
  });

  it('batch --log: the row with a NUL is an error row, the other rows are logged (also with threads)', async () => {
    const file = join(tmp, 'nul.csv');
    writeFileSync(file, 'leerlingnummer;geboortedatum;peildatum;ongeoorloofd_verzuim_uren_4wk\n\u0000L1;01-03-2012;01-12-2026;20\nL2;01-03-2012;01-12-2026;20\nL3\u0007;01-03-2012;01-12-2026;20\n');
    for (const threads of ['1', '2']) {
      const db = freshDb();
      const r = await runCli(['batch', file, '--log', '--db', db, '--format', 'ndjson', '--threads', threads], { env: EN });
      expect(r.exitCode).toBe(4);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; error?: { column: string; message: string } });
      expect(records.map((x) => [x.line, x.error?.column])).toEqual([
        [2, 'leerlingnummer'],
        [3, undefined],
        [4, 'leerlingnummer'],
      ]);
      expect(records[0]!.error!.message).toMatch(/control character/);
      expect(storedCases(db)).toBe(1);
    }
  });
});
