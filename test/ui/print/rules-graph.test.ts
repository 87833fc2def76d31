// The graph text: labels from a rule file cannot break out of Mermaid's quotes, and the parser
// that accepts our output does reject a broken diagram (so its "yes" means something).
import { describe, expect, it } from 'vitest';
import { buildRulesGraph } from '../../../src/core/ruleset-tools/rules-graph.js';
import type { ChainView } from '../../../src/core/ruleset-tools/chain-view.js';
import { formatDot, formatMermaid } from '../../../src/ui/print/rules-graph.js';
import { rulesMessagesFor } from '../../../src/ui/messages/rules/rules.js';
import { parseMermaid } from '../../mermaid-parse.js';

const view: ChainView = {
  layers: [
    { id: 'landelijk', version: '1', sha256: 'a', file: 'landelijk.json' },
    { id: 'regio', version: '1', sha256: 'b', file: 'regio.json' },
  ],
  rules: [
    { id: 'wet-16', layer: 'landelijk', state: 'binding', switchedBy: null, title: 'Melden "nu" <b>|</b> # [x]', source: 'Leerplichtwet', when: { all: [{ fact: 'age', op: 'lt', value: 18 }, { not: { fact: 'enrolled', op: 'eq', value: true } }] }, then: { escalate: [{ to: 'leerplicht', type: 'melding', reason: 'r' }] } },
    { id: 'regio-optie', layer: 'regio', state: 'off', switchedBy: null, title: { nl: 'Optie', en: 'Option' }, source: 'SWV', when: { fact: 'sensoryNeed', op: 'in', value: ['visueel', 'auditief'] }, then: { inform: [{ party: 'cluster-1', reason: 'r', todo: 'bellen' }] } },
    { id: 'ouders', layer: 'regio', state: 'on', switchedBy: null, title: 'Ouders', source: 'SWV', when: undefined, then: { parents: { involve: 'yes', priority: 0, reason: 'r' } } },
  ],
};

const names = { words: rulesMessagesFor('nl').graph, party: (id: string) => `partij ${id}`, involve: (v: string) => `ouders ${v}` };

describe('rules graph text', () => {
  const graph = buildRulesGraph(view, 'en');

  it('groups rules per layer and marks the binding one and the one that is off', () => {
    expect(graph.layers.map((l) => [l.id, l.rules.map((r) => r.id)])).toEqual([
      ['landelijk', ['wet-16']],
      ['regio', ['regio-optie', 'ouders']],
    ]);
    const text = formatMermaid(graph, names);
    expect(text).toMatch(/^flowchart LR\n/);
    expect(text).toContain('r_wet_16[["⚖ bindend: wet-16<br/>Melden #quot;nu#quot; #lt;b#gt;#124;#lt;/b#gt; #35; [x]"]]');
    expect(text).toContain('r_regio_optie["uit: regio-optie<br/>Option"]');
    expect(text).toContain('c_2("enrolled ¬ = true")');
    expect(text).toContain('c_2 --> r_wet_16');
    expect(text).toContain('r_wet_16 ==>|"melding"| p_leerplicht');
    expect(text).toContain('r_regio_optie -.->|"bellen"| p_cluster_1');
  });

  it('is accepted by Mermaid’s parser, which rejects a broken diagram', async () => {
    await expect(parseMermaid(formatMermaid(graph, names))).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
    await expect(parseMermaid('flowchart LR\n  a["x"]] --> b')).rejects.toThrow();
  });

  it('draws Graphviz dot with quoted labels', () => {
    const dot = formatDot(graph, names);
    expect(dot).toContain('r_wet_16 [label="⚖ bindend: wet-16\\nMelden \\"nu\\" <b>|</b> # [x]", peripheries=2, style=bold];');
    expect(dot).toContain('c_3 [label="sensoryNeed ∈ {visueel, auditief}"];');
    expect(dot).toContain('c_3 -> r_regio_optie [style=dashed];');
  });
});
