import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  caseStatus,
  dueEscalations,
  dueItems,
  escalationStates,
  todoStates,
  type CaseEvent,
  type CaseRecord,
  type EscalationRef,
} from '../../../src/core/caselog/timeline.js';
import type { Decision } from '../../../src/core/routing/decide.js';
import { decisionIdempotencyKey, idempotencyKeyFor, outcomeKeyText } from '../../../src/io/db/decision-key.js';
import { defaultRuleset, route, workingDays } from '../../factories.js';

let nextId = 1;
const at = '2026-11-27T09:00:00.000Z';
const decisionEvent = (decision: Decision): CaseEvent => ({ id: nextId++, caseId: 1, recordedAt: at, source: 'batch', kind: 'decision', data: { decision } });
const action = (escalation: EscalationRef | null, date = '2026-11-27'): CaseEvent => ({
  id: nextId++,
  caseId: 1,
  recordedAt: at,
  source: 'cases',
  kind: 'action',
  data: { action: escalation?.type ?? 'x', date, escalation, party: null, note: null },
});
const status = (kind: 'closed' | 'reopened'): CaseEvent => ({ id: nextId++, caseId: 1, recordedAt: at, source: 'cases', kind, data: { note: null } });
const record = (id: number, events: CaseEvent[], studentRef = `L${id}`): CaseRecord => ({ id, studentRef, createdAt: at, source: 'intake', events });
const sixteenHours = (referenceDate: string, hours = 16): Decision => route({ referenceDate, unexcusedHours4w: hours });

describe('case status', () => {
  it('is open until closed, and follows the latest closed/reopened event', () => {
    expect(caseStatus([])).toBe('open');
    expect(caseStatus([status('closed')])).toBe('closed');
    expect(caseStatus([status('closed'), status('reopened')])).toBe('open');
    expect(caseStatus([status('closed'), status('reopened'), action(null), status('closed')])).toBe('closed');
  });
});

describe('escalation states', () => {
  it('keeps the earliest deadline when a later decision (next night’s batch) asks again, and does not drop it when a later one does not', () => {
    const states = escalationStates([decisionEvent(sixteenHours('2026-11-20')), decisionEvent(sixteenHours('2026-11-23')), decisionEvent(sixteenHours('2026-11-24', 3))]);
    expect(states).toMatchObject([{ to: 'leerplicht', type: 'verzuimmelding-16-uur', deadline: '2026-11-27', raisedOn: '2026-11-20', done: null }]);
  });

  it('is done once an action names it; later decisions in the same case do not reopen it', () => {
    const ref = { to: 'leerplicht', type: 'verzuimmelding-16-uur' } as const;
    const states = escalationStates([decisionEvent(sixteenHours('2026-11-20')), action(ref, '2026-11-25'), decisionEvent(sixteenHours('2026-11-26'))]);
    expect(states[0]!.done).toMatchObject({ date: '2026-11-25' });
    expect(states[0]!.deadline).toBe('2026-11-27');
  });
});

describe('due', () => {
  const cases = (): CaseRecord[] => [
    record(1, [decisionEvent(sixteenHours('2026-11-20'))]), // deadline Fri 2026-11-27
    record(2, [decisionEvent(route({ referenceDate: '2026-11-02', luxuryAbsence: true }))]), // no deadline, raised 11-02
    record(3, [decisionEvent(sixteenHours('2026-11-16'))]), // 2026-11-23: overdue
    record(4, [decisionEvent(sixteenHours('2026-11-23'))]), // Monday 2026-11-30
    record(5, [decisionEvent(sixteenHours('2026-11-10')), status('closed')]), // closed: never due
    record(6, [decisionEvent(sixteenHours('2026-11-10')), action({ to: 'leerplicht', type: 'verzuimmelding-16-uur' })]), // done
    record(7, [decisionEvent(route({ referenceDate: '2026-10-01', luxuryAbsence: true }))]), // no deadline, raised earlier
  ];

  it('lists overdue, today and soon by deadline, then those without a term oldest first; skips done, closed and later', () => {
    const due = dueEscalations(cases(), '2026-11-26', 1, workingDays); // Thursday: up to Friday
    expect(due.map((d) => [d.caseId, d.deadline, d.status])).toEqual([
      [3, '2026-11-23', 'overdue'],
      [1, '2026-11-27', 'soon'],
      [7, null, 'asap'],
      [2, null, 'asap'],
    ]);
  });

  it('counts working days: on Friday, "within 1" reaches Monday', () => {
    expect(dueEscalations(cases(), '2026-11-27', 1, workingDays).map((d) => [d.caseId, d.status])).toEqual([
      [3, 'overdue'],
      [1, 'today'],
      [4, 'soon'],
      [7, 'asap'],
      [2, 'asap'],
    ]);
  });
});

