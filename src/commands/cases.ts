// `zorgroute cases …`: the case log. Each function opens the store, does one thing and returns data;
// printing is the CLI's. Reading commands on a database that does not exist yet answer "no cases"
// instead of creating a file.
import { itemLabel, matchAction, type ActionMatch } from '../core/caselog/match-action.js';
import {
  adviceAgainst,
  caseStatus,
  escalationStates,
  latestDecision,
  meldingTexts,
  periodKey,
  todoStates,
  type AdvisedAgainst,
  type CaseEvent,
  type CaseRecord,
  type CaseStatus,
  type DoneMark,
  type DueItem,
  type EscalationState,
  type MeldingTexts,
  type PeriodRef,
  type TodoState,
} from '../core/caselog/timeline.js';
import { normalizeStudentRef } from '../core/student-ref.js';
import { pictureFromPeriods, type AbsencePicture, type LoggedPeriod } from '../core/absence/absence-picture.js';
import type { AbsenceEscalation, AbsenceTodo } from '../core/absence/route-absence.js';
import { DEFAULT_LESSONS_PER_DAY } from '../core/calendar/school-calendar.js';
import type { Decision } from '../core/routing/decide.js';
import type { Party } from '../core/routing/vocabulary.js';
import { UserError } from '../core/errors.js';
import { PrivacyError, verifySafeText } from '../core/privacy-error.js';
import { problem } from '../core/problems.js';
import { openCaseStore, openCaseStoreForReading, type CaseStore } from '../io/db/case-store.js';
import { checkDbForReading } from '../io/db/db-file.js';
import type { DbLocation } from '../io/db/db-path.js';
import type { CaseSummary, Page } from '../core/caselog/summary.js';
import { normalizeDate } from '../core/dates.js';
import { dutchWorkingDays } from '../io/calendar/public-holidays.js';
import { readRuleChain } from '../io/rules/read-ruleset.js';

/** `--student`, in the one spelling student numbers are stored in (`l 1001` finds L1001). */
const studentOf = (text: string | undefined): string | undefined => (text === undefined ? undefined : normalizeStudentRef(text));

export interface CasesOptions {
  db: DbLocation;
  now?: () => Date;
}

/**
 * `access`: 'read' for a command that only reads (list, show, due, verify, export, backup): the log
 * must exist and is opened read-only; 'existing' for one that changes only what is there (purge):
 * the log must exist; 'write' may create it. `keepOpen`: `work` closes the store itself (when it
 * hands the store to work that goes on later).
 */
export function withStore<T>(options: CasesOptions, work: (store: CaseStore) => T, access: 'read' | 'existing' | 'write' = 'write', keepOpen = false): T {
  if (access === 'existing' && options.db.path !== ':memory:') checkDbForReading(options.db);
  const store = access === 'read' ? openCaseStoreForReading(options.db, { now: options.now }) : openCaseStore(options.db.path, { ownFolder: options.db.origin === 'default', now: options.now });
  let handedOver = false;
  try {
    const result = work(store);
    handedOver = keepOpen;
    return result;
  } finally {
    if (!handedOver) store.close();
  }
}

