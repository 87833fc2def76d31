// What users tripped over in plain `batch` (issue 17): the peildatum line, the summary, the CSV.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-batch-daily-'));
const file = (name: string, content: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const HEAD = 'leerlingnummer;geboortedatum;peildatum;onderwijssoort;ingeschreven;startkwalificatie\n';

describe('the peildatum line (item 5)', () => {
  it('names no empty cells when every row has its own peildatum', async () => {
    const r = await runCli(['batch', 'data/examples/leerlingen.csv']);
    expect(r.stdout).toMatch(/^peildatum: 12-06-2026 uit de kolom peildatum$/m);
    expect(r.stdout).not.toContain('lege cellen');
  });

  it('names the fallback for the empty cells, and keeps it out of the column range', async () => {
    const path = file('half.csv', `${HEAD}L1;14-03-2011;12-06-2026;vo;ja;nee\nL2;02-09-2012;;vo;ja;nee\n`);
    const r = await runCli(['batch', path, '--reference-date', '01-06-2026']);
    expect(r.stdout).toMatch(/^peildatum: 12-06-2026 uit de kolom peildatum; lege cellen: 01-06-2026 \(--reference-date\)$/m);
    const en = await runCli(['batch', 'data/examples/leerlingen.csv', '--lang', 'en']);
    expect(en.stdout).toMatch(/^reference date: 12-06-2026 from the peildatum column$/m);
  });
});

describe('no English in Dutch output (item 13)', () => {
  it('a cell without a header is named by its number, not "(column 4)"', async () => {
    const path = file('extra.csv', 'leerlingnummer;geboortedatum;peildatum\nL1;01-03-2012;01-12-2026;extra\n');
    const r = await runCli(['batch', path]);
    expect(r.stdout).toMatch(/L1 +#4 +heeft een waarde/);
    expect(r.stdout).not.toContain('column');
  });

  it('the hints and the help name BESTAND, not FILE; --region takes a <regio>', async () => {
    const r = await runCli(['batch', 'data/examples/leerlingen.csv', '--registrations', 'data/examples/registraties.csv']);
    expect(r.stderr).toContain('--calendar KALENDER.json'); // without --calendar: the shipped holidays of the rule set's region, and how to give the school's own
    expect(r.stderr).not.toMatch(/\bFILE\b/);
    expect((await runCli(['batch', '--help'])).stdout).toContain('--region <regio>');
    const note = await runCli(['cases', 'note', '1', 'bsn', '111222333', '--db', join(tmp, 'cases.db')]);
    expect(note.stderr).toMatch(/^zorgroute: fout: tekst: /m);
    expect((await runCli(['route', '-'], { input: '{"studentRef":"L1"}' })).stderr).not.toContain('de README voor elk veld');
  });
});

describe('the plain batch summary shows what is late and what is to do (item 4)', () => {
  it('Te laat per target, and a Te doen section naming the students who need only a referral', async () => {
    const r = await runCli(['batch', 'data/examples/verzuimexport.csv']);
    expect(r.stdout).toMatch(/^Escaleren naar +Leerlingen +Te laat +Eerste termijn$/m);
    expect(r.stdout).toMatch(/^leerplichtambtenaar +13 +1 +do 29-01-2026$/m);
    expect(r.stdout).toContain('Te doen (doorverwijzen):');
    expect(r.stdout).toMatch(/^jeugdarts \(GGD\) +2$/m);
    expect(r.stdout).toMatch(/240127.\(28\), 240128.\(29\)/);
    expect(r.stdout).toMatch(/240121.\(22\)/); // cluster 1: a referral only, named nowhere before
    const en = await runCli(['batch', 'data/examples/verzuimexport.csv', '--lang', 'en', '--threads', '2']);
    expect(en.stdout).toMatch(/^Escalate to +Students +Overdue +Earliest deadline$/m);
    expect(en.stdout).toContain('To do (referrals):');
  });
});

describe('an impossible date gets one message everywhere (item 14)', () => {
  it('batch says the day does not exist, as route does', async () => {
    const path = file('feb31.csv', `${HEAD}L1;31-02-2012;12-06-2026;vo;ja;nee\n`);
    const r = await runCli(['batch', path]);
    expect(r.exitCode).toBe(4);
    expect(r.stdout).toContain('deze datum bestaat niet in de kalender');
    expect(r.stdout).not.toContain('verwacht dd-mm-jjjj');
    const route = await runCli(['route', '-'], { input: JSON.stringify({ studentRef: 'L1', birthDate: '2012-02-31' }) });
    expect(route.stderr).toContain('deze datum bestaat niet in de kalender');
  });
});

describe('--out MAP/ without --format (item 17)', () => {
  it('says the folder is a folder, not that a format is missing', async () => {
    const r = await runCli(['batch', 'data/examples/verzuimexport.csv', '--out', `${tmp}/`]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is een map, geen bestand');
    expect(r.stderr).not.toContain('formaat nodig');
    expect((await runCli(['batch', 'data/examples/verzuimexport.csv', '--out', tmp])).stderr).toContain('is een map');
  });
});

describe('the registrations summary’s Periodes table (item 17)', () => {
  it('has column heads and a right-aligned count', async () => {
    const r = await runCli(['batch', 'data/examples/leerlingen.csv', '--registrations', 'data/examples/registraties.csv', '--calendar', 'data/examples/kalender-voorbeeldschool.json', '--codes', 'data/examples/codes-voorbeeldschool.csv']);
    expect(r.stdout).toMatch(/^Periodes +Aantal$/m);
    expect(r.stdout).toMatch(/^16 uur ongeoorloofd verzuim +14$/m);
    expect(r.stdout).toMatch(/^luxeverzuim +1$/m);
    const widths = r.stdout.split('\n').filter((l) => /^(16 uur ongeoorloofd verzuim|luxeverzuim) +\d+$/.test(l)).map((l) => l.length);
    expect(new Set(widths).size).toBe(1); // the counts end in one column
  });
});
