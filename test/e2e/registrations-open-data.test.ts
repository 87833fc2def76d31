// batch --registrations --calendar with the Rijksoverheid open data as the service really serves
// it (test/fixtures/registrations/rijksoverheid-schoolvakanties.json): each UTC stamp read as its
// Dutch day, the notice that the dates are an advice, and the files that cannot be used.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';

const OPEN_DATA = fixture('registrations/rijksoverheid-schoolvakanties.json');
const ONE_YEAR = fixture('registrations/rijksoverheid-2025-2026.json');
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-open-data-'));

const students = join(tmp, 'leerlingen.csv');
writeFileSync(students, 'leerlingnummer;geboortedatum;peildatum;onderwijssoort\r\nL2001;14-03-2012;15-01-2026;vo\r\n');

function registrations(name: string, days: string[]): string {
  const file = join(tmp, name);
  writeFileSync(file, `leerlingnummer;datum;code\r\n${days.map((d) => `L2001;${d};A`).join('\r\n')}\r\n`);
  return file;
}

const run = (reg: string, calendar: string, extra: string[] = []) => runCli(['batch', students, '--registrations', reg, '--calendar', calendar, ...extra]);

describe('batch --registrations over the Rijksoverheid open data', () => {
  it('Friday before the herfstvakantie (start 22:00Z the evening before) and Monday after the kerstvakantie (end 23:59Z) are school days', async () => {
    const r = await run(registrations('edges.csv', ['17-10-2025', '05-01-2026']), OPEN_DATA, ['--region', 'noord']);
    expect(r.stderr).not.toMatch(/geen schooldag/);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/meegeteld +2\n/);
  });

  it('the first and last days of a vacation are no school days', async () => {
    const r = await run(registrations('inside.csv', ['20-10-2025', '24-10-2025', '22-12-2025', '02-01-2026']), OPEN_DATA, ['--region', 'noord']);
    expect(r.exitCode).toBe(4);
    expect(r.stderr.match(/is geen schooldag/g)).toHaveLength(4);
  });

  it('says on stderr that the calendar is the Rijksoverheid advice, which vacations are advice only, and what the law counts by', async () => {
    const r = await run(registrations('one.csv', ['17-10-2025']), OPEN_DATA, ['--region', 'noord']);
    expect(r.stderr).toContain('zorgroute: let op: kalender = advies van de Rijksoverheid (regio noord)');
    expect(r.stderr).toContain(`bron: open data schoolvakanties, ${OPEN_DATA}`);
    expect(r.stderr).toContain('    Herfstvakantie 2025-2026: 18-10-2025 t/m 26-10-2025');
    expect(r.stderr).toContain('    Kerstvakantie 2025-2026: 20-12-2025 t/m 04-01-2026');
    expect(r.stderr).not.toContain('Zomervakantie');
    expect(r.stderr).not.toContain('Kerstvakantie 2026-2027'); // "true" in the file: not an advice
    expect(r.stderr).toContain('De wet telt met de kalender van de school zelf');
    expect(r.stderr).toContain('--calendar KALENDER.json (zonder --region; zie de README)');
    // Every line of the notice fits 80 columns (the one naming the file is as long as its name).
    for (const line of r.stderr.split('\n').filter((l) => !l.includes(OPEN_DATA))) expect(line.length).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('kalender: Rijksoverheid schoolvakanties regio noord\n  25-08-2025 – 29-08-2027\n');
    expect(r.stdout).toContain(`bron: ${OPEN_DATA} (open data Rijksoverheid: advies, regio noord)`);
  });

  it('in English, and with --format ndjson the notice still goes to stderr', async () => {
    const r = await run(registrations('one-en.csv', ['22-10-2025']), OPEN_DATA, ['--region', 'zuid', '--lang', 'en', '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('zorgroute: warning: the calendar is the Rijksoverheid advice (region zuid)');
    expect(r.stderr).toContain('    Herfstvakantie 2025-2026: 11-10-2025 to 19-10-2025');
    expect(r.stderr).toContain("The law counts by the school's own calendar");
    expect(JSON.parse(r.stdout.trim()).studentRef).toBe('L2001');
  });

  it('a school year on its own: exit 2 naming the file, its school year and what to download', async () => {
    const r = await run(registrations('short.csv', ['17-10-2025']), ONE_YEAR, ['--region', 'noord']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${ONE_YEAR} dekt geen heel schooljaar voor regio noord (schooljaren in het bestand: 2025-2026)`);
    expect(r.stderr).toContain('download de hele lijst (opendata.rijksoverheid.nl …/infotypes/schoolholidays?output=json; zie de README)');
  });

  it('a region the file does not name: exit 2 with the regions it has', async () => {
    const onlyZuid = JSON.parse(readFileSync(OPEN_DATA, 'utf8')) as { content: { vacations: { regions: { region: string }[] }[] }[] }[];
    for (const y of onlyZuid) for (const c of y.content) for (const v of c.vacations) v.regions = v.regions.filter((x) => x.region.trim() === 'zuid');
    const file = join(tmp, 'zuid.json');
    writeFileSync(file, JSON.stringify(onlyZuid));
    const r = await run(registrations('zuid.csv', ['17-10-2025']), file, ['--region', 'noord', '--lang', 'en']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${file} does not name region noord (it has: zuid)`);
  });

  it('the service’s XML form (downloaded without ?output=json): exit 2 saying to ask for JSON', async () => {
    const file = join(tmp, 'schoolvakanties.xml');
    writeFileSync(file, '<?xml version="1.0" encoding="UTF-8"?>\n<schoolholidays><content/></schoolholidays>\n');
    const r = await run(registrations('xml.csv', ['17-10-2025']), file, ['--region', 'noord']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${file} is XML; zorgroute leest de open data als JSON`);
    expect(r.stderr).toContain('?output=json');
  });

  it('a stamp that is no date: exit 2 naming the file and the field', async () => {
    const file = join(tmp, 'bad-stamp.json');
    writeFileSync(file, readFileSync(OPEN_DATA, 'utf8').replace('"2026-10-10T00:00:00.000Z"', '"10-10-2026"'));
    const r = await run(registrations('bad.csv', ['17-10-2025']), file, ['--region', 'noord']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`de kalender ${file} is niet geldig`);
    expect(r.stderr).toMatch(/startdate/);
  });

  it('the school’s own calendar: no advice notice, the summary names it as the school’s', async () => {
    const own = join(tmp, 'kalender.json');
    writeFileSync(own, JSON.stringify({ name: 'Eigen school', from: '2025-08-25', to: '2026-07-10', holidays: [{ name: 'herfstvakantie', from: '2025-10-18', to: '2025-10-26' }] }));
    const r = await run(registrations('own.csv', ['17-10-2025']), own);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).not.toContain('advies');
    expect(r.stdout).toContain(`bron: ${own} (kalender van de school)`);
  });
});
