// Which unanswered situation fields can still change the decision — worked out from the rule set
// itself, not from a hand-kept list, so that a region's own rule set (--rules) gets the right
// questions too and the intake never holds a second copy of the rules.
//
// Method: a three-valued reading of every rule condition. A known field has one value; an unknown
// field ranges over a few values that fall on each side of every threshold the rules compare it with
// (so every outcome of every comparison is reachable). A derived fact (age, leerplichtig, rmc,
// thuiszitter…) ranges over what deriveFacts() gives for every combination of its unknown inputs. A
// condition is then true, false, or undecided; an undecided rule depends on the unknown fields in its
// undecided parts. A field that no undecided rule depends on cannot change which rules fire, so asking
// it cannot change the outcome. Treating facts as independent can only make more conditions
// undecided, i.e. ask more, never less (test/core/intake-plan.test.ts checks this against decide()).
import { compileFactCondition, type CompiledRuleset, type FactValue, type Test } from '../routing/compile.js';
import { ageOn, parseIsoDate } from '../dates.js';
import { deriveFacts, FULL_SCHOOL_YEARS, THUISZITTER_WEEKS, type DerivedFacts } from '../routing/facts.js';
import type { Condition, FactCondition } from '../routing/ruleset.js';
import { FIELD_KINDS, SITUATION_FIELDS, situationInputSchema, type Situation, type SituationField } from '../routing/situation.js';
import { isDerivedFact, type DerivedFactName } from '../routing/vocabulary.js';

/** Field values known so far (from flags, answers, or a default chosen for a skipped question). */
export type Known = Partial<Record<SituationField, unknown>>;

/** The situation fields deriveFacts() reads besides the two dates (a test keeps this list honest). */
export const DERIVED_FACT_INPUTS: readonly SituationField[] = ['schoolYearsCompleted', 'startkwalificatie', 'exemption', 'weeksWithoutPlace'];

/** The schema's default for a field (undefined for an optional field or a required one). */
export function defaultOf(field: SituationField): unknown {
  const result = situationInputSchema.shape[field].safeParse(undefined);
  return result.success ? result.data : undefined;
}

const DEFAULTS: Readonly<Record<string, unknown>> = Object.fromEntries(SITUATION_FIELDS.map((f) => [f, defaultOf(f)]));

/**
 * Completed school years cannot exceed the years since the 4th birthday (no one starts school
 * earlier and a school year takes a year). Without this bound every 14-year-old would be asked about
 * the twelve-school-years end of leerplicht, which only an impossible answer could trigger.
 */
export function maxPlausibleSchoolYears(age: number): number {
  return Math.max(0, age - 4);
}

const thresholdCache = new WeakMap<CompiledRuleset, Map<string, number[]>>();

/** Every number a rule compares each fact with. */
function thresholds(ruleset: CompiledRuleset): Map<string, number[]> {
  let out = thresholdCache.get(ruleset);
  if (out) return out;
  const found = new Map<string, number[]>();
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if (typeof c.value === 'number') found.set(c.fact, [...(found.get(c.fact) ?? []), c.value]);
  };
  for (const rule of ruleset.active) if (rule.when) walk(rule.when);
  out = found;
  thresholdCache.set(ruleset, out);
  return out;
}

/** Values on each side of and at every threshold; whole numbers only for a count. */
function numbersAround(points: readonly number[], whole: boolean): number[] {
  const out = new Set<number>([0]);
  for (const t of points) {
    for (const v of [t - 1, t - 0.5, t, t + 0.5, t + 1]) {
      if (v < 0) continue;
      if (whole) {
        out.add(Math.floor(v));
        out.add(Math.ceil(v));
      } else out.add(v);
    }
  }
  return [...out].sort((a, b) => a - b);
}

const candidateCache = new WeakMap<CompiledRuleset, Map<string, readonly unknown[]>>();

