// Deciding a million rows without deciding a million times. Apart from the student number, the
// reference date and the derived facts, a Decision is a function of few things: which rules fired,
// the reference date (deadlines count working days from it, `overdue` compares with it) and the day
// the 16 hours were reached (a term may count from that) — see decide(). So the memo evaluates the
// rule conditions per row (cheap), and builds the rest of the decision, with its JSON text, once per
// (reference date, day reached, set of fired rules). test/core/decision-memo.test.ts
// checks the result against decide() and JSON.stringify.
import type { CompiledRuleset } from './compile.js';
import type { WorkingDays } from '../calendar/working-days.js';
import { decide, type Decision } from './decide.js';
import { deriveFacts, type DerivedFacts } from './facts.js';
import type { Situation } from './situation.js';
import type { EscalationTarget, Party } from './vocabulary.js';

/** The parties that are told about every signal; anyone else on the list means a referral. */
const EVERYDAY_PARTIES: ReadonlySet<string> = new Set(['ouders', 'leerling']);

/** The part of a Decision shared by every row with the same fired rules and reference date. */
export interface DecisionTail {
  /** Unique per memo (for caches of encoded forms keyed by number). */
  id: number;
  parents: Decision['parents'];
  inform: Decision['inform'];
  escalations: Decision['escalations'];
  todos: Decision['todos'];
  /** The steps the parents rules hold back; absent when there are none (as in the Decision). */
  withheld?: Decision['withheld'];
  notes: Decision['notes'];
  rules: Decision['rules'];
  ruleset: Decision['ruleset'];
  /** `,"parents":…,"ruleset":{…}}` — the JSON of the decision after `facts`, closing brace included. */
  json: string;
  /** Escalation targets, each once, in decision order. */
  targets: EscalationTarget[];
  /** The earliest deadline per target (null: as soon as possible). */
  deadlineOf: ReadonlyMap<EscalationTarget, string | null>;
  /** An escalation, or a party to inform beyond parents and student (a referral). */
  needsAction: boolean;
  /** Targets with an escalation past its deadline on the reference date. */
  overdueTargets: EscalationTarget[];
  /** Parties to refer to (informed beyond parents and student) that are not an escalation target of the row. */
  referrals: Party[];
}

/** Bound on the memo, so that an export with unusual variety still runs in constant memory. */
const MAX_ENTRIES = 20_000;
/** Up to 52 active rules the fired set is a number (exact in a double); beyond, a string. */
const MAX_MASK_RULES = 52;

export function decisionTail(decision: Decision, id = 0): DecisionTail {
  const { parents, inform, escalations, todos, withheld, notes, rules, ruleset } = decision;
  const json = `,${JSON.stringify({ parents, inform, escalations, todos, withheld, notes, rules, ruleset }).slice(1)}`;
  const deadlineOf = new Map<EscalationTarget, string | null>();
  for (const e of escalations) {
    // The earliest dated deadline; null only when no escalation to that target has a date.
    const known = deadlineOf.get(e.to) ?? null;
    if (!deadlineOf.has(e.to) || (e.deadline !== null && (known === null || e.deadline < known))) deadlineOf.set(e.to, e.deadline);
  }
  return {
    id,
    parents,
    inform,
    escalations,
    todos,
    ...(withheld ? { withheld } : {}),
    notes,
    rules,
    ruleset,
    json,
    targets: [...deadlineOf.keys()],
    deadlineOf,
    needsAction: escalations.length > 0 || inform.some((i) => !EVERYDAY_PARTIES.has(i.party)),
    overdueTargets: [...new Set(escalations.filter((e) => e.overdue).map((e) => e.to))],
    referrals: [...new Set(inform.map((i) => i.party).filter((p) => !EVERYDAY_PARTIES.has(p) && !deadlineOf.has(p as EscalationTarget)))],
  };
}

/** The whole Decision of a row, from its tail (the arrays are shared between rows: read only). */
export function decisionFrom(situation: Situation, facts: DerivedFacts, tail: DecisionTail): Decision {
  return {
    studentRef: situation.studentRef,
    referenceDate: situation.referenceDate,
    facts: { age: facts.age, leerplicht: facts.leerplicht, leerplichtig: facts.leerplichtig, rmc: facts.rmc, thuiszitter: facts.thuiszitter },
    parents: tail.parents,
    inform: tail.inform,
    escalations: tail.escalations,
    todos: tail.todos,
    ...(tail.withheld ? { withheld: tail.withheld } : {}),
    notes: tail.notes,
    rules: tail.rules,
    ruleset: tail.ruleset,
  };
}

