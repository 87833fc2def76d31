import { describe, expect, it } from 'vitest';
import { coerceFieldText, parseBooleanText, parseDecimalText } from '../../src/core/text-values.js';

describe('text values as schools type them', () => {
  it('reads ja/nee and friends', () => {
    for (const t of ['ja', 'JA', 'j', 'true', '1', 'yes', ' Ja ']) expect(parseBooleanText(t)).toBe(true);
    for (const t of ['nee', 'N', 'false', '0', 'no']) expect(parseBooleanText(t)).toBe(false);
    expect(parseBooleanText('misschien')).toBeUndefined();
  });
  it('reads a decimal comma or point, nothing else', () => {
    expect(parseDecimalText('12,5')).toBe(12.5);
    expect(parseDecimalText('12.5')).toBe(12.5);
    expect(parseDecimalText('16')).toBe(16);
    expect(parseDecimalText(',5')).toBe(0.5);
    expect(parseDecimalText('1.234,5')).toBeUndefined();
    expect(parseDecimalText('12 uur')).toBeUndefined();
    expect(parseDecimalText('')).toBeUndefined();
  });
  it('converts per field kind, leaving the range checks to the schema', () => {
    expect(coerceFieldText('birthDate', '05-03-2012')).toEqual({ ok: true, value: '2012-03-05' });
    expect(coerceFieldText('unexcusedHours4w', '16,5')).toEqual({ ok: true, value: 16.5 });
    expect(coerceFieldText('educationType', 'VO')).toEqual({ ok: true, value: 'vo' });
    expect(coerceFieldText('supportNeed', 'gedrag, leren')).toEqual({ ok: true, value: ['gedrag', 'leren'] });
    expect(coerceFieldText('studentAllowsParents', 'onbekend')).toEqual({ ok: true, value: null });
    expect(coerceFieldText('studentAllowsParents', '')).toEqual({ ok: true, value: null });
    expect(coerceFieldText('enrolled', '')).toBeUndefined();
  });
  it('explains a bad value without quoting it', () => {
    const r = coerceFieldText('birthDate', '31-02-2012');
    expect(r).toEqual({ ok: false, problem: { kind: 'not-a-calendar-date', params: {} } }); // shaped as a date, but no such day (issue 17, item 14)
    expect(coerceFieldText('birthDate', 'morgen')).toEqual({ ok: false, problem: { kind: 'text-not-a-date', params: {} } });
    expect(coerceFieldText('supportNeed', 'gedrag,dyslexie')).toEqual({ ok: false, problem: { kind: 'expected-list-of', params: { values: ['gedrag', 'leren', 'gezondheid'] } } });
  });
});
