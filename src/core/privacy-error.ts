// A refusal by the privacy guard (core/privacy.ts), as data: the CLI words it from the message
// catalogue (ui/messages/privacy.ts) and never repeats the value that was refused.
import { UserError, type Detail } from './errors.js';
import { textProblem, type TextProblem } from './privacy.js';

export type Refusal =
  /** A text that may not be stored or printed; `where` names the flag, argument or field. */
  | { kind: 'text'; problem: TextProblem; where: string }
  /** A case id of nine digits or more: not a case id, and maybe a BSN. */
  | { kind: 'case-id-too-long' }
  /** Header cells that look like data (`columns`, 1-based): the header line is probably missing. */
  | { kind: 'header-is-data'; label: string; line: number; columns: number[] };

export class PrivacyError extends UserError {
  constructor(
    readonly refusal: Refusal,
    options: { details?: readonly Detail[] } = {},
  ) {
    super(`refused by the privacy guard (${refusal.kind})`, options);
    this.name = 'PrivacyError';
  }
}

/** Throws a PrivacyError when `text` may not be stored or printed (`lines`: line breaks allowed). */
export function verifySafeText(text: string, where: string, options: { lines?: boolean } = {}): void {
  const problem = textProblem(text, options);
  if (problem !== undefined) throw new PrivacyError({ kind: 'text', problem, where });
}
