// What changes between two rule chains: the rules (added, removed, switched, changed), per layer,
// and — for one situation — whether the routing changes. Pure.
import type { ChainRule, ChainView, RuleState } from './chain-view.js';
import type { Decision } from '../routing/decide.js';
import type { ParentInvolvement } from '../routing/vocabulary.js';

export type RuleAspect = 'condition' | 'effect' | 'source' | 'title';

export type RuleChange =
  | { kind: 'added'; id: string; layer: string; state: RuleState }
  | { kind: 'removed'; id: string; layer: string; state: RuleState }
  | { kind: 'switched'; id: string; layer: string; from: RuleState; to: RuleState }
  | { kind: 'changed'; id: string; layer: string; aspects: RuleAspect[] };

/** JSON with its keys in a fixed order, so that a reordered object is not a change. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function aspectsOf(before: ChainRule, after: ChainRule): RuleAspect[] {
  const aspects: RuleAspect[] = [];
  if (canonical(before.when) !== canonical(after.when)) aspects.push('condition');
  if (canonical(before.then) !== canonical(after.then)) aspects.push('effect');
  if (before.source !== after.source) aspects.push('source');
  if (canonical(before.title) !== canonical(after.title)) aspects.push('title');
  return aspects;
}

/**
 * Rule by rule, in the order of NEW (then the removed ones, in the order of OLD); a switched rule may
 * also have changed. A rule that moved to another layer with the same content is no change: the
 * chain decides the same.
 */
export function diffRules(before: ChainView, after: ChainView): RuleChange[] {
  const old = new Map(before.rules.map((r) => [r.id, r]));
  const now = new Set(after.rules.map((r) => r.id));
  const changes: RuleChange[] = [];
  for (const rule of after.rules) {
    const was = old.get(rule.id);
    if (!was) {
      changes.push({ kind: 'added', id: rule.id, layer: rule.layer, state: rule.state });
      continue;
    }
    // A switch belongs to the layer that made it (`enable`/`disable`), not to the one holding the rule.
    if (was.state !== rule.state) changes.push({ kind: 'switched', id: rule.id, layer: rule.switchedBy ?? rule.layer, from: was.state, to: rule.state });
    const aspects = aspectsOf(was, rule);
    if (aspects.length > 0) changes.push({ kind: 'changed', id: rule.id, layer: rule.layer, aspects });
  }
  for (const rule of before.rules) if (!now.has(rule.id)) changes.push({ kind: 'removed', id: rule.id, layer: rule.layer, state: rule.state });
  return changes;
}

/** The layers that the changes fall in, in order of first appearance. */
export function changedLayers(changes: readonly RuleChange[]): string[] {
  return [...new Set(changes.map((c) => c.layer))];
}

/** What a decision routes: whom to escalate to and inform, the to-dos, the parents. Deadlines and reasons are left out. */
export interface Routing {
  escalations: string[];
  informs: string[];
  todos: string[];
  parents: ParentInvolvement;
}

export function routingOf(decision: Decision): Routing {
  return {
    escalations: decision.escalations.map((e) => `${e.to}:${e.type}`).sort(),
    informs: decision.inform.map((i) => i.party),
    todos: decision.todos.map((t) => `${t.party}:${t.type}`),
    parents: decision.parents.involve,
  };
}

export function isSameRouting(a: Routing, b: Routing): boolean {
  return canonical(a) === canonical(b);
}
