// A decision as one CSV row, for people who open the result in Excel. Cells are neutralised against
// formula injection: a student number like `=HYPERLINK(…)` from a hostile export must stay text.
import type { DecisionTail } from '../routing/decision-memo.js';
import type { DerivedFacts } from '../routing/facts.js';
import type { ParentInvolvement } from '../routing/vocabulary.js';

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
  'overdue',
  'rules',
  'needsAction',
  'todos',
  'errorColumn',
  'errorMessage',
] as const;

/**
 * The words and conventions of a CSV export, as plain data (it is copied to worker threads): the
 * English form below is the machine contract of `--lang en`; the Dutch one, for Dutch Excel, is in
 * the message catalogue (ui/messages/csv.ts).
 */
export interface CsvDialect {
  /** One header per column of CSV_COLUMNS, in that order. */
  columns: readonly string[];
  /** The cell delimiter; null: the export's own, so that it opens in the same spreadsheet. */
  delimiter: ';' | ',' | '\t' | null;
  /** Start with a UTF-8 BOM (Excel reads the file as ANSI otherwise). */
  bom: boolean;
  yes: string;
  no: string;
  /** The words for parents.involve; null: its ids (yes, no, student-decides). */
  involve: Readonly<Record<ParentInvolvement, string>> | null;
  /** The deadline of an escalation without a term ("zo spoedig mogelijk"); null: left empty. */
  asap: string | null;
  /** `iso`: 2026-02-09; `dmy`: 09-02-2026 (what Dutch Excel reads as a date). */
  dates: 'iso' | 'dmy';
  /** A row problem's text by its English text, where the catalogue has another; the rest as it is. */
  problems: Readonly<Record<string, string>>;
}

export const ENGLISH_CSV: CsvDialect = {
  columns: CSV_COLUMNS,
  delimiter: null,
  bom: false,
  yes: 'true',
  no: 'false',
  involve: null,
  asap: null,
  dates: 'iso',
  problems: {},
};

function csvDate(iso: string, d: CsvDialect): string {
  return d.dates === 'dmy' ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso;
}

const yesNo = (value: boolean, d: CsvDialect): string => (value ? d.yes : d.no);

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

/** `leerplicht verzuimmelding-16-uur 2025-10-08; rmc verzuim-4-weken` (Dutch: `… 08-10-2025; rmc verzuim-4-weken zo spoedig mogelijk`). */
function escalationsCell(tail: DecisionTail, d: CsvDialect): string {
  return tail.escalations
    .map((e) => {
      const when = e.deadline === null ? d.asap : csvDate(e.deadline, d);
      return when === null ? `${e.to} ${e.type}` : `${e.to} ${e.type} ${when}`;
    })
    .join('; ');
}

/** `mentor gesprek-leerling 2026-06-12 (te-laat-3)`: each to-do with its term and rules. */
function todosCell(tail: DecisionTail, d: CsvDialect): string {
  return tail.todos.map((t) => `${t.party} ${t.type}${t.deadline ? ` ${csvDate(t.deadline, d)}` : ''} (${t.rules.join(', ')})`).join('; ');
}

/** The earliest deadline; with no dated one, the dialect's word for "as soon as possible" (if any escalation). */
function earliestDeadline(tail: DecisionTail, d: CsvDialect): string {
  let best = '';
  for (const e of tail.escalations) if (e.deadline !== null && (best === '' || e.deadline < best)) best = e.deadline;
  if (best !== '') return csvDate(best, d);
  return tail.escalations.length > 0 && d.asap !== null ? d.asap : '';
}

/** The columns after `thuiszitter`, which only depend on the tail (so they are built once per tail). */
export function tailCells(tail: DecisionTail, d: CsvDialect = ENGLISH_CSV): string[] {
  return [
    d.involve ? d.involve[tail.parents.involve] : tail.parents.involve,
    tail.inform.map((i) => i.party).join(', '),
    escalationsCell(tail, d),
    earliestDeadline(tail, d),
    yesNo(tail.escalations.some((e) => e.overdue), d),
    tail.rules.map((r) => r.id).join(', '),
    yesNo(tail.needsAction, d),
    todosCell(tail, d),
    '',
    '',
  ];
}

export function headCells(line: number, studentRef: string, referenceDate: string, facts: DerivedFacts, d: CsvDialect = ENGLISH_CSV): string[] {
  return [
    String(line),
    studentRef,
    csvDate(referenceDate, d),
    String(facts.age),
    facts.leerplicht,
    yesNo(facts.leerplichtig, d),
    yesNo(facts.rmc, d),
    yesNo(facts.thuiszitter, d),
  ];
}

export function decisionCells(line: number, studentRef: string, referenceDate: string, facts: DerivedFacts, tail: DecisionTail, d: CsvDialect = ENGLISH_CSV): string[] {
  return [...headCells(line, studentRef, referenceDate, facts, d), ...tailCells(tail, d)];
}

/** `problem`: the row problem in the user's words (the ui's catalogue, in the language of the run; core has none). */
export function errorCells(line: number, studentRef: string | undefined, column: string, problem: string): string[] {
  const cells: string[] = CSV_COLUMNS.map(() => '');
  cells[0] = String(line);
  cells[1] = studentRef ?? '';
  cells[CSV_COLUMNS.length - 2] = column;
  cells[CSV_COLUMNS.length - 1] = problem;
  return cells;
}
