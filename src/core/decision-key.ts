// The idempotency key of a logged decision: the same student, reference date, rule-set file and
// outcome give the same key, so re-running `route --log` or a nightly `batch` over the same export
// records a decision once (the case store keeps a unique index on it). The reason texts and the
// language are left out on purpose: `--lang en` must not log a second copy.
import { createHash } from 'node:crypto';
import type { Decision } from './decide.js';

/** Bump when the recipe changes, so old and new keys never collide by accident. */
const KEY_VERSION = 'v1';

export function decisionIdempotencyKey(decision: Decision): string {
  const outcome = [
    decision.studentRef,
    decision.referenceDate,
    decision.ruleset.sha256,
    decision.parents.involve,
    decision.inform.map((i) => i.party).sort(),
    decision.escalations.map((e) => `${e.to}/${e.type}`).sort(),
  ];
  return `${KEY_VERSION}:${createHash('sha256').update(JSON.stringify(outcome)).digest('hex')}`;
}
