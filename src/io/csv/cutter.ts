// Where an export can be cut into pieces that csv-parse reads on their own (batch's worker threads):
// right after a record delimiter that csv-parse, with zorgroute's options, sees outside a quoted
// cell. The scanner follows csv-parse's own rules byte by byte (lib/api/index.js, csv-parse 6.2,
// quote and escape `"`, relax_quotes), because a guess would cut a record whose quoted cell holds a
// line break:
// - a `"` opens a quoted cell only at the very start of a cell; anywhere else it is a character;
// - inside a quoted cell `""` is one quote, and any other `"` closes the cell (followed by the
//   delimiter or a line break as usual; followed by anything else, relax_quotes goes on unquoted);
// - any line break outside a quoted cell — CR LF, LF or CR, mixed as a file may mix them (a CR LF
//   header with LF rows pasted under it) — ends a record (csvParserOptions: all three delimiters).
// It also counts line breaks the way LineCounter numbers lines — a record delimiter one, and inside
// a cell CR LF, CR and LF one each — so that the first record of a piece gets the line number the
// single-threaded reader gives it. test/io/csv-pieces.test.ts checks both against csv-parse.
import { MAX_RECORD_BYTES } from './rows.js';

const QUOTE = 0x22;
const CR = 13;
const LF = 10;

const START = 0; // at the start of a cell, outside quotes
const PLAIN = 1; // inside a cell that is not (or no longer) quoted
const QUOTED = 2; // inside a quoted cell

/**
 * csv-parse rejects a record once a cell holds more than MAX_RECORD_BYTES (it checks before each
 * byte it adds): a quoted cell still open after this many bytes of text is an error for certain,
 * so there is no need to look for its end.
 */
const RUNAWAY_BYTES = MAX_RECORD_BYTES + 16;

export class RecordCutter {
  /** Line breaks between the last cut and the scan position. */
  lines = 0;
  /** Whether the last scan() stopped at a place to cut. */
  atBoundary = false;
  /** A quoted cell that csv-parse will reject (an unclosed quote): cut no more, send the rest. */
  runaway = false;
  private state = START;
  /** The previous byte was a CR inside a cell (CR LF counts as one line break). */
  private cellCr = false;
  private quotedBytes = 0;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Starts counting lines afresh (after a cut). */
  rebase(): void {
    this.lines = 0;
  }

  /**
   * Scans bytes[from, to). Returns where it stopped: just after the first record delimiter at or
   * beyond `cutAt` (`atBoundary` is then true), or at `to`, or earlier where the next bytes are
   * needed to decide (a `"` in a quoted cell, a CR that may be half a CR LF).
   */
  scan(bytes: Uint8Array, from: number, to: number, cutAt: number): number {
    const delimiter = this.delimiter;
    let state = this.state;
    let cellCr = this.cellCr;
    let lines = this.lines;
    let i = from;
    this.atBoundary = false;
    while (i < to) {
      const c = bytes[i]!;
      // Most bytes are neither a quote nor a line break: decide those first.
      if (c > QUOTE && state !== QUOTED) {
        cellCr = false;
        state = c === delimiter ? START : PLAIN;
        i += 1;
        continue;
      }
      if (state === QUOTED) {
        if (c === QUOTE) {
          if (i + 1 >= to) break;
          cellCr = false;
          if (bytes[i + 1] === QUOTE) {
            i += 2;
            this.quotedBytes += 1;
            continue;
          }
          state = PLAIN;
          i += 1;
          continue;
        }
        if (c === CR) {
          lines += 1;
          cellCr = true;
        } else {
          if (c === LF && !cellCr) lines += 1;
          cellCr = false;
        }
        i += 1;
        if (++this.quotedBytes > RUNAWAY_BYTES) {
          this.runaway = true;
          break;
        }
        continue;
      }
      let end = 0; // the length of a record delimiter at i
      if (c === CR) {
        if (i + 1 >= to) break;
        end = bytes[i + 1] === LF ? 2 : 1;
      } else if (c === LF) end = 1;
      if (end > 0) {
        lines += 1;
        cellCr = false;
        state = START;
        i += end;
        if (i >= cutAt) {
          this.atBoundary = true;
          break;
        }
        continue;
      }
      cellCr = false;
      if (c === delimiter) state = START;
      else if (c === QUOTE && state === START) {
        state = QUOTED;
        this.quotedBytes = 0;
      } else state = PLAIN;
      i += 1;
    }
    this.state = state;
    this.cellCr = cellCr;
    this.lines = lines;
    return i;
  }
}
