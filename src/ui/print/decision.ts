// Everything a person reads is formatted here: the only importer of chalk. Lines are wrapped by
// layout.ts and tables drawn by print/table.ts, at the width the Style carries.
// Functions return strings; the CLI decides where they go (data → stdout, messages → stderr).
import type { Decision } from '../../core/routing/decide.js';
import type { ConditionTrace, RuleTrace } from '../../core/routing/explain.js';
import { humanDate, weekdayDate } from '../human-date.js';
import { wrapLines } from '../layout.js';
import type { Messages } from '../messages/messages.js';
import { drawTable, type TableParts } from './table.js';
import type { Style } from '../style.js';
import type { UserError } from '../../core/errors.js';
import { detailText, problemText, textOf, type ProblemWording } from '../messages/errors/catalogue.js';
import { partyName } from '../party-names.js';


/** How much of the reasoning a decision shows: rule ids and the rule set's sha256 only on request. */
export interface DecisionView {
  /** Rule ids after each outcome, ids before the sources, the sha256 of the rule set (--explain). */
  ids?: boolean;
}

function tags(style: Style, rules: readonly string[], view: DecisionView): string {
  return view.ids ? ` ${style.color.dim(`[${rules.join(', ')}]`)}` : '';
}

/**
 * A deadline as a person reads it: `uiterlijk vr 04-12-2026`; `vandaag (di 01-12-2026)` when it is
 * today; `dezelfde dag: …` for a deadline on the reference date itself (acute: not "uiterlijk").
 */
export function formatDeadline(style: Style, deadline: string | null, referenceDate?: string): string {
  const m = style.msgs;
  if (deadline === null) return m.noDeadline;
  const when = weekdayDate(m.weekdays, deadline);
  if (deadline === style.today) return m.deadlineToday(when);
  if (deadline === referenceDate) return m.deadlineSameDay(when);
  return m.deadline(when);
}

export function formatFactsSummary(style: Style, d: Decision): string {
  const { msgs: m } = style;
  const f = d.facts;
  const exempt = f.leerplicht !== 'geen' && !f.leerplichtig ? ` (${m.exempt})` : '';
  return `${m.age(f.age)} · ${m.leerplicht[f.leerplicht]}${exempt} · ${m.rmc(f.rmc)} · ${m.thuiszitter(f.thuiszitter)}`;
}

function decisionHead(style: Style, d: Decision): string[] {
  const { color: c, msgs: m, width } = style;
  return [
    ...wrapLines(c.bold(`${m.student} ${d.studentRef}`) + ` — ${m.referenceDate} ${humanDate(d.referenceDate)}`, width),
    ...wrapLines(formatFactsSummary(style, d), width),
  ];
}

/** An escalation due on its reference date is acute: the line says so, and where to call in danger. */
function escalationLine(style: Style, d: Decision, e: Decision['escalations'][number]): string {
  const { color: c, msgs: m } = style;
  const acute = e.deadline !== null && e.deadline === d.referenceDate ? ` — ${c.bold.red(m.acuteCall)}` : '';
  // `overdue` is set by a decision that knows today (a deadline already passed on the reference date's terms).
  const late = (e as { overdue?: boolean }).overdue === true ? ` — ${c.red.bold(m.overdue)}` : '';
  return `${c.bold(partyName(m, e.to))} (${e.type}) — ${c.bold(formatDeadline(style, e.deadline, d.referenceDate))}${late}${acute}`;
}

function todoLine(style: Style, t: NonNullable<Decision['todos']>[number]): string {
  const { color: c, msgs: m } = style;
  const late = t.overdue ? ` ${c.red(m.overdue)}` : '';
  return `${c.bold(partyName(m, t.party))} (${t.type}) — ${c.bold(formatDeadline(style, t.deadline ?? null))}${late}`;
}

/**
 * Which rule set decided: the file named, and its chain base first when it has more than one layer;
 * with ids (`--explain`) every sha256.
 */
