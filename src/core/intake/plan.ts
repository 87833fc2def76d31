// The intake as a plan: which question comes next, given what is known. Pure — the prompts live in
// src/ui/prompts.ts, the loop in src/commands/intake.ts.
//
// The questions are the situation fields themselves (FIELD_KINDS), in a conversational order:
// the student number, birth date and reference date; then "what is going on?" as a list of topics
// (each a group of fields — a topic left unticked means its fields keep their defaults, i.e. "no");
// then, field by field, only those that relevantFields() says can still change the outcome.
import type { CompiledRuleset } from '../routing/compile.js';
import { textProblem } from '../privacy.js';
import { defaultOf, relevantFields, type Known } from './relevance.js';
import { NUMBER_LIMITS, reachedOnProblem, SITUATION_FIELDS, situationInputSchema, type SituationField } from '../routing/situation.js';


export const TOPIC_IDS = ['verzuim', 'ziekte', 'thuiszitten', 'inschrijving', 'ondersteuning', 'zintuiglijk', 'medisch', 'veiligheid'] as const;
export type TopicId = (typeof TOPIC_IDS)[number];

/** The fields behind each topic, in the order they are asked (a gate before what it opens). */
export const TOPIC_FIELDS: { readonly [T in TopicId]: readonly SituationField[] } = {
  verzuim: ['unexcusedHours4w', 'unexcusedHoursReachedOn', 'unexcusedWeeks', 'luxuryAbsence', 'unexcusedHoursSchoolYear', 'lateArrivalsSchoolYear', 'lateArrivals4w', 'removalsSchoolYear', 'reachedOn'],
  ziekte: ['sickReports12w', 'sickDaysInRow', 'sickReportsSchoolYear'],
  thuiszitten: ['weeksWithoutPlace', 'placeProspect', 'truancyOnly'],
  inschrijving: ['enrolled', 'deregistered', 'enrolledElsewhere'],
  ondersteuning: ['supportNeed', 'schoolCanSupport', 'suitablePlaceFound', 'swvInvolved'],
  zintuiglijk: ['sensoryNeed'],
  medisch: ['medicalCareFunding'],
  veiligheid: ['abuseSuspected', 'danger'],
};

/** Always asked first (unless given as flags). */
export const FIXED_FIELDS: readonly SituationField[] = ['studentRef', 'birthDate', 'referenceDate'];

/**
 * Asked after the topics, only when relevant: the student's choice about parents first (it decides
 * whether the leerplicht status still matters for the parents note), then what settles leerplichtig.
 */
export const FOLLOW_UP_FIELDS: readonly SituationField[] = ['studentAllowsParents', 'exemption', 'schoolYearsCompleted', 'startkwalificatie', 'educationType'];

export const QUESTION_ORDER: readonly SituationField[] = [...TOPIC_IDS.flatMap((t) => TOPIC_FIELDS[t]), ...FOLLOW_UP_FIELDS];

const TOPIC_OF: ReadonlyMap<SituationField, TopicId> = new Map(TOPIC_IDS.flatMap((t) => TOPIC_FIELDS[t].map((f) => [f, t] as const)));

export function topicOf(field: SituationField): TopicId | undefined {
  return TOPIC_OF.get(field);
}

export interface IntakeState {
  /** From flags (--student, --set …): never asked, never dropped (a change on the review makes one an answer). */
  given: Known;
  /**
   * From prompts. An answer is never replaced by a default: when a change makes its question
   * irrelevant it is kept (and saved) as typed — a question that cannot change the outcome cannot
   * make the typed value wrong for the decision.
   */
  answers: Known;
  /**
   * Answers typed earlier that did not count at the last review: kept as typed while their question
   * stays irrelevant, and asked again (offered as the default) once a change makes it count again.
   */
  held: Known;
  /**
   * The topics question as last answered: what was offered and what was ticked. Undefined until it
   * has been answered. When a changed answer makes a topic relevant that was not offered then, the
   * question is asked again (with the earlier ticks kept).
   */
  topics: { offered: readonly TopicId[]; ticked: readonly TopicId[] } | undefined;
  /**
   * Values that stand in for the schema's default of a question not asked (the school's own type,
   * remembered from its previous intake): offered when asked, taken when not.
   */
  defaults?: Known;
}

/** A question's default for this intake: the school's own (state.defaults), else the schema's. */
export function defaultFor(state: Pick<IntakeState, 'defaults'>, field: SituationField): unknown {
  return state.defaults && field in state.defaults ? state.defaults[field] : defaultOf(field);
}

export type IntakeStep =
  | { kind: 'field'; field: SituationField }
  | { kind: 'topics'; offered: TopicId[]; checked: TopicId[] }
  | {
      kind: 'done';
      /** Every field with its value (defaults filled in), ready for parseSituation(). */
      input: Record<string, unknown>;
      answered: SituationField[];
      given: SituationField[];
      /** Typed earlier, kept as typed, but (after a change) no longer able to change the outcome. */
      kept: SituationField[];
      /** Not asked: their value cannot change the outcome for this student. */
      skipped: SituationField[];
      /** Not asked: their topic was not ticked. */
      unticked: SituationField[];
      topics: TopicId[];
      offeredTopics: TopicId[];
    };

