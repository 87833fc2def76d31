// Tables for the terminal, drawn here (no row separators: a table is as high as its rows). A table
// that is too wide for the terminal first wraps its widest columns at word boundaries; when even
// that does not fit, each row becomes a small block of "head  value" lines. Not a terminal (width
// null): every cell on one line, columns as wide as their content.
import { displayWidth, padEnd, widestLine, widestWord, wrapLines } from '../layout.js';
import type { Width } from '../terminal.js';

export interface TableLook {
  head: (text: string) => string;
  rule: (text: string) => string;
}

const GAP = '  ';
const DETAIL_INDENT = '  ';
/** A column is not wrapped narrower than this, nor narrower than its longest word. */
const NARROWEST_COLUMN = 8;

function naturalWidths(head: readonly string[], rows: readonly (readonly string[])[]): number[] {
  const widths = head.map((h) => widestLine(h));
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, widestLine(cell))));
  return widths;
}

function narrowestWidths(head: readonly string[], rows: readonly (readonly string[])[], natural: readonly number[]): number[] {
  const words = natural.map((_, i) => widestWord(head[i] ?? ''));
  for (const row of rows) row.forEach((cell, i) => (words[i] = Math.max(words[i] ?? 0, widestWord(cell))));
  return natural.map((n, i) => Math.min(n, Math.max(NARROWEST_COLUMN, words[i]!)));
}

/** Column widths that fit `room`, taking from the widest column first; null when none do. */
export function fitColumns(natural: readonly number[], narrowest: readonly number[], room: number): number[] | null {
  const widths = [...natural];
  const total = (): number => widths.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1);
  if (narrowest.reduce((a, b) => a + b, 0) + GAP.length * (widths.length - 1) > room) return null;
  while (total() > room) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > narrowest[i]! && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    widths[widest]! -= 1;
  }
  return widths;
}

function drawRow(cells: readonly string[], widths: readonly number[], width: Width, look?: (t: string) => string, numeric: readonly boolean[] = []): string[] {
  // Only a cell wider than its column is wrapped (the rest is drawn as it is: linear in the rows).
  const columns = cells.map((cell, i) => (width === null || widestLine(cell) <= widths[i]! ? cell.split('\n') : wrapLines(cell, widths[i]!)));
  const height = Math.max(1, ...columns.map((c) => c.length));
  const lines: string[] = [];
  for (let l = 0; l < height; l++) {
    const parts = columns.map((c, i) => {
      const text = c[l] ?? '';
      const shown = look && text !== '' ? look(text) : text;
      if (numeric[i]) return ' '.repeat(Math.max(0, widths[i]! - displayWidth(shown))) + shown;
      return i === columns.length - 1 ? shown : padEnd(shown, widths[i]!);
    });
    lines.push(parts.join(GAP).trimEnd());
  }
  return lines;
}

/** Each row as a block: its first cell, then "head  value" lines with a hanging indent. */
function drawStacked(look: TableLook, head: readonly string[], rows: readonly (readonly string[])[], width: number, details: readonly (string | undefined)[]): string {
  const labelWidth = Math.max(0, ...head.slice(1).map((h) => displayWidth(h)));
  const out: string[] = [];
  rows.forEach((row, r) => {
    out.push(...wrapLines(look.head(row[0] ?? ''), width));
    row.slice(1).forEach((cell, i) => {
      if (cell === '') return;
      const label = head[i + 1] ? `${padEnd(head[i + 1]!, labelWidth)}  ` : '';
      out.push(...wrapLines(cell.replace(/\n/g, ' '), width, `  ${label}`, ' '.repeat(2 + displayWidth(label))));
    });
    if (details[r]) out.push(...wrapLines(details[r]!, width, DETAIL_INDENT));
  });
  return out.join('\n');
}

export interface TableParts {
  /** `details[i]`, when given, is text under row i, across the whole width, indented. */
  details?: readonly (string | undefined)[];
  /** The columns aligned to the right (counts). */
  right?: readonly number[];
}

/** `head` may be empty (a table of label/value pairs). Cells may hold colour and line breaks. */
export function drawTable(look: TableLook, head: readonly string[], rows: readonly (readonly string[])[], width: Width, parts: TableParts = {}): string {
  const details = parts.details ?? [];
  const natural = naturalWidths(head, rows);
  let widths = natural;
  if (width !== null) {
    const fitted = fitColumns(natural, narrowestWidths(head, rows, natural), width);
    if (fitted === null) return drawStacked(look, head, rows, width, details);
    widths = fitted;
  }
  const out: string[] = [];
  if (head.length > 0) {
    out.push(...drawRow(head, widths, width, look.head));
    out.push(look.rule(widths.map((w) => '─'.repeat(w)).join(GAP)));
  }
  const numeric = widths.map((_, i) => parts.right?.includes(i) ?? false);
  rows.forEach((row, i) => {
    out.push(...drawRow(row, widths, width, undefined, numeric));
    if (details[i]) out.push(...wrapLines(details[i]!, width, DETAIL_INDENT));
  });
  return out.join('\n');
}
