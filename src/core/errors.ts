// The few error classes the program has, and the exit codes the README documents.
// A UserError is the user's to fix: it carries a problem (a kind with params, see problems.ts),
// optional detail lines and a hint, and the top-level catch words them from the ui catalogue —
// never a stack trace. Anything else reaching that catch is a bug in zorgroute and says so.
//
// During the move to the catalogue a UserError may still be made from an English string
// (`new UserError('text', { hint: 'text', details: ['line'] })`): it compiles and prints as before,
// but the e2e language tests fail on it. New code passes a problem: `new UserError(problem('no-such-case', { id }))`.
import type { FieldIssue, Problem, ProblemDetail } from './problems.js';

export const EXIT = {
  ok: 0,
  bug: 1,
  usage: 2,
  escalation: 3,
  someRowsInvalid: 4,
  /** `cases verify` (and purge, backup, which verify first): the case log was changed behind zorgroute's back. */
  tampered: 5,
  /** The output could not be written: disk full, an I/O error (sysexits.h EX_IOERR). */
  outputFailed: 74,
  /** Ctrl-C at a prompt: nothing was saved (128 + SIGINT, the shell convention). */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A line under the error: a problem (worded by the ui) or, for unconverted code, a finished string. */
export type Detail = ProblemDetail | string;

export interface UserErrorOptions {
  hint?: Problem | string | undefined;
  exitCode?: ExitCode;
  details?: readonly Detail[];
}

export class UserError extends Error {
  /** What went wrong; undefined for an error still made from a string (then `message` is the text). */
  readonly problem: Problem | undefined;
  readonly hint: Problem | string | undefined;
  readonly exitCode: ExitCode;
  readonly details: readonly Detail[];

  constructor(what: Problem | string, options: UserErrorOptions = {}) {
    // The message of a problem is for logs and tests only (kind and params); people see the catalogue's words.
    super(typeof what === 'string' ? what : `${what.kind} ${JSON.stringify(what.params)}`);
    this.name = 'UserError';
    this.problem = typeof what === 'string' ? undefined : what;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.details = options.details ?? [];
  }
}

/**
 * @deprecated for code written before the catalogue (`issueLines(issues, 'stdin line 2: ')`): the
 * prefix is a finished text; new code gives a Location with issueDetails().
 */
export function issueLines(issues: readonly FieldIssue[], prefix = ''): ProblemDetail[] {
  return issues.map((i) => (prefix === '' ? { path: i.path, problem: i.problem } : { label: prefix, path: i.path, problem: i.problem }));
}

/** The detail lines of a validation, each under an optional location (a record of the input). */
export function issueDetails(issues: readonly FieldIssue[], at?: ProblemDetail['at']): ProblemDetail[] {
  return issues.map((i) => (at ? { at, path: i.path, problem: i.problem } : { path: i.path, problem: i.problem }));
}
