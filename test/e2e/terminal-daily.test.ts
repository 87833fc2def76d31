// At 80×24, as a zorgcoördinator sees it (issue 17): a command in a hint is never broken (item 10),
// cases verify and purge fit the screen (item 11), and purge speaks dd-mm-jjjj (item 17).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { runOnScreen } from './screen.js';

const SIZE = { cols: 80, rows: 24 };
let db: string;
beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'zorgroute-term-daily-')), 'cases.db');
  const input = JSON.stringify({ studentRef: 'L1', referenceDate: '2026-11-20', birthDate: '2012-03-01', unexcusedHours4w: 16, weeksWithoutPlace: 6 });
  expect((await runCli(['route', '-', '--json', '--log', '--db', db], { input })).exitCode).toBe(0);
});

describe('at 80×24', () => {
  it('a hint with a command puts the command whole on a line of its own (item 10)', async () => {
    const { rows, overflowing } = await runOnScreen(['cases', 'done', '1', 'ouders', 'gebeld', '--db', db], SIZE);
    expect(rows).toMatch(/^ +(npx )?zorgroute cases done 1 leerplicht:verzuimmelding-16-uur$/m);
    expect(overflowing).toEqual([]);
  });

  it('cases verify fits the screen (item 11)', async () => {
    const { exitCode, rows, overflowing } = await runOnScreen(['cases', 'verify', '--db', db], SIZE);
    expect(exitCode).toBe(0);
    expect(rows).toContain('intact');
    expect(overflowing).toEqual([]);
  });

  it('cases purge --retention fits the screen and writes its dates as dd-mm-jjjj (items 11, 17)', async () => {
    const { rows, overflowing } = await runOnScreen(['cases', 'purge', '--retention', '--db', db], SIZE);
    expect(rows).toMatch(/gesloten vóór \d\d-\d\d-\d{4}/);
    expect(rows).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(overflowing).toEqual([]);
  });
});
