import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/routing/decide.js';
import { decisionFrom, DecisionMemo } from '../../../src/core/routing/decision-memo.js';
import { deriveFacts } from '../../../src/core/routing/facts.js';
import { ByteBuilder } from '../../../src/io/batch-output.js';
import { readRuleset } from '../../../src/io/read-ruleset.js';
import { recordEncoder } from '../../../src/io/record-encoders.js';
import { workingDays } from '../../factories.js';
import { randomSituations as situations } from '../../random.js';
import { enText } from '../../words.js';

const ruleset = readRuleset(undefined, 'nl');

describe('DecisionMemo', () => {
  const all = situations(3000);

  it('gives, for every situation, the decision decide() gives', () => {
    const memo = new DecisionMemo(ruleset, workingDays);
    for (const s of all) {
      const facts = deriveFacts(s);
      expect(decisionFrom(s, facts, memo.tailFor(s, facts))).toStrictEqual(decide(s, ruleset, workingDays, facts));
    }
  });

  it('writes the same NDJSON text as JSON.stringify({ line, ...decision })', () => {
    const memo = new DecisionMemo(ruleset, workingDays);
    const encoder = recordEncoder('ndjson', ';', { describe: enText });
    const out = new ByteBuilder(1024);
    const expected: string[] = [];
    all.forEach((s, i) => {
      const facts = deriveFacts(s);
      encoder.decision(out, i + 2, s.studentRef, s.referenceDate, facts, memo.tailFor(s, facts));
      expected.push(JSON.stringify({ line: i + 2, ...decide(s, ruleset, workingDays, facts) }));
    });
    expect(out.take().toString('utf8')).toBe(`${expected.join('\n')}\n`);
  });

  it('marks escalations and referrals (a party beyond parents and student) as needing action', () => {
    const memo = new DecisionMemo(ruleset, workingDays);
    let both = 0;
    for (const s of all) {
      const facts = deriveFacts(s);
      const tail = memo.tailFor(s, facts);
      const d = decide(s, ruleset, workingDays, facts);
      const referral = d.inform.some((i) => i.party !== 'ouders' && i.party !== 'leerling');
      expect(tail.needsAction).toBe(d.escalations.length > 0 || referral);
      expect(tail.targets).toEqual([...new Set(d.escalations.map((e) => e.to))]);
      if (tail.needsAction && tail.targets.length === 0) both += 1;
    }
    expect(both).toBeGreaterThan(0); // referrals without an escalation occur in the sample
  });
});
