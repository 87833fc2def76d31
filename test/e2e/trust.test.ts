// Issue 19, "Trust, second round": each defect the attack run found, reproduced on the built binary.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
const STUDENTS = ex('leerlingen.csv');
const REG = ex('registraties.csv');
const CODES = ex('codes-voorbeeldschool.csv');
const CALENDAR = ex('kalender-voorbeeldschool.json');
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-trust-'));
const EN = { LANG: 'en_GB.UTF-8' };
const NL = { LANG: 'nl_NL.UTF-8' };
const ESC = 'A\u001b[2J\u001b[31mX';
const CRASH = /interne fout|internal error|\n\s+at |Error:/;
/** No BSN 111222333 (or its run-on 16111222333) and no control character but a line break in `text`. */
const clean = (text: string): void => {
  expect(text).not.toMatch(/111\D{0,3}222\D{0,3}333/);
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
};
let n = 0;
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp, `${++n}-${name}`);
  writeFileSync(path, content);
  return path;
};
const read = (path: string): string => readFileSync(path, 'utf8');

describe('defect 2: what the registrations path reads reaches a message only through the privacy guard', () => {
  const codes = read(CODES);
  const cal = JSON.parse(read(CALENDAR)) as { name: string; holidays: { name: string; from: string; to: string }[] };

  it.each([
    ['an unknown code cell', () => ['--registrations', file('reg.csv', `${read(REG)}L1001;02-06-2026;1;16111222333;;;;;\r\nL1001;02-06-2026;2;${ESC};;;;;\r\n`), '--codes', CODES, '--calendar', CALENDAR]],
    ['a duplicate code in the code table', () => ['--registrations', REG, '--codes', file('codes.csv', `${codes}111222333;absent;nee;x\n111222333;absent;nee;y\n${ESC};absent;nee;z\n${ESC};absent;nee;z\n`), '--calendar', CALENDAR]],
    ['a code kind that is not known', () => ['--registrations', REG, '--codes', file('codes.csv', `${codes}Q;111222333${ESC};nee;x\n`), '--calendar', CALENDAR]],
    ["the calendar's name", () => ['--registrations', REG, '--codes', CODES, '--calendar', file('cal.json', JSON.stringify({ ...cal, name: `School 16111222333 ${ESC}` }))]],
    ["a holiday's name, from after to", () => ['--registrations', REG, '--codes', CODES, '--calendar', file('cal.json', JSON.stringify({ ...cal, holidays: [{ name: `v 111222333 ${ESC}`, from: '2026-03-02', to: '2026-03-01' }] }))]],
    ['a --reg-map key', () => ['--registrations', REG, '--codes', CODES, '--calendar', CALENDAR, '--reg-map', file('map.json', JSON.stringify({ '111222333': 'nope', [ESC]: 'nope' }))]],
    ['a --reg-map key with escapes', () => ['--registrations', REG, '--codes', CODES, '--calendar', CALENDAR, '--reg-map', file('map.json', JSON.stringify({ [ESC]: 'nope' }))]],
    ['the file names', () => ['--registrations', file('111222333\u001b[2J.csv', read(REG)), '--codes', file('111222333-codes.csv', codes), '--calendar', file(`${ESC}.json`, read(CALENDAR))]],
    ['a missing file named after a student', () => ['--registrations', join(tmp, '111.222.333.csv'), '--codes', CODES, '--calendar', CALENDAR]],
  ])('%s', async (_what, args) => {
    for (const env of [NL, EN]) {
      const r = await runCli(['batch', STUDENTS, ...args()], { env });
      expect(r.stderr).not.toMatch(CRASH);
      clean(r.stdout + r.stderr);
    }
  });

  it('the unknown-code list still names the codes that are fine to show', async () => {
    const r = await runCli(['batch', STUDENTS, '--registrations', file('reg.csv', `${read(REG)}L1001;02-06-2026;1;QQ;;;;;\nL1001;02-06-2026;2;16111222333;;;;;\n`), '--codes', CODES, '--calendar', CALENDAR], { env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/QQ: 1 registration/);
    expect(r.stderr).toMatch(/line \d+, column "code": contains a BSN/); // a row in error, not an unknown code
  });
});

describe('defect 3: --reg-map holding null or a non-object', () => {
  it.each(['null', '[]', '"x"', '3', 'true'])('%s: exit 2 with a clear message, no stack trace', async (json) => {
    const r = await runCli(['batch', STUDENTS, '--registrations', REG, '--codes', CODES, '--calendar', CALENDAR, '--reg-map', file('map.json', json)], { env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/is not a column map: expected a JSON object/);
    expect(r.stderr).not.toMatch(CRASH);
  });
});

describe('defect 8: mixed line endings end records, each with its own line number', () => {
  it('a students file with a CR LF header and LF rows is read row by row (one thread and two)', async () => {
    const lines = read(STUDENTS).split(/\r?\n/).filter((l) => l !== '');
    const mixed = file('mixed-students.csv', `${lines[0]}\r\n${lines.slice(1, 4).join('\n')}\r${lines.slice(4).join('\r\n')}\n`);
    for (const threads of ['1', '2']) {
      const r = await runCli(['batch', mixed, '--format', 'ndjson', '--threads', threads], { env: { ...EN, ZORGROUTE_BATCH_PIECE_BYTES: '60' } });
      expect(r.stderr).not.toMatch(CRASH);
      const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; studentRef?: string });
      expect(recs.map((x) => x.line)).toEqual(lines.slice(1).map((_, i) => i + 2));
    }
  });

  it('registrations with a CR LF header and LF rows: each row its own, unknown codes reported, Dutch "kolom 10"', async () => {
    const reg = file('mixed-reg.csv', `${read(REG)}L1001;02-06-2026;1;QQ;;;;;\nL1001;02-06-2026;2;A;;;;;;x\rL1001;02-06-2026;2;A;;;;;\n`);
    const r = await runCli(['batch', STUDENTS, '--registrations', reg, '--codes', CODES, '--calendar', CALENDAR], { env: NL });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/1 code staat niet in de codetabel/);
    expect(r.stderr).toMatch(/QQ: 1 registratie/);
    const ok = file('mixed-reg.csv', `${read(REG)}L1001;02-06-2026;1;A;;;;;\nL1001;02-06-2026;2;A;;;;;;x\rL1001;02-06-2026;3;A;;;;;\n`);
    const s = await runCli(['batch', STUDENTS, '--registrations', ok, '--codes', CODES, '--calendar', CALENDAR], { env: NL });
    const regLines = read(REG).split('\r\n').filter((l) => l !== '').length;
    expect(s.stderr).toContain(`regel ${regLines + 2}, kolom 10: heeft een waarde, maar de kopregel heeft hier geen kolom`);
    expect(s.stdout).toMatch(/registraties gelezen +83\n/);
    expect(s.stdout).toMatch(/ongeldige registraties +1\n/);
  });
});

