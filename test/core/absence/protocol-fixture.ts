// The shipped example verzuimprotocol on top of the SWV rule set, flattened into one rule set (the
// layer loader reads `extends` and `parties`; these tests only need the rules).
import { readFileSync } from 'node:fs';
import { compileRuleset, type CompiledRuleset } from '../../../src/core/routing/compile.js';
import { rulesetSchema } from '../../../src/core/routing/ruleset.js';

export function protocolRuleset(enable: readonly string[] = []): CompiledRuleset {
  const swv = JSON.parse(readFileSync('data/rules/swv-vo-groningen-ommelanden.json', 'utf8')) as { rules: { id: string; enabled?: boolean }[] };
  const layer = JSON.parse(readFileSync('data/rules/voorbeeldschool-verzuimprotocol.json', 'utf8')) as { id: string; version: string; rules: { id: string; enabled?: boolean }[] };
  const rules = [...swv.rules, ...layer.rules].map((r) => (enable.includes(r.id) ? { ...r, enabled: true } : r));
  const flat = rulesetSchema.parse({ ...swv, id: layer.id, version: layer.version, rules });
  return compileRuleset(flat, 'test', 'nl');
}
