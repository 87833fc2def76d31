// batch --registrations with worker threads gives byte for byte what it gives on one thread:
// records, warnings, summary and exit code. Each thread folds its pieces of the registrations file
// into a book of its own and the books are merged (commands/batch/registrations/parallel.ts); tiny
// pieces (ZORGROUTE_BATCH_PIECE_BYTES) cut the file at nearly every record, so that a student's
// registrations — even the same lesuur twice — land in different threads.
import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.js';

const example = (name: string): string => fileURLToPath(new URL(`../../data/examples/${name}`, import.meta.url));
const STUDENTS = example('leerlingen.csv');
const REGISTRATIONS = example('registraties.csv');
const CALENDAR = example('kalender-voorbeeldschool.json');
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-registrations-threads-'));

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
  threads: string | undefined;
}

async function zorgroute(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const r = await execa(process.execPath, [BIN, ...args], {
    reject: false,
    stdin: 'ignore',
    env: { NO_COLOR: '1', LANG: 'en_GB.UTF-8', LC_ALL: '', ZORGROUTE_BATCH_REPORT_THREADS: '1', ...env },
  });
  const stderr = String(r.stderr);
  const threads = /worker threads: (\d+)/.exec(stderr);
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: stderr.replace(/zorgroute batch: worker threads: \d+\n?/, ''), threads: threads?.[1] };
}

/** One thread, and `threads` worker threads with pieces of `pieceBytes`: the same run. */
async function expectSame(args: string[], threads = 2, pieceBytes = 1): Promise<Run> {
  const [one, many] = await Promise.all([zorgroute([...args, '--threads', '1']), zorgroute([...args, '--threads', String(threads)], { ZORGROUTE_BATCH_PIECE_BYTES: String(pieceBytes) })]);
  expect(many.exitCode).toBe(one.exitCode);
  expect(many.stdout).toBe(one.stdout);
  expect(many.stderr).toBe(one.stderr);
  return many;
}

