// The numbers `batch --registrations` counts with (16 hours in 4 lesweken, more than 4 weeks,
// herhaalmeldingen once per 7 days, …): a section of the rule set, each number with its source, so
// that a Samenwerkingsverband reads them in the one rule file beside the rules that judge them.
//
// The rules' conditions on the counted facts must agree with these numbers: the counting makes a
// 16-uur period when 16 hours are reached, so a rule that fires at `unexcusedHours4w gte 12` would
// judge periods the counting never makes (and `route` would say something `batch` never does).
// Such a rule set is refused at load, naming the rule, the field and the number it contradicts —
// not repaired by deriving one from the other: a condition can be nested, negated or shared by two
// rules (16 hours: leerplicht and RMC), and several numbers (4 lesweken, 12 lesweken, 7 days, 4
// repeats) appear in no condition at all, so only the explicit section can carry every number and
// its source; the check keeps the two from drifting apart.
import { z } from 'zod';
import { problem, type FieldIssue } from '../problems.js';
import { informsOnly } from './counted-facts.js';
import { localTextSchema } from './local-text.js';

/** `title`: what the number is, for the reader of the rule file; `source`: where it comes from. */
function numberEntry(value: z.ZodNumber) {
  return z.strictObject({ value, title: localTextSchema, source: z.string().min(1) });
}

const positiveInt = (max: number): z.ZodNumber => z.int().min(1).max(max);

export const countingSchema = z.strictObject({
  /** Unexcused hours (lesuren VO, klokuren PO) that make a verzuimmelding. */
  hours: numberEntry(z.number().positive().max(200)),
  /** … within this many consecutive lesweken. */
  hoursWeeks: numberEntry(positiveInt(12)),
  /** Langdurig relatief verzuim: more than this many weeks in a row. */
  langdurigWeeks: numberEntry(positiveInt(52)),
  /** 18+ without startkwalificatie: at least this many weeks in a row → RMC. */
  rmcWeeks: numberEntry(positiveInt(52)),
  /** MAZL: this many sick reports … */
  sickReports: numberEntry(positiveInt(60)),
  /** … within this many lesweken. */
  sickReportWeeks: numberEntry(positiveInt(52)),
  /** MAZL: this many school days sick in a row. */
  sickDays: numberEntry(positiveInt(60)),
  /**
   * Continuous absence after a melding: at most one herhaalmelding per this many calendar days.
   * At most 7: DUO allows one per 7 days, no fewer (a region may report more often); and a deadline
   * of 5 working days after a school day is at least 7 days on, so a herhaalmelding is never due
   * before the day it may be made (core/absence/sixteen-hours.ts).
   */
  repeatDays: numberEntry(positiveInt(7)),
  /** … and at most this many herhaalmeldingen in one continuous run. */
  repeatMax: numberEntry(z.int().min(0).max(20)),
});
export type CountingSection = z.infer<typeof countingSchema>;

/** The numbers alone, as the counting (core/absence) takes them. */
export type Counting = { readonly [K in keyof CountingSection]: number };

export function countingNumbers(section: CountingSection): Counting {
  const out = {} as Record<keyof CountingSection, number>;
  for (const key of Object.keys(section) as (keyof CountingSection)[]) out[key] = section[key].value;
  return out;
}

/** A comparison a rule may make on a counted fact, and the counting number it stands for. */
interface Allowed {
  op: string;
  number: keyof CountingSection;
}

/**
 * Per counted fact, the comparisons that agree with the counting: the threshold itself and its
 * complement (`lt 16` is "not yet a report"). A comparison with 0 ("any absence", "none") is
 * always allowed: it names no threshold.
 */
const COUNTED_FACTS: Readonly<Record<string, readonly Allowed[]>> = {
  unexcusedHours4w: [
    { op: 'gte', number: 'hours' },
    { op: 'lt', number: 'hours' },
  ],
  unexcusedWeeks: [
    { op: 'gt', number: 'langdurigWeeks' },
    { op: 'lte', number: 'langdurigWeeks' },
    { op: 'gte', number: 'rmcWeeks' },
    { op: 'lt', number: 'rmcWeeks' },
  ],
  sickReports12w: [
    { op: 'gte', number: 'sickReports' },
    { op: 'lt', number: 'sickReports' },
  ],
  sickDaysInRow: [
    { op: 'gte', number: 'sickDays' },
    { op: 'lt', number: 'sickDays' },
  ],
};

/** Structurally the rule set's Condition (not imported: ruleset.ts imports this module). */
type AnyCondition = { fact: string; op: string; value?: unknown } | { all: AnyCondition[] } | { any: AnyCondition[] } | { not: AnyCondition };

function checkCondition(ruleId: string, cond: AnyCondition, path: string, counting: CountingSection, issues: FieldIssue[]): void {
  if ('all' in cond) return cond.all.forEach((c, i) => checkCondition(ruleId, c, `${path}.all[${i}]`, counting, issues));
  if ('any' in cond) return cond.any.forEach((c, i) => checkCondition(ruleId, c, `${path}.any[${i}]`, counting, issues));
  if ('not' in cond) return checkCondition(ruleId, cond.not, `${path}.not`, counting, issues);
  const allowed = Object.hasOwn(COUNTED_FACTS, cond.fact) ? COUNTED_FACTS[cond.fact]! : undefined;
  if (!allowed || typeof cond.value !== 'number' || cond.value === 0) return;
  if (allowed.some((a) => a.op === cond.op && counting[a.number].value === cond.value)) return;
  const numbers = [...new Set(allowed.map((a) => a.number))];
  issues.push({
    path: `${path}.value`,
    problem: problem('counting-contradicts', {
      rule: ruleId,
      fact: cond.fact,
      op: cond.op,
      value: cond.value,
      counting: numbers.map((n) => ({ field: `counting.${n}.value`, value: counting[n].value })),
      expected: allowed.map((a) => `${a.op} ${counting[a.number].value}`),
    }),
  });
}

type CheckedRule = { id: string; when?: AnyCondition | undefined; then?: { inform?: { party: string }[] | undefined; escalate?: unknown[] | undefined } };

/**
 * Every rule condition (enabled or not: a region may switch a rule on) against the counting numbers —
 * except a rule below the law, that only informs the school's own people, the pupil or the parents
 * (a step of a verzuimprotocol: "8 hours in 4 lesweken, the teamleider invites the parents"): a
 * school counts what it wants. A rule that escalates keeps the check.
 */
export function checkCountingAgreement(rules: readonly CheckedRule[], counting: CountingSection): FieldIssue[] {
  const issues: FieldIssue[] = [];
  rules.forEach((rule, i) => {
    if (rule.then && informsOnly(rule.then)) return;
    if (rule.when) checkCondition(rule.id, rule.when, `rules[${i}].when`, counting, issues);
  });
  return issues;
}
