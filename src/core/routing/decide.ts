// decide(situation, ruleset, workingDays) → Decision. Pure: no clock, no I/O, no printing. The
// reference date is part of the situation and the working-day calendar is passed in, like the rule
// set; every outcome carries the ids of the rules that produced it.
import type { z } from 'zod';
import type { CompiledRule, CompiledRuleset } from './compile.js';
import type { decisionSchema } from './decision-schema.js';
import type { WorkingDays } from '../calendar/working-days.js';
import { formatYmd, fromDayNumber, parseIsoDate, toDayNumber } from '../dates.js';
import { deriveFacts, type DerivedFacts } from './facts.js';
import type { Situation } from './situation.js';
import type { Party } from './vocabulary.js';

/**
 * What decide() returns, as the contract's schema says (core/routing/decision-schema.ts, from which
 * docs/schema/decision.schema.json is generated): `escalations[].overdue` is true when the reference
 * date is after the deadline; `todos` are informs that are actions the school must still take (a
 * rule's inform with `todo`), once per party and type, in the rule set's party order — the case log keeps them
 * open until `cases done` ticks them off.
 */
export type Decision = z.output<typeof decisionSchema>;

/**
 * A to-do: `deadline` when its rule gives a term (null otherwise), `overdue` when the reference date
 * is after it, `reachedOn` the day the term counts from when that is the day the step was reached
 * (null otherwise). A to-do for the parents carries the parents decision it obeys (`parents`).
 */
export type Todo = Decision['todos'][number];

type InformEntry = Decision['inform'][number];

/** The enabled rules whose conditions hold, in rule-set order. */
export function firedRules(situation: Situation, ruleset: CompiledRuleset, facts: DerivedFacts): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const rule of ruleset.active) if (rule.test(situation, facts)) out.push(rule);
  return out;
}

/** The parents rule that wins: highest priority, the first in file order on a tie. */
export function winningParentsRule(fired: readonly CompiledRule[]): CompiledRule | undefined {
  let best: CompiledRule | undefined;
  for (const rule of fired) {
    const p = rule.then.parents;
    if (p && (!best || p.priority > best.then.parents!.priority)) best = rule;
  }
  return best;
}