function isDefault(field: SituationField, value: unknown): boolean {
  return JSON.stringify(value) === JSON.stringify(defaultOf(field));
}

/** Topics with at least one unknown field that can change the outcome. */
export function offeredTopics(known: Known, ruleset: CompiledRuleset): TopicId[] {
  const relevant = relevantFields(known, ruleset);
  return TOPIC_IDS.filter((t) => TOPIC_FIELDS[t].some((f) => !(f in known) && relevant.has(f)));
}

/**
 * The next question, or `done` with the whole situation. Walks the questions in order every time, so
 * that after an answer is changed the plan is re-derived: newly relevant questions get asked, answers
 * that no longer matter fall back to their defaults.
 */
export function nextStep(state: IntakeState, ruleset: CompiledRuleset): IntakeStep {
  const known: Known = { ...state.given };
  for (const field of FIXED_FIELDS) {
    if (field in known) continue;
    if (!(field in state.answers)) return { kind: 'field', field };
    known[field] = state.answers[field];
  }

  const offered = offeredTopics(known, ruleset);
  const previous = state.topics;
  if (offered.some((t) => !previous?.offered.includes(t))) {
    const checked = offered.filter(
      (t) => previous?.ticked.includes(t) || TOPIC_FIELDS[t].some((f) => f in state.given && !isDefault(f, state.given[f])),
    );
    return { kind: 'topics', offered, checked };
  }
  const topics = (previous?.ticked ?? []).filter((t) => offered.includes(t));

  const answered: SituationField[] = [];
  const kept: SituationField[] = [];
  const skipped: SituationField[] = [];
  const unticked: SituationField[] = [];
  for (const field of QUESTION_ORDER) {
    if (field in known) continue;
    const topic = topicOf(field);
    if (topic !== undefined && !topics.includes(topic)) {
      // An unticked topic is an answer ("none of this is going on"): its fields take the "no" values.
      known[field] = defaultOf(field);
      unticked.push(field);
    } else if (relevantFields(known, ruleset).has(field)) {
      // An answer the changed reference date no longer allows is asked again.
      if (!(field in state.answers) || checkFieldValue(field, state.answers[field], known) !== undefined) return { kind: 'field', field };
      known[field] = state.answers[field];
      answered.push(field);
    } else if (field in state.answers || field in state.held) {
      known[field] = field in state.answers ? state.answers[field] : state.held[field];
      kept.push(field);
    } else {
      known[field] = defaultFor(state, field);
      skipped.push(field);
    }
  }

  const input: Record<string, unknown> = {};
  for (const field of SITUATION_FIELDS) if (known[field] !== undefined) input[field] = known[field];
  return {
    kind: 'done',
    input,
    answered: [...FIXED_FIELDS.filter((f) => !(f in state.given)), ...answered],
    given: SITUATION_FIELDS.filter((f) => f in state.given),
    kept,
    skipped,
    unticked,
    topics,
    offeredTopics: offered,
  };
}

/** Why a value cannot be taken; the UI turns the code into words in the user's language. */
/** `unsafeText`: a control character or broken character (core/privacy.ts); `tooLarge`: above NUMBER_LIMITS. */
export type FieldProblem = 'invalid' | 'bsn' | 'unsafeText' | 'tooLarge' | 'afterReference' | 'beforeBirth' | 'birthInFuture' | 'reachedAfterReference' | 'reachedTooEarly';

/**
 * Checks one value against the situation schema (the judge), plus the birth/reference date order.
 * `today` (the caller's clock) lets a birth date in the future be refused at the birth date itself,
 * not blamed on the reference date asked next.
 */
export function checkFieldValue(field: SituationField, value: unknown, known: Known, today?: string): FieldProblem | undefined {
  const parsed = situationInputSchema.shape[field].safeParse(value);
  if (!parsed.success) {
    if (field === 'studentRef' && typeof value === 'string') {
      const problem = textProblem(value.trim());
      if (problem !== undefined) return problem === 'bsn' ? 'bsn' : 'unsafeText';
    }
    const limit = (NUMBER_LIMITS as Partial<Record<SituationField, number>>)[field];
    return limit !== undefined && typeof value === 'number' && value > limit ? 'tooLarge' : 'invalid';
  }
  if (field === 'birthDate' && today !== undefined && String(value) > today) return 'birthInFuture';
  if (field === 'birthDate' && typeof known.referenceDate === 'string' && String(value) > known.referenceDate) return 'afterReference';
  if (field === 'referenceDate' && typeof known.birthDate === 'string' && String(value) < known.birthDate) return 'beforeBirth';
  if ((field === 'unexcusedHoursReachedOn' || field === 'reachedOn') && typeof value === 'string' && typeof known.referenceDate === 'string') {
    const problem = reachedOnProblem(value, known.referenceDate);
    if (problem) return problem === 'after-reference' ? 'reachedAfterReference' : 'reachedTooEarly';
  }
  return undefined;
}
