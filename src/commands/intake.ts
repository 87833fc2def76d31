// `zorgroute intake`: a guided intake that asks only what can change the outcome for this student,
// shows the decision, and saves the case. The questions are planned in src/core/intake/plan.ts and
// asked through an IntakeAsker (src/ui/prompts.ts in the CLI, scripted answers in tests), so this
// file holds the loop and the saving, not a word of UI.
import type { Lang } from '../core/routing/compile.js';
import { decide, type Decision } from '../core/routing/decide.js';
import { issueDetails, UserError } from '../core/errors.js';
import { problem, type ProblemDetail } from '../core/problems.js';
import { deriveFacts } from '../core/routing/facts.js';
import { PromptCancelled, type IntakeAsker } from '../core/intake/asker.js';
import { checkFieldValue, defaultFor, nextStep, type IntakeState } from '../core/intake/plan.js';
import { lastIntakeSchoolType } from '../io/db/school-type.js';
import type { Known } from '../core/intake/relevance.js';
import { referenceDateWarning, type ReferenceDateWarning } from '../core/intake/warnings.js';
import { defaultOf } from '../core/intake/relevance.js';
import { isShowableKey } from '../core/privacy.js';
import { FIELD_KINDS, NUMBER_LIMITS, parseSituation, SITUATION_FIELDS, type Situation, type SituationField } from '../core/routing/situation.js';
import { fieldForName } from '../core/rows/columns.js';
import { coerceFieldText } from '../core/text-values.js';
import { openCaseStore, type CaseStore } from '../io/db/case-store.js';
import type { DbLocation } from '../io/db/db-path.js';
import { dutchWorkingDays } from '../io/calendar/public-holidays.js';
import { readRuleset } from '../io/rules/read-ruleset.js';

export interface IntakeFlags {
  student?: string | undefined;
  birthDate?: string | undefined;
  referenceDate?: string | undefined;
  /** `field=value`, repeatable; the value is typed as at the prompt (ja/nee, 12,5, dd-mm-jjjj). */
  set?: readonly string[] | undefined;
}

const FLAG_OF: Partial<Record<SituationField, string>> = { studentRef: '--student', birthDate: '--birth-date', referenceDate: '--reference-date' };
const flagName = (field: SituationField): string => FLAG_OF[field] ?? `--set ${field}=…`;

/** Turns the pre-fill flags into known field values; every problem at once, no value quoted. */
export function parseIntakeFlags(flags: IntakeFlags): Known {
  const texts: [SituationField, string][] = [];
  const problems: ProblemDetail[] = [];
  if (flags.student !== undefined) texts.push(['studentRef', flags.student]);
  if (flags.birthDate !== undefined) texts.push(['birthDate', flags.birthDate]);
  if (flags.referenceDate !== undefined) texts.push(['referenceDate', flags.referenceDate]);
  for (const item of flags.set ?? []) {
    const eq = item.indexOf('=');
    const name = (eq < 0 ? item : item.slice(0, eq)).trim();
    // A situation field (unexcusedHours4w) or a CSV column name (ongeoorloofd_verzuim_uren_4wk, any case or spacing).
    const field = (fieldForName(name) ?? name) as SituationField;
    // What was typed before `=` is repeated only when it is shaped like a field name (it may be data).
    const named = isShowableKey(name) ? `--set ${name}` : '--set';
    if (eq < 0) problems.push({ path: named, problem: problem('set-expected-field-value') });
    else if (!SITUATION_FIELDS.includes(field)) problems.push({ path: named, problem: problem('set-unknown-field', { known: [...SITUATION_FIELDS] }) });
    else if (FLAG_OF[field]) problems.push({ path: `--set ${field}`, problem: problem('set-use-flag', { flag: FLAG_OF[field] }) });
    else texts.push([field, item.slice(eq + 1)]);
  }
  const known: Known = {};
  for (const [field, text] of texts) {
    const coerced = coerceFieldText(field, text);
    if (coerced === undefined) {
      if (FIELD_KINDS[field].kind === 'studentRef' || field === 'birthDate') problems.push({ path: flagName(field), problem: problem('must-not-be-empty') });
      else known[field] = defaultOf(field);
    } else if (!coerced.ok) problems.push({ path: flagName(field), problem: coerced.problem });
    else known[field] = coerced.value;
  }
  for (const field of Object.keys(known) as SituationField[]) {
    const check = checkFieldValue(field, known[field], known);
    const path = flagName(field);
    if (check === 'bsn') problems.push({ path, problem: problem('looks-like-bsn') });
    else if (check === 'unsafeText') problems.push({ path, problem: problem('unsafe-text') });
    else if (check === 'tooLarge')
      problems.push({ path, problem: problem('too-big', { maximum: (NUMBER_LIMITS as Partial<Record<SituationField, number>>)[field] ?? 0, inclusive: true, what: 'number' }) });
    else if (check === 'afterReference') problems.push({ path, problem: problem('birth-after-reference') });
    else if (check === 'invalid') problems.push({ path, problem: problem('not-valid-for-field', { field }) });
  }
  if (problems.length > 0) throw new UserError(problem('prefill-invalid'), { details: problems, hint: problem('hint-intake-help') });
  return known;
}

