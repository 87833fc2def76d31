// The first stage of reading an export, shared by the single-threaded reader (io/csv/rows.ts) and the
// piece reader of the worker threads (io/csv/pieces.ts), so that both see the very same text: the
// encoding sniffed chunk by chunk, a BOM dropped, the delimiter taken from the first line.
import { ProblemError } from '../../core/output-problems.js';
import { binaryKindOf, detectDelimiter, TextSniffer, type Delimiter, type Encoding } from './sniff.js';

/** Enough to find the header line of any export. */
const MAX_HEADER_BYTES = 1 << 20;

export function firstLineOf(bytes: Buffer): string | undefined {
  const nl = bytes.indexOf(10);
  const cr = bytes.indexOf(13);
  const end = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
  return end < 0 ? undefined : bytes.subarray(0, end).toString('utf8');
}

export class CsvText {
  delimiter: Delimiter | undefined;
  bytesRead = 0;
  private readonly sniffer: TextSniffer;

  constructor(
    private readonly source: AsyncIterable<Buffer>,
    private readonly forcedDelimiter?: Delimiter | undefined,
    encoding?: Encoding | undefined,
    /** For messages: the file name or `stdin`. */
    private readonly label = 'stdin',
  ) {
    this.sniffer = new TextSniffer(encoding);
  }

  get encoding(): Encoding | undefined {
    return this.sniffer.encoding;
  }

  get bom(): boolean {
    return this.sniffer.bom;
  }

  /**
   * The file as UTF-8, chunk by chunk; `delimiter` is set before the first chunk. A chunk may be a
   * view of a buffer the source reuses: copy what you keep.
   */
  async *chunks(): AsyncGenerator<Buffer> {
    let started = false;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const start = (gathered: Buffer): Buffer => {
      const text = this.sniffer.push(gathered);
      this.delimiter = this.forcedDelimiter ?? detectDelimiter(firstLineOf(text) ?? text.toString('utf8'));
      started = true;
      return text;
    };
    for await (const chunk of this.source) {
      // A workbook or a PDF saved as .csv would be read as text full of garbage: say what it is.
      if (this.bytesRead === 0) {
        const found = binaryKindOf(chunk);
        if (found) throw new ProblemError({ kind: 'not-csv', label: this.label, found });
      }
      this.bytesRead += chunk.length;
      if (started) {
        yield this.sniffer.push(chunk);
        continue;
      }
      // Gather the first line whole, to see its delimiter (and a BOM split over two reads).
      // The source may reuse its buffer, so keep a copy.
      pending.push(Buffer.from(chunk));
      pendingBytes += chunk.length;
      const gathered = Buffer.concat(pending, pendingBytes);
      if (firstLineOf(gathered) === undefined && pendingBytes < MAX_HEADER_BYTES) continue;
      pending = [];
      yield start(gathered);
    }
    if (!started && pendingBytes > 0) yield start(Buffer.concat(pending, pendingBytes));
  }
}
