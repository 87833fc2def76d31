// The quote-free fast path (io/csv/plain-piece.ts) must give exactly what csv-parse gives — the same
// records, the same cells, the same lines — or decline before handing on anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPlainPiece } from '../../../src/io/csv/plain-piece.js';
import { csvParsePiece, parsePiece } from '../../../src/io/csv/pieces.js';
import type { RecordDelimiter } from '../../../src/io/csv/cutter.js';
import type { Delimiter } from '../../../src/io/csv/sniff.js';
import { FUZZ_SEED } from '../../fuzz-inputs.js';

type Row = [number, string[]];

function fast(bytes: Buffer, d: Delimiter, rd: RecordDelimiter, offset = 0): Row[] | null {
  const rows: Row[] = [];
  return splitPlainPiece(bytes, offset, d, rd, (line, cells) => rows.push([line, cells])) ? rows : null;
}

function slow(bytes: Buffer, d: Delimiter, rd: RecordDelimiter, offset = 0): { rows: Row[]; error: unknown } {
  const rows: Row[] = [];
  const error = csvParsePiece(bytes, offset, d, rd, (line, cells) => rows.push([line, cells]));
  return { rows, error };
}

const b = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('the quote-free fast path', () => {
  it('splits lines and fields, skips empty lines and keeps their line numbers', () => {
    const text = 'a;b;c\r\n\r\n1;;3\r\nzoë;é;\r\nlast';
    expect(fast(b(text), ';', '\r\n', 10)).toEqual([
      [11, ['a', 'b', 'c']],
      [13, ['1', '', '3']],
      [14, ['zoë', 'é', '']],
      [15, ['last']],
    ]);
    expect(fast(b(text), ';', '\r\n', 10)).toEqual(slow(b(text), ';', '\r\n', 10).rows);
  });

  it('declines a quote, a line break that is not the record delimiter, and a very long line', () => {
    expect(fast(b('a;"b"\n'), ';', '\n')).toBeNull();
    expect(fast(b('a;b\r\nc\nd\r\n'), ';', '\r\n')).toBeNull(); // a lone \n inside a CRLF file
    expect(fast(b('a;b\r\nc\rd\r\n'), ';', '\r\n')).toBeNull(); // a lone \r
    expect(fast(b('a;b\r\nc;d\r'), ';', '\r\n')).toBeNull(); // ends in half a break
    expect(fast(b('a;b\r\nc\n'), ';', '\n')).toBeNull();
    expect(fast(b('a;b\rc\n'), ';', '\r')).toBeNull();
    expect(fast(b(`${'x'.repeat(70_000)}\n`), ';', '\n')).toBeNull();
    // parsePiece then falls back to csv-parse and still reads the piece.
    const rows: Row[] = [];
    expect(parsePiece(b('1;"a;b"\n2;c\n'), 0, ';', '\n', (line, cells) => rows.push([line, cells]))).toBeUndefined();
    expect(rows).toEqual([
      [1, ['1', 'a;b']],
      [2, ['2', 'c']],
    ]);
  });

  it('decodes broken UTF-8 as csv-parse does, field by field', () => {
    const bytes = Buffer.concat([b('a'), Buffer.from([0xc3]), b(';'), Buffer.from([0xff, 0xfe]), b('b\n'), Buffer.from([0xe2, 0x82]), b('\n')]);
    expect(fast(bytes, ';', '\n')).toEqual(slow(bytes, ';', '\n').rows);
  });

  it('gives what csv-parse gives on random pieces, or declines', () => {
    const pieces = fc.record({
      delimiter: fc.constantFrom<Delimiter>(';', ',', '\t'),
      recordDelimiter: fc.constantFrom<RecordDelimiter>('\n', '\r\n', '\r'),
      parts: fc.array(fc.oneof(fc.constantFrom(';', ',', '\t', '|', '\r', '\n', '\r\n', '"', ' ', 'a', 'Zoë', '€', '😀', '', '12-03-2026'), fc.string({ maxLength: 4 })), { maxLength: 60 }),
      junk: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }),
      offset: fc.integer({ min: 0, max: 1000 }),
    });
    let taken = 0;
    fc.assert(
      fc.property(pieces, ({ delimiter, recordDelimiter, parts, junk, offset }) => {
        const bytes = Buffer.concat([b(parts.join('')), Buffer.from(junk)]);
        const got = fast(bytes, delimiter, recordDelimiter, offset);
        if (got === null) return;
        taken += 1;
        const want = slow(bytes, delimiter, recordDelimiter, offset);
        expect(want.error).toBeUndefined();
        expect(got).toEqual(want.rows);
      }),
      { seed: FUZZ_SEED, numRuns: 3000 },
    );
    // The property must not hold only because the fast path always declines.
    expect(taken).toBeGreaterThan(300);
  });
});
