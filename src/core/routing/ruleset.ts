// The rule-set file format, checked in two stages: the zod shape, then named semantic checks
// that return every problem at once, each with its path in the file.
import { z } from 'zod';
import { problem, type FieldIssue, type Problem } from '../problems.js';
import { checkCountingAgreement, countingSchema, type CountingSection } from './counting.js';
import { COUNTED_FACTS, factsOf, LATENESS_FACTS, LATENESS_REPORT_TYPE, SCHOOL_ONLY_FACTS } from './counted-facts.js';
import { localTextSchema } from './local-text.js';
import {
  DEADLINE_FROM,
  ESCALATION_TARGETS,
  FACT_TYPES,
  INFORM_DEADLINE_FROM,
  OPERATOR_FACT_TYPES,
  OPERATORS,
  PARENT_INVOLVEMENT,
  type FactType,
} from './vocabulary.js';


const scalarSchema = z.union([z.number(), z.boolean(), z.string(), z.null()]);

export const factConditionSchema = z.strictObject({
  fact: z.string(),
  op: z.enum(OPERATORS),
  value: z.union([scalarSchema, z.array(z.string())]).optional(),
});
export type FactCondition = z.infer<typeof factConditionSchema>;

export type Condition = FactCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    factConditionSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

const actionTypeSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected-kebab-id' });

export const effectsSchema = z.strictObject({
  /**
   * `todo` marks an inform that is an action the school must still take (consult Veilig Thuis, bring
   * a thuiszitter to the SWV…): the case log tracks it like an escalation until `cases done` ticks it
   * off. An inform without it is information only (the student, the steunpunt).
   */
  inform: z
    .array(
      z.strictObject({
        party: z.string(),
        reason: localTextSchema,
        todo: actionTypeSchema.optional(),
        /** A to-do's term (a step of a school's verzuimprotocol): `workingDays: 0` is the same day. */
        deadline: z.strictObject({ workingDays: z.int().min(0).max(60), from: z.enum(INFORM_DEADLINE_FROM).optional() }).optional(),
      }),
    )
    .optional(),
  escalate: z
    .array(
      z.strictObject({
        to: z.string(),
        type: actionTypeSchema,
        deadline: z
          .strictObject({
            workingDays: z.int().min(0).max(60),
            // The day the term counts from: the reference date, or (for a 16-hours report) the day the
            // threshold was reached when the situation gives it (`unexcusedHoursReachedOn`).
            from: z.enum(DEADLINE_FROM).optional(),
          })
          .optional(),
        reason: localTextSchema,
      }),
    )
    .optional(),
  parents: z
    .strictObject({ involve: z.enum(PARENT_INVOLVEMENT), priority: z.int().min(0), reason: localTextSchema })
    .optional(),
  notes: z.array(localTextSchema).optional(),
});
export type Effects = z.infer<typeof effectsSchema>;

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected-kebab-id' }),
  title: localTextSchema,
  source: z.string().min(1),
  confidence: z.enum(['H', 'M']).optional(),
  enabled: z.boolean().default(true),
  /** Set on rules a region may switch on or off; says what the switch means. */
  regionalOption: localTextSchema.optional(),
  /**
   * The law requires this rule: no layer that extends the one holding it may `disable` it
   * (core/routing/layers.ts). Its `source` names the law.
   */
  binding: z.boolean().optional(),
  /** How `batch --registrations` counts this rule's facts from registrations (documentation only). */
  counting: localTextSchema.optional(),
  when: conditionSchema.optional(),
  then: effectsSchema,
});
export type Rule = z.infer<typeof ruleSchema>;

/** A party a rule may inform: its id (what rules and the JSON output use) and its name for people. */
export const partySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected-kebab-id' }),
  name: z.strictObject({ nl: z.string().min(1), en: z.string().min(1) }),
});
export type PartyDeclaration = z.infer<typeof partySchema>;

/** The Rijksoverheid's regions for school holidays (issue 18 picks the shipped holidays by it). */
export const REGIONS = ['noord', 'midden', 'zuid'] as const;
export type Region = (typeof REGIONS)[number];

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected-kebab-id' });

