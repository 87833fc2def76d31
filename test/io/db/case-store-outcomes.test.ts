// Schema version 2: decision outcomes stored once and joined back on reading — the same Decision
// as before, from new and from old (version 1) events alike, also through the events_expanded view.
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prepareDecision, prepareOutcome } from '../../../src/io/db/prepared-entry.js';
import { decide } from '../../../src/core/routing/decide.js';
import { decisionIdempotencyKey } from '../../../src/io/db/decision-key.js';
import { openCaseStore, type CaseStore, type DecisionEntry } from '../../../src/io/db/case-store.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/io/db/schema/migrations.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import { readRuleset } from '../../../src/io/rules/read-ruleset.js';
import type { SituationInput } from '../../../src/core/routing/situation.js';
import type { Lang } from '../../../src/core/routing/compile.js';

const open: CaseStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const store = (path: string): CaseStore => {
  const s = openCaseStore(path, { now: () => new Date('2026-11-27T09:00:00Z') });
  open.push(s);
  return s;
};
const tmpDb = (): string => join(mkdtempSync(join(tmpdir(), 'zorgroute-outcomes-')), 'cases.db');

function entry(overrides: Partial<SituationInput> = {}, lang: Lang = 'nl'): DecisionEntry {
  const s = situation(overrides);
  const decision = decide(s, defaultRuleset(lang), workingDays);
  return { studentRef: s.studentRef, situation: s, decision, source: 'batch', idempotencyKey: decisionIdempotencyKey(decision) };
}

/** A case log as zorgroute's schema version 1 left it (migration 1 only), open for filling. */
function versionOneDatabase(path: string): Database.Database {
  const v1 = new Database(path);
  v1.exec(MIGRATIONS[0]!.sql);
  v1.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-11-01T00:00:00Z')").run();
  v1.pragma('user_version = 1');
  return v1;
}

const decisionsIn = (s: CaseStore) => s.listCases().flatMap((c) => c.events.filter((e) => e.kind === 'decision').map((e) => (e.data as { decision: unknown }).decision));

