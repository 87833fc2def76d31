// `zorgroute rules diff OLD NEW [--against-log]`: what changes in the rules, per layer, and —
// against the case log — which logged cases would be routed otherwise.
import type { Lang } from '../../core/routing/compile.js';
import { decide } from '../../core/routing/decide.js';
import { parseSituation } from '../../core/routing/situation.js';
import { deriveFacts } from '../../core/routing/facts.js';
import { diffRules, isSameRouting, routingOf, type RuleChange, type Routing } from '../../core/ruleset-tools/rules-diff.js';
import type { LayerRef } from '../../core/ruleset-tools/chain-view.js';
import type { DbLocation } from '../../io/db/db-path.js';
import { forEachLoggedSituation } from '../../io/db/logged-situations.js';
import { dutchWorkingDays } from '../../io/calendar/public-holidays.js';
import { loadChain } from './chain.js';

export interface ChangedCase {
  caseId: number;
  studentRef: string;
  before: Routing;
  after: Routing;
}

export interface LogComparison {
  database: string;
  changed: ChangedCase[];
  /** Cases whose routing stays the same. */
  unchanged: number;
  /** Logged situations that no longer read as valid (left out of both counts). */
  unreadable: number;
}

export interface RulesDiffResult {
  before: { file: string; layers: LayerRef[] };
  after: { file: string; layers: LayerRef[] };
  changes: RuleChange[];
  log: LogComparison | null;
}

export function runRulesDiff(options: { before: string; after: string; againstLog: DbLocation | null; lang: Lang }): RulesDiffResult {
  const before = loadChain(options.before, options.lang);
  const after = loadChain(options.after, options.lang);
  const changes = diffRules(before.view, after.view);
  let log: LogComparison | null = null;
  if (options.againstLog !== null) {
    const workingDays = dutchWorkingDays();
    // Per case, the last of its situations that changes (or the case is unchanged).
    const changedByCase = new Map<number, ChangedCase>();
    const seen = new Set<number>();
    let unreadable = 0;
    forEachLoggedSituation(options.againstLog.path, (entry) => {
      const parsed = parseSituation(entry.situation, '');
      if (!parsed.ok) {
        unreadable += 1;
        return;
      }
      seen.add(entry.caseId);
      const facts = deriveFacts(parsed.value);
      const was = routingOf(decide(parsed.value, before.compiled, workingDays, facts));
      const would = routingOf(decide(parsed.value, after.compiled, workingDays, facts));
      if (!isSameRouting(was, would)) changedByCase.set(entry.caseId, { caseId: entry.caseId, studentRef: entry.studentRef, before: was, after: would });
    });
    const changed = [...changedByCase.values()].sort((a, b) => a.caseId - b.caseId);
    log = { database: options.againstLog.path, changed, unchanged: seen.size - changed.length, unreadable };
  }
  return {
    before: { file: before.file, layers: before.view.layers },
    after: { file: after.file, layers: after.view.layers },
    changes,
    log,
  };
}