function rulesetLines(style: Style, r: Decision['ruleset'], view: DecisionView): string[] {
  const { color: c, msgs: m, width } = style;
  const named = `${m.ruleset}: ${r.id} ${r.version}`;
  const lines = wrapLines(c.dim(view.ids ? `${named} (sha256 ${r.sha256})` : named), width);
  const layers = r.layers ?? [];
  if (layers.length > 1) {
    const chain = layers.map((l) => (view.ids ? `${l.id} ${l.version} (sha256 ${l.sha256})` : `${l.id} ${l.version}`)).join(' → ');
    lines.push(...wrapLines(c.dim(`(${m.chain(chain)})`), width, '  ', '  '));
  }
  return lines;
}

/** The whole decision: every outcome with its reason, the notes, the rules applied and their sources. */
export function formatDecision(style: Style, d: Decision, view: DecisionView = {}): string {
  const { color: c, msgs: m, width } = style;
  const out: string[] = decisionHead(style, d);
  out.push('');
  out.push(...wrapLines(`${c.bold(m.parents)}: ${c.bold(m.involve[d.parents.involve])} — ${d.parents.reason}${tags(style, d.parents.rules, view)}`, width, '', '  '));
  out.push('');
  out.push(c.bold(`${m.inform}:`));
  for (const i of d.inform) out.push(...wrapLines(`${c.bold(partyName(m, i.party))} — ${i.reason}${tags(style, i.rules, view)}`, width, '  • ', '    '));
  out.push('');
  const todos = d.todos ?? [];
  if (d.escalations.length === 0 && todos.length === 0) out.push(c.green(m.noEscalation));
  if (d.escalations.length > 0) {
    out.push(c.bold.red(`${m.escalations}:`));
    for (const e of d.escalations) {
      out.push(...wrapLines(escalationLine(style, d, e), width, `  ${c.red('!')} `, '    '));
      out.push(...wrapLines(`${e.reason}${tags(style, e.rules, view)}`, width, '    '));
    }
  }
  if (todos.length > 0) {
    if (d.escalations.length > 0) out.push('');
    out.push(c.bold.yellow(`${m.todos}:`));
    for (const t of todos) {
      out.push(...wrapLines(todoLine(style, t), width, `  ${c.yellow('☐')} `, '    '));
      out.push(...wrapLines(`${t.reason}${tags(style, t.rules, view)}`, width, '    '));
    }
  }
  // A step to the parents that the parents rules hold back: said, with the rule that held it.
  for (const t of d.withheld ?? []) {
    out.push(...wrapLines(m.withheld(partyName(m, t.party), t.type, t.parents?.reason ?? '', (t.parents?.rules ?? []).join(', ')), width, `  ${c.dim('–')} `, '    '));
  }
  if (d.notes.length > 0) {
    out.push('');
    out.push(c.bold.yellow(`${m.notes}:`));
    for (const n of d.notes) out.push(...wrapLines(n, width, '  - ', '    '));
  }
  out.push('');
  out.push(c.bold(`${m.sources}:`));
  for (const r of d.rules) {
    out.push(...wrapLines(view.ids ? `${c.cyan(r.id)}: ${r.title}` : r.title, width, '  • ', '    '));
    // A decision logged before rule sets had layers cites its rules without one.
    out.push(...wrapLines(c.dim(r.layer ? `${r.source} (${m.layer(r.layer)})` : r.source), width, '    '));
  }
  out.push(...rulesetLines(style, d.ruleset, view));
  return out.join('\n');
}

/**
 * The outcome without its reasoning, for the intake review: who is involved, what to escalate by
 * when, how many notes — short enough to stay on screen with the menu (the reasons, rules and
 * sources are one choice away, formatDecision).
 */
export function formatOutcome(style: Style, d: Decision): string {
  const { color: c, msgs: m, width } = style;
  const out: string[] = decisionHead(style, d);
  out.push(...wrapLines(`${c.bold(m.parents)}: ${m.involve[d.parents.involve]}`, width, '', '  '));
  out.push(...wrapLines(`${c.bold(m.inform)}: ${d.inform.map((i) => partyName(m, i.party)).join(', ')}`, width, '', '  '));
  const todos = d.todos ?? [];
  if (d.escalations.length === 0 && todos.length === 0) out.push(c.green(m.noEscalation));
  if (d.escalations.length > 0) {
    out.push(c.bold.red(`${m.escalations}:`));
    for (const e of d.escalations) out.push(...wrapLines(escalationLine(style, d, e), width, `  ${c.red('!')} `, '    '));
  }
  if (todos.length > 0) {
    out.push(c.bold.yellow(`${m.todos}:`));
    for (const t of todos) out.push(...wrapLines(todoLine(style, t), width, `  ${c.yellow('☐')} `, '    '));
  }
  // The notes are long (the meldcode's five steps): counted here, shown with the reasons.
  if (d.notes.length > 0) out.push(...wrapLines(c.bold.yellow(`${m.notes}: ${m.notesCounted(d.notes.length)}`), width, '', '  '));
  return out.join('\n');
}