/** A case id as typed (`3`, `#3`), or undefined when the text is not one. */
export function caseIdOf(text: string): number | undefined {
  const t = text.trim().replace(/^#/, '');
  // Eight digits at most: nine or more is no case id but maybe a BSN or a student number.
  return /^[1-9]\d{0,7}$/.test(t) ? Number(t) : undefined;
}

export function parseCaseId(text: string): number {
  // Refused without repeating it: it may be a BSN or a student number.
  if (/^\d{9,}$/.test(text.trim().replace(/^#/, ''))) throw new PrivacyError({ kind: 'case-id-too-long' });
  const id = caseIdOf(text);
  if (id === undefined) throw new UserError(problem('case-id-not-number'), { hint: problem('hint-cases-list') });
  return id;
}

export type StatusFilter = CaseStatus | 'all';

/** `--status`: the words the tables show, in Dutch and English. */
const STATUS_WORDS: Readonly<Record<string, StatusFilter>> = { open: 'open', gesloten: 'closed', closed: 'closed', alle: 'all', all: 'all' };

/** Undefined for a word it does not know (the CLI words the refusal). */
export function parseStatusFilter(text: string): StatusFilter | undefined {
  return STATUS_WORDS[text.trim().toLowerCase()];
}

export function parseDateFlag(flag: string, text: string): string {
  const iso = normalizeDate(text);
  if (!iso) throw new UserError(problem('flag-not-a-date', { flag }));
  return iso;
}

export function requireCase(store: CaseStore, id: number): CaseRecord {
  const c = store.getCase(id);
  if (!c) throw new UserError(problem('no-such-case', { id }), { hint: problem('hint-cases-list-all') });
  return c;
}


/** A case as `cases show STUDENT` lists it (a few cases: from its events). */
function summarize(c: CaseRecord): CaseSummary {
  const open = escalationStates(c.events).filter((e) => !e.done);
  const deadlines = open.map((e) => e.deadline).filter((d): d is string => d !== null).sort();
  return {
    id: c.id,
    studentRef: c.studentRef,
    createdAt: c.createdAt,
    source: c.source,
    status: caseStatus(c.events),
    openEscalations: open.length,
    openTodos: todoStates(c.events).filter((t) => !t.done).length,
    nextDeadline: deadlines[0] ?? null,
    lastEventAt: c.events[c.events.length - 1]?.recordedAt ?? c.createdAt,
  };
}

export interface ListOptions extends CasesOptions {
  student?: string | undefined;
  status: StatusFilter;
  /** A date (dd-mm-jjjj or ISO): cases created on or after that day (local time). */
  since?: string | undefined;
  /** At most this many, the most urgent first (null: all). */
  limit: number | null;
}

/** `--student`: a student number to look for is held to the same guard as one to store. */
export function studentFilter(student: string | undefined): string | undefined {
  const ref = studentOf(student);
  if (ref !== undefined) verifySafeText(ref, '--student');
  return ref;
}

/** The cases, the most urgent first (see CaseReads.summaries()); `total` says how many match in all. */
export function listCases(options: ListOptions): Page<CaseSummary> {
  const student = studentFilter(options.student);
  let since: string | undefined;
  if (options.since !== undefined) {
    const [y, m, d] = parseDateFlag('--since', options.since).split('-').map(Number);
    since = new Date(y!, m! - 1, d!).toISOString();
  }
  return withStore(
    options,
    (store) => store.reads.summaries({ studentRef: student, since, status: options.status, limit: options.limit }),
    'read',
  );
}

export interface CaseDetail extends CaseRecord {
  status: CaseStatus;
  escalations: (EscalationState & { overdue: boolean })[];
  todos: TodoState[];
  latestDecision: Decision | null;
  /** The melding's own fields as `cases note --reden/--maatregelen` gave them (null: still to fill in). */
  melding: MeldingTexts;
  /** A registrations case's periods as a calendar (pictureFromPeriods()); null for another case. */
  picture: AbsencePicture | null;
}

export type ShowResult = { kind: 'case'; case: CaseDetail } | { kind: 'student'; studentRef: string; cases: CaseSummary[] };

function detailOf(c: CaseRecord, today: string): CaseDetail {
  const escalations = escalationStates(c.events).map((e) => ({ ...e, overdue: !e.done && e.deadline !== null && e.deadline < today }));
  return { ...c, status: caseStatus(c.events), escalations, todos: todoStates(c.events), latestDecision: latestDecision(c.events), melding: meldingTexts(c.events), picture: casePicture(c) };
}

/** The periods the case's decisions name (meldingen, period to-dos), once each, drawn as a calendar. */
function casePicture(c: CaseRecord): AbsencePicture | null {
  const periods = new Map<string, LoggedPeriod>();
  let perDay: number = DEFAULT_LESSONS_PER_DAY.lesuren;
  for (const e of c.events) {
    if (e.kind === 'intake' && e.data.situation.educationType === 'po') perDay = DEFAULT_LESSONS_PER_DAY.klokuren;
    if (e.kind !== 'decision') continue;
    for (const x of e.data.decision.escalations as AbsenceEscalation[]) {
      const m = x.melding;
      if (m) periods.set(`${m.soort}/${m.begindatum}/${m.einddatum}`, { kind: m.soort, from: m.begindatum, to: m.einddatum, hours: m.verzuimuren, days: m.verzuimdagen });
    }
    for (const t of (e.data.decision.todos ?? []) as AbsenceTodo[]) {
      const p = t.period;
      if (p) periods.set(`${p.kind}/${p.from}/${p.to}`, { kind: p.kind, from: p.from, to: p.to, hours: p.hours, days: p.days });
    }
  }
  const workingDays = dutchWorkingDays();
  return pictureFromPeriods(c.studentRef, [...periods.values()], { isPublicHoliday: (d) => !workingDays.isWorkingDayNumber(d) }, perDay);
}

/**
 * `cases show 3` shows case 3; `cases show L1001` (not a number) that student's case, or the list of
 * their cases when there are none or several (the CLI refuses none).
 */
export function showCase(options: CasesOptions & { ref: string; today: string }): ShowResult {
  // A student number to look for is held to the guard of one to store (and is then shown back).
  verifySafeText(options.ref.trim(), 'ID');
  return withStore(
    options,
    (store) => {
      const id = caseIdOf(options.ref);
      if (id !== undefined) return { kind: 'case', case: detailOf(requireCase(store, id), options.today) };
      const studentRef = normalizeStudentRef(options.ref);
      // A case merged into the student's dossier (schema migration 5) is part of that one.
      const cases = store.listCases({ studentRef }).filter((c) => !isMergedAway(c.events));
      if (cases.length === 1) return { kind: 'case', case: detailOf(cases[0]!, options.today) };
      return { kind: 'student', studentRef, cases: cases.map(summarize) };
    },
    'read',
  );
}

/** What dueEscalations() (src/core/caselog/timeline.ts) says, read from the summaries' index; at most `limit`. */
export function dueCases(options: CasesOptions & { today: string; within: number; limit: number | null; party?: string | undefined; mentor?: string | undefined }): Page<DueItem> {
  if (!Number.isInteger(options.within) || options.within < 0 || options.within > 60) {
    throw new UserError(problem('within-invalid'));
  }
  const horizon = dutchWorkingDays().addWorkingDays(options.today, options.within);
  return withStore(options, (store) => store.reads.due({ today: options.today, horizon, limit: options.limit, party: options.party, mentor: options.mentor }), 'read');
}

/** Closed by the merge into the student's dossier (and not reopened since). */
function isMergedAway(events: readonly CaseEvent[]): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'reopened') return false;
    if (e.kind === 'closed') return e.data.mergedInto !== undefined;
  }
  return false;
}

/** What is still open in a case, as `cases done` takes it (`to:type`). */
function openLabels(events: readonly CaseEvent[]): string[] {
  return [...new Set([...escalationStates(events), ...todoStates(events).map((t) => ({ ...t, to: t.party }))].filter((i) => !i.done).map(itemLabel))];
}

export interface DoneResult {
  /** The action recorded; null when what it names was already done (nothing is recorded twice). */
  event: CaseEvent | null;
  match: ActionMatch;
  /** When the escalation or to-do named was ticked off before: by which action, on which day. */
  alreadyDone: DoneMark | null;
  /** The case's escalations and to-dos still open after this (`to:type`), for the hints. */
  stillOpen: string[];
  /** A closed case takes the action, with a reminder that it is closed. */
  caseClosed: boolean;
  /** The action went against what the rules advised (it is recorded with the warning). */
  advisedAgainst: AdvisedAgainst | null;
}

/** The open to-do of the party an escalation goes to (the consult a melding holds), if any. */
function heldTodo(todos: readonly TodoState[], party: Party): { party: Party; type: string } | null {
  const open = todos.find((t) => t.party === party && !t.done);
  return open ? { party: open.party, type: open.type } : null;
}

/** The party an action names, whether it ticks off one of the party's items or only informs it. */
function partyOfMatch(match: ActionMatch): Party | null {
  if (match.kind === 'party') return match.party;
  if (match.kind === 'todo') return match.todo.party;
  if (match.kind === 'escalation') return match.escalation.to;
  return null;
}

/** What the rules advised against in recording ACTION on the case (asked before `cases done` on a terminal). */
export function doneAdvice(options: CasesOptions & { id: number; action: string }): AdvisedAgainst | null {
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    const match = matchAction(options.action.trim(), escalationStates(c.events), todoStates(c.events), readRuleChain(undefined, { routable: false }).ruleset.parties);
    return match.kind === 'ambiguous' ? null : adviceAgainst(c.events, partyOfMatch(match));
  }, 'read');
}

