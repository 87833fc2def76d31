// The batch's way of making case-log entries (once per shared outcome, packed into bytes) must
// store exactly what the store's own way (prepareDecision of a decide() Decision) stores.
import { describe, expect, it } from 'vitest';
import { CaseEntryMaker, unpackEntries } from '../../../src/commands/batch/log-entries.js';
import { decisionOwnJson, prepareDecision, prepareOutcome } from '../../../src/io/db/prepared-entry.js';
import { decide } from '../../../src/core/routing/decide.js';
import { decisionIdempotencyKey } from '../../../src/io/db/decision-key.js';
import { DecisionMemo } from '../../../src/core/routing/decision-memo.js';
import { deriveFacts } from '../../../src/core/routing/facts.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import { randomSituations } from '../../random.js';

describe('CaseEntryMaker', () => {
  it('packs, for 3,000 generated students, the entries prepareDecision makes of decide()', () => {
    const ruleset = defaultRuleset('nl');
    const memo = new DecisionMemo(ruleset, workingDays);
    const maker = new CaseEntryMaker(ruleset.meta);
    const expected: ReturnType<typeof prepareDecision>[] = [];
    const texts: Record<string, string> = {};
    const parts = [];
    // Student numbers with quotes, backslashes and non-ASCII: the JSON and the byte lengths must hold.
    const refs = ['A"1', 'B\\2', 'Čech-3', 'Ørsted 4', '学生5'];
    for (const [i, generated] of randomSituations(3000, 11).entries()) {
      const s = { ...generated, studentRef: i < refs.length ? refs[i]! : generated.studentRef };
      const facts = deriveFacts(s);
      maker.add(s, facts, memo.tailFor(s, facts));
      const decision = decide(s, ruleset, workingDays, facts);
      const outcome = prepareOutcome(decision);
      texts[outcome.sha256] = outcome.json;
      expected.push(prepareDecision({ studentRef: s.studentRef, situation: s, decision, source: 'batch', idempotencyKey: decisionIdempotencyKey(decision) }, outcome));
      if (maker.size === 250) parts.push(maker.take());
    }
    parts.push(maker.take());
    const unpacked = unpackEntries(parts);
    expect(unpacked.entries).toStrictEqual(expected);
    // Each outcome's text handed over once, in the part where it is first used.
    expect(unpacked.outcomes).toStrictEqual(texts);
    expect(parts.flatMap((p) => Object.keys(p.outcomes)).length).toBe(Object.keys(texts).length);
  });

  it('refuses bytes that do not hold whole entries', () => {
    const maker = new CaseEntryMaker(defaultRuleset().meta);
    const s = situation({ unexcusedHours4w: 16 });
    const facts = deriveFacts(s);
    maker.add(s, facts, new DecisionMemo(defaultRuleset(), workingDays).tailFor(s, facts));
    const part = maker.take();
    expect(() => unpackEntries([{ ...part, count: 2 }])).toThrow();
    expect(() => unpackEntries([{ ...part, count: 0 }])).toThrow(/left over/);
  });
});

describe('decisionOwnJson', () => {
  it('is JSON.stringify of the student’s own part of a decision', () => {
    for (const s of randomSituations(300, 3)) {
      const d = decide({ ...s, studentRef: `${s.studentRef}"\\é` }, defaultRuleset(), workingDays);
      const { studentRef, referenceDate, facts } = d;
      expect(decisionOwnJson(d)).toBe(JSON.stringify({ decision: { studentRef, referenceDate, facts } }));
    }
  });
});
