// `zorgroute cases export ID --format html|md`: the dossier on stdout or in a file only the owner
// may read, and the usage errors around it.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zorgroute-dossier-'));
  db = join(dir, 'cases.db');
  const logged = await runCli(['route', fixture('route/leerplicht-16-uur.json'), '--log', '--db', db]);
  expect(logged.exitCode).toBe(0);
  expect((await runCli(['cases', 'done', '1', 'leerplicht', '--date', '27-11-2026', '--db', db])).exitCode).toBe(0);
});

describe('zorgroute cases export --format html|md', () => {
  it('writes an HTML dossier to stdout', async () => {
    const r = await runCli(['cases', 'export', '1', '--format', 'html', '--db', db]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout).toContain('Dossier casus 1 — leerling L20417');
    expect(r.stdout).toContain('gedaan op 27-11-2026');
    expect(r.stdout).not.toContain('2012-03-01'); // the birth date of the fixture
  });

  it('writes Markdown to a file readable by its owner only (0600), and says so on stderr', async () => {
    const out = join(dir, 'dossier.md');
    const r = await runCli(['cases', 'export', '1', '--format', 'md', '--out', out, '--db', db, '--lang', 'en']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`Case file written to ${out}`);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Case file 1 — student L20417/);
  });

  it('refuses a dossier of several cases and --out with JSON (exit 2, in Dutch)', async () => {
    const all = await runCli(['cases', 'export', '--all', '--format', 'html', '--db', db]);
    expect(all.exitCode).toBe(2);
    expect(all.stderr).toContain('één casus');
    const json = await runCli(['cases', 'export', '1', '--out', join(dir, 'x.json'), '--db', db]);
    expect(json.exitCode).toBe(2);
    expect(json.stderr).toContain('--out is voor het leesbare dossier');
  });

  it('names a file it cannot write, without a stack trace', async () => {
    const r = await runCli(['cases', 'export', '1', '--format', 'html', '--out', join(dir, 'no-such-dir', 'd.html'), '--db', db]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no-such-dir');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