export interface IntakeOptions {
  given: Known;
  /** Never prompt: the given answers plus defaults, saved without a review. */
  noInput: boolean;
  lang: Lang;
  rules?: string | undefined;
  /** The reference date offered by default (the caller reads the clock). */
  today: string;
  db: DbLocation;
  now?: () => Date;
  /**
   * --no-input only: start a new case even when the student has an open one (`--new-case`). Without
   * it the intake is added to the open case, as `route --log` and `batch --log` do.
   */
  newCase?: boolean | undefined;
}

/** Said on stderr after a save without questions (--no-input), never blocking it. */
export type IntakeWarning =
  | { kind: 'referenceDate'; warning: ReferenceDateWarning }
  /** The student's open case held another birth date (the intake was added to it all the same). */
  | { kind: 'birthDate'; known: string; given: string; caseId: number };

/** The birth date the student's newest open case was last given, with that case. */
function knownBirthDate(store: CaseStore, studentRef: string): { date: string; caseId: number } | undefined {
  const caseId = store.openCaseIds(studentRef)[0];
  if (caseId === undefined) return undefined;
  const events = store.getCase(caseId)?.events ?? [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.kind === 'intake') return { date: e.data.situation.birthDate, caseId };
  }
  return undefined;
}

export type IntakeResult =
  | {
      status: 'saved';
      caseId: number;
      /** True when the intake was added to the student's open case instead of starting a new one. */
      appended: boolean;
      situation: Situation;
      decision: Decision;
      questions: number;
      database: string;
      warnings: IntakeWarning[];
    }
  | { status: 'discarded'; questions: number }
  | { status: 'cancelled'; questions: number };

function situationFrom(input: Record<string, unknown>, today: string): Situation {
  const parsed = parseSituation(input, today);
  if (!parsed.ok) throw new UserError(problem('answers-invalid'), { details: issueDetails(parsed.issues) });
  return parsed.value;
}

