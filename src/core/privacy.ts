// The privacy guard: one check for every text that can be stored or printed — student numbers,
// notes, actions, CSV cells, header cells, JSON keys, flags and arguments. Pure (no I/O); every road
// in (route, intake, cases, batch, the case store) asks it, so that they cannot disagree.
//
// Three things are refused as values: a BSN or onderwijsnummer in any written form (core/bsn.ts);
// control characters (NUL, escape sequences, C1 codes — they break SQLite's length CHECK, terminals
// and spreadsheets) and bidi overrides (they make a terminal show text other than what is stored);
// and lone surrogates (half a UTF-16 pair, which SQLite would store as invalid UTF-8).
// A fourth check, looksLikeData(), decides whether a header cell, a JSON key or an argument may be
// repeated in a message: only when it does not look like a personal value.
import { containsBsn, maskBsn, normalizeDigits } from './bsn.js';

export type TextProblem = 'bsn' | 'control-char' | 'lone-surrogate';

/**
 * The first control character, bidi override or lone surrogate in `text`, or undefined. `lines`:
 * tab and line breaks are fine (a note of several lines), else they are refused too.
 */
export function unsafeCharacter(text: string, lines = false): Exclude<TextProblem, 'bsn'> | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c < 0x20) {
      if (lines && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return 'control-char';
    }
    if (c <= 0x9f) return 'control-char'; // DEL and C1
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        i += 1;
        continue;
      }
      return 'lone-surrogate';
    }
    // Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069).
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return 'control-char';
  }
  return undefined;
}

/** Why `text` may not be stored or printed, or undefined when it may. */
export function textProblem(text: string, options: { lines?: boolean } = {}): TextProblem | undefined {
  return unsafeCharacter(text, options.lines) ?? (containsBsn(text) ? 'bsn' : undefined);
}

const DATE_LIKE = /\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/;
const LONG_NUMBER = /\d{5,}/;
const POSTCODE = /(?<![\dA-Za-z])\d{4} ?[A-Za-z]{2}(?![A-Za-z])/;
const EMAIL = /\S@\S/;
/** Longer than any column name a student system writes: more likely a cell of free text. */
const MAX_NAME_LENGTH = 64;

/**
 * Whether a header cell, JSON key or argument looks like a personal value rather than a name — a
 * BSN in any form, a date, a number of five digits or more (a student number, a phone number), a
 * postcode, an e-mail address, an unsafe character or a long text — and so must not be repeated
 * in a message. Column names such as `ziekmeldingen_12wk` or `ongeoorloofd_verzuim_uren_4wk` do not.
 */
export function looksLikeData(text: string): boolean {
  // Characters first, on the text as written: normalising removes format characters (bidi overrides among them).
  if (unsafeCharacter(text.trim()) !== undefined) return true;
  const t = normalizeDigits(text).trim();
  return (
    t.length > MAX_NAME_LENGTH ||
    LONG_NUMBER.test(t.replace(/[\s.,/_\-]/g, '')) ||
    DATE_LIKE.test(t) ||
    POSTCODE.test(t) ||
    EMAIL.test(t) ||
    containsBsn(t)
  );
}

/** A JSON key that may be named in a message: shaped like a field name and not like data. */
export function isShowableKey(key: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(key) && !looksLikeData(key);
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g;

/** `text` with every control character, bidi override and lone surrogate shown as `?`: what a terminal may be sent. */
export function shownCharacters(text: string): string {
  return text.replace(UNSAFE, '?');
}

/**
 * A file name or other text read from a file as a message may show it: a digit chain holding a
 * BSN in any form becomes `…` (a file named after a student must not put the number on the screen)
 * and unsafe characters `?`. Other numbers stay: an export is often named after its date.
 */
export function shownLabel(label: string): string {
  const text = shownCharacters(label);
  return containsBsn(text) ? shownCharacters(maskBsn(text)) : text;
}

/**
 * A message written by somebody else (commander repeats a bad argument: `unknown command
 * '123 456 782'`) with every quoted part that looks like data replaced by `…`, and any BSN too.
 */
export function redactDataLike(message: string): string {
  const quoted = message.replace(/(['"])([^'"\n]*)\1/g, (whole, q: string, inner: string) => (looksLikeData(inner) ? `${q}…${q}` : whole));
  return shownLabel(quoted);
}

/**
 * `value` with every string in it (deeply: in arrays and plain objects) passed through shownLabel:
 * the params of a message, whatever a file put in them — a code cell, a calendar or holiday name,
 * a header, a file name — reach the terminal without a BSN and without a control character.
 */
export function shownValues<T>(value: T): T {
  if (typeof value === 'string') return shownLabel(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => shownValues(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = shownValues(v);
    return out as T;
  }
  return value;
}
