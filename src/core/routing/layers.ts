// A chain of rule layers → one effective rule set. Pure: the loader (io/rules/read-ruleset.ts) reads the
// files and follows `extends`; this module checks each layer and merges them, base first.
//
// What a layer may do (policy in layers, as eslint's `extends`): add rules and parties, and switch
// a base rule on or off by id. It never edits a base rule in place (an id a base already has is
// refused), never switches off a rule the law makes binding, and inherits the base's counting
// numbers unchanged. Every problem is returned at once, each with the file and the path in it.
import { problem, type FieldIssue } from '../problems.js';
import { zodIssues } from '../zod-problems.js';
import type { CountingSection } from './counting.js';
import {
  checkRules,
  hasParentsDefault,
  ruleLayerSchema,
  tooDeepConditions,
  type EffectiveParty,
  type EffectiveRule,
  type FlatRuleset,
  type Region,
  type RuleLayer,
  type Ruleset,
} from './ruleset.js';

/** A problem of one layer: the file it is in (as the loader names it) and the path in that file. */
export interface LayerIssue extends FieldIssue {
  file: string;
}

export type LayerResult<T> = { ok: true; value: T } | { ok: false; issues: LayerIssue[] };

/** One layer as read: its file (path or label), the sha256 of its bytes, and its checked shape. */
export interface LayerInput {
  file: string;
  sha256: string;
  layer: RuleLayer;
}

/** How long a chain may be: deeper is surely a mistake (and the error names it). */
export const MAX_CHAIN_DEPTH = 16;

/** The shape check of one rule file (no chain yet): conditions not too deep, then zod. */
export function parseRuleLayer(json: unknown, file: string): LayerResult<RuleLayer> {
  const deep = tooDeepConditions(json);
  if (deep.length > 0) return { ok: false, issues: deep.map((i) => ({ file, ...i })) };
  const shaped = ruleLayerSchema.safeParse(json);
  if (!shaped.success) return { ok: false, issues: zodIssues(shaped.error).map((i) => ({ file, ...i })) };
  return { ok: true, value: shaped.data };
}

export interface MergeOptions {
  /**
   * Refuse an effective set without an unconditional parents rule (decide() needs one). True for
   * routing; false to show or check a base that leaves the parents to its region (`landelijk`).
   */
  routable?: boolean;
}

function checkCounting(layer: RuleLayer, base: RuleLayer, counting: CountingSection, file: string, issues: LayerIssue[]): void {
  if (!layer.counting) return;
  for (const key of Object.keys(counting) as (keyof CountingSection)[]) {
    const mine = layer.counting[key];
    if (mine.value !== counting[key].value) {
      issues.push({
        file,
        path: `counting.${key}.value`,
        problem: problem('counting-set-by-base', { field: `counting.${key}.value`, value: counting[key].value, base: base.id, source: counting[key].source }),
      });
    }
  }
}

/**
 * Merges a chain, base first (`chain[0]` has no `extends`), into the effective rule set: the base's
 * counting, every layer's parties and rules in order (each rule knowing its layer), `enabled` after
 * every layer's `enable`/`disable`. `id`, `version` and `title` are the top layer's.
 */