/**
 * Records that something was done; see matchAction() for how ACTION refers to an escalation or a
 * to-do. Naming one that is already done records nothing and says when it was done.
 */
export function markDone(options: CasesOptions & { id: number; action: string; date?: string | undefined; note?: string | undefined; today: string }): DoneResult {
  const action = options.action.trim();
  if (action === '') throw new UserError(problem('done-needs-action', { id: options.id }));
  verifySafeText(action, 'ACTION');
  if (options.note !== undefined) verifySafeText(options.note, '--note', { lines: true });
  const date = options.date === undefined ? options.today : parseDateFlag('--date', options.date);
  if (date > options.today) throw new UserError(problem('date-in-future', { flag: '--date' }));
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    const escalations = escalationStates(c.events);
    const todos = todoStates(c.events);
    const match = matchAction(action, escalations, todos, readRuleChain(undefined, { routable: false }).ruleset.parties);
    if (match.kind === 'ambiguous') {
      // the candidates are ids (`leerplicht:verzuimmelding-16-uur`), the same in every language
      throw new UserError(problem('action-ambiguous', { id: c.id, candidates: match.candidates }), {
        details: match.candidates.map((label) => ({ problem: problem('detail-done-command', { id: c.id, label }) })),
        hint: problem('hint-name-target-type'),
      });
    }
    const caseClosed = caseStatus(c.events) === 'closed';
    const samePeriod = (a: PeriodRef | undefined, b: PeriodRef | undefined): boolean => periodKey(a) === periodKey(b);
    const before =
      match.kind === 'escalation'
        ? escalations.find((e) => e.to === match.escalation.to && e.type === match.escalation.type && samePeriod(e.period, match.escalation.period))?.done
        : match.kind === 'todo'
          ? todos.find((t) => t.party === match.todo.party && t.type === match.todo.type && samePeriod(t.period, match.todo.period))?.done
          : undefined;
    if (before) return { event: null, match, alreadyDone: before, stillOpen: openLabels(c.events), caseClosed, advisedAgainst: null };
    const advisedAgainst = adviceAgainst(c.events, partyOfMatch(match));
    const event = store.appendEvent(c.id, {
      kind: 'action',
      data: {
        action,
        date,
        escalation: match.kind === 'escalation' ? match.escalation : null,
        // A melding holds the consult with the same party: ticking the one off ticks the other too.
        todo: match.kind === 'todo' ? match.todo : match.kind === 'escalation' ? heldTodo(todos, match.escalation.to) : null,
        party: match.kind === 'party' ? match.party : null,
        note: options.note?.trim() || null,
        ...(advisedAgainst ? { advisedAgainst } : {}),
      },
    });
    return { event, match, alreadyDone: null, stillOpen: openLabels([...c.events, event]), caseClosed, advisedAgainst };
  });
}

