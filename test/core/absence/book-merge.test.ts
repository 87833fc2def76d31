// Two books merged are the book one thread would have made of all their registrations: a lesuur is
// a bit, late arrivals and removals add (at most 255), time ranges add. Odd numbers of students and
// days leave bytes after the last whole word, which the merge does one by one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AbsenceCode } from '../../../src/core/absence/codes.js';
import { AbsenceBook, type BookParts } from '../../../src/core/absence/student-absence.js';
import { FUZZ_SEED } from '../../fuzz-inputs.js';

const CODES: AbsenceCode[] = [
  { kind: 'absent', excused: false },
  { kind: 'ziek', excused: true },
  { kind: 'luxe', excused: false },
  { kind: 'te-laat', excused: false },
  { kind: 'verwijderd', excused: false },
];

const reg = (students: number, days: number) =>
  fc.record({
    k: fc.integer({ min: 0, max: students - 1 }),
    i: fc.integer({ min: 0, max: days - 1 }),
    code: fc.integer({ min: 0, max: CODES.length - 1 }),
    lesuur: fc.integer({ min: 0, max: 9 }),
    minutes: fc.option(fc.constantFrom(30, 45, 90, 600), { nil: undefined }),
    repeat: fc.integer({ min: 1, max: 3 }),
    left: fc.boolean(),
  });

function arrays(parts: BookParts): Record<string, number[] | undefined> {
  return Object.fromEntries(Object.entries(parts).map(([k, a]) => [k, a ? Array.from(a as ArrayLike<number>) : undefined]));
}

describe('AbsenceBook.merge', () => {
  it('two books merged equal one book of all the registrations', () => {
    const sizes = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 9 }));
    fc.assert(
      fc.property(sizes.chain(([s, d]) => fc.tuple(fc.constant(s), fc.constant(d), fc.array(reg(s, d), { maxLength: 80 }), fc.boolean())), ([students, days, regs, shared]) => {
        const one = new AbsenceBook(students, days);
        const left = new AbsenceBook(students, days, shared);
        const right = new AbsenceBook(students, days, shared);
        for (const r of regs) {
          const code = CODES[r.code]!;
          for (let n = 0; n < r.repeat; n++) {
            const placed = { lesuur: r.lesuur, minutes: r.minutes };
            one.add(r.k, r.i, code, code.excused, placed);
            (r.left ? left : right).add(r.k, r.i, code, code.excused, placed);
          }
        }
        const merged = new AbsenceBook(students, days, shared, left.parts());
        merged.merge(right.parts());
        expect(arrays(merged.parts())).toEqual(arrays(one.parts()));
      }),
      { seed: FUZZ_SEED, numRuns: 400 },
    );
  });

  it('caps late arrivals at 255 on a day', () => {
    const late = CODES[3]!;
    const a = new AbsenceBook(1, 3);
    const b = new AbsenceBook(1, 3);
    for (let n = 0; n < 200; n++) {
      a.add(0, 2, late, false, { lesuur: 1, minutes: undefined });
      b.add(0, 2, late, false, { lesuur: 1, minutes: undefined });
    }
    a.merge(b.parts());
    expect(Array.from(a.parts().late!)).toEqual([0, 0, 255]);
  });
});
