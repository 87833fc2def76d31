// What a person reads of `zorgroute batch`: the summary tables, the one-line summary for logs, the
// progress bar and the warnings. Strings only; the CLI decides the stream. Tables come from
// print.ts (the one importer of cli-table3 and chalk).
import type { RowError } from '../core/rows/row-situation.js';
import type { EscalationTarget } from '../core/routing/vocabulary.js';
import { rowProblemDescriber } from './messages-errors.js';
import { formatDeadline, formatTable, type Style } from './print.js';

/** The parts of a batch result the summary shows (structural, so ui does not depend on commands). */
export interface BatchSummaryView {
  rows: number;
  valid: number;
  invalid: number;
  needsAction: number;
  escalated: number;
  duplicates: number;
  targets: { target: EscalationTarget; count: number; earliestDeadline: string | null; students: { studentRef: string; line: number }[] }[];
  errors: { line: number; studentRef: string | undefined; error: RowError }[];
  source: { label: string };
  referenceDate: { date: string; from: 'flag' | 'today'; column: boolean };
  referenceDates: { first: string | null; last: string | null };
}

export type BatchWarningView =
  | { kind: 'unknown-columns'; columns: string[] }
  | { kind: 'duplicate'; studentRef: string; line: number; firstLine: number }
  | { kind: 'no-rows' };

const REFS_PER_LINE = 6;

/** Which peildatum the rows were judged on: the export's own column (its range), and the date for rows without one. */
function referenceDateText(style: Style, r: BatchSummaryView): string {
  const { date, from, column } = r.referenceDate;
  const { first, last } = r.referenceDates;
  return style.msgs.batch.referenceDateValue({ fallback: date, from, range: column && first !== null && last !== null ? [first, last] : null });
}

function studentList(style: Style, students: readonly { studentRef: string; line: number }[], total: number): string {
  const items = students.map((s) => `${s.studentRef} (${s.line})`);
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += REFS_PER_LINE) lines.push(items.slice(i, i + REFS_PER_LINE).join(', '));
  if (total > students.length) lines.push(style.color.dim(style.msgs.batch.andMore(total - students.length)));
  return lines.join('\n');
}

export function formatBatchSummary(style: Style, r: BatchSummaryView): string {
  const { color: c, msgs } = style;
  const m = msgs.batch;
  const out: string[] = [c.bold(m.title(r.source.label)), `${m.referenceDate}: ${referenceDateText(style, r)}`];
  const counts: [string, number][] = [
    [m.rows, r.rows],
    [m.valid, r.valid],
    [m.invalid, r.invalid],
    [m.needsAction, r.needsAction],
    [m.escalated, r.escalated],
  ];
  if (r.duplicates > 0) counts.push([m.duplicates, r.duplicates]);
  out.push(formatTable(style, [], counts));
  if (r.targets.length === 0) out.push(c.green(m.noEscalation));
  else {
    const rows = r.targets.map((t) => [msgs.party[t.target], t.count, formatDeadline(style, t.earliestDeadline), studentList(style, t.students, t.count)]);
    out.push(formatTable(style, [m.escalateTo, m.students, m.earliestDeadline, m.studentRefs], rows));
  }
  if (r.errors.length > 0) {
    out.push(c.bold.red(`${m.errorsHead}:`));
    const describe = rowProblemDescriber(msgs.lang);
    const rows = r.errors.map((e) => [e.line, e.studentRef ?? '', e.error.column, describe(e.error.problem)]);
    if (r.invalid > r.errors.length) rows.push(['', '', '', m.andMore(r.invalid - r.errors.length)]);
    out.push(formatTable(style, [m.line, msgs.student, m.column, m.problem], rows));
  }
  const cut = r.targets.some((t) => t.count > t.students.length) || r.invalid > r.errors.length;
  if (cut) out.push(c.dim(`${msgs.hint}: ${m.listHint}`));
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
    w.kind === 'unknown-columns' ? m.unknownColumns(w.columns.map((h) => `"${h}"`).join(', ')) : w.kind === 'duplicate' ? m.duplicate(w.studentRef, w.line, w.firstLine) : m.noRows;
  return `${style.color.yellow(`zorgroute: ${m.warning}:`)} ${text}`;
}
