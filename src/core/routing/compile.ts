// Compiles a checked rule set once into closures, so deciding a situation never re-reads JSON:
// each condition becomes a function of (situation, derived facts), each text is resolved to one
// language up front.
import { countingNumbers, type Counting } from './counting.js';
import type { DerivedFacts } from './facts.js';
import type { Condition, EffectiveRule, FactCondition, LayerMeta, Region, Ruleset } from './ruleset.js';
import type { LocalText } from './local-text.js';
import type { Situation } from './situation.js';
import { isDerivedFact, type DeadlineFrom, type EscalationTarget, type FactName, type InformDeadlineFrom, type ParentInvolvement, type Party } from './vocabulary.js';

export type Lang = 'nl' | 'en';

export type FactValue = number | boolean | string | null | undefined | readonly string[];
type Getter = (s: Situation, d: DerivedFacts) => FactValue;
export type Test = (s: Situation, d: DerivedFacts) => boolean;

export interface CompiledEffects {
  /**
   * `todo`: the action type when this inform is a to-do the case log tracks, else null. `slot`: the
   * party's place in the rule set's party order (CompiledRuleset.parties), found once here.
   * `workingDays`/`from`: a to-do's term (a step of a school's verzuimprotocol).
   */
  inform: { party: Party; slot: number; reason: string; todo: string | null; workingDays: number | null; from: InformDeadlineFrom }[];
  escalate: { to: EscalationTarget; slot: number; type: string; workingDays: number | null; from: DeadlineFrom; reason: string }[];
  parents: { involve: ParentInvolvement; priority: number; reason: string } | null;
  notes: string[];
}

/** How a decision cites a rule: made once per rule and shared by every decision that cites it. */
export type RuleRef = Readonly<{ id: string; title: string; source: string; layer: string }>;

export interface CompiledRule {
  id: string;
  ref: RuleRef;
  title: string;
  source: string;
  /** The id of the layer whose file holds the rule. */
  layer: string;
  /** The law requires it: no layer above may switch it off. */
  binding: boolean;
  /** The layer that last switched the rule on or off with `enable`/`disable`, else null. */
  switchedBy: string | null;
  enabled: boolean;
  regionalOption: string | null;
  when: Condition | undefined;
  test: Test;
  then: CompiledEffects;
}

/** Which rule set decided: the file named (id, version, sha256 of its bytes) and its chain, base first. */
export interface RulesetMeta {
  id: string;
  version: string;
  sha256: string;
  layers: LayerMeta[];
}

/** A party of the rule set, its name in the language compiled for, and the layer that declared it. */
export interface CompiledParty {
  id: string;
  name: string;
  layer: string;
}

export interface CompiledRuleset {
  meta: RulesetMeta;
  title: string;
  lang: Lang;
  /** Every rule, enabled or not, in file order (for --explain). */
  rules: CompiledRule[];
  /** Only the enabled ones, which is what decide() walks. */
  active: CompiledRule[];
  /** Every party the chain declares, in declaration order (the order a decision lists them in). */
  parties: CompiledParty[];
  /** A party's place in `parties`. */
  partyIndex: ReadonlyMap<string, number>;
  /** The place of `ouders` (a parents effect informs them), found once. */
  parentsSlot: number;
  region: Region | undefined;
  /** The numbers `batch --registrations` counts periods with. */
  counting: Counting;
}

export function localize(text: LocalText, lang: Lang): string {
  if (typeof text === 'string') return text;
  return lang === 'en' ? (text.en ?? text.nl) : text.nl;
}

/**
 * One accessor per fact, each its own function: `s[fact]` with a variable name is a megamorphic
 * property load, which `batch` would pay for every condition of every rule on every row.
 */
const GETTERS: { readonly [K in FactName]: Getter } = {
  educationType: (s) => s.educationType,
  enrolled: (s) => s.enrolled,
  startkwalificatie: (s) => s.startkwalificatie,
  exemption: (s) => s.exemption,
  schoolYearsCompleted: (s) => s.schoolYearsCompleted,
  unexcusedHours4w: (s) => s.unexcusedHours4w,
  unexcusedWeeks: (s) => s.unexcusedWeeks,
  luxuryAbsence: (s) => s.luxuryAbsence,
  sickReports12w: (s) => s.sickReports12w,
  sickDaysInRow: (s) => s.sickDaysInRow,
  lateArrivalsSchoolYear: (s) => s.lateArrivalsSchoolYear,
  lateArrivals4w: (s) => s.lateArrivals4w,
  unexcusedHoursSchoolYear: (s) => s.unexcusedHoursSchoolYear,
  removalsSchoolYear: (s) => s.removalsSchoolYear,
  sickReportsSchoolYear: (s) => s.sickReportsSchoolYear,
  deregistered: (s) => s.deregistered,
  enrolledElsewhere: (s) => s.enrolledElsewhere,
  weeksWithoutPlace: (s) => s.weeksWithoutPlace,
  placeProspect: (s) => s.placeProspect,
  truancyOnly: (s) => s.truancyOnly,
  supportNeed: (s) => s.supportNeed,
  schoolCanSupport: (s) => s.schoolCanSupport,
  suitablePlaceFound: (s) => s.suitablePlaceFound,
  swvInvolved: (s) => s.swvInvolved,
  sensoryNeed: (s) => s.sensoryNeed,
  medicalCareFunding: (s) => s.medicalCareFunding,
  danger: (s) => s.danger,
  abuseSuspected: (s) => s.abuseSuspected,
  studentAllowsParents: (s) => s.studentAllowsParents,
  age: (_s, d) => d.age,
  leerplicht: (_s, d) => d.leerplicht,
  leerplichtig: (_s, d) => d.leerplichtig,
  rmc: (_s, d) => d.rmc,
  thuiszitter: (_s, d) => d.thuiszitter,
};

