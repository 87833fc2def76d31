// batch --format csv for Dutch Excel (under nl) and as the English machine form (--lang en),
// read back from the file it writes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const EXAMPLE = fileURLToPath(new URL('../../data/examples/verzuimexport.csv', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/batch/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-excel-'));

/** The file's rows as cells (`;`-separated, quotes honoured: enough for what zorgroute writes). */
function cellsOf(text: string, delimiter: string): string[][] {
  return text
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const ch = line[i]!;
        if (quoted) {
          if (ch === '"' && line[i + 1] === '"') (cell += '"'), i++;
          else if (ch === '"') quoted = false;
          else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === delimiter) cells.push(cell), (cell = '');
        else cell += ch;
      }
      cells.push(cell);
      return cells;
    });
}

describe('batch --format csv for Dutch Excel', () => {
  it('writes Dutch headers, ja/nee, `;`, a BOM, dd-mm-jjjj dates and "zo spoedig mogelijk"', async () => {
    const out = join(tmp, 'resultaat.csv');
    const r = await runCli(['batch', EXAMPLE, '--out', out]);
    expect(r.exitCode).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = cellsOf(bytes.subarray(3).toString('utf8'), ';');
    expect(rows[0]).toEqual(['regel', 'leerlingnummer', 'peildatum', 'leeftijd', 'leerplicht', 'leerplichtig', 'RMC-doelgroep', 'thuiszitter', 'ouders', 'informeren', 'escalaties', 'eerste termijn', 'te laat', 'regels', 'actie nodig', 'te doen', 'kolom met fout', 'fout']);
    expect(rows).toHaveLength(39);
    const byRef = new Map(rows.slice(1).map((cells) => [cells[1], cells]));
    // 16 uur bereikt op 22-01-2026: due 29-01-2026, te laat on the peildatum 02-02-2026.
    expect(byRef.get('240102')).toEqual(['3', '240102', '02-02-2026', '13', 'volledig', 'ja', 'nee', 'nee', 'betrekken', 'ouders, leerling, leerplicht', 'leerplicht verzuimmelding-16-uur 29-01-2026', '29-01-2026', 'ja', 'ouders-betrekken, leerling-informeren, leerplicht-16-uur', 'ja', '', '', '']);
    expect(byRef.get('240104')!.slice(10, 12)).toEqual(['leerplicht langdurig-relatief-verzuim zo spoedig mogelijk', 'zo spoedig mogelijk']);
    expect(byRef.get('240126')![8]).toBe('niet (eerst) betrekken');
    expect(byRef.get('240133')!.slice(8, 12)).toEqual(['de leerling beslist', 'leerling', '', '']);
    for (const cells of rows.slice(1)) {
      expect(cells).toHaveLength(18);
      for (const i of [5, 6, 7, 12, 14]) expect(['ja', 'nee']).toContain(cells[i]);
      expect(cells[2]).toMatch(/^\d\d-\d\d-\d{4}$/);
    }
  });

  it('writes `;` for a comma export too, and the row problems in Dutch', async () => {
    const r = await runCli(['batch', fixture('bad-dates.csv'), '--format', 'csv']);
    expect(r.exitCode).toBe(4);
    const rows = cellsOf(r.stdout.replace(/^\uFEFF/, ''), ';');
    expect(rows.slice(1).map((c) => [c[0], c[16], c[17]])).toEqual([
      ['2', 'geboortedatum', 'deze datum bestaat niet in de kalender'],
      ['3', 'geboortedatum', 'geen datum (verwacht dd-mm-jjjj of jjjj-mm-dd)'],
      ['4', 'geboortedatum', 'ligt na de peildatum'],
      ['5', '', ''],
      ['6', 'geboortedatum', 'is leeg; deze kolom is verplicht'],
    ]);
    const comma = await runCli(['batch', fixture('comma-windows1252.csv'), '--format', 'csv', '--reference-date', '02-02-2026']);
    expect(comma.stdout.startsWith('\uFEFFregel;leerlingnummer;')).toBe(true);
    const bsn = await runCli(['batch', fixture('bsn.csv'), '--format', 'csv']);
    expect(bsn.stdout).toContain('bevat een BSN of onderwijsnummer');
  });

  it('gives the same Dutch CSV with worker threads', async () => {
    const one = await runCli(['batch', EXAMPLE, '--format', 'csv', '--threads', '1']);
    const two = await runCli(['batch', EXAMPLE, '--format', 'csv', '--threads', '2'], { env: { ZORGROUTE_BATCH_PIECE_BYTES: '300' } });
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.startsWith('\uFEFFregel;')).toBe(true);
  });

  it('keeps the English form exactly with --lang en: field names, true/false, ISO dates, the export delimiter, no BOM', async () => {
    const r = await runCli(['batch', fixture('bad-dates.csv'), '--format', 'csv', '--lang', 'en']);
    expect(r.stdout).toBe(
      [
        'line;studentRef;referenceDate;age;leerplicht;leerplichtig;rmc;thuiszitter;parents;inform;escalations;deadline;overdue;rules;needsAction;todos;errorColumn;errorMessage',
        '2;D1;;;;;;;;;;;;;;;geboortedatum;not a date in the calendar',
        '3;D2;;;;;;;;;;;;;;;geboortedatum;not a date (expected dd-mm-jjjj or jjjj-mm-dd)',
        '4;D3;;;;;;;;;;;;;;;geboortedatum;is after the reference date',
        '5;D4;2026-02-02;13;volledig;true;false;false;yes;ouders, leerling;;;false;ouders-betrekken, leerling-informeren;false;;;',
        '6;D5;;;;;;;;;;;;;;;geboortedatum;"is empty; this column is required"', // execa drops the last line break
      ].join('\r\n'),
    );
    const en = await runCli(['batch', EXAMPLE, '--format', 'csv'], { env: { LANG: 'en_US.UTF-8' } });
    const lines = en.stdout.split('\r\n');
    expect(lines.find((l) => l.startsWith('5;240104;'))).toBe('5;240104;2026-02-02;12;volledig;true;false;false;yes;ouders, leerling, leerplicht;leerplicht langdurig-relatief-verzuim;;false;ouders-betrekken, leerling-informeren, leerplicht-langdurig;true;;;');
  });
});
