// `batch --registrations --log`: everything a student's record brings goes into the student's one
// open case — the dossier (a new one if there is none), as plain `batch --log` does —
// - an escalation (a verzuimmelding, the RMC) per period, keyed by student, period kind,
//   begindatum, einddatum and target: each period's melding is an escalation of its own in the
//   dossier, with its own deadline and done-state (src/core/caselog/timeline.ts keys them by period);
// - a to-do (MAZL: involve the jeugdarts) per period, keyed by student, period kind, begindatum,
//   einddatum, party and to-do type —
// so that a second run over the same (or a later) export adds nothing for periods already
// recorded. What the students file alone brings (a student not enrolled anywhere, a thuiszitter:
// escalations that come from no period) is one decision keyed by student, peildatum and outcome.
// The same store and entry shape as `batch --log` and `route --log` (recordDecisions): each entry's
// stored decision keeps its melding or its period. Written in transactions of CHUNK entries.
import type { AbsenceRecord } from '../../../core/absence/route-absence.js';
import type { Situation } from '../../../core/routing/situation.js';
import { openCaseStore, type DecisionEntry } from '../../../io/db/case-store.js';
import { decisionIdempotencyKey, periodIdempotencyKey, periodTodoIdempotencyKey, stepIdempotencyKey } from '../../../io/db/decision-key.js';
import type { DbLocation } from '../../../io/db/db-path.js';

const CHUNK = 1000;

export interface RegistrationsLog {
  database: string;
  onRecord(record: AbsenceRecord, situation: Situation): void;
  finish(): { added: number; skipped: number };
  abort(): void;
}

/** The entries a student's record gives: one per escalation and one per to-do that comes from a period, and one for what comes from no period. */
export function periodEntries(record: AbsenceRecord, situation: Situation): DecisionEntry[] {
  const { absence: _absence, ...decision } = record;
  // To-dos of the peildatum itself (none from a period) travel with each escalation's case, as before.
  const ownTodos = decision.todos.filter((t) => t.period === undefined && t.step === undefined);
  const entries: DecisionEntry[] = [];
  // Into the dossier (newCase false): a vervolgmelding is a second escalation there (its own period), not the first one again.
  const entry = (part: Pick<typeof decision, 'escalations' | 'todos'>, idempotencyKey: string, labelled = false): DecisionEntry => ({
    studentRef: record.studentRef,
    situation,
    decision: { ...decision, ...part },
    source: 'batch',
    newCase: false,
    ...(labelled && (record.mentor !== undefined || record.klas !== undefined) ? { labels: { mentor: record.mentor, klas: record.klas } } : {}),
    idempotencyKey,
  });
  for (const e of decision.escalations) {
    if (!e.period || !e.melding) continue;
    entries.push(entry({ escalations: [e], todos: ownTodos }, periodIdempotencyKey(record.studentRef, e.melding.soort, e.period.from, e.period.to, e.to, e.type)));
  }
  for (const t of decision.todos) {
    if (t.period) entries.push(entry({ escalations: [], todos: [t] }, periodTodoIdempotencyKey(record.studentRef, t.period.kind, t.period.from, t.period.to, t.party, t.type)));
  }
  // A step of the school's verzuimprotocol: into the student's dossier, once per school year or
  // episode (its own to-do there, keyed by the day it was reached: core/caselog/timeline.ts periodOf),
  // with the student's mentor and klas.
  for (const t of decision.todos) {
    if (t.step) entries.push(entry({ escalations: [], todos: [t] }, stepIdempotencyKey(record.studentRef, t.rules[0]!, t.step.kind, t.step.key, t.party, t.type), true));
  }
  // Escalations from no period, and to-dos of the peildatum that no period case carries.
  const own = decision.escalations.filter((e) => !e.period);
  const carried = entries.some((x) => x.decision.escalations.length > 0);
  if (own.length > 0 || (ownTodos.length > 0 && !carried)) {
    const rest = { ...decision, escalations: own, todos: ownTodos };
    entries.push({ studentRef: record.studentRef, situation, decision: rest, source: 'batch', newCase: false, idempotencyKey: decisionIdempotencyKey(rest) });
  }
  return entries;
}

export function openRegistrationsLog(db: DbLocation): RegistrationsLog {
  const store = openCaseStore(db.path, { ownFolder: db.origin === 'default', durability: 'normal' });
  let pending: DecisionEntry[] = [];
  let added = 0;
  let skipped = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    const r = store.recordDecisions(pending);
    added += r.added;
    skipped += r.skipped;
    pending = [];
  };
  return {
    database: store.path,
    onRecord(record, situation) {
      pending.push(...periodEntries(record, situation));
      if (pending.length >= CHUNK) flush();
    },
    finish() {
      flush();
      store.close();
      return { added, skipped };
    },
    abort() {
      store.close();
    },
  };
}
