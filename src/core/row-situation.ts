// One CSV row → a validated situation, or the one problem that stops it (with the column's header).
//
// `coerceFieldText` and `parseSituation` are the source of truth. Running zod on every row of a
// million-row export costs more than parsing the CSV itself, so valid rows take a fast path: plain
// checks for the common spellings (`ja`, `0`, `01-10-2025`), which hands every other cell to
// coerceFieldText and every doubtful row to the slow path. The fast path may only *accept*; any row
// it does not accept goes through coerceFieldText + zod, which then gives the message (or, when the
// fast path was merely cautious, the value). test/core/row-situation.test.ts checks that whatever
// the fast path accepts equals what parseSituation gives.
import { containsBsn, isBsnLike } from './bsn.js';
import type { ColumnPlan, PlannedColumn } from './csv-columns.js';
import { daysInMonth } from './dates.js';
import { FIELD_KINDS, parseSituation, situationInputSchema, type FieldKind, type Situation, type SituationField } from './situation.js';
import { coerceFieldText } from './text-values.js';

export interface RowError {
  /** The column's header as written in the file (or `(column N)` for a cell without one). */
  column: string;
  message: string;
}

export type RowResult = { ok: true; situation: Situation } | { ok: false; error: RowError; studentRef: string | undefined };

export const BSN_MESSAGE = 'contains a BSN or onderwijsnummer; remove it from the export (zorgroute never stores or shows one)';
const MAX_SCHOOL_YEARS = 20;
const MAX_STUDENT_REF = 64;

/** Cheap pre-check: a BSN needs nine digits, and most cells have far fewer. */
function mayHoldBsn(text: string): boolean {
  if (text.length < 9) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++digits === 9) return true;
  }
  return false;
}

/** The leftmost cell holding a BSN, or -1. Every cell counts, also ignored columns. */
export function bsnCellIndex(cells: readonly string[]): number {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (mayHoldBsn(cell) && containsBsn(cell)) return i;
  }
  return -1;
}

export function columnName(plan: ColumnPlan, index: number): string {
  return plan.headers[index] ?? `(column ${index + 1})`;
}

/** The student number of a row that failed, when it is a usable one (never a BSN). */
function studentRefOf(cells: readonly string[], plan: ColumnPlan): string | undefined {
  const col = plan.columns.find((c) => c.field === 'studentRef');
  const ref = col ? (cells[col.index] ?? '').trim() : '';
  return ref !== '' && ref.length <= MAX_STUDENT_REF && !containsBsn(ref) ? ref : undefined;
}

// ---- fast path -------------------------------------------------------------------------------

/** Returned by the fast readers for "not one of the common spellings: ask coerceFieldText". */
const ASK = Symbol('ask');
type Fast = unknown;

function digitAt(t: string, i: number): number {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100000;
}

function isoOf(year: number, month: number, day: number): string | typeof ASK {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return ASK;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** `dd-mm-jjjj` and `jjjj-mm-dd`, exactly ten characters; anything else is asked. */
function fastDate(t: string): Fast {
  if (t.length !== 10) return t === '' ? undefined : ASK;
  if (t.charCodeAt(2) === 45 && t.charCodeAt(5) === 45) {
    const day = digitAt(t, 0) * 10 + digitAt(t, 1);
    const month = digitAt(t, 3) * 10 + digitAt(t, 4);
    const year = digitAt(t, 6) * 1000 + digitAt(t, 7) * 100 + digitAt(t, 8) * 10 + digitAt(t, 9);
    return day < 0 || month < 0 || year < 0 ? ASK : isoOf(year, month, day);
  }
  if (t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    const year = digitAt(t, 0) * 1000 + digitAt(t, 1) * 100 + digitAt(t, 2) * 10 + digitAt(t, 3);
    const month = digitAt(t, 5) * 10 + digitAt(t, 6);
    const day = digitAt(t, 8) * 10 + digitAt(t, 9);
    return day < 0 || month < 0 || year < 0 ? ASK : isoOf(year, month, day);
  }
  return ASK;
}

function fastBoolean(t: string): Fast {
  switch (t) {
    case 'ja':
    case 'j':
    case '1':
    case 'true':
      return true;
    case 'nee':
    case 'n':
    case '0':
    case 'false':
      return false;
    case '':
      return undefined;
    default:
      return ASK;
  }
}

/**
 * Up to eight characters of digits with at most one decimal comma or point inside (`7`, `12,5`):
 * the value parseDecimalText gives. Too short to hold a BSN. Anything else is asked.
 */
function fastNumber(t: string): Fast {
  const n = t.length;
  if (n === 0) return undefined;
  if (n > 8) return ASK;
  let value = 0;
  let separator = -1;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if ((c === 44 || c === 46) && separator < 0 && i > 0 && i < n - 1) separator = i;
    else return ASK;
  }
  if (separator < 0) return value;
  return Number(`${t.slice(0, separator)}.${t.slice(separator + 1)}`);
}

