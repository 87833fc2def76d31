// A BSN (burgerservicenummer) or onderwijsnummer belongs in the school's own administration, never
// in zorgroute. Both are nine digits that pass an elfproef (the onderwijsnummer starts with 10 and
// leaves a remainder of 5 instead of 0), so we refuse either wherever a student number or free text
// is accepted.

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

const NINE_DIGITS = /(?<!\d)(\d{9}|\d{4}[ .]\d{2}[ .]\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?!\d)/g;

/** True when `text` holds a nine-digit number (spaces or dots between groups allowed) that is a BSN. */
export function containsBsn(text: string): boolean {
  for (const m of text.matchAll(NINE_DIGITS)) {
    if (isBsnLike(m[0].replace(/[ .]/g, ''))) return true;
  }
  return false;
}
