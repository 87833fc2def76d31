import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { caseStatus, dueEscalations, escalationStates } from '../../../src/core/caselog/timeline.js';
import { decide } from '../../../src/core/routing/decide.js';
import { UserError } from '../../../src/core/errors.js';
import { PrivacyError } from '../../../src/core/privacy-error.js';
import { openCaseStore, type CaseStore, type DecisionEntry } from '../../../src/io/db/case-store.js';
import { decisionIdempotencyKey } from '../../../src/io/db/decision-key.js';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/io/db/schema/migrations.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import type { SituationInput } from '../../../src/core/routing/situation.js';
import { enError, enErrorText } from '../../words.js';

const open: CaseStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

let clock = Date.parse('2026-11-27T09:00:00Z');
const now = (): Date => new Date((clock += 1000));
function store(path = ':memory:', busyTimeoutMs?: number): CaseStore {
  const s = openCaseStore(path, { now, busyTimeoutMs });
  open.push(s);
  return s;
}
const tmp = (): string => mkdtempSync(join(tmpdir(), 'zorgroute-store-'));
const mode = (path: string): number => statSync(path).mode & 0o777;
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function entry(overrides: Partial<SituationInput> = {}, extra: Partial<DecisionEntry> = {}): DecisionEntry {
  const s = situation(overrides);
  const decision = decide(s, defaultRuleset(), workingDays);
  return { studentRef: s.studentRef, situation: s, decision, source: 'route', ...extra };
}

