// What can stop a registrations run, as kinds with parameters: ui/messages/absence.ts words them
// (Dutch and English). A ProblemError is a UserError (exit 2) that carries its kind.
import { UserError } from '../errors.js';
import type { FieldIssue } from '../problems.js';
import type { CalendarProblem } from '../calendar/school-calendar.js';
import type { OpenDataProblem } from '../calendar/open-data.js';
import type { CodeTableProblem } from './codes.js';
import type { RegistrationPlanProblem, RegistrationProblemKind } from './registration.js';
import type { RegistrationField } from './export-shapes/registration-fields.js';
import type { RegMapIssue } from './export-shapes/reg-map.js';

export type RunProblem =
  | { kind: 'calendar-missing' }
  | { kind: 'file-unreadable'; file: string; flag: '--calendar' | '--codes' | '--registrations' | '--reg-map'; reason: string }
  | { kind: 'calendar-invalid'; file: string; issues: FieldIssue[] }
  | { kind: 'calendar-problems'; file: string; problems: CalendarProblem[] }
  | { kind: 'calendar-region-needed'; file: string }
  | { kind: 'calendar-open-data'; file: string; problem: OpenDataProblem }
  | { kind: 'school-year-not-shipped'; date: string; schoolYear: string; shipped: string[]; region: string; where: 'peildatum' | 'registration'; file: string; line: number }
  | { kind: 'date-outside-calendar'; date: string; calendar: string; from: string; to: string; where: 'peildatum' | 'registration'; file: string; line: number }
  | { kind: 'codes-invalid'; file: string; problems: CodeTableProblem[] }
  | { kind: 'unknown-codes'; file: string; codes: { code: string; count: number }[]; table: string }
  | { kind: 'absence-columns'; file: string; columns: string[] }
  | { kind: 'registrations-header'; file: string; problems: RegistrationPlanProblem[]; headers: string[]; skeleton?: Record<string, RegistrationField | null> | undefined }
  | { kind: 'registrations-empty'; file: string }
  | { kind: 'registrations-stdin-twice' }
  | { kind: 'registrations-needed'; flag: '--codes' | '--calendar' | '--region' | '--since' | '--reg-map' }
  | { kind: 'since-invalid' }
  | { kind: 'reg-map-invalid'; file: string; issue: RegMapIssue };

/** A registration row that is reported and counted, never dropped silently. */
export interface RegistrationRowProblem {
  file: string;
  line: number;
  column: string;
  problem: RegistrationProblemKind | 'unknown-student' | 'not-school-day' | 'outside-lestijden';
}

export class ProblemError extends UserError {
  constructor(readonly run: RunProblem) {
    super(`registrations: ${run.kind}`);
  }
}