export function decide(
  situation: Situation,
  ruleset: CompiledRuleset,
  workingDays: WorkingDays,
  facts: DerivedFacts = deriveFacts(situation),
): Decision {
  const fired = firedRules(situation, ruleset, facts);
  const parentsRule = winningParentsRule(fired);
  // checkRuleset() guarantees an unconditional parents rule, so one always fires.
  const parentsEffect = parentsRule!.then.parents!;
  const parents = { involve: parentsEffect.involve, reason: parentsEffect.reason, rules: [parentsRule!.id] };

  // One slot per party, in the rule set's party order: no sorting needed afterwards.
  const inform: (InformEntry | undefined)[] = new Array(ruleset.parties.length);
  const addInform = (party: Party, slot: number, reason: string, ruleId: string): void => {
    const entry = inform[slot];
    if (!entry) inform[slot] = { party, reason, rules: [ruleId] };
    else {
      if (!entry.rules.includes(ruleId)) entry.rules.push(ruleId);
      if (!entry.reason.includes(reason)) entry.reason += `; ${reason}`;
    }
  };
  if (parents.involve === 'yes') addInform('ouders', ruleset.parentsSlot, parents.reason, parentsRule!.id);

  const referenceDay = toDayNumber(parseIsoDate(situation.referenceDate)!);
  // parseSituation() guarantees that this day is not after the reference date.
  const reachedOn = situation.unexcusedHoursReachedOn;
  const reachedDay = reachedOn === undefined ? referenceDay : toDayNumber(parseIsoDate(reachedOn)!);
  const stepDay = situation.reachedOn === undefined ? referenceDay : toDayNumber(parseIsoDate(situation.reachedOn)!);
  const escalations: Decision['escalations'] = [];
  const todos: Decision['todos'] = [];
  const notes: string[] = [];
  const rules: Decision['rules'] = [];

  for (const rule of fired) {
    const then = rule.then;
    const contributes = rule === parentsRule || then.inform.length > 0 || then.escalate.length > 0 || then.notes.length > 0;
    if (!contributes) continue; // a parents rule that was overridden
    rules.push(rule.ref);
    for (const i of then.inform) {
      // A step to the parents: listed among the informed only when the parents rule says yes.
      if (i.party !== 'ouders' || parents.involve === 'yes') addInform(i.party, i.slot, i.reason, rule.id);
      if (i.todo === null) continue;
      const fromStep = i.from === 'reachedOn';
      const deadline = i.workingDays === null ? null : formatYmd(fromDayNumber(workingDays.addWorkingDaysToDayNumber(fromStep ? stepDay : referenceDay, i.workingDays)));
      const same = todos.find((t) => t.party === i.party && t.type === i.todo);
      if (same) {
        same.rules.push(rule.id);
        if (deadline !== null && (same.deadline === null || deadline < same.deadline)) same.deadline = deadline;
      } else {
        const reached = fromStep && i.workingDays !== null ? formatYmd(fromDayNumber(stepDay)) : null;
        todos.push({ party: i.party, type: i.todo, reason: i.reason, rules: [rule.id], deadline, overdue: false, reachedOn: reached });
      }
    }
    for (const e of then.escalate) {
      addInform(e.to, e.slot, e.reason, rule.id);
      const from = e.from === 'unexcusedHoursReachedOn' ? reachedDay : referenceDay;
      const deadline = e.workingDays === null ? null : formatYmd(fromDayNumber(workingDays.addWorkingDaysToDayNumber(from, e.workingDays)));
      const same = escalations.find((x) => x.to === e.to && x.type === e.type);
      if (same) {
        same.rules.push(rule.id);
        if (deadline !== null && (same.deadline === null || deadline < same.deadline)) same.deadline = deadline;
      } else {
        escalations.push({ to: e.to, type: e.type, deadline, overdue: false, reason: e.reason, rules: [rule.id] });
      }
    }
    for (const n of then.notes) if (!notes.includes(n)) notes.push(n);
  }

  for (const e of escalations) e.overdue = e.deadline !== null && e.deadline < situation.referenceDate;

  // Soonest deadline first; escalations without one keep their rule-set order after those with one.
  if (escalations.length > 1) escalations.sort((a, b) => {
    if (a.deadline === b.deadline) return 0;
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  });

  const partyIndex = ruleset.partyIndex;
  if (todos.length > 1) todos.sort((a, b) => partyIndex.get(a.party)! - partyIndex.get(b.party)!); // stable: rule order within a party
  // A step that reaches the parents obeys the parents rules like any signal: not first when a real
  // danger is estimated (the parents rule says no), and from 16 the pupil decides.
  const keptTodos: Todo[] = [];
  const withheld: Todo[] = [];
  for (const t of todos) {
    t.overdue = t.deadline !== null && t.deadline < situation.referenceDate;
    if (t.party === 'ouders') {
      t.parents = { involve: parents.involve, reason: parents.reason, rules: [...parents.rules] };
      if (parents.involve === 'no') {
        withheld.push(t);
        continue;
      }
    }
    keptTodos.push(t);
  }

  return {
    studentRef: situation.studentRef,
    referenceDate: situation.referenceDate,
    facts: {
      age: facts.age,
      leerplicht: facts.leerplicht,
      leerplichtig: facts.leerplichtig,
      rmc: facts.rmc,
      thuiszitter: facts.thuiszitter,
    },
    parents,
    inform: inform.filter((entry): entry is InformEntry => entry !== undefined),
    escalations,
    todos: keptTodos,
    ...(withheld.length > 0 ? { withheld } : {}),
    notes,
    rules,
    ruleset: ruleset.meta,
  };
}

/** True when the decision asks for an escalation (the `--exit-code` 3 of `route` and `batch`). */
export function hasEscalation(decision: Decision): boolean {
  return decision.escalations.length > 0;
}
