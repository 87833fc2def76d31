// `zorgroute cases …`: the case log. Each function opens the store, does one thing and returns data;
// printing is the CLI's. Reading commands on a database that does not exist yet answer "no cases"
// instead of creating a file.
import { existsSync } from 'node:fs';
import {
  caseStatus,
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
import type { Decision } from '../core/routing/decide.js';
import { UserError } from '../core/errors.js';
import { openCaseStore, type CaseStore } from '../io/db/case-store.js';
import type { DbLocation } from '../io/db/db-path.js';
import type { CaseSummary, Page } from '../core/caselog/summary.js';
import { addWorkingDays, formatYmd, fromDayNumber, normalizeDate, parseIsoDate, toDayNumber } from '../core/dates.js';

export interface CasesOptions {
  db: DbLocation;
  now?: () => Date;
}

/** `keepOpen`: `work` closes the store itself (when it hands the store to work that goes on later). */
export function withStore<T>(options: CasesOptions, work: (store: CaseStore) => T, reading = false, keepOpen = false): T {
  const missing = reading && options.db.path !== ':memory:' && !existsSync(options.db.path);
  const store = openCaseStore(missing ? ':memory:' : options.db.path, { ownFolder: options.db.origin === 'default', now: options.now });
  let handedOver = false;
  try {
    const result = work(store);
    handedOver = keepOpen;
    return result;
  } finally {
    if (!handedOver) store.close();
  }
}

export function parseCaseId(text: string): number {
  const t = text.trim().replace(/^#/, '');
  if (!/^[1-9]\d{0,9}$/.test(t)) throw new UserError('a case id is a number, as shown by zorgroute cases list');
  return Number(t);
}

export function parseDateFlag(flag: string, text: string): string {
  const iso = normalizeDate(text);
  if (!iso) throw new UserError(`${flag}: not a date (expected dd-mm-jjjj or jjjj-mm-dd)`);
  return iso;
}

export function requireCase(store: CaseStore, id: number): CaseRecord {
  const c = store.getCase(id);
  if (!c) throw new UserError(`there is no case ${id}`, { hint: 'zorgroute cases list --status all shows every case' });
  return c;
}

export type { CaseSummary } from '../core/caselog/summary.js';

export interface ListOptions extends CasesOptions {
  student?: string | undefined;
  status: CaseStatus | 'all';
  /** A date (dd-mm-jjjj or ISO): cases created on or after that day (local time). */
  since?: string | undefined;
  /** At most this many, the most urgent first (null: all). */
  limit: number | null;
}

/** The cases, the most urgent first (see CaseReads.summaries()); `total` says how many match in all. */
export function listCases(options: ListOptions): Page<CaseSummary> {
  let since: string | undefined;
  if (options.since !== undefined) {
    const [y, m, d] = parseDateFlag('--since', options.since).split('-').map(Number);
    since = new Date(y!, m! - 1, d!).toISOString();
  }
  return withStore(
    options,
    (store) => store.reads.summaries({ studentRef: options.student?.trim(), since, status: options.status, limit: options.limit }),
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

/** What dueEscalations() (src/core/caselog/timeline.ts) says, read from the summaries' index; at most `limit`. */
export function dueCases(options: CasesOptions & { today: string; within: number; limit: number | null }): Page<DueItem> {
  if (!Number.isInteger(options.within) || options.within < 0 || options.within > 60) {
    throw new UserError('--within: a whole number of working days from 0 to 60');
  }
  const horizon = formatYmd(fromDayNumber(addWorkingDays(toDayNumber(parseIsoDate(options.today)!), options.within)));
  return withStore(options, (store) => store.reads.due({ today: options.today, horizon, limit: options.limit }), true);
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
  if (action === '') throw new UserError('say what was done, e.g. zorgroute cases done 3 leerplicht');
  const date = options.date === undefined ? options.today : parseDateFlag('--date', options.date);
  if (date > options.today) throw new UserError('--date: lies in the future; record an action once it is done');
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    const match = matchAction(action, escalationStates(c.events));
    if (match.kind === 'ambiguous') {
      throw new UserError(`the action fits more than one escalation of case ${c.id}`, { details: match.candidates, hint: 'name one as target:type' });
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
  if (text === '') throw new UserError('a note needs text');
  return withStore(options, (store) => store.appendEvent(requireCase(store, options.id).id, { kind: 'note', data: { text } }));
}

export function setCaseStatus(options: CasesOptions & { id: number; to: CaseStatus; note?: string | undefined }): CaseEvent {
  return withStore(options, (store) => {
    const c = requireCase(store, options.id);
    if (caseStatus(c.events) === options.to) {
      throw new UserError(`case ${c.id} is already ${options.to}`, { hint: options.to === 'closed' ? 'zorgroute cases reopen ID opens it again' : undefined });
    }
    return store.appendEvent(c.id, { kind: options.to === 'closed' ? 'closed' : 'reopened', data: { note: options.note?.trim() || null } });
  });
}
