// What stops a `zorgroute calendar` command, as kinds with parameters (ui/messages/calendar.ts words them).
import { UserError } from '../../core/errors.js';

export type CalendarCommandProblem =
  | { kind: 'region-needed' }
  | { kind: 'year-not-shipped'; schoolYear: string; shipped: string[] }
  | { kind: 'bad-school-year'; text: string }
  | { kind: 'out-exists'; file: string }
  /** `show FILE` / `check FILE` with the open data: not a school's calendar. */
  | { kind: 'open-data-file'; file: string }
  | { kind: 'out-unwritable'; file: string; reason: string };

export class CalendarCommandError extends UserError {
  constructor(readonly calendar: CalendarCommandProblem) {
    super(`calendar: ${calendar.kind}`);
  }
}
