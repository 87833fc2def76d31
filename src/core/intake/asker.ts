// What the intake needs from a user interface. src/commands/intake.ts drives the intake through this
// interface; src/ui/prompts.ts implements it with inquirer, and tests with scripted answers.
import type { Decision } from '../routing/decide.js';
import type { DerivedFacts } from '../routing/facts.js';
import type { FieldProblem, TopicId } from './plan.js';
import type { ReferenceDateWarning } from './warnings.js';
import type { Situation, SituationField } from '../routing/situation.js';

/** Thrown by an asker when the user presses Ctrl-C (or closes input) at a prompt. */
export class PromptCancelled extends Error {
  constructor() {
    super('the intake was cancelled at a prompt');
    this.name = 'PromptCancelled';
  }
}

export interface FieldPrompt {
  field: SituationField;
  /** Offered as the default: the earlier answer when changing one, else the schema default. */
  initial: unknown;
  /** The value is taken when this returns undefined; else the question is asked again. */
  check(value: unknown): FieldProblem | undefined;
}

export interface IntakeReview {
  situation: Situation;
  decision: Decision;
  answered: SituationField[];
  given: SituationField[];
  /** Typed earlier, kept as typed, no longer able to change the outcome (after a change). */
  kept: SituationField[];
  skipped: SituationField[];
  topics: TopicId[];
  offeredTopics: TopicId[];
  /** The student's newest open case, which "save" can append to; null when there is none. */
  openCaseId: number | null;
}

/**
 * `save`: `newCase` false appends to the open case (`openCaseId`), true (or no open case) starts a
 * new one. After `quit` the intake asks for a confirmation (IntakeConfirm `quit`) before it discards.
 */
export type ReviewChoice = { kind: 'save'; newCase?: boolean } | { kind: 'quit' } | { kind: 'change'; field: SituationField | 'topics' };

/** A question that needs a yes before the intake goes on. */
export type IntakeConfirm =
  | { kind: 'referenceDate'; warning: ReferenceDateWarning; referenceDate: string }
  /** A birth date other than the one the student's open case holds. */
  | { kind: 'birthDate'; known: string; typed: string; caseId: number }
  | { kind: 'quit'; questions: number };

export type IntakeNotice =
  | { kind: 'facts'; facts: DerivedFacts }
  | { kind: 'openCases'; studentRef: string; caseIds: number[] };

export interface IntakeAsker {
  field(prompt: FieldPrompt): Promise<unknown>;
  topics(offered: readonly TopicId[], checked: readonly TopicId[]): Promise<TopicId[]>;
  notice(notice: IntakeNotice): void;
  /** True to go on (keep the reference date, quit without saving); false to go back. */
  confirm(question: IntakeConfirm): Promise<boolean>;
  review(review: IntakeReview): Promise<ReviewChoice>;
}
