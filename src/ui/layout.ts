// Text laid out for a terminal: the one place that measures columns (STYLE lesson 14). Widths are
// display columns (string-width: é is one, a combining accent none, a wide character two, escape
// codes none), never UTF-16 length. A width of null means "not a terminal": nothing is wrapped or
// shrunk, every line comes out whole.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

import type { Width } from './terminal.js';


const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
  // Most cells are plain ASCII: one column a character, no need to segment (a table of 30,000 rows).
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/**
 * Word-wraps `text` (ANSI colour kept) to `width` columns: the first line starts with `first`, the
 * lines after it with `rest` (a hanging indent). A word longer than a line is broken. Line breaks
 * in `text` are kept; each paragraph gets the same indents. Null width: only the indents.
 */
export function wrapLines(text: string, width: Width, first = '', rest = first): string[] {
  const out: string[] = [];
  text.split('\n').forEach((paragraph, p) => {
    const lead = p === 0 ? first : rest;
    if (width === null || displayWidth(lead) + displayWidth(paragraph) <= width) {
      out.push(`${lead}${paragraph}`);
      return;
    }
    // A command to type is never broken (pasting its first line would run a broken command): it
    // gets a line of its own, indented under the text around it.
    let atStart = true;
    for (const part of splitCommands(paragraph)) {
      if (part.command) {
        out.push(`${atStart ? lead : rest}  ${part.text}`);
      } else {
        const room = Math.max(8, width - Math.max(displayWidth(lead), displayWidth(rest)));
        const words = part.text.split(' ').map((word) => (displayWidth(word) > room ? breakAtHyphens(word, room) : word));
        const lines = wrapAnsi(words.join(' '), room, { hard: true, trim: true, wordWrap: true }).split('\n');
        lines.forEach((line, i) => out.push(`${atStart && i === 0 ? lead : rest}${line}`));
      }
      atStart = false;
    }
  });
  return out;
}

/**
 * `zorgroute …` (or `npx zorgroute …`) up to the end of the text or to what ends it in prose: a
 * closing bracket, a dash, or a comma, semicolon or full stop before a space or the end.
 */
const COMMAND = /(?:npx )?zorgroute (?:(?![,;.](?: |$))[^)—\n])+/g;

/** The paragraph as text and commands, in order; without a command, the whole text. */
function splitCommands(paragraph: string): { text: string; command: boolean }[] {
  const parts: { text: string; command: boolean }[] = [];
  let at = 0;
  for (const m of paragraph.matchAll(COMMAND)) {
    const command = m[0].trimEnd();
    const before = paragraph.slice(at, m.index).trim();
    if (before !== '') parts.push({ text: before, command: false });
    parts.push({ text: command, command: true });
    at = m.index + m[0].length;
  }
  const after = paragraph.slice(at).trim();
  if (after !== '') parts.push({ text: after, command: false });
  return parts.length > 0 ? parts : [{ text: paragraph, command: false }];
}

/** Where an id may break: after a `-` or `:` that follows a letter (`verzuimmelding-`, not `30-11-`). */
const BREAK_AFTER = /(?<=\p{L}[-:])/u;

/** A word too long for a line, cut after its hyphens (greedily) so that the pieces fit `room`. */
function breakAtHyphens(word: string, room: number): string {
  const pieces = word.split(BREAK_AFTER);
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line !== '' && displayWidth(line + piece) > room) {
      lines.push(line);
      line = piece;
    } else line += piece;
  }
  lines.push(line);
  return lines.join('\n');
}

export function wrap(text: string, width: Width, first = '', rest = first): string {
  return wrapLines(text, width, first, rest).join('\n');
}

/**
 * Wraps `text` that is drawn `column` columns into a line (after a mark someone else draws, such
 * as inquirer's `✔ ` or `❯ 4. `): the first line is that much shorter, the lines after it are
 * indented to that column, under the text's start.
 */
export function wrapAfter(text: string, width: Width, column: number): string {
  const indent = ' '.repeat(column);
  const [first = '', ...rest] = wrapLines(text, width, indent, indent);
  return [first.slice(column), ...rest].join('\n');
}

/** Pads to `width` display columns (text wider than that is left as it is). */
export function padEnd(text: string, width: number): string {
  const gap = width - displayWidth(text);
  return gap > 0 ? text + ' '.repeat(gap) : text;
}

/** The widest line of `text`. */
export function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/** The widest part of `text` that wrapping does not break: a column narrower than it cuts words. */
export function widestWord(text: string): number {
  let widest = 0;
  for (const word of text.split(/\s+/)) for (const piece of word.split(BREAK_AFTER)) widest = Math.max(widest, displayWidth(piece));
  return widest;
}

/**
 * The rows `text` takes on a screen `width` columns wide (a line wider than it takes more), counted
 * up to `enough`: whether output fits the screen or wants a pager (cli/pager.ts).
 */
export function screenRows(text: string, width: number, enough = Infinity): number {
  let rows = 0;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    rows += Math.max(1, Math.ceil(displayWidth(line) / width));
    if (rows >= enough) break;
  }
  return rows;
}