/** The values an unknown field may take, as far as the rules can tell them apart. */
export function candidateValues(field: SituationField, ruleset: CompiledRuleset, age: number): readonly unknown[] {
  let cache = candidateCache.get(ruleset);
  if (!cache) candidateCache.set(ruleset, (cache = new Map()));
  const key = `${field}|${age}`;
  let values = cache.get(key);
  if (!values) cache.set(key, (values = computeCandidates(field, ruleset, age)));
  return values;
}

function computeCandidates(field: SituationField, ruleset: CompiledRuleset, age: number): readonly unknown[] {
  const kind = FIELD_KINDS[field];
  switch (kind.kind) {
    case 'boolean':
      return [false, true];
    case 'nullableBoolean':
      return [null, false, true];
    case 'enum':
      return kind.values;
    case 'enumList':
      return [[], ...kind.values.map((v) => [v]), [...kind.values]];
    case 'count':
    case 'amount': {
      const points = [...(thresholds(ruleset).get(field) ?? [])];
      if (field === 'weeksWithoutPlace') points.push(THUISZITTER_WEEKS);
      const whole = kind.kind === 'count';
      if (field !== 'schoolYearsCompleted') return numbersAround(points, whole);
      points.push(FULL_SCHOOL_YEARS);
      const max = maxPlausibleSchoolYears(age);
      return [undefined, ...numbersAround(points, whole).filter((n) => n <= max)];
    }
    default:
      return []; // the student number and the dates are always asked first
  }
}

interface FactSpace {
  values: Map<string, FactValue[]>;
  /** For each derived fact, the unknown inputs that can change it. */
  inputsOf: Map<string, Set<SituationField>>;
}

const factSpaceCache = new WeakMap<CompiledRuleset, Map<string, FactSpace>>();

/** factSpace(), remembered: an intake asks for it once per field with mostly the same inputs. */
function cachedFactSpace(known: Known, ruleset: CompiledRuleset, age: number): FactSpace {
  let cache = factSpaceCache.get(ruleset);
  if (!cache || cache.size > 10_000) factSpaceCache.set(ruleset, (cache = new Map()));
  const key = JSON.stringify([known.birthDate, known.referenceDate, ...DERIVED_FACT_INPUTS.map((f) => (f in known ? [known[f]] : null))]);
  let space = cache.get(key);
  if (!space) cache.set(key, (space = factSpace(known, ruleset, age)));
  return space;
}

/** Every combination of the unknown inputs of deriveFacts(): a few dozen at most. */
function factSpace(known: Known, ruleset: CompiledRuleset, age: number): FactSpace {
  const base = { ...DEFAULTS, ...known } as unknown as Situation;
  const unknown = DERIVED_FACT_INPUTS.filter((f) => !(f in known));
  const domains = unknown.map((f) => candidateValues(f, ruleset, age));
  const combos: { index: number[]; facts: DerivedFacts }[] = [];
  const walk = (i: number, index: number[], s: Situation): void => {
    if (i === unknown.length) {
      combos.push({ index, facts: deriveFacts(s) });
      return;
    }
    domains[i]!.forEach((v, k) => walk(i + 1, [...index, k], { ...s, [unknown[i]!]: v }));
  };
  walk(0, [], base);

  const values = new Map<string, FactValue[]>();
  const inputsOf = new Map<string, Set<SituationField>>();
  for (const name of Object.keys(combos[0]!.facts) as DerivedFactName[]) {
    values.set(name, [...new Set(combos.map((c) => c.facts[name]))]);
    const inputs = new Set<SituationField>();
    unknown.forEach((field, i) => {
      // Does changing only this input change the fact? Group the combinations by the other inputs.
      const seen = new Map<string, FactValue>();
      for (const c of combos) {
        const key = c.index.filter((_, j) => j !== i).join(',');
        const v = c.facts[name];
        if (!seen.has(key)) seen.set(key, v);
        else if (seen.get(key) !== v) {
          inputs.add(field);
          break;
        }
      }
    });
    inputsOf.set(name, inputs);
  }
  return { values, inputsOf };
}

const enum Tri {
  False,
  True,
  Undecided,
}

interface Reading {
  tri: Tri;
  /** The unknown fields the undecided parts depend on (empty when decided). */
  deps: Set<SituationField>;
}

