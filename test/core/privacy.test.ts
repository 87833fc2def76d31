import { describe, expect, it } from 'vitest';
import { containsBsn, isBsnLike } from '../../src/core/bsn.js';
import { isShowableKey, looksLikeData, shownLabel, textProblem, unsafeCharacter } from '../../src/core/privacy.js';
import { DEFAULT_HEADERS } from '../../src/core/rows/columns.js';
import { NUMBER_LIMITS, parseSituation, SITUATION_FIELDS } from '../../src/core/routing/situation.js';
import { enIssue } from '../words.js';

// 123456782 and 111222333 pass the elfproef; 1012345678? no: onderwijsnummer 101234567 (rest 5).
describe('containsBsn: every written form', () => {
  it.each([
    '123456782',
    '123 456 782',
    '123.456.782',
    '123-456-782',
    '1234.56.782',
    '1234 56 782',
    '12 34 56 782',
    'BSN123456782',
    'BSN 123 456 782',
    'bsn: 123456782',
    'Bsn#123.456.782',
    'PGN 1234.56.782',
    'burgerservicenummer 123456782',
    'gebeld, 16 123456782',
    'x123456782y',
    '123\u00a0456\u00a0782',
    'BSN 123456789', // labelled: refused even though the elfproef fails
    '1234567820', // run on before another digit
    '1 2 3 4 5 6 7 8 2', // one digit at a time
  ])('finds %j', (text) => {
    expect(containsBsn(text)).toBe(true);
  });

  it.each([
    '123456789', // fails the elfproef, no label
    '12345678',
    '2012-03-01',
    '01-03-2012 16 uur',
    '06-12345678',
    '240101',
    'L20417',
    'ongeoorloofd_verzuim_uren_4wk',
    '',
  ])('does not find one in %j', (text) => {
    expect(containsBsn(text)).toBe(false);
  });

  it('knows the onderwijsnummer variant', () => {
    // 10xxxxxxx with remainder 5 instead of 0
    const onderwijsnummer = ['101234561', '101234570'].find(isBsnLike);
    expect(onderwijsnummer).toBeDefined();
    expect(containsBsn(`ON ${onderwijsnummer!.slice(0, 3)}.${onderwijsnummer!.slice(3, 6)}.${onderwijsnummer!.slice(6)}`)).toBe(true);
  });
});

// Issue 19, defect 1: the forms the attack run got stored (111222333 passes the elfproef).
const fw = (s: string): string => s.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
const inScript = (zero: number) => (s: string): string => s.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
const SUPERSCRIPT = ['\u2070', '\u00b9', '\u00b2', '\u00b3', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079'];
export const OTHER_BSN_FORMS: readonly string[] = [
  fw('111222333'),
  inScript(0x0660)('111222333'), // Arabic-Indic
  inScript(0x06f0)('111222333'), // Persian
  inScript(0x1d7ce)('111222333'), // mathematical bold
  inScript(0x0966)('111222333'), // Devanagari
  '111222333'.replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!),
  '111\u200b222\u200b333', // zero-width space
  '111\u200d222\u200d333', // zero-width joiner
  '111\u2060222\u2060333', // word joiner
  '111\u00ad222\u00ad333', // soft hyphen
  '111/222/333',
  '111_222_333',
  '111,222,333',
  '111\u2013222\u2013333', // en dash
  '16111222333',
  '111222333 16',
  'gebeld 1 1 1 2 2 2 3 3 3',
  'nummer 11 12 22 33 3',
  '111  222  333',
  '111\u2009222\u2009333', // thin space
  '111 - 222 - 333',
  '\uff22\uff33\uff2e 123456789', // a fullwidth label
  'BSN16123456789',
];

describe('containsBsn: any script, any spacing (issue 19)', () => {
  it.each(OTHER_BSN_FORMS)('finds %j', (text) => {
    expect(containsBsn(text)).toBe(true);
    expect(textProblem(text, { lines: true })).toBe('bsn');
  });

  it('masks each form in a label', () => {
    for (const text of OTHER_BSN_FORMS) expect(containsBsn(shownLabel(`x-${text}.csv`)), text).toBe(false);
  });

  it.each(['L1001', '240101', 'Zoë1', '02-06-2026', '14-03-2011 16 uur', '2026-02-02T08:30', 'L\u200b1001', fw('240101'), '06-12345678 gebeld', '1,5 uur'])(
    'leaves %j alone',
    (text) => {
      expect(containsBsn(text)).toBe(false);
    },
  );
});

