// The layered default (landelijk ← swv-vo-groningen-ommelanden) routes exactly as the one file it
// was split from (kept as test/fixtures/rules/swv-vo-groningen-ommelanden-2026.4-flat.json, byte for
// byte). Only the order of `rules` (the rules cited) follows the chain now: the top layer's first.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRuleset, type CompiledRuleset } from '../../src/core/routing/compile.js';
import { decide, type Decision } from '../../src/core/routing/decide.js';
import { parseRuleset } from '../../src/core/routing/layers.js';
import { parseSituation, type Situation } from '../../src/core/routing/situation.js';
import { readRuleChain, readRuleset } from '../../src/io/rules/read-ruleset.js';
import { workingDays } from '../factories.js';
import { mulberry32, randomSituations } from '../random.js';

const FLAT = fileURLToPath(new URL('../fixtures/rules/swv-vo-groningen-ommelanden-2026.4-flat.json', import.meta.url));

/** The old file, with the parties it used from the code's fixed list then (names are data now). */
function oldRuleset(change: (json: { rules: { id: string; enabled?: boolean }[] }) => void = () => {}): CompiledRuleset {
  const json = JSON.parse(readFileSync(FLAT, 'utf8')) as { rules: { id: string; enabled?: boolean }[]; parties?: unknown };
  json.parties = readRuleChain(undefined).ruleset.parties.map(({ id, name }) => ({ id, name }));
  change(json);
  const parsed = parseRuleset(json);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return compileRuleset(parsed.value, 'old', 'nl');
}

/** Varied situations beyond test/random.ts: the day the 16 hours were reached, enrolment elsewhere. */
function situations(): Situation[] {
  const rnd = mulberry32(16);
  const out = randomSituations(20_000, 1616);
  for (const s of randomSituations(5_000, 2020)) {
    const input = {
      ...s,
      enrolledElsewhere: rnd() < 0.5,
      unexcusedHoursReachedOn: rnd() < 0.5 ? '2025-09-24' : '2025-09-30',
      referenceDate: '2025-10-01',
    };
    const parsed = parseSituation(input, '2026-02-02');
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}

/** Everything a decision routes; the cited rules as a set (their order follows the chain). */
function routing(d: Decision, tiesInAnyOrder = false): unknown {
  const byTarget = (a: { to: string; type: string }, b: { to: string; type: string }): number => `${a.to}/${a.type}`.localeCompare(`${b.to}/${b.type}`);
  return {
    facts: d.facts,
    parents: d.parents,
    // A party's reasons follow the rule order, which differs only where the order is a layer's own.
    inform: tiesInAnyOrder ? d.inform.map((i) => ({ ...i, reason: i.reason.split('; ').sort().join('; '), rules: [...i.rules].sort() })) : d.inform,
    escalations: tiesInAnyOrder ? [...d.escalations].sort(byTarget) : d.escalations,
    todos: d.todos,
    notes: d.notes,
    rules: d.rules.map((r) => `${r.id} ${r.title} ${r.source}`).sort(),
  };
}

describe('the layered default routes as the single file it was split from', () => {
  const all = situations();

  it('gives the same decisions for 25,000 generated situations', () => {
    const before = oldRuleset();
    const after = readRuleset(undefined, 'nl');
    let escalations = 0;
    for (const s of all) {
      const a = decide(s, before, workingDays);
      const b = decide(s, after, workingDays);
      escalations += a.escalations.length;
      expect(routing(b), JSON.stringify(s)).toEqual(routing(a));
    }
    expect(escalations).toBeGreaterThan(5_000); // the generator reaches the escalations
  });

  // With the option on, the RMC's reasons start with rmc-16-uur (the region's rule comes first now).
  it('with the RMC 16-hours option on: a layer that enables it routes as the old file with enabled: true', () => {
    const before = oldRuleset((json) => (json.rules.find((r) => r.id === 'rmc-16-uur')!.enabled = true));
    const after = readRuleset(fileURLToPath(new URL('../fixtures/rules/rmc-16-uur-aan.json', import.meta.url)), 'nl');
    let rmc = 0;
    for (const s of all) {
      const a = decide(s, before, workingDays);
      const b = decide(s, after, workingDays);
      if (a.escalations.some((e) => e.type === 'verzuim-16-uur-18plus')) rmc += 1;
      expect(routing(b, true), JSON.stringify(s)).toEqual(routing(a, true));
    }
    expect(rmc).toBeGreaterThan(50);
  });

  it('says which chain decided: the file named, and every layer base first', () => {
    const d = decide(all[0]!, readRuleset(undefined, 'nl'), workingDays);
    expect(d.ruleset.id).toBe('swv-vo-groningen-ommelanden');
    expect(d.ruleset.layers.map((l) => l.id)).toEqual(['landelijk', 'swv-vo-groningen-ommelanden']);
    expect(d.ruleset.layers[1]!.sha256).toBe(d.ruleset.sha256);
    for (const l of d.ruleset.layers) expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
