// Reads an export for batch's worker threads: the header row (parsed here, exactly as CsvReader
// does), then the rest of the text cut into pieces at record boundaries (io/csv/cutter.ts). Each
// piece is its own ArrayBuffer, to be transferred to a worker (not copied) and handed back through
// recycle(); each carries the number of lines before it, so that its rows get their true lines.
import { Parser } from 'csv-parse';
import type { Delimiter, Encoding } from './sniff.js';
import { RecordCutter } from './cutter.js';
import { apiOf, csvErrorCode, csvFileError, csvParserOptions, LineCounter, type CsvReadOptions, type ParserApi } from './rows.js';
import { splitPlainPiece } from './plain-piece.js';
import { CsvText } from './text.js';

export interface CsvPiece {
  kind: 'piece';
  /** The piece's text is bytes[0, length). */
  bytes: ArrayBuffer;
  length: number;
  /** Lines before the piece: its first record's line is this plus LineCounter's count within it. */
  lineOffset: number;
}

export interface CsvHeader {
  kind: 'header';
  cells: string[];
  line: number;
  delimiter: Delimiter;
}

export interface CsvPieceOptions extends CsvReadOptions {
  /** A piece ends at the first record boundary at least this many bytes in. */
  pieceBytes: number;
}

/** Our staging buffer: a read (64 KiB) plus the unfinished piece; grows for big pieces or a long record. */
const STAGE_BYTES = 256 * 1024;
/** Piece buffers kept for reuse (the pieces out at a time are fewer). */
const MAX_SPARE_PIECES = 8;

export class CsvPieceReader {
  private readonly text: CsvText;
  private readonly spare: ArrayBuffer[] = [];

  constructor(
    source: AsyncIterable<Buffer>,
    private readonly options: CsvPieceOptions,
  ) {
    this.text = new CsvText(source, options.delimiter, options.encoding, options.label);
  }

  get encoding(): Encoding | undefined {
    return this.text.encoding;
  }

  get bom(): boolean {
    return this.text.bom;
  }

  get bytesRead(): number {
    return this.text.bytesRead;
  }

  get delimiter(): Delimiter | undefined {
    return this.text.delimiter;
  }

  /** A piece's buffer, back from its worker: used again for a later piece. */
  recycle(bytes: ArrayBuffer): void {
    if (this.spare.length < MAX_SPARE_PIECES) this.spare.push(bytes);
  }

  /** The header (none for an empty file), then the pieces; throws a UserError for CSV that cannot be read. */
  async *events(): AsyncGenerator<CsvHeader | CsvPiece> {
    const chunks = this.text.chunks();
    try {
      yield* this.cut(chunks);
    } finally {
      await chunks.return(undefined); // closes the file when the reader is left early
    }
  }

  private async *cut(chunks: AsyncGenerator<Buffer>): AsyncGenerator<CsvHeader | CsvPiece> {
    const head = await this.readHeader(chunks);
    if (!head) return;
    yield head.header;

    const cutter = new RecordCutter(head.header.delimiter);
    const pieceBytes = Math.max(1, this.options.pieceBytes);
    let stage = Buffer.allocUnsafeSlow(Math.max(STAGE_BYTES, head.rest.length * 2));
    head.rest.copy(stage);
    let start = 0; // stage[start, end) is text not sent yet, scanned up to `scanned`
    let end = head.rest.length;
    let scanned = 0;
    let lineOffset = head.lastLine;

    const cut = (at: number): CsvPiece => {
      const length = at - start;
      const piece: CsvPiece = { kind: 'piece', bytes: this.bufferFor(length), length, lineOffset };
      stage.copy(new Uint8Array(piece.bytes), 0, start, at);
      start = at;
      lineOffset += cutter.lines;
      cutter.rebase();
      return piece;
    };

    for (;;) {
      for (;;) {
        scanned = cutter.scan(stage, scanned, end, start + pieceBytes);
        if (!cutter.atBoundary) break;
        yield cut(scanned);
      }
      if (cutter.runaway) break; // the rest is one record that csv-parse rejects: send it as it is
      const next = await chunks.next();
      if (next.done) break;
      const text = next.value;
      // Make room: move the unsent text to the front, or grow for a long record.
      if (end + text.length > stage.length) {
        const unsent = end - start;
        const target = unsent + text.length > stage.length ? Buffer.allocUnsafeSlow(Math.max(stage.length * 2, unsent + text.length)) : stage;
        stage.copy(target, 0, start, end);
        stage = target;
        scanned -= start;
        end = unsent;
        start = 0;
      }
      text.copy(stage, end);
      end += text.length;
    }
    if (end > start) yield cut(end);
  }

