// `cases purge`: closed cases removed, the removal recorded in the chain so that it still verifies;
// the per-case summaries agree with the timeline rules (src/core/caselog/timeline.ts).
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dueEscalations } from '../../../src/core/caselog/timeline.js';
import { decide } from '../../../src/core/routing/decide.js';
import { decisionIdempotencyKey } from '../../../src/io/db/decision-key.js';
import { openCaseStore, type CaseStore, type DecisionEntry } from '../../../src/io/db/case-store.js';
import { purgeCandidates } from '../../../src/io/db/purge.js';
import { purgeClosedCases } from '../../../src/commands/cases-maintenance.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import type { SituationInput } from '../../../src/core/routing/situation.js';
import { mulberry32 } from '../../random.js';

const open: CaseStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});
const tmpDb = (): string => join(mkdtempSync(join(tmpdir(), 'zorgroute-purge-')), 'cases.db');
let clock = new Date('2019-03-01T09:00:00Z');
const store = (path: string): CaseStore => {
  const s = openCaseStore(path, { now: () => clock });
  open.push(s);
  return s;
};
function entry(ref: string, overrides: Partial<SituationInput> = {}): DecisionEntry {
  const s = situation({ studentRef: ref, ...overrides });
  const decision = decide(s, defaultRuleset(), workingDays);
  return { studentRef: ref, situation: s, decision, source: 'route', idempotencyKey: decisionIdempotencyKey(decision) };
}
const close = (s: CaseStore, id: number): void => void s.appendEvent(id, { kind: 'closed', data: { note: null } });

describe('cases purge', () => {
  it('removes closed cases from the middle, the start and the end of the chain, which still verifies — also after more writes and a second purge', () => {
    const path = tmpDb();
    clock = new Date('2019-03-01T09:00:00Z');
    const s = store(path);
    s.recordDecisions([entry('P1', { unexcusedHours4w: 16 }), entry('K2'), entry('P3', { weeksWithoutPlace: 6 })]);
    s.appendEvent(1, { kind: 'note', data: { text: 'ouders gebeld' } }); // case 1's events are not one run
    close(s, 1);
    close(s, 3);
    const rule = { closedBefore: '2020-01-01T00:00:00.000Z' };
    expect(purgeCandidates(s.db, rule).map((c) => c.caseId)).toEqual([1, 3]);
    const record = s.purge([1, 3], rule);
    expect(record).toMatchObject({ id: 1, cases: 2, events: 7 });
    expect(record.bridges).toBeGreaterThan(1);
    expect(s.verify()).toMatchObject({ intact: true, events: 2, cases: 1, purges: 1 });
    clock = new Date('2019-04-01T09:00:00Z');
    s.appendEvent(2, { kind: 'note', data: { text: 'na de opschoning' } });
    s.recordDecisions([entry('N4', { unexcusedHours4w: 16 })]);
    expect(s.verify()).toMatchObject({ intact: true, events: 5, purges: 1 });
    // New ids continue after the highest ever given: a purged id is never handed out again.
    expect(s.listCases().map((c) => c.id)).toEqual([2, 4]);
    close(s, 4);
    close(s, 2);
    s.purge([2, 4], rule);
    expect(s.verify()).toMatchObject({ intact: true, events: 0, cases: 0, purges: 2 });
    s.recordDecisions([entry('N5')]);
    expect(s.verify()).toMatchObject({ intact: true, events: 2 });
  });

  it('still catches a deletion next to a purged gap', () => {
    const path = tmpDb();
    const s = store(path);
    s.recordDecisions([entry('A1'), entry('B2'), entry('C3')]);
    close(s, 2);
    s.purge([2], { closedBefore: '2030-01-01T00:00:00.000Z' });
    s.close();
    open.pop();
    const db = new Database(path);
    db.pragma('foreign_keys = OFF');
    db.exec('DROP TRIGGER events_are_not_deleted; DELETE FROM events WHERE id = 2;');
    db.close();
    expect(store(path).verify().findings).toEqual([expect.objectContaining({ kind: 'deleted', caseId: 1, eventId: 2 }), expect.objectContaining({ kind: 'summary-differs', caseId: 1 })]);
  });

  it('overwrites what it removes: the student number is nowhere in the file any more', () => {
    const path = tmpDb();
    const s = store(path);
    s.recordDecisions([entry('GONE4711', { unexcusedHours4w: 16 }), entry('KEPT4712')]);
    s.appendEvent(1, { kind: 'note', data: { text: 'notitie-4711-marker' } });
    close(s, 1);
    s.purge([1], { closedBefore: '2030-01-01T00:00:00.000Z' });
    s.close();
    open.pop();
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).not.toContain('GONE4711');
    expect(bytes).not.toContain('notitie-4711-marker');
    expect(bytes).toContain('KEPT4712');
  });

  it('--retention: 2 years after closing, 5 with absence or enrolment data; a dry run deletes nothing', () => {
    const path = tmpDb();
    clock = new Date('2021-06-01T09:00:00Z');
    const s = store(path);
    s.recordDecisions([entry('V1', { unexcusedHours4w: 16 }), entry('Z2', { supportNeed: ['leren'], schoolCanSupport: false }), entry('V3', { weeksWithoutPlace: 6 })]);
    for (const id of [1, 2, 3]) close(s, id);
    s.close();
    open.pop();
    const db = { path, origin: 'flag' as const };
    const run = (today: string, yes: boolean) => purgeClosedCases({ db, retention: true, today, yes, now: () => new Date(`${today}T12:00:00Z`) });
    expect(run('2023-05-31', false).candidates).toEqual([]);
    const after2 = run('2023-06-02', false);
    expect(after2.candidates.map((c) => [c.caseId, c.absenceData])).toEqual([[2, false]]);
    expect(after2.record).toBeNull();
    expect(run('2026-06-02', false).candidates.map((c) => c.caseId)).toEqual([1, 2, 3]);
    expect(run('2026-06-02', true).record).toMatchObject({ cases: 3 });
    expect(run('2026-06-02', false).candidates).toEqual([]);
  });

  it('refuses to purge a log that does not verify (a purge would remove the evidence)', () => {
    const path = tmpDb();
    const s = store(path);
    s.recordDecisions([entry('A1')]);
    close(s, 1);
    s.close();
    open.pop();
    const db = new Database(path);
    db.exec("DROP TRIGGER events_are_append_only; UPDATE events SET recorded_at = '2020-01-01' WHERE id = 1;");
    db.close();
    expect(() => purgeClosedCases({ db: { path, origin: 'flag' }, closedBefore: '2030-01-01', retention: false, today: '2030-01-02', yes: true })).toThrow(
      expect.objectContaining({ exitCode: 5 }),
    );
  });
});

