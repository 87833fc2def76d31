// `zorgroute cases …`: the case log. Each function opens the store, does one thing and returns data;
// printing is the CLI's. Reading commands on a database that does not exist yet answer "no cases"
// instead of creating a file.
import { existsSync } from 'node:fs';
import {
  caseStatus,
  dueEscalations,
  escalationStates,
  latestDecision,
  matchAction,
  type ActionMatch,
  type CaseEvent,
  type CaseRecord,
  type CaseStatus,
  type DueItem,
  type EscalationState,
} from '../core/caselog/timeline.js';
import { normalizeDate } from '../core/dates.js';
import type { Decision } from '../core/routing/decide.js';
import { UserError } from '../core/errors.js';
import { problem } from '../core/problems.js';
import { openCaseStore, type CaseStore } from '../io/db/case-store.js';
import type { DbLocation } from '../io/db/db-path.js';

export interface CasesOptions {
  db: DbLocation;
  now?: () => Date;
}

function withStore<T>(options: CasesOptions, work: (store: CaseStore) => T, reading = false): T {
  const missing = reading && options.db.path !== ':memory:' && !existsSync(options.db.path);
  const store = openCaseStore(missing ? ':memory:' : options.db.path, { ownFolder: options.db.origin === 'default', now: options.now });
  try {
    return work(store);
  } finally {
    store.close();
  }
}

export function parseCaseId(text: string): number {
  const t = text.trim().replace(/^#/, '');
  if (!/^[1-9]\d{0,9}$/.test(t)) throw new UserError(problem('case-id-not-number'), { hint: problem('hint-cases-list') });
  return Number(t);
}

function parseDateFlag(flag: string, text: string): string {
  const iso = normalizeDate(text);
  if (!iso) throw new UserError(problem('flag-not-a-date', { flag }));
  return iso;
}

function requireCase(store: CaseStore, id: number): CaseRecord {
  const c = store.getCase(id);
  if (!c) throw new UserError(problem('no-such-case', { id }), { hint: problem('hint-cases-list-all') });
  return c;
}

export interface CaseSummary {
  id: number;
  studentRef: string;
  createdAt: string;
  source: CaseRecord['source'];
  status: CaseStatus;
  openEscalations: number;
  /** The earliest deadline among the open escalations (null: none, or only "as soon as possible"). */
  nextDeadline: string | null;
  lastEventAt: string;
}

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
    nextDeadline: deadlines[0] ?? null,
    lastEventAt: c.events[c.events.length - 1]?.recordedAt ?? c.createdAt,
  };
}

export interface ListOptions extends CasesOptions {
  student?: string | undefined;
  status: CaseStatus | 'all';
  /** A date (dd-mm-jjjj or ISO): cases created on or after that day (local time). */
  since?: string | undefined;
}

export function listCases(options: ListOptions): CaseSummary[] {
  let since: string | undefined;
  if (options.since !== undefined) {
    const [y, m, d] = parseDateFlag('--since', options.since).split('-').map(Number);
    since = new Date(y!, m! - 1, d!).toISOString();
  }
  return withStore(
    options,
    (store) => store.listCases({ studentRef: options.student?.trim(), since }).map(summarize).filter((s) => options.status === 'all' || s.status === options.status),
    true,
  );
}

export interface CaseDetail extends CaseRecord {
  status: CaseStatus;
  escalations: EscalationState[];
  latestDecision: Decision | null;
}

export function showCase(options: CasesOptions & { id: number }): CaseDetail {
  return withStore(
    options,
    (store) => {
      const c = requireCase(store, options.id);
      return { ...c, status: caseStatus(c.events), escalations: escalationStates(c.events), latestDecision: latestDecision(c.events) };
    },
    true,
  );
}

export function dueCases(options: CasesOptions & { today: string; within: number }): DueItem[] {
  if (!Number.isInteger(options.within) || options.within < 0 || options.within > 60) {
    throw new UserError(problem('within-invalid'));
  }
  return withStore(options, (store) => dueEscalations(store.listCases(), options.today, options.within), true);
}

export interface DoneResult {
  event: CaseEvent;
  match: ActionMatch;
  /** The case's escalations still open after this action (for a hint when the action closed none). */
  stillOpen: EscalationState[];
}

/** Records that something was done; see matchAction() for how ACTION refers to an escalation. */
export function markDone(options: CasesOptions & { id: number; action: string; date?: string | undefined; note?: string | undefined; today: string }): DoneResult {
  const action = options.action.trim();
  if (action === '') throw new UserError(problem('done-needs-action'));
  const date = options.date === undefined ? options.today : parseDateFlag('--date', options.date);
  if (date > options.today) throw new UserError(problem('date-in-future', { flag: '--date' }));
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    const match = matchAction(action, escalationStates(c.events));
    if (match.kind === 'ambiguous') {
      // the candidates are ids (`leerplicht:verzuimmelding-16-uur`), the same in every language
      throw new UserError(problem('action-ambiguous', { id: c.id, candidates: match.candidates }), { details: match.candidates, hint: problem('hint-name-target-type') });
    }
    const event = store.appendEvent(c.id, {
      kind: 'action',
      data: {
        action,
        date,
        escalation: match.kind === 'escalation' ? match.escalation : null,
        party: match.kind === 'party' ? match.party : null,
        note: options.note?.trim() || null,
      },
    });
    return { event, match, stillOpen: escalationStates([...c.events, event]).filter((e) => !e.done) };
  });
}

export function addNote(options: CasesOptions & { id: number; text: string }): CaseEvent {
  const text = options.text.trim();
  if (text === '') throw new UserError(problem('note-needs-text'));
  return withStore(options, (store) => store.appendEvent(requireCase(store, options.id).id, { kind: 'note', data: { text } }));
}

export function setCaseStatus(options: CasesOptions & { id: number; to: CaseStatus; note?: string | undefined }): CaseEvent {
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    if (caseStatus(c.events) === options.to) {
      throw new UserError(problem('case-already', { id: c.id, status: options.to }), { hint: options.to === 'closed' ? problem('hint-reopen') : undefined });
    }
    return store.appendEvent(c.id, { kind: options.to === 'closed' ? 'closed' : 'reopened', data: { note: options.note?.trim() || null } });
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
  return withStore(
    options,
    (store) => {
      const cases = options.id !== undefined ? [requireCase(store, options.id)] : store.listCases({ studentRef: options.student?.trim() });
      return {
        format: 'zorgroute-cases',
        schemaVersion: EXPORT_SCHEMA_VERSION,
        exportedAt: (options.now ?? (() => new Date()))().toISOString(),
        cases: cases.map((c) => ({ ...c, status: caseStatus(c.events) })),
      };
    },
    options.id === undefined,
  );
}
