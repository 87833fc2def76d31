// The piece reader of batch's worker threads must give exactly the rows, lines and errors of the
// single-threaded CsvReader, wherever it cuts: checked on tricky text and on random text made of
// the characters that matter (quotes, delimiters, CR, LF, a multi-byte letter).
import { describe, expect, it } from 'vitest';
import { csvFileError } from '../../../src/io/csv/rows.js';
import { CsvReader } from '../../../src/io/csv/reader.js';
import { StreamingCsvReader } from './streaming-reader.js';
import { CsvPieceReader, parsePiece } from '../../../src/io/csv/pieces.js';
import { mulberry32 } from '../../random.js';
import { enErrorText } from '../../words.js';
import type { UserError } from '../../../src/core/errors.js';


type Outcome = { header?: string[]; headerLine?: number; rows: [number, string[]][]; error?: string };

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  const shared = Buffer.alloc(size);
  for (let i = 0; i < bytes.length; i += size) {
    const n = Math.min(size, bytes.length - i);
    bytes.copy(shared, 0, i, i + n);
    yield shared.subarray(0, n);
  }
}

/** The reference: one csv-parse parser streamed over the whole text (or, with `reader`, zorgroute's one-thread reader). */
async function single(bytes: Buffer, chunk: number, reader: 'reference' | 'CsvReader' = 'reference'): Promise<Outcome> {
  const out: Outcome = { rows: [] };
  try {
    const source = chunksOf(bytes, chunk);
    const read = reader === 'reference' ? new StreamingCsvReader(source, { label: 't.csv' }) : new CsvReader(source, { label: 't.csv' });
    for await (const event of read.events()) {
      if (event.kind === 'header') [out.header, out.headerLine] = [event.cells, event.line];
      else for (const row of event.rows) out.rows.push([row.line, row.cells]);
    }
  } catch (error) {
    out.error = enErrorText(error as UserError);
  }
  return out;
}

async function pieced(bytes: Buffer, chunk: number, pieceBytes: number): Promise<Outcome & { pieces: number }> {
  const out: Outcome & { pieces: number } = { rows: [], pieces: 0 };
  const reader = new CsvPieceReader(chunksOf(bytes, chunk), { label: 't.csv', pieceBytes });
  try {
    let header: { delimiter: ';' | ',' | '\t' } | undefined;
    for await (const event of reader.events()) {
      if (event.kind === 'header') {
        [out.header, out.headerLine, header] = [event.cells, event.line, event];
        continue;
      }
      out.pieces += 1;
      const failed = parsePiece(new Uint8Array(event.bytes, 0, event.length), event.lineOffset, header!.delimiter, (line, cells) => {
        out.rows.push([line, cells]);
      });
      reader.recycle(event.bytes);
      if (failed) throw csvFileError('t.csv', failed, failed.line);
    }
  } catch (error) {
    out.error = enErrorText(error as UserError);
  }
  return out;
}

function expectSame(a: Outcome, b: Outcome): void {
  expect(b.error).toEqual(a.error);
  expect([b.header, b.headerLine]).toEqual([a.header, a.headerLine]);
  // After an error the two stop at different places; before it, they agree.
  if (a.error === undefined) expect(b.rows).toEqual(a.rows);
}

const TRICKY = [
  'a;b',
  '1;"x',
  'y"',
  '',
  '2;z',
  '3;"p\nq\nr"',
  '4;"say ""hi""; ok"',
  ';',
  '5;"\r\n"',
  '6;e"f;"g"h',
  '7;"a"b\r\nc";d',
  '8;x\ry',
  '9;"\r"',
].join('\r\n');

