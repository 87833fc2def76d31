// The registration rows read straight from bytes (commands/batch/registrations/fold-bytes.ts) must
// come to exactly what the cell reader makes of them: the same counts, the same bad rows on the
// same lines with the same column and problem, the same unknown codes, and the same book, byte for
// byte. Generated rows mix the common shape with everything that must go the slow way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegistrationFold, type FoldInputs } from '../../../src/commands/batch/registrations/fold.js';
import { planRegistrationColumns } from '../../../src/core/absence/registration.js';
import type { AbsenceCode } from '../../../src/core/absence/codes.js';
import { dayOf } from '../../../src/core/calendar/school-calendar.js';
import { parsePiece } from '../../../src/io/csv/pieces.js';
import { LONG_LINE } from '../../../src/io/csv/plain-piece.js';
import { MAX_RECORD_BYTES } from '../../../src/io/csv/rows.js';
import type { Delimiter } from '../../../src/io/csv/sniff.js';
import { calendar } from '../../core/absence/absence-fixtures.js';
import { FUZZ_SEED } from '../../fuzz-inputs.js';

const CAL = calendar();
const REFS = ['L1001', 'L1002', 'L1003', 'l1001', '1234', 'Zoë', 'A B'];
const CODES = new Map<string, AbsenceCode>([
  ['A', { kind: 'absent', excused: false }],
  ['Z', { kind: 'ziek', excused: true }],
  ['T', { kind: 'te-laat', excused: false }],
  ['V', { kind: 'verwijderd', excused: false }],
  ['LX', { kind: 'luxe', excused: false }],
  ['TE-LAAT', { kind: 'te-laat', excused: false }],
]);

function inputs(headers: string[]): FoldInputs {
  const planned = planRegistrationColumns(headers);
  if (!planned.ok) throw new Error('plan');
  return {
    plan: planned.plan,
    calendar: CAL,
    codes: CODES,
    studentRefs: REFS,
    peilDay: Int32Array.from(REFS, (_, i) => dayOf(i === 1 ? '2026-11-20' : '2027-07-16')),
    po: Uint8Array.from(REFS, (_, i) => (i === 2 ? 1 : 0)),
  };
}

const ref = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('L1001', 'L1002', 'L1003') },
  { weight: 1, arbitrary: fc.constantFrom('l1001', 'L9999', '', ' L1001', 'L1001 ', 'Zoë', 'A B', '1234', '123456782', 'L'.repeat(70), 'L1001\u0000') },
);
const date = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('05-10-2026', '06-10-2026', '14-10-2026', '18-12-2026', '04-01-2027', '25-12-2026', '16-07-2027', '19-11-2026', '23-11-2026') },
  { weight: 1, arbitrary: fc.constantFrom('2026-10-05', '20261005', '5-10-2026', '31-02-2027', '', ' 05-10-2026', '05-10-2026 ', '01-08-2026', '05/10/2026', 'morgen', '05-10-2026T08:00', '123456782') },
);
const lesuur = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('', '1', '2', '3', '8', '9', '10', '16') },
  { weight: 1, arbitrary: fc.constantFrom('0', '17', '05', ' 3', '3 ', 'x', '1e1', '99', '١') },
);
const code = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('A', 'Z', 'T', 'V', 'LX') },
  { weight: 1, arbitrary: fc.constantFrom('a', 'te-laat', 'TE-LAAT', 'Q', '', ' A', 'A ', 'ABCDEFG', 'Zé', 'A B', 'te laat') },
);
const other = fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('x', '06-10-2026', '10:00', 'ja', '45', '3') });
const free = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('', 'opmerking', 'klas 2B') },
  { weight: 2, arbitrary: fc.constantFrom('tel 0612345678', '123456782', 'ë', '\t') },
  // a quote, a quoted cell with a line break or a delimiter in it, a CR of its own: the rest of the piece goes to the CSV reader
  { weight: 1, arbitrary: fc.constantFrom('"x"', '"a;b,c"', '"a\nb"', '"a\r\nb"', 'a"b', 'a\rb', '\r') },
);
const ending = fc.constantFrom('\n', '\r\n');

