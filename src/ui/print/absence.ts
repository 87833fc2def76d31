// What a person reads of `batch --registrations`: the summary (counts, which calendar and code
// table, periods, escalations per target, the meldingen ready to copy), the one line for logs, and
// the warnings. Strings only; the CLI picks the stream.
import type { PeriodKind } from '../../core/absence/period.js';
import type { RegistrationRowProblem } from '../../core/absence/problems.js';
import type { AbsenceEscalation, AbsenceTodo } from '../../core/absence/route-absence.js';
import type { RowError } from '../../core/rows/row-situation.js';
import type { EscalationTarget, Party } from '../../core/routing/vocabulary.js';
import type { Holiday } from '../../core/calendar/school-calendar.js';
import type { CalendarWarning } from '../../core/calendar/calendar-check.js';
import type { SchoolYearSpan } from '../../core/calendar/school-years.js';
import { absenceMessagesFor, type AbsenceMessages } from '../messages/absence.js';
import { calendarMessagesFor } from '../messages/calendar.js';
import { humanDate } from '../human-date.js';
import { wrapLines } from '../layout.js';
import { formatDeadline, formatTable } from './decision.js';
import type { Style } from '../style.js';
import { rowProblemDescriber } from '../messages/errors/catalogue.js';
import { partyName } from '../party-names.js';
import { shownLabel, shownValues } from '../../core/privacy.js';

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
  calendar: { name: string; from: string; to: string; source: string; region?: string | undefined; schoolYears?: readonly string[] | undefined; differs?: readonly CalendarWarning[] | undefined };
  codes: string;
  /** False when the rules count lateness and the code table has no te-laat code. */
  latenessCounted?: boolean;
  /** The steps of a school's verzuimprotocol (absent in views made before there were any). */
  steps?: StepView[];
  stepsTotal?: number;
  hasMentor?: boolean;
  partyNames?: Readonly<Record<string, string>>;
}

export interface StepView {
  party: string;
  type: string;
  studentRef: string;
  line: number;
  mentor?: string | undefined;
  klas?: string | undefined;
  deadline: string | null;
  overdue: boolean;
  reachedOn: string | null;
  withheldBy?: string[];
}

/**
 * The *Te doen* list: per party (and per mentor when the students file names them), each student
 * with the step, its term and `te laat`, late ones first (the tally sorted them). One line each,
 * cut to the width: student, klas, step, term.
 */
function stepLines(style: Style, a: AbsenceMessages, r: AbsenceSummaryView, steps: readonly StepView[]): string[] {
  const { color: c, msgs } = style;
  const s = a.summary;
  const byMentor = r.hasMentor === true;
  const name = (party: string): string => (r.partyNames && Object.hasOwn(r.partyNames, party) ? r.partyNames[party]! : partyName(msgs, party));
  const out: string[] = [c.bold(`${s.steps(steps.length, r.stepsTotal ?? steps.length)}:`)];
  // Per party in the order first met, then per mentor (alphabetically); within a group the tally's order: late first.
  const parties = new Map<string, Map<string, StepView[]>>();
  for (const t of steps) {
    const mentors = parties.get(t.party) ?? new Map<string, StepView[]>();
    parties.set(t.party, mentors);
    const key = byMentor ? (t.mentor ?? '') : '';
    mentors.set(key, [...(mentors.get(key) ?? []), t]);
  }
  const refWidth = Math.min(12, Math.max(...steps.map((t) => t.studentRef.length)));
  const klasWidth = Math.min(6, Math.max(0, ...steps.map((t) => (t.klas ?? '').length)));
  for (const [party, mentors] of parties) {
    for (const mentor of [...mentors.keys()].sort((x, y) => (x === '' ? 1 : y === '' ? -1 : x.localeCompare(y)))) {
      const head = byMentor ? `${name(party)} — ${mentor === '' ? s.noMentor : s.mentor(mentor)}` : name(party);
      out.push(`${c.bold(head)}:`);
      for (const t of mentors.get(mentor)!) {
        const term = t.withheldBy ? s.withheld(t.withheldBy.join(', ')) : formatDeadline(style, t.deadline);
        const late = t.overdue && !t.withheldBy ? ` ${c.red(s.stepLate)}` : '';
        const klas = klasWidth > 0 ? ` ${(t.klas ?? '').slice(0, klasWidth).padEnd(klasWidth)}` : '';
        const line = `  ${t.studentRef.padEnd(refWidth)}${klas}  ${t.type} — ${term}${late}`;
        out.push(...wrapLines(line, style.width, '', ' '.repeat(4 + refWidth + (klasWidth > 0 ? klasWidth + 1 : 0))));
      }
    }
  }
  return out;
}