describe('defect 9: lesuur ?, @ and : are invalid cells', () => {
  it('each is named with its line and column', async () => {
    const reg = file('lesuur.csv', `${read(REG)}L1001;02-06-2026;?;A;;;;;\r\nL1001;02-06-2026;@;A;;;;;\r\nL1001;02-06-2026;:;A;;;;;\r\n`);
    const r = await runCli(['batch', STUDENTS, '--registrations', reg, '--codes', CODES, '--calendar', CALENDAR], { env: EN });
    const regLines = read(REG).split('\r\n').filter((l) => l !== '').length;
    for (const k of [1, 2, 3]) expect(r.stderr).toContain(`line ${regLines + k}, column "lesuur": is not`);
  });
});

describe('defect 6: a reading command never writes the log', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'zorgroute-trust-db-'));

  it.each([
    ['verify', ['cases', 'verify']],
    ['due --exit-code', ['cases', 'due', '--exit-code']],
    ['list', ['cases', 'list']],
    ['show 1', ['cases', 'show', '1']],
    ['export 1', ['cases', 'export', '1']],
    ['export --all', ['cases', 'export', '--all']],
  ])('cases %s: a missing, an empty and a foreign file are refused with exit 2, named with how they were chosen; nothing is written', async (_name, args) => {
    const missing = join(logDir, `missing-${++n}.db`);
    const viaFlag = await runCli([...args, '--db', missing], { env: EN });
    expect(viaFlag.exitCode).toBe(2);
    expect(viaFlag.stderr).toContain(`the case log ${missing} (given with --db) does not exist`);
    const viaEnv = await runCli(args, { env: { ...EN, ZORGROUTE_DB: missing } });
    expect(viaEnv.exitCode).toBe(2);
    expect(viaEnv.stderr).toContain(`(from ZORGROUTE_DB) does not exist`);
    const home = mkdtempSync(join(tmpdir(), 'zorgroute-trust-home-'));
    const viaDefault = await runCli(args, { env: { ...EN, ZORGROUTE_DB: '', XDG_DATA_HOME: home } });
    expect(viaDefault.exitCode).toBe(2);
    expect(viaDefault.stderr).toContain(`${join(home, 'zorgroute', 'cases.db')} (the default place) does not exist`);
    expect(readdirSync(home)).toEqual([]);
    expect(readdirSync(logDir).filter((f) => f.startsWith(`missing-${n}`))).toEqual([]);

    const empty = file('empty.db', '');
    const e = await runCli([...args, '--db', empty], { env: EN });
    expect(e.exitCode).toBe(2);
    expect(e.stderr).toContain('is empty (0 bytes), not a zorgroute log');
    expect(readFileSync(empty).length).toBe(0);
    const other = join(tmp, `other-${n}.db`);
    new Database(other).close();
    const o = await runCli([...args, '--db', other], { env: EN });
    expect(o.exitCode).toBe(2);
    expect(o.stderr).not.toMatch(CRASH);
  });

  it('a writing command still creates the log; a reading one then reads it', async () => {
    const db = join(logDir, 'made.db');
    const made = await runCli(['route', '-', '--log', '--db', db], { input: JSON.stringify({ studentRef: 'L1', birthDate: '2012-03-01', referenceDate: '2026-02-02', unexcusedHours4w: 20 }) });
    expect(made.exitCode).toBe(0);
    const v = await runCli(['cases', 'verify', '--db', db], { env: EN });
    expect(v.exitCode).toBe(0);
    expect(v.stdout).toContain('intact');
  });
});
