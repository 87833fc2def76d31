// Random JSON situations (fast-check, seeded) through the situation schema that `route` uses: a
// situation is either accepted — and then holds nothing the privacy guard refuses, every number
// within its bound — or refused with field-named messages that never repeat an input value or a
// key that looks like data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textProblem } from '../../../src/core/privacy.js';
import { NUMBER_LIMITS, parseSituation, SITUATION_FIELDS } from '../../../src/core/routing/situation.js';
import { FUZZ_SEED, hasBsn } from '../../fuzz-inputs.js';
import { enIssue } from '../../words.js';

const BSN_TEXTS = ['123456782', '123 456 782', '123.456.782', 'BSN 111-222-333', 'pgn1234.56.782'];
const nasty = fc.oneof(
  fc.constantFrom(...BSN_TEXTS, '\u0000L1', 'L1\u001b[2J', 'L\ud800', 'L1\u202e', '2012-03-01', '01-03-2012', ''),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(
  nasty,
  fc.constantFrom(123456782, 1e308, -1, 0, 16, 200, 201, 1040.5, 5201, -0, 0.5),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.constantFrom('gedrag', 'leren', 'x'), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);
const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...SITUATION_FIELDS) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...BSN_TEXTS, '2012-03-01', 'shoeSize'), fc.string({ maxLength: 10 })) });
const situationLike = fc
  .tuple(fc.dictionary(key, value, { maxKeys: 12 }), fc.boolean())
  .map(([d, base]) => (base ? { studentRef: 'L1', birthDate: '2012-03-01', referenceDate: '2026-02-02', ...d } : d));

/** Input strings long enough that finding one in a message means it was echoed. */
function echoable(input: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(input)) {
    if (!(SITUATION_FIELDS as string[]).includes(k) && k.length >= 4) out.push(k);
    if (typeof v === 'string' && v.trim().length >= 5) out.push(v.trim());
    if (typeof v === 'number' && String(v).length >= 5) out.push(String(v));
  }
  return out.filter((t) => !/^[A-Za-z][A-Za-z0-9_-]*$/.test(t)); // a key shaped like a field name may be named
}

describe('random JSON situations (fast-check, seeded)', () => {
  it('are accepted only when safe and in bounds, or refused without echoing a value', () => {
    fc.assert(
      fc.property(situationLike, (input) => {
        const r = parseSituation(input, '2026-02-02');
        if (r.ok) {
          expect(textProblem(r.value.studentRef)).toBeUndefined();
          for (const [f, max] of Object.entries(NUMBER_LIMITS)) {
            const n = r.value[f as keyof typeof NUMBER_LIMITS];
            if (n !== undefined) expect(n).toBeLessThanOrEqual(max);
          }
          return;
        }
        const text = r.issues.map(enIssue).join('\n');
        expect(hasBsn(text), text).toBe(false);
        for (const t of echoable(input)) expect(text, JSON.stringify(t)).not.toContain(t);
      }),
      { seed: FUZZ_SEED, numRuns: 2000 },
    );
  });
});
