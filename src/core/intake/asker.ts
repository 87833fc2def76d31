// What the intake needs from a user interface. src/commands/intake.ts drives the intake through this
// interface; src/ui/prompts.ts implements it with inquirer, and tests with scripted answers.
import type { Decision } from '../routing/decide.js';
import type { DerivedFacts } from '../routing/facts.js';
import type { FieldProblem, TopicId } from './plan.js';
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
  skipped: SituationField[];
  topics: TopicId[];
  offeredTopics: TopicId[];
}

export type ReviewChoice = { kind: 'save' } | { kind: 'quit' } | { kind: 'change'; field: SituationField | 'topics' };

export type IntakeNotice =
  | { kind: 'facts'; facts: DerivedFacts }
  | { kind: 'openCases'; studentRef: string; caseIds: number[] };

export interface IntakeAsker {
  field(prompt: FieldPrompt): Promise<unknown>;
  topics(offered: readonly TopicId[], checked: readonly TopicId[]): Promise<TopicId[]>;
  notice(notice: IntakeNotice): void;
  review(review: IntakeReview): Promise<ReviewChoice>;
}
