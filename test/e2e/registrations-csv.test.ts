// `batch STUDENTS --registrations REG --format csv` through the one CSV writer of `batch`: Dutch Excel
// under nl (BOM, `;`, Dutch headers, ja/nee, dd-mm-jjjj, decimal comma), the English machine contract
// under en (field names, true/false, ISO dates, the export's delimiter, no BOM); read back with csv-parse.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-registrations-csv-'));
// The example students plus a student number a hostile export could carry and a row in error.
const STUDENTS = join(tmp, 'leerlingen.csv');
writeFileSync(STUDENTS, `${readFileSync(ex('leerlingen.csv'), 'utf8').trimEnd()}\r\n=1+2;01-03-2012;12-06-2026;vo;ja;nee;Bakker;1B\r\nL1013;31-02-2012;12-06-2026;vo;ja;nee;Bakker;1B\r\n`);
const RUN = ['batch', STUDENTS, '--registrations', ex('registraties.csv'), '--codes', ex('codes-voorbeeldschool.csv'), '--calendar', ex('kalender-voorbeeldschool.json'), '--format', 'csv'];

const NL_HEADERS = [
  'regel',
  'leerlingnummer',
  'peildatum',
  'leeftijd',
  'leerplicht',
  'actie nodig',
  'escalaties',
  'eerste termijn',
  'te laat',
  'perioden',
  'uren ongeoorloofd (4 lesweken)',
  'weken ongeoorloofd',
  'ziekmeldingen (12 lesweken)',
  'ziektedagen op rij',
  'luxeverzuim',
  'te doen',
  'kolom met fout',
  'fout',
];
const EN_HEADERS = ['line', 'studentRef', 'referenceDate', 'age', 'leerplicht', 'needsAction', 'escalations', 'deadline', 'overdue', 'periods', 'unexcusedHours4w', 'unexcusedWeeks', 'sickReports12w', 'sickDaysInRow', 'luxuryAbsence', 'todos', 'errorColumn', 'errorMessage'];

const rowsOf = (text: string, delimiter: string): string[][] => parse(text, { delimiter, bom: true, relax_column_count: false }) as string[][];
const byRef = (rows: string[][]): Map<string, string[]> => new Map(rows.slice(1).map((cells) => [cells[1]!, cells]));

describe('batch --registrations --format csv', () => {
  it('under nl is for Dutch Excel: BOM, `;`, Dutch headers, ja/nee, dd-mm-jjjj, Dutch words inside the cells', async () => {
    const r = await runCli(RUN, { env: { LANG: 'nl_NL.UTF-8' } });
    expect(r.exitCode).toBe(4); // the row in error
    expect(r.stdout.startsWith('\uFEFFregel;leerlingnummer;peildatum;')).toBe(true);
    const rows = rowsOf(r.stdout, ';');
    expect(rows[0]).toEqual(NL_HEADERS);
    expect(rows).toHaveLength(14);
    for (const cells of rows) expect(cells).toHaveLength(NL_HEADERS.length);
    const recs = byRef(rows);
    expect(recs.get('L1001')).toEqual(['2', 'L1001', '12-06-2026', '15', 'volledig', 'ja', 'leerplicht:verzuimmelding-16-uur:09-03-2026:te-laat', '09-03-2026', 'ja', '16-uur 02-02-2026..02-03-2026 (16 u, 4 d)', '0', '0', '0', '0', 'nee', '', '', '']);
    // an escalation without a term: "zo spoedig mogelijk", as in the plain batch CSV
    expect(recs.get('L1006')!.slice(6, 8)).toEqual(['rmc:verzuim-4-weken:zo spoedig mogelijk', 'zo spoedig mogelijk']);
    expect(recs.get('L1006')![9]).toContain('16-uur 15-04-2026..21-04-2026 (40 u, 5 d, herhaalmelding 1)');
    expect(recs.get('L1004')![15]).toBe('jeugdarts:mazl-inschakelen [mazl-jeugdarts]');
    for (const cells of rows.slice(1).filter((c) => c[16] === '')) {
      expect(cells[2]).toMatch(/^\d\d-\d\d-\d{4}$/);
      for (const i of [5, 8, 14]) expect(['ja', 'nee']).toContain(cells[i]);
    }
    // a formula-like student number stays text
    expect(recs.has("'=1+2")).toBe(true);
    expect(r.stdout).toContain("\r\n13;'=1+2;12-06-2026;");
    // the row in error: the dialect's error columns, the problem in Dutch
    expect(recs.get('L1013')!.slice(16)).toEqual(['geboortedatum', 'deze datum bestaat niet in de kalender']);
  });

  it('under en is the machine contract: field names, true/false, ISO dates, the export delimiter, no BOM', async () => {
    const r = await runCli(RUN, { env: { LANG: 'en_US.UTF-8' } });
    expect(r.stdout.startsWith('line;studentRef;referenceDate;')).toBe(true);
    const rows = rowsOf(r.stdout, ';');
    expect(rows[0]).toEqual(EN_HEADERS);
    for (const cells of rows) expect(cells).toHaveLength(EN_HEADERS.length);
    const recs = byRef(rows);
    expect(recs.get('L1001')).toEqual(['2', 'L1001', '2026-06-12', '15', 'volledig', 'true', 'leerplicht:verzuimmelding-16-uur:2026-03-09:overdue', '2026-03-09', 'true', '16-uur 2026-02-02..2026-03-02 (16 h, 4 d)', '0', '0', '0', '0', 'false', '', '', '']);
    expect(recs.get('L1006')!.slice(6, 8)).toEqual(['rmc:verzuim-4-weken', '']);
    expect(recs.get('L1006')![9]).toContain('16-uur 2026-04-15..2026-04-21 (40 h, 5 d, repeat 1)');
    expect(recs.has("'=1+2")).toBe(true);
    expect(recs.get('L1013')!.slice(16)).toEqual(['geboortedatum', 'not a date in the calendar']);
    const flag = await runCli([...RUN, '--lang', 'en'], { env: { LANG: 'nl_NL.UTF-8' } });
    expect(flag.stdout).toBe(r.stdout);
    const nl = await runCli(RUN, { env: { LANG: 'nl_NL.UTF-8' } });
    expect(nl.stdout).not.toBe(r.stdout);
  });

  it('the to-dos of a school protocol: reached and overdue markers and dates per language', async () => {
    const layer = [...RUN, '--rules', 'voorbeeldschool-verzuimprotocol'];
    const nl = byRef(rowsOf((await runCli(layer, { env: { LANG: 'nl_NL.UTF-8' } })).stdout, ';'));
    expect(nl.get('L1008')![15]).toContain('mentor:gesprek-leerling:12-06-2026:bereikt-12-06-2026 [te-laat-3]');
    expect(nl.get('L1010')![15]).toContain('mentor:gesprek-leerling:03-06-2026:te-laat:bereikt-03-06-2026 [te-laat-3]');
    const en = byRef(rowsOf((await runCli(layer, { env: { LANG: 'en_US.UTF-8' } })).stdout, ';'));
    expect(en.get('L1008')![15]).toContain('mentor:gesprek-leerling:2026-06-12:reached-2026-06-12 [te-laat-3]');
    expect(en.get('L1010')![15]).toContain('mentor:gesprek-leerling:2026-06-03:overdue:reached-2026-06-03 [te-laat-3]');
  });
});
