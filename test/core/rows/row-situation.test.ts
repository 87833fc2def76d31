import { describe, expect, it } from 'vitest';
import { problem } from '../../../src/core/problems.js';
import { DEFAULT_HEADERS, planColumns, type ColumnPlan } from '../../../src/core/rows/columns.js';
import { containsBsn } from '../../../src/core/bsn.js';
import { cellValue, fastSituation } from '../../../src/core/rows/row-fast.js';
import { isBlankRow, readRow } from '../../../src/core/rows/row-situation.js';
import { FIELD_KINDS, parseSituation, SITUATION_FIELDS, type SituationField } from '../../../src/core/routing/situation.js';
import { coerceFieldText } from '../../../src/core/text-values.js';
import { mulberry32 } from '../../random.js';

const DATES = ['14-05-2012', '2012-05-14', '1-5-2012', '14/05/2012', '14.05.2012', '31-02-2012', '29-02-2012', '29-02-2013', ' 14-05-2012 ', '', '2012-5-14', '14-05-12', 'abcdefghij', '0000-00-00', '31-12-1899', '01-01-3000', '31-12-2999', '14-13-2012', '00-05-2012', '１４-05-2012', '14-05-2012x', '02-02-2026', '2026-02-02', '03-02-2026', '20-01-2026', '2025-02-01', '31-01-2025'];
const BOOLEANS = ['ja', 'nee', 'j', 'n', '1', '0', 'true', 'false', 'JA', 'Nee', ' ja', 'yes', 'x', 'waar', 'onwaar', '', '?', '2', 'maybe', 'onbekend', 'null', 'unknown'];
const NUMBERS = ['111222333', '1112,22333', '12345678', '1234,567', '7,', ',7', '1,2,3', '0', '5', '16', '007', '12,5', '12.5', '-1', '-0', '1e3', '999999', '9999999', '99999999999999999999', '', ' 3 ', '+4', '.5', ',5', 'abc', '1 000', '21', '20', '4', '٣', '200', '200,5', '201', '60', '61', '1040', '1041', '5200', '5201', '123456782', '123 456 782', '123-456-782'];
const ENUMS = ['vo', 'VO', 'po', 'mbo', 'hbo', '', ' vo', 'geen', 'none', 'visueel', 'Auditief', 'taal-spraak', 'vso'];
const LISTS = ['gedrag', 'gedrag, leren', 'leren;gezondheid', '', 'x', 'gedrag|x', 'GEDRAG'];
const REFS = ['111222333', '111.222.333', 'A1', ' A1', 'A1 ', '', '   ', 'x'.repeat(64), 'x'.repeat(65), 'Zé', '\u00a0A1', 'A1\u2003', '=1+1', '240101', '\u0000L1', 'L1\u0000', 'L1\u001b[2J', 'L\ud800', 'L\ud83d\ude00', 'L1\u202e', 'L\u0085', 'L1\u007f', 'BSN 111 222 333', 'pgn111222333', '111-222-333', 'L1 111222333'];

function corpus(field: SituationField): string[] {
  switch (FIELD_KINDS[field].kind) {
    case 'date':
      return DATES;
    case 'boolean':
    case 'nullableBoolean':
      return BOOLEANS;
    case 'count':
    case 'amount':
      return NUMBERS;
    case 'enum':
      return ENUMS;
    case 'enumList':
      return LISTS;
    case 'studentRef':
      return REFS;
  }
}

const prng = mulberry32;

/** The specification: no BSN anywhere, coerceFieldText for every cell, then parseSituation. */
function reference(cells: readonly string[], plan: ColumnPlan, fallback: string) {
  if (cells.some((c) => containsBsn(c))) return { ok: false as const };
  const input: Record<string, unknown> = {};
  for (const col of plan.columns) {
    const c = coerceFieldText(col.field, cells[col.index] ?? '');
    if (c === undefined) continue;
    if (!c.ok) return { ok: false as const };
    input[col.field] = c.value;
  }
  return parseSituation(input, fallback);
}

