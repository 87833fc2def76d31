// Properties of every decision (fast-check, seeded), over situations drawn from the whole input
// space — ages 0–30, every flag, numbers up to their bounds — with the default rule set:
// - ouders is in inform exactly when parents.involve is yes; the student is always informed;
// - every escalation target is informed too, and escalations are sorted by deadline;
// - no RMC escalation under 18; a leerplicht escalation only for a leerplichtig student (so never
//   at 18+, where nobody is leerplichtig);
// - more hours, more weeks of absence or more weeks without a place never remove an escalation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../../src/core/routing/decide.js';
import { deriveFacts } from '../../../src/core/routing/facts.js';
import { EDUCATION_TYPES, NUMBER_LIMITS, parseSituation, SENSORY_NEEDS, SUPPORT_NEEDS, type Situation } from '../../../src/core/routing/situation.js';
import { compile, defaultRuleset, defaultRulesetJson, workingDays } from '../../factories.js';
import { FUZZ_SEED } from '../../fuzz-inputs.js';

const ruleset = defaultRuleset('en');
/** The regional option switched on (RMC at 16 hours for 18+): the properties hold for it too. */
const regional = (() => {
  const json = defaultRulesetJson();
  for (const rule of json.rules) if (rule.id === 'rmc-16-uur') rule.enabled = true;
  return compile(json, 'en');
})();
const rulesets = fc.constantFrom(ruleset, regional);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** Around the thresholds more often than not: 16 hours, 4 weeks, 18 and 23 years. */
const hours = fc.oneof(fc.constantFrom(0, 15.5, 16, 16.5, 20), fc.double({ min: 0, max: NUMBER_LIMITS.unexcusedHours4w, noNaN: true }));
const weeks = fc.oneof(fc.constantFrom(0, 3.5, 4, 4.5, 5), fc.double({ min: 0, max: 60, noNaN: true }));

export const situationArb: fc.Arbitrary<Situation> = fc
  .record({
    referenceDate: fc.date({ min: new Date('2024-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
    ageDays: fc.oneof(fc.integer({ min: 0, max: 30 * 366 }), fc.constantFrom(...[5, 16, 18, 23].flatMap((y) => [y * 365 - 1, y * 365 + 4, y * 365 + 5]))),
    educationType: fc.constantFrom(...EDUCATION_TYPES),
    enrolled: fc.boolean(),
    startkwalificatie: fc.boolean(),
    exemption: fc.boolean(),
    schoolYearsCompleted: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    unexcusedHours4w: hours,
    unexcusedWeeks: weeks,
    luxuryAbsence: fc.boolean(),
    sickReports12w: fc.integer({ min: 0, max: 8 }),
    sickDaysInRow: fc.integer({ min: 0, max: 12 }),
    deregistered: fc.boolean(),
    enrolledElsewhere: fc.boolean(),
    weeksWithoutPlace: weeks,
    placeProspect: fc.boolean(),
    truancyOnly: fc.boolean(),
    supportNeed: fc.subarray([...SUPPORT_NEEDS]),
    schoolCanSupport: fc.boolean(),
    suitablePlaceFound: fc.boolean(),
    swvInvolved: fc.boolean(),
    sensoryNeed: fc.constantFrom(...SENSORY_NEEDS),
    medicalCareFunding: fc.boolean(),
    danger: fc.boolean(),
    abuseSuspected: fc.boolean(),
    studentAllowsParents: fc.constantFrom(null, true, false),
  })
  .map(({ referenceDate, ageDays, schoolYearsCompleted, ...rest }) => {
    const birth = new Date(referenceDate.getTime() - ageDays * 86_400_000);
    const input = { studentRef: 'P1', referenceDate: iso(referenceDate), birthDate: iso(birth), ...rest, ...(schoolYearsCompleted === undefined ? {} : { schoolYearsCompleted }) };
    const parsed = parseSituation(input, '2026-02-02');
    if (!parsed.ok) throw new Error(`generated situation invalid: ${JSON.stringify(parsed.issues)}`);
    return parsed.value;
  });

const escalationKeys = (d: Decision): string[] => d.escalations.map((e) => `${e.to}:${e.type}`);
const numRuns = 3000;

describe('decision invariants (fast-check, seeded)', () => {
  it('draws situations that reach every escalation target, on both sides of 18 (so the properties are not empty)', () => {
    const sample = fc.sample(situationArb, { seed: FUZZ_SEED, numRuns: 3000 });
    const reached = new Set<string>();
    for (const s of sample) {
      const age = deriveFacts(s).age;
      for (const e of decide(s, ruleset, workingDays).escalations) reached.add(`${e.to}${e.to === 'leerplicht' || e.to === 'rmc' ? (age >= 18 ? '18+' : '<18') : ''}`);
    }
    expect([...reached].sort()).toEqual(['leerplicht<18', 'onderwijsconsulent', 'onderwijszorgconsulent', 'rmc18+', 'veilig-thuis']);
  });

  it('ouders in inform ⇔ parents.involve is yes; leerling always; escalation targets informed; sorted by deadline', () => {
    fc.assert(
      fc.property(situationArb, rulesets, (s, rs) => {
        const d = decide(s, rs, workingDays);
        const parties = d.inform.map((i) => i.party);
        expect(parties.includes('ouders')).toBe(d.parents.involve === 'yes');
        expect(parties).toContain('leerling');
        for (const e of d.escalations) expect(parties).toContain(e.to);
        const deadlines = d.escalations.map((e) => e.deadline ?? '9999-99-99');
        expect([...deadlines].sort()).toEqual(deadlines);
      }),
      { seed: FUZZ_SEED, numRuns },
    );
  });

  it('no RMC escalation under 18; a leerplicht escalation only when leerplichtig, and nobody is leerplichtig at 18+', () => {
    fc.assert(
      fc.property(situationArb, rulesets, (s, rs) => {
        const d = decide(s, rs, workingDays);
        const facts = deriveFacts(s);
        if (facts.age < 18) expect(d.escalations.filter((e) => e.to === 'rmc')).toEqual([]);
        if (facts.age >= 18) expect(facts.leerplichtig).toBe(false);
        if (d.escalations.some((e) => e.to === 'leerplicht')) expect(facts.leerplichtig).toBe(true);
      }),
      { seed: FUZZ_SEED + 1, numRuns },
    );
  });

  it('more hours, more weeks absent or more weeks without a place never remove an escalation', () => {
    const field = fc.constantFrom('unexcusedHours4w', 'unexcusedWeeks', 'weeksWithoutPlace') satisfies fc.Arbitrary<keyof typeof NUMBER_LIMITS>;
    fc.assert(
      fc.property(situationArb, rulesets, field, fc.double({ min: 0, max: 1, noNaN: true }), (s, rs, f, share) => {
        const more = { ...s, [f]: s[f] + share * (NUMBER_LIMITS[f] - s[f]) };
        const before = escalationKeys(decide(s, rs, workingDays));
        const after = escalationKeys(decide(more, rs, workingDays));
        for (const key of before) expect(after, `${f}: ${s[f]} → ${more[f]}`).toContain(key);
      }),
      { seed: FUZZ_SEED + 2, numRuns },
    );
  });
});
