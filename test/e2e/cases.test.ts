// `zorgroute route --log` and `zorgroute cases …` against the built binary.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'zorgroute-cases-'));
const situation = (extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ studentRef: 'L1', referenceDate: '2026-11-20', birthDate: '2012-03-01', ...extra });

async function logged(db: string, input: string): Promise<void> {
  const r = await runCli(['route', '-', '--json', '--log', '--db', db], { input });
  expect(r.exitCode).toBe(0);
}

describe('zorgroute route --log', () => {
  it('stores each decision once, however often the same input is routed', async () => {
    const db = join(freshDir(), 'cases.db');
    const first = await runCli(['route', '-', '--json', '--log', '--db', db], { input: situation({ unexcusedHours4w: 16 }) });
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout).escalations[0].type).toBe('verzuimmelding-16-uur');
    expect(first.stderr).toContain('Casuslogboek: 1 vastgelegd, 0 al eerder vastgelegd');
    const again = await runCli(['route', '-', '--json', '--log', '--db', db], { input: situation({ unexcusedHours4w: 16 }) });
    expect(again.stderr).toContain('0 vastgelegd, 1 al eerder vastgelegd');
    const raw = new Database(db, { readonly: true });
    expect(raw.prepare('SELECT kind, source FROM events ORDER BY id').all()).toEqual([
      { kind: 'intake', source: 'route' },
      { kind: 'decision', source: 'route' },
    ]);
    raw.close();
  });

  it('refuses a file that is not a case log with exit 2, prints no decision, and leaves the file as it was', async () => {
    const file = join(freshDir(), 'export.csv');
    writeFileSync(file, 'leerlingnummer;geboortedatum\n');
    const r = await runCli(['route', '-', '--json', '--log', '--db', file], { input: situation() });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('is geen casusdatabase van zorgroute');
    expect(readFileSync(file, 'utf8')).toBe('leerlingnummer;geboortedatum\n');
  });

  it('refuses a case log written by a newer zorgroute', async () => {
    const db = join(freshDir(), 'cases.db');
    const raw = new Database(db);
    raw.pragma('application_id = 1515343701');
    raw.pragma('user_version = 7');
    raw.close();
    const r = await runCli(['cases', 'list', '--db', db]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('schemaversie 7');
  });

  it('--db without --log is a usage error', async () => {
    expect((await runCli(['route', '-', '--db', 'x.db'], { input: situation() })).exitCode).toBe(2);
  });
});