const allColumns = (() => {
  const planned = planColumns(SITUATION_FIELDS.map((f) => DEFAULT_HEADERS[f]));
  if (!planned.ok) throw new Error('default headers do not plan');
  return planned.plan;
})();

describe('cellValue (fast readers with coerceFieldText behind them)', () => {
  it('gives what coerceFieldText gives, for every field and every text of the corpus', () => {
    for (const field of SITUATION_FIELDS) {
      for (const text of corpus(field)) {
        const coerced = coerceFieldText(field, text);
        const fast = cellValue(field, text);
        if (coerced === undefined) expect(fast, `${field} ${JSON.stringify(text)}`).toBeUndefined();
        else if (coerced.ok) expect(fast, `${field} ${JSON.stringify(text)}`).toStrictEqual(coerced.value);
        else expect(typeof fast, `${field} ${JSON.stringify(text)}`).toBe('symbol');
      }
    }
  });
});

describe('fast path ≡ coerceFieldText + parseSituation', () => {
  it('accepts only what parseSituation accepts, with the same situation (20,000 generated rows)', () => {
    const rnd = prng(20260202);
    let fastAccepted = 0;
    let valid = 0;
    for (let n = 0; n < 20_000; n++) {
      // Mostly well-formed rows (so the fast path is exercised), with odd cells mixed in.
      const cells = allColumns.columns.map((col) => {
        const pool = corpus(col.field);
        if (col.field === 'studentRef') return rnd() < 0.9 ? `L${n}` : pool[Math.floor(rnd() * pool.length)]!;
        if (col.field === 'birthDate' && rnd() < 0.8) return rnd() < 0.5 ? '14-05-2012' : '2008-01-31';
        if (rnd() < 0.88) return '';
        return pool[Math.floor(rnd() * pool.length)]!;
      });
      const fallback = rnd() < 0.5 ? '2026-02-02' : '2010-01-01';
      const spec = reference(cells, allColumns, fallback);
      const fast = fastSituation(cells, allColumns, fallback);
      const row = readRow(cells, allColumns, fallback);
      if (fast) {
        fastAccepted += 1;
        expect(spec.ok, JSON.stringify(cells)).toBe(true);
        if (spec.ok) expect(fast).toStrictEqual(spec.value);
      }
      if (spec.ok) valid += 1;
      // readRow (fast path, else slow path) agrees with the specification on every row.
      expect(row.ok, JSON.stringify(cells)).toBe(spec.ok);
      if (row.ok && spec.ok) expect(row.situation).toStrictEqual(spec.value);
    }
    expect(fastAccepted).toBeGreaterThan(2000);
    expect(valid).toBeGreaterThan(fastAccepted * 0.5);
  });
});

