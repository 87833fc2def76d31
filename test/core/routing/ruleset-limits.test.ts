// Rule files that try the limits: conditions nested a thousand deep, facts named after Object's own
// properties. Each is refused with its path and a message, never a crash or "(a undefined)".
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../../src/core/routing/compile.js';
import { parseRuleset } from '../../../src/core/routing/layers.js';
import { MAX_CONDITION_DEPTH } from '../../../src/core/routing/ruleset.js';
import { defaultRulesetJson } from '../../factories.js';
import { enIssue } from '../../words.js';

const ruleset = (when: unknown): unknown => ({
  id: 'test',
  version: '1',
  title: 'test',
  counting: defaultRulesetJson().counting,
  parties: defaultRulesetJson().parties,
  rules: [
    { id: 'ouders', title: 't', source: 's', then: { parents: { involve: 'yes', priority: 0, reason: 'r' } } },
    { id: 'deep', title: 't', source: 's', when, then: { notes: ['n'] } },
  ],
});

const nested = (depth: number, key: 'all' | 'any' | 'not' = 'all'): unknown => {
  let c: unknown = { fact: 'age', op: 'gte', value: 1 };
  for (let i = 1; i < depth; i++) c = key === 'not' ? { not: c } : { [key]: [c] };
  return c;
};

const problems = (json: unknown): string[] => {
  const r = parseRuleset(json);
  return r.ok ? [] : r.issues.map(enIssue);
};

describe('rule-set limits', () => {
  it(`takes conditions nested ${MAX_CONDITION_DEPTH} levels deep, and compiles them`, () => {
    const r = parseRuleset(ruleset(nested(MAX_CONDITION_DEPTH)));
    expect(r.ok).toBe(true);
    if (r.ok) expect(compileRuleset(r.value, 'x', 'nl').rules).toHaveLength(2);
  });

  it('refuses deeper nesting with the path, also a thousand levels (which overflowed the stack)', () => {
    for (const key of ['all', 'any', 'not'] as const) {
      const [problem, ...rest] = problems(ruleset(nested(1000, key)));
      expect(rest).toEqual([]);
      const step = key === 'not' ? '.not' : `.${key}[0]`;
      expect(problem).toBe(`rules[1].when${step}${step}…${step}: conditions nested ${MAX_CONDITION_DEPTH + 1} levels deep; at most ${MAX_CONDITION_DEPTH} (all/any/not): write the condition flatter`);
    }
    expect(problems(ruleset(nested(MAX_CONDITION_DEPTH + 1)))).toHaveLength(1);
  });

  it('refuses facts named after Object properties as unknown facts, with a proper message', () => {
    for (const fact of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const json = JSON.parse(JSON.stringify(ruleset({ fact: 'x', op: 'eq', value: 1 })).replace('"fact":"x"', `"fact":${JSON.stringify(fact)}`));
      const found = problems(json);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(new RegExp(`^rules\\[1\\]\\.when\\.fact: unknown fact ${fact.replace(/_/g, '_')} \\(known: educationType, `));
      expect(found[0]).not.toContain('undefined');
    }
  });
});