export type AbsenceWarningView =
  | { kind: 'registration-row'; row: RegistrationRowProblem }
  | { kind: 'registrations-after-peildatum'; count: number }
  | { kind: 'unknown-columns'; file: string; columns: string[] }
  | { kind: 'duplicate'; studentRef: string; line: number; firstLine: number }
  | { kind: 'calendar-advice'; file: string; region: string; advice: readonly Holiday[] }
  | { kind: 'calendar-shipped'; file: string; region: string; years: readonly SchoolYearSpan[]; advice: readonly Holiday[] }
  | { kind: 'lateness-not-counted'; codes: string; rules: string[] };

/** Student numbers per line under the escalation table (fits 80 columns). */
const REFS_PER_LINE = 5;

const fmtNumber = (a: AbsenceMessages, n: number): string => (a === absenceMessagesFor('nl') ? String(n).replace('.', ',') : String(n));

/** The melding of one escalation, as lines to copy into the DUO verzuimloket (indent: two spaces). */
/** `texts`: the melding's own fields as the case log holds them (`cases note --reden/--maatregelen`); absent or null: to fill in. */
export function formatMelding(style: Style, a: AbsenceMessages, studentRef: string, e: AbsenceEscalation, texts: { reden: string | null; maatregelen: string | null } = { reden: null, maatregelen: null }): string[] {
  const m = a.melding;
  const mel = e.melding!;
  const due = `  ${formatDeadline(style, e.deadline)}${e.overdue ? ` — ${style.color.red(m.overdue)}` : ''}`;
  const head = `${style.color.bold(`${studentRef} — ${partyName(style.msgs, e.to)} (${e.type})`)}\n${due}`;
  const rows: [string, string][] = [
    [m.soort, a.period[mel.soort]],
    ...(mel.herhaalmelding === undefined ? [] : [[m.herhaalmelding, m.repeat(mel.herhaalmelding)] as [string, string]]),
    [m.begindatum, humanDate(mel.begindatum)],
    [m.einddatum, humanDate(mel.einddatum)],
    [m.verzuimuren, fmtNumber(a, mel.verzuimuren)],
    [m.verzuimdagen, String(mel.verzuimdagen)],
    [m.alleLessenGemist, mel.alleLessenGemist ? m.yes : m.no],
  ];
  const width = Math.max(...[...rows.map(([k]) => k), m.reden, m.maatregelen].map((k) => k.length));
  const indent = ' '.repeat(width + 4);
  // The school's own text wraps under its label; the rest are short values.
  const filled = ([k, v]: [string, string | null]): string[] => (v === null ? [`  ${k.padEnd(width)}  ${m.toFill}`] : wrapLines(v, style.width, `  ${k.padEnd(width)}  `, indent));
  return [head, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`), ...filled([m.reden, texts.reden]), ...filled([m.maatregelen, texts.maatregelen])];
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
  const head = `${style.color.bold(`${studentRef} — ${partyName(style.msgs, t.party)} (${t.type})`)}\n  ${style.msgs.noDeadline}`;
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
  // The file names and the calendar's name are read from files: through the privacy guard.
  const out: string[] = wrapLines(c.bold(s.title(shownLabel(labels.students), shownLabel(labels.registrations))), style.width, '', '  ');
  out.push(
    ...wrapLines(`${s.calendar}: ${shownLabel(r.calendar.name)}`, style.width, '', '  '),
    `  ${humanDate(r.calendar.from)} – ${humanDate(r.calendar.to)}`,
    ...wrapLines(calendarMessagesFor(msgs.lang).source(shownLabel(r.calendar.source), r.calendar.region, r.calendar.schoolYears).trimStart(), style.width, '  ', '    '),
  );
  if (r.calendar.differs && r.calendar.differs.length > 0) {
    // the holiday names come from the school's calendar file: through the privacy guard
    const differs = r.calendar.differs.map((d) => ('name' in d && typeof d.name === 'string' ? { ...d, name: shownLabel(d.name) } : d));
    const [head, ...rest] = calendarMessagesFor(msgs.lang).differs(r.calendar.differs.find((w) => w.kind === 'differs-from-advice')?.region ?? '', differs);
    out.push(...wrapLines(head!.trimStart(), style.width, '  ', '    '), ...rest);
  }
  out.push(...wrapLines(`${s.codes}: ${shownLabel(r.codes)}`, style.width, '', '  '));
  if (r.latenessCounted === false) out.push(...wrapLines(c.yellow(a.latenessNotCounted(shownLabel(r.codes), [])), style.width, '', '  '));
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
    out.push(formatTable(style, [s.target, s.count, s.late, s.earliest], r.targets.map((t) => [partyName(msgs, t.to), t.students, t.overdue, formatDeadline(style, t.earliest)])));
    for (const t of r.targets) out.push(`${partyName(msgs, t.to)} — ${s.refs}:\n${refLines(style, t.listed, t.students)}`);
  }
  const todos = r.todos ?? [];
  if (todos.length > 0) {
    out.push(c.bold(`${s.todos}:`));
    for (const t of todos) out.push(`${partyName(msgs, t.party)} (${t.type}) — ${s.refs}:\n${refLines(style, t.listed, t.students)}`);
  }
  if (r.steps && r.steps.length > 0) out.push(stepLines(style, a, r, r.steps).join('\n'));
  if (r.meldingen.length > 0) {
    out.push(c.bold(`${s.meldingen(r.meldingen.length, r.meldingenTotal)}:`));
    for (const x of r.meldingen) out.push(formatMelding(style, a, x.studentRef, x.escalation).join('\n'));
  }
  if (r.errors.length > 0) {
    out.push(c.bold.red(`${msgs.batch.errorsHead}:`));
    const describe = rowProblemDescriber(msgs.lang);
    const rows = r.errors.map((e) => [e.line, shownLabel(e.studentRef ?? ''), shownLabel(e.error.column), describe(e.error.problem)]);
    if (r.invalid > r.errors.length) rows.push(['', '', '', msgs.batch.andMore(r.invalid - r.errors.length)]);
    out.push(formatTable(style, [msgs.batch.line, msgs.student, msgs.batch.column, msgs.batch.problem], rows, { right: [0] }));
  }
  return out.join('\n');
}

export function formatAbsenceOneLine(style: Style, a: AbsenceMessages, r: AbsenceSummaryView): string {
  return `zorgroute batch: ${a.summary.oneLine(r.students, r.registrations, r.registrationsInvalid, r.escalated, r.overdue)}`;
}

export function formatAbsenceWarning(style: Style, a: AbsenceMessages, w: AbsenceWarningView): string {
  if (w.kind === 'calendar-advice' || w.kind === 'calendar-shipped') {
    const words = calendarMessagesFor(style.msgs.lang);
    const [first, ...rest] = w.kind === 'calendar-advice' ? words.advice(shownLabel(w.file), w.region, shownValues(w.advice)) : words.shipped(shownLabel(w.file), w.region, w.years, shownValues(w.advice));
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
          : w.kind === 'lateness-not-counted'
            ? a.latenessNotCounted(w.codes, w.rules)
            : style.msgs.batch.duplicate(w.studentRef, w.line, w.firstLine);
  return wrapLines(`${style.color.yellow(`zorgroute: ${style.msgs.batch.warning}:`)} ${text}`, style.width, '', '  ').join('\n');
}

export function formatMoreRows(style: Style, a: AbsenceMessages, n: number): string {
  return wrapLines(`${style.color.yellow(`zorgroute: ${style.msgs.batch.warning}:`)} ${a.moreRows(n)}`, style.width, '', '  ').join('\n');
}