export class DecisionMemo {
  private readonly ruleset: CompiledRuleset;
  private readonly workingDays: WorkingDays;
  private readonly countsFromReached: boolean;
  private readonly stepsFromReached: boolean;
  private readonly tails = new BoundedMemo<DecisionTail>();
  private nextId = 1;

  constructor(ruleset: CompiledRuleset, workingDays: WorkingDays) {
    this.ruleset = ruleset;
    this.workingDays = workingDays;
    this.countsFromReached = ruleset.active.some((r) => r.then.escalate.some((e) => e.from === 'unexcusedHoursReachedOn'));
    this.stepsFromReached = ruleset.active.some((r) => r.then.inform.some((i) => i.from === 'reachedOn'));
  }

  /** The tail of decide(situation, ruleset, workingDays, facts). */
  tailFor(situation: Situation, facts: DerivedFacts): DecisionTail {
    const key = firedKey(this.ruleset, situation, facts);
    // The deadlines depend on the reference date and, for a term counted from them, on the day the
    // 16 hours were reached and the day a step was reached: all are in the key.
    const reached = this.countsFromReached ? situation.unexcusedHoursReachedOn : undefined;
    const stepReached = this.stepsFromReached ? situation.reachedOn : undefined;
    const dateKey = reached === undefined && stepReached === undefined ? situation.referenceDate : `${situation.referenceDate}|${reached ?? ''}|${stepReached ?? ''}`;
    return this.tails.get(dateKey, key, () => decisionTail(decide(situation, this.ruleset, this.workingDays, facts), this.nextId++));
  }
}

/**
 * decide() for many situations that fire the same rules on the same days (`batch --registrations`:
 * every student at the peildatum, and again for each period): the Decision is made once per (fired
 * rules, reference date, day the 16 hours were reached, day a step was reached) and shared. A
 * Decision from here is read only: its arrays and objects belong to every caller that got it, and
 * its studentRef and facts are those of the situation that made it.
 */
export class DecisionCache {
  private readonly decisions = new BoundedMemo<Decision>();
  /** The fired-rules key of each decision made here. */
  private readonly fired = new WeakMap<Decision, number | string>();

  constructor(
    private readonly ruleset: CompiledRuleset,
    private readonly workingDays: WorkingDays,
  ) {}

  /**
   * The decision every situation with the same fired rules and days shares, as it is: for callers
   * that read only the shared parts (escalations, inform, todos, rules, notes), with no copy per call.
   */
  shared(situation: Situation, facts: DerivedFacts = deriveFacts(situation)): Decision {
    const key = firedKey(this.ruleset, situation, facts);
    const dateKey = `${situation.referenceDate}|${situation.unexcusedHoursReachedOn ?? ''}|${situation.reachedOn ?? ''}`;
    return this.decisions.get(dateKey, key, () => {
      const decision = decide(situation, this.ruleset, this.workingDays, facts);
      this.fired.set(decision, key);
      return decision;
    });
  }

  /**
   * Which rules fired in a decision from `shared` (the same for all days: the parties informed, the
   * rules cited, the notes, and which escalations and to-dos there are depend on nothing else; their
   * deadlines do).
   */
  firedOf(decision: Decision): number | string {
    const key = this.fired.get(decision);
    if (key === undefined) throw new RangeError('DecisionCache.firedOf: a decision made elsewhere');
    return key;
  }
}

/**
 * Values by (date key, fired-rules key), made on first use; at MAX_ENTRIES it starts over, so that
 * an export with unusual variety still runs in constant memory.
 */
class BoundedMemo<T> {
  private readonly byDate = new Map<string, Map<number | string, T>>();
  private size = 0;

  get(dateKey: string, key: number | string, make: () => T): T {
    let forDate = this.byDate.get(dateKey);
    const known = forDate?.get(key);
    if (known !== undefined) return known;
    if (this.size >= MAX_ENTRIES) {
      this.byDate.clear();
      this.size = 0;
      forDate = undefined;
    }
    if (!forDate) {
      forDate = new Map();
      this.byDate.set(dateKey, forDate);
    }
    const value = make();
    forDate.set(key, value);
    this.size += 1;
    return value;
  }
}

/** Which active rules hold, as one number (or a string of rule positions for very large rule sets). */
function firedKey(ruleset: CompiledRuleset, situation: Situation, facts: DerivedFacts): number | string {
  const active = ruleset.active;
  if (active.length <= MAX_MASK_RULES) {
    let mask = 0;
    let bit = 1;
    for (let i = 0; i < active.length; i++) {
      if (active[i]!.test(situation, facts)) mask += bit;
      bit *= 2;
    }
    return mask;
  }
  let key = '';
  for (let i = 0; i < active.length; i++) if (active[i]!.test(situation, facts)) key += `${i},`;
  return key;
}