/**
 * One rule file: a layer. Without `extends` it is a base and carries `counting`; with it, it adds
 * rules and parties to the chain below and switches that chain's rules on or off by id
 * (core/routing/layers.ts merges a chain into one effective rule set).
 */
export const ruleLayerSchema = z.strictObject({
  $schema: z.string().optional(),
  id: kebabId,
  version: z.string().min(1),
  title: localTextSchema,
  /** A shipped rule set's id (`data/rules/<id>.json`) or a path relative to this file. */
  extends: z.string().min(1).optional(),
  /** The school-holiday region of the rule set's schools: batch --registrations uses its shipped holidays without --calendar. */
  region: z.enum(REGIONS).optional(),
  /** The numbers `batch --registrations` counts with, each with its source (core/routing/counting.ts). */
  counting: countingSchema.optional(),
  parties: z.array(partySchema).optional(),
  enable: z.array(z.string()).optional(),
  disable: z.array(z.string()).optional(),
  rules: z.array(ruleSchema).default([]),
});
export type RuleLayer = z.infer<typeof ruleLayerSchema>;

/** A base file that holds a whole rule set (a chain flattened: core/routing/layers.ts flattenRuleset). */
export type FlatRuleset = Omit<RuleLayer, 'extends' | 'enable' | 'disable'> & { counting: CountingSection; parties: PartyDeclaration[] };

/** A layer of a chain as the effective rule set records it: base first. */
export interface LayerMeta {
  id: string;
  version: string;
  sha256: string;
}

/** A rule of the effective set: as in its file, `enabled` after every layer's switches, and its layer. */
export type EffectiveRule = Rule & {
  /** The id of the layer whose file holds the rule. */
  layer: string;
  /** The id of the last layer that switched the rule with `enable`/`disable`, else undefined. */
  switchedBy?: string | undefined;
};

/** A party of the effective set, with the layer that declared it. */
export type EffectiveParty = PartyDeclaration & { layer: string };

/**
 * The effective rule set of a chain (or of one base file): what compileRuleset() takes. `id`,
 * `version` and `title` are the top layer's (the file named); `layers` lists the chain base first.
 */
export interface Ruleset {
  id: string;
  version: string;
  title: Rule['title'];
  region?: Region | undefined;
  counting: CountingSection;
  parties: EffectiveParty[];
  rules: EffectiveRule[];
  layers: LayerMeta[];
}

function checkValue(fact: string, type: FactType, cond: FactCondition, path: string, issues: FieldIssue[]): void {
  const bad = (p: Problem): void => {
    issues.push({ path: `${path}.value`, problem: p });
  };
  const { op, value } = cond;
  if (op === 'isEmpty' || op === 'notEmpty') {
    if (value !== undefined) bad(problem('operator-takes-no-value', { op }));
    return;
  }
  if (value === undefined) return bad(problem('operator-needs-value', { op }));
  const allowed = type.type === 'enum' || type.type === 'list' ? type.values : undefined;
  if (op === 'in' || op === 'notIn') {
    if (!Array.isArray(value) || value.length === 0) return bad(problem('operator-needs-list', { op }));
    for (const v of value) if (allowed && !allowed.includes(v)) bad(problem('not-a-value-of', { value: String(v), fact, values: [...allowed] }));
    return;
  }
  if (Array.isArray(value)) return bad(problem('operator-takes-one-value', { op }));
  if (type.type === 'number' && typeof value !== 'number') return bad(problem('fact-is-number', { fact }));
  if (type.type === 'boolean' && typeof value !== 'boolean' && !(type.nullable && value === null)) {
    return bad(problem('fact-is-boolean', { fact, nullable: Boolean(type.nullable) }));
  }
  if (allowed && (typeof value !== 'string' || !allowed.includes(value))) {
    bad(problem('not-a-value-of', { value: String(value), fact, values: [...allowed] }));
  }
}

