// A rule chain as `zorgroute rules` shows, compares and pictures it: every rule with the layer it
// comes from and its state. Plain data, made from the loaded rule files (one layer per file).
import type { Condition, Effects, Rule } from '../routing/ruleset.js';
import type { LocalText } from '../routing/local-text.js';

export type RuleState = 'on' | 'off' | 'binding';

export interface LayerRef {
  id: string;
  version: string;
  sha256: string;
  /** The file it was read from. */
  file: string;
}

export interface ChainRule {
  id: string;
  /** The id of the layer that holds the rule. */
  layer: string;
  state: RuleState;
  /** The layer above that switched the rule on or off (`enable`/`disable`), else null. */
  switchedBy: string | null;
  title: LocalText;
  source: string;
  when: Condition | undefined;
  then: Effects;
}

export interface ChainView {
  /** Base first; the last is the file named. */
  layers: LayerRef[];
  rules: ChainRule[];
}

export function ruleState(rule: Pick<Rule, 'enabled' | 'binding'>): RuleState {
  if (!rule.enabled) return 'off';
  return rule.binding ? 'binding' : 'on';
}

/** Whether the rule takes part in deciding. */
export const isActive = (rule: ChainRule): boolean => rule.state !== 'off';
