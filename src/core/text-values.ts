// Situation fields typed as text — CSV cells and answers at a prompt — turned into the values the
// situation schema takes. Dutch conventions first: dd-mm-jjjj dates, a decimal comma, ja/nee.
// The schema stays the judge of ranges and enums; this only converts text. Messages never quote
// the text: a cell may hold personal data.
import { normalizeDate } from './dates.js';

/** dd-mm-jjjj or jjjj-mm-dd (with - / or .), whatever the numbers: the shape of a date. */
const DATE_SHAPE = /^(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/;
import { problem, type Problem } from './problems.js';
import { normalizeStudentRef } from './student-ref.js';
import { FIELD_KINDS, type FieldKind, type SituationField } from './routing/situation.js';

export type Coerced = { ok: true; value: unknown } | { ok: false; problem: Problem };

const TRUE_WORDS = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x']);
const FALSE_WORDS = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0']);
const UNKNOWN_WORDS = new Set(['', 'onbekend', 'unknown', '?', 'null']);

/** ja/nee, j/n, yes/no, true/false, 1/0 (any case); undefined when it is none of them. */
export function parseBooleanText(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return undefined;
}

const DECIMAL = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

/** `12,5` or `12.5` (no thousands separators: absence figures are small); undefined when not a number. */
export function parseDecimalText(text: string): number | undefined {
  const t = text.trim();
  if (!DECIMAL.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

function coerceKind(kind: FieldKind, raw: string): Coerced {
  const text = raw.trim();
  switch (kind.kind) {
    case 'studentRef':
      return { ok: true, value: normalizeStudentRef(text) };
    case 'date': {
      const iso = normalizeDate(text);
      if (iso) return { ok: true, value: iso };
      // Written as a date (31-02-2026) but not one in the calendar: say that, as route does, not the
      // format the user already used.
      return { ok: false, problem: problem(DATE_SHAPE.test(text.trim()) ? 'not-a-calendar-date' : 'text-not-a-date') };
    }
    case 'boolean': {
      const b = parseBooleanText(text);
      return b === undefined ? { ok: false, problem: problem('text-expected-yes-no') } : { ok: true, value: b };
    }
    case 'nullableBoolean': {
      if (UNKNOWN_WORDS.has(text.toLowerCase())) return { ok: true, value: null };
      const b = parseBooleanText(text);
      return b === undefined ? { ok: false, problem: problem('text-expected-yes-no-unknown') } : { ok: true, value: b };
    }
    case 'count':
    case 'amount': {
      const n = parseDecimalText(text);
      return n === undefined ? { ok: false, problem: problem('text-not-a-number') } : { ok: true, value: n };
    }
    case 'enum': {
      const lower = text.toLowerCase();
      // Dutch exports say `geen` where the schema says `none` (sensoryNeed).
      const v = lower === 'geen' && kind.values.includes('none') ? 'none' : lower;
      return kind.values.includes(v)
        ? { ok: true, value: v }
        : { ok: false, problem: problem('expected-one-of', { values: [...kind.values] }) };
    }
    case 'enumList': {
      const items = text === '' ? [] : text.split(/[,;|+]/).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
      const bad = items.find((i) => !kind.values.includes(i));
      return bad === undefined
        ? { ok: true, value: items }
        : { ok: false, problem: problem('expected-list-of', { values: [...kind.values] }) };
    }
  }
}

/**
 * Converts the text of one field. An empty cell means "not given" (the schema default applies),
 * except for the student number and birth date, which the schema requires.
 */
export function coerceFieldText(field: SituationField, raw: string): Coerced | undefined {
  const kind = FIELD_KINDS[field];
  if (raw.trim() === '' && kind.kind !== 'nullableBoolean') return undefined;
  return coerceKind(kind, raw);
}
