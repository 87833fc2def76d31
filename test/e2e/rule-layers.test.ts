// Rule layers through the built binary: a layer that switches an option on, one that tries to
// switch off what the law requires, and `batch --log` recording the chain that decided.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';

const eighteen = JSON.stringify({
  studentRef: 'L18',
  referenceDate: '2026-11-27',
  birthDate: '2008-05-01',
  educationType: 'mbo',
  enrolled: true,
  startkwalificatie: false,
  unexcusedHours4w: 16,
});

describe('rule layers on the command line', () => {
  it('a layer that disables leerplicht-16-uur is refused: exit 2, naming the layer, the rule and its source; nothing on stdout', async () => {
    const layer = fixture('rules/zonder-leerplicht-16-uur.json');
    const nl = await runCli(['route', '--json', '--rules', layer, '-'], { input: eighteen });
    expect(nl.exitCode).toBe(2);
    expect(nl.stdout).toBe('');
    expect(nl.stderr).toContain(`de regelset ${layer} is niet geldig (1 probleem)`);
    expect(nl.stderr).toContain('disable[0]: laag school-zonder-16-uur zet regel leerplicht-16-uur uit, maar die is bindend (laag landelijk, bron: Leerplichtwet 1969 art. 21a');
    const en = await runCli(['route', '--json', '--rules', layer, '-', '--lang', 'en'], { input: eighteen });
    expect(en.exitCode).toBe(2);
    expect(en.stderr).toContain('disable[0]: layer school-zonder-16-uur disables rule leerplicht-16-uur, but it is binding (layer landelijk, source: Leerplichtwet 1969 art. 21a');
    expect(en.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a refused layer writes nothing: no case log, no --out file (batch, batch --registrations)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zorgroute-layers-nothing-'));
    const layer = fixture('rules/zonder-leerplicht-16-uur.json');
    const batch = await runCli(['batch', 'data/examples/verzuimexport.csv', '--rules', layer, '--out', join(dir, 'out.csv'), '--log', '--db', join(dir, 'cases.db')]);
    expect(batch.exitCode).toBe(2);
    expect(batch.stderr).toContain('leerplicht-16-uur');
    const reg = await runCli([
      'batch', 'data/examples/leerlingen.csv', '--registrations', 'data/examples/registraties.csv', '--calendar', 'data/examples/kalender-voorbeeldschool.json',
      '--rules', layer, '--out', join(dir, 'out2.csv'), '--log', '--db', join(dir, 'cases2.db'),
    ]);
    expect(reg.exitCode).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a layer that enables rmc-16-uur: an 18-year-old without startkwalificatie with 16 hours gets the RMC report', async () => {
    const before = JSON.parse((await runCli(['route', '--json', '-'], { input: eighteen })).stdout);
    expect(before.escalations).toEqual([]);
    const r = await runCli(['route', '--json', '--rules', fixture('rules/rmc-16-uur-aan.json'), '-'], { input: eighteen });
    expect(r.exitCode).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.facts).toMatchObject({ age: 18, rmc: true, leerplichtig: false });
    expect(d.escalations).toEqual([
      { to: 'rmc', type: 'verzuim-16-uur-18plus', deadline: '2026-12-04', overdue: false, reason: expect.any(String), rules: ['rmc-16-uur'] },
    ]);
    expect(d.rules.find((x: { id: string }) => x.id === 'rmc-16-uur').layer).toBe('swv-vo-groningen-ommelanden');
    expect(d.ruleset.id).toBe('rmc-regio-16-uur');
    expect(d.ruleset.layers.map((l: { id: string }) => l.id)).toEqual(['landelijk', 'swv-vo-groningen-ommelanden', 'rmc-regio-16-uur']);
  });

  it('--explain, cases show and the dossier say which layer each rule came from and which chain decided', async () => {
    const layer = fixture('rules/rmc-16-uur-aan.json');
    const explained = await runCli(['route', '--explain', '--rules', layer, '-', '--lang', 'en'], { input: eighteen });
    expect(explained.stdout).toContain('rmc-16-uur — applies:');
    expect(explained.stdout).toMatch(/rmc-16-uur — applies: .*\n {4}layer swv-vo-groningen-ommelanden · switched on by layer rmc-regio-16-uur\n/);
    expect(explained.stdout).toMatch(/leerplicht-16-uur — does not apply: .*\n {4}layer landelijk · binding \(the law\)\n/);
    expect(explained.stdout).toMatch(/\(chain: landelijk 2026\.1 \(sha256 [0-9a-f]{64}\) → swv-vo-groningen-ommelanden [^ ]+ \(sha256 [0-9a-f]{64}\) → rmc-regio-16-uur 1 \(sha256 [0-9a-f]{64}\)\)/);

    const db = join(mkdtempSync(join(tmpdir(), 'zorgroute-layers-db-')), 'cases.db');
    expect((await runCli(['route', '--log', '--db', db, '--rules', layer, '-'], { input: eighteen })).exitCode).toBe(0);
    const shown = await runCli(['cases', 'show', '1', '--db', db]);
    expect(shown.exitCode).toBe(0);
    expect(shown.stdout).toContain("DUO 'Soorten verzuim' (niet verplicht); Ingrado 'Verzuim 18+' (laag swv-vo-groningen-ommelanden)");
    expect(shown.stdout).toMatch(/\(keten: landelijk 2026\.1 → swv-vo-groningen-ommelanden [^ ]+ → rmc-regio-16-uur 1\)/);
    const json = JSON.parse((await runCli(['cases', 'show', '1', '--json', '--db', db])).stdout);
    expect(JSON.stringify(json)).toContain('"layers":[{"id":"landelijk"');
    const md = await runCli(['cases', 'export', '1', '--format', 'md', '--db', db]);
    expect(md.stdout).toContain('(laag swv-vo-groningen-ommelanden)');
    expect(md.stdout).toMatch(/keten: landelijk 2026\.1 \(sha256 [0-9a-f]{64}\) → swv-vo-groningen-ommelanden/);
  });

  it("a layer's own party is named as the layer declares it, in both languages", async () => {
    const layer = fixture('rules/school-mentor.json');
    const nl = await runCli(['route', '--rules', layer, '-'], { input: eighteen });
    expect(nl.exitCode).toBe(0);
    expect(nl.stdout).toContain('mentor van de klas (gesprek-leerling)');
    const en = await runCli(['route', '--rules', layer, '-', '--lang', 'en'], { input: eighteen });
    expect(en.stdout).toContain('class tutor (gesprek-leerling)');
    const d = JSON.parse((await runCli(['route', '--json', '--rules', layer, '-'], { input: eighteen })).stdout);
    expect(d.todos).toEqual([{ party: 'mentor', type: 'gesprek-leerling', reason: 'gesprek met de leerling', rules: ['mentor-bij-verzuim'], deadline: null, overdue: false, reachedOn: null }]);
  });
});
