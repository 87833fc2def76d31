// Which rule set `rules … [ID|FILE]` means, and its chain loaded for every `rules` command: the
// view (rules with layer and state), the compiled chain decide() walks, and per layer where its
// cases live and the chain up to that layer (a base's cases test the base as it is).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileRuleset, type CompiledRuleset, type Lang } from '../../core/routing/compile.js';
import { singleLayerView, type ChainView, type LayerRef } from '../../core/ruleset-tools/chain-view.js';
import { packageRoot } from '../../io/package-root.js';
import { defaultRulesetPath, readRulesetSource } from '../../io/read-ruleset.js';
import { casesFileOf } from '../../io/read-rule-cases.js';

export const rulesFolder = (): string => join(packageRoot(), 'data', 'rules');

/** The shipped rule sets: `data/rules/<id>.json`, without the cases files. */
export function shippedIds(): string[] {
  return readdirSync(rulesFolder())
    .filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A shipped id (`landelijk`) or a path; nothing: the default rule set. */
export function resolveRulesFile(ref: string | undefined): string {
  if (ref === undefined) return defaultRulesetPath();
  if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(ref)) {
    const shipped = join(rulesFolder(), `${ref}.json`);
    if (existsSync(shipped)) return shipped;
  }
  return ref;
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
  compiled: CompiledRuleset;
  layers: LoadedLayer[];
}

export function loadChain(ref: string | undefined, lang: Lang): LoadedChain {
  const file = resolveRulesFile(ref);
  const { ruleset, sha256 } = readRulesetSource(file);
  const view = singleLayerView(ruleset, sha256, file);
  const compiled = compileRuleset(ruleset, sha256, lang);
  return { file, view, compiled, layers: [{ ref: view.layers[0]!, casesFile: casesFileOf(file), compiled }] };
}
