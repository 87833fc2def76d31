// Generators for the fuzz and property tests (fast-check): export files as student systems and
// people make them, mutated the way files get damaged — flipped bytes, cut lines, NUL and other
// control characters, BSNs in every written form, stray quotes, huge numbers — and plain random bytes.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { containsBsn } from '../src/core/bsn.js';

/** One seed for every property, so that a failure replays (fast-check prints the path too). */
export const FUZZ_SEED = 20261201;

const fixtures = fileURLToPath(new URL('./fixtures/batch/', import.meta.url));
const example = fileURLToPath(new URL('../data/examples/verzuimexport.csv', import.meta.url));

/** The shipped example, every CSV fixture, and the example as Excel saves it (`;`, BOM, CRLF, Windows-1252). */
export const BASE_EXPORTS: readonly Buffer[] = (() => {
  const files = [example, ...readdirSync(fixtures).filter((f) => f.endsWith('.csv')).map((f) => `${fixtures}${f}`)];
  const bases = files.map((f) => readFileSync(f));
  const text = readFileSync(example, 'latin1').replace(/\r?\n/g, '\r\n').replace('240101', 'Zoë1');
  bases.push(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  bases.push(Buffer.from(text, 'latin1')); // Windows-1252: ë as one byte
  return bases;
})();

/** What gets inserted: the BSN 123456782 / 111222333 in its written forms, controls, quotes, numbers. */
const TOKENS = [
  '123456782',
  '123 456 782',
  '123.456.782',
  '111-222-333',
  'BSN 111222333',
  'pgn:1234.56.782',
  '\u0000',
  '\u001b[2J',
  '\u0007',
  '\u007f',
  '\u202e',
  '"',
  '""',
  '"a;b\r\nc"',
  ';',
  ',',
  '\t',
  '\r\n',
  '\n',
  '\r',
  '99999999999999999999',
  '1e308',
  '-0',
  '201',
  '\ufeff',
  '=HYPERLINK("x")',
  'é',
].map((t) => Buffer.from(t, 'utf8'));
const RAW_TOKENS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xe9]), Buffer.from([0xed, 0xa0, 0x80]) /* a surrogate in (invalid) UTF-8 */, Buffer.from([0x80])];

type Mutation = (b: Buffer) => Buffer;

const at = (b: Buffer, f: number): number => Math.floor(f * (b.length + 1));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // flip a byte
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 255 })).map(([f, x]): Mutation => (b) => {
    if (b.length === 0) return b;
    const c = Buffer.from(b);
    const i = Math.min(c.length - 1, Math.floor(f * c.length));
    c[i] = c[i]! ^ x;
    return c;
  }),
  // cut a range out (a lost line, half a line)
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 400 })).map(([f, n]): Mutation => (b) => {
    const i = at(b, f);
    return Buffer.concat([b.subarray(0, i), b.subarray(Math.min(b.length, i + n))]);
  }),
  // truncate
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (b) => b.subarray(0, at(b, f))),
  // insert a token
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TOKENS, ...RAW_TOKENS)).map(([f, t]): Mutation => (b) => {
    const i = at(b, f);
    return Buffer.concat([b.subarray(0, i), t, b.subarray(i)]);
  }),
  // repeat a stretch (a duplicated line)
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 600 })).map(([f, n]): Mutation => (b) => {
    const i = at(b, f);
    return Buffer.concat([b.subarray(0, i + n), b.subarray(i)]);
  }),
  // line endings and delimiters swapped throughout
  fc.constantFrom<Mutation>(
    (b) => Buffer.from(b.toString('latin1').replace(/\r\n/g, '\n'), 'latin1'),
    (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'),
    (b) => Buffer.from(b.toString('latin1').replace(/;/g, ','), 'latin1'),
    (b) => Buffer.from(b.toString('latin1').replace(/;/g, '\t'), 'latin1'),
  ),
);

/** A base export with one to six mutations applied. */
export const mutatedExport: fc.Arbitrary<Buffer> = fc
  .tuple(fc.constantFrom(...BASE_EXPORTS), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([base, ms]) => ms.reduce((b, m) => m(b), base));

