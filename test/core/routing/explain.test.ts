import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/core/routing/explain.js';
import { defaultRuleset, situation } from '../../factories.js';

describe('explain', () => {
  const trace = explain(situation({ unexcusedHours4w: 15, danger: true }), defaultRuleset());
  const byId = new Map(trace.map((t) => [t.id, t]));
  it('lists every rule in the rule set, enabled or not', () => {
    expect(trace).toHaveLength(defaultRuleset().rules.length);
    expect(byId.get('rmc-16-uur')?.status).toBe('disabled');
  });
  it('shows, condition by condition, the fact value and whether it held', () => {
    expect(byId.get('leerplicht-16-uur')).toMatchObject({
      status: 'not-met',
      conditions: {
        held: false,
        all: [
          { fact: 'leerplichtig', op: 'eq', value: true, actual: true, held: true },
          { fact: 'enrolled', op: 'eq', value: true, actual: true, held: true },
          { fact: 'unexcusedHours4w', op: 'gte', value: 16, actual: 15, held: false },
        ],
      },
    });
  });
  it('marks a parents rule that lost to a higher priority as overridden', () => {
    expect(byId.get('ouders-betrekken')).toMatchObject({ status: 'overridden', conditions: null });
    expect(byId.get('ouders-reeel-gevaar')?.status).toBe('fired');
  });
});
