// The problems of the case-log maintenance commands (list/due limits, verify, purge, backup) as
// kinds with parameters; ui/messages/cases.ts words them in Dutch and English.
import { EXIT, UserError, type ExitCode } from '../core/errors.js';
import type { TamperFinding } from '../io/db/chain/verify-chain.js';

export type CaseLogProblemKind =
  | { kind: 'limit-and-all' }
  | { kind: 'limit-not-a-number' }
  | { kind: 'purge-needs-rule' }
  | { kind: 'purge-date-in-future' }
  | { kind: 'not-a-date'; flag: string }
  | { kind: 'tampered'; findings: TamperFinding[] }
  | { kind: 'backup-exists'; file: string }
  | { kind: 'backup-not-ours'; file: string }
  | { kind: 'backup-is-the-log' }
  | { kind: 'backup-unverified'; findings: TamperFinding[] }
  | { kind: 'backup-failed'; file: string; code: string };

export class CaseLogProblem extends UserError {
  constructor(readonly caselog: CaseLogProblemKind, exitCode: ExitCode = caselog.kind === 'tampered' || caselog.kind === 'backup-unverified' ? EXIT.tampered : EXIT.usage) {
    super(caselog.kind, { exitCode }); // the CLI replaces the message with the catalogue's words
  }
}
