// Plain-object factories for core tests.
import { compileRuleset, type CompiledRuleset, type Lang } from '../src/core/routing/compile.js';
import { decide, type Decision } from '../src/core/routing/decide.js';
import { flattenRuleset, parseRuleset } from '../src/core/routing/layers.js';
import type { FlatRuleset } from '../src/core/routing/ruleset.js';
import { parseSituation, type Situation, type SituationInput } from '../src/core/routing/situation.js';
import { dutchWorkingDays } from '../src/io/public-holidays.js';
import { readRuleChain, readRuleset } from '../src/io/read-ruleset.js';

/** The working days every deadline counts in (Dutch public holidays left out). */
export const workingDays = dutchWorkingDays();

export const REFERENCE_DATE = '2026-11-27'; // a Friday

export function situation(overrides: Partial<SituationInput> = {}): Situation {
  const parsed = parseSituation({ studentRef: 'L1001', birthDate: '2012-03-01', referenceDate: REFERENCE_DATE, ...overrides }, REFERENCE_DATE);
  if (!parsed.ok) throw new Error(`test situation invalid: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

const cache = new Map<Lang, CompiledRuleset>();
export function defaultRuleset(lang: Lang = 'nl'): CompiledRuleset {
  let rs = cache.get(lang);
  if (!rs) {
    rs = readRuleset(undefined, lang);
    cache.set(lang, rs);
  }
  return rs;
}

/** The parties' names of the default chain in `lang`, as the CLI hands them to the ui. */
export function partyNames(lang: Lang = 'nl'): readonly { id: string; name: string }[] {
  return defaultRuleset(lang).parties;
}

/**
 * The default chain flattened into one file's JSON (core/routing/layers.ts flattenRuleset), to
 * change in a test (e.g. to switch a regional option on) and compile() without the loader.
 */
export function defaultRulesetJson(): FlatRuleset {
  return structuredClone(flattenRuleset(readRuleChain(undefined).ruleset));
}

export function compile(json: unknown, lang: Lang = 'nl'): CompiledRuleset {
  const parsed = parseRuleset(json);
  if (!parsed.ok) throw new Error(`test rule set invalid: ${JSON.stringify(parsed.issues)}`);
  return compileRuleset(parsed.value, 'test', lang);
}

export function route(overrides: Partial<SituationInput> = {}, ruleset = defaultRuleset()): Decision {
  return decide(situation(overrides), ruleset, workingDays);
}

export const parties = (d: Decision): string[] => d.inform.map((i) => i.party);
export const escalationTypes = (d: Decision): string[] => d.escalations.map((e) => `${e.to}:${e.type}`);
export const ruleIds = (d: Decision): string[] => d.rules.map((r) => r.id);

/** Date `years` years before the reference date, plus `days` days (negative: earlier). */
export function bornYearsAgo(years: number, on = REFERENCE_DATE): string {
  const [y, m, d] = on.split('-');
  return `${Number(y) - years}-${m}-${d}`;
}
