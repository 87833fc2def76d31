// The few error classes the program has, and the exit codes the README documents.
// A UserError is the user's to fix (it prints a message and a hint, never a stack trace);
// anything else reaching the top-level catch is a bug in zorgroute and says so.
import type { FieldIssue } from './routing/situation.js';

export const EXIT = {
  ok: 0,
  bug: 1,
  usage: 2,
  escalation: 3,
  someRowsInvalid: 4,
  /** The output could not be written: disk full, an I/O error (sysexits.h EX_IOERR). */
  outputFailed: 74,
  /** Ctrl-C at a prompt: nothing was saved (128 + SIGINT, the shell convention). */
  interrupted: 130,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class UserError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: ExitCode;
  /** One line each, e.g. `birthDate: 2026-02-30 is not a date in the calendar`. */
  readonly details: string[];

  constructor(message: string, options: { hint?: string; exitCode?: ExitCode; details?: string[] } = {}) {
    super(message);
    this.name = 'UserError';
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? EXIT.usage;
    this.details = options.details ?? [];
  }
}

/** `field: problem` lines, prefixed with where the object came from (`line 3: `, `[2].`). */
export function issueLines(issues: readonly FieldIssue[], prefix = ''): string[] {
  return issues.map((i) => `${prefix}${i.path === '' ? '(object)' : i.path}: ${i.message}`);
}
