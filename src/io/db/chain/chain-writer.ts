// Appending to the hash chain inside a write transaction: the head is read when the transaction
// begins (another process may have appended since our last one: the write lock orders us), each
// new event gets the next id and its seal, and the head is written back before the commit. Ids are
// given explicitly, from the head, so that an id a purge freed is never handed out again.
import type BetterSqlite3 from 'better-sqlite3';
import { eventContent, linkHash, type SealedEventContent } from './chain.js';

export interface Seal {
  prevHash: string;
  hash: string;
}

export class ChainWriter {
  private readonly read;
  private readonly write;
  private lastEventId = 0;
  private lastCaseId = 0;
  private hash = '';
  private active = false;

  constructor(db: BetterSqlite3.Database) {
    this.read = db.prepare('SELECT last_event_id, last_case_id, hash FROM chain_head WHERE id = 1');
    this.write = db.prepare('UPDATE chain_head SET last_event_id = @lastEventId, last_case_id = @lastCaseId, hash = @hash WHERE id = 1');
  }

  /** Inside the write transaction, before the first append. */
  begin(): void {
    const head = this.read.get() as { last_event_id: number; last_case_id: number; hash: string } | undefined;
    if (!head) throw new Error('the case log has no chain head (schema version 3 sets one)');
    this.lastEventId = head.last_event_id;
    this.lastCaseId = head.last_case_id;
    this.hash = head.hash;
    this.active = true;
  }

  nextCaseId(): number {
    if (!this.active) throw new Error('ChainWriter: begin() first');
    return ++this.lastCaseId;
  }

  nextEventId(): number {
    if (!this.active) throw new Error('ChainWriter: begin() first');
    return ++this.lastEventId;
  }

  /** The seal of the event (its id from nextEventId()), which becomes the head. */
  seal(content: SealedEventContent): Seal {
    const prevHash = this.hash;
    this.hash = linkHash(prevHash, eventContent(content));
    return { prevHash, hash: this.hash };
  }

  /** A link that is not an event (a purge record): its hash becomes the head. */
  sealLink(hash: string): void {
    this.hash = hash;
  }

  get head(): { lastEventId: number; hash: string } {
    return { lastEventId: this.lastEventId, hash: this.hash };
  }

  /** Before the commit. */
  end(): void {
    this.write.run({ lastEventId: this.lastEventId, lastCaseId: this.lastCaseId, hash: this.hash });
    this.active = false;
  }
}
