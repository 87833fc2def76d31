// The counted facts: what `batch --registrations` counts from the registrations, and how a step of
// a school's verzuimprotocol on each of them fires (docs/handleiding/verzuimprotocol.md):
// - on a school-year count (1 August – 31 July): once per school year;
// - on a count over the last lesweken (a window): once per episode, again only after the count has
//   fallen below the threshold and reached it again.
// A rule that only informs (the school's own people, the pupil, the parents) may compare these
// with any number; a rule that escalates keeps the legal checks (counting.ts, ruleset.ts).
import { ESCALATION_TARGETS } from './vocabulary.js';

/** The school's own counts, over the school year. */
export const SCHOOL_YEAR_FACTS = ['lateArrivalsSchoolYear', 'unexcusedHoursSchoolYear', 'removalsSchoolYear', 'sickReportsSchoolYear'] as const;
/** Counts over the last lesweken: a step on one of them fires once per episode. */
export const WINDOW_FACTS = ['lateArrivals4w', 'unexcusedHours4w'] as const;
/** Lateness: counted only when the code table has a te-laat code. */
export const LATENESS_FACTS = ['lateArrivalsSchoolYear', 'lateArrivals4w'] as const;
/** The counts a step may be reached on (its `reachedOn` is found from the registrations). */
export const STEP_FACTS: readonly string[] = [...SCHOOL_YEAR_FACTS, ...WINDOW_FACTS];
/** Every counted fact, the law's included: a term from `reachedOn` needs a condition on one. */
export const COUNTED_FACTS: readonly string[] = [...STEP_FACTS, 'unexcusedWeeks', 'sickReports12w', 'sickDaysInRow'];
/** Counts of a school only: a report to leerplicht or the RMC may not rest on them (but lateness, as a regional option). */
export const SCHOOL_ONLY_FACTS: readonly string[] = [...SCHOOL_YEAR_FACTS, 'lateArrivals4w'];

/** The type of the one report a region may agree on for frequent lateness. */
export const LATENESS_REPORT_TYPE = 'overig-verzuim';

type AnyCondition = { fact: string; op: string; value?: unknown } | { all: AnyCondition[] } | { any: AnyCondition[] } | { not: AnyCondition };

/** Every fact a condition names. */
export function factsOf(cond: AnyCondition | undefined, out: Set<string> = new Set()): Set<string> {
  if (!cond) return out;
  if ('all' in cond) for (const c of cond.all) factsOf(c, out);
  else if ('any' in cond) for (const c of cond.any) factsOf(c, out);
  else if ('not' in cond) factsOf(cond.not, out);
  else out.add(cond.fact);
  return out;
}

/**
 * The ketenpartners outside the school: the escalation targets the law names and the regional and
 * national partners of the shipped layers. A party a school declares (mentor, teamleider …) is not
 * one of them, and neither are the pupil and the parents.
 */
const EXTERNAL: ReadonlySet<string> = new Set([...ESCALATION_TARGETS, 'swv', 'steunpunt', 'jeugdarts', 'cluster-1', 'cluster-2']);

/**
 * A rule below the law: it escalates nothing and informs only the school's own people (parties a
 * layer declares), the pupil or the parents. Such a rule may count with any number.
 */
export function informsOnly(then: { inform?: { party: string }[] | undefined; escalate?: unknown[] | undefined }): boolean {
  if (then.escalate && then.escalate.length > 0) return false;
  if (!then.inform || then.inform.length === 0) return false;
  return then.inform.every((i) => !EXTERNAL.has(i.party));
}

/** How a rule's step fires: per school year, per episode (a window count), or not a step at all. */
export type StepKind = 'school-year' | 'episode' | null;

export function stepKindOf(cond: AnyCondition | undefined): StepKind {
  const facts = factsOf(cond);
  let kind: StepKind = null;
  for (const f of facts) {
    if ((WINDOW_FACTS as readonly string[]).includes(f)) return 'episode';
    if ((SCHOOL_YEAR_FACTS as readonly string[]).includes(f)) kind = 'school-year';
  }
  return kind;
}
