// zorgroute batch --log: rows that need action become cases, idempotently, one transaction per chunk.
import Database from 'better-sqlite3';
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-batch-log-'));
const EXAMPLE = new URL('../../data/examples/verzuimexport.csv', import.meta.url).pathname;

const zorgroute = (args: string[]) =>
  execa(process.execPath, [BIN, ...args], { reject: false, stdin: 'ignore', env: { NO_COLOR: '1', LANG: 'en_GB.UTF-8', LC_ALL: '' } });

function counts(db: string): { cases: number; decisions: number; intakes: number; batchCases: number } {
  const conn = new Database(db, { readonly: true });
  try {
    const one = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
    return {
      cases: one('SELECT count(*) AS n FROM cases'),
      decisions: one("SELECT count(*) AS n FROM events WHERE kind = 'decision'"),
      intakes: one("SELECT count(*) AS n FROM events WHERE kind = 'intake'"),
      batchCases: one("SELECT count(*) AS n FROM cases WHERE source = 'batch'"),
    };
  } finally {
    conn.close();
  }
}

describe('zorgroute batch --log', () => {
  it('records each row that needs action once, however often the export is checked', async () => {
    const db = join(tmp, 'example.db');
    const ndjson = await zorgroute(['batch', EXAMPLE, '--format', 'ndjson']);
    const needAction = ndjson.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { escalations?: unknown[]; inform?: { party: string }[] })
      .filter((d) => (d.escalations?.length ?? 0) > 0 || (d.inform ?? []).some((i) => i.party !== 'ouders' && i.party !== 'leerling')).length;
    expect(needAction).toBeGreaterThan(10);

    const first = await zorgroute(['batch', EXAMPLE, '--log', '--db', db]);
    expect(first.exitCode).toBe(0);
    expect(first.stderr).toContain(`Case log: ${needAction} recorded, 0 recorded before`);
    expect(counts(db)).toEqual({ cases: needAction, decisions: needAction, intakes: needAction, batchCases: needAction });

    const second = await zorgroute(['batch', EXAMPLE, '--log', '--db', db]);
    expect(second.stderr).toContain(`Case log: 0 recorded, ${needAction} recorded before`);
    expect(counts(db).decisions).toBe(needAction);
  });

  it('an interrupted run leaves whole chunks only, and running it again completes it', async () => {
    // 12,000 students who all need action (16 hours): every chunk of 2,000 rows is 2,000 cases, and a
    // transaction is whole chunks (at least LOG_CHUNK_CASES cases).
    const rows = ['leerlingnummer;geboortedatum;peildatum;ongeoorloofd_verzuim_uren_4wk'];
    for (let i = 0; i < 12_000; i++) rows.push(`${500000 + i};01-03-2012;02-02-2026;16`);
    const csv = join(tmp, 'all-action.csv');
    writeFileSync(csv, `${rows.join('\r\n')}\r\n`);
    const db = join(tmp, 'interrupted.db');

    const run = execa(process.execPath, [BIN, 'batch', csv, '--log', '--db', db], { reject: false, stdin: 'ignore', env: { NO_COLOR: '1' } });
    // Kill it hard as soon as the log holds something, wherever it is in a chunk.
    for (let tries = 0; tries < 2000; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      try {
        if (counts(db).decisions > 0) break;
      } catch {
        // the database is not there yet
      }
      if (run.exitCode !== null) break;
    }
    run.kill('SIGKILL');
    await run;
    const after = counts(db);
    expect(after.decisions % 2000).toBe(0);
    expect(after.intakes).toBe(after.decisions);
    expect(after.cases).toBe(after.decisions);

    const again = await zorgroute(['batch', csv, '--log', '--db', db]);
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain(`Case log: ${12_000 - after.decisions} recorded, ${after.decisions} recorded before`);
    expect(counts(db)).toEqual({ cases: 12_000, decisions: 12_000, intakes: 12_000, batchCases: 12_000 });
  });

  it('refuses a database that is not zorgroute’s before writing any output', async () => {
    const notOurs = join(tmp, 'not-ours.db');
    writeFileSync(notOurs, 'this is not a database');
    const r = await zorgroute(['batch', EXAMPLE, '--format', 'ndjson', '--log', '--db', notOurs]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
  });
});
