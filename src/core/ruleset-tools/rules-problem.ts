// The problems of `zorgroute rules` as kinds with parameters; ui/messages/rules/rules.ts words them.
import { EXIT, UserError, type ExitCode } from '../errors.js';
import type { ProblemDetail } from '../problems.js';

export type RulesProblemKind =
  | { kind: 'cases-invalid'; file: string; count: number }
  | { kind: 'cases-unreadable'; file: string; errno: string | undefined }
  | { kind: 'db-missing'; file: string }
  | { kind: 'db-needs-against-log' };

export class RulesProblem extends UserError {
  constructor(
    readonly rules: RulesProblemKind,
    details: readonly ProblemDetail[] = [],
    exitCode: ExitCode = EXIT.usage,
  ) {
    super(rules.kind, { exitCode, details }); // the CLI words it from the catalogue
  }
}
