// The student situation: one schema for JSON input, CSV rows and the intake prompts.
// Field names are part of the public contract (README, `route --json`, batch column mapping).
import { z } from 'zod';
import { isBsnLike } from '../bsn.js';
import { parseIsoDate, toDayNumber } from '../dates.js';
import { problem, type FieldIssue } from '../problems.js';
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
  });

/** The school's student number, in its one spelling (core/student-ref.ts: `l 1001` is `L1001`). */
export const studentRefSchema = z
  .string({ error: 'expected-student-ref' })
  .transform(normalizeStudentRef)
  .pipe(
    z
      .string()
      .min(1, { error: 'must-not-be-empty' })
      .max(64, { error: 'at-most-chars' })
      .refine((ref) => !isBsnLike(ref), { error: 'looks-like-bsn' }),
  );

const count = z.int({ error: 'expected-count' }).min(0, { error: 'expected-count' });
const amount = z.number({ error: 'expected-amount' }).min(0, { error: 'expected-amount' });

export const situationInputSchema = z.strictObject({
  studentRef: studentRefSchema,
  referenceDate: isoDateSchema.optional(),
  birthDate: isoDateSchema,
  educationType: z.enum(EDUCATION_TYPES).default('vo'),
  enrolled: z.boolean().default(true),
  startkwalificatie: z.boolean().default(false),
  exemption: z.boolean().default(false),
  schoolYearsCompleted: count.max(20, { error: 'at-most-school-years' }).optional(),
  unexcusedHours4w: amount.default(0),
  unexcusedWeeks: amount.default(0),
  luxuryAbsence: z.boolean().default(false),
  sickReports12w: count.default(0),
  sickDaysInRow: count.default(0),
  deregistered: z.boolean().default(false),
  enrolledElsewhere: z.boolean().default(false),
  weeksWithoutPlace: amount.default(0),
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
  unexcusedWeeks: { kind: 'amount' },
  luxuryAbsence: { kind: 'boolean' },
  sickReports12w: { kind: 'count' },
  sickDaysInRow: { kind: 'count' },
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

export type { FieldIssue } from '../problems.js';
export { zodIssues } from '../zod-problems.js';

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
  return { ok: true, value: situation };
}