function getter(fact: string): Getter {
  if (Object.hasOwn(GETTERS, fact)) return GETTERS[fact as FactName];
  // checkRuleset() only lets known facts through; this keeps an unchecked rule set working.
  if (isDerivedFact(fact)) return (_s, d) => d[fact];
  return (s) => (Object.hasOwn(s, fact) ? (s as unknown as Record<string, FactValue>)[fact] : undefined);
}

/** The meaning of each operator. `undefined` (an optional fact not given) never satisfies a comparison. */
export function compileFactCondition(cond: FactCondition): Test {
  const get = getter(cond.fact);
  const v = cond.value;
  switch (cond.op) {
    case 'eq':
      return (s, d) => get(s, d) === v;
    case 'ne':
      return (s, d) => get(s, d) !== v;
    case 'lt':
      return (s, d) => (get(s, d) as number) < (v as number);
    case 'lte':
      return (s, d) => (get(s, d) as number) <= (v as number);
    case 'gt':
      return (s, d) => (get(s, d) as number) > (v as number);
    case 'gte':
      return (s, d) => (get(s, d) as number) >= (v as number);
    case 'in': {
      const set = new Set(v as string[]);
      return (s, d) => set.has(get(s, d) as string);
    }
    case 'notIn': {
      const set = new Set(v as string[]);
      return (s, d) => !set.has(get(s, d) as string);
    }
    case 'includes':
      return (s, d) => (get(s, d) as readonly string[]).includes(v as string);
    case 'isEmpty':
      return (s, d) => (get(s, d) as readonly string[]).length === 0;
    case 'notEmpty':
      return (s, d) => (get(s, d) as readonly string[]).length > 0;
  }
}

export function compileCondition(cond: Condition): Test {
  if ('all' in cond) {
    const parts = cond.all.map(compileCondition);
    if (parts.length === 1) return parts[0]!;
    if (parts.length === 2) {
      const [a, b] = parts as [Test, Test];
      return (s, d) => a(s, d) && b(s, d);
    }
    // a loop, not every(): no closure per test (rules are tested millions of times in a board's export)
    return (s, d) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(s, d)) return false;
      return true;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map(compileCondition);
    if (parts.length === 1) return parts[0]!;
    return (s, d) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(s, d)) return true;
      return false;
    };
  }
  if ('not' in cond) {
    const inner = compileCondition(cond.not);
    return (s, d) => !inner(s, d);
  }
  return compileFactCondition(cond);
}

const always: Test = () => true;

function compileRule(rule: EffectiveRule, lang: Lang, partyIndex: ReadonlyMap<string, number>): CompiledRule {
  const then = rule.then;
  const title = localize(rule.title, lang);
  // checkRules() only lets declared parties through.
  const slot = (party: string): number => partyIndex.get(party)!;
  return {
    id: rule.id,
    ref: Object.freeze({ id: rule.id, title, source: rule.source, layer: rule.layer }),
    title,
    source: rule.source,
    layer: rule.layer,
    binding: rule.binding === true,
    switchedBy: rule.switchedBy ?? null,
    enabled: rule.enabled,
    regionalOption: rule.regionalOption ? localize(rule.regionalOption, lang) : null,
    when: rule.when,
    test: rule.when ? compileCondition(rule.when) : always,
    then: {
      inform: (then.inform ?? []).map((i) => ({
        party: i.party,
        slot: slot(i.party),
        reason: localize(i.reason, lang),
        todo: i.todo ?? null,
        workingDays: i.deadline ? i.deadline.workingDays : null,
        from: i.deadline?.from ?? 'referenceDate',
      })),
      escalate: (then.escalate ?? []).map((e) => ({
        to: e.to as EscalationTarget,
        slot: slot(e.to),
        type: e.type,
        workingDays: e.deadline ? e.deadline.workingDays : null,
        from: e.deadline?.from ?? 'referenceDate',
        reason: localize(e.reason, lang),
      })),
      parents: then.parents
        ? { involve: then.parents.involve, priority: then.parents.priority, reason: localize(then.parents.reason, lang) }
        : null,
      notes: (then.notes ?? []).map((n) => localize(n, lang)),
    },
  };
}

/**
 * `ruleset` must be the checked effective set of a chain (io/rules/read-ruleset.ts, or parseRuleset() for
 * a value); `sha256` is of the file named, the top layer. Compiled once per run.
 */
export function compileRuleset(ruleset: Ruleset, sha256: string, lang: Lang): CompiledRuleset {
  const parties = ruleset.parties.map((p) => ({ id: p.id, name: p.name[lang], layer: p.layer }));
  const partyIndex = new Map(parties.map((p, i) => [p.id, i]));
  const rules = ruleset.rules.map((r) => compileRule(r, lang, partyIndex));
  const layers = ruleset.layers.map((l, i) => (i === ruleset.layers.length - 1 ? { ...l, sha256 } : l));
  return {
    meta: { id: ruleset.id, version: ruleset.version, sha256, layers },
    title: localize(ruleset.title, lang),
    lang,
    rules,
    active: rules.filter((r) => r.enabled),
    parties,
    partyIndex,
    // checkRules() refuses a parents effect without the party `ouders`; -1 only in a set without one.
    parentsSlot: partyIndex.get('ouders') ?? -1,
    region: ruleset.region,
    counting: countingNumbers(ruleset.counting),
  };
}
