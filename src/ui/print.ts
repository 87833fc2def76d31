// Everything a person reads is formatted here: the only importer of chalk and cli-table3.
// Functions return strings; the CLI decides where they go (data → stdout, messages → stderr).
import { Chalk, type ChalkInstance } from 'chalk';
import { createRequire } from 'node:module';
import { parseIsoDate, toDayNumber, weekdayOf } from '../core/dates.js';
import type { Decision } from '../core/routing/decide.js';
import type { ConditionTrace, RuleTrace } from '../core/routing/explain.js';
import type { UserError } from '../core/errors.js';
import type { Messages } from './messages.js';
import { detailText, problemText, textOf, type ProblemWording } from './messages-errors.js';

export interface Style {
  color: ChalkInstance;
  msgs: Messages;
}

/** Colour only on a terminal, never with NO_COLOR (any value) or TERM=dumb; FORCE_COLOR forces it. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export function makeStyle(msgs: Messages, color: boolean): Style {
  return { color: new Chalk({ level: color ? 1 : 0 }), msgs };
}

function tags(style: Style, rules: readonly string[]): string {
  return style.color.dim(`[${rules.join(', ')}]`);
}

export function formatDeadline(style: Style, deadline: string | null): string {
  if (deadline === null) return style.msgs.noDeadline;
  const ymd = parseIsoDate(deadline);
  const weekday = ymd ? (style.msgs.weekdays[weekdayOf(toDayNumber(ymd))] ?? '') : '';
  return style.msgs.deadline(deadline, weekday);
}

export function formatDecision(style: Style, d: Decision): string {
  const { color: c, msgs: m } = style;
  const f = d.facts;
  const out: string[] = [];
  out.push(c.bold(`${m.student} ${d.studentRef}`) + ` — ${m.referenceDate} ${d.referenceDate}`);
  out.push(`${m.age(f.age)} · ${m.leerplicht[f.leerplicht]}${f.leerplicht !== 'geen' && !f.leerplichtig ? ` (${m.exempt})` : ''} · ${m.rmc(f.rmc)} · ${m.thuiszitter(f.thuiszitter)}`);
  out.push('');
  out.push(`${c.bold(m.parents)}: ${c.bold(m.involve[d.parents.involve])} — ${d.parents.reason} ${tags(style, d.parents.rules)}`);
  out.push('');
  out.push(c.bold(`${m.inform}:`));
  for (const i of d.inform) out.push(`  • ${c.bold(m.party[i.party])} — ${i.reason} ${tags(style, i.rules)}`);
  out.push('');
  const todos = d.todos ?? [];
  if (d.escalations.length === 0 && todos.length === 0) out.push(c.green(m.noEscalation));
  if (d.escalations.length > 0) {
    out.push(c.bold.red(`${m.escalations}:`));
    for (const e of d.escalations) {
      // `overdue` is set by a decision that knows today (a deadline already passed on the reference date's terms).
      const late = (e as { overdue?: boolean }).overdue === true ? ` — ${c.red.bold(m.overdue)}` : '';
      out.push(`  ${c.red('!')} ${c.bold(m.party[e.to])} (${e.type}) — ${c.bold(formatDeadline(style, e.deadline))}${late}`);
      out.push(`    ${e.reason} ${tags(style, e.rules)}`);
    }
  }
  if (todos.length > 0) {
    if (d.escalations.length > 0) out.push('');
    out.push(c.bold.yellow(`${m.todos}:`));
    for (const t of todos) {
      out.push(`  ${c.yellow('☐')} ${c.bold(m.party[t.party])} (${t.type}) — ${c.bold(m.noDeadline)}`);
      out.push(`    ${t.reason} ${tags(style, t.rules)}`);
    }
  }
  if (d.notes.length > 0) {
    out.push('');
    out.push(c.bold.yellow(`${m.notes}:`));
    for (const n of d.notes) out.push(`  - ${n}`);
  }
  out.push('');
  out.push(c.bold(`${m.sources}:`));
  for (const r of d.rules) out.push(`  ${c.cyan(r.id)}: ${r.title}\n    ${c.dim(r.source)}`);
  out.push(c.dim(`${m.ruleset}: ${d.ruleset.id} ${d.ruleset.version} (sha256 ${d.ruleset.sha256.slice(0, 12)}…)`));
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
    out.push(`  ${c.cyan(r.id)} — ${shown}: ${r.title}`);
    if (r.regionalOption) out.push(`    ${c.dim(r.regionalOption)}`);
    if (r.conditions === null) out.push(`    ${c.dim(m.alwaysApplies)}`);
    else out.push(...formatCondition(style, r.conditions, '    '));
  }
  return out.join('\n');
}

/** A UserError as the user reads it: the problem, its detail lines and the hint, from the catalogue. */
export function formatUserError(style: Style, wording: ProblemWording, error: UserError): string {
  const { color: c, msgs: m } = style;
  const lines = [`${c.red.bold(`zorgroute: ${m.error}:`)} ${error.problem ? problemText(wording, error.problem) : error.message}`];
  for (const d of error.details) lines.push(`  ${detailText(wording, d)}`);
  if (error.hint !== undefined) lines.push(`${c.dim(`${m.hint}:`)} ${textOf(wording, error.hint)}`);
  return lines.join('\n');
}

export function formatBug(style: Style, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `${style.color.red.bold(`zorgroute: ${style.msgs.internalError}`)}\n${style.msgs.bug}\n${style.color.dim(detail)}`;
}

type TableCtor = new (options: Record<string, unknown>) => { push(...rows: unknown[]): void; toString(): string };
let tableCtor: TableCtor | undefined;

/**
 * A cli-table3 table, loaded on first use so that commands without tables start fast. `colWidths`
 * (null: fit the content) makes a long column wrap at word boundaries instead of overflowing.
 */
export function formatTable(
  style: Style,
  head: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  options: { colWidths?: readonly (number | null)[] } = {},
): string {
  tableCtor ??= createRequire(import.meta.url)('cli-table3') as TableCtor;
  const table = new tableCtor({
    head: head.map((h) => style.color.bold(h)),
    style: { head: [], border: [] },
    ...(options.colWidths ? { colWidths: [...options.colWidths], wordWrap: true, wrapOnWordBoundary: true } : {}),
  });
  table.push(...rows.map((r) => r.map(String)));
  return table.toString();
}
