// A fast path for the common piece: one without a quote character. Such a piece's records are its
// lines — any CR LF, LF or CR ends one, as in csv-parse with zorgroute's options — and its fields
// are what lies between the delimiters, so it needs no CSV state machine; splitting the decoded
// text gives exactly what csv-parse gives with zorgroute's options (io/csv/rows.ts
// csvParserOptions: all three record delimiters, skip_empty_lines, relax_column_count, no
// trimming), with the same line numbers. Anything else — a quote anywhere, a very long line — is
// left to csv-parse (io/csv/pieces.ts parsePiece), before any row is handed on, so a piece is never
// read half one way and half the other.
//
// Decoding the whole piece at once equals decoding field by field: every delimiter and line break
// is ASCII, and a UTF-8 decoder ends a broken sequence at the next ASCII byte either way.
import type { Delimiter } from './sniff.js';

const QUOTE = 0x22;
/** Lines longer than this (characters) go to csv-parse, which knows its own record-size limit. */
export const LONG_LINE = 64 * 1024;
const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Splits a quote-free piece and hands each record to `onRow` with its line in the file; returns
 * false, having handed on nothing, when the piece needs csv-parse.
 */
export function splitPlainPiece(bytes: Buffer, lineOffset: number, delimiter: Delimiter, onRow: (line: number, cells: string[]) => void): boolean {
  if (bytes.indexOf(QUOTE) >= 0) return false;
  const text = bytes.toString('utf8');
  return LONE_CR.test(text) ? splitAnyBreaks(text, lineOffset, delimiter, onRow) : splitLines(text, lineOffset, delimiter, onRow);
}

/** A CR not followed by LF: a line break of its own (old Mac files), which the fast path does not look for. */
const LONE_CR = /\r(?!\n)/;
/** The common piece: every line ends in LF or CR LF. Finds the line ends with indexOf, then hands on the rows. */
function splitLines(text: string, lineOffset: number, delimiter: Delimiter, onRow: (line: number, cells: string[]) => void): boolean {
  const bounds: number[] = []; // start and end of each line, in pairs
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    const next = end < 0 ? text.length : end + 1;
    if (end < 0) end = text.length;
    else if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
    if (end - start > LONG_LINE) return false;
    bounds.push(start, end);
    start = next;
  }
  for (let i = 0; i < bounds.length; i += 2) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    if (to > from) onRow(lineOffset + i / 2 + 1, text.slice(from, to).split(delimiter));
  }
  return true;
}

function splitAnyBreaks(text: string, lineOffset: number, delimiter: Delimiter, onRow: (line: number, cells: string[]) => void): boolean {
  const lines: [start: number, end: number][] = [];
  let start = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    if (m.index - start > LONG_LINE) return false;
    lines.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (text.length - start > LONG_LINE) return false;
  if (start < text.length) lines.push([start, text.length]);
  for (let i = 0; i < lines.length; i++) {
    const [from, to] = lines[i]!;
    if (to > from) onRow(lineOffset + i + 1, text.slice(from, to).split(delimiter));
  }
  return true;
}
