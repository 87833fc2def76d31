// zorgroute batch end to end: the built binary on the fixtures in test/fixtures/batch.
import { execa } from 'execa';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/zorgroute.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../data/examples/verzuimexport.csv', import.meta.url));
const RULES = fileURLToPath(new URL('../../data/rules/swv-vo-groningen-ommelanden.json', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/batch/${name}`, import.meta.url));

function zorgroute(args: string[], input?: string | Buffer) {
  return execa('node', [BIN, ...args], {
    reject: false,
    env: { NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'en_GB.UTF-8' },
    ...(input === undefined ? { stdin: 'ignore' as const } : { input }),
  });
}

type Rec = { line: number; studentRef?: string; error?: { column: string; message: string }; escalations?: { to: string; deadline?: string | null; overdue?: boolean }[]; rules?: { id: string }[]; parents?: { involve: string }; referenceDate?: string; unexcused?: number };

function ndjson(stdout: string): Rec[] {
  return stdout.trim() === '' ? [] : stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec);
}

describe('zorgroute batch', () => {
  it('reads ; + BOM + CRLF with Dutch headers in any case, warns once about unknown columns', async () => {
    const r = await zorgroute(['batch', fixture('semicolon-bom-crlf.csv'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    const recs = ndjson(r.stdout);
    expect(recs.map((x) => [x.line, x.studentRef])).toEqual([
      [2, 'A001'],
      [3, 'A002'],
      [4, 'A003'],
    ]);
    expect(recs[0]!.escalations!.map((e) => e.to)).toEqual(['leerplicht']);
    expect(r.stderr.match(/unknown columns ignored: "Leerjaar"/g)).toHaveLength(1);
    expect(r.stderr).toContain('3 rows: 3 valid, 0 invalid');
    expect((await zorgroute(['batch', fixture('semicolon-bom-crlf.csv'), '--format', 'ndjson', '--exit-code'])).exitCode).toBe(3);
  });

  it('reads , + Windows-1252 (é as 0xE9, ë as 0xEB in a header) and a decimal comma in quotes', async () => {
    const r = await zorgroute(['batch', fixture('comma-windows1252.csv'), '--json', '--reference-date', '02-02-2026']);
    expect(r.exitCode).toBe(0);
    const recs = JSON.parse(r.stdout) as Rec[];
    expect(recs.map((x) => x.studentRef)).toEqual(['Zé-01', 'Zé-02']);
    expect(recs[0]!.escalations!.map((e) => e.to)).toEqual(['leerplicht']); // 16,5 hours
    expect(recs[1]!.parents!.involve).toBe('no'); // "reëel gevaar" = ja
    expect(recs.every((x) => x.referenceDate === '2026-02-02')).toBe(true);
  });

  it('counts the 16-hours term from "16 uur bereikt op" (; + Windows-1252 + CRLF), across Koningsdag and 5 mei, with overdue', async () => {
    const r = await zorgroute(['batch', fixture('threshold-day-1252.csv'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(4); // one row invalid
    const recs = ndjson(r.stdout);
    expect(recs.map((x) => [x.studentRef, x.escalations?.map((e) => [e.deadline, e.overdue]) ?? x.error])).toEqual([
      ['A100', [['2026-05-01', false]]], // reached Thu 23 April: Mon 27 April (Koningsdag) skipped
      ['A101', [['2026-05-06', false]]], // no day given: from the peildatum Tue 28 April, 5 mei skipped
      ['A102', [['2026-04-21', true]]], // reached Tue 14 April: overdue on 28 April
      ['A103', { column: '16 uur bereikt op', code: 'after-reference-date', message: 'is after the reference date' }],
      ['A104', []], // under 16 hours: the day is not used
    ]);
    const csv = await zorgroute(['batch', fixture('threshold-day-1252.csv'), '--format', 'csv']);
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toContain(';deadline;overdue;rules;');
    expect(lines[3]).toContain(';leerplicht verzuimmelding-16-uur 2026-04-21;2026-04-21;true;');
  });

  it('gives quoted cells with ; and line breaks the line they start on', async () => {
    const r = await zorgroute(['batch', fixture('quoted-multiline.csv'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(4);
    const recs = ndjson(r.stdout);
    expect(recs.map((x) => x.line)).toEqual([2, 3, 6, 9, 10]);
    expect(recs[4]).toEqual({ line: 10, studentRef: 'Q5', error: { column: 'ongeoorloofd_verzuim_uren_4wk', code: 'text-not-a-number', message: 'not a number (a decimal comma is fine: 12,5)' } });
    // --exit-code: an escalation (Q2, 20 hours) wins over "some rows invalid"
    expect((await zorgroute(['batch', fixture('quoted-multiline.csv'), '--format', 'ndjson', '--exit-code'])).exitCode).toBe(3);
  });

  it('stops before any row when a required column is missing, naming it and the headers found', async () => {
    const r = await zorgroute(['batch', fixture('missing-column.csv'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('missing column "geboortedatum" (birthDate)');
    expect(r.stderr).toContain('headers found: "leerlingnummer", "geb_datum", "peildatum"');
    expect(r.stderr).not.toContain('    at ');
  });

  it('turns bad dates into error rows naming the column, never quoting the value', async () => {
    const r = await zorgroute(['batch', fixture('bad-dates.csv'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(4);
    const recs = ndjson(r.stdout);
    expect(recs).toHaveLength(5);
    expect(recs.filter((x) => x.error).map((x) => [x.line, x.error!.column])).toEqual([
      [2, 'geboortedatum'],
      [3, 'geboortedatum'],
      [4, 'geboortedatum'],
      [6, 'geboortedatum'],
    ]);
    expect(r.stdout + r.stderr).not.toMatch(/31-02-2012|gisteren|14-05-2027/);
    expect(r.stderr).toContain('5 rows: 1 valid, 4 invalid');
  });

  it('makes a row with a BSN in any cell an error row and never shows the number', async () => {
    for (const args of [['--format', 'ndjson'], ['--format', 'csv'], []]) {
      const r = await zorgroute(['batch', fixture('bsn.csv'), ...args]);
      expect(r.exitCode).toBe(4);
      expect(r.stdout + r.stderr).not.toMatch(/111\s?222\s?333/);
    }
    const recs = ndjson((await zorgroute(['batch', fixture('bsn.csv'), '--format', 'ndjson'])).stdout);
    expect(recs.map((x) => x.error?.column ?? 'ok')).toEqual(['opmerking', 'leerlingnummer', 'ok']);
    expect(recs[1]!.studentRef).toBeUndefined();
  });

  it('processes both rows of a duplicate student number and warns with both lines', async () => {
    const r = await zorgroute(['batch', fixture('duplicates.csv'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    expect(ndjson(r.stdout).map((x) => x.studentRef)).toEqual(['S1', 'S2', 'S1']);
    expect(r.stderr).toContain('line 4: student number S1 is also on line 2 (both processed)');
  });

  it('refuses an empty file (exit 2) and accepts a header-only one (0 rows, exit 0, a warning)', async () => {
    const empty = await zorgroute(['batch', fixture('empty.csv'), '--format', 'json']);
    expect(empty.exitCode).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toContain('is empty');
    const headerOnly = await zorgroute(['batch', fixture('header-only.csv'), '--format', 'json']);
    expect(headerOnly.exitCode).toBe(0);
    expect(JSON.parse(headerOnly.stdout)).toEqual([]);
    expect(headerOnly.stderr).toContain('no student rows');
    expect((await zorgroute(['batch', fixture('header-only.csv'), '--format', 'ndjson'])).stdout).toBe('');
  });

  it('writes CSV in the delimiter of the input, with formula-like cells neutralised', async () => {
    const r = await zorgroute(['batch', fixture('formula.csv'), '--format', 'csv']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^line,studentRef,referenceDate,age,/);
    expect(lines[1]).toMatch(/^2,'=1\+1,2026-02-02,13,volledig,true,false,false,yes,"ouders, leerling, leerplicht",leerplicht verzuimmelding-16-uur 2026-02-09,2026-02-09,/);
    expect(lines[2]).toMatch(/^3,'@SUM\(A1\),/);
  });

  it('maps another system\'s headers with --map, and reports a bad mapping with paths', async () => {
    const without = await zorgroute(['batch', fixture('other-system.csv')]);
    expect(without.exitCode).toBe(2);
    const r = await zorgroute(['batch', fixture('other-system.csv'), '--map', fixture('other-system-map.json'), '--format', 'ndjson', '--reference-date', '2026-02-02']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).not.toContain('unknown columns');
    expect(ndjson(r.stdout).map((x) => [x.studentRef, x.escalations!.length])).toEqual([
      ['X1', 1],
      ['X2', 0],
    ]);
    const bad = await zorgroute(['batch', fixture('other-system.csv'), '--map', fixture('bad-map.json')]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('Geb. datum:');
  });

  it('writes --out through a temporary file renamed at the end; a failed run leaves no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zorgroute-batch-'));
    const out = join(dir, 'result.ndjson');
    const r = await zorgroute(['batch', EXAMPLE, '--out', out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`38 records written to ${out}`);
    expect(ndjson(readFileSync(out, 'utf8'))).toHaveLength(38);
    const failed = await zorgroute(['batch', fixture('missing-column.csv'), '--out', join(dir, 'failed.csv')]);
    expect(failed.exitCode).toBe(2);
    expect(readdirSync(dir)).toEqual(['result.ndjson']);
  });

  it('keeps only rows that need action (and rows in error) with --only-action', async () => {
    const r = await zorgroute(['batch', EXAMPLE, '--format', 'ndjson', '--only-action']);
    const recs = ndjson(r.stdout) as (Rec & { inform: { party: string }[] })[];
    expect(recs.length).toBe(29);
    for (const x of recs) expect(x.escalations!.length > 0 || x.inform.some((i) => i.party !== 'ouders' && i.party !== 'leerling')).toBe(true);
  });

  it('reads stdin with -', async () => {
    const r = await zorgroute(['batch', '-', '--format', 'ndjson'], readFileSync(fixture('semicolon-bom-crlf.csv')));
    expect(r.exitCode).toBe(0);
    expect(ndjson(r.stdout).map((x) => x.line)).toEqual([2, 3, 4]);
  });

  it('shows the summary alone without --format, and the example fires every enabled rule', async () => {
    const summary = await zorgroute(['batch', EXAMPLE]);
    expect(summary.exitCode).toBe(0);
    expect(summary.stdout).toMatch(/rows read\s+38/);
    expect(summary.stdout).toContain('leerplichtambtenaar');
    expect(summary.stdout).toContain('--format csv|json|ndjson gives every row');
    expect(summary.stdout).toMatch(/Veilig Thuis +1 +0 +Mon 02-02-2026/);
    const recs = ndjson((await zorgroute(['batch', EXAMPLE, '--format', 'ndjson'])).stdout);
    const fired = new Set(recs.flatMap((x) => x.rules!.map((rule) => rule.id)));
    const rules = (JSON.parse(readFileSync(RULES, 'utf8')) as { rules: { id: string; enabled?: boolean }[] }).rules;
    expect(rules.filter((rule) => rule.enabled !== false && !fired.has(rule.id)).map((rule) => rule.id)).toEqual([]);
    expect(recs.every((x) => !x.error)).toBe(true);
  });

  it('refuses a bad --reference-date and a format it cannot guess', async () => {
    expect((await zorgroute(['batch', EXAMPLE, '--reference-date', '31-02-2026'])).exitCode).toBe(2);
    const r = await zorgroute(['batch', EXAMPLE, '--out', join(tmpdir(), 'x.txt')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--out needs a format');
  });
});
