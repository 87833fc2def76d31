// The student situation: one schema for JSON input, CSV rows and the intake prompts.
// Field names are part of the public contract (README, `route --json`, batch column mapping).
import { z } from 'zod';
import { parseIsoDate, toDayNumber } from '../dates.js';
import { textProblem, type TextProblem } from '../privacy.js';
import { problem, type FieldIssue, type Problem } from '../problems.js';
import { zodIssues } from '../zod-problems.js';
import { normalizeStudentRef } from '../student-ref.js';

export const EDUCATION_TYPES = ['po', 'so', 'vo', 'vso', 'pro', 'mbo'] as const;
export const SUPPORT_NEEDS = ['gedrag', 'leren', 'gezondheid'] as const;
export const SENSORY_NEEDS = ['none', 'visueel', 'auditief', 'taal-spraak'] as const;

// `error` names a problem kind (core/zod-problems.ts maps it); messages never quote the input.
export const isoDateSchema = z
  .string({ error: 'expected-iso-date' })
  .refine((text) => parseIsoDate(text) !== undefined, {
    error: (issue) => (/^\d{4}-\d{2}-\d{2}$/.test(String(issue.input)) ? 'not-a-calendar-date' : 'expected-iso-date'),
  })
  .meta({ description: 'a day, YYYY-MM-DD' });

/** Why a student number is refused: the problem kind (core/zod-problems.ts; messages never quote it). */
export const STUDENT_REF_PROBLEMS: { readonly [P in TextProblem]: string } = {
  bsn: 'looks-like-bsn',
  'control-char': 'has-control-char',
  'lone-surrogate': 'has-broken-char',
};

/**
 * The school's student number, in its one spelling (core/student-ref.ts: `l 1001` is `L1001`), held
 * to the privacy guard (core/privacy.ts): no BSN in any form, no control or broken characters.
 */
export const studentRefSchema = z
  .string({ error: 'expected-student-ref' })
  .transform(normalizeStudentRef)
  .pipe(
    z
      .string()
      .min(1, { error: 'must-not-be-empty' })
      .max(64, { error: 'at-most-chars' })
      .superRefine((ref, ctx) => {
        const refused = textProblem(ref);
        if (refused !== undefined) ctx.addIssue({ code: 'custom', message: STUDENT_REF_PROBLEMS[refused], input: undefined });
      }),
  );

/**
 * Upper bounds of the number fields: the most the fact can be, with room to spare, so that a
 * nine-digit number (a BSN typed into the wrong column) is refused as a value instead of stored.
 * - hours in 4 school weeks: 4 weeks × 5 days × 10 lesuren = 200;
 * - weeks (absent, without a place): a whole school career, 20 years × 52 weeks = 1040;
 * - sick reports in 12 school weeks: at most one a school day, 12 × 5 = 60;
 * - school days sick in a row: 20 years × 52 weeks × 5 days = 5200;
 * - school years completed: 20 (the schema had this bound already).
 */
export const NUMBER_LIMITS = {
  unexcusedHours4w: 200,
  unexcusedWeeks: 1040,
  weeksWithoutPlace: 1040,
  sickReports12w: 60,
  sickDaysInRow: 5200,
  schoolYearsCompleted: 20,
  // A school year has about 200 school days of at most 16 lessons: lateness and removals are per lesson.
  lateArrivalsSchoolYear: 3200,
  lateArrivals4w: 320,
  unexcusedHoursSchoolYear: 3200,
  removalsSchoolYear: 3200,
  sickReportsSchoolYear: 200,
} as const;
export type NumberField = keyof typeof NUMBER_LIMITS;

const atMost = (field: NumberField) => ({ error: field === 'schoolYearsCompleted' ? 'at-most-school-years' : 'at-most' });
const count = (field: NumberField) => z.int({ error: 'expected-count' }).min(0, { error: 'expected-count' }).max(NUMBER_LIMITS[field], atMost(field));
const amount = (field: NumberField) => z.number({ error: 'expected-amount' }).min(0, { error: 'expected-amount' }).max(NUMBER_LIMITS[field], atMost(field));

export const situationInputSchema = z.strictObject({
  studentRef: studentRefSchema,
  referenceDate: isoDateSchema.optional(),
  birthDate: isoDateSchema,
  educationType: z.enum(EDUCATION_TYPES).default('vo'),
  enrolled: z.boolean().default(true),
  startkwalificatie: z.boolean().default(false),
  exemption: z.boolean().default(false),
  schoolYearsCompleted: count('schoolYearsCompleted').optional(),
  unexcusedHours4w: amount('unexcusedHours4w').default(0),
  unexcusedHoursReachedOn: isoDateSchema.optional(),
  unexcusedWeeks: amount('unexcusedWeeks').default(0),
  luxuryAbsence: z.boolean().default(false),
  sickReports12w: count('sickReports12w').default(0),
  sickDaysInRow: count('sickDaysInRow').default(0),
  // The school's own counts (a verzuimprotocol below the law): school year 1 August – 31 July.
  lateArrivalsSchoolYear: count('lateArrivalsSchoolYear').default(0),
  lateArrivals4w: count('lateArrivals4w').default(0),
  unexcusedHoursSchoolYear: amount('unexcusedHoursSchoolYear').default(0),
  removalsSchoolYear: count('removalsSchoolYear').default(0),
  sickReportsSchoolYear: count('sickReportsSchoolYear').default(0),
  /** The school day a step's condition first held (`deadline.from: "reachedOn"`); the reference date when absent. */
  reachedOn: isoDateSchema.optional(),
  deregistered: z.boolean().default(false),
  enrolledElsewhere: z.boolean().default(false),
  weeksWithoutPlace: amount('weeksWithoutPlace').default(0),
  placeProspect: z.boolean().default(false),
  truancyOnly: z.boolean().default(false),
  supportNeed: z.array(z.enum(SUPPORT_NEEDS)).default([]),
  schoolCanSupport: z.boolean().default(true),
  suitablePlaceFound: z.boolean().default(true),
  swvInvolved: z.boolean().default(false),
  sensoryNeed: z.enum(SENSORY_NEEDS).default('none'),
  medicalCareFunding: z.boolean().default(false),
  danger: z.boolean().default(false),
  abuseSuspected: z.boolean().default(false),
  studentAllowsParents: z.boolean().nullable().default(null),
});