/** A note on a closed case is taken (a later call or letter belongs in the dossier), with a reminder. */
/**
 * A note; `reden` and `maatregelen` fill the melding's "vermoedelijke reden" and "maatregelen
 * school" (the latest given wins: meldingTexts()), so that the melding is complete to copy.
 */
export function addNote(options: CasesOptions & { id: number; text: string; reden?: string | undefined; maatregelen?: string | undefined }): { event: CaseEvent; caseClosed: boolean } {
  const text = options.text.trim();
  const reden = options.reden?.trim() || undefined;
  const maatregelen = options.maatregelen?.trim() || undefined;
  if (text === '' && reden === undefined && maatregelen === undefined) throw new UserError(problem('note-needs-text'));
  if (text !== '') verifySafeText(text, 'TEXT', { lines: true });
  if (reden !== undefined) verifySafeText(reden, '--reden', { lines: true });
  if (maatregelen !== undefined) verifySafeText(maatregelen, '--maatregelen', { lines: true });
  const data = { text, ...(reden === undefined ? {} : { reden }), ...(maatregelen === undefined ? {} : { maatregelen }) };
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    return { event: store.appendEvent(c.id, { kind: 'note', data }), caseClosed: caseStatus(c.events) === 'closed' };
  });
}

/** An escalation or to-do of a case that is not done yet. */
export interface OpenItem {
  /** `to:type`, as `cases done` takes it. */
  label: string;
  deadline: string | null;
}

