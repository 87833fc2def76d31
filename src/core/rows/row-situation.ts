// One CSV row → a validated situation, or the one problem that stops it (with the column's header).
//
// `coerceFieldText` and `parseSituation` are the source of truth. Valid rows take the fast path of
// core/rows/row-fast.ts, which may only *accept*; any row it does not accept comes here, through
// coerceFieldText + zod, which then gives the message (or, when the fast path was merely cautious,
// the value).
import { containsBsn } from '../bsn.js';
import { textProblem } from '../privacy.js';
import { normalizeStudentRef } from '../student-ref.js';
import type { ColumnPlan } from './columns.js';
import { fastSituation, mayHoldBsn, MAX_STUDENT_REF } from './row-fast.js';
import { parseSituation, situationInputSchema, type Situation, type SituationField } from '../routing/situation.js';
import { coerceFieldText } from '../text-values.js';
import { problem, type Problem } from '../problems.js';
import { problemOfZodIssue } from '../zod-problems.js';

export interface RowError {
  /** The column's header as written in the file (or `#N`, its place, for a cell without one: the same in every language). */
  column: string;
  /** What is wrong with the cell; the record keeps `problem.kind` as its stable code, the ui words it. */
  problem: Problem;
}

export type RowResult = { ok: true; situation: Situation } | { ok: false; error: RowError; studentRef: string | undefined };


/** The leftmost cell holding a BSN, or -1. Every cell counts, also ignored columns. */
export function bsnCellIndex(cells: readonly string[]): number {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (mayHoldBsn(cell) && containsBsn(cell)) return i;
  }
  return -1;
}

export function columnName(plan: ColumnPlan, index: number): string {
  // No words here (core has no language): `#7`, the same in a Dutch and an English message.
  return plan.headers[index] ?? `#${index + 1}`;
}

/** The student number of a row that failed, when it is a usable one (never a BSN). */
function studentRefOf(cells: readonly string[], plan: ColumnPlan): string | undefined {
  const col = plan.columns.find((c) => c.field === 'studentRef');
  const ref = col ? normalizeStudentRef(cells[col.index] ?? '') : '';
  return ref !== '' && ref.length <= MAX_STUDENT_REF && textProblem(ref) === undefined ? ref : undefined;
}

// ---- fast path -------------------------------------------------------------------------------


function firstProblem(cells: readonly string[], plan: ColumnPlan, fallbackDate: string): RowResult {
  const input: Record<string, unknown> = {};
  const fail = (column: string, p: Problem): RowResult => ({ ok: false, error: { column, problem: p }, studentRef: studentRefOf(cells, plan) });
  for (const col of plan.columns) {
    const coerced = coerceFieldText(col.field, cells[col.index] ?? '');
    if (coerced === undefined) {
      if (col.field === 'studentRef' || col.field === 'birthDate') return fail(col.header, problem('cell-required-empty'));
      continue;
    }
    if (!coerced.ok) return fail(col.header, coerced.problem);
    const checked = situationInputSchema.shape[col.field].safeParse(coerced.value);
    const issue = checked.success ? undefined : checked.error.issues[0];
    if (!checked.success) return fail(col.header, issue ? problemOfZodIssue(issue) : problem('not-allowed'));
    input[col.field] = coerced.value;
  }
  for (let i = plan.headers.length; i < cells.length; i++) {
    if (cells[i]!.trim() !== '') return fail(columnName(plan, i), problem('cell-without-header'));
  }
  const parsed = parseSituation(input, fallbackDate);
  if (parsed.ok) return { ok: true, situation: parsed.value };
  const issue = parsed.issues[0]!;
  const field = issue.path.split(/[.[]/)[0] as SituationField;
  return fail(plan.headerOf[field] ?? (issue.path || '*'), issue.problem);
}

/**
 * The situation of one data row, or its first problem reading left to right: a BSN in any cell
 * first (privacy before anything else), then each mapped column, then cells beyond the header,
 * then checks between fields (a birth date after the peildatum). `fallbackDate` is the peildatum
 * for rows without one (`--reference-date`, else today).
 */
export function readRow(cells: readonly string[], plan: ColumnPlan, fallbackDate: string): RowResult {
  // Cells beyond the header must be blank for the fast path (so they hold no BSN either).
  if (cells.length <= plan.headers.length || isBlankFrom(cells, plan.headers.length)) {
    const situation = fastSituation(cells, plan, fallbackDate);
    if (situation) return { ok: true, situation };
  }
  const bsnAt = bsnCellIndex(cells);
  if (bsnAt >= 0) {
    return { ok: false, error: { column: columnName(plan, bsnAt), problem: problem('cell-has-bsn') }, studentRef: studentRefOf(cells, plan) };
  }
  return firstProblem(cells, plan, fallbackDate);
}

function isBlankFrom(cells: readonly string[], start: number): boolean {
  for (let i = start; i < cells.length; i++) if (cells[i]!.trim() !== '') return false;
  return true;
}

/** A row with nothing in it (`;;;;` as spreadsheets leave at the end): skipped like an empty line. */
export function isBlankRow(cells: readonly string[]): boolean {
  return isBlankFrom(cells, 0);
}