describe('CsvPieceReader', () => {
  it('gives the rows and lines of CsvReader however small the pieces and reads', async () => {
    const bytes = Buffer.from(TRICKY, 'utf8');
    const whole = await single(bytes, 1 << 16);
    expect(whole.rows.length).toBeGreaterThan(8);
    for (const pieceBytes of [1, 2, 5, 17, 1000]) {
      for (const chunk of [1, 3, 64, 1 << 16]) {
        const result = await pieced(bytes, chunk, pieceBytes);
        expectSame(whole, result);
      }
    }
    expect((await pieced(bytes, 64, 1)).pieces).toBe(whole.rows.length + 1); // the empty line is a piece of its own
  });

  it('agrees with CsvReader on random text of quotes, delimiters and line breaks', async () => {
    const rnd = mulberry32(4);
    const alphabet = ['a', '1', ';', ';', ',', '\t', '"', '"', '\r', '\n', '\r\n', '\r\n', ' ', 'é', '""'];
    for (let n = 0; n < 1500; n++) {
      const firstBreak = ['\r\n', '\n', '\r'][Math.floor(rnd() * 3)]!;
      const d = [';', ',', '\t'][Math.floor(rnd() * 3)]!;
      let text = `h${d}"i${rnd() < 0.2 ? '\n' : ''}"${d}j${firstBreak}`;
      const length = Math.floor(rnd() * 120);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(rnd() * alphabet.length)]!;
      const bytes = Buffer.from(text, 'utf8');
      const chunk = 1 + Math.floor(rnd() * 40);
      const whole = await single(bytes, 1 << 16);
      const result = await pieced(bytes, chunk, 1 + Math.floor(rnd() * 30));
      const oneThread = await single(bytes, chunk, 'CsvReader');
      try {
        expectSame(whole, result);
        expectSame(whole, oneThread);
      } catch (error) {
        throw new Error(`case ${n}: ${JSON.stringify(text)}\n${(error as Error).message}`);
      }
    }
  });

  it('agrees with the reference on quote-free text, where the pieces are split directly', async () => {
    const rnd = mulberry32(9);
    const plain = ['a', '1', ';', ';', ',', '\t', ' ', 'é', '€'];
    const breaks = ['\r', '\n', '\r\n'];
    let direct = 0;
    for (let n = 0; n < 1500; n++) {
      const firstBreak = ['\r\n', '\n', '\r'][Math.floor(rnd() * 3)]!;
      const d = [';', ',', '\t'][Math.floor(rnd() * 3)]!;
      // Half the texts break lines only with the header's line break: those are split directly.
      const alphabet = rnd() < 0.5 ? plain : [...plain, ...breaks];
      if (alphabet === plain) direct += 1;
      let text = `h${d}i${d}j${firstBreak}`;
      const length = Math.floor(rnd() * 200);
      for (let i = 0; i < length; i++) text += rnd() < 0.2 ? firstBreak : alphabet[Math.floor(rnd() * alphabet.length)]!;
      const bytes = Buffer.from(text, 'utf8');
      const chunk = 1 + Math.floor(rnd() * 40);
      const whole = await single(bytes, 1 << 16);
      try {
        expectSame(whole, await pieced(bytes, chunk, 1 + Math.floor(rnd() * 30)));
        expectSame(whole, await single(bytes, chunk, 'CsvReader'));
      } catch (error) {
        throw new Error(`case ${n}: ${JSON.stringify(text)}\n${(error as Error).message}`);
      }
    }
    expect(direct).toBeGreaterThan(600);
  });

  it('reads a header without a line break, and an empty file, as CsvReader does', async () => {
    for (const text of ['a;b', '', '\r\n\r\n', 'a;b\r\n', 'a;b\r\n\r\n1;2']) {
      const bytes = Buffer.from(text);
      expectSame(await single(bytes, 7), await pieced(bytes, 3, 1));
      expectSame(await single(bytes, 7), await single(bytes, 3, 'CsvReader'));
    }
  });

  it('stops at a quote that is never closed, with its line, also when it runs past the record limit', async () => {
    const open = Buffer.from('a;b\r\n1;2\r\n3;"open\r\n4;5\r\n');
    expect((await pieced(open, 4, 1)).error).toMatch(/^t\.csv, line 3: a quoted cell starts here and is never closed\n/);
    const long = Buffer.from(`a;b\r\n1;2\r\n3;"open${'x\r\n'.repeat(600_000)}`);
    const whole = await single(long, 1 << 16);
    expect(whole.error).toMatch(/^t\.csv, line 3: a quoted cell starts here and is never closed\n/);
    const result = await pieced(long, 1 << 16, 1000);
    expect(result.error).toBe(whole.error);
    expect(result.pieces).toBeLessThan(5);
    expect((await single(long, 1 << 16, 'CsvReader')).error).toBe(whole.error);
  });
});
