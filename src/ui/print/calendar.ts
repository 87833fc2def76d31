// What a person reads of `zorgroute calendar show|check`: one school year (its holidays, the public
// holidays on weekdays, school days and lesweken per month) and the problems of a calendar file.
// Strings only, fitting 80 columns; names from a file pass the privacy guard (shownLabel).
import type { CalendarWarning } from '../../core/calendar/calendar-check.js';
import type { CalendarProblem } from '../../core/calendar/school-calendar.js';
import type { FieldIssue } from '../../core/problems.js';
import { shownLabel } from '../../core/privacy.js';
import type { CalendarMessages } from '../messages/calendar.js';
import { detailText } from '../messages/errors/catalogue.js';
import { weekdayDate } from '../human-date.js';
import { wrapLines } from '../layout.js';
import type { Style } from '../style.js';
import { formatTable } from './decision.js';

/** The parts of a `calendar show` result it draws (structural: ui does not import commands). */
export interface CalendarShowView {
  name: string;
  kind: 'shipped' | 'school';
  source: string;
  region: string | undefined;
  schoolYear: string | undefined;
  firstSchoolDay: string;
  lastSchoolDay: string;
  assumed: boolean;
  holidays: readonly { name: string; from: string; to: string; compulsory?: boolean }[];
  studyDays: readonly string[];
  publicHolidays: readonly { id: string; date: string }[];
  months: readonly { month: string; schoolDays: number; lesweken: number }[];
  schoolDays: number;
  lesweken: number;
}

export interface CalendarCheckView {
  file: string;
  ok: boolean;
  errors: readonly ({ kind: 'field'; issue: FieldIssue } | { kind: 'range'; problem: CalendarProblem })[];
  warnings: readonly CalendarWarning[];
}

export function formatCalendarShow(style: Style, m: CalendarMessages, v: CalendarShowView): string {
  const u = m.ui;
  const { color: c } = style;
  const day = (iso: string): string => weekdayDate(u.weekdays, iso);
  const title = v.kind === 'shipped' && v.schoolYear ? u.title(v.schoolYear, v.region) : u.schoolTitle(shownLabel(v.name));
  const out: string[] = [...wrapLines(c.bold(title), style.width, '', '  '), ...wrapLines(`${u.source}: ${shownLabel(v.source)}`, style.width, '', '  ')];
  const label = Math.max(u.firstDay.length, u.lastDay.length) + 2;
  out.push(
    ...wrapLines(`${u.firstDay.padEnd(label)}${day(v.firstSchoolDay)}${v.assumed ? ` (${u.assumedFirst})` : ''}`, style.width, '', ' '.repeat(label)),
    ...wrapLines(`${u.lastDay.padEnd(label)}${day(v.lastSchoolDay)}${v.assumed ? ` (${u.assumedLast})` : ''}`, style.width, '', ' '.repeat(label)),
    '',
    c.bold(u.holidays),
  );
  const nameWidth = Math.max(0, ...v.holidays.map((h) => shownLabel(h.name).length));
  for (const h of v.holidays) {
    const mark = h.compulsory === undefined ? '' : `  ${h.compulsory ? u.compulsory : c.dim(u.advice)}`;
    out.push(`  ${shownLabel(h.name).padEnd(nameWidth)}  ${day(h.from)} ${u.through} ${day(h.to)}${mark}`);
  }
  if (v.studyDays.length > 0) {
    out.push('', c.bold(u.studyDays), ...v.studyDays.map((d) => `  ${day(d)}`));
  }
  if (v.publicHolidays.length > 0) {
    out.push('', c.bold(u.publicHolidays), ...v.publicHolidays.map((p) => `  ${day(p.date)}  ${u.publicHoliday[p.id] ?? p.id}`));
  }
  const rows = v.months.map((x) => [`${u.months[Number(x.month.slice(5, 7)) - 1]} ${x.month.slice(0, 4)}`, x.schoolDays, x.lesweken]);
  rows.push([c.bold(u.total), v.schoolDays, v.lesweken]);
  out.push('', formatTable(style, [u.month, u.schoolDays, u.lesweken], rows, { right: [1, 2] }));
  return out.join('\n');
}

/** The check's lines: a verdict, then every error and warning, one per line. */
export function formatCalendarCheck(style: Style, m: CalendarMessages, r: CalendarCheckView): string {
  const u = m.ui;
  const { color: c } = style;
  const file = shownLabel(r.file);
  const head = !r.ok ? c.red(u.checkErrors(file, r.errors.length)) : r.warnings.length > 0 ? c.yellow(u.checkWarnings(file, r.warnings.length)) : c.green(u.checkOk(file));
  const wording = { lang: style.msgs.lang, cmd: 'zorgroute' } as const;
  const errors = r.errors.map((e) => (e.kind === 'field' ? detailText(wording, { path: e.issue.path, problem: e.issue.problem }) : m.calendarProblem(e.problem)));
  return [
    head,
    ...errors.flatMap((l) => wrapLines(shownLabel(l), style.width, `  ${c.red('•')} `, '    ')),
    ...r.warnings.flatMap((w) => wrapLines(shownLabel(m.warning(w)), style.width, `  ${c.yellow('!')} `, '    ')),
  ].join('\n');
}