describe('the per-case summaries', () => {
  it('say what the timeline rules say, for random histories (list and due read them)', () => {
    const random = mulberry32(1010);
    const path = tmpDb();
    clock = new Date('2026-11-20T09:00:00Z');
    const s = store(path);
    const refs = ['A', 'B', 'C', 'D', 'E', 'F'];
    for (let step = 0; step < 150; step++) {
      const ref = refs[Math.floor(random() * refs.length)]!;
      const r = random();
      if (r < 0.5) {
        const day = 16 + Math.floor(random() * 10);
        s.recordDecisions([entry(ref, { referenceDate: `2026-11-${day}`, unexcusedHours4w: Math.floor(random() * 30), weeksWithoutPlace: random() < 0.2 ? 6 : 0, danger: random() < 0.05 })]);
      } else {
        const ids = s.openCaseIds(ref);
        if (ids.length === 0) continue;
        const id = ids[0]!;
        if (r < 0.75) s.appendEvent(id, { kind: 'action', data: { action: 'x', date: '2026-11-20', escalation: { to: random() < 0.5 ? 'leerplicht' : 'onderwijsconsulent', type: random() < 0.5 ? 'verzuimmelding-16-uur' : 'thuiszitter' }, party: null, note: null } });
        else if (r < 0.9) close(s, id);
        else s.appendEvent(id, { kind: 'note', data: { text: 'n' } });
      }
    }
    expect(s.verify().intact).toBe(true);
    const all = s.listCases();
    for (const today of ['2026-11-18', '2026-11-25', '2026-12-20']) {
      const expected = dueEscalations(all, today, 2, workingDays);
      const horizon = workingDays.addWorkingDays(today, 2);
      const got = s.reads.due({ today, horizon, limit: null });
      expect(got.items).toEqual(expected);
      expect(s.reads.due({ today, horizon, limit: 3 })).toEqual({ items: expected.slice(0, 3), total: expected.length });
    }
  });
});
