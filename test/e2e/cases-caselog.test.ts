// The case log at scale and under audit, through the built binary: list/due pages, a streamed
// export, verify (exit 5), purge, backup (issue 10, defects 9 and 11).
import Database from 'better-sqlite3';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { openCaseStore } from '../../src/io/db/case-store.js';
import { BIN, runCli } from './run-cli.js';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'zorgroute-caselog-'));
const ndjson = (n: number, from = 0): string =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ studentRef: `L${from + i}`, referenceDate: '2026-11-20', birthDate: '2012-03-01', unexcusedHours4w: 16 + (i % 3) })).join('\n');

async function logWith(n: number): Promise<string> {
  const db = join(freshDir(), 'cases.db');
  const r = await runCli(['route', '-', '--json', '--log', '--db', db], { input: ndjson(n) });
  expect(r.exitCode).toBe(0);
  return db;
}

// A table row starts with its case id (list) or its deadline (due); the head, the rule and the 'more' line do not.
const tableRows = (stdout: string): number => stdout.split('\n').filter((l) => /^\s*(\d+\s{2}|(Mon|Tue|Wed|Thu|Fri|ma|di|wo|do|vr) \d\d-\d\d-\d{4}|zo spoedig|as soon)/.test(l)).length;

describe('cases list and due: the most urgent first, a page at a time', () => {
  it('shows 50 by default and says how many more there are; --limit N, --all; --json lists all', async () => {
    const db = await logWith(60);
    const list = await runCli(['cases', 'list', '--db', db]);
    expect(list.exitCode).toBe(0);
    expect(tableRows(list.stdout)).toBe(50);
    expect(list.stdout).toContain('50 van 60 casussen getoond, de urgentste eerst; --all toont ze allemaal, --limit N er meer.');
    expect(tableRows((await runCli(['cases', 'list', '--db', db, '--limit', '5'])).stdout)).toBe(5);
    const all = await runCli(['cases', 'list', '--db', db, '--all', '--lang', 'en']);
    expect(tableRows(all.stdout)).toBe(60);
    expect(all.stdout).not.toContain('shown');
    expect(JSON.parse((await runCli(['cases', 'list', '--db', db, '--json'])).stdout)).toHaveLength(60);
    const both = await runCli(['cases', 'list', '--db', db, '--all', '--limit', '3', '--lang', 'en']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('give --limit N or --all, not both');
    expect((await runCli(['cases', 'list', '--db', db, '--limit', 'veel'])).stderr).toContain('--limit: een geheel getal vanaf 1');
  });

  it('due: the earliest deadline first, at most N, with the total in JSON and --exit-code on the total', async () => {
    const db = await logWith(8);
    const due = await runCli(['cases', 'due', '--db', db, '--limit', '3', '--lang', 'en', '--exit-code']);
    expect(due.exitCode).toBe(3);
    expect(tableRows(due.stdout)).toBe(3);
    expect(due.stdout).toContain('3 of 8 shown, the earliest deadline first');
    const json = JSON.parse((await runCli(['cases', 'due', '--db', db, '--json'])).stdout);
    expect(json.total).toBe(8);
    expect(json.items).toHaveLength(8);
  });
});

describe('cases export --all', () => {
  it('streams the very JSON a whole-document stringify gives', async () => {
    const db = await logWith(3);
    await runCli(['cases', 'note', '2', 'ouders gebeld', '--db', db]);
    const r = await runCli(['cases', 'export', '--all', '--db', db]);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(r.stdout).toBe(JSON.stringify(doc, null, 2)); // (execa strips the final newline)
    expect(doc).toMatchObject({ format: 'zorgroute-cases', schemaVersion: 1 });
    expect(doc.cases.map((c: { events: unknown[] }) => c.events.length)).toEqual([2, 3, 2]);
    const missing = await runCli(['cases', 'export', '--all', '--db', join(freshDir(), 'none.db')]);
    expect(missing.exitCode).toBe(2); // issue 19, defect 6: a reading command does not make a log
    expect(missing.stdout).toBe('');
  });
});

describe('cases verify', () => {
  it('exit 0 and the head on an untouched log; exit 5 naming case and event after a SQL tool changed it', async () => {
    const db = await logWith(3);
    const ok = await runCli(['cases', 'verify', '--db', db]);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('Casuslogboek intact: 6 gebeurtenissen in 3 casussen');
    expect(ok.stdout).toMatch(/[0-9a-f]{64}/);
    const tool = new Database(db);
    tool.pragma('foreign_keys = OFF');
    expect(() => tool.exec(`INSERT OR REPLACE INTO events (id, case_id, kind, recorded_at, source, data) SELECT id, case_id, kind, recorded_at, source, '{"situation":{}}' FROM events WHERE id = 1`)).toThrow();
    tool.exec('DROP TRIGGER events_are_sealed_and_new; DROP TRIGGER events_are_not_deleted;');
    tool.exec(`INSERT OR REPLACE INTO events (id, case_id, kind, recorded_at, source, data) SELECT id, case_id, kind, recorded_at, source, '{"situation":{}}' FROM events WHERE id = 1`);
    tool.exec('DELETE FROM events WHERE id = 3');
    tool.close();
    const bad = await runCli(['cases', 'verify', '--db', db, '--lang', 'en']);
    expect(bad.exitCode).toBe(5);
    expect(bad.stdout).toContain('Case log NOT intact');
    expect(bad.stdout).toContain('event 1 of case 1: has no seal');
    expect(bad.stdout).toContain('event 3 of case 2: deleted');
    const json = await runCli(['cases', 'verify', '--db', db, '--json']);
    expect(json.exitCode).toBe(5);
    expect(JSON.parse(json.stdout).findings).toEqual(expect.arrayContaining([{ kind: 'unsealed', caseId: 1, eventId: 1 }, { kind: 'deleted', caseId: 2, eventId: 3 }]));
    // purge and backup refuse such a log
    const purge = await runCli(['cases', 'purge', '--db', db, '--retention', '--yes']);
    expect(purge.exitCode).toBe(5);
    expect(purge.stderr).toContain('buiten zorgroute gewijzigd; er is niets verwijderd');
  });
});

describe('cases purge', () => {
  it('shows what would go, deletes only with --yes, and the log still verifies', async () => {
    const db = join(freshDir(), 'cases.db');
    const old = openCaseStore(db, { now: () => new Date('2020-02-03T10:00:00Z') });
    const r = await runCli(['route', '-', '--json', '--log', '--db', db], { input: ndjson(3) });
    expect(r.exitCode).toBe(0);
    old.appendEvent(1, { kind: 'closed', data: { note: null } });
    old.appendEvent(2, { kind: 'closed', data: { note: null } });
    old.close();
    const dry = await runCli(['cases', 'purge', '--db', db, '--closed-before', '01-01-2021']);
    expect(dry.exitCode).toBe(0);
    expect(dry.stdout).toContain('Op te schonen (gesloten vóór 01-01-2021): 2 casussen, 6 gebeurtenissen:');
    expect(dry.stdout).toContain('Er is niets verwijderd');
    expect(JSON.parse((await runCli(['cases', 'list', '--db', db, '--status', 'all', '--json'])).stdout)).toHaveLength(3);
    const yes = await runCli(['cases', 'purge', '--db', db, '--closed-before', '01-01-2021', '--yes', '--lang', 'en']);
    expect(yes.stdout).toContain('Deleted: 2 cases, 6 events');
    expect(JSON.parse((await runCli(['cases', 'list', '--db', db, '--status', 'all', '--json'])).stdout).map((c: { id: number }) => c.id)).toEqual([3]);
    const verify = await runCli(['cases', 'verify', '--db', db, '--lang', 'en']);
    expect(verify.exitCode).toBe(0);
    expect(verify.stdout).toContain('purged 1 times');
    expect((await runCli(['cases', 'purge', '--db', db])).exitCode).toBe(2);
    expect((await runCli(['cases', 'purge', '--db', db, '--closed-before', '01-01-2099'])).stderr).toContain('ligt in de toekomst');
  });
});

describe('cases backup', () => {
  it('writes a verified 0600 copy, refuses an existing file, --force replaces only an older backup', async () => {
    const db = await logWith(4);
    const dir = freshDir();
    const file = join(dir, 'backup.db');
    const r = await runCli(['cases', 'backup', file, '--db', db]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('Reservekopie geschreven en geverifieerd');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((await runCli(['cases', 'verify', '--db', file])).exitCode).toBe(0);
    const again = await runCli(['cases', 'backup', file, '--db', db]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('bestaat al');
    expect((await runCli(['cases', 'backup', file, '--db', db, '--force'])).exitCode).toBe(0);
    const other = join(dir, 'notes.txt');
    writeFileSync(other, 'mijn aantekeningen');
    const refused = await runCli(['cases', 'backup', other, '--db', db, '--force', '--lang', 'en']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('is not a zorgroute case log');
    expect((await runCli(['cases', 'backup', db, '--db', db])).exitCode).toBe(2);
  });

  it('is whole and verifies while another process writes to the log', async () => {
    const db = await logWith(10);
    const input = join(freshDir(), 'many.ndjson'); // a file: a pipe that is not ready yet is refused by route (EAGAIN)
    writeFileSync(input, ndjson(3000, 100));
    const writer = execa(process.execPath, [BIN, 'route', input, '--json', '--log', '--db', db], { reject: false, env: { NO_COLOR: '1' } });
    const file = join(freshDir(), 'during.db');
    const r = await runCli(['cases', 'backup', file, '--db', db, '--json']);
    const written = await writer;
    expect(written.stderr).toContain('3000 vastgelegd');
    expect(written.exitCode).toBe(0);
    expect(r.stderr).toContain('Reservekopie geschreven en geverifieerd');
    expect(r.exitCode).toBe(0);
    const copy = JSON.parse(r.stdout);
    expect(copy.events).toBeGreaterThanOrEqual(20);
    expect((await runCli(['cases', 'verify', '--db', file])).exitCode).toBe(0);
  });
});