export type SituationInput = z.input<typeof situationInputSchema>;
/** A validated situation with every default filled in and a reference date. */
export type Situation = z.output<typeof situationInputSchema> & { referenceDate: string };
export type SituationField = keyof Situation;

export type FieldKind =
  | { kind: 'studentRef' }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'nullableBoolean' }
  | { kind: 'count' }
  | { kind: 'amount' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'enumList'; values: readonly string[] };

/** How each field is typed in text (CSV cells, prompts); the schema above stays the judge. */
export const FIELD_KINDS: { readonly [K in SituationField]-?: FieldKind } = {
  studentRef: { kind: 'studentRef' },
  referenceDate: { kind: 'date' },
  birthDate: { kind: 'date' },
  educationType: { kind: 'enum', values: EDUCATION_TYPES },
  enrolled: { kind: 'boolean' },
  startkwalificatie: { kind: 'boolean' },
  exemption: { kind: 'boolean' },
  schoolYearsCompleted: { kind: 'count' },
  unexcusedHours4w: { kind: 'amount' },
  unexcusedHoursReachedOn: { kind: 'date' },
  unexcusedWeeks: { kind: 'amount' },
  luxuryAbsence: { kind: 'boolean' },
  sickReports12w: { kind: 'count' },
  sickDaysInRow: { kind: 'count' },
  lateArrivalsSchoolYear: { kind: 'count' },
  lateArrivals4w: { kind: 'count' },
  unexcusedHoursSchoolYear: { kind: 'amount' },
  removalsSchoolYear: { kind: 'count' },
  sickReportsSchoolYear: { kind: 'count' },
  reachedOn: { kind: 'date' },
  deregistered: { kind: 'boolean' },
  enrolledElsewhere: { kind: 'boolean' },
  weeksWithoutPlace: { kind: 'amount' },
  placeProspect: { kind: 'boolean' },
  truancyOnly: { kind: 'boolean' },
  supportNeed: { kind: 'enumList', values: SUPPORT_NEEDS },
  schoolCanSupport: { kind: 'boolean' },
  suitablePlaceFound: { kind: 'boolean' },
  swvInvolved: { kind: 'boolean' },
  sensoryNeed: { kind: 'enum', values: SENSORY_NEEDS },
  medicalCareFunding: { kind: 'boolean' },
  danger: { kind: 'boolean' },
  abuseSuspected: { kind: 'boolean' },
  studentAllowsParents: { kind: 'nullableBoolean' },
};

export const SITUATION_FIELDS = Object.keys(FIELD_KINDS) as SituationField[];


export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * Validates one situation. `today` fills a missing reference date; the clock is the caller's.
 * Cross-field checks (a birth date after the reference date) run only when the fields themselves
 * are valid, so every message names one field and one problem.
 */
export function parseSituation(input: unknown, today: string): ParseResult<Situation> {
  const parsed = situationInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const situation = { ...parsed.data, referenceDate: parsed.data.referenceDate ?? today } as Situation;
  const reference = parseIsoDate(situation.referenceDate);
  const birth = parseIsoDate(situation.birthDate);
  if (!reference) return { ok: false, issues: [{ path: 'referenceDate', problem: problem('expected-iso-date') }] };
  if (birth && toDayNumber(birth) > toDayNumber(reference)) {
    return {
      ok: false,
      issues: [{ path: 'birthDate', problem: problem('birth-after-reference') }],
    };
  }
  const reached = situation.unexcusedHoursReachedOn;
  if (reached !== undefined) {
    const refused = reachedOnProblem(reached, situation.referenceDate);
    if (refused) return { ok: false, issues: [{ path: 'unexcusedHoursReachedOn', problem: REACHED_ON_PROBLEMS[refused] }] };
  }
  if (situation.reachedOn !== undefined) {
    const refused = reachedOnProblem(situation.reachedOn, situation.referenceDate);
    if (refused) return { ok: false, issues: [{ path: 'reachedOn', problem: REACHED_ON_PROBLEMS[refused] }] };
  }
  return { ok: true, value: situation };
}

/**
 * How far back the day the 16 hours were reached may lie: the count is over the last 4 school weeks,
 * so a date more than a year back is a typo (or an old report), not the threshold of this count.
 */
export const REACHED_ON_MAX_DAYS_BACK = 366;

export type ReachedOnProblem = 'after-reference' | 'too-early';

const REACHED_ON_PROBLEMS: Readonly<Record<ReachedOnProblem, Problem>> = {
  'after-reference': problem('after-reference-date'),
  'too-early': problem('days-before-reference', { days: REACHED_ON_MAX_DAYS_BACK }),
};

/** Why `reached` cannot be the day the 16 hours were reached, judged on `reference`; undefined when it can. */
export function reachedOnProblem(reached: string, reference: string): ReachedOnProblem | undefined {
  const r = parseIsoDate(reached);
  const ref = parseIsoDate(reference);
  if (!r || !ref) return undefined; // the schema reports a malformed date
  const back = toDayNumber(ref) - toDayNumber(r);
  if (back < 0) return 'after-reference';
  return back > REACHED_ON_MAX_DAYS_BACK ? 'too-early' : undefined;
}
