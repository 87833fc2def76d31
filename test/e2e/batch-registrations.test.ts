// zorgroute batch STUDENTS.csv --registrations REG.csv on the built binary: the shipped example,
// the exits that stop a run before any output, rows in error, --since, --log twice, and a copy
// of the example saved the way Excel does.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';

const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
const STUDENTS = ex('leerlingen.csv');
const REG = ex('registraties.csv');
const BASE = ['--registrations', REG, '--codes', ex('codes-voorbeeldschool.csv'), '--calendar', ex('kalender-voorbeeldschool.json')];
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-registrations-'));

interface Rec {
  studentRef: string;
  inform: { party: string }[];
  escalations: { to: string; type: string; deadline: string | null; overdue: boolean; period?: { from: string; to: string; hours: number; days: number; repeat?: number }; melding?: Record<string, unknown> }[];
  absence: { unexcusedHours4w: number; unexcusedWeeks: number; sickReports12w: number; sickDaysInRow: number; removalsSchoolYear?: number; periods: { kind: string; from: string; to: string }[] };
}

const records = (stdout: string): Map<string, Rec> => new Map(stdout.trim().split('\n').map((l) => JSON.parse(l) as Rec).map((r) => [r.studentRef, r]));

describe('batch --registrations', () => {
  it('the example: one record per student, one escalation per period, deadlines in working days from period.to', async () => {
    const r = await runCli(['batch', STUDENTS, ...BASE, '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    const recs = records(r.stdout);
    expect(recs.size).toBe(11);
    // 16 hours over the voorjaarsvakantie: 4 Mondays in 5 calendar weeks.
    expect(recs.get('L1001')!.escalations).toMatchObject([{ type: 'verzuimmelding-16-uur', period: { from: '2026-02-02', to: '2026-03-02', hours: 16, days: 4 }, deadline: '2026-03-09', overdue: true }]);
    // Koningsdag (Monday 27 April) is no working day: 5 working days after Wednesday 22 April is Thursday 30 April.
    expect(recs.get('L1002')!.escalations[0]).toMatchObject({ deadline: '2026-04-30', melding: { soort: '16-uur', begindatum: '2026-04-21', einddatum: '2026-04-22', verzuimuren: 16, verzuimdagen: 2, alleLessenGemist: true, reden: null, maatregelen: null } });
    // A report and a vervolgmelding (one lesson attended on 20 May: not continuous): two periods,
    // two escalations (tweede Pinksterdag skipped).
    expect(recs.get('L1003')!.escalations.map((e) => [e.period!.from, e.period!.to, e.period!.hours, e.deadline, e.period!.repeat])).toEqual([
      ['2026-05-18', '2026-05-19', 16, '2026-05-27', undefined],
      ['2026-05-20', '2026-05-22', 16, '2026-06-01', undefined],
    ]);
    // Away from 11 May on (one registration with an einddatum): a report, then one herhaalmelding
    // per 7 calendar days, at most 4, then langdurig relatief verzuim at more than 4 lesweken.
    expect(recs.get('L1011')!.escalations.map((e) => [e.type, e.period!.from, e.period!.to, e.deadline, e.period!.repeat ?? 0, e.melding!.herhaalmelding ?? 0])).toEqual([
      ['verzuimmelding-16-uur', '2026-05-11', '2026-05-12', '2026-05-20', 0, 0], // Hemelvaart skipped
      ['verzuimmelding-16-uur', '2026-05-13', '2026-05-19', '2026-05-27', 1, 1],
      ['verzuimmelding-16-uur', '2026-05-20', '2026-05-26', '2026-06-02', 2, 2],
      ['verzuimmelding-16-uur', '2026-05-27', '2026-06-02', '2026-06-09', 3, 3],
      ['verzuimmelding-16-uur', '2026-06-03', '2026-06-09', '2026-06-16', 4, 4],
      ['langdurig-relatief-verzuim', '2026-05-11', '2026-06-08', null, 0, 0],
    ]);
    expect(recs.get('L1004')!.absence.periods.map((p) => p.kind)).toEqual(['mazl-4-meldingen']);
    expect(recs.get('L1004')!.inform.map((i) => i.party)).toContain('jeugdarts');
    expect(recs.get('L1005')!.absence.periods).toEqual([{ kind: 'mazl-7-dagen', from: '2026-06-01', to: '2026-06-09', hours: 0, days: 7 }]);
    expect(recs.get('L1006')!.escalations).toMatchObject([{ to: 'rmc', type: 'verzuim-4-weken', period: { from: '2026-04-13', to: '2026-05-15', days: 18 } }]);
    expect(recs.get('L1007')!.escalations).toMatchObject([{ type: 'luxeverzuim', period: { from: '2026-04-30', to: '2026-05-01' } }]);
    expect(recs.get('L1008')!.absence).toEqual({
      unexcusedHours4w: 0,
      unexcusedWeeks: 0,
      sickReports12w: 0,
      sickDaysInRow: 0,
      luxuryAbsence: false,
      lateArrivalsSchoolYear: 3, // the quick start's week of signals: late on 8, 10 and 12 June, never an hour
      lateArrivals4w: 3,
      unexcusedHoursSchoolYear: 0,
      removalsSchoolYear: 0,
      sickReportsSchoolYear: 0,
      periods: [],
    });
    expect(recs.get('L1009')!.absence.unexcusedHours4w).toBe(3); // PO clock hours: 1.5 + 1.5
    expect(recs.get('L1010')!.absence.unexcusedHours4w).toBe(0); // te laat is no absence
    expect(recs.get('L1010')!.absence).toMatchObject({ lateArrivalsSchoolYear: 5, lateArrivals4w: 5 }); // but counted for a school's steps
    expect(recs.get('L1002')!.absence.removalsSchoolYear).toBe(2);
    expect(recs.get('L1010')).toMatchObject({ mentor: 'De Vries', klas: '2A' });
    expect(r.stderr).toMatch(/11 leerlingen, 95 registraties \(0 ongeldig\)/);
  });

  it('the summary says which calendar and code table were used, and shows the meldingen', async () => {
    const r = await runCli(['batch', STUDENTS, ...BASE]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('kalender: Voorbeeldschool 2025-2026');
    expect(r.stdout).toContain(`codetabel: ${ex('codes-voorbeeldschool.csv')}`);
    expect(r.stdout).toMatch(/L1002 — leerplichtambtenaar \(verzuimmelding-16-uur\)\n {2}uiterlijk do 30-04-2026 — TE LAAT/);
    expect(r.stdout).toMatch(/vermoedelijke reden +…… \(in te vullen\)/);
    // Dates for people as dd-mm-jjjj; a herhaalmelding says so, with its number.
    expect(r.stdout).toMatch(/L1011 — leerplichtambtenaar \(verzuimmelding-16-uur\)\n {2}uiterlijk wo 27-05-2026 — TE LAAT\n {2}soort +16 uur ongeoorloofd verzuim\n {2}herhaalmelding +ja, nr\. 1 \(continu verzuim\)\n {2}begindatum +13-05-2026\n {2}einddatum +19-05-2026\n {2}verzuimuren +32\n/);
    expect(r.stdout).toContain('  25-08-2025 – 10-07-2026');
    // The referrals a period brings (MAZL: the jeugdarts), with who has them.
    expect(r.stdout).toContain('Te doen (doorverwijzen):\njeugdarts (GGD) (mazl-inschakelen) — Leerlingnummers (regel):\n  L1004 (5), L1005 (6)\n');
    const en = await runCli(['batch', STUDENTS, ...BASE, '--lang', 'en']);
    expect(en.stdout).toContain('To do (referrals):\njeugdarts (GGD) (mazl-inschakelen) — Student numbers (line):\n  L1004 (5), L1005 (6)\n');
    expect(en.stdout).toMatch(/ {2}repeat report +yes, no\. 1 \(continuous absence\)\n {2}first day +13-05-2026\n/);
    const csv = await runCli(['batch', STUDENTS, ...BASE, '--format', 'csv']);
    expect(csv.stdout).toContain('16-uur 13-05-2026..19-05-2026 (32 u, 4 d, herhaalmelding 1)');
  });

  it('an unknown code: exit 2 listing each code with its count, nothing on stdout', async () => {
    const r = await runCli(['batch', STUDENTS, ...BASE.slice(2), '--registrations', fixture('registrations/unknown-codes.csv'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/2 codes staan niet in de codetabel/);
    expect(r.stderr).toMatch(/X: 2 registraties/);
    expect(r.stderr).toMatch(/Q: 1 registratie\b/);
  });

  it('absence columns in the students file plus --registrations: exit 2 naming them', async () => {
    const r = await runCli(['batch', ex('verzuimexport.csv'), ...BASE]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('"ongeoorloofd_verzuim_uren_4wk"');
    expect(r.stderr).toContain('"ziektedagen_aaneengesloten"');
  });

  it('a date outside the calendar: exit 2 naming the date and the flag', async () => {
    const r = await runCli(['batch', STUDENTS, ...BASE.slice(2), '--registrations', fixture('registrations/outside-calendar.csv'), '--lang', 'en']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/line 3: registration on 2025-08-20 is outside the calendar/);
    expect(r.stderr).toContain('--calendar FILE');
  });

  it('no calendar and no region (neither --region nor in the rule set): exit 2 naming --region and --calendar', async () => {
    const rules = JSON.parse(readFileSync(new URL('../../data/rules/swv-vo-groningen-ommelanden.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    delete rules.region;
    const noRegion = join(tmp, 'rules-without-region.json');
    writeFileSync(noRegion, JSON.stringify(rules));
    const r = await runCli(['batch', STUDENTS, '--registrations', REG, '--rules', noRegion]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--region noord|midden|zuid');
    expect(r.stderr).toContain('--calendar KALENDER.json');
  });

  it('bad registration rows are reported with file, line and column, counted, and the rest runs (exit 4)', async () => {
    const file = fixture('registrations/bad-rows.csv');
    const r = await runCli(['batch', STUDENTS, ...BASE.slice(2), '--registrations', file, '--format', 'ndjson']);
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain(`${file} regel 3, kolom "datum": is geen datum`);
    expect(r.stderr).toContain(`${file} regel 4, kolom "leerlingnummer": staat niet in het leerlingenbestand`);
    expect(r.stderr).toContain(`${file} regel 5, kolom "datum": is geen schooldag`);
    expect(r.stderr).toContain(`${file} regel 6, kolom "lesuur": is geen lesuur`);
    expect(r.stderr).toContain('1 registratie ligt na de peildatum en telt niet mee');
    expect(r.stderr).toMatch(/6 registraties \(4 ongeldig\)/);
    expect(records(r.stdout).get('L1001')!.absence.unexcusedHours4w).toBe(0); // February is long before the peildatum window
  });

  it('--since keeps only periods that end on or after the date', async () => {
    const r = await runCli(['batch', STUDENTS, ...BASE, '--format', 'ndjson', '--since', '20-05-2026']);
    expect(r.exitCode).toBe(0);
    const recs = records(r.stdout);
    expect(recs.get('L1001')!.escalations).toEqual([]);
    expect(recs.get('L1003')!.escalations.map((e) => e.period!.to)).toEqual(['2026-05-22']);
    expect(recs.get('L1005')!.absence.periods.map((p) => p.to)).toEqual(['2026-06-09']);
  });

  it('--log twice: one entry per period (escalation or to-do), nothing added the second time', async () => {
    const db = join(tmp, 'cases.db');
    const first = await runCli(['batch', STUDENTS, ...BASE, '--log', '--db', db, '--lang', 'en']);
    expect(first.exitCode).toBe(0);
    const conn = () => new Database(db, { readonly: true });
    const count = () => {
      const c = conn();
      try {
        return (c.prepare("SELECT count(*) AS n FROM events WHERE kind = 'decision'").get() as { n: number }).n;
      } finally {
        c.close();
      }
    };
    expect(count()).toBe(14); // L1001, L1002, L1003 ×2, L1006, L1007, L1011 ×6; the MAZL to-dos of L1004 and L1005
    const second = await runCli(['batch', STUDENTS, ...BASE, '--log', '--db', db, '--lang', 'en']);
    expect(second.exitCode).toBe(0);
    expect(second.stderr).toMatch(/0 recorded, 14 recorded before/);
    expect(count()).toBe(14);
    const due = await runCli(['cases', 'due', '--db', db, '--json']);
    const { items } = JSON.parse(due.stdout) as { items: { kind: string; studentRef: string; deadline: string | null; status: string }[] };
    // Overdue reports first; each period a case of its own (L1003: the report and the vervolgmelding).
    expect(items.map((i) => [i.kind, i.studentRef, i.deadline, i.status])).toEqual([
      ['escalation', 'L1001', '2026-03-09', 'overdue'],
      ['escalation', 'L1002', '2026-04-30', 'overdue'],
      ['escalation', 'L1011', '2026-05-20', 'overdue'],
      ['escalation', 'L1003', '2026-05-27', 'overdue'],
      ['escalation', 'L1011', '2026-05-27', 'overdue'],
      ['escalation', 'L1003', '2026-06-01', 'overdue'],
      ['escalation', 'L1011', '2026-06-02', 'overdue'],
      ['escalation', 'L1011', '2026-06-09', 'overdue'],
      ['escalation', 'L1011', '2026-06-16', 'overdue'], // cases due judges by today, not the peildatum
      ['todo', 'L1004', null, 'asap'],
      ['todo', 'L1005', null, 'asap'],
      ['escalation', 'L1006', null, 'asap'],
      ['escalation', 'L1007', null, 'asap'],
      ['escalation', 'L1011', null, 'asap'],
    ]);
    const show = await runCli(['cases', 'show', '2', '--db', db]);
    expect(show.stdout).toMatch(/L1002 — leerplichtambtenaar \(verzuimmelding-16-uur\)\n {2}uiterlijk do 30-04-2026 — TE LAAT\n {2}soort +16 uur ongeoorloofd verzuim\n {2}begindatum +21-04-2026/);
  });

  it('a copy saved the way Excel does (BOM, CRLF, Windows-1252 students file) gives the same records', async () => {
    const bom = join(tmp, 'registraties-excel.csv');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(REG)]));
    const students = join(tmp, 'leerlingen-excel.csv');
    // Windows-1252 (é as one byte), CRLF, and a free-text column zorgroute ignores (with a warning).
    const lines = readFileSync(STUDENTS, 'utf8').trim().split(/\r?\n/);
    const text = lines.map((l, i) => `${l};${i === 0 ? 'opmerking' : i === 1 ? 'café-bezoek' : ''}`).join('\r\n');
    writeFileSync(students, Buffer.from(`${text}\r\n`, 'latin1'));
    const a = await runCli(['batch', STUDENTS, ...BASE, '--format', 'ndjson']);
    const b = await runCli(['batch', students, '--registrations', bom, ...BASE.slice(2), '--format', 'ndjson']);
    expect(b.exitCode).toBe(0);
    expect(b.stdout).toBe(a.stdout.replaceAll(STUDENTS, students));
    expect(b.stderr).toContain('"opmerking"');
  });
});
