// Schema version 4: every event sealed in one hash chain. What a SQL tool can still do with the
// triggers dropped, and that `verify` names each change by case and event id (issue 10, defect 11).
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/routing/decide.js';
import { decisionIdempotencyKey } from '../../../src/io/db/decision-key.js';
import { openCaseStore, type CaseStore, type DecisionEntry } from '../../../src/io/db/case-store.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/io/db/schema/migrations.js';
import type { TamperFinding } from '../../../src/io/db/chain/verify-chain.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import type { SituationInput } from '../../../src/core/routing/situation.js';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const tmpDb = (): string => join(mkdtempSync(join(tmpdir(), 'zorgroute-chain-')), 'cases.db');
const store = (path: string, now = '2026-11-27T09:00:00Z'): CaseStore => {
  const s = openCaseStore(path, { now: () => new Date(now) });
  open.push(s);
  return s;
};
/** A SQL tool on the file: foreign keys off (the sqlite3 shell's default). */
const tool = (path: string): Database.Database => {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF'); // better-sqlite3 has them on; the sqlite3 shell off
  open.push(db);
  return db;
};
const DROP_GUARDS = 'DROP TRIGGER events_are_append_only; DROP TRIGGER events_are_not_deleted; DROP TRIGGER events_are_sealed_and_new; DROP TRIGGER cases_are_not_updated; DROP TRIGGER cases_are_not_deleted;';

function entry(ref: string, overrides: Partial<SituationInput> = {}): DecisionEntry {
  const s = situation({ studentRef: ref, ...overrides });
  const decision = decide(s, defaultRuleset(), workingDays);
  return { studentRef: ref, situation: s, decision, source: 'batch', idempotencyKey: decisionIdempotencyKey(decision) };
}

/** Three cases: 1 (events 1, 2, 5: a note), 2 (3, 4), 3 (6, 7). */
function threeCases(path: string): CaseStore {
  const s = store(path);
  s.recordDecisions([entry('A1', { unexcusedHours4w: 16 }), entry('B2', { weeksWithoutPlace: 6 })]);
  s.appendEvent(1, { kind: 'note', data: { text: 'ouders gebeld' } });
  s.recordDecisions([entry('C3', { unexcusedHours4w: 20 })]);
  return s;
}

const kinds = (findings: TamperFinding[]) => findings.map((f) => [f.kind, f.caseId, f.eventId]);

