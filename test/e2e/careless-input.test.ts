// Input as people really give it (issue 11 item 10): a broken NDJSON line, a workbook or PDF saved
// as .csv, a --db in a folder that is not there, a student number typed with a space or in lower
// case, --set with the export's column names; and the batch summary says which peildatum it used.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const EXAMPLE = fileURLToPath(new URL('../../data/examples/verzuimexport.csv', import.meta.url));
const tmp = (): string => mkdtempSync(join(tmpdir(), 'zorgroute-careless-'));
const situation = (ref: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ studentRef: ref, referenceDate: '2026-11-20', birthDate: '2012-03-01', ...extra });

/** The smallest .xlsx that Excel would write: a zip whose first entry is [Content_Types].xml. */
function xlsxBytes(): Buffer {
  const name = Buffer.from('[Content_Types].xml');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')]);
}

describe('careless input', () => {
  it('names the broken line of NDJSON, not line 2', async () => {
    const input = [situation('L1'), situation('L2'), '{"studentRef":"L3","birthDate":"2012-03-01"', situation('L4')].join('\n');
    const r = await runCli(['route', '-', '--json'], { input });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('stdin, regel 3, kolom ');
    expect(r.stdout).toBe('');
  });

  it('recognises a workbook, an old .xls and a PDF saved as .csv and says how to save a CSV', async () => {
    const dir = tmp();
    const files: [string, Buffer, string][] = [
      ['export.csv', xlsxBytes(), 'een Excel-werkmap (.xlsx)'],
      ['oud.csv', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), 'een oud Excel-bestand (.xls)'],
      ['scan.csv', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), 'een PDF'],
      ['unicode.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('leerlingnummer\tgeboortedatum\r\nL1\t01-03-2012\r\n', 'utf16le')]), 'Unicode-tekst (UTF-16)'],
    ];
    for (const [name, bytes, what] of files) {
      writeFileSync(join(dir, name), bytes);
      for (const threads of ['1', '2']) {
        const r = await runCli(['batch', join(dir, name), '--threads', threads]);
        expect(r.exitCode).toBe(2);
        expect(r.stderr).toContain(`${join(dir, name)} is geen CSV-bestand maar ${what}`);
        expect(r.stderr).not.toMatch(/[\x00-\x08\x0e-\x1f]/);
        expect(r.stdout).toBe('');
      }
    }
    const xlsx = await runCli(['batch', '-'], { input: xlsxBytes().toString('latin1') });
    expect(xlsx.stderr).toContain('sla op als CSV (puntkomma-gescheiden)');
    const en = await runCli(['batch', join(dir, 'export.csv'), '--lang', 'en']);
    expect(en.stderr).toContain('is not a CSV file but an Excel workbook (.xlsx)');
    expect(en.stderr).toContain('CSV (semicolon delimited)');
  });

  it('refuses a --db (or ZORGROUTE_DB) in a folder that does not exist, and creates nothing', async () => {
    const base = tmp();
    const db = join(base, 'nonexistent', 'dir', 'x.db');
    const runs = [
      runCli(['route', '-', '--log', '--db', db], { input: situation('L1') }),
      runCli(['batch', EXAMPLE, '--log', '--db', db]),
      runCli(['intake', '--no-input', '--student', 'L1', '--birth-date', '01-03-2012', '--db', db]),
      runCli(['route', '-', '--log'], { input: situation('L1'), env: { ZORGROUTE_DB: db } }),
    ];
    for (const r of await Promise.all(runs)) {
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`de map ${join(base, 'nonexistent', 'dir')} van het casuslogboek ${db} bestaat niet`);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(base, 'nonexistent'))).toBe(false);
  });

  it('creates the default folder of the case log', async () => {
    const home = tmp();
    const r = await runCli(['route', '-', '--log'], { input: situation('L1'), env: { XDG_DATA_HOME: home, ZORGROUTE_DB: '' } });
    expect(r.exitCode).toBe(0);
    expect(existsSync(join(home, 'zorgroute', 'cases.db'))).toBe(true);
  });

  it('says in the batch summary which peildatum it used', async () => {
    const dir = tmp();
    const noColumn = join(dir, 'zonder-peildatum.csv');
    writeFileSync(noColumn, 'leerlingnummer;geboortedatum\r\nL1;01-03-2012\r\n');
    const summary = await runCli(['batch', noColumn, '--reference-date', '02-02-2026']);
    expect(summary.stdout).toContain('peildatum: 02-02-2026 (--reference-date)');
    const today = await runCli(['batch', noColumn, '--format', 'ndjson']);
    expect(today.stderr).toMatch(/; peildatum \d\d-\d\d-\d{4} \(vandaag\);/);
    const column = await runCli(['batch', EXAMPLE, '--lang', 'en', '--reference-date', '2026-03-01']);
    expect(column.stdout).toMatch(/^reference date: 02-02-2026 from the peildatum column$/m); // every row has its own: no fallback named (issue 17, item 5)
  });

  it('takes --set with the CSV column names as well as the field names', async () => {
    const db = join(tmp(), 'cases.db');
    const r = await runCli(['intake', '--no-input', '--json', '--student', 'L7', '--birth-date', '01-03-2012', '--reference-date', '20-11-2026', '--set', 'ongeoorloofd_verzuim_uren_4wk=16', '--set', 'Luxeverzuim=ja', '--set', 'sickReports12w=1', '--db', db]);
    expect(r.exitCode).toBe(0);
    const saved = JSON.parse(r.stdout) as { decision: { escalations: { type: string }[] } };
    expect(saved.decision.escalations.map((e) => e.type)).toEqual(['verzuimmelding-16-uur', 'luxeverzuim']);
    const bad = await runCli(['intake', '--no-input', '--student', 'L7', '--birth-date', '01-03-2012', '--set', 'schoenmaat=44', '--set', 'leerlingnummer=L8', '--db', db]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--set schoenmaat: onbekend veld');
    expect(bad.stderr).toContain('gebruik --student');
  });

  it('treats "L 1001", "L1001 " and "L1001" as one student in route, intake, batch and cases', async () => {
    const dir = tmp();
    const db = join(dir, 'cases.db');
    expect((await runCli(['route', '-', '--log', '--db', db], { input: situation('L 1001', { unexcusedHours4w: 16 }) })).exitCode).toBe(0);
    const again = await runCli(['route', '-', '--log', '--db', db, '--json'], { input: situation('L1001\u00a0', { unexcusedHours4w: 16 }) });
    expect(again.stderr).toContain('0 vastgelegd, 1 al eerder vastgelegd');
    expect(JSON.parse(again.stdout).studentRef).toBe('L1001');
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, 'leerlingnummer;geboortedatum;peildatum;ongeoorloofd_verzuim_uren_4wk\r\n"L1001 ";01-03-2012;21-11-2026;20\r\nL 1001;01-03-2012;21-11-2026;20\r\n');
    const batch = await runCli(['batch', csv, '--format', 'ndjson', '--log', '--db', db]);
    expect(batch.stderr).toContain('leerlingnummer L1001 staat ook op regel 2');
    expect(batch.stdout.trim().split('\n').map((l) => JSON.parse(l).studentRef)).toEqual(['L1001', 'L1001']);
    expect((await runCli(['intake', '--no-input', '--student', 'L 10 01', '--birth-date', '01-03-2012', '--reference-date', '22-11-2026', '--db', db])).exitCode).toBe(0);
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT DISTINCT student_ref FROM cases').pluck().all()).toEqual(['L1001']);
    raw.close();
    const list = JSON.parse((await runCli(['cases', 'list', '--student', 'L 1001', '--status', 'all', '--json', '--db', db])).stdout) as unknown[];
    expect(list).toHaveLength(1); // route, batch and intake --no-input all add to the student's one open case
    const exported = JSON.parse((await runCli(['cases', 'export', '--student', ' L1001', '--db', db])).stdout) as { cases: unknown[] };
    expect(exported.cases).toHaveLength(1);
    const shown = await runCli(['cases', 'show', 'L 1001', '--db', db, '--json']);
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout).toContain('"studentRef": "L1001"');
  });
});