interface Context {
  known: Known;
  ruleset: CompiledRuleset;
  age: number;
  facts: FactSpace;
}

const testCache = new WeakMap<FactCondition, Test>();
const NO_SITUATION = {} as Situation;
const NO_FACTS = {} as DerivedFacts;
const DECIDED: Set<SituationField> = new Set();

function readLeaf(cond: FactCondition, ctx: Context): Reading {
  let test = testCache.get(cond);
  if (!test) {
    test = compileFactCondition(cond);
    testCache.set(cond, test);
  }
  const derived = isDerivedFact(cond.fact);
  const field = cond.fact as SituationField;
  const values: readonly unknown[] = derived
    ? ctx.facts.values.get(cond.fact)!
    : field in ctx.known
      ? [ctx.known[field]]
      : candidateValues(field, ctx.ruleset, ctx.age);
  let sawTrue = false;
  let sawFalse = false;
  for (const v of values) {
    const held = derived ? test(NO_SITUATION, { [cond.fact]: v } as unknown as DerivedFacts) : test({ [field]: v } as unknown as Situation, NO_FACTS);
    if (held) sawTrue = true;
    else sawFalse = true;
  }
  if (!(sawTrue && sawFalse)) return { tri: sawTrue ? Tri.True : Tri.False, deps: DECIDED };
  return { tri: Tri.Undecided, deps: derived ? ctx.facts.inputsOf.get(cond.fact)! : new Set([field]) };
}

function read(cond: Condition, ctx: Context): Reading {
  if ('not' in cond) {
    const inner = read(cond.not, ctx);
    return inner.tri === Tri.Undecided ? inner : { tri: inner.tri === Tri.True ? Tri.False : Tri.True, deps: DECIDED };
  }
  if ('all' in cond || 'any' in cond) {
    const isAll = 'all' in cond;
    const parts = (isAll ? cond.all : cond.any).map((c) => read(c, ctx));
    const decisive = isAll ? Tri.False : Tri.True; // one false part decides an all, one true part an any
    if (parts.some((p) => p.tri === decisive)) return { tri: decisive, deps: DECIDED };
    const open = parts.filter((p) => p.tri === Tri.Undecided);
    if (open.length === 0) return { tri: isAll ? Tri.True : Tri.False, deps: DECIDED };
    const deps = new Set<SituationField>();
    for (const p of open) for (const d of p.deps) deps.add(d);
    return { tri: Tri.Undecided, deps };
  }
  return readLeaf(cond, ctx);
}

/**
 * The fields not in `known` whose value can still change which rules fire. `known` must hold a
 * valid birth date and reference date; without them every unknown field counts as relevant.
 */
export function relevantFields(known: Known, ruleset: CompiledRuleset): Set<SituationField> {
  const birth = typeof known.birthDate === 'string' ? parseIsoDate(known.birthDate) : undefined;
  const reference = typeof known.referenceDate === 'string' ? parseIsoDate(known.referenceDate) : undefined;
  if (!birth || !reference) return new Set(SITUATION_FIELDS.filter((f) => !(f in known)));
  const age = ageOn(birth, reference);
  const ctx: Context = { known, ruleset, age, facts: cachedFactSpace(known, ruleset, age) };
  const out = new Set<SituationField>();
  for (const rule of ruleset.active) {
    const r: Reading = rule.when ? read(rule.when, ctx) : { tri: Tri.True, deps: DECIDED };
    if (r.tri === Tri.Undecided) for (const d of r.deps) out.add(d);
    // Not a condition but the start of a term: worth asking whenever a rule that counts from it may fire.
    if (r.tri !== Tri.False && rule.then.escalate.some((e) => e.workingDays !== null && e.from === 'unexcusedHoursReachedOn')) {
      if (!('unexcusedHoursReachedOn' in known)) out.add('unexcusedHoursReachedOn');
    }
    if (r.tri !== Tri.False && rule.then.inform.some((i) => i.workingDays !== null && i.from === 'reachedOn')) {
      if (!('reachedOn' in known)) out.add('reachedOn');
    }
  }
  return out;
}
