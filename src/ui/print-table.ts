// A boxed table drawn in one pass over its rows: the same lines cli-table3 draws for a table
// without fixed column widths (a rule between rows, one space of padding), but in time linear in
// the number of rows — cli-table3 takes minutes for the 30,000 rows of `cases list --all`.
// Cells may hold ANSI colour codes (not counted in the width) and line breaks.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a text takes in a terminal: code points without the colour codes. */
export function visibleWidth(text: string): number {
  let n = 0;
  for (const ch of text.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x300 && cp <= 0x36f) continue; // combining marks
    n += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff)) ? 2 : 1;
  }
  return n;
}

export function drawTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [head, ...rows];
  const columns = Math.max(...all.map((r) => r.length));
  const cells = all.map((r) => Array.from({ length: columns }, (_, i) => (r[i] ?? '').split('\n')));
  const widths = Array.from({ length: columns }, () => 0);
  for (const row of cells) row.forEach((lines, i) => lines.forEach((l) => (widths[i] = Math.max(widths[i]!, visibleWidth(l)))));
  const rule = (left: string, mid: string, right: string): string => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  const out: string[] = [rule('┌', '┬', '┐')];
  cells.forEach((row, r) => {
    if (r > 0) out.push(rule('├', '┼', '┤'));
    const height = Math.max(...row.map((lines) => lines.length));
    for (let l = 0; l < height; l++) {
      out.push(`│${row.map((lines, i) => {
        const text = lines[l] ?? '';
        return ` ${text}${' '.repeat(widths[i]! - visibleWidth(text))} `;
      }).join('│')}│`);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}
