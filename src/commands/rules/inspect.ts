// `zorgroute rules list | show | validate`: the shipped rule sets, one chain rule by rule, and
// every problem of a rule file (and of the cases beside it) at once.
import { join } from 'node:path';
import { localize, type Lang } from '../../core/routing/compile.js';
import { UserError } from '../../core/errors.js';
import type { ProblemDetail } from '../../core/problems.js';
import type { LayerRef, RuleState } from '../../core/ruleset-tools/chain-view.js';
import { RulesProblem } from '../../core/ruleset-tools/rules-problem.js';
import { defaultRulesetPath, resolveRulesRef, shippedRulesFolder } from '../../io/rules/read-ruleset.js';
import { casesFileOf, readRuleCases } from '../../io/rules/read-rule-cases.js';
import { loadChain, shippedIds } from './chain.js';

export interface ShippedRuleset {
  id: string;
  title: string;
  version: string;
  /** The layer ids, base first. */
  chain: string[];
  rules: number;
  isDefault: boolean;
}

export function listRulesets(lang: Lang): ShippedRuleset[] {
  const fallback = defaultRulesetPath();
  return shippedIds().map((id) => {
    const file = join(shippedRulesFolder(), `${id}.json`);
    const chain = loadChain(file, lang);
    return {
      id,
      title: chain.compiled.title,
      version: chain.compiled.meta.version,
      chain: chain.view.layers.map((l) => l.id),
      rules: chain.view.rules.length,
      isDefault: file === fallback,
    };
  });
}

export interface ShownRule {
  id: string;
  layer: string;
  state: RuleState;
  /** The layer above that switched it on or off, else null. */
  switchedBy: string | null;
  title: string;
  source: string;
}

export interface ShownChain {
  file: string;
  title: string;
  layers: LayerRef[];
  /** The parties each layer declares (its id, its name in the language asked for). */
  parties: { id: string; name: string; layer: string }[];
  rules: ShownRule[];
}

export function showChain(options: { rules?: string | undefined; lang: Lang }): ShownChain {
  const chain = loadChain(options.rules, options.lang);
  return {
    file: chain.file,
    title: chain.compiled.title,
    layers: chain.view.layers,
    parties: chain.compiled.parties.map((p) => ({ id: p.id, name: p.name, layer: p.layer })),
    rules: chain.view.rules.map((r) => ({ id: r.id, layer: r.layer, state: r.state, switchedBy: r.switchedBy, title: localize(r.title, options.lang), source: r.source })),
  };
}

export interface Validation {
  file: string;
  valid: boolean;
  /** The rule file's problems, then those of its cases file (`file` says which). */
  problems: (ProblemDetail & { file: string })[];
  /** The cases file beside it, when there is one. */
  casesFile: string | null;
}

/** Reads the file as `--rules` would; a refusal becomes the list of its problems. */
export function validateRules(options: { file: string; lang: Lang }): Validation {
  const file = resolveRulesRef(options.file);
  const problems: Validation['problems'] = [];
  const collect = (at: string, error: unknown): void => {
    const listed = (error instanceof RulesProblem && error.rules.kind === 'cases-invalid') || (error instanceof UserError && error.problem?.kind === 'ruleset-invalid');
    if (!listed) throw error; // unreadable, not JSON: one problem, reported as such
    const details = (error as UserError).details.filter((d): d is ProblemDetail => typeof d !== 'string');
    problems.push(...details.map((d) => ({ ...d, file: d.at?.file ?? at })));
  };
  try {
    loadChain(file, options.lang);
  } catch (error) {
    collect(file, error);
  }
  const casesFile = casesFileOf(file);
  let hasCases = false;
  try {
    hasCases = readRuleCases(casesFile) !== null;
  } catch (error) {
    hasCases = true;
    collect(casesFile, error);
  }
  return { file, valid: problems.length === 0, problems, casesFile: hasCases ? casesFile : null };
}
