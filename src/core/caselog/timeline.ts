// A case and its timeline, read as values: the status, the escalations and what is due are derived
// from the append-only list of events, never stored (so a correction is simply a later event and the
// history always explains the present). Pure: the SQLite store in src/io/db/case-store.ts only loads
// and appends events.
import type { WorkingDays } from '../calendar/working-days.js';
import type { Decision } from '../routing/decide.js';
import type { Situation } from '../routing/situation.js';
import type { EscalationTarget, ParentInvolvement, Party } from '../routing/vocabulary.js';

export const CASE_SOURCES = ['intake', 'route', 'batch'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
/** Who appended an event: a case source, or a `zorgroute cases` command. */
export const EVENT_SOURCES = [...CASE_SOURCES, 'cases'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];
export const EVENT_KINDS = ['intake', 'decision', 'action', 'note', 'closed', 'reopened'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * The absence period an escalation or a to-do comes from (`batch --registrations`): one student's
 * dossier holds a melding per period, each with its own deadline and done-state.
 */
export interface PeriodRef {
  from: string;
  to: string;
}

export interface EscalationRef {
  to: EscalationTarget;
  type: string;
  /** Absent for one that comes from no period (and in actions recorded before the dossier). */
  period?: PeriodRef;
}

/** A to-do of a decision (`todos`): an inform that is an action the school must still take. */
export interface TodoRef {
  party: Party;
  type: string;
  period?: PeriodRef;
}

/** The period's part of an escalation's or a to-do's identity in a case: '' for none. */
export function periodKey(period: PeriodRef | null | undefined): string {
  return period ? `${period.from}/${period.to}` : '';
}

/** The period an escalation or a to-do of a stored decision names (a registrations one), if any. */
export function periodOf(item: object): PeriodRef | undefined {
  const p = (item as { period?: { from?: unknown; to?: unknown } }).period;
  if (p && typeof p.from === 'string' && typeof p.to === 'string') return { from: p.from, to: p.to };
  // A step of a school's verzuimprotocol is its own item once per school year or episode: the day it was reached.
  const step = item as { step?: unknown; reachedOn?: unknown };
  return step.step !== undefined && typeof step.reachedOn === 'string' ? { from: step.reachedOn, to: step.reachedOn } : undefined;
}

/** `{ period }` when there is one, nothing otherwise (the JSON of other items keeps its shape). */
const withPeriod = (period: PeriodRef | undefined): { period?: PeriodRef } => (period ? { period } : {});

/**
 * The state an action names: the one of its period; an action that names none (recorded before
 * the dossier, or about an item without a period) takes the first open one of that target and type.
 */
function stateFor<S extends { done: DoneMark | null; period?: PeriodRef }>(states: readonly S[], same: (s: S) => boolean, period: PeriodRef | undefined): S | undefined {
  if (period) return states.find((s) => same(s) && periodKey(s.period) === periodKey(period));
  return states.find((s) => same(s) && !s.done) ?? states.find(same);
}

export interface ActionData {
  /** What the user typed: an escalation (`leerplicht`, `verzuimmelding-16-uur`), a party, or free text. */
  action: string;
  /** The day it was done (YYYY-MM-DD), which may be before the day it was recorded. */
  date: string;
  escalation: EscalationRef | null;
  /** The to-do it ticks off; absent in actions recorded before to-dos existed. */
  todo?: TodoRef | null;
  party: Party | null;
  note: string | null;
  /** Recorded although the case's latest decision advised against it (parents not to be involved). */
  advisedAgainst?: AdvisedAgainst | null;
}

/** What the rules said about the party when an action with it was recorded anyway. */
export interface AdvisedAgainst {
  party: Party;
  involve: Exclude<ParentInvolvement, 'yes'>;
  /** The rule's reason, in the language the decision was made in. */
  reason: string;
  rules: string[];
}

/**
 * Whether an action with `party` goes against the case's latest decision: parents whom the rules
 * say not to involve (first), or whom only the student may decide to involve.
 */
export function adviceAgainst(events: readonly CaseEvent[], party: Party | null): AdvisedAgainst | null {
  if (party !== 'ouders') return null;
  const parents = latestDecision(events)?.parents;
  if (!parents || parents.involve === 'yes') return null;
  return { party, involve: parents.involve, reason: parents.reason, rules: [...parents.rules] };
}

export type CaseEventBody =
  | { kind: 'intake'; data: { situation: Situation } }
  | { kind: 'decision'; data: { decision: Decision } }
  | { kind: 'action'; data: ActionData }
  /** `reden`, `maatregelen`: the melding's own fields (`cases note --reden/--maatregelen`); `text` may then be ''. */
  | { kind: 'note'; data: { text: string; reden?: string; maatregelen?: string } }
  /**
   * `mergedInto`: closed by schema migration 5, its open items carried over to the student's dossier
   * (that case); `openAtClose`: closed with `--force` (or confirmed) while these were still open.
   */
  | { kind: 'closed'; data: { note: string | null; mergedInto?: number; openAtClose?: string[] } }
  | { kind: 'reopened'; data: { note: string | null } };

export type CaseEvent = CaseEventBody & { id: number; caseId: number; recordedAt: string; source: EventSource };

export interface CaseRecord {
  id: number;
  studentRef: string;
  createdAt: string;
  source: CaseSource;
  /** In the order they were appended. */
  events: CaseEvent[];
}

export type CaseStatus = 'open' | 'closed';

/** Open unless the latest `closed`/`reopened` event is a `closed`. */
export function caseStatus(events: readonly CaseEvent[]): CaseStatus {
  for (let i = events.length - 1; i >= 0; i--) {
    const kind = events[i]!.kind;
    if (kind === 'closed') return 'closed';
    if (kind === 'reopened') return 'open';
  }
  return 'open';
}

export function latestDecision(events: readonly CaseEvent[]): Decision | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'decision') return e.data.decision;
  }
  return null;
}

