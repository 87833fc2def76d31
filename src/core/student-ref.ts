// One spelling per student number. People type "L 1001", "l1001" and "L1001 " for the same
// student; stored as typed they would be three students with three case histories. So every road
// in — route, intake, batch, the cases filters — takes the number through this one function:
// whitespace anywhere (also non-breaking spaces from a spreadsheet) is dropped and letters are
// upper-cased. Nothing else changes: "L-1001" stays "L-1001".

/** `L 1001`, `l1001`, ` L1001\u00a0` → `L1001`. */
export function normalizeStudentRef(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Already in its one spelling (a cheap test for the batch fast path): printable ASCII, no space, no lower-case letter. */
export function isNormalStudentRef(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return false;
  }
  return true;
}
