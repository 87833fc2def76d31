// The settings file as a nightly job meets it: found in the working folder or the user's config
// folder, paths relative to the file, flags above it, and `zorgroute config` saying where each came from.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'data', 'examples');

function school(): { dir: string; job: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zr-school-'));
  mkdirSync(join(dir, 'instellingen'));
  cpSync(join(EXAMPLES, 'kalender-voorbeeldschool.json'), join(dir, 'instellingen', 'kalender.json'));
  cpSync(join(EXAMPLES, 'codes-voorbeeldschool.csv'), join(dir, 'instellingen', 'codes.csv'));
  const job = join(dir, 'job');
  mkdirSync(job);
  return { dir, job };
}

interface Setting {
  key: string;
  value: string | null;
  source: string;
  file?: string;
  variable?: string;
}
const byKey = (stdout: string): Record<string, Setting> => Object.fromEntries((JSON.parse(stdout) as { settings: Setting[] }).settings.map((s) => [s.key, s]));

describe('the settings file', () => {
  it('a flag wins over the file, the file over the default; config says where each came from', async () => {
    const { dir } = school();
    const file = join(dir, 'instellingen', 'zorgroute.json');
    writeFileSync(file, JSON.stringify({ calendar: 'kalender.json', region: 'zuid', db: 'cases.db' }));
    const r = await runCli(['config', '--config', file, '--region', 'midden', '--json']);
    expect(r.exitCode).toBe(0);
    const s = byKey(r.stdout);
    expect(s.calendar).toMatchObject({ value: join(dir, 'instellingen', 'kalender.json'), source: 'file', file });
    expect(s.region).toMatchObject({ value: 'midden', source: 'flag' });
    expect(s.db).toMatchObject({ value: join(dir, 'instellingen', 'cases.db'), source: 'file' });
    expect(s.map).toMatchObject({ value: null, source: 'default' });
    expect(s.rules?.source).toBe('default');
    // ZORGROUTE_DB is set for one job: it stands above the file
    const env = await runCli(['config', '--config', file, '--json'], { env: { ZORGROUTE_DB: join(dir, 'other.db') } });
    expect(byKey(env.stdout).db).toMatchObject({ value: join(dir, 'other.db'), source: 'env', variable: 'ZORGROUTE_DB' });
  });

  it('zorgroute.json in the working folder, else config.json in $XDG_CONFIG_HOME/zorgroute', async () => {
    const { dir, job } = school();
    const xdg = join(dir, 'xdg');
    mkdirSync(join(xdg, 'zorgroute'), { recursive: true });
    writeFileSync(join(xdg, 'zorgroute', 'config.json'), JSON.stringify({ region: 'noord' }));
    const user = await runCli(['config', '--json'], { cwd: job, env: { XDG_CONFIG_HOME: xdg } });
    expect(JSON.parse(user.stdout).settingsFile).toEqual({ path: join(xdg, 'zorgroute', 'config.json'), origin: 'user' });
    writeFileSync(join(job, 'zorgroute.json'), JSON.stringify({ region: 'zuid' }));
    const local = await runCli(['config', '--json'], { cwd: job, env: { XDG_CONFIG_HOME: xdg } });
    expect(byKey(local.stdout).region).toMatchObject({ value: 'zuid', source: 'file', file: join(job, 'zorgroute.json') });
  });

  it('a nightly run without flags: the calendar and code table come from the file, relative to it, whatever the working folder', async () => {
    const { dir, job } = school();
    writeFileSync(join(job, 'zorgroute.json'), JSON.stringify({ calendar: '../instellingen/kalender.json', codes: '../instellingen/codes.csv' }));
    const args = ['batch', join(EXAMPLES, 'leerlingen.csv'), '--registrations', join(EXAMPLES, 'registraties.csv'), '--format', 'ndjson'];
    const withFile = await runCli(args, { cwd: job });
    const withFlags = await runCli([...args, '--calendar', join(EXAMPLES, 'kalender-voorbeeldschool.json'), '--codes', join(EXAMPLES, 'codes-voorbeeldschool.csv')]);
    expect(withFile.exitCode).toBe(withFlags.exitCode);
    expect(withFile.stdout).toBe(withFlags.stdout);
    expect(withFile.stdout.length).toBeGreaterThan(100);
    const human = await runCli(args.slice(0, -2), { cwd: job });
    expect(human.stdout + human.stderr).toContain(join(dir, 'instellingen', 'kalender.json'));
    // a flag wins: a calendar that does not exist is named, the file's is not used
    const flag = await runCli([...args, '--calendar', 'geen.json'], { cwd: job });
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toContain('geen.json');
  });

  it('an unknown key or a value of the wrong type: exit 2 naming the file and the key, for every command', async () => {
    const { job } = school();
    const file = join(job, 'zorgroute.json');
    writeFileSync(file, JSON.stringify({ kalender: 'x.json', region: 3 }));
    for (const args of [['config'], ['cases', 'list'], ['route', '-']]) {
      const r = await runCli(args, { cwd: job, input: '{}' });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toContain('kalender: onbekende instelling');
      expect(r.stderr).toContain('region: verwacht tekst');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });

  it('a BSN-like value is refused and not repeated', async () => {
    const { job } = school();
    writeFileSync(join(job, 'zorgroute.json'), JSON.stringify({ map: '111222333' }));
    const r = await runCli(['config'], { cwd: job });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('map: lijkt op een BSN');
    expect(r.stderr).not.toContain('111222333');
  });

  it('config in Dutch and in English; the file’s lang chooses the language', async () => {
    const { job } = school();
    writeFileSync(join(job, 'zorgroute.json'), JSON.stringify({ region: 'noord' }));
    const nl = await runCli(['config'], { cwd: job });
    expect(nl.exitCode).toBe(0);
    expect(nl.stdout).toContain(`Instellingenbestand: ${join(job, 'zorgroute.json')} (in deze map)`);
    expect(nl.stdout).toMatch(/--region\s+noord\s+\[instellingenbestand\]/);
    expect(nl.stdout).toMatch(/--map\s+\(geen\)\s+\[standaard\]/);
    expect(nl.stdout).toContain('Voorrang: een optie');
    const en = await runCli(['config'], { cwd: job, env: { LANG: 'en_US.UTF-8' } });
    expect(en.stdout).toContain('Settings file:');
    expect(en.stdout).toMatch(/--region\s+noord\s+\[settings file\]/);
    expect(en.stdout).toMatch(/--lang\s+en\s+\[environment variable LANG\]/);
    writeFileSync(join(job, 'zorgroute.json'), JSON.stringify({ lang: 'en' }));
    const fromFile = await runCli(['config'], { cwd: job });
    expect(fromFile.stdout).toMatch(/--lang\s+en\s+\[settings file\]/);
    expect(fromFile.stdout).toContain('Precedence:');
    const flag = await runCli(['config', '--lang', 'nl'], { cwd: job });
    expect(flag.stdout).toMatch(/--lang\s+nl\s+\[optie\]/);
  });
});