describe('zorgroute cases', () => {
  it('lists, shows, marks done, adds notes, closes and exports — every command with --json', async () => {
    const db = join(freshDir(), 'cases.db');
    await logged(db, situation({ studentRef: 'L1', weeksWithoutPlace: 6, unexcusedHours4w: 16 }));
    await logged(db, situation({ studentRef: 'L2', luxuryAbsence: true }));
    const cli = (...args: string[]) => runCli(['cases', ...args, '--db', db]);

    const list = JSON.parse((await cli('list', '--json')).stdout);
    expect(list.map((c: { id: number; studentRef: string; openEscalations: number }) => [c.id, c.studentRef, c.openEscalations])).toEqual([
      [1, 'L1', 3],
      [2, 'L2', 1],
    ]);
    expect((await cli('list')).stdout).toMatch(/^ *1 +L1 +\d\d-\d\d-\d{4} +open +\d+ /m);

    const ambiguous = await cli('done', '1', 'thuiszitter'); // a type of two targets (a plain party name takes its most urgent)
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toContain('leerplicht:thuiszitter');

    const done = await cli('done', '1', 'verzuimmelding-16-uur', 'via', 'DUO', '--date', '23-11-2026', '--json');
    expect(done.exitCode).toBe(0);
    expect(JSON.parse(done.stdout).event.data).toEqual({
      action: 'verzuimmelding-16-uur via DUO',
      date: '2026-11-23',
      escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' },
      todo: null,
      party: null,
      note: null,
    });
    expect(done.stderr).toContain('afgevinkt');

    const called = await cli('done', '1', 'ouders', 'gebeld');
    expect(called.stderr).toContain('vastgelegd dat ouders/verzorgers zijn ingelicht');
    expect(called.stderr).toContain('Nog open: leerplicht:thuiszitter, onderwijsconsulent:thuiszitter, swv:thuiszitter-melden');
    expect(called.stderr).toContain('zorgroute cases done 1 leerplicht:thuiszitter'); // the command to type, not a placeholder

    expect((await cli('note', '1', 'leerling', 'heeft', 'bsn', '111222333')).exitCode).toBe(2);
    expect((await cli('note', '1', 'mentor', 'spreekt', 'leerling', 'dinsdag')).exitCode).toBe(0);

    const show = JSON.parse((await cli('show', '1', '--json')).stdout);
    expect(show.events.map((e: { kind: string }) => e.kind)).toEqual(['intake', 'decision', 'action', 'action', 'note']);
    expect(show.escalations.filter((e: { done: unknown }) => e.done === null)).toHaveLength(2);
    const shown = (await cli('show', '1')).stdout;
    expect(shown).toContain('Casus 1 — leerling L1 — open');
    expect(shown).toContain('gedaan op 23-11-2026');
    expect(shown).toContain('mentor spreekt leerling dinsdag');
    expect(shown).not.toContain('111222333');

    expect((await cli('close', '2', '--note', 'ouders hadden verlof aangevraagd', '--force')).exitCode).toBe(0);
    expect((await cli('close', '2')).exitCode).toBe(2);
    expect(JSON.parse((await cli('list', '--json')).stdout)).toHaveLength(1);
    expect(JSON.parse((await cli('list', '--status', 'closed', '--json')).stdout)[0].id).toBe(2);

    const due = await cli('due', '--json', '--exit-code');
    expect(due.exitCode).toBe(3);
    expect(JSON.parse(due.stdout).items.map((i: { caseId: number; to: string; kind: string }) => `${i.caseId}:${i.kind}:${i.to}`)).toEqual([
      '1:escalation:leerplicht',
      '1:escalation:onderwijsconsulent',
      '1:todo:swv',
    ]);

    const all = JSON.parse((await cli('export', '--all')).stdout);
    expect(all).toMatchObject({ format: 'zorgroute-cases', schemaVersion: 1 });
    expect(all.cases.map((c: { id: number; status: string }) => `${c.id}:${c.status}`)).toEqual(['1:open', '2:closed']);
    expect(JSON.parse((await cli('export', '--student', 'L2')).stdout).cases).toHaveLength(1);
    expect(JSON.parse((await cli('export', '1')).stdout).cases[0].events).toHaveLength(5);
    expect((await cli('export')).exitCode).toBe(2);
    expect((await cli('show', '99')).stderr).toContain('casus 99 bestaat niet');
  });

  it('in daily use: Dutch status names, a student number for show, words for done, no double ticks, notes on a closed case, timeline per case', async () => {
    const db = join(freshDir(), 'cases.db');
    await logged(db, situation({ studentRef: 'L1001', unexcusedHours4w: 16 }));
    await logged(db, situation({ studentRef: 'L2002', abuseSuspected: true }));
    const cli = (...args: string[]) => runCli(['cases', ...args, '--db', db]);

    // The Veilig Thuis consult is a to-do: shown as "te doen", listed by due, ticked off by done.
    const safety = (await cli('show', 'L2002')).stdout;
    expect(safety).toContain('Casus 2 — leerling L2002');
    expect(safety).toMatch(/Te doen:\n\s+☐ Veilig Thuis \(advies-vragen\) — zo spoedig mogelijk — open/);
    expect(safety).not.toContain('Geen escalatie nodig');
    const due = await cli('due');
    expect(due.stdout).toMatch(/veilig-thuis:advies-vragen/);
    const consult = await cli('done', '2', 'Veilig', 'Thuis', 'gebeld', 'voor', 'advies');
    expect(consult.stderr).toContain('Casus 2: Veilig Thuis (advies-vragen) afgevinkt.');
    expect(JSON.parse((await cli('due', '--json')).stdout).items.map((i: { caseId: number }) => i.caseId)).toEqual([1]);

    // A word of the type is enough; ticking twice records nothing and says when it was done.
    const first = await cli('done', '1', 'verzuimmelding', 'gedaan', '--date', '23-11-2026');
    expect(first.stderr).toContain('Casus 1: leerplichtambtenaar (verzuimmelding-16-uur) afgevinkt.');
    const twice = await cli('done', '1', 'verzuimmelding', 'gedaan', '--json');
    expect(twice.exitCode).toBe(0);
    expect(JSON.parse(twice.stdout)).toMatchObject({ event: null, alreadyDone: { date: '2026-11-23' } });
    expect(twice.stderr).toContain('was al afgevinkt op 23-11-2026 (verzuimmelding gedaan). Er is niets nieuws vastgelegd.');
    expect(JSON.parse((await cli('show', '1', '--json')).stdout).events).toHaveLength(3);

    // --status takes the words the table shows.
    expect((await cli('close', '1')).exitCode).toBe(0);
    expect(JSON.parse((await cli('list', '--status', 'gesloten', '--json')).stdout).map((c: { id: number }) => c.id)).toEqual([1]);
    expect(JSON.parse((await cli('list', '--status', 'alle', '--json')).stdout)).toHaveLength(2);
    expect((await cli('list', '--status', 'gesloten')).stdout).toContain('gesloten');
    const wrong = await cli('list', '--status', 'dicht');
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toContain('gesloten');

    // A note on a closed case is kept, with the command to reopen it.
    const note = await cli('note', '1', 'moeder', 'belde', 'terug');
    expect(note.exitCode).toBe(0);
    expect(note.stderr).toMatch(/Let op: casus 1 is gesloten\. Heropenen: (npx )?zorgroute cases reopen 1/);

    // Two cases for one student: show lists them; the timeline numbers each case's events from 1.
    const second = await runCli(['intake', '--no-input', '--new-case', '--db', db, '--student', 'L1001', '--birth-date', '01-03-2012', '--reference-date', '24-11-2026']);
    expect(second.exitCode).toBe(0);
    const both = await cli('show', 'L1001');
    expect(both.exitCode).toBe(0);
    expect(both.stdout).toContain('Leerling L1001 heeft 2 casussen:');
    expect(both.stdout).toContain('zorgroute cases show 3');
    const third = (await cli('show', '3')).stdout;
    expect(third).toMatch(/^ *1 +\d\d-\d\d-\d{4} \d\d:\d\d +intake/m);
    expect(third).not.toMatch(/^ *5 +\d\d-/m);
    expect((await cli('show', 'L9999')).exitCode).toBe(2);
  });

  // Issue 19, defect 6: a typo in ZORGROUTE_DB must not read as "nothing due" for ever.
  it('refuses a database that does not exist (exit 2, naming it and how it was chosen), without creating it', async () => {
    const db = join(freshDir(), 'none', 'cases.db');
    const r = await runCli(['cases', 'list', '--db', db]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`het casuslogboek ${db} (gekozen met --db) bestaat niet`);
    const due = await runCli(['cases', 'due', '--exit-code'], { env: { ZORGROUTE_DB: db } });
    expect(due.exitCode).toBe(2);
    expect(due.stderr).toContain(`${db} (uit ZORGROUTE_DB) bestaat niet`);
    expect(existsSync(db)).toBe(false);
  });

  it('finds the database through ZORGROUTE_DB, else in XDG_DATA_HOME/zorgroute (folder 0700, file 0600)', async () => {
    const viaEnv = join(freshDir(), 'env.db');
    await runCli(['route', '-', '--log'], { input: situation(), env: { ZORGROUTE_DB: viaEnv } });
    expect(existsSync(viaEnv)).toBe(true);

    const data = freshDir();
    const r = await runCli(['route', '-', '--log'], { input: situation(), env: { ZORGROUTE_DB: '', XDG_DATA_HOME: data } });
    expect(r.exitCode).toBe(0);
    expect(statSync(join(data, 'zorgroute')).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'zorgroute', 'cases.db')).mode & 0o777).toBe(0o600);
  });
});