function openItems(events: readonly CaseEvent[]): OpenItem[] {
  return [
    ...escalationStates(events).filter((e) => !e.done).map((e) => ({ label: itemLabel(e), deadline: e.deadline })),
    ...todoStates(events).filter((t) => !t.done).map((t) => ({ label: itemLabel({ ...t, to: t.party }), deadline: null })),
  ];
}

/** What closing the case would leave open (asked before `cases close` on a terminal). */
export function caseOpenItems(options: CasesOptions & { id: number }): OpenItem[] {
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    return caseStatus(c.events) === 'closed' ? [] : openItems(c.events);
  }, 'read');
}

/**
 * Closing a case with escalations or to-dos still open takes `force` (a legal deadline must not
 * vanish from `cases due` by a slip); the closed event then records what was left open.
 */
export function setCaseStatus(options: CasesOptions & { id: number; to: CaseStatus; note?: string | undefined; force?: boolean }): CaseEvent {
  if (options.note !== undefined) verifySafeText(options.note, '--note', { lines: true });
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    if (caseStatus(c.events) === options.to) {
      throw new UserError(problem('case-already', { id: c.id, status: options.to }), { hint: options.to === 'closed' ? problem('hint-reopen', { id: c.id }) : undefined });
    }
    const note = options.note?.trim() || null;
    if (options.to === 'open') return store.appendEvent(c.id, { kind: 'reopened', data: { note } });
    const open = openItems(c.events);
    if (open.length > 0 && !options.force) {
      throw new UserError(problem('close-has-open', { id: c.id, count: open.length }), {
        details: open.map((i) => ({ problem: problem('detail-open-item', i) })),
        hint: problem('hint-close-force', { id: c.id }),
      });
    }
    return store.appendEvent(c.id, { kind: 'closed', data: open.length > 0 ? { note, openAtClose: open.map((i) => i.label) } : { note } });
  });
}

/**
 * The version of the export's own shape, for the programs that read it — not the database's schema
 * version (the database went to 2 with decisions stored in two parts; the export still gives every
 * decision whole, so its shape did not change).
 */
export const EXPORT_SCHEMA_VERSION = 1;

export interface CasesExport {
  format: 'zorgroute-cases';
  schemaVersion: number;
  exportedAt: string;
  cases: (CaseRecord & { status: CaseStatus })[];
}

/** One case, one student's cases (a data-subject request), or all; with every event. */
export function exportCases(options: CasesOptions & { id?: number | undefined; student?: string | undefined; all: boolean }): CasesExport {
  const chosen = [options.id !== undefined, options.student !== undefined, options.all].filter(Boolean).length;
  if (chosen !== 1) throw new UserError(problem('export-needs-one'));
  const student = studentFilter(options.student);
  return withStore(
    options,
    (store) => {
      const cases = options.id !== undefined ? [requireCase(store, options.id)] : store.listCases({ studentRef: student });
      return {
        format: 'zorgroute-cases',
        schemaVersion: EXPORT_SCHEMA_VERSION,
        exportedAt: (options.now ?? (() => new Date()))().toISOString(),
        cases: cases.map((c) => ({ ...c, status: caseStatus(c.events) })),
      };
    },
    'read',
  );
}