function write(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

const base = ['batch', STUDENTS, '--calendar', CALENDAR];

describe('zorgroute batch --registrations --threads', () => {
  it('gives the same records, summary and steps with worker threads as on one thread, in every format', async () => {
    for (const format of [[], ['--format', 'ndjson'], ['--format', 'json'], ['--format', 'csv']]) {
      for (const rules of [[], ['--rules', 'voorbeeldschool-verzuimprotocol']]) {
        const r = await expectSame([...base, '--registrations', REGISTRATIONS, ...format, ...rules]);
        expect(r.threads).toBe('2');
        expect(r.exitCode).toBe(0);
      }
    }
  });

  it('counts a lesuur registered twice once, whichever threads read the two rows', async () => {
    const lines = readFileSync(REGISTRATIONS, 'utf8').trimEnd().split(/\r?\n/);
    // Every registration twice: once near the start of the file, once at its end (another piece, another thread).
    const doubled = write('doubled.csv', `${[lines[0], ...lines.slice(1), ...lines.slice(1).reverse()].join('\r\n')}\r\n`);
    const r = await expectSame([...base, '--registrations', doubled, '--format', 'ndjson', '--rules', 'voorbeeldschool-verzuimprotocol'], 3);
    expect(r.threads).toBe('3');
    // A lesuur is a bit: a registration of one lesuur, twice, is one hour (L1010 has only such rows).
    const once = await zorgroute([...base, '--registrations', REGISTRATIONS, '--format', 'ndjson', '--threads', '1']);
    const l1010 = (text: string) => text.split('\n').find((l) => l.includes('"studentRef":"L1010"'));
    const hours = (text: string) => (JSON.parse(l1010(text)!) as { absence: { unexcusedHoursSchoolYear: number } }).absence.unexcusedHoursSchoolYear;
    expect(hours(r.stdout)).toBe(hours(once.stdout));
  });

  it('names the same bad rows in file order, and stops on the same CSV error, with worker threads', async () => {
    const lines = readFileSync(REGISTRATIONS, 'utf8').trimEnd().split(/\r?\n/);
    const bad = ['L9999;02-03-2026;1;A;;;;;', 'L1004;07-03-2026;1;A;;;;;', 'L1004;31-02-2026;1;A;;;;;', 'L1004;02-03-2026;x;A;;;;;'];
    const rows = lines.slice(1);
    const mixed: string[] = [lines[0]!];
    rows.forEach((row, i) => {
      mixed.push(row);
      if (i % 3 === 0) mixed.push(bad[i % bad.length]!);
    });
    const withBad = write('bad-rows.csv', `${mixed.join('\n')}\n`);
    const r = await expectSame([...base, '--registrations', withBad, '--format', 'ndjson'], 2, 40);
    expect(r.exitCode).toBe(4);
    expect(r.stderr).toMatch(/bad-rows\.csv/);
    // An unclosed quote halfway: the rows before it are named, then the CSV error (exit 2).
    const broken = write('broken.csv', `${[...mixed.slice(0, 60), 'L1004;"02-03-2026;1;A;;;;;', ...mixed.slice(60)].join('\n')}\n`);
    const b = await expectSame([...base, '--registrations', broken, '--format', 'ndjson'], 2, 40);
    expect(b.exitCode).toBe(2);
    expect(b.stdout).toBe('');
    // An unknown code stops the run with the counts over the whole file.
    const unknown = write('unknown-code.csv', `${[...mixed, 'L1004;02-03-2026;2;QQ;;;;;', 'L1005;02-03-2026;2;QQ;;;;;'].join('\n')}\n`);
    const u = await expectSame([...base, '--registrations', unknown], 2, 40);
    expect(u.exitCode).toBe(2);
    expect(u.stderr).toMatch(/QQ/);
  });

  it('writes the error rows of the students file between the records, keeps --only-action and --student, and logs the same cases', async () => {
    const lines = readFileSync(STUDENTS, 'utf8').trimEnd().split(/\r?\n/);
    // Two bad rows among the students (a date that does not exist, a birth date after the peildatum).
    const mixed = [lines[0]!, ...lines.slice(1, 4), 'L2001;31-02-2011;12-06-2026;vo;ja;nee;De Vries;3A', ...lines.slice(4, 8), 'L2002;14-03-2031;12-06-2026;vo;ja;nee;Bakker;1B', ...lines.slice(8)];
    const students = write('students-with-errors.csv', `${mixed.join('\r\n')}\r\n`);
    for (const format of ['json', 'ndjson', 'csv']) {
      const r = await expectSame(['batch', students, '--calendar', CALENDAR, '--registrations', REGISTRATIONS, '--format', format, '--rules', 'voorbeeldschool-verzuimprotocol']);
      expect(r.exitCode).toBe(4);
      if (format === 'json') expect((JSON.parse(r.stdout) as unknown[]).length).toBe(mixed.length - 1);
    }
    await expectSame([...base, '--registrations', REGISTRATIONS, '--format', 'json', '--only-action']);
    const picture = await expectSame([...base, '--registrations', REGISTRATIONS, '--student', 'L1011']);
    expect(picture.stdout).toMatch(/L1011/);
    const dbs = [join(tmp, 'one.db'), join(tmp, 'two.db')];
    const args = (db: string) => [...base, '--registrations', REGISTRATIONS, '--rules', 'voorbeeldschool-verzuimprotocol', '--log', '--db', db];
    const one = await zorgroute([...args(dbs[0]!), '--threads', '1']);
    const two = await zorgroute([...args(dbs[1]!), '--threads', '2'], { ZORGROUTE_BATCH_PIECE_BYTES: '1' });
    expect(two.stderr.replace(two.stderr.match(/\S*two\.db/)?.[0] ?? '', 'DB')).toBe(one.stderr.replace(one.stderr.match(/\S*one\.db/)?.[0] ?? '', 'DB'));
    const due = async (db: string) => (await zorgroute(['cases', 'due', '--db', db, '--json', '--all'])).stdout.replace(/"(loggedAt|at|createdAt|updatedAt)":"[^"]*"/g, '');
    const [dueOne, dueTwo] = [await due(dbs[0]!), await due(dbs[1]!)];
    expect(JSON.parse(dueOne)).not.toEqual([]);
    expect(dueTwo).toBe(dueOne);
  });

  it('stops at once when the students file cannot be read, with the threads already started (the same error as on one thread)', async () => {
    const r = await expectSame(['batch', join(tmp, 'geen-leerlingen.csv'), '--calendar', CALENDAR, '--registrations', REGISTRATIONS]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('geen-leerlingen.csv');
    expect(r.stdout).toBe('');
  });

  it('uses one thread for a small file unless told otherwise', async () => {
    const r = await zorgroute([...base, '--registrations', REGISTRATIONS, '--format', 'ndjson']);
    expect(r.threads).toBe('0');
  });
});
