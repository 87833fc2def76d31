// Per-case summaries (schema version 3): what `cases list` and `cases due` need — a case's status,
// its open escalations with their deadlines, its latest event — kept beside the events so that
// those commands read an index instead of every event of every case. Derived data, never the
// record: the store updates them in the same transaction as the event that changes them, with the
// very rules of src/core/caselog/timeline.ts (escalationStates, caseStatus), and rebuildSummaries()
// makes them from the events alone (for an upgraded log, and for `cases verify` to compare).
import type BetterSqlite3 from 'better-sqlite3';
import { caseStatus, escalationStates, periodKey, periodOf, todoStates, type CaseEvent, type EscalationRef, type EscalationState, type TodoRef } from '../../core/caselog/timeline.js';
import { OutcomeTable } from './decision-outcomes.js';
import { rowToEvent, type Row } from './event-rows.js';
import type { DecisionOutcome } from './prepared-entry.js';

export interface CaseStateRow {
  caseId: number;
  studentRef: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  openEscalations: number;
  openTodos: number;
  nextDeadline: string | null;
  lastEventId: number;
  lastEventAt: string;
}

export interface EscalationRow {
  caseId: number;
  /** An escalation, or a to-do (target: its party; no deadline). */
  kind: 'escalation' | 'todo';
  target: string;
  type: string;
  /** periodKey() of the absence period it comes from: '' for none (schema version 5). */
  period: string;
  deadline: string | null;
  reason: string;
  rules: string;
  raisedOn: string;
  doneEventId: number | null;
  doneDate: string | null;
  doneAction: string | null;
  caseOpen: number;
}

/** What a case's first decision makes of its summary: the same for every case with that outcome. */
interface FirstDecisionPlan {
  openEscalations: number;
  openTodos: number;
  nextDeadline: string | null;
  rows: { kind: 'escalation' | 'todo'; target: string; type: string; period: string; deadline: string | null; reason: string; rules: string }[];
}

/** Outcomes are shared by the many decisions that have them (decision-outcomes.ts): each is planned once. */
const plans = new WeakMap<DecisionOutcome, FirstDecisionPlan>();

/** escalationStates()/todoStates() of one decision: one row per target and type, an escalation with its earliest deadline, a to-do as it first came. */
function firstDecisionPlan(outcome: DecisionOutcome): FirstDecisionPlan {
  const known = plans.get(outcome);
  if (known) return known;
  const seen = new Map<string, (typeof outcome.escalations)[number]>();
  for (const e of outcome.escalations) {
    const key = `${e.to}\u0000${e.type}\u0000${periodKey(periodOf(e))}`;
    const first = seen.get(key);
    if (!first) seen.set(key, { ...e });
    else if (e.deadline !== null && (first.deadline === null || e.deadline < first.deadline)) first.deadline = e.deadline;
  }
  let next: string | null = null;
  for (const e of seen.values()) if (e.deadline !== null && (next === null || e.deadline < next)) next = e.deadline;
  const todos = new Map<string, NonNullable<DecisionOutcome['todos']>[number]>();
  for (const t of outcome.todos ?? []) {
    const key = `${t.party}\u0000${t.type}\u0000${periodKey(periodOf(t))}`;
    if (!todos.has(key)) todos.set(key, t);
  }
  const plan: FirstDecisionPlan = {
    openEscalations: seen.size,
    openTodos: todos.size,
    nextDeadline: next,
    rows: [
      ...[...seen.values()].map((e) => ({ kind: 'escalation' as const, target: e.to, type: e.type, period: periodKey(periodOf(e)), deadline: e.deadline, reason: e.reason, rules: JSON.stringify(e.rules) })),
      ...[...todos.values()].map((t) => ({ kind: 'todo' as const, target: t.party, type: t.type, period: periodKey(periodOf(t)), deadline: t.deadline ?? null, reason: t.reason, rules: JSON.stringify(t.rules) })),
    ],
  };
  plans.set(outcome, plan);
  return plan;
}

