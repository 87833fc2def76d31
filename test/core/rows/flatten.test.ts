import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, csvLine, errorCells, neutraliseFormula } from '../../../src/core/rows/flatten.js';

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+31', '-5', '@SUM(A1)', '\tx', '\rx'])('makes %j text', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });
  it.each(['A001', '2026-02-02', '', 'leerplicht verzuimmelding-16-uur 2026-02-09', "'quoted"])('leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('csvCell', () => {
  it('quotes cells with the delimiter, quotes or line breaks (RFC 4180)', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('say "hi"', ',')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ',')).toBe('"two\nlines"');
  });
  it('neutralises before quoting, so a quoted formula stays text', () => {
    expect(csvCell('=HYPERLINK("x";"y")', ';')).toBe('"\'=HYPERLINK(""x"";""y"")"');
  });
});

describe('csvLine and errorCells', () => {
  it('writes an error row with the line, the student number and the problem in the last columns', () => {
    const cells = errorCells(7, 'A1', 'geboortedatum', 'not a date');
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(csvLine(cells, ';')).toBe('7;A1;;;;;;;;;;;;;;;geboortedatum;not a date\r\n');
  });
});
