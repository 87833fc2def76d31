// The student index finds every number added, by text and by its ASCII bytes, and nothing else —
// also when numbers share a hash slot (a small table, many numbers) or differ only in length.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StudentIndex } from '../../../src/core/absence/student-index.js';
import { FUZZ_SEED } from '../../fuzz-inputs.js';

function indexOf(refs: readonly string[]): StudentIndex {
  const index = new StudentIndex(refs.length);
  refs.forEach((r) => index.add(r));
  index.seal();
  return index;
}

const ascii = (text: string): boolean => [...text].every((c) => c.charCodeAt(0) < 0x80);

describe('StudentIndex', () => {
  it('agrees with a Map for numbers in and out of the file, by text and by bytes', () => {
    const ref = fc.oneof(fc.string({ minLength: 1, maxLength: 9 }), fc.stringMatching(/^L1[0-9]{1,5}$/), fc.constantFrom('Zoë', 'L100', 'L1000', 'l100'));
    fc.assert(
      fc.property(fc.uniqueArray(ref, { maxLength: 300 }), fc.array(ref, { maxLength: 100 }), (refs, asked) => {
        const index = indexOf(refs);
        const map = new Map(refs.map((r, i) => [r, i]));
        for (const r of [...refs, ...asked]) {
          expect(index.get(r)).toBe(map.get(r) ?? -1);
          if (ascii(r)) {
            const bytes = Buffer.from(`;${r};`, 'latin1');
            expect(index.getBytes(bytes, 1, bytes.length - 1)).toBe(map.get(r) ?? -1);
          }
        }
      }),
      { seed: FUZZ_SEED, numRuns: 200 },
    );
  });

  it('finds 25,000 numbers', () => {
    const refs = Array.from({ length: 25_000 }, (_, i) => `L${100000 + i}`);
    const index = indexOf(refs);
    expect(refs.every((r, i) => index.get(r) === i)).toBe(true);
    expect(index.get('L99999')).toBe(-1);
    expect(index.getBytes(Buffer.from('L124999'), 0, 7)).toBe(24_999);
  });
});