/** The melding's fields the school fills in ("vermoedelijke reden", "maatregelen school"): the latest note that gave each. */
export interface MeldingTexts {
  reden: string | null;
  maatregelen: string | null;
}

export function meldingTexts(events: readonly CaseEvent[]): MeldingTexts {
  const texts: MeldingTexts = { reden: null, maatregelen: null };
  for (const e of events) {
    if (e.kind !== 'note') continue;
    if (e.data.reden) texts.reden = e.data.reden;
    if (e.data.maatregelen) texts.maatregelen = e.data.maatregelen;
  }
  return texts;
}

/** The action event that ticked an escalation or a to-do off. */
export interface DoneMark {
  eventId: number;
  date: string;
  action: string;
}

export interface EscalationState extends EscalationRef {
  deadline: string | null;
  reason: string;
  rules: string[];
  /** The reference date of the first decision in the case that asked for it. */
  raisedOn: string;
  done: DoneMark | null;
}

export interface TodoState extends TodoRef {
  reason: string;
  rules: string[];
  /** The reference date of the first decision in the case that asked for it. */
  raisedOn: string;
  /** Its term as that decision gave it (a step of a school's verzuimprotocol); null for a to-do without one. */
  deadline: string | null;
  done: DoneMark | null;
}

/**
 * Every escalation any decision in the case asked for, once per target, type and period (a dossier
 * holds a melding per absence period). An obligation does
 * not lapse because a later decision (say, next night's batch, with a lower count) no longer asks for
 * it, and its deadline is the earliest one given; so a nightly re-run cannot push a deadline forward.
 * An action that names the escalation marks it done for this case; a new occurrence after that
 * belongs in a new case (close this one).
 */
export function escalationStates(events: readonly CaseEvent[]): EscalationState[] {
  const states: EscalationState[] = [];
  const find = (ref: EscalationRef, period: PeriodRef | undefined): EscalationState | undefined => stateFor(states, (s) => s.to === ref.to && s.type === ref.type, period);
  for (const event of events) {
    if (event.kind === 'decision') {
      const d = event.data.decision;
      for (const e of d.escalations) {
        const period = periodOf(e);
        const state = states.find((s) => s.to === e.to && s.type === e.type && periodKey(s.period) === periodKey(period));
        if (!state) {
          states.push({ to: e.to, type: e.type, ...withPeriod(period), deadline: e.deadline, reason: e.reason, rules: [...e.rules], raisedOn: d.referenceDate, done: null });
        } else if (!state.done && e.deadline !== null && (state.deadline === null || e.deadline < state.deadline)) {
          state.deadline = e.deadline;
        }
      }
    } else if (event.kind === 'action' && event.data.escalation) {
      const state = find(event.data.escalation, periodOf(event.data.escalation));
      if (state && !state.done) state.done = { eventId: event.id, date: event.data.date, action: event.data.action };
    }
  }
  return states;
}

