// batch --registrations without --calendar: the Rijksoverheid school holidays zorgroute ships
// (data/calendars/), for --region or the rule set's region; a school year that is not shipped stops
// the run; a school's own calendar wins and the summary says where it differs from the advice.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-shipped-'));
const write = (name: string, text: string): string => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};

const students = write('leerlingen.csv', 'leerlingnummer;geboortedatum;peildatum;onderwijssoort\r\nL3001;14-03-2012;30-10-2026;vo\r\n');
// 16 unexcused lesuren around noord's herfstvakantie (10–18 October 2026): 2 on Monday 28 September,
// 2 on Monday 5 October, then lesuur 1 and 2 of every school day from Friday 9 to Friday 23 October.
// In noord those days are 9 October and 19–23 October (12–16 October is its herfstvakantie); in zuid
// (herfstvakantie 17–25 October) they are 9 October and 12–16 October.
const october = write(
  'oktober-2026.csv',
  ['leerlingnummer;datum;lesuur;code;einddatum', 'L3001;28-09-2026;1;A;', 'L3001;28-09-2026;2;A;', 'L3001;05-10-2026;1;A;', 'L3001;05-10-2026;2;A;', 'L3001;09-10-2026;1;A;23-10-2026', 'L3001;09-10-2026;2;A;23-10-2026', ''].join('\r\n'),
);

interface Rec {
  absence: { periods: { kind: string; from: string; to: string; hours: number; days: number }[] };
  escalations: { deadline: string; melding?: { einddatum: string; verzuimuren: number } }[];
}
const record = (stdout: string): Rec => JSON.parse(stdout.trim().split('\n')[0]!) as Rec;

