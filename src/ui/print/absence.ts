// What a person reads of `batch --registrations`: the summary (counts, which calendar and code
// table, periods, escalations per target, the meldingen ready to copy), the one line for logs, and
// the warnings. Strings only; the CLI picks the stream.
import type { PeriodKind } from '../../core/absence/period.js';
import type { RegistrationRowProblem } from '../../core/absence/problems.js';
import type { AbsenceEscalation, AbsenceTodo } from '../../core/absence/route-absence.js';
import type { RowError } from '../../core/rows/row-situation.js';
import type { EscalationTarget, Party } from '../../core/routing/vocabulary.js';
import type { Holiday } from '../../core/calendar/school-calendar.js';
import { absenceMessagesFor, type AbsenceMessages } from '../messages/absence.js';
import { calendarMessagesFor } from '../messages/calendar.js';
import { humanDate } from '../human-date.js';
import { wrapLines } from '../layout.js';
import { formatDeadline, formatTable } from './decision.js';
import type { Style } from '../style.js';
import { rowProblemDescriber } from '../messages/errors.js';

/** The parts of a registrations result the summary shows (structural: ui does not import commands). */
export interface AbsenceSummaryView {
  students: number;
  invalid: number;
  registrations: number;
  registrationsCounted: number;
  registrationsInvalid: number;
  needsAction: number;
  escalated: number;
  overdue: number;
  targets: { to: EscalationTarget; students: number; earliest: string | null; overdue: number; listed: { studentRef: string; line: number }[] }[];
  /** The to-dos (referrals) and who has them; absent in views made before there were any. */
  todos?: { party: Party; type: string; students: number; listed: { studentRef: string; line: number }[] }[];
  periods: Partial<Record<PeriodKind, number>>;
  errors: { line: number; studentRef: string | undefined; error: RowError }[];
  meldingen: { studentRef: string; line: number; escalation: AbsenceEscalation }[];
  meldingenTotal: number;
  calendar: { name: string; from: string; to: string; source: string; region?: string | undefined };
  codes: string;
}

export type AbsenceWarningView =
  | { kind: 'registration-row'; row: RegistrationRowProblem }
  | { kind: 'registrations-after-peildatum'; count: number }
  | { kind: 'unknown-columns'; file: string; columns: string[] }
  | { kind: 'duplicate'; studentRef: string; line: number; firstLine: number }
  | { kind: 'calendar-advice'; file: string; region: string; advice: readonly Holiday[] };

/** Student numbers per line under the escalation table (fits 80 columns). */
const REFS_PER_LINE = 5;

const fmtNumber = (a: AbsenceMessages, n: number): string => (a === absenceMessagesFor('nl') ? String(n).replace('.', ',') : String(n));

/** The melding of one escalation, as lines to copy into the DUO verzuimloket (indent: two spaces). */
export function formatMelding(style: Style, a: AbsenceMessages, studentRef: string, e: AbsenceEscalation): string[] {
  const m = a.melding;
  const mel = e.melding!;
  const due = `  ${formatDeadline(style, e.deadline)}${e.overdue ? ` — ${style.color.red(m.overdue)}` : ''}`;
  const head = `${style.color.bold(`${studentRef} — ${style.msgs.party[e.to]} (${e.type})`)}\n${due}`;
  const rows: [string, string][] = [
    [m.soort, a.period[mel.soort]],
    ...(mel.herhaalmelding === undefined ? [] : [[m.herhaalmelding, m.repeat(mel.herhaalmelding)] as [string, string]]),
    [m.begindatum, humanDate(mel.begindatum)],
    [m.einddatum, humanDate(mel.einddatum)],
    [m.verzuimuren, fmtNumber(a, mel.verzuimuren)],
    [m.verzuimdagen, String(mel.verzuimdagen)],
    [m.alleLessenGemist, mel.alleLessenGemist ? m.yes : m.no],
    [m.reden, m.toFill],
    [m.maatregelen, m.toFill],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [head, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)];
}

/**
 * A to-do from a period (MAZL: involve the jeugdarts) in `cases show`: which period, and what the
 * school must do (the rule's reason), wrapped under its label at the terminal's width.
 */