/** A file's data lines (without the header) for the given shape, with the odd empty line, short or long row. */
function lines(shape: 'four' | 'wide' | 'extra') {
  const row = fc
    .record({ ref, date, lesuur, code, a: other, b: other, c: other, free, cut: fc.integer({ min: 0, max: 30 }) })
    .map((r) => {
      let cells: string[];
      if (shape === 'four') cells = [r.ref, r.date, r.lesuur, r.code];
      else if (shape === 'wide') cells = [r.ref, r.date, r.lesuur, r.code, r.a, r.b, r.c];
      else cells = [r.free, r.ref, r.date, r.code, r.lesuur];
      if (r.cut === 0) cells = cells.slice(0, -1);
      if (r.cut === 1) cells = [...cells, ''];
      if (r.cut === 2) cells = [...cells, 'meer'];
      if (r.cut === 3) cells = [];
      return cells;
    });
  return fc.array(fc.tuple(row, ending), { minLength: 1, maxLength: 60 });
}

const HEADERS = {
  four: ['leerlingnummer', 'datum', 'lesuur', 'code'],
  wide: ['leerlingnummer', 'datum', 'lesuur', 'code', 'einddatum', 'begintijd', 'geoorloofd'],
  extra: ['opmerking', 'leerlingnummer', 'datum', 'code', 'lesuur'],
};

/** Folds `text` in pieces both ways; returns both folds. */
function foldBoth(shape: keyof typeof HEADERS, rows: [string[], string][], delimiter: Delimiter, cuts: number) {
  const text = rows.map(([cells, end]) => cells.join(delimiter) + end).join('');
  const lineCount = rows.length;
  const fast = new RegistrationFold(inputs(HEADERS[shape]));
  const slow = new RegistrationFold(inputs(HEADERS[shape]));
  // pieces at record boundaries, as the piece reader cuts them
  const all = rows.map(([cells, end]) => Buffer.from(cells.join(delimiter) + end, 'utf8'));
  const per = Math.max(1, Math.ceil(lineCount / cuts));
  for (let at = 0; at < all.length; at += per) {
    const piece = Buffer.concat(all.slice(at, at + per));
    const bytes = new Uint8Array(piece);
    expect(fast.piece(bytes, 1 + at, delimiter)).toBeUndefined();
    expect(parsePiece(bytes, 1 + at, delimiter, (line, cells) => slow.row(line, cells))).toBeUndefined();
  }
  return { fast, slow, text };
}

function expectSame(fast: RegistrationFold, slow: RegistrationFold): void {
  expect(fast.state).toEqual(slow.state);
  const a = fast.book.parts() as unknown as Record<string, ArrayLike<number> | undefined>;
  const b = slow.book.parts() as unknown as Record<string, ArrayLike<number> | undefined>;
  expect(Object.keys(a).filter((k) => a[k] !== undefined).sort()).toEqual(Object.keys(b).filter((k) => b[k] !== undefined).sort());
  for (const k of Object.keys(a)) if (a[k]) expect(Array.from(a[k]!), k).toEqual(Array.from(b[k]!));
}

