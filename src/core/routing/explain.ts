// The trace behind a decision: for every rule, whether it fired and, condition by condition,
// what the fact's value was and whether it held (after json-rules-engine's result model).
import { compileFactCondition, type CompiledRuleset, type FactValue } from './compile.js';
import { firedRules, winningParentsRule } from './decide.js';
import { deriveFacts, type DerivedFacts } from './facts.js';
import type { Condition } from './ruleset.js';
import type { Situation } from './situation.js';
import { isDerivedFact } from './vocabulary.js';

export type ConditionTrace =
  | { fact: string; op: string; value?: unknown; actual: FactValue; held: boolean }
  | { all: ConditionTrace[]; held: boolean }
  | { any: ConditionTrace[]; held: boolean }
  | { not: ConditionTrace; held: boolean };

export type RuleStatus = 'fired' | 'not-met' | 'disabled' | 'overridden';

export interface RuleTrace {
  id: string;
  title: string;
  source: string;
  status: RuleStatus;
  /** The layer of the chain the rule came from; `binding`: the law requires it (no layer may switch it off). */
  layer: string;
  binding: boolean;
  /** The layer that switched the rule on or off (`enable`/`disable`), or null. */
  switchedBy: string | null;
  regionalOption: string | null;
  /** null for a rule without conditions (it always applies). */
  conditions: ConditionTrace | null;
}

function traceCondition(cond: Condition, s: Situation, d: DerivedFacts): ConditionTrace {
  if ('all' in cond) {
    const parts = cond.all.map((c) => traceCondition(c, s, d));
    return { all: parts, held: parts.every((p) => p.held) };
  }
  if ('any' in cond) {
    const parts = cond.any.map((c) => traceCondition(c, s, d));
    return { any: parts, held: parts.some((p) => p.held) };
  }
  if ('not' in cond) {
    const inner = traceCondition(cond.not, s, d);
    return { not: inner, held: !inner.held };
  }
  const actual = isDerivedFact(cond.fact) ? d[cond.fact] : Object.hasOwn(s, cond.fact) ? (s as unknown as Record<string, FactValue>)[cond.fact] : undefined;
  const held = compileFactCondition(cond)(s, d);
  return cond.value === undefined
    ? { fact: cond.fact, op: cond.op, actual, held }
    : { fact: cond.fact, op: cond.op, value: cond.value, actual, held };
}

export function explain(situation: Situation, ruleset: CompiledRuleset, facts: DerivedFacts = deriveFacts(situation)): RuleTrace[] {
  const fired = new Set(firedRules(situation, ruleset, facts));
  const parentsWinner = winningParentsRule([...fired]);
  return ruleset.rules.map((rule) => {
    let status: RuleStatus;
    if (!rule.enabled) status = 'disabled';
    else if (!fired.has(rule)) status = 'not-met';
    else if (rule.then.parents && rule !== parentsWinner) status = 'overridden';
    else status = 'fired';
    return {
      id: rule.id,
      title: rule.title,
      source: rule.source,
      status,
      layer: rule.layer,
      binding: rule.binding,
      switchedBy: rule.switchedBy,
      regionalOption: rule.regionalOption,
      conditions: rule.when ? traceCondition(rule.when, situation, facts) : null,
    };
  });
}