describe('the hash chain (schema version 4)', () => {
  it('an untouched log verifies, with the head it ends in', () => {
    const path = tmpDb();
    const s = threeCases(path);
    const r = s.verify();
    expect(r).toMatchObject({ intact: true, events: 7, cases: 3, purges: 0, findings: [] });
    expect(r.head).toMatchObject({ lastEventId: 7 });
    expect(r.head!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses INSERT OR REPLACE, DELETE, UPDATE and an unsealed INSERT from a SQL tool (the triggers)', () => {
    const path = tmpDb();
    threeCases(path).close();
    const db = tool(path);
    expect(() => db.exec(`INSERT OR REPLACE INTO events (id, case_id, kind, recorded_at, source, data) SELECT id, case_id, kind, recorded_at, source, '{"situation":{}}' FROM events WHERE id = 1`)).toThrow(/never replaced/);
    expect(() => db.exec('DELETE FROM events WHERE id = 5')).toThrow(/not deleted/);
    expect(() => db.exec("UPDATE events SET data = '{}' WHERE id = 5")).toThrow(/append-only/);
    expect(() => db.exec(`INSERT INTO events (case_id, kind, recorded_at, source, data) VALUES (1, 'note', 'x', 'cases', '{"text":"x"}')`)).toThrow(/sealed/);
    expect(() => db.exec('DELETE FROM cases WHERE id = 2')).toThrow(/not deleted/);
    expect(() => db.exec("INSERT OR REPLACE INTO cases (id, student_ref, created_at, source) VALUES (2, 'X', 'x', 'batch')")).toThrow(/not replaced/);
    expect(() => db.exec("INSERT OR REPLACE INTO decision_outcomes (id, sha256, data) SELECT id, sha256, '{}' FROM decision_outcomes LIMIT 1")).toThrow(/not replaced/);
  });

  it('names every change made with the triggers dropped: edited, replaced, deleted, inserted', () => {
    const path = tmpDb();
    threeCases(path).close();
    const db = tool(path);
    db.exec(DROP_GUARDS);
    db.exec(`UPDATE events SET data = '{"text":"anders"}' WHERE id = 5`); // edited in place
    db.exec(`INSERT OR REPLACE INTO events (id, case_id, kind, recorded_at, source, data) SELECT id, case_id, kind, recorded_at, source, data FROM events WHERE id = 3`); // replaced, unsealed
    db.exec('DELETE FROM events WHERE id = 6'); // deleted: case 3's intake
    db.exec(`INSERT INTO events (id, case_id, kind, recorded_at, source, data, prev_hash, hash, case_prev_event)
             SELECT 100, case_id, kind, recorded_at, source, data, prev_hash, hash, case_prev_event FROM events WHERE id = 5`); // a copy, inserted
    db.close();
    open.pop();
    const r = store(path).verify();
    expect(r.intact).toBe(false);
    expect(kinds(r.findings)).toEqual(
      expect.arrayContaining([
        ['changed', 1, 5],
        ['unsealed', 2, 3],
        ['deleted', 3, 6],
        ['inserted', 1, 100],
      ]),
    );
  });

  it('notices the latest events deleted, a case row edited or deleted, an outcome edited, a summary edited', () => {
    const path = tmpDb();
    threeCases(path).close();
    const db = tool(path);
    db.exec(DROP_GUARDS);
    db.exec('DELETE FROM events WHERE id = 7'); // the last event of all (case 3's decision)
    db.exec("UPDATE cases SET student_ref = 'Z9' WHERE id = 2"); // whose case it is
    db.exec("UPDATE case_escalations SET done_event_id = 1, done_date = '2026-11-27', done_action = 'x' WHERE case_id = 1"); // an escalation "done"
    db.exec('DROP TRIGGER decision_outcomes_are_not_updated');
    db.exec(`UPDATE decision_outcomes SET data = json_set(data, '$.notes', json('["x"]')) WHERE id = 1`);
    db.close();
    open.pop();
    const r = store(path).verify();
    expect(kinds(r.findings)).toEqual(
      expect.arrayContaining([
        ['deleted', 3, 7],
        ['changed', 2, 3],
        ['changed', 2, 4],
        ['summary-differs', 1, null],
        ['outcome-changed', null, null],
      ]),
    );
  });

  it('reports a deleted case whose events remain', () => {
    const path = tmpDb();
    threeCases(path).close();
    const db = tool(path);
    db.exec(DROP_GUARDS);
    db.exec('DELETE FROM cases WHERE id = 2'); // foreign keys off: its events stay
    db.close();
    open.pop();
    expect(kinds(store(path).verify().findings)).toContainEqual(['case-deleted', 2, null]);
    // With foreign keys on, its events and summary go with it: the chain misses them (whose they were is gone too).
    const db2 = tool(path);
    db2.pragma('foreign_keys = ON');
    db2.exec('DELETE FROM cases WHERE id = 3');
    db2.close();
    open.pop();
    expect(kinds(store(path).verify().findings)).toEqual(expect.arrayContaining([['deleted', null, 6], ['deleted', null, 7]]));
  });

  it('stays one chain when two connections write in turn', () => {
    const path = tmpDb();
    const a = store(path);
    const b = store(path);
    for (let i = 0; i < 5; i++) {
      a.recordDecisions([entry(`A${i}`, { unexcusedHours4w: 16 })]);
      b.appendEvent(1, { kind: 'note', data: { text: `notitie ${i}` } });
      b.recordDecisions([entry(`B${i}`, { weeksWithoutPlace: 6 })]);
    }
    expect(a.verify()).toMatchObject({ intact: true, events: 25 });
  });

  it('seals an existing version-1 or version-2 log when it is upgraded; it then verifies', () => {
    for (const upTo of [1, 2, 3]) {
      const path = tmpDb();
      const old = new Database(path);
      for (const m of MIGRATIONS.slice(0, upTo)) old.exec(m.sql);
      old.pragma(`user_version = ${upTo}`);
      old.exec(`INSERT INTO cases (student_ref, created_at, source) VALUES ('R1', '2026-11-01T00:00:00Z', 'intake'), ('R2', '2026-11-02T00:00:00Z', 'route');
                INSERT INTO events (case_id, kind, recorded_at, source, data) VALUES (1, 'note', '2026-11-01T00:00:00Z', 'cases', '{"text":"gebeld"}'),
                  (2, 'closed', '2026-11-02T00:00:00Z', 'cases', '{"note":null}'), (1, 'note', '2026-11-03T00:00:00Z', 'cases', '{"text":"weer"}');`);
      old.close();
      const s = store(path);
      expect(s.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(s.verify()).toMatchObject({ intact: true, events: 3, cases: 2 });
      expect(s.reads.summaries({ status: 'all', limit: null }).items.map((c) => [c.id, c.status])).toEqual([[1, 'open'], [2, 'closed']]);
      s.appendEvent(2, { kind: 'reopened', data: { note: null } });
      expect(s.verify()).toMatchObject({ intact: true, events: 4 });
      // The seal was written into the rows themselves.
      s.close();
      open.pop();
      const db = tool(path);
      expect(db.prepare('SELECT count(*) FROM events WHERE hash IS NULL OR prev_hash IS NULL').pluck().get()).toBe(0);
    }
  });
});