const OPERATOR_SYMBOLS: Record<string, string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  in: 'in',
  notIn: 'not in',
  includes: 'includes',
  isEmpty: 'is empty',
  notEmpty: 'is not empty',
};

function formatValue(value: unknown): string {
  return value === undefined ? '—' : JSON.stringify(value);
}

function formatCondition(style: Style, t: ConditionTrace, indent: string): string[] {
  const mark = t.held ? style.color.green('✓') : style.color.red('✗');
  if ('all' in t) return [`${indent}${mark} all:`, ...t.all.flatMap((x) => formatCondition(style, x, `${indent}  `))];
  if ('any' in t) return [`${indent}${mark} any:`, ...t.any.flatMap((x) => formatCondition(style, x, `${indent}  `))];
  if ('not' in t) return [`${indent}${mark} not:`, ...formatCondition(style, t.not, `${indent}  `)];
  const expected = 'value' in t ? ` ${formatValue(t.value)}` : '';
  return [`${indent}${mark} ${t.fact} ${OPERATOR_SYMBOLS[t.op] ?? t.op}${expected}  (${formatValue(t.actual)})`];
}

export function formatExplain(style: Style, trace: readonly RuleTrace[]): string {
  const { color: c, msgs: m } = style;
  const out = [c.bold(`${m.explainHeader}:`)];
  for (const r of trace) {
    const status = m.ruleStatus[r.status];
    const shown = r.status === 'fired' ? c.green(status) : r.status === 'not-met' ? c.dim(status) : c.yellow(status);
    out.push(...wrapLines(`${c.cyan(r.id)} — ${shown}: ${r.title}`, style.width, '  ', '    '));
    const where = [m.layer(r.layer), ...(r.binding ? [m.binding] : []), ...(r.switchedBy ? [m.switchedBy(r.status !== 'disabled', r.switchedBy)] : [])];
    out.push(...wrapLines(c.dim(where.join(' · ')), style.width, '    '));
    if (r.regionalOption) out.push(...wrapLines(c.dim(r.regionalOption), style.width, '    '));
    if (r.conditions === null) out.push(`    ${c.dim(m.alwaysApplies)}`);
    else out.push(...formatCondition(style, r.conditions, '    ').flatMap((line) => wrapLines(line.trimStart(), style.width, line.slice(0, line.length - line.trimStart().length), `${line.slice(0, line.length - line.trimStart().length)}    `)));
  }
  return out.join('\n');
}

/** A UserError as the user reads it: the problem, its detail lines and the hint, from the catalogue. */
export function formatUserError(style: Style, wording: ProblemWording, error: UserError): string {
  const { color: c, msgs: m } = style;
  const message = error.problem ? problemText(wording, error.problem) : error.message;
  const lines = wrapLines(`${c.red.bold(`zorgroute: ${m.error}:`)} ${message}`, style.width, '', '  ');
  for (const d of error.details) lines.push(...wrapLines(detailText(wording, d), style.width, '  ', '    '));
  if (error.hint !== undefined) lines.push(...wrapLines(`${c.dim(`${m.hint}:`)} ${textOf(wording, error.hint)}`, style.width, '', '  '));
  return lines.join('\n');
}

export function formatBug(style: Style, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${style.color.red.bold(`zorgroute: ${style.msgs.internalError}`)}\n${style.msgs.bug}\n${style.color.dim(detail)}`;
}

/** A table that fits the style's width (see print/table.ts); cells may hold colour. */
export function formatTable(
  style: Style,
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  parts: TableParts = {},
): string {
  const look = { head: (t: string) => style.color.bold(t), rule: (t: string) => style.color.dim(t) };
  return drawTable(look, head, rows.map((r) => r.map(String)), style.width, parts);
}
