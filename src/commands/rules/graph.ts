// `zorgroute rules graph [ID|FILE]`: the chain as a graph (drawn as Mermaid or Graphviz by the ui).
import type { Lang } from '../../core/routing/compile.js';
import { buildRulesGraph, type RulesGraph } from '../../core/ruleset-tools/rules-graph.js';
import { loadChain } from './chain.js';

export function graphRules(options: { rules?: string | undefined; lang: Lang }): { file: string; title: string; graph: RulesGraph; parties: { id: string; name: string }[] } {
  const chain = loadChain(options.rules, options.lang);
  return {
    file: chain.file,
    title: chain.compiled.title,
    graph: buildRulesGraph(chain.view, options.lang),
    parties: chain.compiled.parties.map((p) => ({ id: p.id, name: p.name })),
  };
}
