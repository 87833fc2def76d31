// Which rule set `rules … [ID|FILE]` means, and its chain loaded for every `rules` command
// (io/rules/read-ruleset.ts readRuleChain): the view (rules with layer and state), the compiled chain
// decide() walks, and per layer where its cases live and the chain up to that layer (a base's
// cases test the base as it is).
import { readdirSync } from 'node:fs';
import { compileRuleset, type CompiledRuleset, type Lang } from '../../core/routing/compile.js';
import { mergeLayers, type LayerInput } from '../../core/routing/layers.js';
import { hasParentsDefault, type EffectiveRule, type Ruleset } from '../../core/routing/ruleset.js';
import { ruleState, type ChainView, type LayerRef } from '../../core/ruleset-tools/chain-view.js';
import { readRuleChain, shippedRulesFolder } from '../../io/rules/read-ruleset.js';
import { casesFileOf } from '../../io/rules/read-rule-cases.js';

/** The shipped rule sets: `data/rules/<id>.json`, without the cases files. */
export function shippedIds(): string[] {
  return readdirSync(shippedRulesFolder())
    .filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

export interface LoadedLayer {
  ref: LayerRef;
  casesFile: string;
  /** The chain from the base up to and including this layer. */
  compiled: CompiledRuleset;
}

export interface LoadedChain {
  file: string;
  view: ChainView;
  /** The whole chain compiled; for a base that leaves the parents to its region, with STAND_IN_PARENTS. */
  compiled: CompiledRuleset;
  layers: LoadedLayer[];
}

/**
 * A base such as `landelijk` leaves the parents to the region above it, and decide() needs a rule
 * that says something about them. To test, show or compare such a base alone, this stand-in fills
 * the gap: the student decides (what the tool says when nothing else is known). It is not part of
 * the view, so it is never listed, drawn or counted for coverage.
 */
const STAND_IN_PARENTS: EffectiveRule = {
  id: 'zorgroute-rules-stand-in-parents',
  layer: '',
  title: { nl: 'Geen regel over ouders in deze laag', en: 'No parents rule in this layer' },
  source: 'zorgroute rules',
  enabled: true,
  then: { parents: { involve: 'student-decides', priority: 0, reason: { nl: 'deze laag laat de ouders aan de regio', en: 'this layer leaves the parents to the region' } } },
};

function compileChain(ruleset: Ruleset, sha256: string, lang: Lang): CompiledRuleset {
  const routable = hasParentsDefault(ruleset.rules) ? ruleset : { ...ruleset, rules: [...ruleset.rules, STAND_IN_PARENTS] };
  return compileRuleset(routable, sha256, lang);
}

const layerRef = (l: LayerInput): LayerRef => ({ id: l.layer.id, version: l.layer.version, sha256: l.sha256, file: l.file });

export function loadChain(ref: string | undefined, lang: Lang): LoadedChain {
  const chain = readRuleChain(ref, { routable: false });
  const view: ChainView = {
    layers: chain.layers.map(layerRef),
    rules: chain.ruleset.rules.map((r) => ({
      id: r.id,
      layer: r.layer,
      state: ruleState(r),
      switchedBy: r.switchedBy ?? null,
      title: r.title,
      source: r.source,
      when: r.when,
      then: r.then,
    })),
  };
  const compiled = compileChain(chain.ruleset, chain.sha256, lang);
  const layers = chain.layers.map((layer, i): LoadedLayer => {
    let upTo = compiled;
    if (i < chain.layers.length - 1) {
      const merged = mergeLayers(chain.layers.slice(0, i + 1), { routable: false });
      // The whole chain merged, so every part of it does.
      if (!merged.ok) throw new Error(`layer ${layer.layer.id} does not merge on its own`);
      upTo = compileChain(merged.value, layer.sha256, lang);
    }
    return { ref: layerRef(layer), casesFile: casesFileOf(layer.file), compiled: upTo };
  });
  return { file: chain.file, view, compiled, layers };
}
