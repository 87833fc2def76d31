// The test cases beside a rule layer (`data/rules/<id>.cases.json`): a situation and what its
// decision must and must not hold. Checking a case and measuring coverage are pure: the command
// decides, this module compares.
import { z } from 'zod';
import type { Decision } from '../routing/decide.js';
import type { RuleTrace } from '../routing/explain.js';
import { PARENT_INVOLVEMENT, type ParentInvolvement } from '../routing/vocabulary.js';
import { parseSituation, type Situation } from '../routing/situation.js';
import type { FieldIssue } from '../problems.js';
import { zodIssues } from '../zod-problems.js';

const escalationSchema = z.strictObject({ to: z.string().min(1), type: z.string().min(1).optional() });
const todoSchema = z.strictObject({ party: z.string().min(1), type: z.string().min(1).optional() });

const outcomeSchema = z.strictObject({
  escalations: z.array(escalationSchema).optional(),
  informs: z.array(z.string().min(1)).optional(),
  todos: z.array(todoSchema).optional(),
  parents: z.enum(PARENT_INVOLVEMENT).optional(),
});
export type ExpectedOutcome = z.infer<typeof outcomeSchema>;

export const expectSchema = outcomeSchema.extend({ not: outcomeSchema.optional() });
export type Expect = z.infer<typeof expectSchema>;

const caseShapeSchema = z.strictObject({ name: z.string().min(1), situation: z.unknown(), expect: expectSchema });
export const casesFileSchema = z.array(caseShapeSchema);

export interface RuleCase {
  name: string;
  situation: Situation;
  expect: Expect;
}

export type CasesParse = { ok: true; cases: RuleCase[] } | { ok: false; issues: FieldIssue[] };

/**
 * A cases file: the shape, then each situation as `route` reads one — except that the reference
 * date must be given (a case must mean the same tomorrow). Every problem at once, with its path.
 */
export function parseRuleCases(json: unknown): CasesParse {
  const shaped = casesFileSchema.safeParse(json);
  if (!shaped.success) return { ok: false, issues: zodIssues(shaped.error) };
  const issues: FieldIssue[] = [];
  const cases: RuleCase[] = [];
  shaped.data.forEach((c, i) => {
    const parsed = parseSituation(c.situation, '');
    if (!parsed.ok) issues.push(...parsed.issues.map((issue) => ({ path: `[${i}].situation.${issue.path}`.replace(/\.$/, ''), problem: issue.problem })));
    else cases.push({ name: c.name, situation: parsed.value, expect: c.expect });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, cases };
}

/** One thing the decision should have held (`present`) or should not have (`!present`). */
export interface Mismatch {
  what: 'escalation' | 'inform' | 'todo' | 'parents';
  /** `leerplicht:verzuimmelding-16-uur`, `swv`, `yes`… */
  item: string;
  /** true: it had to appear and did not; false: it must not appear and did. */
  present: boolean;
  /** For parents: what the decision said. */
  actual?: ParentInvolvement;
}

const label = (a: string, b: string | undefined): string => (b === undefined ? a : `${a}:${b}`);

function found(decision: Decision, outcome: ExpectedOutcome): { what: Mismatch['what']; item: string; there: boolean }[] {
  const out: { what: Mismatch['what']; item: string; there: boolean }[] = [];
  for (const e of outcome.escalations ?? []) {
    out.push({ what: 'escalation', item: label(e.to, e.type), there: decision.escalations.some((x) => x.to === e.to && (e.type === undefined || x.type === e.type)) });
  }
  for (const party of outcome.informs ?? []) out.push({ what: 'inform', item: party, there: decision.inform.some((x) => x.party === party) });
  for (const t of outcome.todos ?? []) {
    out.push({ what: 'todo', item: label(t.party, t.type), there: decision.todos.some((x) => x.party === t.party && (t.type === undefined || x.type === t.type)) });
  }
  if (outcome.parents !== undefined) out.push({ what: 'parents', item: outcome.parents, there: decision.parents.involve === outcome.parents });
  return out;
}

/** What of the expectation the decision does not meet; empty when the case passes. */
export function checkCase(decision: Decision, expect: Expect): Mismatch[] {
  const actual = decision.parents.involve;
  const withActual = (m: Mismatch): Mismatch => (m.what === 'parents' ? { ...m, actual } : m);
  const missing = found(decision, expect).filter((f) => !f.there).map((f) => withActual({ what: f.what, item: f.item, present: true }));
  const unwanted = expect.not ? found(decision, expect.not).filter((f) => f.there).map((f) => withActual({ what: f.what, item: f.item, present: false })) : [];
  return [...missing, ...unwanted];
}

export interface RuleCoverage {
  id: string;
  layer: string;
  /** Names of the cases in which the rule fired. */
  fired: number;
  /** In how many it stayed silent (its conditions did not hold, or its parents effect was outranked). */
  silent: number;
  /** A rule without conditions cannot stay silent: it needs only to fire. */
  unconditional: boolean;
  covered: boolean;
}

/**
 * Coverage as `opa test --coverage` has it for policies: each enabled rule must fire in one case
 * and stay silent in another, so both sides of its conditions are exercised.
 */
export function measureCoverage(rules: readonly { id: string; layer: string; active: boolean; unconditional: boolean }[], traces: readonly RuleTrace[][]): RuleCoverage[] {
  const fired = new Map<string, number>();
  const silent = new Map<string, number>();
  for (const trace of traces) {
    for (const t of trace) {
      if (t.status === 'fired') fired.set(t.id, (fired.get(t.id) ?? 0) + 1);
      else if (t.status === 'not-met' || t.status === 'overridden') silent.set(t.id, (silent.get(t.id) ?? 0) + 1);
    }
  }
  return rules
    .filter((r) => r.active)
    .map((r) => {
      const f = fired.get(r.id) ?? 0;
      const s = silent.get(r.id) ?? 0;
      return { id: r.id, layer: r.layer, fired: f, silent: s, unconditional: r.unconditional, covered: f > 0 && (s > 0 || r.unconditional) };
    });
}