export class CaseSummaries {
  private readonly s;

  constructor(db: BetterSqlite3.Database) {
    this.s = {
      createCase: db.prepare(
        `INSERT INTO case_state (case_id, student_ref, status, closed_at, open_escalations, open_todos, next_deadline, last_event_id, last_event_at)
         VALUES (@caseId, @studentRef, 'open', NULL, 0, 0, NULL, 0, @createdAt)`,
      ),
      // escalationStates(): the first decision that asks for it gives reason, rules and raisedOn;
      // a later one can only bring an open deadline forward.
      escalation: db.prepare(
        `INSERT INTO case_escalations (case_id, kind, target, type, period, deadline, reason, rules, raised_on, done_event_id, done_date, done_action, case_open)
         VALUES (@caseId, 'escalation', @target, @type, @period, @deadline, @reason, @rules, @raisedOn, NULL, NULL, NULL, @caseOpen)
         ON CONFLICT (case_id, kind, target, type, period) DO UPDATE SET deadline = excluded.deadline
           WHERE done_event_id IS NULL AND excluded.deadline IS NOT NULL AND (deadline IS NULL OR excluded.deadline < deadline)`,
      ),
      // todoStates(): a to-do stays as the first decision gave it.
      todo: db.prepare(
        `INSERT INTO case_escalations (case_id, kind, target, type, period, deadline, reason, rules, raised_on, done_event_id, done_date, done_action, case_open)
         VALUES (@caseId, 'todo', @target, @type, @period, @deadline, @reason, @rules, @raisedOn, NULL, NULL, NULL, @caseOpen)
         ON CONFLICT (case_id, kind, target, type, period) DO NOTHING`,
      ),
      // As escalationStates() finds it: the one of the action's period; without a period, the first open one.
      done: db.prepare(
        `UPDATE case_escalations SET done_event_id = @eventId, done_date = @date, done_action = @action
          WHERE id = (SELECT id FROM case_escalations WHERE case_id = @caseId AND kind = @kind AND target = @target AND type = @type
                         AND (@period = '' OR period = @period) AND done_event_id IS NULL ORDER BY id LIMIT 1)`,
      ),
      status: db.prepare('UPDATE case_state SET status = @status, closed_at = @closedAt WHERE case_id = @caseId'),
      escalationsOpen: db.prepare('UPDATE case_escalations SET case_open = @caseOpen WHERE case_id = @caseId'),
      touch: db.prepare(
        `UPDATE case_state SET last_event_id = @eventId, last_event_at = @at,
           open_escalations = (SELECT count(*) FROM case_escalations WHERE case_id = @caseId AND kind = 'escalation' AND done_event_id IS NULL),
           open_todos = (SELECT count(*) FROM case_escalations WHERE case_id = @caseId AND kind = 'todo' AND done_event_id IS NULL),
           next_deadline = (SELECT min(deadline) FROM case_escalations WHERE case_id = @caseId AND done_event_id IS NULL AND kind = 'escalation')
         WHERE case_id = @caseId`,
      ),
      touchLast: db.prepare('UPDATE case_state SET last_event_id = @eventId, last_event_at = @at WHERE case_id = @caseId'),
      insertState: db.prepare(
        `INSERT INTO case_state (case_id, student_ref, status, closed_at, open_escalations, open_todos, next_deadline, last_event_id, last_event_at)
         VALUES (@caseId, @studentRef, @status, @closedAt, @openEscalations, @openTodos, @nextDeadline, @lastEventId, @lastEventAt)`,
      ),
      // newCaseWithDecision's two, with positional parameters: thousands per batch transaction.
      insertNewState: db.prepare(
        `INSERT INTO case_state (case_id, student_ref, status, closed_at, open_escalations, open_todos, next_deadline, last_event_id, last_event_at)
         VALUES (?, ?, 'open', NULL, ?, ?, ?, ?, ?)`,
      ),
      insertNewEscalation: db.prepare(
        `INSERT INTO case_escalations (case_id, kind, target, type, period, deadline, reason, rules, raised_on, done_event_id, done_date, done_action, case_open)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, 1)`,
      ),
      insertEscalation: db.prepare(
        `INSERT INTO case_escalations (case_id, kind, target, type, period, deadline, reason, rules, raised_on, done_event_id, done_date, done_action, case_open)
         VALUES (@caseId, @kind, @target, @type, @period, @deadline, @reason, @rules, @raisedOn, @doneEventId, @doneDate, @doneAction, @caseOpen)`,
      ),
    };
  }