describe('to-dos', () => {
  const consult = (referenceDate: string): Decision => route({ referenceDate, abuseSuspected: true });

  it('an advised Veilig Thuis consult is a to-do, due (no term) until an action ticks it off', () => {
    const events = [decisionEvent(consult('2026-11-20'))];
    expect(todoStates(events)).toMatchObject([{ party: 'veilig-thuis', type: 'advies-vragen', raisedOn: '2026-11-20', done: null }]);
    expect(dueItems([record(7, events)], '2026-11-26', 2, workingDays)).toMatchObject([{ kind: 'todo', caseId: 7, to: 'veilig-thuis', type: 'advies-vragen', status: 'asap', deadline: null }]);
    const ticked: CaseEvent = {
      id: nextId++,
      caseId: 7,
      recordedAt: at,
      source: 'cases',
      kind: 'action',
      data: { action: 'veilig thuis gebeld', date: '2026-11-23', escalation: null, todo: { party: 'veilig-thuis', type: 'advies-vragen' }, party: null, note: null },
    };
    expect(todoStates([...events, ticked])[0]!.done).toMatchObject({ date: '2026-11-23' });
    expect(dueItems([record(7, [...events, ticked, decisionEvent(consult('2026-11-24'))])], '2026-11-26', 2, workingDays)).toEqual([]);
  });

  it('escalations come before the to-dos of the same case and day; decisions stored without todos have none', () => {
    const both = route({ referenceDate: '2026-11-20', abuseSuspected: true, luxuryAbsence: true });
    expect(dueItems([record(8, [decisionEvent(both)])], '2026-11-26', 2, workingDays).map((i) => `${i.kind}:${i.to}`)).toEqual(['escalation:leerplicht', 'todo:veilig-thuis']);
    const old = { ...sixteenHours('2026-11-20') } as Partial<Decision>;
    delete old.todos;
    expect(todoStates([decisionEvent(old as Decision)])).toEqual([]);
  });
});

describe('decisionIdempotencyKey', () => {
  it('is the same for the same outcome in either language, and differs per day and per outcome', () => {
    const nl = route({ unexcusedHours4w: 16 });
    const en = route({ unexcusedHours4w: 16 }, defaultRuleset('en'));
    expect(decisionIdempotencyKey(nl)).toBe(decisionIdempotencyKey(en));
    expect(decisionIdempotencyKey(nl)).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(decisionIdempotencyKey(route({ unexcusedHours4w: 17 }))).toBe(decisionIdempotencyKey(nl));
    expect(decisionIdempotencyKey(route({ unexcusedHours4w: 16, referenceDate: '2026-11-26' }))).not.toBe(decisionIdempotencyKey(nl));
    expect(decisionIdempotencyKey(route({ unexcusedHours4w: 16, sickDaysInRow: 7 }))).not.toBe(decisionIdempotencyKey(nl));
  });

  it('keeps the released v1 recipe (logs written by earlier versions stay idempotent), also from a shared outcome text', () => {
    const d = route({ unexcusedHours4w: 16, sickDaysInRow: 7, studentRef: 'L"7' });
    const v1 = [d.studentRef, d.referenceDate, d.ruleset.sha256, d.parents.involve, d.inform.map((i) => i.party).sort(), d.escalations.map((e) => `${e.to}/${e.type}`).sort()];
    const expected = `v1:${createHash('sha256').update(JSON.stringify(v1)).digest('hex')}`;
    expect(decisionIdempotencyKey(d)).toBe(expected);
    expect(idempotencyKeyFor(d.studentRef, d.referenceDate, outcomeKeyText(route({ unexcusedHours4w: 20, sickDaysInRow: 9 })))).toBe(expected);
  });
});
