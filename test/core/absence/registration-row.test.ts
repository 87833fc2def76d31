// Issue 19, defects 8 and 9: a registration row's lesuur and the column a problem names.
import { describe, expect, it } from 'vitest';
import { planRegistrationColumns, readRegistration } from '../../../src/core/absence/registration.js';

const planned = planRegistrationColumns(['leerlingnummer', 'datum', 'lesuur', 'code']);
if (!planned.ok) throw new Error('plan');
const plan = planned.plan;
const row = (lesuur: string) => readRegistration(['L1', '02-06-2026', lesuur, 'A'], plan);

describe('a registration row', () => {
  it.each(['?', '@', ':', '/', '0', '17', '1e1', '0x3', '3.0', '-1', '٣'])('refuses lesuur %j, naming the lesuur column', (lesuur) => {
    expect(row(lesuur)).toEqual({ ok: false, column: 'lesuur', problem: 'bad-lesuur', studentRef: 'L1' });
  });

  it.each([
    ['1', 1],
    ['9', 9],
    ['10', 10],
    ['16', 16],
    [' 3 ', 3],
    ['', 0],
  ])('reads lesuur %j as %d', (lesuur, n) => {
    const r = row(lesuur);
    expect(r.ok && r.registration.lesuur).toBe(n);
  });

  it('names a cell beyond the header by its place (#5), the same in every language', () => {
    expect(readRegistration(['L1', '02-06-2026', '1', 'A', 'x'], plan)).toEqual({ ok: false, column: '#5', problem: 'beyond-header', studentRef: 'L1' });
  });
});
