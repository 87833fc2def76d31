// A decision as the case log stores it, made ready (as JSON text) by whoever holds the data — the
// thread of `batch` that decided it, or the store itself for one intake. Pure: no database here.
//
// A decision is stored in two parts (schema version 2, src/io/db/migrations.ts):
// - what is particular to the student — studentRef, referenceDate and the derived facts — in the
//   decision event itself;
// - its outcome — parents, inform, escalations (with their deadlines), to-dos, the steps held back
//   from the parents (withheld), notes, rules and rule set,
//   all texts included — once per distinct outcome in `decision_outcomes`, keyed by the sha256 of
//   its JSON. A nightly export of a thousand students who need action has a few dozen distinct
//   outcomes, so the log stores each text once instead of a thousand times. Nothing is lost: the
//   store joins them back into the very Decision that was shown (and the `events_expanded` view
//   does the same in SQL).
import { createHash } from 'node:crypto';
import type { CaseSource } from '../../core/caselog/timeline.js';
import type { RulesetMeta } from '../../core/routing/compile.js';
import type { Decision } from '../../core/routing/decide.js';
import type { Situation } from '../../core/routing/situation.js';

/** The part of a Decision that is the same for every student with the same fired rules and date. */
export type DecisionOutcome = Pick<Decision, 'parents' | 'inform' | 'escalations' | 'notes' | 'rules' | 'ruleset' | 'withheld'> & {
  /** Absent in outcomes stored before to-dos existed (read as none). */
  todos?: Decision['todos'];
};

export interface PreparedOutcome {
  /** sha256 (hex) of `json`: the outcome's identity in the store. */
  sha256: string;
  /** `{"parents":…,"ruleset":{…}}` */
  json: string;
}

export interface PreparedDecision {
  studentRef: string;
  source: CaseSource;
  /** Start a new case even if the student has an open one. */
  newCase: boolean;
  idempotencyKey: string | null;
  /** The intake event's data: `{"situation":{…}}`. */
  situationJson: string;
  /** The decision event's data: `{"decision":{"studentRef":…,"referenceDate":…,"facts":{…}}}`. */
  decisionJson: string;
  /** Which outcome (its sha256); its text travels beside the entries (see PreparedChunk). */
  outcome: string;
  ruleset: RulesetMeta;
}

/** Entries to write in one transaction, with the text of every outcome they use that is new. */
export interface PreparedChunk {
  entries: PreparedDecision[];
  /** sha256 → JSON, for outcomes the store may not hold yet. */
  outcomes: Record<string, string>;
}

export function prepareOutcome(outcome: DecisionOutcome): PreparedOutcome {
  // `withheld` only when there are such steps: an outcome without them keeps the text (and so the sha256) it always had.
  const { parents, inform, escalations, todos, withheld, notes, rules, ruleset } = outcome;
  const json = JSON.stringify({ parents, inform, escalations, todos, withheld, notes, rules, ruleset });
  return { sha256: createHash('sha256').update(json).digest('hex'), json };
}

/**
 * The decision event's own part (the outcome is stored apart): what JSON.stringify makes of
 * { decision: { studentRef, referenceDate, facts } }, written out because `batch` makes one per row
 * that needs action (test/commands/batch-log-entries.test.ts holds it to JSON.stringify).
 */
export function decisionOwnJson(decision: Pick<Decision, 'studentRef' | 'referenceDate' | 'facts'>): string {
  const { studentRef, referenceDate: date, facts: f } = decision;
  const facts = `{"age":${f.age},"leerplicht":${JSON.stringify(f.leerplicht)},"leerplichtig":${f.leerplichtig},"rmc":${f.rmc},"thuiszitter":${f.thuiszitter}}`;
  return `{"decision":{"studentRef":${JSON.stringify(studentRef)},"referenceDate":${JSON.stringify(date)},"facts":${facts}}}`;
}

export interface EntryParts {
  studentRef: string;
  situation: Situation;
  decision: Decision;
  source: CaseSource;
  idempotencyKey?: string | null | undefined;
  newCase?: boolean | undefined;
  /** The mentor and klas of the students file, beside the situation (never a fact of it). */
  labels?: { mentor?: string | undefined; klas?: string | undefined } | undefined;
}

/**
 * One entry made ready. `outcome` may be given when the caller already prepared this decision's
 * outcome (batch: once per shared DecisionTail); it must be prepareOutcome(entry.decision).
 */
export function prepareDecision(entry: EntryParts, outcome: PreparedOutcome = prepareOutcome(entry.decision)): PreparedDecision {
  if (entry.situation.studentRef !== entry.studentRef || entry.decision.studentRef !== entry.studentRef) {
    throw new TypeError('prepareDecision: studentRef, situation and decision must be about the same student');
  }
  return {
    studentRef: entry.studentRef,
    source: entry.source,
    newCase: entry.newCase ?? entry.source === 'intake',
    idempotencyKey: entry.idempotencyKey ?? null,
    situationJson: JSON.stringify(entry.labels && (entry.labels.mentor !== undefined || entry.labels.klas !== undefined) ? { situation: entry.situation, labels: entry.labels } : { situation: entry.situation }),
    decisionJson: decisionOwnJson(entry.decision),
    outcome: outcome.sha256,
    ruleset: entry.decision.ruleset,
  };
}

/** The Decision again, from its two stored parts (key order as decide() makes it). */
export function joinDecision(own: Pick<Decision, 'studentRef' | 'referenceDate' | 'facts'>, outcome: DecisionOutcome): Decision {
  return {
    studentRef: own.studentRef,
    referenceDate: own.referenceDate,
    facts: own.facts,
    parents: outcome.parents,
    inform: outcome.inform,
    escalations: outcome.escalations,
    todos: outcome.todos ?? [],
    ...(outcome.withheld ? { withheld: outcome.withheld } : {}),
    notes: outcome.notes,
    rules: outcome.rules,
    ruleset: outcome.ruleset,
  };
}