/** `asker` may be left out only with `noInput`. */
export async function runIntake(options: IntakeOptions, asker?: IntakeAsker): Promise<IntakeResult> {
  const { today } = options;
  if (options.noInput) {
    const missing = (['studentRef', 'birthDate'] as const).filter((f) => !(f in options.given)).map(flagName);
    if (missing.length > 0) {
      throw new UserError(problem('no-input-needs', { flags: missing }), { hint: problem('hint-no-input-flags') });
    }
  }
  const ruleset = readRuleset(options.rules, options.lang);
  const workingDays = dutchWorkingDays();
  // Opened before the first question: a locked or foreign database fails now, not after the intake.
  const store = openCaseStore(options.db.path, { ownFolder: options.db.origin === 'default', now: options.now });
  const save = (situation: Situation, decision: Decision, questions: number, newCase: boolean, warnings: IntakeWarning[] = []): IntakeResult => {
    const r = store.recordDecisions([{ studentRef: situation.studentRef, situation, decision, source: 'intake', newCase }]);
    return { status: 'saved', caseId: r.caseIds[0]!, appended: !newCase, situation, decision, questions, database: store.path, warnings };
  };
  let questions = 0;
  try {
    if (options.noInput) {
      const schoolType = lastIntakeSchoolType(store.db);
      const situation = situationFrom({ ...(schoolType ? { educationType: schoolType } : {}), ...options.given }, today);
      const warning = referenceDateWarning(situation.referenceDate, today);
      const openBefore = store.openCaseIds(situation.studentRef)[0];
      const newCase = Boolean(options.newCase) || openBefore === undefined;
      const warnings: IntakeWarning[] = warning ? [{ kind: 'referenceDate', warning }] : [];
      const known = newCase ? undefined : knownBirthDate(store, situation.studentRef);
      if (known && known.date !== situation.birthDate) warnings.push({ kind: 'birthDate', known: known.date, given: situation.birthDate, caseId: known.caseId });
      return save(situation, decide(situation, ruleset, workingDays), 0, newCase, warnings);
    }
    if (!asker) throw new TypeError('runIntake: an asker is needed unless noInput');
    const schoolType = lastIntakeSchoolType(store.db);
    const state: IntakeState = { given: { ...options.given }, answers: {}, held: {}, topics: undefined, defaults: schoolType ? { educationType: schoolType } : {} };
    const knownNow = (): Known => ({ ...state.given, ...state.answers });
    // The birth date of the student's open case: offered as the answer, and another one is asked about.
    let knownBirth: { date: string; caseId: number } | undefined;
    const noticeOpenCases = (studentRef: string): void => {
      const caseIds = store.openCaseIds(studentRef);
      if (caseIds.length > 0) asker.notice({ kind: 'openCases', studentRef, caseIds });
      knownBirth = knownBirthDate(store, studentRef);
    };
    /** True when the birth date may be used: it is the known one, or the user says it is right. */
    const birthDateAgreed = async (typed: unknown): Promise<boolean> =>
      knownBirth === undefined || typed === knownBirth.date || asker.confirm({ kind: 'birthDate', known: knownBirth.date, typed: String(typed), caseId: knownBirth.caseId });
    if (typeof state.given.studentRef === 'string') noticeOpenCases(state.given.studentRef);
    if ('birthDate' in state.given && !(await birthDateAgreed(state.given.birthDate))) delete state.given.birthDate;

    const ask = async (field: SituationField, initial: unknown): Promise<void> => {
      for (;;) {
        const others = knownNow();
        delete others[field];
        const value = await asker.field({ field, initial, check: (v) => checkFieldValue(field, v, others, today) });
        questions += 1;
        if (field === 'birthDate' && !(await birthDateAgreed(value))) {
          initial = knownBirth?.date ?? value;
          continue;
        }
        if (field === 'referenceDate') {
          const warning = referenceDateWarning(String(value), today);
          if (warning && !(await asker.confirm({ kind: 'referenceDate', warning, referenceDate: String(value) }))) {
            initial = value;
            continue;
          }
        }
        state.answers[field] = value;
        delete state.given[field];
        delete state.held[field];
        break;
      }
      if (field === 'studentRef') noticeOpenCases(String(state.answers.studentRef));
      const now = knownNow();
      if ((field === 'birthDate' || field === 'referenceDate') && 'birthDate' in now && 'referenceDate' in now) {
        const parsed = parseSituation({ studentRef: now.studentRef, birthDate: now.birthDate, referenceDate: now.referenceDate }, today);
        if (parsed.ok) asker.notice({ kind: 'facts', facts: deriveFacts(parsed.value) });
      }
    };

    for (;;) {
      const step = nextStep(state, ruleset);
      if (step.kind === 'field') {
        const field = step.field;
        // Enter on the day the 16 hours were reached: the reference date.
        const initial =
          field in state.held
            ? state.held[field]
            : field === 'referenceDate'
              ? today
              : field === 'unexcusedHoursReachedOn' || field === 'reachedOn'
                ? knownNow().referenceDate
                : field === 'birthDate' && knownBirth
                  ? knownBirth.date
                  : defaultFor(state, field);
        await ask(field, initial);
      } else if (step.kind === 'topics') {
        const ticked = await asker.topics(step.offered, step.checked);
        questions += 1;
        state.topics = { offered: step.offered, ticked };
      } else {
        const situation = situationFrom(step.input, today);
        const decision = decide(situation, ruleset, workingDays);
        const { answered, given, kept, skipped, topics, offeredTopics } = step;
        const openCaseId = store.openCaseIds(situation.studentRef)[0] ?? null;
        const choice = await asker.review({ situation, decision, answered, given, kept, skipped, topics, offeredTopics, openCaseId });
        if (choice.kind === 'save') {
          return save(situation, decision, questions, openCaseId === null || choice.newCase !== false);
        }
        if (choice.kind === 'quit') {
          if (await asker.confirm({ kind: 'quit', questions })) return { status: 'discarded', questions };
          continue;
        }
        // What did not count at this review is asked again should a change make it count.
        for (const field of kept) {
          if (field in state.answers) {
            state.held[field] = state.answers[field];
            delete state.answers[field];
          }
        }
        if (choice.field === 'topics') {
          // Ask again with the earlier ticks kept (nextStep re-asks when a topic was not offered).
          state.topics = { offered: [], ticked: state.topics?.ticked ?? [] };
        } else {
          // Asked at once, with the value it has now (typed, pre-filled or kept) offered as the default.
          const field = choice.field;
          await ask(field, (situation as unknown as Record<string, unknown>)[field]);
        }
      }
    }
  } catch (error) {
    if (error instanceof PromptCancelled) return { status: 'cancelled', questions };
    throw error;
  } finally {
    store.close();
  }
}
