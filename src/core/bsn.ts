// A BSN (burgerservicenummer) or onderwijsnummer belongs in the school's own administration, never
// in zorgroute. Both are nine digits that pass an elfproef (the onderwijsnummer starts with 10 and
// leaves a remainder of 5 instead of 0), so we refuse either wherever a student number or free text
// is accepted — in every way people (or a copy from a PDF or another script) write one: nine digits
// in a row, split into groups by any run of separators (`123 456 782`, `1234.56.782`, `11 12 22 33 3`,
// `123/456/782`, `123–456–782`), in any script's digits (fullwidth, Arabic-Indic, mathematical bold,
// superscript), with invisible format characters between them (zero-width space, soft hyphen), run
// on after or before other digits (`16123456782`), and after a label (`BSN 123 456 782`).
// docs/reference/bsn.md lists the forms.

/** Nine digits passing the BSN elfproef or the onderwijsnummer variant. */
export function isBsnLike(digits: string): boolean {
  if (digits.length !== 9) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const c = digits.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    sum += i < 8 ? (9 - i) * c : -c;
  }
  const rest = ((sum % 11) + 11) % 11;
  return rest === 0 || (rest === 5 && digits.startsWith('10'));
}

const NON_ASCII = /[^\x00-\x7f]/;
const DECIMAL_DIGIT = /\p{Nd}/u;
const OTHER_DIGITS = /(?![0-9])\p{Nd}/gu;
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const digitValues = new Map<string, string>();

/** The value 0–9 of any Unicode decimal digit: they are encoded in runs of ten, from zero up. */
function asciiDigit(digit: string): string {
  let value = digitValues.get(digit);
  if (value === undefined) {
    const code = digit.codePointAt(0)!;
    let start = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
    value = String((code - start) % 10);
    digitValues.set(digit, value);
  }
  return value;
}

/**
 * `text` as the BSN check reads it: NFKC (fullwidth, superscript and mathematical digits become
 * 0–9, a thin or no-break space a space), every other script's decimal digits as 0–9, and format
 * characters (zero-width space and joiner, word joiner, soft hyphen, bidi marks) removed.
 */
export function normalizeDigits(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(OTHER_DIGITS, asciiDigit);
}

/**
 * What may stand between the groups of a written number: any run of spaces (not a line break: a
 * number is written on one line, and numbers on lines of their own are a table), dots, commas,
 * slashes, underscores or dashes.
 */
const SEPARATOR = String.raw`[\p{Zs}\t.,/_\-\p{Pd}\u2212]`;
/** Digit groups joined by runs of separators. */
export const DIGIT_CHAIN = new RegExp(String.raw`\d+(?:${SEPARATOR}+\d+)*`, 'gu');
const GROUP_BREAK = new RegExp(`${SEPARATOR}+`, 'u');
/**
 * A label in front of a number says what it is: nine digits or more after it are refused even when
 * the elfproef fails (a mistyped BSN is still a BSN). pgn = persoonsgebonden nummer.
 */
const LABELLED = new RegExp(
  String.raw`(?:bsn|pgn|sofi(?:nummer)?|burgerservicenummer|onderwijsnummer)[\s:#.\-=]*(\d+(?:${SEPARATOR}+\d+)*)`,
  'giu',
);

/** Whether one chain of digit groups holds a BSN. */
function chainHoldsBsn(chain: string): boolean {
  const groups = chain.split(GROUP_BREAK);
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    // A longer run of digits: a BSN run on after other digits (`16123456782`) or before them.
    if (group.length > 9 && (isBsnLike(group.slice(-9)) || isBsnLike(group.slice(0, 9)))) return true;
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j];
      if (digits.length === 9 && isBsnLike(digits)) return true;
      if (digits.length >= 9) break;
    }
  }
  return false;
}

/**
 * True when `text` holds a BSN or onderwijsnummer in any of its written forms (see the top of this
 * file), or any nine digits or more after a BSN/PGN label.
 */
export function containsBsn(text: string): boolean {
  const normal = normalizeDigits(text);
  for (const m of normal.matchAll(DIGIT_CHAIN)) if (m[0].length >= 9 && chainHoldsBsn(m[0])) return true;
  for (const m of normal.matchAll(LABELLED)) if (m[1]!.replace(/\D/g, '').length >= 9) return true;
  return false;
}

/** `text` normalised (normalizeDigits) with every digit chain that holds a BSN replaced by `…`. */
export function maskBsn(text: string): string {
  const normal = normalizeDigits(text);
  return normal
    .replace(DIGIT_CHAIN, (chain) => (chain.length >= 9 && chainHoldsBsn(chain) ? '…' : chain))
    .replace(LABELLED, (whole, chain: string) => (chain.replace(/\D/g, '').length >= 9 ? '…' : whole));
}