function rulesWithRegion(region: string | undefined): string {
  const rules = JSON.parse(readFileSync(new URL('../../data/rules/swv-vo-groningen-ommelanden.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  if (region === undefined) delete rules.region;
  else rules.region = region;
  return write(`rules-${region ?? 'none'}.json`, JSON.stringify(rules));
}

describe('batch --registrations over the shipped holidays', () => {
  it('noord: the 16 hours are counted over the herfstvakantie week (28 September – 23 October: 4 lesweken, the holiday week skipped)', async () => {
    const r = await runCli(['batch', students, '--registrations', october, '--region', 'noord', '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    const rec = record(r.stdout);
    expect(rec.absence.periods).toEqual([{ kind: '16-uur', from: '2026-09-28', to: '2026-10-23', hours: 16, days: 8 }]);
    expect(rec.escalations.map((e) => [e.melding?.einddatum, e.deadline])).toEqual([['2026-10-23', '2026-10-30']]);
  });

  it('zuid counts differently: 12–16 October are school days there, so the 16th hour falls a week earlier (16 October, due 23 October)', async () => {
    const r = await runCli(['batch', students, '--registrations', october, '--region', 'zuid', '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    const rec = record(r.stdout);
    expect(rec.absence.periods).toEqual([{ kind: '16-uur', from: '2026-09-28', to: '2026-10-16', hours: 16, days: 8 }]);
    expect(rec.escalations.map((e) => [e.melding?.einddatum, e.deadline])).toEqual([['2026-10-16', '2026-10-23']]);
  });

  it("without --region the rule set's region is used", async () => {
    const r = await runCli(['batch', students, '--registrations', october, '--rules', rulesWithRegion('zuid'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    expect(record(r.stdout).absence.periods[0]!.to).toBe('2026-10-16');
    const noord = await runCli(['batch', students, '--registrations', october, '--rules', rulesWithRegion('zuid'), '--region', 'noord', '--format', 'ndjson']);
    expect(record(noord.stdout).absence.periods[0]!.to).toBe('2026-10-23'); // --region wins
  });

  it('keeps the advice notice, says what is assumed, and the summary names the source and the school year', async () => {
    const r = await runCli(['batch', students, '--registrations', october, '--region', 'noord']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('zorgroute: let op: kalender = advies Rijksoverheid (regio noord), meegeleverd');
    expect(r.stderr).toContain('    Herfstvakantie 2026-2027: 10-10-2026 t/m 18-10-2026');
    expect(r.stderr).not.toContain('Kerstvakantie'); // compulsory: not an advice
    expect(r.stderr).toContain('eerste schooldag = maandag na de');
    expect(r.stderr).toContain('    2026-2027: 17-08-2026 t/m 09-07-2027');
    for (const line of r.stderr.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('bron: data/calendars/rijksoverheid-schoolvakanties.json (meegeleverd: advies Rijksoverheid, regio noord, 2026-2027)');
    const en = await runCli(['batch', students, '--registrations', october, '--region', 'noord', '--lang', 'en']);
    expect(en.stderr).toContain('zorgroute: warning: calendar = shipped Rijksoverheid advice (region noord)');
    expect(en.stderr).toContain('first school day = the Monday after the');
    expect(en.stdout).toContain('(shipped: Rijksoverheid advice, region noord, 2026-2027)');
  });

  it('a registration in 2029-2030: exit 2 naming the shipped school years and how to give the school’s calendar', async () => {
    const late = write('leerlingen-2030.csv', 'leerlingnummer;geboortedatum;peildatum;onderwijssoort\r\nL3001;14-03-2014;15-10-2029;vo\r\n');
    const reg = write('reg-2029.csv', 'leerlingnummer;datum;code\r\nL3001;08-10-2029;A\r\n');
    const r = await runCli(['batch', late, '--registrations', reg, '--region', 'noord']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('valt in schooljaar 2029-2030; zorgroute levert de schoolvakanties (regio noord) van 2025-2026, 2026-2027, 2027-2028');
    expect(r.stderr).toContain('--calendar KALENDER.json');
    const en = await runCli(['batch', late, '--registrations', reg, '--region', 'noord', '--lang', 'en']);
    expect(en.stderr).toContain('is in school year 2029-2030; zorgroute ships the school holidays (region noord) of 2025-2026, 2026-2027, 2027-2028');
  });

  it('registrations spanning two school years of which one is not shipped: exit 2 naming the missing year', async () => {
    const reg = write('reg-two-years.csv', 'leerlingnummer;datum;code\r\nL3001;10-06-2025;A\r\nL3001;05-10-2026;A\r\n');
    const r = await runCli(['batch', students, '--registrations', reg, '--region', 'midden']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/regel 2: registratie op 10-06-2025 valt in schooljaar 2024-2025/);
  });

  it('registrations over two shipped years count over both, and the summary names both', async () => {
    const reg = write('reg-two-shipped.csv', 'leerlingnummer;datum;code\r\nL3001;10-06-2026;A\r\nL3001;05-10-2026;A\r\n');
    const r = await runCli(['batch', students, '--registrations', reg, '--region', 'noord']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('regio noord, 2025-2026, 2026-2027)');
    expect(r.stdout).toMatch(/meegeteld +2\n/);
  });
});

describe('zorgroute calendar', () => {
  it('init writes a calendar that passes check and that --calendar accepts', async () => {
    const file = join(tmp, 'kalender-noord.json');
    const init = await runCli(['calendar', 'init', '--school-year', '2026-2027', '--region', 'noord', '--out', file]);
    expect(init.exitCode).toBe(0);
    const spec = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(spec).toMatchObject({ from: '2026-08-17', to: '2027-07-09', studyDays: [], lessonsPerDay: { lesuren: 8, klokuren: 5.5 } });
    expect((spec.holidays as { name: string }[]).map((h) => h.name)).toEqual(['herfstvakantie', 'kerstvakantie', 'voorjaarsvakantie', 'meivakantie']);
    expect((spec.lestijden as unknown[]).length).toBe(8);
    const check = await runCli(['calendar', 'check', file, '--region', 'noord']);
    expect(check.exitCode).toBe(0);
    expect(check.stdout.trim()).toBe(`${file}: in orde`);
    const run = await runCli(['batch', students, '--registrations', october, '--calendar', file, '--format', 'ndjson']);
    expect(run.exitCode).toBe(0);
    expect(record(run.stdout).absence.periods[0]!.to).toBe('2026-10-23');
    const again = await runCli(['calendar', 'init', '--school-year', '2026-2027', '--region', 'noord', '--out', file]);
    expect(again.exitCode).toBe(2); // never over an existing file
  });

  it('init prints to stdout without --out; a year that is not shipped is refused naming the shipped ones', async () => {
    const r = await runCli(['calendar', 'init', '--school-year', '2027-2028', '--region', 'zuid']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ from: '2027-09-06', to: '2028-07-21' });
    const no = await runCli(['calendar', 'init', '--school-year', '2029-2030', '--region', 'zuid', '--lang', 'en']);
    expect(no.exitCode).toBe(2);
    expect(no.stderr).toContain('zorgroute ships no school holidays for 2029-2030 (it has: 2025-2026, 2026-2027, 2027-2028)');
  });

  it("a school's own calendar that differs from the region's advice wins, and the summary says so", async () => {
    const own = write(
      'eigen.json',
      JSON.stringify({ name: 'Eigen school', from: '2026-08-17', to: '2027-07-09', holidays: [{ name: 'herfst', from: '2026-10-17', to: '2026-10-25' }, { name: 'kerst', from: '2026-12-19', to: '2027-01-03' }, { name: 'voorjaar', from: '2027-02-20', to: '2027-02-28' }, { name: 'mei', from: '2027-04-24', to: '2027-05-02' }] }),
    );
    const r = await runCli(['batch', students, '--registrations', october, '--calendar', own, '--region', 'noord']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('wijkt af van het advies (regio noord); de kalender van de school telt:');
    expect(r.stdout).toContain('    Herfstvakantie 2026-2027: advies 10-10-2026 t/m 18-10-2026');
    const json = await runCli(['batch', students, '--registrations', october, '--calendar', own, '--region', 'noord', '--format', 'ndjson']);
    expect(record(json.stdout).absence.periods[0]!.to).toBe('2026-10-16'); // counted by the school's own weeks
  });

  it('check lists every problem at once (exit 2), errors and warnings, in Dutch and English', async () => {
    const bad = write(
      'slecht.json',
      JSON.stringify({
        name: 'x',
        from: '2026-08-17',
        to: '2027-08-20',
        holidays: [{ name: 'herfst', from: '2026-10-10', to: '2026-10-18' }, { name: 'kerst', from: '2026-12-19', to: '2027-01-03' }, { name: 'extra', from: '2027-01-02', to: '2027-01-05' }],
        studyDays: ['2026-10-24', '2026-12-22'],
        lestijden: [{ lesuur: 1, from: '08:30', to: '09:30' }, { lesuur: 2, from: '09:20', to: '10:10' }],
      }),
    );
    const r = await runCli(['calendar', 'check', bad, '--region', 'noord']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain('niet bruikbaar, 1 fout');
    expect(r.stdout).toContain('lestijden: lesuur 1 en lesuur 2 overlappen');
    expect(r.stdout).toContain('Voorjaarsvakantie 2026-2027 wijkt af van het advies voor regio noord');
    expect(r.stdout).toContain('de zomervakantie (10-07-2027 t/m 22-08-2027, regio noord) ontbreekt');
    expect(r.stdout).toContain('"kerst" en "extra" overlappen');
    expect(r.stdout).toContain('studiedag za 24-10-2026 valt in het weekend');
    expect(r.stdout).toContain('studiedag 22-12-2026 valt in kerst');
    const json = await runCli(['calendar', 'check', bad, '--region', 'noord', '--json']);
    const result = JSON.parse(json.stdout) as { ok: boolean; errors: unknown[]; warnings: { kind: string }[] };
    expect(result.ok).toBe(false);
    expect(result.warnings.map((w) => w.kind).sort()).toEqual(['differs-from-advice', 'differs-from-advice', 'ranges-overlap', 'study-day-in-holiday', 'study-day-weekend', 'zomervakantie-missing']);
    const shape = write('vorm.json', '{"name":"x","from":"2026-08-17","to":"1-1-2027","holidays":[{"name":"h","from":"2026-10-17"}],"lestijden":[{"lesuur":1,"from":"9:30","to":"10:00"}]}');
    const en = await runCli(['calendar', 'check', shape, '--lang', 'en']);
    expect(en.exitCode).toBe(2);
    expect(en.stdout).toContain('not usable, 3 errors');
    expect(en.stdout).toContain('to: expected a date YYYY-MM-DD');
    expect(en.stdout).toContain('lestijden[0].from: expected a time HH:MM (08:30)');
  });

  it('show and check refuse the open data file (not a school calendar), naming what to do instead', async () => {
    const openData = new URL('../fixtures/registrations/rijksoverheid-schoolvakanties.json', import.meta.url).pathname;
    for (const cmd of ['show', 'check']) {
      const r = await runCli(['calendar', cmd, openData, '--lang', 'en']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('is the open data "schoolvakanties", not a school\'s calendar');
    }
  });

  it('show: the holidays, public holidays, school days and lesweken of a school year, within 80 columns', async () => {
    const r = await runCli(['calendar', 'show', '--region', 'noord', '--school-year', '2026-2027']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Schooljaar 2026-2027 — regio noord (advies Rijksoverheid)');
    expect(r.stdout).toContain('eerste schooldag   ma 17-08-2026 (aangenomen: maandag na de zomervakantie)');
    expect(r.stdout).toMatch(/Herfstvakantie +za 10-10-2026 t\/m zo 18-10-2026 +advies/);
    expect(r.stdout).toMatch(/Kerstvakantie +za 19-12-2026 t\/m zo 03-01-2027 +verplicht/);
    expect(r.stdout).toContain('di 27-04-2027  Koningsdag');
    expect(r.stdout).toMatch(/totaal +205 +42/);
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const json = JSON.parse((await runCli(['calendar', 'show', '--region', 'zuid', '--school-year', '2026-2027', '--json'])).stdout) as { firstSchoolDay: string; assumed: boolean; holidays: { name: string; compulsory: boolean }[] };
    expect(json.firstSchoolDay).toBe('2026-08-24');
    expect(json.assumed).toBe(true);
    expect(json.holidays.filter((h) => h.compulsory).map((h) => h.name)).toEqual(['Kerstvakantie', 'Zomervakantie']);
  });
});

describe("times become lesuren through the school's lestijden", () => {
  const both = write('leerlingen-vo-po.csv', 'leerlingnummer;geboortedatum;peildatum;onderwijssoort\r\nL3101;14-03-2012;30-10-2026;vo\r\nL3102;14-03-2016;30-10-2026;po\r\n');
  const reg = write('tijden.csv', 'leerlingnummer;datum;code;begintijd;eindtijd\r\nL3101;05-10-2026;A;08:30;10:10\r\nL3101;06-10-2026;A;10:00;10:30\r\nL3102;05-10-2026;A;08:30;10:10\r\n');
  const hours = (stdout: string): Record<string, number> =>
    Object.fromEntries(stdout.trim().split('\n').map((l) => JSON.parse(l) as { studentRef: string; absence: { unexcusedHours4w: number } }).map((r) => [r.studentRef, Math.round(r.absence.unexcusedHours4w * 100) / 100]));

  it('VO: 08:30–10:10 is lesuur 1 and 2; 10:00–10:30 touches lesuur 2 and 3; PO keeps clock hours', async () => {
    const file = join(tmp, 'kalender-lestijden.json');
    await runCli(['calendar', 'init', '--school-year', '2026-2027', '--region', 'noord', '--out', file]);
    const r = await runCli(['batch', both, '--registrations', reg, '--calendar', file, '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    expect(hours(r.stdout)).toEqual({ L3101: 4, L3102: 1.67 });
    // Without lestijden a time range is its clock time (100 + 30 minutes).
    const spec = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete spec.lestijden;
    const plain = write('kalender-zonder-lestijden.json', JSON.stringify(spec));
    expect(hours((await runCli(['batch', both, '--registrations', reg, '--calendar', plain, '--format', 'ndjson'])).stdout)).toEqual({ L3101: 2.17, L3102: 1.67 });
  });

  it('a time outside every lestijd is a registration row in error (exit 4), never guessed', async () => {
    const file = join(tmp, 'kalender-lestijden-2.json');
    await runCli(['calendar', 'init', '--school-year', '2026-2027', '--region', 'noord', '--out', file]);
    const evening = write('avond.csv', 'leerlingnummer;datum;code;begintijd;eindtijd\r\nL3101;05-10-2026;A;18:00;19:00\r\n');
    const r = await runCli(['batch', both, '--registrations', evening, '--calendar', file]);
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toContain('valt buiten alle lestijden van de kalender (lestijden)');
  });
});
