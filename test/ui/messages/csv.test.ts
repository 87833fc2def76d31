// The CSV dialects of `batch --format csv` (core/rows/flatten.ts ENGLISH_CSV, ui/messages/csv.ts Dutch).
import { describe, expect, it } from 'vitest';
import { ABSENCE_CSV_COLUMNS, CSV_COLUMNS, ENGLISH_CSV, errorCells } from '../../../src/core/rows/flatten.js';
import { csvDialectFor } from '../../../src/ui/messages/csv.js';

const DUTCH = csvDialectFor('nl');

describe('the dialects', () => {
  it('have a header for every column, in both languages', () => {
    for (const d of [ENGLISH_CSV, DUTCH]) {
      expect(d.columns).toHaveLength(CSV_COLUMNS.length);
      expect(d.absence.columns).toHaveLength(ABSENCE_CSV_COLUMNS.length);
    }
    expect(DUTCH.absence.columns.at(-2)).toBe(DUTCH.columns.at(-2));
    expect(DUTCH.absence.columns.at(-1)).toBe(DUTCH.columns.at(-1));
  });

  it('are plain data: a structured clone (what a worker thread gets) is the same dialect', () => {
    for (const d of [ENGLISH_CSV, DUTCH]) expect(structuredClone(d)).toEqual(d);
  });

  it('an error row is as wide as the header it is under', () => {
    expect(errorCells(4, 'L1', 'geboortedatum', 'fout', ABSENCE_CSV_COLUMNS.length)).toEqual(['4', 'L1', ...new Array<string>(ABSENCE_CSV_COLUMNS.length - 4).fill(''), 'geboortedatum', 'fout']);
  });
});
