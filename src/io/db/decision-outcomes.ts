// The `decision_outcomes` table of the case log (schema version 2): each distinct decision outcome
// stored once, keyed by the sha256 of its JSON (see src/io/db/prepared-entry.ts). Keeps what it has
// looked up in memory, so a batch of 80,000 decisions with a few dozen outcomes asks SQLite a few
// dozen times. Part of CaseStore: idFor() inside its write transactions, get() when reading.
import type Database from 'better-sqlite3';
import type { DecisionOutcome } from './prepared-entry.js';

export class OutcomeTable {
  private readonly insert;
  private readonly byHash;
  private readonly byId;
  /** sha256 → id, of outcomes known to be committed. */
  private readonly ids = new Map<string, number>();
  /** Added by the transaction under way: made known only once it commits. */
  private pending = new Map<string, number>();
  /**
   * Texts offered by writers and not yet known to be stored. Kept across chunks: a writer sends a
   * text once, and the entry using it may be skipped (already logged) in that chunk and a later
   * entry need it.
   */
  private readonly texts = new Map<string, string>();
  /** id → the outcome, parsed once (shared by every decision that has it: read only). */
  private readonly parsed = new Map<number, DecisionOutcome>();

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO decision_outcomes (sha256, data) VALUES (@sha256, @data)');
    this.byHash = db.prepare('SELECT id FROM decision_outcomes WHERE sha256 = @sha256').pluck();
    this.byId = db.prepare('SELECT data FROM decision_outcomes WHERE id = @id').pluck();
  }

  /** Texts (sha256 → JSON) that idFor() may need. */
  offer(texts: Readonly<Record<string, string>>): void {
    for (const sha256 in texts) if (!this.ids.has(sha256)) this.texts.set(sha256, texts[sha256]!);
  }

  /** The id of the outcome, adding it when new. Inside a transaction; then commit() or rollback(). */
  idFor(sha256: string): number {
    let id = this.ids.get(sha256) ?? this.pending.get(sha256);
    if (id !== undefined) return id;
    id = this.byHash.get({ sha256 }) as number | undefined;
    if (id === undefined) {
      const data = this.texts.get(sha256);
      if (data === undefined) throw new TypeError(`decision outcome ${sha256}: its text was never offered`);
      id = Number(this.insert.run({ sha256, data }).lastInsertRowid);
      this.pending.set(sha256, id);
    } else {
      this.ids.set(sha256, id);
      this.texts.delete(sha256);
    }
    return id;
  }

  commit(): void {
    for (const [sha, id] of this.pending) {
      this.ids.set(sha, id);
      this.texts.delete(sha);
    }
    this.pending = new Map();
  }

  rollback(): void {
    for (const id of this.pending.values()) this.parsed.delete(id); // that id may be given to another outcome
    this.pending = new Map();
  }

  get(id: number): DecisionOutcome {
    let outcome = this.parsed.get(id);
    if (!outcome) {
      const data = this.byId.get({ id }) as string | undefined;
      if (data === undefined) throw new Error(`the case log lacks decision outcome ${id}`);
      outcome = JSON.parse(data) as DecisionOutcome;
      this.parsed.set(id, outcome);
    }
    return outcome;
  }
}
