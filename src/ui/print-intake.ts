// The intake's review screen and the way answers are shown and offered as defaults. Returns strings;
// colour comes from the Style (print.ts owns chalk).
import type { Lang } from '../core/routing/compile.js';
import { parseIsoDate } from '../core/dates.js';
import type { DerivedFacts } from '../core/routing/facts.js';
import type { IntakeReview } from '../core/intake/asker.js';
import { FIXED_FIELDS } from '../core/intake/plan.js';
import { FIELD_KINDS, type SituationField } from '../core/routing/situation.js';
import { messagesFor } from './messages.js';
import { intakeMessagesFor } from './messages-intake.js';
import { formatDecision, type Style } from './print.js';

/** `01-03-2012` (the way a Dutch school writes dates), from `2012-03-01`. */
export function dutchDate(iso: string): string {
  const ymd = parseIsoDate(iso);
  return ymd ? `${String(ymd.day).padStart(2, '0')}-${String(ymd.month).padStart(2, '0')}-${ymd.year}` : iso;
}

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
      return dutchDate(String(value));
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
  if (kind === 'date') return dutchDate(String(value));
  if (kind === 'boolean') return formatAnswer(field, value, lang);
  if (kind === 'count' || kind === 'amount') return number(Number(value), lang);
  return String(value);
}

export function formatFactsLine(facts: DerivedFacts, lang: Lang): string {
  const m = messagesFor(lang);
  const status = facts.rmc ? m.rmc(true) : m.leerplicht[facts.leerplicht];
  return intakeMessagesFor(lang).facts(m.age(facts.age), facts.leerplicht !== 'geen' && !facts.leerplichtig ? `${status} (${m.exempt})` : status);
}

function aligned(rows: [string, string][], indent: string): string[] {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${k.padEnd(width)}  ${v}`);
}

/** Joins items with ' · ' into lines of at most `width` characters, never breaking an item. */
function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line !== '' && line.length + 3 + item.length > width) {
      lines.push(line);
      line = item;
    } else line = line === '' ? item : `${line} · ${item}`;
  }
  if (line !== '') lines.push(line);
  return lines;
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
  const out = [c.bold(`${m.reviewTitle}:`), ...aligned(rows, '  ')];
  if (review.kept.length > 0) {
    out.push(`${m.kept}:`);
    out.push(...wrapList(review.kept.map((f) => `${m.fields[f].label}: ${formatAnswer(f, s[f], lang)}`), 76).map((line) => `  ${line}`));
  }
  if (review.skipped.length > 0) {
    out.push(c.dim(`${m.notAsked}:`));
    const items = review.skipped.map((f) => `${m.fields[f].label}: ${formatAnswer(f, s[f], lang)}`);
    out.push(...wrapList(items, 96).map((line) => c.dim(`  ${line}`)));
  }
  out.push('', c.dim('─'.repeat(60)), '', formatDecision(style, review.decision), '');
  return out.join('\n');
}

