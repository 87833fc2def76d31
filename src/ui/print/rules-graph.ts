// The picture of a rule chain as text for a renderer: Mermaid (`flowchart LR`, the default) or
// Graphviz dot. Conditions on the left, the rules grouped per layer, the parties on the right; an
// escalation is a thick edge, a binding rule has a double border, a rule that is off is dashed.
import type { RulesGraph, GraphEdge } from '../../core/ruleset-tools/rules-graph.js';
import type { RulesMessages } from '../messages/rules/rules.js';
import { shownText } from './rules.js';

export interface GraphNames {
  words: RulesMessages['graph'];
  /** A party's name, or its id when the tool has none for it. */
  party: (id: string) => string;
  /** The parents' involvement (`yes`, `student-decides`) in words. */
  involve: (value: string) => string;
}

/** Text inside a quoted Mermaid label: its own entity codes for what would end or break the label. */
const mm = (text: string): string =>
  shownText(text).replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\|/g, '#124;');

const edgeLabel = (e: GraphEdge, names: GraphNames): string => (e.kind === 'parents' ? names.involve(e.label) : e.label);

function mermaidEdge(e: GraphEdge, names: GraphNames): string {
  const text = edgeLabel(e, names);
  const label = text === '' ? '' : `|"${mm(text)}"|`;
  const arrow = e.off ? '-.->' : e.kind === 'escalate' ? '==>' : '-->';
  return `  ${e.from} ${arrow}${label} ${e.to}`;
}

export function formatMermaid(graph: RulesGraph, names: GraphNames): string {
  const w = names.words;
  const out = ['flowchart LR'];
  out.push(`  subgraph facts["${mm(w.facts)}"]`);
  for (const f of graph.conditions) out.push(`    ${f.node}("${mm(`${f.fact} ${f.test}`)}")`);
  out.push('  end');
  graph.layers.forEach((layer, i) => {
    out.push(`  subgraph layer_${i}["${mm(layer.id)}"]`);
    for (const r of layer.rules) {
      const mark = r.state === 'binding' ? `⚖ ${w.binding}: ` : r.state === 'off' ? `${w.off}: ` : '';
      const text = `${mark}${r.id}<br/>${mm(r.title)}`;
      // A binding rule gets a subroutine shape (a double border); one that is off is dashed (class off).
      out.push(r.state === 'binding' ? `    ${r.node}[["${text}"]]` : `    ${r.node}["${text}"]`);
    }
    out.push('  end');
  });
  out.push(`  subgraph parties["${mm(w.parties)}"]`);
  for (const p of graph.parties) out.push(`    ${p.node}{{"${mm(names.party(p.id))}"}}`);
  out.push('  end');
  for (const e of graph.edges) out.push(mermaidEdge(e, names));
  out.push('  classDef binding stroke-width:3px,font-weight:bold');
  out.push('  classDef off stroke-dasharray:5 5,color:#888');
  const byState = (state: string): string[] => graph.layers.flatMap((l) => l.rules.filter((r) => r.state === state).map((r) => r.node));
  if (byState('binding').length > 0) out.push(`  class ${byState('binding').join(',')} binding`);
  if (byState('off').length > 0) out.push(`  class ${byState('off').join(',')} off`);
  return `${out.join('\n')}\n`;
}

/** A quoted dot string; its lines joined by dot's own `\\n`. */
const dq = (...lines: string[]): string => `"${lines.map((l) => shownText(l).replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n')}"`;

export function formatDot(graph: RulesGraph, names: GraphNames): string {
  const w = names.words;
  const out = ['digraph rules {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=10];'];
  out.push(`  subgraph cluster_facts { label=${dq(w.facts)}; node [shape=box, style=rounded];`);
  for (const f of graph.conditions) out.push(`    ${f.node} [label=${dq(`${f.fact} ${f.test}`)}];`);
  out.push('  }');
  graph.layers.forEach((layer, i) => {
    out.push(`  subgraph cluster_layer_${i} { label=${dq(layer.id)}; node [shape=box];`);
    for (const r of layer.rules) {
      const mark = r.state === 'binding' ? `⚖ ${w.binding}: ` : r.state === 'off' ? `${w.off}: ` : '';
      const attrs = r.state === 'binding' ? ', peripheries=2, style=bold' : r.state === 'off' ? ', style=dashed, fontcolor=gray50' : '';
      out.push(`    ${r.node} [label=${dq(`${mark}${r.id}`, r.title)}${attrs}];`);
    }
    out.push('  }');
  });
  out.push(`  subgraph cluster_parties { label=${dq(w.parties)}; node [shape=hexagon];`);
  for (const p of graph.parties) out.push(`    ${p.node} [label=${dq(names.party(p.id))}];`);
  out.push('  }');
  for (const e of graph.edges) {
    const text = edgeLabel(e, names);
    const attrs = [text === '' ? '' : `label=${dq(text)}`, e.kind === 'escalate' ? 'penwidth=2.5' : '', e.off ? 'style=dashed' : ''].filter(Boolean);
    out.push(`  ${e.from} -> ${e.to}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
