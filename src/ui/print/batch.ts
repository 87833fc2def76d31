// What a person reads of `zorgroute batch`: the summary tables, the one-line summary for logs, the
// progress bar and the warnings. Strings only; the CLI decides the stream. Tables come from
// print.ts (the one importer of chalk) and fit the terminal (print/table.ts).
import type { RowError } from '../../core/rows/row-situation.js';
import type { EscalationTarget, Party } from '../../core/routing/vocabulary.js';
import { humanDate, weekdayDate } from '../human-date.js';
import { wrapLines } from '../layout.js';
import { rowProblemDescriber } from '../messages/errors/catalogue.js';
import { formatTable } from './decision.js';
import type { Style } from '../style.js';
import { partyName } from '../party-names.js';

/** The parts of a batch result the summary shows (structural, so ui does not depend on commands). */
export interface BatchSummaryView {
  rows: number;
  valid: number;
  invalid: number;
  needsAction: number;
  escalated: number;
  duplicates: number;
  targets: { target: EscalationTarget; count: number; overdue: number; earliestDeadline: string | null; students: { studentRef: string; line: number }[] }[];
  /** Parties to refer to beyond parents and student (not an escalation of the row). */
  referrals: { party: Party; count: number; students: { studentRef: string; line: number }[] }[];
  errors: { line: number; studentRef: string | undefined; error: RowError }[];
  source: { label: string };
  referenceDate: { date: string; from: 'flag' | 'today'; column: boolean };
  referenceDates: { first: string | null; last: string | null };
  /** Valid rows judged on the fallback date (no peildatum of their own). */
  fallbackDateRows: number;
}

export type BatchWarningView =
  | { kind: 'unknown-columns'; columns: string[] }
  | { kind: 'data-like-headers'; columns: number[] }
  | { kind: 'duplicate'; studentRef: string; line: number; firstLine: number }
  | { kind: 'no-rows' };

/** Which peildatum the rows were judged on: the export's own column (its range), and the date for rows without one. */
function referenceDateText(style: Style, r: BatchSummaryView): string {
  const { date, from, column } = r.referenceDate;
  const { first, last } = r.referenceDates;
  const range: [string, string] | null = column && first !== null && last !== null ? [humanDate(first), humanDate(last)] : null;
  // The fallback date is named only when a row was judged on it (or no row had a date to show).
  return style.msgs.batch.referenceDateValue({ fallback: humanDate(date), from, range, emptyCells: range === null || r.fallbackDateRows > 0 });
}

function studentList(style: Style, students: readonly { studentRef: string; line: number }[], total: number): string {
  // A no-break space keeps a number and its line together when the list wraps.
  const items = students.map((s) => `${s.studentRef}\u00a0(${s.line})`).join(', ');
  return total > students.length ? `${items} ${style.color.dim(style.msgs.batch.andMore(total - students.length))}` : items;
}

/** The earliest deadline of a target; the column head already says it is one. */
function earliest(style: Style, deadline: string | null): string {
  return deadline === null ? style.msgs.noDeadline : weekdayDate(style.msgs.weekdays, deadline);
}

/** `formatGiven`: records are written too (--format/--out), so the tip about --format is not shown. */
export function formatBatchSummary(style: Style, r: BatchSummaryView, formatGiven = false): string {
  const { color: c, msgs } = style;
  const m = msgs.batch;
  const out: string[] = [
    ...wrapLines(c.bold(m.title(r.source.label)), style.width, '', '  '),
    ...wrapLines(`${m.referenceDate}: ${referenceDateText(style, r)}`, style.width, '', '  '),
  ];
  const counts: [string, number][] = [
    [m.rows, r.rows],
    [m.valid, r.valid],
    [m.invalid, r.invalid],
    [m.needsAction, r.needsAction],
    [m.escalated, r.escalated],
  ];
  if (r.duplicates > 0) counts.push([m.duplicates, r.duplicates]);
  out.push(formatTable(style, [], counts, { right: [1] }), '');
  if (r.targets.length === 0) out.push(c.green(m.noEscalation));
  else {
    // One line per target, its student numbers (with their line) under it across the whole width.
    // Te laat as in the registrations summary: how many of them are past the deadline.
    const rows = r.targets.map((t) => [partyName(msgs, t.target), t.count, t.overdue > 0 ? c.red.bold(String(t.overdue)) : '0', earliest(style, t.earliestDeadline)]);
    out.push(formatTable(style, [m.escalateTo, m.students, m.late, m.earliestDeadline], rows, { details: r.targets.map((t) => studentList(style, t.students, t.count)), right: [1, 2] }));
  }
  if (r.referrals.length > 0) {
    // Te doen as in the registrations summary: whom to refer to, with the students.
    out.push('', c.bold(`${m.todos}:`));
    const rows = r.referrals.map((x) => [partyName(msgs, x.party), x.count]);
    out.push(formatTable(style, [m.referTo, m.students], rows, { details: r.referrals.map((x) => studentList(style, x.students, x.count)), right: [1] }));
  }
  if (r.errors.length > 0) {
    out.push('', c.bold.red(`${m.errorsHead}:`));
    const describe = rowProblemDescriber(msgs.lang);
    const rows = r.errors.map((e) => [e.line, e.studentRef ?? '', e.error.column, describe(e.error.problem)]);
    if (r.invalid > r.errors.length) rows.push(['', '', '', m.andMore(r.invalid - r.errors.length)]);
    out.push(formatTable(style, [m.line, msgs.student, m.column, m.problem], rows, { right: [0] }));
  }
  const hints: string[] = [];
  if ([...r.targets, ...r.referrals].some((t) => t.count > t.students.length)) hints.push(m.allHint);
  if (!formatGiven && (hints.length > 0 || r.invalid > r.errors.length)) hints.push(m.formatHint);
  if (hints.length > 0) out.push(...wrapLines(c.dim(`${msgs.hint}: ${hints.join('; ')}`), style.width, '', '  '));
  return out.join('\n');
}

/** For logs (stderr not a terminal): one line. */
export function formatBatchOneLine(style: Style, r: BatchSummaryView): string {
  const m = style.msgs.batch;
  return `zorgroute batch: ${m.oneLine(r.rows, r.valid, r.invalid, r.needsAction, r.escalated)}; ${m.referenceDate} ${referenceDateText(style, r)}`;
}

const BAR_WIDTH = 28;

/** `[█████░░░░] 48%  12345 rijen` (without a size, as for stdin, only the rows). */
export function formatBatchProgress(style: Style, rows: number, bytesRead: number, totalBytes: number | null): string {
  const count = style.msgs.batch.progress(String(rows));
  if (totalBytes === null || totalBytes === 0) return count;
  const fraction = Math.min(1, bytesRead / totalBytes);
  const filled = Math.round(fraction * BAR_WIDTH);
  return `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${count}`;
}

export function formatBatchWarning(style: Style, w: BatchWarningView): string {
  const m = style.msgs.batch;
  const text =
    w.kind === 'unknown-columns'
      ? m.unknownColumns(w.columns.map((h) => `"${h}"`).join(', '))
      : w.kind === 'data-like-headers'
        ? style.msgs.privacy.dataLikeHeaders(w.columns)
        : w.kind === 'duplicate'
          ? m.duplicate(w.studentRef, w.line, w.firstLine)
          : m.noRows;
  return wrapLines(`${style.color.yellow(`zorgroute: ${m.warning}:`)} ${text}`, style.width, '', '  ').join('\n');
}
