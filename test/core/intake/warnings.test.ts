import { describe, expect, it } from 'vitest';
import { referenceDateWarning } from '../../../src/core/intake/warnings.js';

describe('referenceDateWarning', () => {
  it('warns about a peildatum in the future or more than a year back; today and exactly a year back are fine', () => {
    expect(referenceDateWarning('2026-03-11', '2026-03-10')).toBe('future');
    expect(referenceDateWarning('2026-03-10', '2026-03-10')).toBeUndefined();
    expect(referenceDateWarning('2025-03-10', '2026-03-10')).toBeUndefined();
    expect(referenceDateWarning('2025-03-09', '2026-03-10')).toBe('longAgo');
  });
  it('from 29 February, a year back is 1 March of the year before: 28 February is more than a year', () => {
    expect(referenceDateWarning('2027-02-28', '2028-02-29')).toBe('longAgo');
    expect(referenceDateWarning('2027-03-01', '2028-02-29')).toBeUndefined();
  });
});