/**
 * Every to-do any decision in the case gave, once per party and type; like an escalation it stays
 * until an action names it (a later decision that no longer lists it does not drop it).
 */
export function todoStates(events: readonly CaseEvent[]): TodoState[] {
  const states: TodoState[] = [];
  const find = (ref: TodoRef, period: PeriodRef | undefined): TodoState | undefined => stateFor(states, (s) => s.party === ref.party && s.type === ref.type, period);
  for (const event of events) {
    if (event.kind === 'decision') {
      const d = event.data.decision;
      for (const t of d.todos ?? []) {
        const period = periodOf(t);
        if (!states.some((s) => s.party === t.party && s.type === t.type && periodKey(s.period) === periodKey(period))) {
          states.push({ party: t.party, type: t.type, ...withPeriod(period), reason: t.reason, rules: [...t.rules], raisedOn: d.referenceDate, deadline: t.deadline ?? null, done: null });
        }
      }
    } else if (event.kind === 'action' && event.data.todo) {
      const state = find(event.data.todo, periodOf(event.data.todo));
      if (state && !state.done) state.done = { eventId: event.id, date: event.data.date, action: event.data.action };
    }
  }
  return states;
}

export type DueStatus = 'overdue' | 'today' | 'soon' | 'asap';

export interface DueItem {
  /** An escalation (a report with its type and term) or a to-do (an advised action, no term). */
  kind: 'escalation' | 'todo';
  /** The escalation target, or the to-do's party: exactly as `cases done ID to:type` takes it. */
  to: Party;
  type: string;
  caseId: number;
  studentRef: string;
  deadline: string | null;
  status: DueStatus;
  reason: string;
  raisedOn: string;
}

/**
 * Escalations not yet done in open cases whose deadline has passed or falls within `withinWorkingDays`
 * working days of `today`, soonest first; those without a deadline ("zo spoedig mogelijk") and the
 * to-dos (which have none) follow, oldest first.
 */
export function dueItems(cases: readonly CaseRecord[], today: string, withinWorkingDays: number, workingDays: WorkingDays): DueItem[] {
  const horizon = workingDays.addWorkingDays(today, withinWorkingDays);
  const items: DueItem[] = [];
  for (const c of cases) {
    if (caseStatus(c.events) === 'closed') continue;
    for (const e of escalationStates(c.events)) {
      if (e.done) continue;
      let status: DueStatus;
      if (e.deadline === null) status = 'asap';
      else if (e.deadline < today) status = 'overdue';
      else if (e.deadline === today) status = 'today';
      else if (e.deadline <= horizon) status = 'soon';
      else continue;
      items.push({ kind: 'escalation', caseId: c.id, studentRef: c.studentRef, to: e.to, type: e.type, deadline: e.deadline, status, reason: e.reason, raisedOn: e.raisedOn });
    }
    for (const t of todoStates(c.events)) {
      if (t.done) continue;
      items.push({ kind: 'todo', caseId: c.id, studentRef: c.studentRef, to: t.party, type: t.type, deadline: null, status: 'asap', reason: t.reason, raisedOn: t.raisedOn });
    }
  }
  return items.sort((a, b) => {
    if (a.deadline !== b.deadline) {
      if (a.deadline === null) return 1;
      if (b.deadline === null) return -1;
      return a.deadline < b.deadline ? -1 : 1;
    }
    if (a.raisedOn !== b.raisedOn) return a.raisedOn < b.raisedOn ? -1 : 1;
    if (a.caseId !== b.caseId) return a.caseId - b.caseId;
    return a.kind === b.kind ? 0 : a.kind === 'escalation' ? -1 : 1;
  });
}

/** The former name of dueItems(), from when only escalations were due. */
export const dueEscalations = dueItems;


