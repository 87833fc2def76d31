import { describe, expect, it } from 'vitest';
import { checkCase, measureCoverage, parseRuleCases } from '../../../src/core/ruleset-tools/rule-cases.js';
import type { Decision } from '../../../src/core/routing/decide.js';
import type { RuleTrace } from '../../../src/core/routing/explain.js';

const decision = {
  parents: { involve: 'yes', reason: '', rules: [] },
  inform: [{ party: 'ouders', reason: '', rules: [] }, { party: 'leerplicht', reason: '', rules: [] }],
  escalations: [{ to: 'leerplicht', type: 'verzuimmelding-16-uur', deadline: null, overdue: false, reason: '', rules: [] }],
  todos: [{ party: 'jeugdarts', type: 'mazl-inschakelen', reason: '', rules: [] }],
} as unknown as Decision;

describe('checkCase', () => {
  it('passes when what must appear does and what must not does not', () => {
    expect(checkCase(decision, { escalations: [{ to: 'leerplicht' }], informs: ['ouders'], todos: [{ party: 'jeugdarts', type: 'mazl-inschakelen' }], parents: 'yes', not: { escalations: [{ to: 'rmc' }], informs: ['swv'], parents: 'no' } })).toEqual([]);
  });

  it('names each miss: missing, unwanted, and the parents the decision gave', () => {
    expect(checkCase(decision, { escalations: [{ to: 'leerplicht', type: 'luxeverzuim' }], parents: 'no', not: { todos: [{ party: 'jeugdarts' }] } })).toEqual([
      { what: 'escalation', item: 'leerplicht:luxeverzuim', present: true },
      { what: 'parents', item: 'no', present: true, actual: 'yes' },
      { what: 'todo', item: 'jeugdarts', present: false },
    ]);
  });
});

describe('measureCoverage', () => {
  const trace = (statuses: Record<string, RuleTrace['status']>): RuleTrace[] =>
    Object.entries(statuses).map(([id, status]) => ({ id, title: '', source: '', layer: 'l', binding: false, switchedBy: null, status, regionalOption: null, conditions: null }));
  const rules = [
    { id: 'a', layer: 'l', active: true, unconditional: false },
    { id: 'b', layer: 'l', active: true, unconditional: false },
    { id: 'c', layer: 'l', active: true, unconditional: true },
    { id: 'off', layer: 'l', active: false, unconditional: false },
  ];

  it('needs each enabled rule to fire once and stay silent once; an unconditional rule only to fire', () => {
    const cov = measureCoverage(rules, [trace({ a: 'fired', b: 'fired', c: 'fired', off: 'disabled' }), trace({ a: 'not-met', b: 'fired', c: 'fired', off: 'disabled' })]);
    expect(cov.map((c) => [c.id, c.covered])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
  });

  it('counts an outranked parents rule as silent', () => {
    const cov = measureCoverage(rules.slice(0, 1), [trace({ a: 'fired' }), trace({ a: 'overridden' })]);
    expect(cov[0]!.covered).toBe(true);
  });
});

describe('parseRuleCases', () => {
  it('refuses a situation without a reference date and names every path at once', () => {
    const parsed = parseRuleCases([
      { name: 'a', situation: { studentRef: 'L1', birthDate: '2011-01-01' }, expect: {} },
      { name: 'b', situation: { studentRef: 'L1', referenceDate: '2026-01-01', birthDate: '2011-01-01', unexcusedHours4w: -1 }, expect: {} },
    ]);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.path)).toEqual(['[0].situation.referenceDate', '[1].situation.unexcusedHours4w']);
  });

  it('refuses an unknown key in expect', () => {
    const parsed = parseRuleCases([{ name: 'a', situation: {}, expect: { escalate: [] } }]);
    expect(parsed.ok).toBe(false);
  });
});
