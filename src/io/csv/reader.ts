// Reads a CSV export on one thread: `events()` gives first a `header` event (none for an empty
// file), then `rows` batches, each row with the line it starts on, in constant memory — a piece of
// the file is read only when the previous batch has been handled (so a slow output slows the
// reading instead of filling memory). The same pieces as batch's worker threads (io/csv/pieces.ts),
// parsed here: a quote-free piece split directly, any other by csv-parse. Throws a UserError
// (exit 2) for CSV that cannot be read on, naming the line; the rows before it are handed on first.
import { csvFileError, type CsvEvent, type CsvReadOptions, type CsvRow } from './rows.js';
import { CsvPieceReader, parsePiece } from './pieces.js';
import type { Delimiter, Encoding } from './sniff.js';

/** A piece, as batch hands its worker threads (run.ts): 256 KiB pieces cost the one-thread run ~45 MB more peak RSS for no speed (bench/batch.mjs, --threads 1). */
const PIECE_BYTES = 64 * 1024;

export class CsvReader {
  private readonly pieces: CsvPieceReader;
  private readonly label: string;

  constructor(source: AsyncIterable<Buffer>, options: CsvReadOptions) {
    this.pieces = new CsvPieceReader(source, { ...options, pieceBytes: PIECE_BYTES });
    this.label = options.label;
  }

  get encoding(): Encoding | undefined {
    return this.pieces.encoding;
  }

  get bom(): boolean {
    return this.pieces.bom;
  }

  get delimiter(): Delimiter | undefined {
    return this.pieces.delimiter;
  }

  get bytesRead(): number {
    return this.pieces.bytesRead;
  }

  async *events(): AsyncGenerator<CsvEvent> {
    let delimiter: Delimiter = ';';
    for await (const event of this.pieces.events()) {
      if (event.kind === 'header') {
        ({ delimiter } = event);
        yield { kind: 'header', cells: event.cells, line: event.line, delimiter };
        continue;
      }
      const rows: CsvRow[] = [];
      const error = parsePiece(new Uint8Array(event.bytes, 0, event.length), event.lineOffset, delimiter, (line, cells) => {
        rows.push({ line, cells });
      });
      this.pieces.recycle(event.bytes);
      if (rows.length > 0) yield { kind: 'rows', rows };
      if (error) throw csvFileError(this.label, error, error.line);
    }
  }
}
