import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/decide.js';
import { decisionFrom, DecisionMemo } from '../../src/core/decision-memo.js';
import { deriveFacts } from '../../src/core/facts.js';
import { parseSituation, type Situation } from '../../src/core/situation.js';
import { ByteBuilder } from '../../src/io/batch-output.js';
import { readRuleset } from '../../src/io/read-ruleset.js';
import { recordEncoder } from '../../src/io/record-encoders.js';
import { mulberry32 } from '../random.js';

const ruleset = readRuleset(undefined, 'nl');

const prng = mulberry32;

/** Situations that reach every rule: ages 4–24, every flag, thresholds on both sides. */
function situations(count: number): Situation[] {
  const rnd = prng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: Situation[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2001 + Math.floor(rnd() * 22);
    const input = {
      studentRef: `S${i}`,
      birthDate: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      referenceDate: pick(['2026-02-02', '2025-10-01', '2026-05-15']),
      educationType: pick(['po', 'vo', 'mbo', 'vso']),
      enrolled: rnd() < 0.9,
      startkwalificatie: rnd() < 0.2,
      exemption: rnd() < 0.05,
      unexcusedHours4w: pick([0, 4, 15.5, 16, 30]),
      unexcusedWeeks: pick([0, 3, 4, 5]),
      luxuryAbsence: rnd() < 0.1,
      sickReports12w: pick([0, 3, 4]),
      sickDaysInRow: pick([0, 6, 7]),
      deregistered: rnd() < 0.1,
      weeksWithoutPlace: pick([0, 4, 5]),
      placeProspect: rnd() < 0.5,
      truancyOnly: rnd() < 0.2,
      supportNeed: pick([[], ['gedrag'], ['leren', 'gezondheid']]),
      schoolCanSupport: rnd() < 0.7,
      suitablePlaceFound: rnd() < 0.7,
      swvInvolved: rnd() < 0.5,
      sensoryNeed: pick(['none', 'visueel', 'auditief', 'taal-spraak']),
      medicalCareFunding: rnd() < 0.1,
      danger: rnd() < 0.1,
      abuseSuspected: rnd() < 0.1,
      studentAllowsParents: pick([null, true, false]),
    };
    const parsed = parseSituation(input, '2026-02-02');
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}

describe('DecisionMemo', () => {
  const all = situations(3000);

  it('gives, for every situation, the decision decide() gives', () => {
    const memo = new DecisionMemo(ruleset);
    for (const s of all) {
      const facts = deriveFacts(s);
      expect(decisionFrom(s, facts, memo.tailFor(s, facts))).toStrictEqual(decide(s, ruleset, facts));
    }
  });

  it('writes the same NDJSON text as JSON.stringify({ line, ...decision })', () => {
    const memo = new DecisionMemo(ruleset);
    const encoder = recordEncoder('ndjson', ';');
    const out = new ByteBuilder(1024);
    const expected: string[] = [];
    all.forEach((s, i) => {
      const facts = deriveFacts(s);
      encoder.decision(out, i + 2, s.studentRef, s.referenceDate, facts, memo.tailFor(s, facts));
      expected.push(JSON.stringify({ line: i + 2, ...decide(s, ruleset, facts) }));
    });
    expect(out.take().toString('utf8')).toBe(`${expected.join('\n')}\n`);
  });

  it('marks escalations and referrals (a party beyond parents and student) as needing action', () => {
    const memo = new DecisionMemo(ruleset);
    let both = 0;
    for (const s of all) {
      const facts = deriveFacts(s);
      const tail = memo.tailFor(s, facts);
      const d = decide(s, ruleset, facts);
      const referral = d.inform.some((i) => i.party !== 'ouders' && i.party !== 'leerling');
      expect(tail.needsAction).toBe(d.escalations.length > 0 || referral);
      expect(tail.targets).toEqual([...new Set(d.escalations.map((e) => e.to))]);
      if (tail.needsAction && tail.targets.length === 0) both += 1;
    }
    expect(both).toBeGreaterThan(0); // referrals without an escalation occur in the sample
  });
});