  createCase(caseId: number, studentRef: string, createdAt: string): void {
    this.s.createCase.run({ caseId, studentRef, createdAt });
  }

  /**
   * A new case whose first decision is event `eventId` (batch --log makes thousands per
   * transaction): its summary written once, with what escalationStates() makes of one decision.
   */
  newCaseWithDecision(caseId: number, studentRef: string, eventId: number, at: string, outcome: DecisionOutcome, referenceDate: string): void {
    const plan = firstDecisionPlan(outcome);
    this.s.insertNewState.run(caseId, studentRef, plan.openEscalations, plan.openTodos, plan.nextDeadline, eventId, at);
    for (const r of plan.rows) this.s.insertNewEscalation.run(caseId, r.kind, r.target, r.type, r.period, r.deadline, r.reason, r.rules, referenceDate);
  }

  /** A decision event `eventId` in an open case. */
  decision(caseId: number, eventId: number, at: string, outcome: DecisionOutcome, referenceDate: string): void {
    for (const e of outcome.escalations) {
      this.s.escalation.run({ caseId, target: e.to, type: e.type, period: periodKey(periodOf(e)), deadline: e.deadline, reason: e.reason, rules: JSON.stringify(e.rules), raisedOn: referenceDate, caseOpen: 1 });
    }
    const todos = outcome.todos ?? [];
    // A step of a school's verzuimprotocol has a term (its deadline); any other to-do none.
    for (const t of todos) this.s.todo.run({ caseId, target: t.party, type: t.type, period: periodKey(periodOf(t)), deadline: t.deadline ?? null, reason: t.reason, rules: JSON.stringify(t.rules), raisedOn: referenceDate, caseOpen: 1 });
    if (outcome.escalations.length > 0 || todos.length > 0) this.s.touch.run({ caseId, eventId, at });
    else this.s.touchLast.run({ caseId, eventId, at });
  }

  /** An action, note, closed or reopened event. */
  event(caseId: number, eventId: number, at: string, body: { kind: string; escalation?: EscalationRef | null; todo?: TodoRef | null; date?: string; action?: string }): void {
    // An action may tick off both: a melding and the consult with the same party it holds.
    if (body.kind === 'action' && body.escalation) {
      this.s.done.run({ caseId, eventId, date: body.date, action: body.action, kind: 'escalation', target: body.escalation.to, type: body.escalation.type, period: periodKey(body.escalation.period) });
    }
    // one action may hold both: a melding ticks off the consult with the same party (cases done)
    if (body.kind === 'action' && body.todo) {
      this.s.done.run({ caseId, eventId, date: body.date, action: body.action, kind: 'todo', target: body.todo.party, type: body.todo.type, period: periodKey(body.todo.period) });
    } else if (body.kind === 'closed' || body.kind === 'reopened') {
      const open = body.kind === 'reopened';
      this.s.status.run({ caseId, status: open ? 'open' : 'closed', closedAt: open ? null : at });
      this.s.escalationsOpen.run({ caseId, caseOpen: open ? 1 : 0 });
    }
    this.s.touch.run({ caseId, eventId, at });
  }

  /** The summaries of one case, written whole (rebuildSummaries()). */
  insertWhole(state: CaseStateRow, escalations: readonly EscalationRow[]): void {
    this.s.insertState.run(state);
    for (const e of escalations) this.s.insertEscalation.run(e);
  }
}

