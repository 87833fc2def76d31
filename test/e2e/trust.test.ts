// Issue 19, "Trust, second round": each defect the attack run found, reproduced on the built binary.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from './run-cli.js';

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
    ['the --out file and the case log named after a student', () => ['--registrations', REG, '--codes', CODES, '--calendar', CALENDAR, '--format', 'csv', '--out', join(tmp, `out-111222333-${++n}.csv`), '--log', '--db', join(tmp, `log-111.222.333-${n}.db`)]],
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

describe('found by the fuzz tests: a --map key that is data, with a value of the wrong type', () => {
  it('is named by its place, never quoted', async () => {
    for (const json of [{ '111222333': 3 }, { [`a${ESC}`]: [] }, { x: '\u202e' }]) {
      const r = await runCli(['batch', STUDENTS, '--map', file('map.json', JSON.stringify(json))], { env: EN });
      expect(r.exitCode).toBe(2);
      clean(r.stderr);
      expect(r.stderr).not.toContain('\u202e');
    }
  });
});

describe('defect 3: --reg-map holding null or a non-object', () => {
  it.each(['null', '[]', '"x"', '3', 'true'])('%s: exit 2 with a clear message, no stack trace', async (json) => {
    const r = await runCli(['batch', STUDENTS, '--registrations', REG, '--codes', CODES, '--calendar', CALENDAR, '--reg-map', file('map.json', json)], { env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/a --reg-map is a JSON object/);
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
    // the example's registrations and the three added here, each its own
    expect(s.stdout).toMatch(new RegExp(`registraties gelezen +${regLines - 1 + 3}\\n`));
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

// Two users: root (as CI runs) and `nobody`. Skipped where the suite does not run as root.
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/usr/sbin/runuser');
describe.skipIf(!asRoot)('defect 7: a case log another user made beforehand is refused (two users)', () => {
  const shared = mkdtempSync(join(tmpdir(), 'zorgroute-trust-shared-'));
  chmodSync(shared, 0o1777);
  const asNobody = (command: string): void => {
    execFileSync('/usr/sbin/runuser', ['-u', 'nobody', '--', 'sh', '-c', `umask 000; ${command}`]);
  };
  const SITUATION = JSON.stringify({ studentRef: 'L1', birthDate: '2012-03-01', referenceDate: '2026-02-02', unexcusedHours4w: 20 });

  it.each([
    ['the log', (db: string) => `: > ${db}`, (db: string) => db],
    ['its -wal', (db: string) => `: > ${db}-wal`, (db: string) => `${db}-wal`],
    ['its -shm', (db: string) => `: > ${db}-shm`, (db: string) => `${db}-shm`],
  ])('%s made by nobody with umask 000: route --log refuses it, explains, and stores nothing', async (_what, plant, planted) => {
    const db = join(shared, `evil-${++n}.db`);
    asNobody(plant(db));
    const r = await runCli(['route', '-', '--log', '--db', db], { input: SITUATION, env: EN });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${planted(db)} belongs to user nobody, not to root`);
    expect(r.stderr).toContain('chmod 600');
    expect(statSync(planted(db)).size).toBe(0);
    const read = await runCli(['cases', 'list', '--db', db], { env: EN });
    expect(read.exitCode).toBe(2);
  });

  it("nobody cannot use root's log either", async () => {
    const db = join(shared, `root-${++n}.db`);
    expect((await runCli(['route', '-', '--log', '--db', db], { input: SITUATION })).exitCode).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    const r = execFileSync('/usr/sbin/runuser', ['-u', 'nobody', '--', 'sh', '-c', `LANG=en_GB.UTF-8 NO_COLOR=1 ${process.execPath} ${BIN} cases list --db ${db} 2>&1; echo "rc=$?"`], { encoding: 'utf8' });
    expect(r).toContain('belongs to user root, not to nobody');
    expect(r).toContain('rc=2');
  });

  it('its own log with group and other bits set is narrowed to 0600', async () => {
    const db = join(shared, `own-${++n}.db`);
    expect((await runCli(['route', '-', '--log', '--db', db], { input: SITUATION })).exitCode).toBe(0);
    chmodSync(db, 0o666);
    expect((await runCli(['cases', 'list', '--db', db])).exitCode).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });
});

describe('defects 10 and 12: --out', () => {
  const example = ex('verzuimexport.csv');

  it('equal to an input file — by name, through a symbolic link, as a hard link — is refused (exit 2), the input untouched', async () => {
    const dir = mkdtempSync(join(tmp, 'out-'));
    const input = join(dir, 'in.csv');
    writeFileSync(input, read(example));
    symlinkSync(input, join(dir, 'link.csv'));
    linkSync(input, join(dir, 'hard.csv'));
    for (const out of ['in.csv', 'link.csv', 'hard.csv']) {
      const r = await runCli(['batch', input, '--format', 'csv', '--out', join(dir, out)], { env: EN });
      expect(r.exitCode, out).toBe(2);
      expect(r.stderr).toContain(`is the same file as the input ${input}`);
      expect(read(input)).toBe(read(example));
    }
    const reg = join(dir, 'reg.csv');
    writeFileSync(reg, read(REG));
    const r = await runCli(['batch', STUDENTS, '--registrations', reg, '--codes', CODES, '--calendar', CALENDAR, '--format', 'csv', '--out', reg], { env: EN });
    expect(r.exitCode).toBe(2);
    expect(read(reg)).toBe(read(REG));
  });

  it('a dangling symbolic link is named as one', async () => {
    const dir = mkdtempSync(join(tmp, 'out-'));
    symlinkSync(join(dir, 'gone.csv'), join(dir, 'out.csv'));
    const r = await runCli(['batch', example, '--format', 'csv', '--out', join(dir, 'out.csv')], { env: NL });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`is een symbolische koppeling naar ${join(dir, 'gone.csv')}, en dat bestand bestaat niet`);
    expect(r.stderr).not.toContain('de map bestaat niet');
  });
});

describe('defect 11: a cell over 1 MiB with no quote character', () => {
  it('is refused for its length, with its own message and line (one thread and two), not as an unclosed quote', async () => {
    const lines = read(STUDENTS).split('\n');
    const big = file('big.csv', [...lines.slice(0, 3), `L9999;${'x'.repeat(1_100_000)};12-06-2026;vo;ja;nee`, ...lines.slice(3)].join('\n'));
    for (const threads of ['1', '2']) {
      const r = await runCli(['batch', big, '--format', 'ndjson', '--threads', threads], { env: EN });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('line 4: a cell of more than 1 MiB');
      expect(r.stderr).not.toContain('never closed');
    }
    const reg = file('big-reg.csv', `${read(REG)}L1001;02-06-2026;1;${'A'.repeat(1_100_000)};;;;;\r\n`);
    const s = await runCli(['batch', STUDENTS, '--registrations', reg, '--codes', CODES, '--calendar', CALENDAR], { env: NL });
    expect(s.exitCode).toBe(2);
    expect(s.stderr).toMatch(/regel \d+: een cel van meer dan 1 MiB/);
  });
});

/** A small tmpfs to fill (root only); undefined where the suite may not mount one. */
function smallDisk(kib: number): string | undefined {
  if (!asRoot) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'zorgroute-trust-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}
const fill = (dir: string): void => {
  try {
    execFileSync('dd', ['if=/dev/zero', `of=${join(dir, 'fill')}`, 'bs=1k', 'count=100000'], { stdio: 'ignore' });
  } catch {
    // dd stops with an error when the disk is full: that is the point
  }
};
describe.skipIf(!asRoot)('defects 4 and 5: a full disk is exit 74 with a message (tmpfs)', () => {
  // Mounted when the tests run (not when the file is collected), and skipped where mount is refused.
  let disk: string | undefined;
  beforeAll(() => {
    disk = smallDisk(512);
  });
  afterAll(() => {
    if (disk !== undefined) execFileSync('umount', [disk]);
  });
  const SITUATIONS = Array.from({ length: 20 }, (_, i) => JSON.stringify({ studentRef: `L${i}`, birthDate: '2012-03-01', referenceDate: '2026-02-02', unexcusedHours4w: 20 })).join('\n');
  const REG_RUN = ['batch', STUDENTS, '--registrations', REG, '--codes', CODES, '--calendar', CALENDAR, '--log'];
  const count = (db: string): number => {
    const conn = new Database(db, { readonly: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  };

  it('cases backup, cases export --out and batch --registrations --log; a rerun after freeing space completes', async (ctx) => {
    if (disk === undefined) ctx.skip();
    const log = join(tmp, 'full-source.db');
    expect((await runCli(['route', '-', '--log', '--db', log], { input: SITUATIONS })).exitCode).toBe(0);
    // The clean run, elsewhere: how many cases the registrations bring.
    const clean = join(tmp, 'full-clean.db');
    expect((await runCli([...REG_RUN, '--db', clean])).exitCode).toBe(0);
    // A log on the small disk with one case, then the disk filled.
    const onDisk = join(disk!, 'c.db');
    expect((await runCli(['route', '-', '--log', '--db', onDisk], { input: SITUATIONS.split('\n')[0] })).exitCode).toBe(0);
    fill(disk!);

    const backup = await runCli(['cases', 'backup', join(disk!, 'b.db'), '--db', log], { env: EN });
    expect(backup.exitCode, backup.stderr).toBe(74);
    expect(backup.stderr).toMatch(/writing to .*b\.db failed: the disk is full/);
    expect(backup.stderr).not.toMatch(CRASH);
    expect(readdirSync(disk!).filter((f) => f.startsWith('.') || f.startsWith('b.db'))).toEqual([]);

    const dossier = await runCli(['cases', 'export', '1', '--format', 'html', '--out', join(disk!, 'd.html'), '--db', log], { env: EN });
    expect(dossier.exitCode, dossier.stderr).toBe(74);
    expect(dossier.stderr).toMatch(/writing to .*d\.html failed: the disk is full \(ENOSPC\)/);

    const reg = await runCli([...REG_RUN, '--db', onDisk], { env: EN });
    expect(reg.exitCode, reg.stderr).toBe(74);
    expect(reg.stderr).toMatch(/writing to the case log .*c\.db failed: (the disk is full|an input\/output error of the device) \(SQLITE_(FULL|IOERR\w*)\)/);
    expect(reg.stderr).not.toMatch(CRASH);

    execFileSync('rm', [join(disk!, 'fill')]);
    const again = await runCli([...REG_RUN, '--db', onDisk], { env: EN });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(count(onDisk)).toBe(count(clean) + 1);
  });
});