describe('unsafeCharacter and textProblem', () => {
  it('refuses C0, DEL, C1, bidi overrides and lone surrogates; keeps letters, emoji and (for notes) line breaks', () => {
    expect(unsafeCharacter('\u0000L1')).toBe('control-char');
    expect(unsafeCharacter('L1\u001b[2J')).toBe('control-char');
    expect(unsafeCharacter('L1\u007f')).toBe('control-char');
    expect(unsafeCharacter('L\u0085')).toBe('control-char');
    expect(unsafeCharacter('L1\u202e')).toBe('control-char');
    expect(unsafeCharacter('L1\u2067')).toBe('control-char');
    expect(unsafeCharacter('L\ud800')).toBe('lone-surrogate');
    expect(unsafeCharacter('L\udc00x')).toBe('lone-surrogate');
    expect(unsafeCharacter('Zoë 😀 L-1')).toBeUndefined();
    expect(unsafeCharacter('twee\nregels\tmet tab')).toBe('control-char');
    expect(unsafeCharacter('twee\r\nregels\tmet tab', true)).toBeUndefined();
    expect(unsafeCharacter('\u0000', true)).toBe('control-char');
  });

  it('puts characters before the BSN check, and passes plain text', () => {
    expect(textProblem('\u0000123456782')).toBe('control-char');
    expect(textProblem('BSN 123 456 782')).toBe('bsn');
    expect(textProblem('ouders gebeld over 16 uur')).toBeUndefined();
  });
});

describe('looksLikeData: what a message may repeat', () => {
  it('passes every default header and field name', () => {
    for (const field of SITUATION_FIELDS) {
      expect(looksLikeData(field), field).toBe(false);
      expect(looksLikeData(DEFAULT_HEADERS[field]), DEFAULT_HEADERS[field]).toBe(false);
    }
    expect(looksLikeData('Ongeoorloofd verzuim-uren (4 wk)')).toBe(false);
    expect(looksLikeData('opmerking')).toBe(false);
  });

  it.each(['123456782', '123 456 782', '2012-03-01', '01-03-2012', '1/3/2012', '240101', 'L20417', '06-12345678', '9712 AB', 'ouder@example.nl', 'x'.repeat(65), 'kolom\u0000'])(
    'flags %j',
    (text) => {
      expect(looksLikeData(text)).toBe(true);
    },
  );

  it('flags a bidi override or another format character that normalising would remove (issue 19)', () => {
    expect(looksLikeData('\u202e')).toBe(true);
    expect(looksLikeData('code\u2066')).toBe(true);
  });

  it('shows a JSON key only when it is shaped like a field name', () => {
    expect(isShowableKey('shoeSize')).toBe(true);
    expect(isShowableKey('123456782')).toBe(false);
    expect(isShowableKey('2012-03-01')).toBe(false);
    expect(isShowableKey('Jan de Vries')).toBe(false);
  });

  it('takes a BSN out of a file name, and leaves an export date', () => {
    expect(shownLabel('exports/123456782.json')).toBe('exports/….json');
    expect(shownLabel('bsn-123.456.782.csv')).not.toMatch(/123|456|782/);
    expect(shownLabel('verzuim-2026-02-02.csv')).toBe('verzuim-2026-02-02.csv');
    expect(shownLabel('a\u001bb.csv')).toBe('a?b.csv');
  });
});

describe('number bounds', () => {
  it('refuses a nine-digit number in every number field, naming the field and not the value', () => {
    for (const field of Object.keys(NUMBER_LIMITS) as (keyof typeof NUMBER_LIMITS)[]) {
      const r = parseSituation({ studentRef: 'L1', birthDate: '2012-03-01', [field]: 123456782 }, '2026-02-02');
      expect(r.ok, field).toBe(false);
      if (!r.ok) {
        expect(r.issues.map(enIssue)).toEqual([`${field}: at most ${NUMBER_LIMITS[field]}${field === 'schoolYearsCompleted' ? ' school years' : ''}`]);
      }
      const atLimit = parseSituation({ studentRef: 'L1', birthDate: '2012-03-01', [field]: NUMBER_LIMITS[field] }, '2026-02-02');
      expect(atLimit.ok, field).toBe(true);
    }
  });

  it('does not repeat unknown keys that look like data', () => {
    const r = parseSituation({ studentRef: 'L1', birthDate: '2012-03-01', 123456782: 1, '2012-03-01': 2, shoeSize: 1 }, '2026-02-02');
    expect(!r.ok && r.issues.map(enIssue)).toEqual(['(the object): unknown field(s): shoeSize, 2 more that look like data (not shown)']);
  });
});
