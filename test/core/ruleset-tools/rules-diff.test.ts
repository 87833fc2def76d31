import { describe, expect, it } from 'vitest';
import { diffRules } from '../../../src/core/ruleset-tools/rules-diff.js';
import type { ChainRule, ChainView } from '../../../src/core/ruleset-tools/chain-view.js';

const rule = (id: string, more: Partial<ChainRule> = {}): ChainRule => ({ id, layer: 'swv', state: 'on', switchedBy: null, title: id, source: 's', when: { fact: 'age', op: 'gte', value: 16 }, then: { notes: ['n'] }, ...more });
const view = (rules: ChainRule[]): ChainView => ({ layers: [{ id: 'swv', version: '1', sha256: 'x', file: 'f' }], rules });

describe('diffRules', () => {
  it('lists added, removed, switched and changed rules with what changed', () => {
    const before = view([rule('same'), rule('gone'), rule('option', { state: 'off' }), rule('edited')]);
    const after = view([rule('same'), rule('option', { state: 'on' }), rule('edited', { when: { fact: 'age', op: 'gte', value: 18 }, source: 't' }), rule('new', { layer: 'school' })]);
    expect(diffRules(before, after)).toEqual([
      { kind: 'switched', id: 'option', layer: 'swv', from: 'off', to: 'on' },
      { kind: 'changed', id: 'edited', layer: 'swv', aspects: ['condition', 'source'] },
      { kind: 'added', id: 'new', layer: 'school', state: 'on' },
      { kind: 'removed', id: 'gone', layer: 'swv', state: 'on' },
    ]);
  });

  it('does not see a change in reordered keys', () => {
    const a = rule('r', { then: { notes: ['n'], parents: { involve: 'yes', priority: 0, reason: 'x' } } });
    const b = rule('r', { then: { parents: { reason: 'x', priority: 0, involve: 'yes' }, notes: ['n'] } });
    expect(diffRules(view([a]), view([b]))).toEqual([]);
  });
});

describe('diffRules across layers', () => {
  it('puts a switch under the layer that made it', () => {
    const before = view([rule('rmc-16-uur', { state: 'off' })]);
    const after = view([rule('rmc-16-uur', { state: 'on', switchedBy: 'regio' })]);
    expect(diffRules(before, after)).toEqual([{ kind: 'switched', id: 'rmc-16-uur', layer: 'regio', from: 'off', to: 'on' }]);
  });
});
