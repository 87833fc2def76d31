// The reference the readers are held to (test/io/csv/pieces.test.ts, reader.test.ts): the whole
// export streamed through one csv-parse parser, chunk by chunk, as zorgroute read it before the
// piece reader and the quote-free fast path (src/io/csv/pieces.ts, plain-piece.ts). Test code only.
import { Parser } from 'csv-parse';
import type { UserError } from '../../../src/core/errors.js';
import { apiOf, csvFileError, csvParserOptions, LineCounter, type CsvEvent, type CsvReadOptions, type CsvRow, type ParserApi } from '../../../src/io/csv/rows.js';
import type { Delimiter, Encoding } from '../../../src/io/csv/sniff.js';
import { CsvText } from '../../../src/io/csv/text.js';

const WORK_BYTES = 128 * 1024;

/**
 * Reads a CSV export: `events()` gives first a `header` event (none for an empty file), then `rows`
 * batches, one per chunk read. It throws a UserError (exit 2) for CSV that cannot be read on,
 * naming the line. `encoding`, `bom` and `bytesRead` tell what was found so far.
 */
export class StreamingCsvReader {
  private readonly text: CsvText;
  private readonly options: CsvReadOptions;

  constructor(source: AsyncIterable<Buffer>, options: CsvReadOptions) {
    this.text = new CsvText(source, options.delimiter, options.encoding, options.label);
    this.options = options;
  }

  get encoding(): Encoding | undefined {
    return this.text.encoding;
  }

  get bom(): boolean {
    return this.text.bom;
  }

  get delimiter(): Delimiter | undefined {
    return this.text.delimiter;
  }

  get bytesRead(): number {
    return this.text.bytesRead;
  }

  async *events(): AsyncGenerator<CsvEvent> {
    const { label } = this.options;
    const counter = new LineCounter();
    let parser: ParserApi | undefined;
    let headerSent = false;
    let rows: CsvRow[] = [];

    // csv-parse keeps the last bytes of a chunk it cannot judge yet and concatenates them with the
    // next chunk: a new buffer per chunk, which outlives young-generation GC and adds up to a
    // hundred MB on a big file. So we keep those bytes ourselves, at the front of one reused buffer.
    let work = Buffer.allocUnsafeSlow(WORK_BYTES);
    let carry = 0;

    // The rows read before an error are handed on before the error is thrown: they were read, and
    // the worker threads' path (commands/batch/parallel.ts) handles them alike.
    let failure: UserError | undefined;
    const push = (cells: string[]): void => {
      const info = parser!.info;
      rows.push({ line: counter.startOf(cells, info.lines, info.empty_lines), cells });
    };
    const parse = (bytes: Buffer, end: boolean): void => {
      const error = parser!.parse(bytes, end, push, () => undefined);
      if (error) failure ??= csvFileError(label, error, counter.nextStart(parser!.info.empty_lines));
    };
    const feed = (text: Buffer): void => {
      const total = carry + text.length;
      if (total > work.length) {
        const bigger = Buffer.allocUnsafeSlow(Math.max(total, work.length * 2));
        work.copy(bigger, 0, 0, carry);
        work = bigger;
      }
      text.copy(work, carry);
      parse(work.subarray(0, total), false);
      const left = parser!.state.previousBuf;
      parser!.state.previousBuf = undefined;
      carry = 0;
      if (left) {
        if (left.buffer === work.buffer) work.copyWithin(0, left.byteOffset - work.byteOffset, left.byteOffset - work.byteOffset + left.length);
        else left.copy(work, 0);
        carry = left.length;
      }
    };
    const delimiter = (): Delimiter => this.text.delimiter!;
    function* emit(): Generator<CsvEvent> {
      if (!headerSent && rows.length > 0) {
        const header = rows.shift()!;
        headerSent = true;
        yield { kind: 'header', cells: header.cells, line: header.line, delimiter: delimiter() };
      }
      if (headerSent && rows.length > 0) {
        const batch = rows;
        rows = [];
        yield { kind: 'rows', rows: batch };
      }
    }

    for await (const text of this.text.chunks()) {
      parser ??= apiOf(new Parser(csvParserOptions(delimiter())));
      feed(text);
      // An error in the chunk that holds the header stops before the header is shown, as the
      // piece reader does (io/csv/pieces.ts readHeader).
      if (failure && !headerSent) throw failure;
      yield* emit();
      if (failure) throw failure;
    }
    if (parser) parse(work.subarray(0, carry), true);
    if (failure && !headerSent) throw failure;
    yield* emit();
    if (failure) throw failure;
  }
}