export function mergeLayers(chain: readonly LayerInput[], options: MergeOptions = {}): LayerResult<Ruleset> {
  const issues: LayerIssue[] = [];
  const base = chain[0]!;
  const top = chain[chain.length - 1]!;
  const counting = base.layer.counting;
  if (!counting) {
    return { ok: false, issues: [{ file: base.file, path: 'counting', problem: problem('base-needs-counting') }] };
  }
  if (!base.layer.parties) {
    // A single file from before layers (2026.4 and older): one clear line, not one per inform.
    return { ok: false, issues: [{ file: base.file, path: 'parties', problem: problem('base-needs-parties') }] };
  }
  const parties: EffectiveParty[] = [];
  const partyLayer = new Map<string, string>();
  const rules: EffectiveRule[] = [];
  /** The index in `chain` of each rule's layer (a layer's id need not be unique). */
  const ruleLayer: number[] = [];
  const ruleIndex = new Map<string, number>();
  let region: Region | undefined;

  for (const [position, { file, layer }] of chain.entries()) {
    const at = (path: string, p: FieldIssue['problem']): void => {
      issues.push({ file, path, problem: p });
    };
    if (layer !== base.layer) checkCounting(layer, base.layer, counting, file, issues);
    if (layer.region !== undefined) region = layer.region;

    (layer.parties ?? []).forEach((party, j) => {
      const first = partyLayer.get(party.id);
      if (first !== undefined) at(`parties[${j}].id`, problem('duplicate-party', { party: party.id, layer: first }));
      else {
        partyLayer.set(party.id, layer.id);
        parties.push({ ...party, layer: layer.id });
      }
    });

    // Switches name rules of the layers below, never this layer's own (those say `enabled`).
    const enable = layer.enable ?? [];
    const disable = layer.disable ?? [];
    const switches: [string, boolean, string][] = [
      ...enable.map((id, k): [string, boolean, string] => [id, true, `enable[${k}]`]),
      ...disable.map((id, k): [string, boolean, string] => [id, false, `disable[${k}]`]),
    ];
    for (const [id, on, path] of switches) {
      const index = ruleIndex.get(id);
      if (index === undefined) {
        at(path, problem('unknown-base-rule', { id }));
        continue;
      }
      if (on && disable.includes(id)) {
        at(path, problem('enable-and-disable', { id }));
        continue;
      }
      const rule = rules[index]!;
      if (!on && rule.binding === true) {
        at(path, problem('binding-rule-disabled', { layer: layer.id, rule: id, ruleLayer: rule.layer, source: rule.source }));
        continue;
      }
      rules[index] = { ...rule, enabled: on, switchedBy: layer.id };
    }

    // Own rules: checked against the parties declared so far, then added (an id below is refused).
    const declared = parties.map((p) => p.id);
    for (const issue of checkRules(layer.rules, declared, counting)) issues.push({ file, ...issue });
    layer.rules.forEach((rule, i) => {
      const known = ruleIndex.get(rule.id);
      if (known !== undefined) {
        // A duplicate within the layer is reported by checkRules; an id of a layer below is shadowing.
        if (rules[known]!.layer !== layer.id) at(`rules[${i}].id`, problem('rule-shadows-base', { id: rule.id, layer: rules[known]!.layer }));
        return;
      }
      ruleIndex.set(rule.id, rules.length);
      rules.push({ ...rule, layer: layer.id });
      ruleLayer.push(position);
    });
  }

  if (options.routable !== false && !hasParentsDefault(rules)) {
    issues.push({ file: top.file, path: 'rules', problem: problem('needs-parents-default') });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: {
      id: top.layer.id,
      version: top.layer.version,
      title: top.layer.title,
      region,
      counting,
      parties,
      rules: topLayerFirst(rules, ruleLayer, chain.length),
      layers: chain.map(({ layer, sha256 }) => ({ id: layer.id, version: layer.version, sha256 })),
    },
  };
}

/**
 * The effective order: the top layer's rules first, the base's last, each layer's in file order.
 * Where order decides, the most specific layer comes first: it wins a tie between parents rules of
 * the same priority, its escalations come first among those due the same day, a party's reasons
 * start with its own, and a decision cites its rules in this order.
 */
function topLayerFirst(rules: readonly EffectiveRule[], layerOf: readonly number[], layers: number): EffectiveRule[] {
  const out: EffectiveRule[] = [];
  for (let l = layers - 1; l >= 0; l--) rules.forEach((rule, i) => layerOf[i] === l && out.push(rule));
  return out;
}

/**
 * One rule set given as a value (a test, a file without `extends`): its shape, then the merge of a
 * chain of one. A file that extends another needs the loader (io/rules/read-ruleset.ts) to find its base.
 */
export function parseRuleset(json: unknown, options: MergeOptions = {}): LayerResult<Ruleset> {
  const parsed = parseRuleLayer(json, '');
  if (!parsed.ok) return parsed;
  if (parsed.value.extends !== undefined) {
    return { ok: false, issues: [{ file: '', path: 'extends', problem: problem('extends-needs-file', { base: parsed.value.extends }) }] };
  }
  return mergeLayers([{ file: '', sha256: '', layer: parsed.value }], options);
}

/**
 * The effective set written back as one base file, without `extends`: every rule in chain order
 * with its effective `enabled`, every party, the base's counting. It routes exactly as the chain
 * (the rules are the same, in the same order); only the layer each rule came from is lost.
 */
export function flattenRuleset(ruleset: Ruleset): FlatRuleset {
  return {
    id: ruleset.id,
    version: ruleset.version,
    title: ruleset.title,
    ...(ruleset.region === undefined ? {} : { region: ruleset.region }),
    counting: ruleset.counting,
    parties: ruleset.parties.map(({ id, name }) => ({ id, name })),
    rules: ruleset.rules.map(({ layer: _layer, switchedBy: _switchedBy, ...rule }) => rule),
  };
}
