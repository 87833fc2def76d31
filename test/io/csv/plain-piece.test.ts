// The quote-free fast path (io/csv/plain-piece.ts) must give exactly what csv-parse gives — the same
// records, the same cells, the same lines — or decline before handing on anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPlainPiece } from '../../../src/io/csv/plain-piece.js';
import { csvParsePiece, parsePiece } from '../../../src/io/csv/pieces.js';
import type { Delimiter } from '../../../src/io/csv/sniff.js';
import { FUZZ_SEED } from '../../fuzz-inputs.js';

type Row = [number, string[]];

function fast(bytes: Buffer, d: Delimiter, offset = 0): Row[] | null {
  const rows: Row[] = [];
  return splitPlainPiece(bytes, offset, d, (line, cells) => rows.push([line, cells])) ? rows : null;
}

function slow(bytes: Buffer, d: Delimiter, offset = 0): { rows: Row[]; error: unknown } {
  const rows: Row[] = [];
  const error = csvParsePiece(bytes, offset, d, (line, cells) => rows.push([line, cells]));
  return { rows, error };
}

const b = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('the quote-free fast path', () => {
  it('splits lines and fields, skips empty lines and keeps their line numbers', () => {
    const text = 'a;b;c\r\n\r\n1;;3\r\nzoë;é;\r\nlast';
    expect(fast(b(text), ';', 10)).toEqual([
      [11, ['a', 'b', 'c']],
      [13, ['1', '', '3']],
      [14, ['zoë', 'é', '']],
      [15, ['last']],
    ]);
    expect(fast(b(text), ';', 10)).toEqual(slow(b(text), ';', 10).rows);
  });

  // Issue 19, defect 8: a CR LF header with LF rows under it, a lone CR: each ends a record.
  it('ends a record at any CR, LF or CR LF, each with its own line number, as csv-parse does', () => {
    const text = 'a;b\r\n1;x\n2;y\r3;z\r\n\n4;w\n\r5;v';
    const want: Row[] = [
      [1, ['a', 'b']],
      [2, ['1', 'x']],
      [3, ['2', 'y']],
      [4, ['3', 'z']],
      [6, ['4', 'w']],
      [8, ['5', 'v']],
    ];
    expect(fast(b(text), ';')).toEqual(want);
    expect(slow(b(text), ';')).toEqual({ rows: want, error: undefined });
    // With a quote somewhere the piece goes to csv-parse: the same records.
    const quoted = `${text}\n"6";u`;
    expect(slow(b(quoted), ';').rows).toEqual([...want, [9, ['6', 'u']]]);
  });

  it('declines a quote and a very long line', () => {
    expect(fast(b('a;"b"\n'), ';')).toBeNull();
    expect(fast(b(`${'x'.repeat(70_000)}\n`), ';')).toBeNull();
    // parsePiece then falls back to csv-parse and still reads the piece.
    const rows: Row[] = [];
    expect(parsePiece(b('1;"a;b"\n2;c\n'), 0, ';', (line, cells) => rows.push([line, cells]))).toBeUndefined();
    expect(rows).toEqual([
      [1, ['1', 'a;b']],
      [2, ['2', 'c']],
    ]);
  });

  it('decodes broken UTF-8 as csv-parse does, field by field', () => {
    const bytes = Buffer.concat([b('a'), Buffer.from([0xc3]), b(';'), Buffer.from([0xff, 0xfe]), b('b\n'), Buffer.from([0xe2, 0x82]), b('\n')]);
    expect(fast(bytes, ';')).toEqual(slow(bytes, ';').rows);
  });

  it('gives what csv-parse gives on random pieces, or declines', () => {
    const pieces = fc.record({
      delimiter: fc.constantFrom<Delimiter>(';', ',', '\t'),
      parts: fc.array(fc.oneof(fc.constantFrom(';', ',', '\t', '|', '\r', '\n', '\r\n', '"', ' ', 'a', 'Zoë', '€', '😀', '', '12-03-2026'), fc.string({ maxLength: 4 })), { maxLength: 60 }),
      junk: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }),
      offset: fc.integer({ min: 0, max: 1000 }),
    });
    let taken = 0;
    fc.assert(
      fc.property(pieces, ({ delimiter, parts, junk, offset }) => {
        const bytes = Buffer.concat([b(parts.join('')), Buffer.from(junk)]);
        const got = fast(bytes, delimiter, offset);
        if (got === null) return;
        taken += 1;
        const want = slow(bytes, delimiter, offset);
        expect(want.error).toBeUndefined();
        expect(got).toEqual(want.rows);
      }),
      { seed: FUZZ_SEED, numRuns: 3000 },
    );
    // The property must not hold only because the fast path always declines.
    expect(taken).toBeGreaterThan(300);
  });
});