function checkCondition(cond: Condition, path: string, issues: FieldIssue[]): void {
  if ('all' in cond) return cond.all.forEach((c, i) => checkCondition(c, `${path}.all[${i}]`, issues));
  if ('any' in cond) return cond.any.forEach((c, i) => checkCondition(c, `${path}.any[${i}]`, issues));
  if ('not' in cond) return checkCondition(cond.not, `${path}.not`, issues);
  // Own properties only: a fact named `__proto__` or `constructor` is unknown, not Object's.
  const type = Object.hasOwn(FACT_TYPES, cond.fact) ? FACT_TYPES[cond.fact] : undefined;
  if (!type) {
    issues.push({ path: `${path}.fact`, problem: problem('unknown-fact', { fact: cond.fact, known: Object.keys(FACT_TYPES) }) });
    return;
  }
  if (!OPERATOR_FACT_TYPES[cond.op].includes(type.type)) {
    issues.push({ path: `${path}.op`, problem: problem('operator-not-for-fact', { op: cond.op, fact: cond.fact, type: type.type }) });
    return;
  }
  checkValue(cond.fact, type, cond, path, issues);
}

function checkEffects(effects: Effects, path: string, parties: readonly string[], issues: FieldIssue[]): void {
  const targets: readonly string[] = ESCALATION_TARGETS;
  const todoTypes = new Map<string, number>();
  effects.inform?.forEach((inform, i) => {
    // The parents are reached through `parents`; a step of a verzuimprotocol (a to-do: a letter, a
    // conversation) may name them, and then obeys the parents rules like any signal (decide.ts).
    if (inform.party === 'ouders' && inform.todo === undefined) {
      issues.push({ path: `${path}.inform[${i}].party`, problem: problem('parents-via-inform') });
    } else if (!parties.includes(inform.party)) {
      issues.push({ path: `${path}.inform[${i}].party`, problem: problem('unknown-party', { party: inform.party, known: [...parties] }) });
    }
    if (inform.deadline !== undefined && inform.todo === undefined) {
      issues.push({ path: `${path}.inform[${i}].deadline`, problem: problem('deadline-needs-todo') });
    }
    if (inform.todo !== undefined) {
      const key = `${inform.party}:${inform.todo}`;
      const first = todoTypes.get(key);
      if (first !== undefined) issues.push({ path: `${path}.inform[${i}].todo`, problem: problem('duplicate-todo', { todo: key, first }) });
      else todoTypes.set(key, i);
    }
  });
  effects.escalate?.forEach((esc, i) => {
    if (!targets.includes(esc.to)) {
      issues.push({ path: `${path}.escalate[${i}].to`, problem: problem('unknown-target', { target: esc.to, known: [...ESCALATION_TARGETS] }) });
    } else if (!parties.includes(esc.to)) {
      // A target the law names, but no layer of the chain declares it (so it has no name to show).
      issues.push({ path: `${path}.escalate[${i}].to`, problem: problem('unknown-party', { party: esc.to, known: [...parties] }) });
    }
  });
  if (effects.parents && !parties.includes('ouders')) {
    // The parents are a party too: a decision that involves them informs `ouders` by that name.
    issues.push({ path: `${path}.parents`, problem: problem('unknown-party', { party: 'ouders', known: [...parties] }) });
  }
  if (!effects.inform?.length && !effects.escalate?.length && !effects.parents && !effects.notes?.length) {
    issues.push({ path, problem: problem('rule-needs-effect') });
  }
}

/**
 * A school's steps: a term from `reachedOn` needs a count in the condition; a report to leerplicht or
 * the RMC may not rest on a school's own count, except the region's lateness report (overig-verzuim).
 */
