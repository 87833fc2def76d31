// The one mapping of zod issues to problems: a schema's named kind wins, other issues by their code.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { zodIssues } from '../../src/core/zod-problems.js';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : zodIssues(r.error);
};

describe('zodIssues', () => {
  it('takes the kind a schema names in its error', () => {
    expect(issuesOf(z.object({ n: z.int({ error: 'expected-count' }) }), { n: 1.5 })).toEqual([{ path: 'n', problem: { kind: 'expected-count', params: {} } }]);
    expect(issuesOf(z.string().max(3, { error: 'at-most-chars' }), 'abcd')).toEqual([{ path: '', problem: { kind: 'at-most-chars', params: { max: 3 } } }]);
  });
  it('maps an issue without a named kind by its zod code, never to zod’s English', () => {
    const schema = z.strictObject({ a: z.number(), b: z.enum(['x', 'y']), c: z.array(z.string()).min(2), d: z.string().min(1), e: z.union([z.string(), z.number()]) });
    expect(issuesOf(schema, { a: 'no', b: 'z', c: ['1'], d: '', e: true, f: 1 }).map((i) => [i.path, i.problem])).toEqual([
      ['a', { kind: 'expected-type', params: { expected: 'number' } }],
      ['b', { kind: 'expected-one-of', params: { values: ['x', 'y'] } }],
      ['c', { kind: 'too-small', params: { minimum: 2, inclusive: true, what: 'items' } }],
      ['d', { kind: 'must-not-be-empty', params: {} }],
      ['e', { kind: 'invalid-value', params: {} }],
      ['', { kind: 'unknown-fields', params: { keys: ['f'] } }],
    ]);
  });
});
