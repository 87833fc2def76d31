// One open case per student (issue 17, item 8): after `batch --registrations --log` a student has
// one open case — the dossier — and each period's melding is an escalation inside it, with its own
// deadline and done-state, recorded once. A log written before (one case per period) is migrated:
// the student's open cases merged into one by appending (nothing resealed, every event kept), and
// `cases verify` intact across it.
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';

const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
const RUN = ['batch', ex('leerlingen.csv'), '--registrations', ex('registraties.csv'), '--calendar', ex('kalender-voorbeeldschool.json'), '--log'];
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-one-case-'));

interface ListItem {
  id: number;
  studentRef: string;
  status: string;
  openEscalations: number;
}
interface Shown {
  id: number;
  status: string;
  escalations: { to: string; type: string; deadline: string | null; done: { eventId: number } | null; period?: { from: string; to: string } }[];
}

async function list(db: string, student: string): Promise<ListItem[]> {
  const r = await runCli(['cases', 'list', '--student', student, '--status', 'all', '--all', '--json', '--db', db]);
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ListItem[];
}

async function show(db: string, id: number): Promise<Shown> {
  const r = await runCli(['cases', 'show', String(id), '--json', '--db', db]);
  expect(r.exitCode, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Shown;
}

describe('one open case per student', () => {
  it('batch --registrations --log gives L1011 one case, each period its own melding inside it; a re-run adds nothing', async () => {
    const db = join(tmp, 'fresh.db');
    const first = await runCli([...RUN, '--db', db]);
    expect(first.exitCode, first.stderr).toBe(0);
    const cases = await list(db, 'L1011');
    expect(cases).toHaveLength(1);
    const dossier = await show(db, cases[0]!.id);
    const meldingen = dossier.escalations.filter((e) => e.type === 'verzuimmelding-16-uur');
    expect(meldingen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(meldingen.map((e) => e.deadline)).size).toBe(meldingen.length);
    expect(new Set(meldingen.map((e) => `${e.period?.from}/${e.period?.to}`)).size).toBe(meldingen.length);

    const again = await runCli([...RUN, '--db', db]);
    expect(again.stderr).toMatch(/Casuslogboek: 0 vastgelegd/);
    expect(await list(db, 'L1011')).toHaveLength(1);

    const human = await runCli(['cases', 'show', 'L1011', '--db', db]);
    expect(human.stdout).not.toMatch(/heeft \d+ casussen/);
  });

  it('cases done ticks off the most urgent open melding of the dossier and leaves the others open', async () => {
    const db = join(tmp, 'done.db');
    await runCli([...RUN, '--db', db]);
    const [c] = await list(db, 'L1011');
    const before = (await show(db, c!.id)).escalations.filter((e) => e.type === 'verzuimmelding-16-uur');
    const done = await runCli(['cases', 'done', String(c!.id), 'verzuimmelding', '--db', db]);
    expect(done.exitCode, done.stderr).toBe(0);
    const after = (await show(db, c!.id)).escalations.filter((e) => e.type === 'verzuimmelding-16-uur');
    const earliest = [...before].sort((a, b) => (a.deadline! < b.deadline! ? -1 : 1))[0]!;
    expect(after.filter((e) => e.done !== null).map((e) => e.deadline)).toEqual([earliest.deadline]);
    expect(after.filter((e) => e.done === null)).toHaveLength(before.length - 1);
  });

  it('a log of the previous version (one case per period) migrates: one open case, every event kept, nothing resealed, verify intact', async () => {
    const db = join(tmp, 'v4.db');
    // the fixture is kept as SQL text (no database in git); built here exactly as the old version left it
    const built = new Database(db);
    built.exec(readFileSync(fixture('caselog/registrations-v4.sql'), 'utf8'));
    built.close();
    chmodSync(db, 0o600);
    const oldHead = '1df9e8e38b61e5feb5b1814a41827d54659240efdf58bbc8c2f6c9b67e9abc40';

    const verify = await runCli(['cases', 'verify', '--db', db]);
    expect(verify.exitCode, verify.stderr + verify.stdout).toBe(0);
    expect(verify.stdout + verify.stderr).toMatch(/intact/);

    const cases = await list(db, 'L1011');
    const open = cases.filter((c) => c.status === 'open');
    expect(open).toHaveLength(1);
    expect(cases).toHaveLength(6); // the five merged ones closed, not deleted
    const dossier = await show(db, open[0]!.id);
    const meldingen = dossier.escalations.filter((e) => e.type === 'verzuimmelding-16-uur');
    expect(meldingen.length).toBe(5);
    // case 10's melding was done before the migration; in the dossier it is still done, and only it
    expect(meldingen.filter((e) => e.done !== null).map((e) => e.deadline)).toEqual(['2026-05-27']);

    const sql = new Database(db, { readonly: true });
    try {
      // the old events are untouched: event 30 still carries the head the user wrote down
      expect(sql.prepare('SELECT hash FROM events WHERE id = 30').pluck().get()).toBe(oldHead);
      expect(sql.prepare('SELECT count(*) FROM events WHERE id <= 30').pluck().get()).toBe(30);
      expect(sql.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(5);
    } finally {
      sql.close();
    }
    const human = await runCli(['cases', 'show', 'L1011', '--db', db]);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).not.toMatch(/heeft \d+ casussen/);
  });
});
