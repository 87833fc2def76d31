// A decision as one CSV row, for people who open the result in Excel, and the dialect both CSVs of
// `batch` are written in (the registrations rows: absence-cells.ts). Cells are neutralised against
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

/** The columns of the registrations CSV (`batch --registrations --format csv`), one row per student. */
export const ABSENCE_CSV_COLUMNS = [
  'line',
  'studentRef',
  'referenceDate',
  'age',
  'leerplicht',
  'needsAction',
  'escalations',
  'deadline',
  'overdue',
  'periods',
  'unexcusedHours4w',
  'unexcusedWeeks',
  'sickReports12w',
  'sickDaysInRow',
  'luxuryAbsence',
  'todos',
  'errorColumn',
  'errorMessage',
] as const;

/**
 * The words of the registrations CSV's own cells (core/rows/absence-cells.ts): an escalation
 * `to:type:deadline:OVERDUE`, a period `kind from..to (H HOURS, D DAYS, REPEAT n)`, a to-do
 * `party:type:deadline:OVERDUE:REACHED-date [rules]`.
 */
export interface AbsenceCsvWords {
  /** One header per column of ABSENCE_CSV_COLUMNS, in that order. */
  columns: readonly string[];
  /** The marker of an escalation or to-do past its deadline on the peildatum. */
  overdue: string;
  /** Before the day a to-do's step was reached (`reached-2026-06-12`). */
  reached: string;
  /** Before the number of a herhaalmelding. */
  repeat: string;
  /** After a period's hours and after its school days. */
  hours: string;
  days: string;
}

/**
 * The words and conventions of a CSV export — the decisions' and the registrations' alike — as plain
 * data (it is copied to worker threads): the English form below is the machine contract of `--lang
 * en`; the Dutch one, for Dutch Excel, is in the message catalogue (ui/messages/csv.ts).
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
  /** The separator of a number's fraction (hours: `1.5`, Dutch Excel `1,5`). */
  decimal: '.' | ',';
  /** A row problem's text by its English text, where the catalogue has another; the rest as it is. */
  problems: Readonly<Record<string, string>>;
  /** The registrations CSV: its headers and the words inside its cells. */
  absence: AbsenceCsvWords;
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
  decimal: '.',
  problems: {},
  absence: { columns: ABSENCE_CSV_COLUMNS, overdue: 'overdue', reached: 'reached', repeat: 'repeat', hours: 'h', days: 'd' },
};

export function csvDate(iso: string, d: CsvDialect): string {
  return d.dates === 'dmy' ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : iso;
}

export const yesNo = (value: boolean, d: CsvDialect): string => (value ? d.yes : d.no);

/** A count or an amount of hours, with the dialect's decimal separator. */
export function csvNumber(n: number, d: CsvDialect): string {
  const text = String(n);
  return d.decimal === '.' ? text : text.replace('.', d.decimal);
}

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
export function earliestDeadline(escalations: readonly { deadline: string | null }[], d: CsvDialect): string {
  let best = '';
  for (const e of escalations) if (e.deadline !== null && (best === '' || e.deadline < best)) best = e.deadline;
  if (best !== '') return csvDate(best, d);
  return escalations.length > 0 && d.asap !== null ? d.asap : '';
}

/** The columns after `thuiszitter`, which only depend on the tail (so they are built once per tail). */
export function tailCells(tail: DecisionTail, d: CsvDialect = ENGLISH_CSV): string[] {
  return [
    d.involve ? d.involve[tail.parents.involve] : tail.parents.involve,
    tail.inform.map((i) => i.party).join(', '),
    escalationsCell(tail, d),
    earliestDeadline(tail.escalations, d),
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

/**
 * A row in error, `width` cells wide (CSV_COLUMNS by default; ABSENCE_CSV_COLUMNS for the registrations
 * CSV): the line, the student number, and the column and problem last. `problem`: the row problem in
 * the user's words (the ui's catalogue, in the language of the run; core has none).
 */
export function errorCells(line: number, studentRef: string | undefined, column: string, problem: string, width: number = CSV_COLUMNS.length): string[] {
  const cells: string[] = new Array<string>(width).fill('');
  cells[0] = String(line);
  cells[1] = studentRef ?? '';
  cells[width - 2] = column;
  cells[width - 1] = problem;
  return cells;
}
