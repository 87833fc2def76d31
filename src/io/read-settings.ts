// Finding and reading the settings file. Found as `zorgroute.json` in the working folder, else
// `config.json` in the user's config folder ($XDG_CONFIG_HOME/zorgroute, ~/.config/zorgroute;
// %APPDATA%\zorgroute on Windows); `--config FILE` names one and then only that one is read.
// Two fixed places and one JSON format: a config-finding library (cosmiconfig, lilconfig) would add
// directory walking and formats (YAML, .js) that a school's settings must not have.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { UserError, issueDetails } from '../core/errors.js';
import { problem } from '../core/problems.js';
import { parseSettings, type Settings } from '../core/settings.js';
import { parseJsonText } from './json-text.js';

export const SETTINGS_FILE_NAME = 'zorgroute.json';

export interface SettingsFile {
  path: string;
  /** How it was found: named by --config, in the working folder, or in the user's config folder. */
  origin: 'flag' | 'cwd' | 'user';
}

export interface LoadedSettings {
  file: SettingsFile | undefined;
  settings: Settings;
}

function isFile(p: string, stat: (p: string) => { isFile(): boolean } | undefined): boolean {
  return stat(p)?.isFile() ?? false;
}

/** Which settings file applies, or undefined when there is none (a missing --config file is still named). */
export function findSettingsFile(
  flag: string | undefined,
  options: { cwd?: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; home?: string; stat?: (p: string) => { isFile(): boolean } | undefined } = {},
): SettingsFile | undefined {
  const { cwd = process.cwd(), env = process.env, platform = process.platform, home = homedir() } = options;
  const stat = options.stat ?? defaultStat;
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (flag !== undefined && flag !== '') return { path: p.resolve(cwd, flag), origin: 'flag' };
  const local = p.join(cwd, SETTINGS_FILE_NAME);
  if (isFile(local, stat)) return { path: local, origin: 'cwd' };
  const xdg = env.XDG_CONFIG_HOME;
  let base: string;
  if (xdg && p.isAbsolute(xdg)) base = xdg;
  else if (platform === 'win32') base = env.APPDATA || p.join(home, 'AppData', 'Roaming');
  else base = p.join(home, '.config');
  const user = p.join(base, 'zorgroute', 'config.json');
  return isFile(user, stat) ? { path: user, origin: 'user' } : undefined;
}

function defaultStat(p: string): { isFile(): boolean } | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false }) ?? undefined;
  } catch {
    return undefined; // a folder we may not look into: no settings there
  }
}

/** Reads and checks the settings file: every problem at once, exit 2 naming the file and each key. */
export function readSettings(file: SettingsFile | undefined): LoadedSettings {
  if (file === undefined) return { file, settings: {} };
  let text: string;
  try {
    text = readFileSync(file.path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UserError(problem('settings-cannot-read', { file: file.path, errno: (error as NodeJS.ErrnoException).code }), { hint: problem('hint-settings') });
  }
  if (text.trim() === '') throw new UserError(problem('settings-empty', { file: file.path }));
  const data = parseJsonText(text, file.path);
  const { settings, issues } = parseSettings(data, path.dirname(file.path), path);
  if (issues.length > 0) {
    throw new UserError(problem('settings-invalid', { file: file.path, count: issues.length }), {
      details: issueDetails(issues.map((i) => ({ path: i.key, problem: i.problem }))),
      hint: problem('hint-settings'),
    });
  }
  return { file, settings };
}
