// A decision as one CSV row, for people who open the result in Excel. Cells are neutralised against
// formula injection: a student number like `=HYPERLINK(…)` from a hostile export must stay text.
import type { DecisionTail } from '../routing/decision-memo.js';
import type { DerivedFacts } from '../routing/facts.js';

export const CSV_COLUMNS = [
  'line',
  'studentRef',
  'referenceDate',
  'age',
  'leerplicht',
  'leerplichtig',
  'rmc',
  'thuiszitter',
  'parents',
  'inform',
  'escalations',
  'deadline',
  'rules',
  'needsAction',
  'errorColumn',
  'errorMessage',
] as const;

/** Spreadsheets run a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a formula-looking cell with `'`, which spreadsheets show as text and do not evaluate. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** One cell, neutralised and quoted when it holds the delimiter, a quote or a line break (RFC 4180). */
export function csvCell(value: string, delimiter: string): string {
  const cell = neutraliseFormula(value);
  const needsQuotes = cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
  return needsQuotes ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function csvLine(cells: readonly string[], delimiter: string): string {
  return `${cells.map((c) => csvCell(c, delimiter)).join(delimiter)}\r\n`;
}

/** `leerplicht verzuimmelding-16-uur 2025-10-08; rmc verzuim-4-weken` */
function escalationsCell(tail: DecisionTail): string {
  return tail.escalations.map((e) => (e.deadline === null ? `${e.to} ${e.type}` : `${e.to} ${e.type} ${e.deadline}`)).join('; ');
}

function earliestDeadline(tail: DecisionTail): string {
  let best = '';
  for (const e of tail.escalations) if (e.deadline !== null && (best === '' || e.deadline < best)) best = e.deadline;
  return best;
}

/** The columns after `thuiszitter`, which only depend on the tail (so they are built once per tail). */
export function tailCells(tail: DecisionTail): string[] {
  return [
    tail.parents.involve,
    tail.inform.map((i) => i.party).join(', '),
    escalationsCell(tail),
    earliestDeadline(tail),
    tail.rules.map((r) => r.id).join(', '),
    String(tail.needsAction),
    '',
    '',
  ];
}

export function headCells(line: number, studentRef: string, referenceDate: string, facts: DerivedFacts): string[] {
  return [
    String(line),
    studentRef,
    referenceDate,
    String(facts.age),
    facts.leerplicht,
    String(facts.leerplichtig),
    String(facts.rmc),
    String(facts.thuiszitter),
  ];
}

export function decisionCells(line: number, studentRef: string, referenceDate: string, facts: DerivedFacts, tail: DecisionTail): string[] {
  return [...headCells(line, studentRef, referenceDate, facts), ...tailCells(tail)];
}

/** `problem`: the row problem in the user's words (the ui's; core has none). */
export function errorCells(line: number, studentRef: string | undefined, column: string, problem: string): string[] {
  const cells: string[] = CSV_COLUMNS.map(() => '');
  cells[0] = String(line);
  cells[1] = studentRef ?? '';
  cells[CSV_COLUMNS.length - 2] = column;
  cells[CSV_COLUMNS.length - 1] = problem;
  return cells;
}
