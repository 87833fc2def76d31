// The one place where zod's issues become problems (kinds with params, see problems.ts).
// A schema names the kind it means in its `error` option (`z.int({ error: 'expected-count' })`);
// an issue without one is mapped by its zod code, so a schema without custom errors (the rule-set
// shape) still reads as Dutch or English instead of zod's "Invalid input".
import type { z } from 'zod';
import { isShowableKey } from './privacy.js';
import { problem, type FieldIssue, type Problem } from './problems.js';

/** The kinds a schema may name in `error`; their params come from the issue. */
const NAMED: { [kind: string]: (issue: z.core.$ZodIssue) => Problem } = {
  'expected-iso-date': () => problem('expected-iso-date'),
  'expected-clock-time': () => problem('expected-clock-time'),
  'not-a-calendar-date': () => problem('not-a-calendar-date'),
  'expected-student-ref': () => problem('expected-student-ref'),
  'must-not-be-empty': () => problem('must-not-be-empty'),
  'at-most-chars': (i) => problem('at-most-chars', { max: Number((i as { maximum?: number }).maximum ?? 0) }),
  'looks-like-bsn': () => problem('looks-like-bsn'),
  'has-control-char': () => problem('has-control-char'),
  'has-broken-char': () => problem('has-broken-char'),
  'at-most': (i) => problem('at-most', { max: Number((i as { maximum?: number }).maximum ?? 0) }),
  'expected-count': () => problem('expected-count'),
  'expected-amount': () => problem('expected-amount'),
  'at-most-school-years': (i) => problem('at-most-school-years', { max: Number((i as { maximum?: number }).maximum ?? 0) }),
  'expected-kebab-id': () => problem('expected-kebab-id'),
  'expected-text': () => problem('expected-text'),
  'expected-column-map': () => problem('expected-column-map'),
};

function sizeWhat(origin: string | undefined): 'number' | 'items' | 'chars' {
  return origin === 'array' || origin === 'set' ? 'items' : origin === 'string' ? 'chars' : 'number';
}

export function problemOfZodIssue(issue: z.core.$ZodIssue): Problem {
  const named = NAMED[issue.message];
  if (named) return named(issue);
  switch (issue.code) {
    case 'unrecognized_keys':
    {
      // A key may be a personal value (a BSN, a birth date): only names shaped like a field are shown.
      const keys = issue.keys.filter(isShowableKey);
      const hidden = issue.keys.length - keys.length;
      return problem('unknown-fields', hidden > 0 ? { keys, hidden } : { keys });
    }
    case 'invalid_type':
      return problem('expected-type', { expected: String(issue.expected) });
    case 'invalid_value':
      return problem('expected-one-of', { values: issue.values.map((v) => String(v)) });
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return problem('must-not-be-empty');
      return problem('too-small', { minimum: Number(issue.minimum), inclusive: issue.inclusive ?? true, what: sizeWhat(issue.origin) });
    case 'too_big':
      return problem('too-big', { maximum: Number(issue.maximum), inclusive: issue.inclusive ?? true, what: sizeWhat(issue.origin) });
    case 'invalid_format':
      return problem('expected-kebab-id');
    case 'invalid_union':
      return problem('invalid-value');
    default:
      return problem('invalid-value');
  }
}

export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), problem: problemOfZodIssue(issue) }));
}
