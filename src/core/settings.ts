// The settings file (zorgroute.json, $XDG_CONFIG_HOME/zorgroute/config.json or --config FILE): the
// defaults a nightly job would otherwise repeat as flags. Pure: the text is read by io/, the file's
// folder is passed in so that paths in the file are read relative to the file, not to the folder
// the job happens to run in. Every problem is returned at once, with the key it concerns.
import { textProblem } from './privacy.js';
import type { Problem } from './problems.js';
import { problem } from './problems.js';

/** The keys a settings file may hold, each the name of the flag's value (`regMap` is --reg-map). */
export const SETTING_KEYS = ['rules', 'calendar', 'region', 'codes', 'map', 'regMap', 'db', 'lang'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** The keys whose value is a file (or, for rules and regMap, a shipped name). */
const PATH_KEYS: ReadonlySet<SettingKey> = new Set(['rules', 'calendar', 'codes', 'map', 'regMap', 'db']);
const CHOICES: Partial<Record<SettingKey, readonly string[]>> = { region: ['noord', 'midden', 'zuid'], lang: ['nl', 'en'] };

export type Settings = Partial<Record<SettingKey, string>>;

export interface SettingsIssue {
  /** The key as written in the file ('' for the file as a whole). */
  key: string;
  problem: Problem;
}

/** The flag a key stands for: `regMap` → `--reg-map`. */
export function settingFlag(key: SettingKey): string {
  return `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * A path in the file, taken relative to the file's folder (`join` and `isAbsolute` come from the
 * caller: path.posix or path.win32). A rule set or column map given by a shipped name (no folder,
 * no `.json`: `landelijk`, `magister`) stays a name.
 */
function resolvePath(key: SettingKey, value: string, fileDir: string, join: (a: string, b: string) => string, isAbsolute: (p: string) => boolean): string {
  if ((key === 'rules' || key === 'regMap' || key === 'map') && !/[\\/]/.test(value) && !value.toLowerCase().endsWith('.json')) return value;
  if (key === 'db' && value === ':memory:') return value;
  return isAbsolute(value) ? value : join(fileDir, value);
}

export function parseSettings(
  data: unknown,
  fileDir: string,
  paths: { join: (a: string, b: string) => string; isAbsolute: (p: string) => boolean },
): { settings: Settings; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  const settings: Settings = {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { settings, issues: [{ key: '', problem: problem('expected-type', { expected: 'object' }) }] };
  }
  const known = new Set<string>(SETTING_KEYS);
  for (const [key, value] of Object.entries(data)) {
    if (!known.has(key)) {
      // a key that looks like personal data (a BSN as a key) is counted, never shown
      const safe = textProblem(key) === undefined && key.length <= 64;
      issues.push({ key: safe ? key : '', problem: problem('unknown-setting', safe ? { known: [...SETTING_KEYS] } : { known: [...SETTING_KEYS], hidden: true }) });
      continue;
    }
    const k = key as SettingKey;
    if (typeof value !== 'string') {
      issues.push({ key, problem: problem('expected-type', { expected: 'string' }) });
      continue;
    }
    if (value.trim() === '') {
      issues.push({ key, problem: problem('must-not-be-empty') });
      continue;
    }
    const unsafe = textProblem(value);
    if (unsafe === 'bsn') {
      issues.push({ key, problem: problem('looks-like-bsn') });
      continue;
    }
    if (unsafe !== undefined) {
      issues.push({ key, problem: problem('unsafe-text') });
      continue;
    }
    const choices = CHOICES[k];
    if (choices && !choices.includes(value)) {
      issues.push({ key, problem: problem('expected-one-of', { values: [...choices] }) });
      continue;
    }
    settings[k] = PATH_KEYS.has(k) ? resolvePath(k, value, fileDir, paths.join, paths.isAbsolute) : value;
  }
  return { settings, issues };
}
