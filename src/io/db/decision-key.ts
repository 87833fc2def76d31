// The idempotency key of a logged decision: the same student, reference date, rule-set file and
// outcome give the same key, so re-running `route --log` or a nightly `batch` over the same export
// records a decision once (the case store keeps a unique index on it). The reason texts and the
// language are left out on purpose: `--lang en` must not log a second copy.
import * as crypto from 'node:crypto';
import type { Decision } from '../../core/routing/decide.js';

/** Bump when the recipe changes, so old and new keys never collide by accident. */
const KEY_VERSION = 'v1';

type KeyedOutcome = Pick<Decision, 'ruleset' | 'parents' | 'inform' | 'escalations'>;

/**
 * The part of the key's text that depends on the outcome only: `batch` makes it once per shared
 * outcome instead of once per row. (The key hashes the JSON array
 * [studentRef, referenceDate, sha256, involve, parties, escalations]; this is its tail, unbracketed.)
 */
export function outcomeKeyText(d: KeyedOutcome): string {
  const outcome = [d.ruleset.sha256, d.parents.involve, d.inform.map((i) => i.party).sort(), d.escalations.map((e) => `${e.to}/${e.type}`).sort()];
  return JSON.stringify(outcome).slice(1, -1);
}

export function decisionIdempotencyKey(decision: Decision): string {
  return idempotencyKeyFor(decision.studentRef, decision.referenceDate, outcomeKeyText(decision));
}

/** The key from its parts; `outcomeText` is outcomeKeyText() of the decision's outcome. */
/** crypto.hash() (Node ≥ 20.12) hashes in one call, twice as fast; createHash() on older Node 20s. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

export function idempotencyKeyFor(studentRef: string, referenceDate: string, outcomeText: string): string {
  const text = `[${JSON.stringify(studentRef)},${JSON.stringify(referenceDate)},${outcomeText}]`;
  return `${KEY_VERSION}:${sha256Hex(text)}`;
}

/**
 * The key of an escalation that comes from an absence period (`batch --registrations --log`): the
 * same student, period kind, begindatum, einddatum and target give the same key, whatever the
 * peildatum of the run — so a weekly run records each period once.
 */
export function periodIdempotencyKey(studentRef: string, kind: string, from: string, to: string, target: string, type: string): string {
  return `period-v1:${sha256Hex(JSON.stringify([studentRef, kind, from, to, target, type]))}`;
}

/**
 * The key of a to-do that comes from an absence period (a MAZL referral to the jeugdarts): the same
 * student, period kind, begindatum, einddatum, party and to-do type give the same key, whatever
 * the peildatum of the run. Its own prefix: a to-do never shares a key with an escalation.
 */
export function periodTodoIdempotencyKey(studentRef: string, kind: string, from: string, to: string, party: string, type: string): string {
  return `period-todo-v1:${sha256Hex(JSON.stringify([studentRef, kind, from, to, party, type]))}`;
}

/**
 * The key of a step of a school's verzuimprotocol (`batch --registrations --log`): the same student,
 * rule, party and to-do type in the same school year (a step on a school-year count) or the same
 * episode (a step on a window count: the day it was reached) give the same key, whatever the
 * peildatum of the run — so a weekly run records each step once.
 */
export function stepIdempotencyKey(studentRef: string, rule: string, kind: string, key: string, party: string, type: string): string {
  return `step-v1:${sha256Hex(JSON.stringify([studentRef, rule, kind, key, party, type]))}`;
}
