// A BSN (burgerservicenummer) or onderwijsnummer belongs in the school's own administration, never
// in zorgroute. Both are nine digits that pass an elfproef (the onderwijsnummer starts with 10 and
// leaves a remainder of 5 instead of 0), so we refuse either wherever a student number or free text
// is accepted — in every way people write one: nine digits in a row, `123 456 782`, `1234.56.782`,
// `123-456-782`, and after a label (`BSN 123 456 782`, `pgn: 123.456.782`).

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

/** Digit groups joined by one space, dot or dash (also a no-break space): `123 456 782`, `2012-03-01 16`. */
const DIGIT_CHAIN = /\d+(?:[ .\-\u00a0\u202f]\d+)*/g;
/** Groups a written number is split into: `1234.56.782` is three, more is not how a BSN is written. */
const MAX_GROUPS = 4;
/**
 * A label in front of nine digits says what they are: refused even when the elfproef fails (a
 * mistyped BSN is still a BSN). pgn = persoonsgebonden nummer (BSN or onderwijsnummer).
 */
const LABELLED = /(?:bsn|pgn|sofi(?:nummer)?|burgerservicenummer|onderwijsnummer)[\s:#.\-]*\d(?:[ .\-\u00a0\u202f]?\d){8}(?!\d)/i;

/**
 * True when `text` holds a BSN or onderwijsnummer in any of its written forms: nine digits passing
 * the elfproef as one group or as up to four groups joined by single spaces, dots or dashes (a
 * neighbouring number does not hide one: `16` and then a BSN), or any nine digits after a BSN/PGN label.
 */
export function containsBsn(text: string): boolean {
  for (const m of text.matchAll(DIGIT_CHAIN)) {
    const groups = m[0].split(/[^\d]/);
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && j < i + MAX_GROUPS; j++) {
        digits += groups[j];
        if (digits.length === 9 && isBsnLike(digits)) return true;
        if (digits.length >= 9) break;
      }
    }
  }
  return LABELLED.test(text);
}
