// batch --registrations --log on the built binary: the to-dos a period brings (MAZL: involve the
// jeugdarts) go into the student's one open case (the dossier), shown by cases list/show/due, recorded once, and a later
// export adds only what is new.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
const STUDENTS = ex('leerlingen.csv');
const REG = ex('registraties.csv');
const OPTS = ['--codes', ex('codes-voorbeeldschool.csv'), '--calendar', ex('kalender-voorbeeldschool.json')];
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-registrations-log-'));

interface DueItem {
  kind: string;
  caseId: number;
  studentRef: string;
  to: string;
  type: string;
  status: string;
}

async function due(db: string): Promise<DueItem[]> {
  const r = await runCli(['cases', 'due', '--db', db, '--json']);
  expect(r.exitCode).toBe(0);
  return (JSON.parse(r.stdout) as { items: DueItem[] }).items;
}

/** The example export with extra rows (an export of a later week holds the earlier rows too), CRLF like the example. */
function exportWith(name: string, rows: string[]): string {
  const file = join(tmp, name);
  writeFileSync(file, `${readFileSync(REG, 'utf8').trimEnd()}\r\n${rows.join('\r\n')}\r\n`);
  return file;
}

describe('batch --registrations --log: the MAZL to-dos', () => {
  it('the example: L1004 (4th sick report) and L1005 (7th sick day) each get a case with the to-do for the jeugdarts', async () => {
    const db = join(tmp, 'example.db');
    const run = await runCli(['batch', STUDENTS, '--registrations', REG, ...OPTS, '--log', '--db', db]);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('Casuslogboek: 14 vastgelegd, 0 al eerder vastgelegd');
    const todos = (await due(db)).filter((i) => i.kind === 'todo');
    expect(todos.map((i) => [i.studentRef, i.to, i.type, i.status])).toEqual([
      ['L1004', 'jeugdarts', 'mazl-inschakelen', 'asap'],
      ['L1005', 'jeugdarts', 'mazl-inschakelen', 'asap'],
    ]);
    const list = await runCli(['cases', 'list', '--db', db, '--student', 'L1004']);
    expect(list.stdout).toMatch(/L1004 +\S+ +open +1 +zo spoedig mogelijk/);

    const id = String(todos[0]!.caseId);
    const nl = await runCli(['cases', 'show', id, '--db', db]);
    expect(nl.exitCode).toBe(0);
    expect(nl.stdout).toMatch(/Te doen:\n {2}☐ jeugdarts \(GGD\) \(mazl-inschakelen\) — periode 02-03-2026 t\/m 11-05-2026 — zo spoedig mogelijk — open/);
    expect(nl.stdout).toMatch(
      /L1004 — jeugdarts \(GGD\) \(mazl-inschakelen\)\n {2}zo spoedig mogelijk\n {2}periode +4e ziekmelding in 12 schoolweken\n {2}vanaf +02-03-2026\n {2}t\/m +11-05-2026\n {2}ziektedagen +5\n {2}wat te doen +4e ziekmelding binnen 12 schoolweken .*jeugdarts \(GGD\) inschakelen via MAZL/,
    );
    const en = await runCli(['cases', 'show', String(todos[1]!.caseId), '--db', db, '--lang', 'en']);
    expect(en.stdout).toMatch(/L1005 — jeugdarts \(GGD\) \(mazl-inschakelen\)\n {2}as soon as possible\n {2}period +7th school day sick in a row\n {2}from +01-06-2026\n {2}through +09-06-2026\n {2}days sick +7\n {2}what to do +/);
    const json = await runCli(['cases', 'show', id, '--db', db, '--json']);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('"period":{"kind":"mazl-4-meldingen","from":"2026-03-02","to":"2026-05-11"');
  });

  it('--log twice adds nothing; a later export with one more sick report adds only the new MAZL case', async () => {
    const db = join(tmp, 'weekly.db');
    // L1008: three sick reports in the first export, a fourth in the next one.
    const week1 = exportWith('week1.csv', ['L1008;18-05-2026;;Z;;;;;', 'L1008;26-05-2026;;Z;;;;;', 'L1008;02-06-2026;;Z;;;;;']);
    const week2 = exportWith('week2.csv', ['L1008;18-05-2026;;Z;;;;;', 'L1008;26-05-2026;;Z;;;;;', 'L1008;02-06-2026;;Z;;;;;', 'L1008;08-06-2026;;Z;;;;;']);
    const first = await runCli(['batch', STUDENTS, '--registrations', week1, ...OPTS, '--log', '--db', db, '--lang', 'en']);
    expect(first.stderr).toContain('Case log: 14 recorded, 0 recorded before');
    const again = await runCli(['batch', STUDENTS, '--registrations', week1, ...OPTS, '--log', '--db', db, '--lang', 'en']);
    expect(again.stderr).toContain('Case log: 0 recorded, 14 recorded before');
    expect((await due(db)).filter((i) => i.studentRef === 'L1008')).toEqual([]);
    const later = await runCli(['batch', STUDENTS, '--registrations', week2, ...OPTS, '--log', '--db', db, '--lang', 'en']);
    expect(later.exitCode).toBe(0);
    expect(later.stderr).toContain('Case log: 1 recorded, 14 recorded before');
    const items = await due(db);
    expect(items.filter((i) => i.kind === 'todo').map((i) => i.studentRef)).toEqual(['L1004', 'L1005', 'L1008']);
    const show = await runCli(['cases', 'show', String(items.find((i) => i.studentRef === 'L1008')!.caseId), '--db', db]);
    expect(show.stdout).toMatch(/periode +4e ziekmelding in 12 schoolweken\n {2}vanaf +18-05-2026\n {2}t\/m +08-06-2026\n {2}ziektedagen +4/);
  });

  it('what the students file alone brings (a student enrolled nowhere) is logged too, once', async () => {
    const db = join(tmp, 'own.db');
    const students = join(tmp, 'leerlingen-plus.csv');
    writeFileSync(students, `${readFileSync(STUDENTS, 'utf8').trimEnd()}\r\nL1099;01-01-2012;12-06-2026;vo;nee;nee\r\n`);
    const first = await runCli(['batch', students, '--registrations', REG, ...OPTS, '--log', '--db', db, '--lang', 'en']);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain('Case log: 15 recorded, 0 recorded before');
    const mine = (await due(db)).filter((i) => i.studentRef === 'L1099');
    expect(mine.map((i) => i.to)).toContain('leerplicht');
    const again = await runCli(['batch', students, '--registrations', REG, ...OPTS, '--log', '--db', db, '--lang', 'en']);
    expect(again.stderr).toContain('Case log: 0 recorded, 15 recorded before');
  });
});

