// Tables for the terminal: our fitting chooses the column widths, cli-table3 draws the rows in them
// (borderless, no row separators: a table is as high as its rows; this is cli-table3's one home). A table
// that is too wide for the terminal first wraps its widest columns at word boundaries; when even
// that does not fit, each row becomes a small block of "head  value" lines. Not a terminal (width
// null): every cell on one line, columns as wide as their content.
import Table from 'cli-table3';
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

const CHUNK = 50;

/** No borders at all: the columns are set apart by GAP (the right padding), the head by our own rule. */
const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
};

/**
 * Rows drawn by cli-table3 in the widths our fitting chose (colWidths; the gap is the right
 * padding): a cell wider than its column wraps at word boundaries (the fitting keeps every column at
 * least as wide as its longest word); counts are right-aligned. Not a terminal (width null): the natural widths, nothing wraps.
 */
function drawRows(rows: readonly (readonly string[])[], widths: readonly number[], width: Width, look?: (t: string) => string, numeric: readonly boolean[] = []): string[] {
  if (rows.length === 0) return [];
  // cli-table3's layout grows faster than its rows (10,000 rows in one table: 14 s); the widths are
  // ours, so a table drawn CHUNK rows at a time lines up the same and stays linear (bench/table.mjs).
  if (rows.length > CHUNK) {
    const out: string[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) out.push(...drawRows(rows.slice(i, i + CHUNK), widths, width, look, numeric));
    return out;
  }
  const table = new Table({
    chars: BORDERLESS,
    colWidths: widths.map((w, i) => w + (i === widths.length - 1 ? 0 : GAP.length)),
    wordWrap: width !== null,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0, compact: true },
  });
  for (const row of rows) {
    table.push(
      row.map((cell, i) => {
        // A cell wider than its column is broken by our wrapLines (which also breaks after a hyphen,
        // as in `rmc:uitschrijving-zonder-startkwalificatie`, where cli-table3 would cut it off);
        // cli-table3's own word wrap then has nothing left to do.
        const fitted = width === null || widestLine(cell) <= widths[i]! ? cell : wrapLines(cell, widths[i]!).join('\n');
        const content = look && fitted !== '' ? fitted.split('\n').map(look).join('\n') : fitted;
        // The gap after a column is its right padding, so that the column itself is as wide as fitted.
        const style = { 'padding-left': 0, 'padding-right': i === widths.length - 1 ? 0 : GAP.length };
        return numeric[i] ? { content, hAlign: 'right' as const, style } : { content, style };
      }),
    );
  }
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
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
    out.push(...drawRows([head], widths, width, look.head));
    out.push(look.rule(widths.map((w) => '─'.repeat(w)).join(GAP)));
  }
  const numeric = widths.map((_, i) => parts.right?.includes(i) ?? false);
  // Rows without details go to cli-table3 together; a detail line (across the whole width) is ours.
  let run: (readonly string[])[] = [];
  rows.forEach((row, i) => {
    run.push(row);
    if (details[i]) {
      out.push(...drawRows(run, widths, width, undefined, numeric), ...wrapLines(details[i]!, width, DETAIL_INDENT));
      run = [];
    }
  });
  out.push(...drawRows(run, widths, width, undefined, numeric));
  return out.join('\n');
}
