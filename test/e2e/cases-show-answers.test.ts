// `cases show` shows what was entered (issue 17, item 9): the situation's answers of the latest
// intake, as the dossier lists them — not only the decision that came of them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('cases show: the answers', () => {
  it('lists the hours and the day they were reached, in Dutch and English', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'zorgroute-answers-')), 'cases.db');
    const input = JSON.stringify({ studentRef: 'L7', referenceDate: '2026-12-04', birthDate: '2012-03-01', unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-12-02' });
    const logged = await runCli(['route', '-', '--json', '--log', '--db', db], { input });
    expect(logged.exitCode, logged.stderr).toBe(0);
    const nl = await runCli(['cases', 'show', 'L7', '--db', db]);
    expect(nl.exitCode).toBe(0);
    expect(nl.stdout).toMatch(/Gegeven .*\n(.*\n)*? {2}• .*: 18\n/);
    expect(nl.stdout).toMatch(/ {2}• .*: 02-12-2026\n/);
    const en = await runCli(['cases', 'show', 'L7', '--db', db, '--lang', 'en']);
    expect(en.stdout).toMatch(/Given .*\n(.*\n)*? {2}• .*: 18\n/);
  });
});