/** Random bytes, biased towards CSV-ish ones. */
export const randomCsvBytes: fc.Arbitrary<Buffer> = fc
  .array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x3b, 0x2c, 0x0a, 0x0d, 0x22, 0x30, 0x31, 0x39, 0x2d, 0x61)), { maxLength: 1500 })
  .map((xs) => Buffer.from(xs));

/** Every export input the fuzz tests use: mostly mutated exports, some random bytes. */
export const anyExport: fc.Arbitrary<Buffer> = fc.oneof({ weight: 4, arbitrary: mutatedExport }, { weight: 1, arbitrary: randomCsvBytes });

/**
 * The BSN 111222333 in the forms the attack run of issue 19 got stored: other scripts' digits,
 * invisible format characters, other separators, run on after other digits, spaced out in free text.
 */
const inDigits = (zero: number) => (s: string): string => s.replace(/\d/g, (d) => String.fromCodePoint(zero + Number(d)));
export const BSN_FORMS: readonly string[] = [
  '111222333',
  '111 222 333',
  '111.222.333',
  'BSN 111222333',
  inDigits(0xff10)('111222333'), // fullwidth
  inDigits(0x0660)('111222333'), // Arabic-Indic
  inDigits(0x06f0)('111222333'), // Persian
  inDigits(0x1d7ce)('111222333'), // mathematical bold
  '\u00b9\u00b9\u00b9\u00b2\u00b2\u00b2\u00b3\u00b3\u00b3', // superscript
  '111\u200b222\u200b333',
  '111\u200d222\u200d333',
  '111\u2060222\u2060333',
  '111\u00ad222\u00ad333',
  '111/222/333',
  '111_222_333',
  '111,222,333',
  '111\u2013222\u2013333',
  '16111222333',
  '1 1 1 2 2 2 3 3 3',
  '11 12 22 33 3',
  '111  222  333',
  '111\u2009222\u2009333',
];

/** Control characters a file or an argument may carry to a terminal. */
export const CONTROL_TOKENS: readonly string[] = ['\u001b[2J', '\u001b[31m', '\u0000', '\u0007', '\u009b', '\u202e'];

/** A control character other than a line break or a tab: what must never reach a terminal from a file. */
export function hasControl(text: string): boolean {
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text);
}

const DATES = /\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/g;

/**
 * A fault the tests look for in everything zorgroute prints: a BSN in any written form. Line by
 * line, and the dates zorgroute writes itself taken out first: a summary's dates and counts side by
 * side (`25-08-2025 – 10-07-2026`) are no BSN even where their digits would pass the elfproef.
 */
export function hasBsn(text: string): boolean {
  return text.split(/\r\n|\n|\r/).some((line) => containsBsn(line.replace(DATES, 'x')));
}

const regToken = fc.constantFrom(...BSN_FORMS, ...CONTROL_TOKENS, 'A', 'Z', 'QQ', '', ' ', 'L1001', 'L1004', '02-06-2026', '2026-06-02', '31-02-2026', '1', '8', '?', '@', ':', '17', '10:30', '45', 'ja', 'nee', 'x');
/** A cell of a fuzzed registrations file, code table or map: a token or two run together. */
export const fuzzCell: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: regToken }, { weight: 1, arbitrary: fc.tuple(regToken, regToken).map(([a, b]) => a + b) });
/** CR LF, LF or CR: a file may mix them. */
export const fuzzLineEnd: fc.Arbitrary<string> = fc.constantFrom('\r\n', '\n', '\r');
/** A registrations file (header and up to 12 rows, no quote character) with mixed line endings, BSNs, escapes and bad cells. */
export const fuzzRegistrations: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(fc.array(fuzzCell, { minLength: 4, maxLength: 11 }), fuzzLineEnd), { maxLength: 12 }), fuzzLineEnd)
  .map(([rows, end]) => `leerlingnummer;datum;lesuur;code;einddatum;begintijd;eindtijd;minuten;geoorloofd${end}${rows.map(([cells, e]) => cells.join(';') + e).join('')}`);
