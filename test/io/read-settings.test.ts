import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSettingsFile, readSettings } from '../../src/io/read-settings.js';
import { UserError } from '../../src/core/errors.js';

function folders() {
  const root = mkdtempSync(join(tmpdir(), 'zr-settings-'));
  const cwd = join(root, 'job');
  const xdg = join(root, 'xdg');
  mkdirSync(cwd);
  mkdirSync(join(xdg, 'zorgroute'), { recursive: true });
  return { root, cwd, xdg };
}

describe('finding the settings file', () => {
  it('--config first, then zorgroute.json in the working folder, then the user config folder', () => {
    const { cwd, xdg } = folders();
    const env = { XDG_CONFIG_HOME: xdg };
    expect(findSettingsFile(undefined, { cwd, env })).toBeUndefined();
    writeFileSync(join(xdg, 'zorgroute', 'config.json'), '{}');
    expect(findSettingsFile(undefined, { cwd, env })).toEqual({ path: join(xdg, 'zorgroute', 'config.json'), origin: 'user' });
    writeFileSync(join(cwd, 'zorgroute.json'), '{}');
    expect(findSettingsFile(undefined, { cwd, env })).toEqual({ path: join(cwd, 'zorgroute.json'), origin: 'cwd' });
    expect(findSettingsFile('elders.json', { cwd, env })).toEqual({ path: join(cwd, 'elders.json'), origin: 'flag' });
  });

  it('without XDG_CONFIG_HOME (or a relative one) the user folder is ~/.config', () => {
    const { root, cwd } = folders();
    mkdirSync(join(root, '.config', 'zorgroute'), { recursive: true });
    writeFileSync(join(root, '.config', 'zorgroute', 'config.json'), '{}');
    expect(findSettingsFile(undefined, { cwd, env: {}, home: root, platform: 'linux' })?.path).toBe(join(root, '.config', 'zorgroute', 'config.json'));
    expect(findSettingsFile(undefined, { cwd, env: { XDG_CONFIG_HOME: 'relative' }, home: root, platform: 'linux' })?.origin).toBe('user');
  });

  it('reads paths relative to the file; a broken file is a UserError naming it', () => {
    const { cwd } = folders();
    const file = join(cwd, 'zorgroute.json');
    writeFileSync(file, '\uFEFF{ "calendar": "kalender.json" }');
    expect(readSettings({ path: file, origin: 'cwd' }).settings).toEqual({ calendar: join(cwd, 'kalender.json') });
    writeFileSync(file, '{ "kalender": "x" }');
    expect(() => readSettings({ path: file, origin: 'cwd' })).toThrow(UserError);
    writeFileSync(file, '  ');
    expect(() => readSettings({ path: file, origin: 'cwd' })).toThrow(/settings-empty/);
    expect(() => readSettings({ path: join(cwd, 'nope.json'), origin: 'flag' })).toThrow(/settings-cannot-read/);
  });
});
