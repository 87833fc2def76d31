// Issue 11: under a Dutch LANG every sentence zorgroute prints is Dutch, under an English LANG
// English — every command's --help and its error paths, commander's own errors, errno codes, a bad
// rule set, batch row problems (also in the CSV meant for Excel). The detector is test/e2e/language.ts.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dutchLines, englishLines } from './language.js';
import { fixture, runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-lang-'));
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

const db = join(tmp, 'cases.db');
const situation = JSON.stringify({ studentRef: 'L1', referenceDate: '2026-11-20', birthDate: '2012-03-01', unexcusedHours4w: 16, weeksWithoutPlace: 6 });
const badRules = file('bad-rules.json', JSON.stringify({ id: 'x', version: '1', title: 5, rules: [{ id: 'Bad Id', title: 't', source: '', when: { fact: 'shoeSize', op: 'gt', value: 1 }, then: {} }] }));
const notJson = file('broken.json', '{\n "studentRef": "L1",\n "birthDate": }');
const badNdjson = file('bad.ndjson', `${situation}\n{"studentRef":"L2","birthDate":"2026-02-30","colour":"red","unexcusedHours4w":-1}\n`);
const notADb = file('not-a-db.db', 'just text');
const folder = join(tmp, 'a-folder');
mkdirSync(folder);
const emptyCsv = file('empty.csv', '');
// saved the way Excel does: `;`, a BOM, CRLF, Windows-1252 (the ë of "reëel")
const excelRows = Buffer.concat([
  Buffer.from('leerlingnummer;geboortedatum;peildatum;ongeoorloofd_verzuim_uren_4wk;reeel_gevaar;opmerking\r\n', 'latin1'),
  Buffer.from('A1;31-02-2012;02-02-2026;veel;ja;\r\nA2;01-03-2012;02-02-2026;12;misschien;\r\nA3;;02-02-2026;0;nee;\r\nA4;01-03-2012;02-02-2026;0;nee;reëel 111222333\r\n', 'latin1'),
]);
const excel = file('excel.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), excelRows]));

/** Every command's help, and the error paths a user can walk into, as argv. */
const HELP: string[][] = [
  ['--help'],
  ['help'],
  ['help', 'route'],
  ['route', '--help'],
  ['intake', '--help'],
  ['batch', '--help'],
  ['cases', '--help'],
  ...['list', 'show', 'due', 'done', 'note', 'close', 'reopen', 'export', 'verify', 'purge', 'backup'].map((c) => ['cases', c, '--help']),
  ['cases', 'help', 'due'],
  ['completion', '--help'],
  ['config', '--help'],
  ['calendar', '--help'],
  ...['show', 'init', 'check'].map((c) => ['calendar', c, '--help']),
];

const ERRORS: { args: string[]; input?: string }[] = [
  { args: [] },
  { args: ['bogus'] },
  { args: ['route', '--jsn'] },
  { args: ['route', 'a.json', 'b.json'] },
  { args: ['route'], input: '' },
  { args: ['route', join(tmp, 'nope.json')] },
  { args: ['route', folder] },
  { args: ['route', notJson] },
  { args: ['route', badNdjson] },
  { args: ['route', '-', '--rules', badRules], input: situation },
  { args: ['route', '-', '--rules', join(tmp, 'nope-rules.json')], input: situation },
  { args: ['route', '-', '--db', db], input: situation },
  { args: ['route', '-', '--lang'], input: situation },
  { args: ['route', '-', '--log', '--db', notADb], input: situation },
  { args: ['intake'] },
  { args: ['intake', '--no-input', '--db', db] },
  { args: ['intake', '--no-input', '--db', db, '--student', '111222333', '--birth-date', '31-02-2012', '--set', 'shoeSize=1', '--set', 'danger'] },
  { args: ['batch'] },
  { args: ['batch', join(tmp, 'nope.csv')] },
  { args: ['batch', folder] },
  { args: ['batch', emptyCsv] },
  { args: ['batch', fixture('batch/missing-column.csv')] },
  { args: ['batch', excel, '--threads', '0'] },
  { args: ['batch', excel, '--out', join(tmp, 'out.txt')] },
  { args: ['batch', excel, '--format', 'xml'] },
  { args: ['batch', excel, '--reference-date', 'morgen'] },
  { args: ['batch', excel, '--map', fixture('batch/bad-map.json')] },
  { args: ['batch', excel] },
  { args: ['batch', excel, '--format', 'csv'] },
  { args: ['batch', excel, '--format', 'csv', '--threads', '2'] },
  { args: ['cases'] },
  { args: ['cases', 'list', '--db', db, '--status', 'dicht'] },
  { args: ['cases', 'list', '--db', notADb] },
  { args: ['cases', 'show', '--db', db] },
  { args: ['cases', 'show', 'abc', '--db', db] },
  { args: ['cases', 'show', '99', '--db', db] },
  { args: ['cases', 'due', '--db', db, '--within', '99'] },
  { args: ['cases', 'done', '1', '--db', db] },
  { args: ['cases', 'done', '1', 'leerplicht', '--db', db, '--date', '01-01-2099'] },
  { args: ['cases', 'done', '1', 'thuiszitter', '--db', db] },
  { args: ['cases', 'done', '1', 'x', '--db', db, '--date', 'gisteren'] },
  { args: ['cases', 'note', '99', 'tekst', '--db', db] },
  { args: ['cases', 'note', '1', 'bsn', '111222333', '--db', db] },
  { args: ['cases', 'reopen', '1', '--db', db] },
  { args: ['cases', 'export', '--db', db] },
];

async function allOutput(lang: string, args: string[], input?: string): Promise<{ text: string; exitCode: number }> {
  const r = await runCli(args, { env: { LANG: lang }, ...(input === undefined ? {} : { input }) });
  return { text: `${r.stdout}\n${r.stderr}`, exitCode: r.exitCode };
}

beforeAll(async () => {
  // case 1, open, with two escalations (leerplicht:thuiszitter and onderwijsconsulent:thuiszitter)
  expect((await runCli(['route', '-', '--log', '--db', db], { input: situation })).exitCode).toBe(0);
});

describe.each([
  ['nl_NL.UTF-8', englishLines, 'English'],
  ['en_US.UTF-8', dutchLines, 'Dutch'],
] as const)('under LANG=%s', (lang, wrongLanguage, wrong) => {
  it.each(HELP.map((args) => [args.join(' '), args] as const))(`--help has no ${wrong} sentence: %s`, async (_, args) => {
    const { text, exitCode } = await allOutput(lang, args);
    expect(exitCode).toBe(0);
    expect(wrongLanguage(text)).toEqual([]);
  });

  it.each(ERRORS.map((e) => [e.args.join(' ').replaceAll(tmp, 'TMP'), e] as const))(`no ${wrong} sentence: zorgroute %s`, async (_, e) => {
    const { text, exitCode } = await allOutput(lang, e.args, e.input);
    expect(text).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    expect(exitCode).not.toBe(1); // a user's mistake is never a bug
    expect(wrongLanguage(text)).toEqual([]);
  });
});

describe.each([
  ['nl_NL.UTF-8', 'Voorbeelden:'],
  ['en_US.UTF-8', 'Examples:'],
] as const)('examples, under LANG=%s', (lang, heading) => {
  it.each(HELP.map((args) => [args.join(' '), args] as const))('--help ends with 2–4 examples: %s', async (_, args) => {
    const { text } = await allOutput(lang, args);
    const lines = text.trimEnd().split('\n');
    const start = lines.indexOf(heading);
    expect(start).toBeGreaterThan(0);
    const block = lines.slice(start + 1);
    const end = block.indexOf('');
    const examples = end < 0 ? block : block.slice(0, end);
    const commands = examples.filter((l) => l.startsWith('  $ '));
    expect(commands.length).toBeGreaterThanOrEqual(2);
    expect(commands.length).toBeLessThanOrEqual(4);
    // each example: what it does, then the command (which may go on after a backslash)
    for (const [i, line] of examples.entries()) {
      if (line.startsWith('  # ')) expect(examples[i + 1]).toMatch(/^ {2}\$ /);
      else expect(line).toMatch(/^ {2}\$ (zorgroute|source|cat)|^ {6}\S/);
    }
    expect(commands.every((l) => /\bzorgroute\b/.test(l))).toBe(true);
    // the examples are the end of the help (the program's help adds the language, colour and docs after them)
    if (args[0] === '--help' || (args[0] === 'help' && args.length === 1)) expect(block.slice(end + 1).length).toBeGreaterThan(0);
    else expect(end).toBe(-1);
  });

  it('the top-level help names --lang, NO_COLOR, completion and the docs', async () => {
    for (const args of [['--help'], ['help']]) {
      const { text } = await allOutput(lang, args);
      expect(text).toContain('--lang');
      expect(text).toContain('NO_COLOR');
      expect(text).toContain('zorgroute completion bash|zsh|fish');
      expect(text).toContain('docs/handleiding/');
    }
  });
});

describe('what the catalogue says', () => {
  it('Dutch errno texts, commander errors and hints with the command the user can type', async () => {
    const missing = await allOutput('nl_NL.UTF-8', ['route', join(tmp, 'nope.json')]);
    expect(missing.text).toContain('niet lezen: het bestand of de map bestaat niet (ENOENT)');
    expect((await allOutput('nl_NL.UTF-8', ['route', folder])).text).toContain('dit is een map, geen bestand (EISDIR)');
    const format = await allOutput('nl_NL.UTF-8', ['batch', excel, '--format', 'xml']);
    expect(format).toMatchObject({ exitCode: 2 });
    expect(format.text).toContain(`optie --format <formaat>: 'xml' is niet toegestaan; kies uit "csv", "json", "ndjson"`);
    expect(format.text).toMatch(/tip: (npx )?zorgroute batch --help toont alle opties/);
    expect((await allOutput('en_GB.UTF-8', ['route', '--jsn'])).text).toContain('unknown option --jsn (did you mean --json?)');
  });

  it('Dutch help: commander’s headings too', async () => {
    const { text } = await allOutput('nl_NL.UTF-8', ['cases', 'done', '--help']);
    expect(text).toMatch(/^Gebruik: zorgroute cases done \[opties\] <casus> <actie\.\.\.>/);
    expect(text).toContain('Argumenten:');
    expect(text).toContain('Opties:');
    expect(text).toContain('toon de hulp bij dit commando');
    expect((await allOutput('nl_NL.UTF-8', ['--help', '--lang', 'en'])).text).toContain('Usage: zorgroute [options] [command]');
    expect((await allOutput('en_GB.UTF-8', ['--help', '--lang', 'nl'])).text).toContain('Commando’s:');
  });

  it('batch row problems: a stable code in JSON, the words in the language, also in the CSV for Excel', async () => {
    const nl = await runCli(['batch', excel, '--format', 'ndjson'], { env: { LANG: 'nl_NL.UTF-8' } });
    const en = await runCli(['batch', excel, '--format', 'ndjson'], { env: { LANG: 'en_GB.UTF-8' } });
    const errors = (out: string) => out.split('\n').map((l) => JSON.parse(l) as { error?: { code: string; message: string } }).filter((r) => r.error).map((r) => r.error!);
    expect(errors(nl.stdout).map((e) => e.code)).toEqual(['not-a-calendar-date', 'text-expected-yes-no', 'cell-required-empty', 'cell-has-bsn']);
    expect(errors(en.stdout).map((e) => e.code)).toEqual(errors(nl.stdout).map((e) => e.code));
    expect(errors(nl.stdout)[0]!.message).toBe('deze datum bestaat niet in de kalender');
    expect(errors(en.stdout)[0]!.message).toBe('not a date in the calendar');
    const csv = await runCli(['batch', excel, '--format', 'csv'], { env: { LANG: 'nl_NL.UTF-8' } });
    expect(csv.stdout).toContain('geboortedatum;deze datum bestaat niet in de kalender');
    expect(csv.stdout).not.toContain('111222333');
  });
});
