// One piece of an export as a worker thread handles it, run in-process: its records (json: each
// with its comma, for the main thread to drop the first), its tally, the student numbers for the
// duplicate check, and the rows that need action for the case log.
import { describe, expect, it } from 'vitest';
import { unpackEntries } from '../../../src/commands/batch/log-entries.js';
import { PieceProcessor, refAt, type PieceResult, type PieceSettings } from '../../../src/commands/batch/piece.js';
import { planColumns } from '../../../src/core/rows/columns.js';
import { hash53 } from '../../../src/core/rows/seen-refs.js';
import { readRulesetSource } from '../../../src/io/rules/read-ruleset.js';
import { enText } from '../../words.js';

const HEADER = ['leerlingnummer', 'geboortedatum', 'peildatum', 'ongeoorloofd_verzuim_uren_4wk'];
const planned = planColumns(HEADER);
if (!planned.ok) throw new Error('test header does not plan');
const plan = planned.plan;

function settings(over: Partial<PieceSettings> = {}): PieceSettings {
  return {
    rules: readRulesetSource(undefined),
    lang: 'en',
    plan,
    fallbackDate: '2026-02-02',
    delimiter: ';',
    format: 'json',
    onlyAction: false,
    listLimit: 10,
    withLog: true,
    ...over,
  };
}

function piece(text: string, lineOffset: number) {
  const bytes = Buffer.from(text, 'utf8');
  const buffer = new ArrayBuffer(bytes.length);
  bytes.copy(new Uint8Array(buffer));
  return { seq: 7, bytes: buffer, length: bytes.length, lineOffset, spare: [] };
}

const ROWS = ['A1;14-05-2012;02-02-2026;20', 'A2;31-02-2012;02-02-2026;0', '', 'A1;03-09-2012;;"1\r\n2"', 'A4;03-09-2012;;0', ''].join('\r\n');

describe('PieceProcessor', () => {
  it('gives the records, counts, student numbers and rows that need action of its piece, with true line numbers', () => {
    const result = new PieceProcessor(settings(), enText).process(piece(ROWS, 10)) as Extract<PieceResult, { kind: 'done' }>;
    expect(result.kind).toBe('done');
    expect(result.seq).toBe(7);
    const text = Buffer.from(result.out!, 0, result.outLength).toString('utf8');
    expect(text.startsWith(',\n{"line":11,')).toBe(true); // every json record brings its comma
    const records = JSON.parse(`[${text.slice(1)}]`) as { line: number; error?: unknown }[];
    expect(records.map((r) => [r.line, r.error === undefined])).toEqual([
      [11, true],
      [12, false],
      [14, false],
      [16, true],
    ]);
    expect(result.written).toBe(4);
    expect(result.tally).toMatchObject({ rows: 4, valid: 2, invalid: 2, needsAction: 1, escalated: 1 });
    expect(result.tally.targets.map((t) => [t.target, t.students])).toEqual([['leerplicht', [{ studentRef: 'A1', line: 11 }]]]);
    expect(Array.from(result.refs.lines)).toEqual([11, 12, 14, 16]);
    expect(Array.from(result.refs.keys)).toEqual(['A1', 'A2', 'A1', 'A4'].map(hash53));
    expect([0, 1, 2, 3].map((i) => refAt(result.refs, i))).toEqual(['A1', 'A2', 'A1', 'A4']);
    const logged = unpackEntries([result.log!]);
    expect(logged.entries.map((e) => [e.studentRef, JSON.parse(e.situationJson).situation.unexcusedHours4w])).toEqual([['A1', 20]]);
    expect(Object.keys(logged.outcomes)).toEqual([logged.entries[0]!.outcome]);
  });

  it('reports a CSV error with the line in the file, and keeps going with the next piece', () => {
    const processor = new PieceProcessor(settings({ format: 'ndjson', withLog: false }), enText);
    const failed = processor.process(piece('A1;14-05-2012;;0\r\nA2;"open;x\r\n', 40));
    expect(failed).toMatchObject({ kind: 'csv-error', error: { code: 'CSV_QUOTE_NOT_CLOSED', line: 42 } });
    const next = processor.process(piece('A3;14-05-2012;;0\r\n', 50)) as Extract<PieceResult, { kind: 'done' }>;
    expect(Buffer.from(next.out!, 0, next.outLength).toString('utf8')).toMatch(/^\{"line":51,"studentRef":"A3",.*\n$/);
    expect(next.log).toBeNull();
  });
});
