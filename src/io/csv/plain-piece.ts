// A fast path for the common piece: one without a quote character. Such a piece's records are its
// lines and its fields are what lies between the delimiters, so it needs no CSV state machine;
// splitting the decoded text gives exactly what csv-parse gives with zorgroute's options
// (io/csv/rows.ts csvParserOptions: skip_empty_lines, relax_column_count, no trimming), with the
// same line numbers. Anything else — a quote anywhere, a line break that is not the record
// delimiter, a very long line — is left to csv-parse (io/csv/pieces.ts parsePiece), before any row
// is handed on, so a piece is never read half one way and half the other.
//
// Decoding the whole piece at once equals decoding field by field: every delimiter and line break
// is ASCII, and a UTF-8 decoder ends a broken sequence at the next ASCII byte either way.
import type { RecordDelimiter } from './cutter.js';
import type { Delimiter } from './sniff.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** Lines longer than this (characters) go to csv-parse, which knows its own record-size limit. */
const LONG_LINE = 64 * 1024;

/**
 * Splits a quote-free piece and hands each record to `onRow` with its line in the file; returns
 * false, having handed on nothing, when the piece needs csv-parse.
 */
export function splitPlainPiece(
  bytes: Buffer,
  lineOffset: number,
  delimiter: Delimiter,
  recordDelimiter: RecordDelimiter,
  onRow: (line: number, cells: string[]) => void,
): boolean {
  if (bytes.indexOf(QUOTE) >= 0) return false;
  if (recordDelimiter === '\n' && bytes.indexOf(CR) >= 0) return false;
  if (recordDelimiter === '\r' && bytes.indexOf(LF) >= 0) return false;
  const text = bytes.toString('utf8');
  const ends = lineEnds(text, recordDelimiter);
  if (!ends) return false;
  const step = recordDelimiter.length;
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end > start) onRow(lineOffset + i + 1, text.slice(start, end).split(delimiter));
    start = end + step;
  }
  return true;
}

/** Where each line ends (the text's end for a last line without a break); null when a line break is not the record delimiter or a line is too long. */
function lineEnds(text: string, recordDelimiter: RecordDelimiter): number[] | null {
  const ends: number[] = [];
  const brk = recordDelimiter === '\r' ? '\r' : '\n';
  let start = 0;
  for (;;) {
    const at = text.indexOf(brk, start);
    const end = at < 0 ? text.length : recordDelimiter === '\r\n' ? at - 1 : at;
    if (recordDelimiter === '\r\n' && at >= 0 && text.charCodeAt(end) !== CR) return null;
    if (end - start > LONG_LINE) return null;
    if (at < 0) {
      if (end > start) ends.push(end);
      break;
    }
    ends.push(end);
    start = at + 1;
  }
  // With \r\n, every \r must be one of a pair: as many as there are line breaks found.
  if (recordDelimiter === '\r\n') {
    let count = 0;
    for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) count += 1;
    const breaks = text.endsWith('\n') || ends.length === 0 ? ends.length : ends.length - 1;
    if (count !== breaks) return null;
  }
  return ends;
}
