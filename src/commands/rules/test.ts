// `zorgroute rules test [ID|FILE]`: the cases beside each layer of the chain, then coverage.
import type { Lang } from '../../core/routing/compile.js';
import { decide } from '../../core/routing/decide.js';
import { explain, type RuleTrace } from '../../core/routing/explain.js';
import { deriveFacts } from '../../core/routing/facts.js';
import { checkCase, measureCoverage, type Mismatch, type RuleCoverage } from '../../core/ruleset-tools/rule-cases.js';
import { isActive } from '../../core/ruleset-tools/chain-view.js';
import { dutchWorkingDays } from '../../io/calendar/public-holidays.js';
import { readRuleCases } from '../../io/rules/read-rule-cases.js';
import { loadChain } from './chain.js';

export interface CaseResult {
  layer: string;
  name: string;
  passed: boolean;
  mismatches: Mismatch[];
}

export interface LayerCases {
  layer: string;
  file: string;
  /** null: the layer has no cases file. */
  count: number | null;
}

export interface RulesTestResult {
  file: string;
  layers: LayerCases[];
  cases: CaseResult[];
  coverage: RuleCoverage[];
  uncovered: RuleCoverage[];
  failed: number;
  /** Every case passed and every enabled rule is covered. */
  ok: boolean;
}

export function runRulesTest(options: { rules?: string | undefined; lang: Lang }): RulesTestResult {
  const chain = loadChain(options.rules, options.lang);
  const workingDays = dutchWorkingDays();
  // Every cases file is read (and refused when invalid) before a single case runs.
  const perLayer = chain.layers.map((layer) => ({ layer, cases: readRuleCases(layer.casesFile) }));
  const results: CaseResult[] = [];
  const traces: RuleTrace[][] = [];
  for (const { layer, cases } of perLayer) {
    for (const c of cases ?? []) {
      const facts = deriveFacts(c.situation);
      const decision = decide(c.situation, layer.compiled, workingDays, facts);
      const mismatches = checkCase(decision, c.expect);
      results.push({ layer: layer.ref.id, name: c.name, passed: mismatches.length === 0, mismatches });
      traces.push(explain(c.situation, layer.compiled, facts));
    }
  }
  const coverage = measureCoverage(
    chain.view.rules.map((r) => ({ id: r.id, layer: r.layer, active: isActive(r), unconditional: r.when === undefined })),
    traces,
  );
  const uncovered = coverage.filter((c) => !c.covered);
  const failed = results.filter((r) => !r.passed).length;
  return {
    file: chain.file,
    layers: perLayer.map(({ layer, cases }) => ({ layer: layer.ref.id, file: layer.casesFile, count: cases === null ? null : cases.length })),
    cases: results,
    coverage,
    uncovered,
    failed,
    ok: failed === 0 && uncovered.length === 0,
  };
}