describe('readRow', () => {
  const planned = planColumns(['leerlingnummer', 'geboortedatum', 'peildatum', 'opmerking', 'ongeoorloofd_verzuim_uren_4wk', 'ingeschreven']);
  if (!planned.ok) throw new Error('plan');
  const plan = planned.plan;

  it('reads a typical Dutch row', () => {
    const row = readRow(['A1', '14-05-2012', '02-02-2026', 'x', '16,5', 'ja'], plan, '2000-01-01');
    expect(row.ok && row.situation).toMatchObject({ studentRef: 'A1', birthDate: '2012-05-14', referenceDate: '2026-02-02', unexcusedHours4w: 16.5, enrolled: true });
  });

  it('uses the fallback peildatum for an empty peildatum cell', () => {
    const row = readRow(['A1', '14-05-2012', '', '', '', ''], plan, '2026-03-01');
    expect(row.ok && row.situation.referenceDate).toBe('2026-03-01');
  });

  it('names the leftmost problem, by its header, without quoting the value', () => {
    const row = readRow(['A1', '31-02-2012', '02-02-2026', '', 'veel', 'misschien'], plan, '2026-02-02');
    expect(row).toEqual({ ok: false, error: { column: 'geboortedatum', problem: { kind: 'not-a-calendar-date', params: {} } }, studentRef: 'A1' });
    if (!row.ok) expect(JSON.stringify(row.error)).not.toContain('31-02');
    const later = readRow(['A1', '14-05-2012', '02-02-2026', '', 'veel', 'misschien'], plan, '2026-02-02');
    expect(!later.ok && later.error.column).toBe('ongeoorloofd_verzuim_uren_4wk');
  });

  it('says a required cell is empty', () => {
    const row = readRow(['', '14-05-2012', '', '', '', ''], plan, '2026-02-02');
    expect(row).toEqual({ ok: false, error: { column: 'leerlingnummer', problem: { kind: 'cell-required-empty', params: {} } }, studentRef: undefined });
  });

  it('refuses a BSN in any cell first, never echoing it', () => {
    const row = readRow(['A1', 'nonsense', '', 'bsn 111 222 333 staat hier', '', ''], plan, '2026-02-02');
    expect(row).toEqual({ ok: false, error: { column: 'opmerking', problem: { kind: 'cell-has-bsn', params: {} } }, studentRef: 'A1' });
    const asRef = readRow(['111222333', '14-05-2012', '', '', '', ''], plan, '2026-02-02');
    expect(asRef).toEqual({ ok: false, error: { column: 'leerlingnummer', problem: { kind: 'cell-has-bsn', params: {} } }, studentRef: undefined });
    expect(JSON.stringify(asRef)).not.toContain('111222333');
  });

  it('refuses a value in a cell beyond the header, accepts empty ones', () => {
    expect(readRow(['A1', '14-05-2012', '', '', '', '', '', ''], plan, '2026-02-02').ok).toBe(true);
    const extra = readRow(['A1', '14-05-2012', '', '', '', '', 'x'], plan, '2026-02-02');
    expect(!extra.ok && extra.error.column).toBe('#7'); // its place, the same in every language (issue 19, defect 8)
  });

  it('says when the birth date is after the peildatum', () => {
    const row = readRow(['A1', '14-05-2027', '02-02-2026', '', '', ''], plan, '2026-02-02');
    expect(!row.ok && row.error).toEqual({ column: 'geboortedatum', problem: { kind: 'birth-after-reference', params: {} } });
  });
  it('reads the day the 16 hours were reached (16_uur_bereikt_op), within a year before the peildatum', () => {
    const p = planColumns(['leerlingnummer', 'geboortedatum', 'peildatum', 'ongeoorloofd_verzuim_uren_4wk', '16 uur bereikt op']);
    if (!p.ok) throw new Error('plan');
    const row = readRow(['A1', '14-05-2012', '02-02-2026', '18', '27-01-2026'], p.plan, '2026-02-02');
    expect(row.ok && row.situation.unexcusedHoursReachedOn).toBe('2026-01-27');
    const empty = readRow(['A1', '14-05-2012', '02-02-2026', '18', ''], p.plan, '2026-02-02');
    expect(empty.ok && 'unexcusedHoursReachedOn' in empty.situation).toBe(false);
    const after = readRow(['A1', '14-05-2012', '02-02-2026', '18', '03-02-2026'], p.plan, '2026-02-02');
    expect(!after.ok && after.error).toEqual({ column: '16 uur bereikt op', problem: problem('after-reference-date') });
    const old = readRow(['A1', '14-05-2012', '02-02-2026', '18', '31-01-2025'], p.plan, '2026-02-02');
    expect(!old.ok && old.error).toEqual({ column: '16 uur bereikt op', problem: problem('days-before-reference', { days: 366 }) });
    expect(readRow(['A1', '14-05-2012', '02-02-2026', '18', '01-02-2025'], p.plan, '2026-02-02').ok).toBe(true);
  });
});

describe('isBlankRow', () => {
  it('is true for a row of empty or blank cells only', () => {
    expect(isBlankRow(['', ' ', ''])).toBe(true);
    expect(isBlankRow(['', 'x'])).toBe(false);
  });
});