describe('registration rows read from bytes', () => {
  for (const shape of ['four', 'wide', 'extra'] as const) {
    it(`come to what the cell reader makes of them (${shape} columns)`, () => {
      fc.assert(
        fc.property(lines(shape), fc.constantFrom<Delimiter>(';', ',', '\t'), fc.integer({ min: 1, max: 4 }), (rows, delimiter, cuts) => {
          const { fast, slow } = foldBoth(shape, rows, delimiter, cuts);
          expectSame(fast, slow);
        }),
        { seed: FUZZ_SEED, numRuns: 300 },
      );
    });
  }

  it('count the common row, and leave every other row to the cell reader with the same outcome', () => {
    const rows: [string[], string][] = [
      [['L1001', '05-10-2026', '3', 'A'], '\r\n'],
      [['L1001', '05-10-2026', '3', 'A'], '\r\n'], // the same lesuur twice: one hour
      [['L1002', '06-10-2026', '', 'Z'], '\r\n'],
      [['L1003', '06-10-2026', '12', 'T'], '\n'],
      [['L9999', '06-10-2026', '1', 'A'], '\n'], // unknown student
      [['L1001', '31-02-2027', '1', 'A'], '\n'], // no such date
      [['L1001', '05-10-2026', '0', 'A'], '\n'], // lesuur 0
      [['L1001', '05-10-2026', '1', 'Q'], '\n'], // unknown code
      [['L1001', '05-10-2026', '1', 'te-laat'], '\n'], // folded to TE-LAAT
      [['123456782', '05-10-2026', '1', 'A'], '\n'], // a BSN
      [['L1002', '23-11-2026', '1', 'A'], '\n'], // after this student's peildatum
      [[], '\n'], // an empty line
      [['L1001', '10-10-2026', '1', 'A'], '\n'], // a Saturday in the herfstvakantie
    ];
    const { fast, slow } = foldBoth('four', rows, ';', 2);
    expectSame(fast, slow);
    expect(fast.state).toMatchObject({ registrations: 12, counted: 5, invalid: 5, afterPeil: 1 });
    expect(fast.state.unknownCodes).toEqual(new Map([['Q', 1]]));
    expect(fast.state.bad.map((b) => [b.line, b.problem])).toEqual([
      [6, 'unknown-student'], // line 1 is the header
      [7, 'bad-date'],
      [8, 'bad-lesuur'],
      [11, 'bsn'],
      [14, 'not-school-day'],
    ]);
  });

  it('go on with the CSV reader from a line longer than LONG_LINE bytes (csv-parse judges its size)', () => {
    for (const long of [LONG_LINE + 1, MAX_RECORD_BYTES + 1]) {
      const text = `;L1001;05-10-2026;A;3\r\n${'x'.repeat(long)};L1002;05-10-2026;A;3\r\n;L1003;06-10-2026;Z;\r\n`;
      const bytes = new Uint8Array(Buffer.from(text));
      const fast = new RegistrationFold(inputs(HEADERS.extra));
      const slow = new RegistrationFold(inputs(HEADERS.extra));
      const error = fast.piece(bytes, 1, ';');
      expect(error).toEqual(parsePiece(bytes, 1, ';', (line, cells) => slow.row(line, cells)));
      expectSame(fast, slow);
      // a record too big for csv-parse stops the piece on its line
      if (long > MAX_RECORD_BYTES) expect(error?.line).toBe(3);
      else expect(fast.state.counted).toBe(3);
    }
  });

  it('leave a piece with a quote or a lone CR to the CSV reader', () => {
    for (const text of ['L1001;05-10-2026;3;"A"\n', 'L1001;05-10-2026;3;A\rL1002;06-10-2026;1;A\n']) {
      const fast = new RegistrationFold(inputs(HEADERS.four));
      const slow = new RegistrationFold(inputs(HEADERS.four));
      const bytes = new Uint8Array(Buffer.from(text));
      fast.piece(bytes, 1, ';');
      parsePiece(bytes, 1, ';', (line, cells) => slow.row(line, cells));
      expectSame(fast, slow);
      expect(fast.state.counted).toBeGreaterThan(0);
    }
  });

  it('know a date met before, also when other dates came between (an export by student)', () => {
    const rows: [string[], string][] = [];
    for (const who of ['L1001', 'L1002', 'L1003'])
      for (const date of ['05-10-2026', '31-02-2027', '2026-10-06', '06-10-2026', '5-10-2026', '31-02-2027', '10-10-2026']) rows.push([[who, date, '2', 'A'], '\n']);
    const { fast, slow } = foldBoth('four', rows, ';', 1);
    expectSame(fast, slow);
    // per student: 05-10 (also as 5-10-2026) and 06-10 (also as 2026-10-06) counted, 31-02 twice no date, 10-10 a Saturday
    expect(fast.state.bad.filter((b) => b.problem === 'bad-date')).toHaveLength(6);
    expect(fast.state.bad.filter((b) => b.problem === 'not-school-day')).toHaveLength(3);
    expect(fast.state.counted).toBe(12);
  });
});