  private bufferFor(length: number): ArrayBuffer {
    for (let i = this.spare.length - 1; i >= 0; i--) {
      if (this.spare[i]!.byteLength >= length) return this.spare.splice(i, 1)[0]!;
    }
    // A piece ends at the first record boundary past pieceBytes: a little room lets most reuse it.
    return new ArrayBuffer(Math.max(length, this.options.pieceBytes + 16 * 1024));
  }

  /**
   * Parses the file's start with csv-parse up to the end of the chunk that completes the header
   * record, exactly as CsvReader does: the same line number, the same errors (also one later in that
   * chunk, which keeps CsvReader from showing the header), and the record delimiter csv-parse
   * settles on. Returns the text after the header: the start of the first piece.
   */
  private async readHeader(chunks: AsyncGenerator<Buffer>): Promise<{ header: CsvHeader; rest: Buffer; lastLine: number } | undefined> {
    const { label } = this.options;
    const counter = new LineCounter();
    let parser: ParserApi | undefined;
    let cells: string[] | undefined;
    let line = 0;
    let lastLine = 0;
    let endsAt = 0;
    const fed: Buffer[] = [];
    const push = (record: string[]): void => {
      const info = parser!.info;
      const start = counter.startOf(record, info.lines, info.empty_lines);
      if (cells) return;
      [cells, line, lastLine, endsAt] = [record, start, counter.lastLine, info.bytes];
    };
    const parse = (bytes: Buffer | undefined, end: boolean): void => {
      const error = parser!.parse(bytes as Buffer, end, push, () => undefined);
      if (error) throw csvFileError(label, { code: csvErrorCode(error, parser!) }, counter.nextStart(parser!.info.empty_lines));
    };
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        if (parser) parse(undefined, true);
        break;
      }
      parser ??= apiOf(new Parser(csvParserOptions(this.text.delimiter!)));
      const text = Buffer.from(next.value); // the source may reuse its buffer
      fed.push(text);
      parse(text, false);
      if (cells) break;
    }
    if (!cells || !parser) return undefined;
    return {
      header: { kind: 'header', cells, line, delimiter: this.text.delimiter! },
      rest: Buffer.concat(fed).subarray(endsAt),
      lastLine,
    };
  }
}

/** A CSV error in a piece: what csvFileError needs to name it (the line is the file's). */
export interface PieceCsvError {
  code: string | undefined;
  line: number;
}

/**
 * Parses one piece as a worker does: a piece without quotes is split directly (io/csv/plain-piece.ts),
 * any other with csv-parse; each record with its line in the file.
 */
export function parsePiece(
  bytes: Uint8Array,
  lineOffset: number,
  delimiter: Delimiter,
  onRow: (line: number, cells: string[]) => void,
): PieceCsvError | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (splitPlainPiece(buffer, lineOffset, delimiter, onRow)) return undefined;
  return csvParsePiece(buffer, lineOffset, delimiter, onRow);
}

/** parsePiece without the fast path: csv-parse alone (exported for the test that holds the two equal). */
export function csvParsePiece(
  buffer: Buffer,
  lineOffset: number,
  delimiter: Delimiter,
  onRow: (line: number, cells: string[]) => void,
): PieceCsvError | undefined {
  const parser = apiOf(new Parser(csvParserOptions(delimiter)));
  const counter = new LineCounter();
  const info = parser.info;
  const push = (cells: string[]): void => onRow(lineOffset + counter.startOf(cells, info.lines, info.empty_lines), cells);
  const error = parser.parse(buffer, true, push, () => undefined);
  if (!error) return undefined;
  return { code: csvErrorCode(error, parser), line: lineOffset + counter.nextStart(info.empty_lines) };
}
