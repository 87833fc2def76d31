// `route --log` writes its input in bounded transactions, taken from the input as it is read: the
// write lock is never held for the whole input (issue 10, defect 10: 150,000 records held it 15.8 s).
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/routing/decide.js';
import { logRoutedDecisions } from '../../src/commands/route-log.js';
import type { RoutedSituation } from '../../src/commands/route.js';
import { defaultRuleset, situation, workingDays } from '../factories.js';

describe('route --log', () => {
  it('commits every chunk before it reads the next records, so another writer gets in between', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zorgroute-route-log-')), 'cases.db');
    const ruleset = defaultRuleset();
    const seenByOthers: number[] = [];
    const other = () => {
      const db = new Database(path, { timeout: 0 }); // another process that will not wait at all
      try {
        seenByOthers.push(db.prepare('SELECT count(*) FROM events').pluck().get() as number);
        db.exec('BEGIN IMMEDIATE; ROLLBACK;'); // it can take the write lock now
      } finally {
        db.close();
      }
    };
    function* records(): Generator<RoutedSituation> {
      for (let i = 0; i < 25; i++) {
        if (i === 10 || i === 20) other();
        const s = situation({ studentRef: `R${i}`, unexcusedHours4w: 16 });
        yield { situation: s, decision: decide(s, ruleset, workingDays) };
      }
    }
    const result = logRoutedDecisions(records(), { path, origin: 'flag' }, 10);
    expect(result).toMatchObject({ added: 25, skipped: 0, transactions: 3 });
    expect(seenByOthers).toEqual([20, 40]); // chunks of 10 situations (2 events each) already committed
  });
});