function checkSteps(rule: Rule, path: string, issues: FieldIssue[]): void {
  const facts = factsOf(rule.when);
  const counts = [...facts].some((f) => COUNTED_FACTS.includes(f));
  rule.then.inform?.forEach((inform, i) => {
    if (inform.deadline?.from === 'reachedOn' && !counts) {
      issues.push({ path: `${path}.then.inform[${i}].deadline.from`, problem: problem('reached-on-counts-nothing', { rule: rule.id }) });
    }
  });
  const schoolFacts = [...facts].filter((f) => SCHOOL_ONLY_FACTS.includes(f));
  if (schoolFacts.length === 0) return;
  const latenessOnly = schoolFacts.every((f) => (LATENESS_FACTS as readonly string[]).includes(f));
  rule.then.escalate?.forEach((esc, i) => {
    if (esc.to !== 'leerplicht' && esc.to !== 'rmc') return;
    if (esc.to === 'leerplicht' && esc.type === LATENESS_REPORT_TYPE && latenessOnly) return;
    const fact = schoolFacts.find((f) => !(LATENESS_FACTS as readonly string[]).includes(f)) ?? schoolFacts[0]!;
    issues.push({ path: `${path}.then.escalate[${i}]`, problem: problem('school-count-escalates', { rule: rule.id, fact, to: esc.to }) });
  });
}

/**
 * Semantic checks of one layer's own rules that the shape cannot express, each issue with its path
 * in that layer's file: duplicate ids, unknown facts and values, parties no layer up to this one
 * declares, and the counting numbers (the base's: a layer inherits them). Returns every problem.
 */
export function checkRules(rules: readonly Rule[], parties: readonly string[], counting: CountingSection): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    const path = `rules[${i}]`;
    const first = seen.get(rule.id);
    if (first !== undefined) issues.push({ path: `${path}.id`, problem: problem('duplicate-rule-id', { id: rule.id, first }) });
    else seen.set(rule.id, i);
    if (rule.when) checkCondition(rule.when, `${path}.when`, issues);
    checkEffects(rule.then, `${path}.then`, parties, issues);
    checkSteps(rule, path, issues);
    if (rule.binding === true && rule.enabled === false) issues.push({ path: `${path}.enabled`, problem: problem('binding-rule-off', { rule: rule.id }) });
  });
  issues.push(...checkCountingAgreement(rules, counting));
  return issues;
}

/** The effective set needs an enabled, unconditional parents rule: decide() always has a parents default. */
export function hasParentsDefault(rules: readonly Rule[]): boolean {
  return rules.some((r) => r.enabled && r.when === undefined && r.then.parents);
}

/**
 * How deep `all`/`any`/`not` may nest. Real rules need three or four levels; the limit keeps the
 * recursive shape check, compiler and explainer far from the stack's end (a 1,000-deep condition
 * overflowed it).
 */
export const MAX_CONDITION_DEPTH = 32;

/** The first condition nested deeper than MAX_CONDITION_DEPTH, found without recursion (before zod recurses into it). */
export function tooDeepConditions(json: unknown): FieldIssue[] {
  const rules = (json as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) return [];
  const issues: FieldIssue[] = [];
  rules.forEach((rule: unknown, i) => {
    if (rule === null || typeof rule !== 'object' || !Object.hasOwn(rule, 'when')) return;
    const stack: { value: unknown; path: string[]; depth: number }[] = [{ value: (rule as { when: unknown }).when, path: [`rules[${i}].when`], depth: 1 }];
    while (stack.length > 0) {
      const { value, path, depth } = stack.pop()!;
      if (value === null || typeof value !== 'object') continue;
      if (depth > MAX_CONDITION_DEPTH) {
        // The first steps and the last one: 33 steps in full would fill the screen.
        const shown = [...path.slice(0, 3), '…', path[path.length - 1]!].join('');
        issues.push({ path: shown, problem: problem('conditions-too-deep', { depth, max: MAX_CONDITION_DEPTH }) });
        return;
      }
      const node = value as Record<string, unknown>;
      for (const key of ['all', 'any'] as const) {
        const list = Object.hasOwn(node, key) ? node[key] : undefined;
        if (Array.isArray(list)) list.forEach((c, k) => stack.push({ value: c, path: [...path, `.${key}[${k}]`], depth: depth + 1 }));
      }
      if (Object.hasOwn(node, 'not')) stack.push({ value: node.not, path: [...path, '.not'], depth: depth + 1 });
    }
  });
  return issues;
}