describe('opening and migrations', () => {
  it('migrates a new in-memory database to the latest schema and records the migration', () => {
    const s = store();
    expect(s.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(s.listCases()).toEqual([]);
  });

  it('creates folder 0700 (its own default one) and file 0600, also for -wal and -shm, and marks the file as ours', () => {
    const path = join(tmp(), 'nested', 'zorgroute', 'cases.db');
    const s = openCaseStore(path, { now, ownFolder: true });
    open.push(s);
    s.recordDecisions([entry()]);
    expect(mode(join(path, '..'))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
    expect(existsSync(`${path}-wal`)).toBe(true);
    expect(mode(`${path}-wal`)).toBe(0o600);
    expect(mode(`${path}-shm`)).toBe(0o600);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
    raw.close();
  });

  it('migrates an empty file (created by hand) and tightens a file that is too open', () => {
    const path = join(tmp(), 'cases.db');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const s = store(path);
    expect(s.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(mode(path)).toBe(0o600);
  });

  it('reopens an existing database with its cases', () => {
    const path = join(tmp(), 'cases.db');
    store(path).recordDecisions([entry()]);
    open.pop()!.close();
    expect(store(path).listCases()).toHaveLength(1);
  });

  const refuses = (prepare: (path: string) => void, message: RegExp) => () => {
    const path = join(tmp(), 'cases.db');
    prepare(path);
    const before = sha(path);
    let error: unknown;
    try {
      store(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    expect(enErrorText(error as UserError)).toMatch(message);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  };

  it('refuses a file that is not SQLite, untouched', refuses((p) => writeFileSync(p, 'studentRef,birthDate\nL1,2012-03-01\n'), /not a zorgroute case database: it is not an SQLite database/));

  it(
    'refuses another program’s SQLite database, untouched',
    refuses((p) => {
      const db = new Database(p);
      db.exec('CREATE TABLE contacts (name TEXT)');
      db.close();
    }, /another program/),
  );

  it(
    'refuses a database with a foreign application id, untouched',
    refuses((p) => {
      const db = new Database(p);
      db.pragma('application_id = 42');
      db.exec('CREATE TABLE t (x)');
      db.close();
    }, /belongs to another program/),
  );

  it(
    'refuses a zorgroute database with a newer schema, untouched',
    refuses((p) => {
      const db = new Database(p);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      db.exec('CREATE TABLE future (x)');
      db.close();
    }, new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}; this zorgroute knows up to ${LATEST_SCHEMA_VERSION}`)),
  );

  it('refuses a folder given as the database', () => {
    const path = join(tmp(), 'folder.db');
    mkdirSync(path);
    expect(enError(() => store(path))).toMatch(/not a file/);
  });

  it('reports a database locked by another program as a user error, and writes nothing', () => {
    const path = join(tmp(), 'cases.db');
    store(path).recordDecisions([entry()]);
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const s = store(path, 50);
      expect(enError(() => s.recordDecisions([entry({ studentRef: 'L2' })]))).toMatch(/locked by another program/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(store(path).listCases().map((c) => c.studentRef)).toEqual(['L1001']);
  });

  it('refuses, untouched, a database another program holds exclusively', () => {
    const path = join(tmp(), 'cases.db');
    store(path).recordDecisions([entry()]);
    open.pop()!.close();
    const before = sha(path);
    const other = new Database(path);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE; COMMIT'); // takes the lock and, in exclusive mode, keeps it
    try {
      expect(enError(() => store(path, 50))).toMatch(/locked by another program/);
    } finally {
      other.close();
    }
    expect(sha(path)).toBe(before);
  });
});

describe('recordDecisions', () => {
  it('writes an intake and a decision event with the rule set, in a new case', () => {
    const s = store();
    const r = s.recordDecisions([entry({ unexcusedHours4w: 16 }, { source: 'intake' })]);
    expect(r).toEqual({ added: 1, skipped: 0, caseIds: [1] });
    const c = s.getCase(1)!;
    expect(c).toMatchObject({ id: 1, studentRef: 'L1001', source: 'intake' });
    expect(c.events.map((e) => e.kind)).toEqual(['intake', 'decision']);
    const d = c.events[1]!;
    expect(d.kind === 'decision' && d.data.decision.escalations[0]!.type).toBe('verzuimmelding-16-uur');
  });

  it('skips an entry whose idempotency key was recorded before, also within one call', () => {
    const s = store();
    const e = entry({ unexcusedHours4w: 16 });
    const keyed = { ...e, idempotencyKey: decisionIdempotencyKey(e.decision) };
    expect(s.recordDecisions([keyed, keyed])).toEqual({ added: 1, skipped: 1, caseIds: [1, 1] });
    expect(s.recordDecisions([keyed, { ...entry({ studentRef: 'L2' }), idempotencyKey: 'other' }])).toEqual({ added: 1, skipped: 1, caseIds: [1, 2] });
    expect(s.listCases().flatMap((c) => c.events)).toHaveLength(4);
  });

  it('appends route and batch decisions to the student’s open case; an intake always opens a new one', () => {
    const s = store();
    s.recordDecisions([entry({}, { source: 'intake' })]);
    s.recordDecisions([entry({ unexcusedHours4w: 16 }), entry({ unexcusedHours4w: 20 }, { source: 'batch' })]);
    expect(s.listCases()).toHaveLength(1);
    s.recordDecisions([entry({}, { source: 'intake' })]);
    expect(s.openCaseIds('L1001')).toEqual([2, 1]);
    s.appendEvent(2, { kind: 'closed', data: { note: null } });
    s.appendEvent(1, { kind: 'closed', data: { note: null } });
    expect(s.recordDecisions([entry()]).caseIds).toEqual([3]);
  });

  it('writes all entries or none', () => {
    const s = store();
    const broken = entry({ studentRef: 'L2' });
    (broken.decision as { ruleset: unknown }).ruleset = { id: 'x', version: null, sha256: null };
    expect(() => s.recordDecisions([entry(), broken])).toThrow();
    expect(s.listCases()).toEqual([]);
  });
});

describe('the timeline', () => {
  it('is append-only: the database refuses updates', () => {
    const path = join(tmp(), 'cases.db');
    store(path).recordDecisions([entry()]);
    const raw = new Database(path);
    expect(() => raw.prepare("UPDATE events SET data = '{}'").run()).toThrow(/append-only/);
    expect(() => raw.prepare("UPDATE cases SET student_ref = 'X'").run()).toThrow(/not updated in place/);
    raw.close();
  });

  it('keeps events in order and derives the status from closed/reopened events', () => {
    const s = store();
    s.recordDecisions([entry({ unexcusedHours4w: 16 }, { source: 'intake' })]);
    s.appendEvent(1, { kind: 'action', data: { action: 'leerplicht', date: '2026-11-27', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' }, party: null, note: null } });
    s.appendEvent(1, { kind: 'note', data: { text: 'moeder gebeld' } });
    s.appendEvent(1, { kind: 'closed', data: { note: null } });
    expect(caseStatus(s.getCase(1)!.events)).toBe('closed');
    s.appendEvent(1, { kind: 'reopened', data: { note: 'nieuwe zorg' } });
    const c = s.getCase(1)!;
    expect(c.events.map((e) => e.kind)).toEqual(['intake', 'decision', 'action', 'note', 'closed', 'reopened']);
    expect(c.events.map((e) => e.id)).toEqual([...c.events.map((e) => e.id)].sort((a, b) => a - b));
    expect(caseStatus(c.events)).toBe('open');
    expect(escalationStates(c.events)[0]!.done).toMatchObject({ date: '2026-11-27' });
  });

  it('refuses free text with a BSN, and events for a case that does not exist', () => {
    const s = store();
    s.recordDecisions([entry()]);
    const refusal = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return error instanceof PrivacyError ? error.refusal : error;
      }
      return undefined;
    };
    expect(refusal(() => s.appendEvent(1, { kind: 'note', data: { text: 'bsn 111222333' } }))).toEqual({ kind: 'text', problem: 'bsn', where: 'note' });
    expect(refusal(() => s.appendEvent(1, { kind: 'closed', data: { note: '1112.22.333' } }))).toEqual({ kind: 'text', problem: 'bsn', where: 'closed' });
    expect(refusal(() => s.appendEvent(1, { kind: 'note', data: { text: 'gebeld\u0000' } }))).toEqual({ kind: 'text', problem: 'control-char', where: 'note' });
    expect(refusal(() => s.appendEvent(1, { kind: 'note', data: { text: 'twee\nregels' } }))).toBeUndefined();
    expect(enError(() => s.appendEvent(9, { kind: 'note', data: { text: 'x' } }))).toMatch(/no case 9/);
    expect(s.getCase(1)!.events).toHaveLength(3);
  });

  it('refuses, as the last line of defence, a student number the privacy guard refuses (nothing of the batch written)', () => {
    const s = store();
    for (const [studentRef, problem] of [
      ['123 456 782', 'bsn'],
      ['\u0000L1', 'control-char'],
      ['L\ud800', 'lone-surrogate'],
    ] as const) {
      // Made past the schema, as a road that forgot the guard would.
      const ok = entry();
      const bad: DecisionEntry = { ...ok, studentRef, situation: { ...ok.situation, studentRef }, decision: { ...ok.decision, studentRef } };
      expect(() => s.recordDecisions([entry({ studentRef: 'OK1' }), bad])).toThrow(PrivacyError);
      try {
        s.recordDecisions([bad]);
      } catch (error) {
        expect((error as PrivacyError).refusal).toEqual({ kind: 'text', problem, where: 'studentRef' });
      }
    }
    expect(s.listCases()).toHaveLength(0);
  });

  it('lists due escalations from the store by deadline, those without one after', () => {
    const s = store();
    // reference dates → deadlines: 16 hours gives 5 working days, luxeverzuim none
    s.recordDecisions([entry({ studentRef: 'A', referenceDate: '2026-11-20', unexcusedHours4w: 16 }, { source: 'intake' })]); // 2026-11-27
    s.recordDecisions([entry({ studentRef: 'B', referenceDate: '2026-11-16', unexcusedHours4w: 16 }, { source: 'intake' })]); // 2026-11-23
    s.recordDecisions([entry({ studentRef: 'C', luxuryAbsence: true }, { source: 'intake' })]);
    s.recordDecisions([entry({ studentRef: 'D', referenceDate: '2026-11-18', unexcusedHours4w: 16 }, { source: 'intake' })]); // 2026-11-25
    s.appendEvent(4, { kind: 'closed', data: { note: null } });
    const due = dueEscalations(s.listCases(), '2026-11-24', 2, workingDays);
    expect(due.map((d) => [d.studentRef, d.deadline, d.status])).toEqual([
      ['B', '2026-11-23', 'overdue'],
      ['C', null, 'asap'],
    ]);
    expect(dueEscalations(s.listCases(), '2026-11-25', 2, workingDays).map((d) => d.studentRef)).toEqual(['B', 'A', 'C']);
  });
});
