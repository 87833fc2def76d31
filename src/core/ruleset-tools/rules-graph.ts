// The picture of a chain as a graph: conditions (a fact and its test, one node shared by every rule
// that tests the same) → rules → parties (the edge says to-do, escalation or parents), the rules
// grouped per layer. Drawn as Mermaid
// or Graphviz text by ui/print/rules-graph.ts. Pure.
import type { ChainView, RuleState } from './chain-view.js';
import type { Condition } from '../routing/ruleset.js';
import { localize, type Lang } from '../routing/compile.js';

export interface GraphRule {
  node: string;
  id: string;
  title: string;
  state: RuleState;
}

export type EdgeKind = 'condition' | 'inform' | 'todo' | 'escalate' | 'parents';

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** The escalation or to-do type, the parents' involvement; '' for a condition and a plain inform. */
  label: string;
  /** The edge of a rule that is switched off. */
  off: boolean;
}

export interface RulesGraph {
  /** `fact`: the fact's name; `test`: `≥ 16`, `= true`, with `¬` under a `not` and `∨` under an `any`. */
  conditions: { node: string; fact: string; test: string }[];
  layers: { id: string; rules: GraphRule[] }[];
  parties: { node: string; id: string }[];
  edges: GraphEdge[];
}

const OP_SIGNS: Record<string, string> = { eq: '=', ne: '≠', lt: '<', lte: '≤', gt: '>', gte: '≥', in: '∈', notIn: '∉', includes: '∋', isEmpty: '= ∅', notEmpty: '≠ ∅' };

/** A node id Mermaid and Graphviz both take: letters, digits and `_`. */
const nodeId = (prefix: string, id: string): string => `${prefix}_${id.replace(/[^A-Za-z0-9]/g, '_')}`;

const valueText = (value: unknown): string => (value === undefined ? '' : Array.isArray(value) ? `{${value.join(', ')}}` : String(value));

/** Each fact a condition names with the test on it; `not` and `any` are marked (¬, ∨). */
function factTests(cond: Condition, prefix: string, out: { fact: string; test: string }[]): void {
  if ('all' in cond) for (const c of cond.all) factTests(c, prefix, out);
  else if ('any' in cond) for (const c of cond.any) factTests(c, `${prefix}∨ `, out);
  else if ('not' in cond) factTests(cond.not, `${prefix}¬ `, out);
  else out.push({ fact: cond.fact, test: `${prefix}${OP_SIGNS[cond.op] ?? cond.op}${cond.value === undefined ? '' : ` ${valueText(cond.value)}`}` });
}

export function buildRulesGraph(view: ChainView, lang: Lang): RulesGraph {
  const conditions = new Map<string, { node: string; fact: string; test: string }>();
  const parties = new Map<string, string>();
  const edges: GraphEdge[] = [];
  const party = (id: string): string => {
    if (!parties.has(id)) parties.set(id, nodeId('p', id));
    return parties.get(id)!;
  };
  const layers = view.layers.map((l) => ({ id: l.id, rules: [] as GraphRule[] }));
  for (const rule of view.rules) {
    const node = nodeId('r', rule.id);
    const off = rule.state === 'off';
    let layer = layers.find((l) => l.id === rule.layer);
    if (!layer) layers.push((layer = { id: rule.layer, rules: [] }));
    layer.rules.push({ node, id: rule.id, title: localize(rule.title, lang), state: rule.state });
    if (rule.when) {
      const tests: { fact: string; test: string }[] = [];
      factTests(rule.when, '', tests);
      for (const t of tests) {
        const key = `${t.fact} ${t.test}`;
        if (!conditions.has(key)) conditions.set(key, { node: `c_${conditions.size + 1}`, fact: t.fact, test: t.test });
        edges.push({ from: conditions.get(key)!.node, to: node, kind: 'condition', label: '', off });
      }
    }
    const then = rule.then;
    for (const i of then.inform ?? []) edges.push({ from: node, to: party(i.party), kind: i.todo ? 'todo' : 'inform', label: i.todo ?? '', off });
    for (const e of then.escalate ?? []) edges.push({ from: node, to: party(e.to), kind: 'escalate', label: e.type, off });
    if (then.parents) edges.push({ from: node, to: party('ouders'), kind: 'parents', label: then.parents.involve, off });
  }
  const firstSeen = [...new Set([...conditions.values()].map((c) => c.fact))];
  const factOrder = (fact: string): number => firstSeen.indexOf(fact);
  return {
    // Grouped by fact, in the order the facts first appear.
    conditions: [...conditions.values()].sort((a, b) => factOrder(a.fact) - factOrder(b.fact)),
    layers,
    parties: [...parties].map(([id, node]) => ({ node, id })),
    edges,
  };
}