function isPlainEdge(code: number): boolean {
  return code > 32 && code < 127;
}

function fastValue(kind: FieldKind, t: string): Fast {
  switch (kind.kind) {
    case 'date':
      return fastDate(t);
    case 'boolean':
      return fastBoolean(t);
    case 'count':
    case 'amount':
      return fastNumber(t);
    case 'studentRef':
      if (t === '') return undefined;
      // Only printable ASCII at the edges: trim() also removes Unicode spaces, so those are asked.
      return isPlainEdge(t.charCodeAt(0)) && isPlainEdge(t.charCodeAt(t.length - 1)) ? t : ASK;
    case 'enum':
      if (t === '') return undefined;
      return kind.values.includes(t) ? t : ASK;
    case 'nullableBoolean':
      return t === '' ? null : fastBoolean(t);
    case 'enumList':
      return t === '' ? undefined : ASK;
  }
}

/** What coerceFieldText gives for `text` (via the fast readers where they apply); ASK when the text is wrong. */
export function cellValue(field: SituationField, text: string): unknown {
  const fast = fastValue(FIELD_KINDS[field], text);
  return fast !== ASK ? fast : slowValue(field, text);
}

function slowValue(field: SituationField, text: string): unknown {
  const coerced = coerceFieldText(field, text);
  if (coerced === undefined) return undefined;
  return coerced.ok ? coerced.value : ASK;
}

const DEFAULTS = situationInputSchema.parse({ studentRef: 'x', birthDate: '2000-01-01' });

/** A situation with every default filled in; one object literal, so all rows share a shape. */
function defaultSituation(referenceDate: string): Situation {
  const d = DEFAULTS;
  return {
    studentRef: '',
    referenceDate,
    birthDate: '',
    educationType: d.educationType,
    enrolled: d.enrolled,
    startkwalificatie: d.startkwalificatie,
    exemption: d.exemption,
    unexcusedHours4w: d.unexcusedHours4w,
    unexcusedWeeks: d.unexcusedWeeks,
    luxuryAbsence: d.luxuryAbsence,
    sickReports12w: d.sickReports12w,
    sickDaysInRow: d.sickDaysInRow,
    deregistered: d.deregistered,
    weeksWithoutPlace: d.weeksWithoutPlace,
    placeProspect: d.placeProspect,
    truancyOnly: d.truancyOnly,
    supportNeed: [],
    schoolCanSupport: d.schoolCanSupport,
    suitablePlaceFound: d.suitablePlaceFound,
    swvInvolved: d.swvInvolved,
    sensoryNeed: d.sensoryNeed,
    medicalCareFunding: d.medicalCareFunding,
    danger: d.danger,
    abuseSuspected: d.abuseSuspected,
    studentAllowsParents: d.studentAllowsParents,
  };
}