export function formatPeriodTodo(style: Style, a: AbsenceMessages, studentRef: string, t: AbsenceTodo): string[] {
  const p = t.period!;
  const m = a.periodTodo;
  const mazl = p.kind === 'mazl-4-meldingen' || p.kind === 'mazl-7-dagen';
  const rows: [string, string][] = [
    [m.period, a.period[p.kind]],
    [m.from, humanDate(p.from)],
    [m.through, humanDate(p.to)],
    ...(p.hours > 0 ? [[a.melding.verzuimuren, fmtNumber(a, p.hours)] as [string, string]] : []),
    [mazl ? m.sickDays : a.melding.verzuimdagen, String(p.days)],
  ];
  const width = Math.max(...[...rows.map(([k]) => k), m.todo].map((k) => k.length));
  const head = `${style.color.bold(`${studentRef} — ${style.msgs.party[t.party]} (${t.type})`)}\n  ${style.msgs.noDeadline}`;
  const indent = ' '.repeat(width + 4);
  return [head, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`), ...wrapLines(t.reason, style.width, `  ${m.todo.padEnd(width)}  `, indent)];
}

/** The first students with their line, REFS_PER_LINE a line, and how many more there are. */
function refLines(style: Style, listed: readonly { studentRef: string; line: number }[], total: number): string {
  const refs = listed.map((x) => `${x.studentRef} (${x.line})`);
  const lines: string[] = [];
  for (let i = 0; i < refs.length; i += REFS_PER_LINE) lines.push(`  ${refs.slice(i, i + REFS_PER_LINE).join(', ')}`);
  if (total > listed.length) lines.push(`  ${style.color.dim(style.msgs.batch.andMore(total - listed.length))}`);
  return lines.join('\n');
}

export function formatAbsenceSummary(style: Style, a: AbsenceMessages, r: AbsenceSummaryView, labels: { students: string; registrations: string }): string {
  const { color: c, msgs } = style;
  const s = a.summary;
  const out: string[] = wrapLines(c.bold(s.title(labels.students, labels.registrations)), style.width, '', '  ');
  out.push(
    ...wrapLines(`${s.calendar}: ${r.calendar.name}`, style.width, '', '  '),
    `  ${humanDate(r.calendar.from)} – ${humanDate(r.calendar.to)}`,
    ...wrapLines(calendarMessagesFor(msgs.lang).source(r.calendar.source, r.calendar.region).trimStart(), style.width, '  ', '    '),
  );
  out.push(...wrapLines(`${s.codes}: ${r.codes}`, style.width, '', '  '));
  const counts: [string, number][] = [
    [s.students, r.students],
    [s.registrations, r.registrations],
    [s.counted, r.registrationsCounted],
    [s.registrationsInvalid, r.registrationsInvalid],
    [s.needsAction, r.needsAction],
    [s.escalated, r.escalated],
    [s.overdue, r.overdue],
  ];
  if (r.invalid > 0) counts.splice(1, 0, [s.invalid, r.invalid]);
  out.push(formatTable(style, [], counts));
  const kinds = Object.entries(r.periods) as [PeriodKind, number][];
  // column heads and a right-aligned count, as the plain summary's tables have
  if (kinds.length > 0) out.push(formatTable(style, [s.periods, s.periodCount], kinds.map(([k, n]) => [a.period[k], n]), { right: [1] }));
  if (r.targets.length === 0) out.push(c.green(s.noEscalation));
  else {
    out.push(formatTable(style, [s.target, s.count, s.late, s.earliest], r.targets.map((t) => [msgs.party[t.to], t.students, t.overdue, formatDeadline(style, t.earliest)])));
    for (const t of r.targets) out.push(`${msgs.party[t.to]} — ${s.refs}:\n${refLines(style, t.listed, t.students)}`);
  }
  const todos = r.todos ?? [];
  if (todos.length > 0) {
    out.push(c.bold(`${s.todos}:`));
    for (const t of todos) out.push(`${msgs.party[t.party]} (${t.type}) — ${s.refs}:\n${refLines(style, t.listed, t.students)}`);
  }
  if (r.meldingen.length > 0) {
    out.push(c.bold(`${s.meldingen(r.meldingen.length, r.meldingenTotal)}:`));
    for (const x of r.meldingen) out.push(formatMelding(style, a, x.studentRef, x.escalation).join('\n'));
  }
  if (r.errors.length > 0) {
    out.push(c.bold.red(`${msgs.batch.errorsHead}:`));
    const describe = rowProblemDescriber(msgs.lang);
    const rows = r.errors.map((e) => [e.line, e.studentRef ?? '', e.error.column, describe(e.error.problem)]);
    if (r.invalid > r.errors.length) rows.push(['', '', '', msgs.batch.andMore(r.invalid - r.errors.length)]);
    out.push(formatTable(style, [msgs.batch.line, msgs.student, msgs.batch.column, msgs.batch.problem], rows, { right: [0] }));
  }
  return out.join('\n');
}

export function formatAbsenceOneLine(style: Style, a: AbsenceMessages, r: AbsenceSummaryView): string {
  return `zorgroute batch: ${a.summary.oneLine(r.students, r.registrations, r.registrationsInvalid, r.escalated, r.overdue)}`;
}

export function formatAbsenceWarning(style: Style, a: AbsenceMessages, w: AbsenceWarningView): string {
  if (w.kind === 'calendar-advice') {
    const [first, ...rest] = calendarMessagesFor(style.msgs.lang).advice(w.file, w.region, w.advice);
    // Lines of their own (each under 80 columns); only a long file name is wrapped, on a terminal.
    const wrapped = rest.flatMap((line) => wrapLines(line.trimStart(), style.width, line.slice(0, line.length - line.trimStart().length), '    '));
    return [`${style.color.yellow(`zorgroute: ${style.msgs.batch.warning}:`)} ${first}`, ...wrapped].join('\n');
  }
  const text =
    w.kind === 'registration-row'
      ? a.row(w.row)
      : w.kind === 'registrations-after-peildatum'
        ? a.afterPeildatum(w.count)
        : w.kind === 'unknown-columns'
          ? a.unknownColumns(w.file, w.columns.map((h) => `"${h}"`).join(', '))
          : style.msgs.batch.duplicate(w.studentRef, w.line, w.firstLine);
  return wrapLines(`${style.color.yellow(`zorgroute: ${style.msgs.batch.warning}:`)} ${text}`, style.width, '', '  ').join('\n');
}

export function formatMoreRows(style: Style, a: AbsenceMessages, n: number): string {
  return wrapLines(`${style.color.yellow(`zorgroute: ${style.msgs.batch.warning}:`)} ${a.moreRows(n)}`, style.width, '', '  ').join('\n');
}
