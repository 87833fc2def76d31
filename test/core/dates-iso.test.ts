import { describe, expect, it } from 'vitest';
import { ISO_DATE, parseIsoDate } from '../../src/core/dates.js';
import { coerceFieldText } from '../../src/core/text-values.js';

describe('parseIsoDate (character parser)', () => {
  it('accepts exactly what ISO_DATE accepts, with the calendar checked', () => {
    const texts = ['2026-02-02', '2026-02-30', '2024-02-29', '2023-02-29', '1899-12-31', '1900-01-01', '2999-12-31', '3000-01-01', '2026-2-02', '2026-02-2', '2026/02/02', ' 2026-02-02', '2026-02-02 ', '２０２６-02-02', '2026-00-10', '2026-13-10', '2026-01-00', '20260202xx', '', 'abcd-ef-gh'];
    for (const text of texts) {
      const m = ISO_DATE.exec(text);
      const byRegex = m && parseIsoDate(text) !== undefined;
      expect(parseIsoDate(text) !== undefined, text).toBe(Boolean(m) && Boolean(byRegex));
    }
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
  });
});

describe('coerceFieldText: geen', () => {
  it('reads the Dutch "geen" as none for sensoryNeed', () => {
    expect(coerceFieldText('sensoryNeed', 'Geen')).toEqual({ ok: true, value: 'none' });
    expect(coerceFieldText('educationType', 'geen')).toEqual({ ok: false, problem: expect.objectContaining({ kind: 'expected-one-of' }) });
  });
});