/** The range checks of situationInputSchema for a value coerced from text (conservative). */
function inRange(field: SituationField, kind: FieldKind, value: unknown): boolean {
  switch (kind.kind) {
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0 && (field !== 'schoolYearsCompleted' || (value as number) <= MAX_SCHOOL_YEARS);
    case 'amount':
      return Number.isFinite(value) && (value as number) >= 0;
    case 'studentRef':
      return (value as string).length <= MAX_STUDENT_REF && !isBsnLike(value as string);
    default:
      return true; // dates, booleans and enums come out of the readers valid
  }
}

/**
 * The fast path alone (exported for the equivalence tests): a situation, or undefined to ask the
 * slow path. It also screens for a BSN: a cell the fast readers accept (a date, ja/nee, a number of
 * at most eight characters, an enum word) cannot hold nine digits; every other cell — the student
 * number, columns not mapped, cells read by coerceFieldText — is checked here.
 */
export function fastSituation(cells: readonly string[], columns: readonly PlannedColumn[], fallbackDate: string, unmapped: readonly number[] = []): Situation | undefined {
  for (let i = 0; i < unmapped.length; i++) {
    const cell = cells[unmapped[i]!];
    if (cell !== undefined && mayHoldBsn(cell) && containsBsn(cell)) return undefined;
  }
  const s = defaultSituation(fallbackDate) as unknown as Record<string, unknown>;
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const text = cells[col.index] ?? '';
    const kind = FIELD_KINDS[col.field];
    let value = fastValue(kind, text);
    if (value === ASK || kind.kind === 'studentRef') {
      if (mayHoldBsn(text) && containsBsn(text)) return undefined;
      if (value === ASK) value = slowValue(col.field, text);
    }
    if (value === ASK) return undefined;
    if (value === undefined) continue;
    if (!inRange(col.field, FIELD_KINDS[col.field], value)) return undefined;
    s[col.field] = value;
  }
  const situation = s as unknown as Situation;
  if (situation.studentRef === '' || situation.birthDate === '' || situation.birthDate > situation.referenceDate) return undefined;
  return situation;
}

// ---- slow path: the messages -------------------------------------------------------------------

const REQUIRED_EMPTY = 'is empty; this column is required';

function firstProblem(cells: readonly string[], plan: ColumnPlan, fallbackDate: string): RowResult {
  const input: Record<string, unknown> = {};
  const fail = (column: string, message: string): RowResult => ({ ok: false, error: { column, message }, studentRef: studentRefOf(cells, plan) });
  for (const col of plan.columns) {
    const coerced = coerceFieldText(col.field, cells[col.index] ?? '');
    if (coerced === undefined) {
      if (col.field === 'studentRef' || col.field === 'birthDate') return fail(col.header, REQUIRED_EMPTY);
      continue;
    }
    if (!coerced.ok) return fail(col.header, coerced.message);
    const checked = situationInputSchema.shape[col.field].safeParse(coerced.value);
    if (!checked.success) return fail(col.header, checked.error.issues[0]?.message ?? 'not allowed');
    input[col.field] = coerced.value;
  }
  for (let i = plan.headers.length; i < cells.length; i++) {
    if (cells[i]!.trim() !== '') return fail(columnName(plan, i), 'has a value but the header row has no column here');
  }
  const parsed = parseSituation(input, fallbackDate);
  if (parsed.ok) return { ok: true, situation: parsed.value };
  const issue = parsed.issues[0]!;
  const field = issue.path.split(/[.[]/)[0] as SituationField;
  return fail(plan.headerOf[field] ?? (issue.path || '(row)'), issue.message);
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
    const situation = fastSituation(cells, plan.columns, fallbackDate, plan.unmapped);
    if (situation) return { ok: true, situation };
  }
  const bsnAt = bsnCellIndex(cells);
  if (bsnAt >= 0) {
    return { ok: false, error: { column: columnName(plan, bsnAt), message: BSN_MESSAGE }, studentRef: studentRefOf(cells, plan) };
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
