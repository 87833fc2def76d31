// The shipped example verzuimprotocol, read through its whole chain (landelijk → SWV → school),
// optionally with a regional option of it switched on.
import { compileRuleset, type CompiledRuleset } from '../../../src/core/routing/compile.js';
import { readRuleChain } from '../../../src/io/rules/read-ruleset.js';

export function protocolRuleset(enable: readonly string[] = []): CompiledRuleset {
  const chain = readRuleChain('data/rules/voorbeeldschool-verzuimprotocol.json');
  const rules = chain.ruleset.rules.map((r) => (enable.includes(r.id) ? { ...r, enabled: true } : r));
  return compileRuleset({ ...chain.ruleset, rules }, chain.sha256, 'nl');
}
