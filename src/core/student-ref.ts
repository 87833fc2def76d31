// One spelling per student number. People type "L 1001", "L1001 " or paste "L\u00a01001" from a
// spreadsheet for the same student; stored as typed they would be three students with three case
// histories. So every road in — route, intake, batch, the cases filters — takes the number through
// this one function, which drops whitespace anywhere (no student system issues numbers with
// spaces). Letter case is kept: it is the school's own spelling, which zorgroute must show back as
// the school's system has it ("Zé-01"), and "l1001" and "L1001" are different strings there too.

/** `L 1001`, ` L1001\u00a0` → `L1001`. */
export function normalizeStudentRef(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Already in its one spelling (a cheap test for the batch fast path): printable ASCII without spaces. */
export function isNormalStudentRef(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127) return false;
  }
  return true;
}
