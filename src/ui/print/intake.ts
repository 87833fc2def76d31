// The intake's review screen and the way answers are shown and offered as defaults. Returns strings;
// colour comes from the Style (print.ts owns chalk).
import type { Lang } from '../../core/routing/compile.js';
import type { DerivedFacts } from '../../core/routing/facts.js';
import type { IntakeReview } from '../../core/intake/asker.js';
import { FIXED_FIELDS } from '../../core/intake/plan.js';
import { FIELD_KINDS, parseSituation, SITUATION_FIELDS, type Situation, type SituationField } from '../../core/routing/situation.js';
import { messagesFor } from '../messages/messages.js';
import { intakeMessagesFor } from '../messages/intake.js';
import { humanDate } from '../human-date.js';
import { displayWidth, padEnd, wrapAfter, wrapLines } from '../layout.js';
import type { Width } from '../terminal.js';
import { formatOutcome } from './decision.js';
import type { Style } from '../style.js';

function number(n: number, lang: Lang): string {
  return lang === 'nl' ? String(n).replace('.', ',') : String(n);
}

/** An answer as it is shown in the review. */
export function formatAnswer(field: SituationField, value: unknown, lang: Lang): string {
  const m = intakeMessagesFor(lang);
  const kind = FIELD_KINDS[field];
  if (value === undefined) return m.unknown;
  switch (kind.kind) {
    case 'boolean':
      return value ? m.yes : m.no;
    case 'nullableBoolean':
      return value === null ? m.notAskedYet : value ? m.yes : m.no;
    case 'date':
      return humanDate(String(value));
    case 'count':
    case 'amount':
      return number(Number(value), lang);
    case 'enum':
      return m.values[String(value)] ?? String(value);
    case 'enumList': {
      const items = value as string[];
      return items.length === 0 ? m.values.none! : items.map((v) => m.values[v] ?? v).join(', ');
    }
    default:
      return String(value);
  }
}

/** The text an input prompt offers as its default (what Enter takes), or undefined for none. */
export function defaultText(field: SituationField, value: unknown, lang: Lang): string | undefined {
  if (value === undefined || value === null) return undefined;
  const kind = FIELD_KINDS[field].kind;
  if (kind === 'date') return humanDate(String(value));
  if (kind === 'boolean') return formatAnswer(field, value, lang);
  if (kind === 'count' || kind === 'amount') return number(Number(value), lang);
  return String(value);
}

export function formatFactsLine(facts: DerivedFacts, lang: Lang): string {
  const m = messagesFor(lang);
  const status = facts.rmc ? m.rmc(true) : m.leerplicht[facts.leerplicht];
  return intakeMessagesFor(lang).facts(m.age(facts.age), facts.leerplicht !== 'geen' && !facts.leerplichtig ? `${status} (${m.exempt})` : status);
}

/** Label and value in two columns; a long value wraps under itself. */
function aligned(rows: [string, string][], indent: string, width: Width): string[] {
  const labels = Math.max(...rows.map(([k]) => displayWidth(k)));
  return rows.flatMap(([k, v]) => wrapLines(v, width, `${indent}${padEnd(k, labels)}  `, ' '.repeat(indent.length + labels + 2)));
}

/** Joins items with ' · ' into lines that fit `width`, an item broken only when it alone is too long. */
function wrapList(items: readonly string[], width: Width, indent: string): string[] {
  if (width === null) return [`${indent}${items.join(' · ')}`];
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line !== '' && displayWidth(`${indent}${line} · ${item}`) > width) {
      lines.push(line);
      line = item;
    } else line = line === '' ? item : `${line} · ${item}`;
  }
  if (line !== '') lines.push(line);
  return lines.flatMap((l) => wrapLines(l, width, indent, `${indent}  `));
}

export function formatIntakeReview(style: Style, lang: Lang, review: IntakeReview): string {
  const { color: c } = style;
  const m = intakeMessagesFor(lang);
  const s = review.situation as unknown as Record<string, unknown>;
  const rows: [string, string][] = [];
  const add = (field: SituationField, mark = ''): void => {
    rows.push([m.fields[field].label, `${formatAnswer(field, s[field], lang)}${mark}`]);
  };
  const isFixed = (f: SituationField): boolean => FIXED_FIELDS.includes(f);
  for (const field of review.answered.filter(isFixed)) add(field);
  for (const field of review.given) add(field, c.dim(` (${m.givenAsFlag})`));
  if (review.offeredTopics.length > 0) {
    rows.push([m.topicsLabel, review.topics.length === 0 ? m.topicsNone : review.topics.map((t) => m.topics[t]).join('; ')]);
  }
  for (const field of review.answered.filter((f) => !isFixed(f))) add(field);
  const out = [c.bold(`${m.reviewTitle}:`), ...aligned(rows, '  ', style.width)];
  if (review.kept.length > 0) {
    out.push(...wrapLines(`${m.kept}:`, style.width));
    out.push(...wrapList(review.kept.map((f) => `${m.fields[f].label}: ${formatAnswer(f, s[f], lang)}`), style.width, '  '));
  }
  if (review.skipped.length > 0) {
    out.push(...wrapLines(c.dim(`${m.notAsked}:`), style.width));
    const items = review.skipped.map((f) => `${m.fields[f].label}: ${formatAnswer(f, s[f], lang)}`);
    out.push(...wrapList(items, style.width, '  ').map((line) => c.dim(line)));
  }
  // The outcome without its reasoning, so that answers, outcome and menu share one screen; the
  // reasons, rules and sources are the menu's "toon regels en bronnen".
  out.push(c.dim('─'.repeat(Math.min(60, style.width ?? 60))), `${c.bold(`${m.outcomeTitle}:`)}`, formatOutcome(style, review.decision));
  return out.join('\n');
}

const DEFAULTS = (() => {
  const parsed = parseSituation({ studentRef: 'L1', birthDate: '2000-01-01', referenceDate: '2000-01-01' }, '2000-01-01');
  if (!parsed.ok) throw new Error('the default situation does not parse');
  return parsed.value as unknown as Record<string, unknown>;
})();

/** The situation's fields that differ from their defaults, the birth date and student number left out (the dossier, `cases show`). */
export function givenFacts(situation: Situation, lang: Lang): string[] {
  const s = situation as unknown as Record<string, unknown>;
  const labels = intakeMessagesFor(lang).fields;
  return SITUATION_FIELDS.filter((f) => !FIXED_FIELDS.includes(f) && s[f] !== undefined && JSON.stringify(s[f]) !== JSON.stringify(DEFAULTS[f])).map(
    (f) => `${labels[f].label}: ${formatAnswer(f, s[f], lang)}`,
  );
}

/**
 * What follows inquirer's `✔ ` on the line an answered question leaves on the screen: the question
 * and the answer, wrapped here at word boundaries, because inquirer's own wrapping starts the next
 * line with the space after a word that ends in the last column (issue 17 item 15). The first line
 * is two columns shorter (the `✔ `), the lines after it are indented under the question. One column
 * stays free: inquirer adds an empty line after a line that fills the terminal.
 */
export function formatAnsweredLine(style: Style, width: Width, message: string, answer: string): string {
  const { color: c } = style;
  const text = answer === '' ? c.bold(message) : `${c.bold(message)} ${c.cyan(answer)}`;
  return wrapAfter(text, width === null ? null : width - 1, 2);
}
