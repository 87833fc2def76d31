// The rows of an export that need action, made ready for the case log where they are decided (a
// batch worker thread, or the main thread) and packed as UTF-8 into one buffer that travels to the
// log writer's thread without being copied (transferred: worker → main → writer).
//
// Why bytes and not objects: a million-row export has ~80,000 such rows. As objects of strings
// they were copied at every hop between threads and, living until their piece was done, they
// survived the workers' young-generation GCs and were copied again there — together more CPU than
// writing them to SQLite. Packed, they cost one JSON.stringify, one UTF-8 write and one read.
//
// Layout of `bytes`, per entry: five fields, each a uint32 (LE) byte length and that many bytes of
// UTF-8: studentRef, idempotency key, the intake event's data, the decision event's data, the
// outcome's sha256 (src/io/db/prepared-entry.ts).
import { decisionOwnJson, prepareOutcome, type PreparedChunk, type PreparedDecision, type PreparedOutcome } from '../../io/db/prepared-entry.js';
import type { RulesetMeta } from '../../core/routing/compile.js';
import type { DecisionTail } from '../../core/routing/decision-memo.js';
import { idempotencyKeyFor, outcomeKeyText } from '../../io/db/decision-key.js';
import type { DerivedFacts } from '../../core/routing/facts.js';
import type { Situation } from '../../core/routing/situation.js';
import { ByteBuilder } from '../../io/batch-output.js';

const FIELDS = 5;

/** Entries packed into one buffer (see the layout above). All are `batch` entries of one rule set. */
export interface PackedEntries {
  bytes: ArrayBuffer;
  /** Bytes used, [0, length). */
  length: number;
  count: number;
  ruleset: RulesetMeta;
  /** sha256 → JSON of each outcome the maker had not handed over before. */
  outcomes: Record<string, string>;
}

/**
 * Makes and packs the entries of one thread. Each shared outcome (DecisionTail) is turned into
 * JSON, hashed and given its part of the idempotency key once, not once per row.
 */
export class CaseEntryMaker {
  private readonly byTail = new WeakMap<DecisionTail, { outcome: PreparedOutcome; keyText: string }>();
  private readonly handedOver = new Set<string>();
  private outcomes: Record<string, string> = {};
  /** A 64 KiB piece of an export has ~100 rows that need action, ~0.8 KB each: room for all. */
  private readonly out = new ByteBuilder(160 * 1024);
  private count = 0;

  /** `ruleset`: the one every tail of this thread comes from. */
  constructor(private readonly ruleset: RulesetMeta) {}

  get size(): number {
    return this.count;
  }

  add(situation: Situation, facts: DerivedFacts, tail: DecisionTail): void {
    let shared = this.byTail.get(tail);
    if (!shared) {
      shared = { outcome: prepareOutcome(tail), keyText: outcomeKeyText(tail) };
      this.byTail.set(tail, shared);
    }
    const { outcome, keyText } = shared;
    if (!this.handedOver.has(outcome.sha256)) {
      this.handedOver.add(outcome.sha256);
      this.outcomes[outcome.sha256] = outcome.json;
    }
    const { studentRef, referenceDate } = situation;
    const out = this.out;
    out.field(studentRef);
    out.field(idempotencyKeyFor(studentRef, referenceDate, keyText));
    out.field(JSON.stringify({ situation }));
    out.field(decisionOwnJson({ studentRef, referenceDate, facts })); // reads the five facts a Decision has
    out.field(outcome.sha256);
    this.count += 1;
  }

  /** What was made since the last take(); its buffer is the caller's (to transfer). */
  take(): PackedEntries {
    const { buffer, length } = this.out.handOver();
    const packed = { bytes: buffer, length, count: this.count, ruleset: this.ruleset, outcomes: this.outcomes };
    this.count = 0;
    this.outcomes = {};
    return packed;
  }
}

/** The entries again, for CaseStore.recordPrepared(); the outcomes of all parts together. */
export function unpackEntries(parts: readonly PackedEntries[]): PreparedChunk {
  const chunk: PreparedChunk = { entries: [], outcomes: {} };
  for (const part of parts) {
    Object.assign(chunk.outcomes, part.outcomes);
    const bytes = Buffer.from(part.bytes, 0, part.length);
    let at = 0;
    const field = (): string => {
      const n = bytes.readUInt32LE(at);
      const text = bytes.toString('utf8', at + 4, at + 4 + n);
      at += 4 + n;
      return text;
    };
    for (let i = 0; i < part.count; i++) {
      const entry: PreparedDecision = {
        studentRef: field(),
        source: 'batch',
        newCase: false,
        idempotencyKey: field(),
        situationJson: field(),
        decisionJson: field(),
        outcome: field(),
        ruleset: part.ruleset,
      };
      chunk.entries.push(entry);
    }
    if (at !== part.length) throw new Error(`packed case-log entries: ${part.length - at} bytes left over (${FIELDS} fields per entry expected)`);
  }
  return chunk;
}
