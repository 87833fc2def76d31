import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { CsvReader } from '../../../src/io/csv/reader.js';
import type { CsvEvent } from '../../../src/io/csv/rows.js';
import { enRejection } from '../../words.js';

async function* chunksOf(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  // One reused buffer, as the file reader does: the reader must copy what it keeps.
  const shared = Buffer.alloc(size);
  for (let i = 0; i < bytes.length; i += size) {
    const n = Math.min(size, bytes.length - i);
    bytes.copy(shared, 0, i, i + n);
    yield shared.subarray(0, n);
  }
}

async function read(text: string | Buffer, size = 1 << 16): Promise<{ header?: string[]; rows: [number, string[]][]; reader: CsvReader }> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const reader = new CsvReader(chunksOf(bytes, size), { label: 'test.csv' });
  const out: { header?: string[]; rows: [number, string[]][]; reader: CsvReader } = { rows: [], reader };
  for await (const event of reader.events() as AsyncIterable<CsvEvent>) {
    if (event.kind === 'header') out.header = event.cells;
    else for (const row of event.rows) out.rows.push([row.line, row.cells]);
  }
  return out;
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
  '6;e',
].join('\r\n');

describe('CsvReader', () => {
  it('gives each record the line it starts on, also after quoted line breaks and empty lines', async () => {
    const { header, rows } = await read(TRICKY);
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([
      [2, ['1', 'x\r\ny']],
      [5, ['2', 'z']],
      [6, ['3', 'p\nq\nr']],
      [9, ['4', 'say "hi"; ok']],
      [10, ['', '']],
      [11, ['5', '\r\n']],
      [13, ['6', 'e']],
    ]);
  });

  it('gives the same rows however the file is cut into chunks', async () => {
    const whole = await read(TRICKY);
    for (const size of [1, 2, 3, 7, 64]) expect((await read(TRICKY, size)).rows).toEqual(whole.rows);
  });

  it('handles LF files and a last line without a line break', async () => {
    const { rows, reader } = await read('a,b\n1,2\n\n3,4');
    expect(rows).toEqual([
      [2, ['1', '2']],
      [4, ['3', '4']],
    ]);
    expect(reader.delimiter).toBe(',');
  });

  it('detects Windows-1252 after an ASCII start and reports the encoding', async () => {
    const bytes = Buffer.concat([Buffer.from('leerlingnummer;naam\r\n1;a\r\n'), Buffer.from([0x32, 0x3b, 0x5a, 0xe9, 0x0d, 0x0a])]);
    const { rows, reader } = await read(bytes, 8);
    expect(rows.at(-1)).toEqual([3, ['2', 'Zé']]);
    expect(reader.encoding).toBe('windows-1252');
  });

  it('has no header and no rows for an empty file or one with only a BOM and line breaks', async () => {
    for (const text of ['', '\uFEFF\r\n\r\n']) {
      const { header, rows } = await read(text);
      expect(header).toBeUndefined();
      expect(rows).toEqual([]);
    }
  });

  it('stops with the line of a quote that is never closed', async () => {
    const failure = read('a;b\r\n1;2\r\n3;"open\r\n4;5\r\n');
    await expect(failure).rejects.toBeInstanceOf(UserError);
    expect(await enRejection(failure)).toContain('test.csv, line 3: a quoted cell starts here and is never closed');
  });
});
