// Problems (kinds with params) as the English catalogue words them, for tests that read sentences.
import type { FieldIssue, Problem } from '../src/core/problems.js';
import { UserError } from '../src/core/errors.js';
import { detailText, problemText } from '../src/ui/messages/errors/catalogue.js';

const EN = { lang: 'en', cmd: 'zorgroute' } as const;
export const enText = (p: Problem): string => problemText(EN, p);
export const enIssue = (i: FieldIssue): string => detailText(EN, { path: i.path, problem: i.problem });
export const nlIssue = (i: FieldIssue): string => detailText({ lang: 'nl', cmd: 'zorgroute' }, { path: i.path, problem: i.problem });

/** The English text of the UserError `run` throws (problem, detail lines, hint), or fails the test. */
export function enError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return enErrorText(error);
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

/** The same for a rejected promise. */
export async function enRejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return enErrorText(error);
  }
  throw new Error('expected a UserError, but the promise was fulfilled');
}

export function enErrorText(error: UserError): string {
  const lines = [error.problem ? enText(error.problem) : error.message, ...error.details.map((d) => detailText(EN, d))];
  if (error.hint !== undefined) lines.push(typeof error.hint === 'string' ? error.hint : enText(error.hint));
  return lines.join('\n');
}
