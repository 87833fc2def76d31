import { describe, expect, it } from 'vitest';
import { SeenStudentRefs } from '../../src/core/seen-refs.js';

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
});