describe('decision outcomes (schema version 2)', () => {
  it('stores each distinct outcome once and gives every decision back whole', () => {
    const path = tmpDb();
    const s = store(path);
    const entries = [
      ...Array.from({ length: 20 }, (_, i) => entry({ studentRef: `A${i}`, unexcusedHours4w: 16 })),
      ...Array.from({ length: 5 }, (_, i) => entry({ studentRef: `B${i}`, unexcusedHours4w: 16 }, 'en')),
      entry({ studentRef: 'C1', weeksWithoutPlace: 6 }),
    ];
    expect(s.recordDecisions(entries).added).toBe(26);
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM decision_outcomes').pluck().get()).toBe(3);
    expect(raw.prepare("SELECT count(*) FROM events WHERE kind = 'decision' AND outcome_id IS NULL").pluck().get()).toBe(0);
    // The event itself holds the student's own part only, never the texts.
    const own = JSON.parse(raw.prepare("SELECT data FROM events WHERE kind = 'decision' LIMIT 1").pluck().get() as string);
    expect(Object.keys(own.decision)).toEqual(['studentRef', 'referenceDate', 'facts']);
    raw.close();
    expect(decisionsIn(s)).toStrictEqual(entries.map((e) => JSON.parse(JSON.stringify(e.decision))));
    expect(decisionsIn(store(path))).toStrictEqual(decisionsIn(s)); // and from a new connection
  });

  it('events_expanded gives SQL users the whole decision, the same text as JSON.stringify', () => {
    const path = tmpDb();
    const e = entry({ studentRef: 'V1', unexcusedHours4w: 20, sickDaysInRow: 8 });
    store(path).recordDecisions([e]);
    const raw = new Database(path, { readonly: true });
    const rows = raw.prepare('SELECT kind, data FROM events_expanded ORDER BY id').all() as { kind: string; data: string }[];
    raw.close();
    expect(rows.map((r) => r.kind)).toEqual(['intake', 'decision']);
    expect(rows[1]!.data).toBe(JSON.stringify({ decision: e.decision }));
    expect(rows[0]!.data).toBe(JSON.stringify({ situation: e.situation }));
  });

  it('an outcome stored before to-dos existed reads with none, in zorgroute and in events_expanded', () => {
    const path = tmpDb();
    const e = entry({ studentRef: 'V2', sickDaysInRow: 8 }); // a decision with a to-do (the jeugdarts)
    store(path).recordDecisions([e]);
    expect((decisionsIn(store(path))[0] as { todos: unknown[] }).todos).toHaveLength(1);
    const raw = new Database(path);
    // What an outcome written before this version looks like: no "todos" key.
    raw.exec('DROP TRIGGER decision_outcomes_are_not_updated');
    raw.prepare("UPDATE decision_outcomes SET data = json_remove(data, '$.todos')").run();
    const view = JSON.parse(raw.prepare("SELECT data FROM events_expanded WHERE kind = 'decision'").pluck().get() as string);
    raw.close();
    expect(view.decision.todos).toEqual([]);
    expect((decisionsIn(store(path))[0] as { todos: unknown[] }).todos).toEqual([]);
  });

  it('migrates a version-1 log: its old events read as before, new ones are stored the new way', () => {
    const path = tmpDb();
    const v1 = versionOneDatabase(path);
    const old = entry({ studentRef: 'OLD1', unexcusedHours4w: 16 });
    v1.prepare("INSERT INTO cases (student_ref, created_at, source) VALUES ('OLD1', '2026-11-01T00:00:00Z', 'batch')").run();
    const insert = v1.prepare(
      'INSERT INTO events (case_id, kind, recorded_at, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run('intake', '2026-11-01T00:00:00Z', 'batch', JSON.stringify({ situation: old.situation }), null, null, null, null);
    const r = old.decision.ruleset;
    insert.run('decision', '2026-11-01T00:00:00Z', 'batch', JSON.stringify({ decision: old.decision }), r.id, r.version, r.sha256, old.idempotencyKey);
    v1.close();

    const s = store(path);
    expect(s.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    // The same export again adds nothing (the v1 key recipe is kept); a new student is added.
    const again = s.recordDecisions([old, entry({ studentRef: 'NEW1', unexcusedHours4w: 16 })]);
    expect(again).toMatchObject({ added: 1, skipped: 1 });
    expect(decisionsIn(s)).toStrictEqual([JSON.parse(JSON.stringify(old.decision)), expect.objectContaining({ studentRef: 'NEW1' })]);
    const raw = new Database(path, { readonly: true });
    const expanded = raw.prepare("SELECT data FROM events_expanded WHERE kind = 'decision' ORDER BY id").pluck().all() as string[];
    raw.close();
    expect(JSON.parse(expanded[0]!)).toStrictEqual({ decision: JSON.parse(JSON.stringify(old.decision)) });
    expect(JSON.parse(expanded[1]!).decision.studentRef).toBe('NEW1');
  });

  it('rebuilds version-1 tables with the same rows, constraints, triggers, cascade and foreign keys', () => {
    const path = tmpDb();
    const v1 = versionOneDatabase(path);
    v1.exec(`INSERT INTO cases (student_ref, created_at, source) VALUES ('R1', '2026-11-01T00:00:00Z', 'intake'), ('R2', '2026-11-02T00:00:00Z', 'route');
             INSERT INTO events (case_id, kind, recorded_at, source, data) VALUES (1, 'note', '2026-11-01T00:00:00Z', 'cases', '{"text":"gebeld"}'),
               (2, 'closed', '2026-11-02T00:00:00Z', 'cases', '{"note":null}');`);
    const before = v1.prepare('SELECT * FROM events ORDER BY id').all();
    v1.close();

    const s = store(path);
    expect(s.listCases().map((c) => [c.studentRef, c.events.map((e) => e.kind)])).toEqual([['R1', ['note']], ['R2', ['closed']]]);
    const raw = new Database(path);
    try {
      raw.pragma('foreign_keys = ON');
      expect(raw.prepare('SELECT id, case_id, kind, recorded_at, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key FROM events ORDER BY id').all()).toEqual(before);
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      const tableSql = raw.prepare("SELECT group_concat(sql, ' ') FROM sqlite_schema WHERE name IN ('cases', 'events')").pluck().get() as string;
      expect(tableSql).not.toMatch(/ IN \(/); // the point of the rebuild (see migration 2)
      expect(() => raw.prepare("UPDATE events SET data = '{}' WHERE id = 1").run()).toThrow(/append-only/);
      // (sealed, so that the CHECK and the foreign key are what refuse them: schema version 3 refuses unsealed rows first)
      expect(() => raw.prepare("INSERT INTO events (id, case_id, kind, recorded_at, source, data, prev_hash, hash) VALUES (50, 1, 'gossip', 'x', 'cases', '{}', 'p', 'h')").run()).toThrow(/CHECK/);
      expect(() => raw.prepare("INSERT INTO events (id, case_id, kind, recorded_at, source, data, prev_hash, hash) VALUES (50, 99, 'note', 'x', 'cases', '{}', 'p', 'h')").run()).toThrow(/FOREIGN KEY/);
      // Deleting a case is refused since schema version 3 (zorgroute cases purge does it, recorded).
      expect(() => raw.prepare("DELETE FROM cases WHERE student_ref = 'R1'").run()).toThrow(/not deleted/);
      expect(raw.prepare('SELECT count(*) FROM events').pluck().get()).toBe(2);
      expect(raw.prepare("SELECT name FROM sqlite_schema WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL ORDER BY name").pluck().all()).toEqual([
        'case_escalations_due',
        'case_state_by_closing',
        'case_state_by_student',
        'case_state_by_urgency',
        'cases_are_not_deleted',
        'cases_are_not_replaced',
        'cases_are_not_updated',
        'cases_by_student',
        'decision_outcomes_are_not_replaced',
        'decision_outcomes_are_not_updated',
        'decision_outcomes_in_use',
        'events_are_append_only',
        'events_are_not_deleted',
        'events_are_sealed_and_new',
        'events_by_case',
        'events_by_idempotency_key',
        'events_expanded',
        'purges_are_append_only',
        'purges_are_not_deleted',
      ]);
    } finally {
      raw.close();
    }
    // The store's own connection has its foreign keys on again after the migration.
    expect((s as unknown as { db: Database.Database }).db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('carries over references a SQL tool broke before, and leaves no second copy of the rows in free pages', () => {
    const path = tmpDb();
    const v1 = versionOneDatabase(path);
    // A case deleted with foreign keys off (the sqlite3 shell's default) leaves its events behind.
    v1.pragma('foreign_keys = OFF');
    v1.exec(`INSERT INTO cases (student_ref, created_at, source) VALUES ('MARK-ORPHAN', 'x', 'intake'), ('MARK-KEPT', 'x', 'intake');
             INSERT INTO events (case_id, kind, recorded_at, source, data) VALUES (1, 'note', 'x', 'cases', '{"text":"orphaned-note-marker"}');
             DELETE FROM cases WHERE id = 1;`);
    // Enough notes that the rebuilt indexes cannot take over all the pages the old tables leave.
    const note = v1.prepare("INSERT INTO events (case_id, kind, recorded_at, source, data) VALUES (2, 'note', 'x', 'cases', ?)");
    for (let i = 0; i < 200; i++) note.run(JSON.stringify({ text: `kept-note-${i}-marker ${'x'.repeat(2000)}` }));
    v1.close();

    store(path).close();
    open.pop();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(raw.prepare('SELECT count(*) FROM events').pluck().get()).toBe(201);
    expect(raw.pragma('foreign_key_check')).toHaveLength(1); // the one it found, no more
    raw.close();
    // An outcome in use cannot be deleted, not even by a SQL tool with foreign keys off.
    const s = store(path);
    s.recordDecisions([entry({ studentRef: 'D1', unexcusedHours4w: 16 })]);
    s.close();
    open.pop();
    const tool = new Database(path);
    tool.pragma('foreign_keys = OFF');
    expect(() => tool.prepare('DELETE FROM decision_outcomes').run()).toThrow(/still used by a decision event/);
    tool.close();
    // The old tables' pages were overwritten when dropped: each note is in the file once.
    const bytes = readFileSync(path).toString('latin1');
    for (const i of [0, 99, 199]) expect(bytes.split(`kept-note-${i}-marker`).length - 1).toBe(1);
  });

  it('keeps an outcome text offered with an entry that was skipped, for a later chunk that needs it', () => {
    const path = tmpDb();
    const s = store(path);
    const nl = entry({ studentRef: 'K1', unexcusedHours4w: 16 });
    s.recordDecisions([entry({ studentRef: 'K1', unexcusedHours4w: 16 }, 'en')]); // same key, English texts
    const outcome = prepareOutcome(nl.decision);
    // Chunk 1 brings the Dutch text, but its only entry is already logged (same key) and skipped.
    expect(s.recordPrepared({ entries: [prepareDecision(nl, outcome)], outcomes: { [outcome.sha256]: outcome.json } })).toMatchObject({ skipped: 1 });
    // Chunk 2 uses the same outcome without its text: the store still has it.
    const other = entry({ studentRef: 'K2', unexcusedHours4w: 16 });
    expect(s.recordPrepared({ entries: [prepareDecision(other, outcome)], outcomes: {} })).toMatchObject({ added: 1 });
    expect(decisionsIn(s)[1]).toStrictEqual(JSON.parse(JSON.stringify(other.decision)));
  });

  it('forgets an outcome added by a transaction that failed', () => {
    const path = tmpDb();
    const s = store(path);
    const good = entry({ studentRef: 'F1', weeksWithoutPlace: 6 });
    const tooLong = entry({ studentRef: `F${'9'.repeat(40)}`, weeksWithoutPlace: 6 });
    const bad = { ...tooLong, studentRef: 'x'.repeat(70), situation: { ...tooLong.situation, studentRef: 'x'.repeat(70) }, decision: { ...tooLong.decision, studentRef: 'x'.repeat(70) } };
    expect(() => s.recordDecisions([good, bad])).toThrow();
    expect(s.listCases()).toEqual([]);
    // Had the store kept the rolled-back outcome's id, this would point at nothing.
    s.recordDecisions([good]);
    expect(decisionsIn(s)).toStrictEqual([JSON.parse(JSON.stringify(good.decision))]);
  });
});

describe('decision outcomes with steps the parents rules hold back', () => {
  it('gives back the withheld steps a decision had, and stores an outcome without them as before', () => {
    const s = store(tmpDb());
    const protocol = readRuleset('voorbeeldschool-verzuimprotocol', 'nl');
    const danger = situation({ studentRef: 'W1', lateArrivalsSchoolYear: 5, abuseSuspected: true, danger: true });
    const decision = decide(danger, protocol, workingDays);
    expect(decision.withheld?.length).toBeGreaterThan(0);
    s.recordDecisions([{ studentRef: 'W1', situation: danger, decision, source: 'batch', idempotencyKey: decisionIdempotencyKey(decision) }]);
    expect(decisionsIn(s)).toEqual([decision]);
    // Without withheld steps the outcome's text (and so its identity) is what it always was.
    const plain = decide(situation({ unexcusedHours4w: 16 }), defaultRuleset(), workingDays);
    const { parents, inform, escalations, todos, notes, rules, ruleset } = plain;
    expect(prepareOutcome(plain).json).toBe(JSON.stringify({ parents, inform, escalations, todos, notes, rules, ruleset }));
  });
});
