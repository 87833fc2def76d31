// The school's verzuimprotocol on the built binary: the quick start with the example layer shows a
// week of signals per mentor; --log records each step once; cases due --party filters the log.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
const RUN = ['batch', ex('leerlingen.csv'), '--registrations', ex('registraties.csv'), '--calendar', ex('kalender-voorbeeldschool.json'), '--rules', 'voorbeeldschool-verzuimprotocol'];
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-verzuimprotocol-'));

interface Todo {
  party: string;
  type: string;
  deadline: string | null;
  overdue: boolean;
  reachedOn: string | null;
  rules: string[];
}

describe('the example verzuimprotocol', () => {
  it('the quick start shows the week\'s signals per party and mentor, late ones first', async () => {
    const r = await runCli(RUN, { env: { COLUMNS: '80' } });
    expect(r.exitCode).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('Te doen volgens het verzuimprotocol'));
    expect(section).toMatch(/^mentor — mentor Bakker:\n {2}L1008 3B {4}gesprek-leerling — uiterlijk vr 12-06-2026$/m);
    expect(section).toMatch(/^mentor — mentor De Vries:\n {2}L1010 2A {4}gesprek-leerling — uiterlijk wo 03-06-2026 te laat\n {2}L1002 2A {4}gesprek-verwijdering — uiterlijk vr 12-06-2026$/m);
    expect(section).toMatch(/^ouders\/verzorgers — mentor De Vries:\n {2}L1010 2A {4}brief-ouders — uiterlijk ma 15-06-2026$/m);
    expect(section).toMatch(/^teamleider — mentor Bakker:\n {2}L1007 1B {4}ouders-uitnodigen — uiterlijk di 16-06-2026$/m);
    // Not a terminal: nothing is wrapped, and still every line of the list fits 80 columns.
    for (const line of section.slice(0, section.indexOf('Meldingen')).split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('every record carries its to-dos with term, reachedOn and rules; the legal outcomes are as without the layer', async () => {
    const withLayer = await runCli([...RUN, '--json']);
    const without = await runCli([...RUN.slice(0, -2), '--json']);
    const recs = JSON.parse(withLayer.stdout) as { studentRef: string; todos: Todo[]; escalations: unknown[] }[];
    const plain = JSON.parse(without.stdout) as { studentRef: string; escalations: unknown[] }[];
    expect(recs.map((x) => x.escalations)).toEqual(plain.map((x) => x.escalations));
    const l1010 = recs.find((x) => x.studentRef === 'L1010')!;
    expect(l1010.todos).toEqual([
      expect.objectContaining({ party: 'ouders', type: 'brief-ouders', deadline: '2026-06-15', overdue: false, reachedOn: '2026-06-11', rules: ['te-laat-5'] }),
      expect.objectContaining({ party: 'mentor', type: 'gesprek-leerling', deadline: '2026-06-03', overdue: true, reachedOn: '2026-06-03', rules: ['te-laat-3'] }),
    ]);
  });

  it('CSV carries the to-dos', async () => {
    const r = await runCli([...RUN, '--format', 'csv']);
    const l1008 = r.stdout.split('\r\n').find((l) => l.startsWith('9;L1008'))!;
    expect(l1008).toContain('mentor:gesprek-leerling:12-06-2026:bereikt-12-06-2026 [te-laat-3]');
  });

  it('--log records each step once; a second run adds nothing; cases due --party mentor lists the mentor\'s steps', async () => {
    const db = join(tmp, 'log.db');
    const first = await runCli([...RUN, '--log', '--db', db, '--json']);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toMatch(/29 vastgelegd, 0 al eerder vastgelegd/);
    const second = await runCli([...RUN, '--log', '--db', db, '--json']);
    expect(second.stderr).toMatch(/0 vastgelegd, 29 al eerder vastgelegd/);
    const due = await runCli(['cases', 'due', '--db', db, '--party', 'mentor', '--within', '0', '--json']);
    const items = (JSON.parse(due.stdout) as { items: { studentRef: string; to: string; type: string; deadline: string }[] }).items;
    expect(items.map((i) => [i.studentRef, i.to, i.type, i.deadline])).toEqual([
      ['L1010', 'mentor', 'gesprek-leerling', '2026-06-03'],
      ['L1002', 'mentor', 'gesprek-verwijdering', '2026-06-12'],
      ['L1008', 'mentor', 'gesprek-leerling', '2026-06-12'],
    ]);
    const bakker = await runCli(['cases', 'due', '--db', db, '--mentor', 'Bakker', '--within', '0', '--json']);
    const forBakker = (JSON.parse(bakker.stdout) as { items: { studentRef: string; to: string; type: string }[] }).items;
    expect(forBakker.map((i) => [i.studentRef, i.to, i.type])).toEqual([
      ['L1008', 'mentor', 'gesprek-leerling'],
      ['L1007', 'teamleider', 'ouders-uitnodigen'],
      // one dossier per student: the mentor's students' legal reports are listed too
      ['L1007', 'leerplicht', 'luxeverzuim'],
    ]);
    const verify = await runCli(['cases', 'verify', '--db', db]);
    expect(verify.exitCode).toBe(0);
  });
});

describe('plain batch: the counts from CSV columns, reachedOn from signaal_bereikt_op', () => {
  it('5 keer te laat since 10 June: the letter by 12 June, the mentor\'s talk already late', async () => {
    const file = join(tmp, 'plain.csv');
    writeFileSync(file, 'leerlingnummer;geboortedatum;peildatum;te_laat_schooljaar;signaal_bereikt_op;uit_de_les_gestuurd\nA1;01-01-2012;12-06-2026;5;10-06-2026;0\nA2;01-01-2012;12-06-2026;2;;2\n');
    const r = await runCli(['batch', file, '--rules', 'voorbeeldschool-verzuimprotocol', '--json']);
    const recs = JSON.parse(r.stdout) as { studentRef: string; todos: Todo[] }[];
    expect(recs.map((x) => [x.studentRef, x.todos.map((t) => [t.party, t.type, t.deadline, t.overdue, t.reachedOn])])).toEqual([
      ['A1', [['ouders', 'brief-ouders', '2026-06-12', false, '2026-06-10'], ['mentor', 'gesprek-leerling', '2026-06-10', true, '2026-06-10']]],
      ['A2', [['mentor', 'gesprek-verwijdering', '2026-06-15', false, '2026-06-12']]],
    ]);
  });
});
