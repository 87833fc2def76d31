import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/core/routing/decide.js';
import { decisionFrom, DecisionMemo } from '../../../src/core/routing/decision-memo.js';
import { deriveFacts } from '../../../src/core/routing/facts.js';
import { ByteBuilder } from '../../../src/io/batch-output.js';
import { readRuleset } from '../../../src/io/rules/read-ruleset.js';
import { recordEncoder } from '../../../src/io/record-encoders.js';
import { situation, workingDays } from '../../factories.js';
import { randomSituations as situations } from '../../random.js';
import { enText } from '../../words.js';

const ruleset = readRuleset(undefined, 'nl');

describe('DecisionMemo', () => {
  // A third of them with the day the 16 hours were reached, 0–12 days before the reference date.
  const all = situations(3000).map((s, i) => {
    if (i % 3 !== 0) return s;
    const day = new Date(Date.parse(`${s.referenceDate}T00:00:00Z`) - (i % 13) * 86_400_000).toISOString().slice(0, 10);
    return { ...s, unexcusedHoursReachedOn: day };
  });

  it('keeps apart decisions that differ only in the day the 16 hours were reached', () => {
    const memo = new DecisionMemo(ruleset, workingDays);
    const base = all.find((s) => s.unexcusedHoursReachedOn === undefined && decide(s, ruleset, workingDays).escalations.some((e) => e.type === 'verzuimmelding-16-uur'))!;
    const early = { ...base, unexcusedHoursReachedOn: new Date(Date.parse(`${base.referenceDate}T00:00:00Z`) - 20 * 86_400_000).toISOString().slice(0, 10) };
    for (const s of [base, early, base, early]) {
      const facts = deriveFacts(s);
      expect(decisionFrom(s, facts, memo.tailFor(s, facts))).toStrictEqual(decide(s, ruleset, workingDays, facts));
    }
    const deadline = (s: typeof base) => decide(s, ruleset, workingDays).escalations.find((e) => e.type === 'verzuimmelding-16-uur');
    expect(deadline(early)).toMatchObject({ overdue: true });
    expect(deadline(base)).toMatchObject({ overdue: false });
  });

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

describe('DecisionMemo with a school protocol (steps with a term from the day reached, steps withheld)', () => {
  const protocol = readRuleset('voorbeeldschool-verzuimprotocol', 'nl');
  const base = situation({ studentRef: 'L1', birthDate: '2012-01-01', referenceDate: '2026-12-07', educationType: 'vo', lateArrivalsSchoolYear: 5 });

  it('keeps apart decisions that differ only in the day a step was reached', () => {
    const memo = new DecisionMemo(protocol, workingDays);
    for (const s of [{ ...base, reachedOn: '2026-12-01' }, { ...base, reachedOn: '2026-12-04' }, { ...base, reachedOn: '2026-12-01' }]) {
      const facts = deriveFacts(s);
      expect(decisionFrom(s, facts, memo.tailFor(s, facts))).toStrictEqual(decide(s, protocol, workingDays, facts));
    }
  });

  it('keeps the steps the parents rules hold back (withheld), in the JSON too', () => {
    const memo = new DecisionMemo(protocol, workingDays);
    const s = { ...base, abuseSuspected: true, danger: true };
    const facts = deriveFacts(s);
    const decided = decide(s, protocol, workingDays, facts);
    expect(decided.withheld?.length).toBeGreaterThan(0);
    const tail = memo.tailFor(s, facts);
    expect(decisionFrom(s, facts, tail)).toStrictEqual(decided);
    const out = new ByteBuilder();
    recordEncoder('ndjson', ';', { describe: () => '' }).decision(out, 2, s.studentRef, s.referenceDate, facts, tail);
    expect(out.take().toString('utf8')).toBe(`${JSON.stringify({ line: 2, ...decided })}\n`);
  });
});