/** The summaries of one case, from its events alone. */
export function summarizeEvents(caseId: number, studentRef: string, createdAt: string, events: readonly CaseEvent[]): { state: CaseStateRow; escalations: EscalationRow[] } {
  const status = caseStatus(events);
  const states: EscalationState[] = escalationStates(events);
  const todos = todoStates(events);
  const open = states.filter((e) => !e.done);
  const deadlines = open.map((e) => e.deadline).filter((d): d is string => d !== null).sort();
  const last = events[events.length - 1];
  let closedAt: string | null = null;
  if (status === 'closed') for (const e of events) if (e.kind === 'closed') closedAt = e.recordedAt;
  return {
    state: {
      caseId,
      studentRef,
      status,
      closedAt,
      openEscalations: open.length,
      openTodos: todos.filter((t) => !t.done).length,
      nextDeadline: deadlines[0] ?? null,
      lastEventId: last?.id ?? 0,
      lastEventAt: last?.recordedAt ?? createdAt,
    },
    escalations: [
      ...states.map((e): EscalationRow => ({
      caseId,
      kind: 'escalation',
      target: e.to,
      type: e.type,
      period: periodKey(e.period),
      deadline: e.deadline,
      reason: e.reason,
      rules: JSON.stringify(e.rules),
      raisedOn: e.raisedOn,
      doneEventId: e.done?.eventId ?? null,
      doneDate: e.done?.date ?? null,
      doneAction: e.done?.action ?? null,
      caseOpen: status === 'open' ? 1 : 0,
    })),
      ...todos.map((t): EscalationRow => ({
        caseId,
        kind: 'todo',
        target: t.party,
        type: t.type,
        period: periodKey(t.period),
        deadline: t.deadline,
        reason: t.reason,
        rules: JSON.stringify(t.rules),
        raisedOn: t.raisedOn,
        doneEventId: t.done?.eventId ?? null,
        doneDate: t.done?.date ?? null,
        doneAction: t.done?.action ?? null,
        caseOpen: status === 'open' ? 1 : 0,
      })),
    ],
  };
}

/** Every case with its events, in id order, a page of cases at a time (memory: one page). */
/** `tolerant`: an event whose data cannot be read (changed by a SQL tool) marks its case `unreadable` instead of throwing (verify). */
export function* casesWithEvents(db: BetterSqlite3.Database, outcomes = new OutcomeTable(db), pageSize = 500, tolerant = false): Generator<{ case: Row; events: CaseEvent[]; unreadable?: boolean }> {
  const cases = db.prepare('SELECT id, student_ref, created_at, source FROM cases WHERE id > @after ORDER BY id LIMIT @limit');
  const events = db.prepare('SELECT * FROM events WHERE case_id > @after AND case_id <= @last ORDER BY case_id, id');
  let after = 0;
  for (;;) {
    const page = cases.all({ after, limit: pageSize }) as Row[];
    if (page.length === 0) return;
    const last = page[page.length - 1]!.id as number;
    const byCase = new Map<number, CaseEvent[]>(page.map((c) => [c.id as number, []]));
    const unreadable = new Set<number>();
    for (const row of events.all({ after, last }) as Row[]) {
      try {
        byCase.get(row.case_id as number)?.push(rowToEvent(row, outcomes));
      } catch (error) {
        if (!tolerant) throw error;
        unreadable.add(row.case_id as number);
      }
    }
    for (const c of page) yield { case: c, events: byCase.get(c.id as number)!, unreadable: unreadable.has(c.id as number) };
    after = last;
  }
}

/** Builds case_state and case_escalations from the events (they must be empty). */
export function rebuildSummaries(db: BetterSqlite3.Database): void {
  const summaries = new CaseSummaries(db);
  // Each page is read whole before it is yielded, so writing in between is allowed.
  for (const { case: c, events } of casesWithEvents(db)) {
    const { state, escalations } = summarizeEvents(c.id as number, c.student_ref as string, c.created_at as string, events);
    summaries.insertWhole(state, escalations);
  }
}
