// The melding's own fields (issue 17, item 21): `cases note --reden` / `--maatregelen` fill the
// melding's "vermoedelijke reden" and "maatregelen school", so the melding is complete to copy;
// held to the privacy guard, stored as events in the chain.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ex = (name: string): string => new URL(`../../data/examples/${name}`, import.meta.url).pathname;
const RUN = ['batch', ex('leerlingen.csv'), '--registrations', ex('registraties.csv'), '--calendar', ex('kalender-voorbeeldschool.json'), '--log'];

describe('cases note --reden / --maatregelen', () => {
  it('fills the melding, shows it in cases show (nl, en, --json), refuses a BSN, and the chain verifies', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'zorgroute-melding-')), 'cases.db');
    expect((await runCli([...RUN, '--db', db])).exitCode).toBe(0);
    const before = await runCli(['cases', 'show', 'L1011', '--db', db]);
    expect(before.stdout).toMatch(/vermoedelijke reden +…… \(in te vullen\)/);
    const id = /Casus (\d+) — leerling L1011/.exec(before.stdout)![1]!;

    const note = await runCli(['cases', 'note', id, '--reden', 'schoolangst na pesten', '--maatregelen', 'gesprekken met mentor en ouders', '--db', db]);
    expect(note.exitCode, note.stderr).toBe(0);

    const nl = await runCli(['cases', 'show', 'L1011', '--db', db]);
    expect(nl.stdout).toMatch(/vermoedelijke reden +schoolangst na pesten/);
    expect(nl.stdout).toMatch(/maatregelen school +gesprekken met mentor en ouders/);
    expect(nl.stdout).not.toMatch(/in te vullen/);
    const en = await runCli(['cases', 'show', 'L1011', '--db', db, '--lang', 'en']);
    expect(en.stdout).toMatch(/schoolangst na pesten/);
    const json = JSON.parse((await runCli(['cases', 'show', id, '--db', db, '--json'])).stdout) as { melding: { reden: string; maatregelen: string } };
    expect(json.melding).toEqual({ reden: 'schoolangst na pesten', maatregelen: 'gesprekken met mentor en ouders' });

    const bsn = await runCli(['cases', 'note', id, '--reden', 'BSN 111222333', '--db', db]);
    expect(bsn.exitCode).toBe(2);
    expect(bsn.stderr).toMatch(/--reden/);

    const verify = await runCli(['cases', 'verify', '--db', db]);
    expect(verify.exitCode).toBe(0);
  });
});
