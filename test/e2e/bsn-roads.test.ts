// Issue 19, defect 1 and "Fuzz in the suite": every written form of a BSN the attack run got stored
// (test/fuzz-inputs.ts BSN_FORMS) × every road in — route's studentRef, intake --student, a batch
// file, a registrations file, cases note / done --note / close --note. The many go in-process
// (addNote, markDone, setCaseStatus, the same functions the CLI calls); each road also through the
// binary, with all forms in one process where the road takes several. Each asserts: exit in the
// documented set, no stack trace, no BSN or control character on stdout or stderr or in the database.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addNote, markDone, setCaseStatus } from '../../src/commands/cases.js';
import { PrivacyError } from '../../src/core/privacy-error.js';
import { BSN_FORMS, hasBsn, hasControl } from '../fuzz-inputs.js';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-bsn-roads-'));
const EN = { LANG: 'en_GB.UTF-8' };
const CRASH = /interne fout|internal error|\n\s+at /;
const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
const situation = (studentRef: string): string => JSON.stringify({ studentRef, birthDate: '2012-03-01', referenceDate: '2026-02-02', unexcusedHours4w: 20 });
let n = 0;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Every student number and every string inside every event of the log. */
function storedTexts(db: string): string[] {
  if (!existsSync(db)) return [];
  const conn = new Database(db, { readonly: true });
  try {
    const refs = conn.prepare('SELECT student_ref FROM cases').pluck().all() as string[];
    const data = (conn.prepare('SELECT data FROM events').pluck().all() as string[]).flatMap((d) => strings(JSON.parse(d)));
    return [...refs, ...data];
  } finally {
    conn.close();
  }
}

function clean(r: { exitCode: number; stdout: string; stderr: string }, exits: number[], db?: string): void {
  expect(exits, r.stderr).toContain(r.exitCode);
  expect(r.stderr).not.toMatch(CRASH);
  for (const line of `${r.stdout}\n${r.stderr}`.split(/\r?\n/)) {
    expect(hasBsn(line), `BSN in: ${JSON.stringify(line)}`).toBe(false);
    expect(hasControl(line), `control character in: ${JSON.stringify(line)}`).toBe(false);
  }
  if (db) for (const text of storedTexts(db)) expect(hasBsn(text), text).toBe(false);
}

async function logWithOneCase(): Promise<string> {
  const db = join(tmp, `log-${++n}.db`);
  expect((await runCli(['route', '-', '--log', '--db', db], { input: situation('L1') })).exitCode).toBe(0);
  return db;
}

describe('a BSN in any script or spacing, by every road (issue 19)', () => {
  it('route --log: all forms in one input are refused (exit 2), nothing stored', async () => {
    const db = join(tmp, `route-${++n}.db`);
    const input = [...BSN_FORMS.map(situation), situation('L2')].join('\n');
    const r = await runCli(['route', '-', '--log', '--db', db, '--json'], { input, env: EN });
    clean(r, [2], db);
  });

  // One process per form for a few (route refuses a whole input for one bad record): the new ones.
  it.each(BSN_FORMS.filter((_, i) => i % 4 === 0 && i > 0))('route --log: studentRef %j alone is refused, nothing stored', async (form) => {
    const db = join(tmp, `route-${++n}.db`);
    const r = await runCli(['route', '-', '--log', '--db', db], { input: situation(form), env: EN });
    clean(r, [2], db);
    expect(existsSync(db) ? storedTexts(db) : []).toEqual([]);
  });

  it.each(BSN_FORMS.filter((_, i) => i % 5 === 4))('intake --student %j is refused', async (form) => {
    const db = join(tmp, `intake-${++n}.db`);
    const r = await runCli(['intake', '--no-input', '--student', form, '--birth-date', '01-03-2012', '--db', db], { env: EN });
    clean(r, [2]);
  });

  it('batch --log: a row per form is an error row, never stored or shown', async () => {
    const rows = BSN_FORMS.map((f) => `${f};01-03-2012;02-02-2026;20`);
    const file = join(tmp, 'bsn-rows.csv');
    writeFileSync(file, ['leerlingnummer;geboortedatum;peildatum;ongeoorloofd_verzuim_uren_4wk', ...rows, 'L2;01-03-2012;02-02-2026;20', ''].join('\r\n'));
    const db = join(tmp, `batch-${++n}.db`);
    for (const format of ['ndjson', 'csv']) {
      const r = await runCli(['batch', file, '--format', format, '--log', '--db', db], { env: EN });
      clean(r, [4], db);
    }
    const notes = join(tmp, 'bsn-notes.csv');
    writeFileSync(notes, ['leerlingnummer;geboortedatum;peildatum;ongeoorloofd_verzuim_uren_4wk;opmerking', ...BSN_FORMS.map((f, i) => `L${i};01-03-2012;02-02-2026;20;gebeld ${f}`), ''].join('\n'));
    const s = await runCli(['batch', notes, '--format', 'ndjson', '--log', '--db', db], { env: EN });
    clean(s, [4], db);
  });

  it('batch --registrations --log: a registration per form is refused, never stored or shown', async () => {
    const reg = `${readFileSync(ex('registraties.csv'), 'utf8')}${BSN_FORMS.map((f) => `${f};02-06-2026;1;A;;;;;\r\nL1001;02-06-2026;2;A;;;;;${f}\r\n`).join('')}`;
    const file = join(tmp, 'bsn-reg.csv');
    writeFileSync(file, reg);
    const db = join(tmp, `reg-${++n}.db`);
    const r = await runCli(['batch', ex('leerlingen.csv'), '--registrations', file, '--codes', ex('codes-voorbeeldschool.csv'), '--calendar', ex('kalender-voorbeeldschool.json'), '--log', '--db', db], { env: EN });
    clean(r, [4], db);
  });

  it('cases note, done --note and close --note, in-process: every form is a PrivacyError, nothing stored', async () => {
    const db = await logWithOneCase();
    const options = { db: { path: db, origin: 'flag' as const } };
    for (const form of BSN_FORMS) {
      for (const text of [form, `ouders gebeld, ${form}`, `${form}\nregel twee`]) {
        expect(() => addNote({ ...options, id: 1, text }), text).toThrow(PrivacyError);
        expect(() => markDone({ ...options, id: 1, action: 'leerplicht', note: text, today: '2026-02-03' }), text).toThrow(PrivacyError);
        expect(() => setCaseStatus({ ...options, id: 1, to: 'closed', note: text }), text).toThrow(PrivacyError);
      }
    }
    for (const text of storedTexts(db)) expect(hasBsn(text), text).toBe(false);
  });

  it('cases note, done --note and close --note through the binary; list, show and export show nothing', async () => {
    const db = await logWithOneCase();
    const forms = [BSN_FORMS[4]!, BSN_FORMS[9]!, BSN_FORMS[17]!];
    for (const [i, args] of [['cases', 'note', '1', forms[0]!], ['cases', 'done', '1', 'leerplicht', '--note', `gebeld ${forms[1]!}`], ['cases', 'close', '1', '--note', forms[2]!]].entries()) {
      const r = await runCli([...args, '--db', db], { env: EN });
      clean(r, [2], db);
      expect(r.stderr, String(i)).toMatch(/BSN/);
    }
    for (const args of [['cases', 'list'], ['cases', 'show', '1'], ['cases', 'export', '1']]) clean(await runCli([...args, '--db', db], { env: EN }), [0]);
  });
});
