import { describe, expect, it } from 'vitest';
import { hash53, SeenStudentRefs } from '../../../src/core/rows/seen-refs.js';

describe('SeenStudentRefs', () => {
  it('returns 0 for a new student number and the first line for a repeated one', () => {
    const seen = new SeenStudentRefs();
    expect(seen.add('A1', 2)).toBe(0);
    expect(seen.add('A2', 3)).toBe(0);
    expect(seen.add('A1', 9)).toBe(2);
    expect(seen.add('A1', 12)).toBe(2);
    expect(seen.size).toBe(2);
  });

  it('keeps every number and its line while it grows', () => {
    const seen = new SeenStudentRefs();
    const n = 50_000;
    for (let i = 0; i < n; i++) expect(seen.add(`L${i}`, i + 2)).toBe(0);
    for (let i = 0; i < n; i += 997) expect(seen.add(`L${i}`, 0)).toBe(i + 2);
    expect(seen.size).toBe(n);
  });

  it('keeps every number and its line in a table reserved ahead, also when it must grow past the reservation', () => {
    const seen = new SeenStudentRefs();
    expect(seen.add('first', 2)).toBe(0);
    seen.reserve(3000); // not a power of two
    for (let i = 0; i < 5000; i++) expect(seen.add(`R${i}`, i + 3)).toBe(0);
    expect(seen.add('first', 9)).toBe(2);
    for (let i = 0; i < 5000; i += 7) expect(seen.addKey(hash53(`R${i}`), 0)).toBe(i + 3);
    expect(seen.size).toBe(5001);
  });
});
