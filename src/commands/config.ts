// `zorgroute config`: the settings in effect and where each came from — a flag, the settings file
// (which one), an environment variable, or the built-in default.
import { SETTING_KEYS, settingFlag, type SettingKey } from '../core/settings.js';
import { resolveDbLocation } from '../io/db/db-path.js';
import { join } from 'node:path';
import { defaultRulesetPath, readRuleChain } from '../io/rules/read-ruleset.js';
import { SHIPPED_CALENDAR } from '../io/calendar/shipped-calendar.js';
import { packageRoot } from '../io/package-root.js';
import type { SettingsFile } from '../io/read-settings.js';
import { defaultCodesPath } from './batch/registrations/inputs.js';

export type SettingSource = 'flag' | 'file' | 'env' | 'default';

export interface EffectiveSetting {
  key: SettingKey;
  flag: string;
  /** null: no value (the command then does without, or asks for the flag). */
  value: string | null;
  source: SettingSource;
  /** The settings file, when the value came from it. */
  file?: string;
  /** The environment variable, when the value came from one. */
  variable?: string;
}

export interface ConfigResult {
  settingsFile: SettingsFile | null;
  settings: EffectiveSetting[];
}

/** The region of the rule chain in effect (its `region`), or null when it has none or cannot be read. */
function chainRegion(rules: string | undefined): string | null {
  try {
    return readRuleChain(rules, { routable: false }).ruleset.region ?? null;
  } catch {
    return null; // a broken rule set is reported by the command that uses it
  }
}

/** What a key is when neither a flag nor the file gives it. */
function fallback(key: SettingKey, env: NodeJS.ProcessEnv, rules: string | undefined): Pick<EffectiveSetting, 'value' | 'source' | 'variable'> {
  switch (key) {
    case 'region':
      return { value: chainRegion(rules), source: 'default' };
    case 'calendar':
      // without --calendar, batch --registrations counts over the shipped holidays of the region
      return { value: join(packageRoot(), SHIPPED_CALENDAR), source: 'default' };
    case 'rules':
      return { value: defaultRulesetPath(), source: 'default' };
    case 'codes':
      return { value: defaultCodesPath(), source: 'default' };
    case 'db': {
      const db = resolveDbLocation(undefined, env);
      return db.origin === 'env' ? { value: db.path, source: 'env', variable: 'ZORGROUTE_DB' } : { value: db.path, source: 'default' };
    }
    case 'lang': {
      const variable = (['LC_ALL', 'LC_MESSAGES', 'LANG'] as const).find((v) => env[v]);
      if (variable === undefined) return { value: 'nl', source: 'default' };
      return { value: /^en([_.-]|$)/i.test(env[variable] ?? '') ? 'en' : 'nl', source: 'env', variable };
    }
    default:
      return { value: null, source: 'default' };
  }
}

export function effectiveSettings(options: {
  flags: Partial<Record<SettingKey, string>>;
  /** commander's source of each option's value: 'cli' (typed), 'config' (the settings file), undefined. */
  sources: Record<SettingKey, string | undefined>;
  file: SettingsFile | undefined;
  env: NodeJS.ProcessEnv;
}): ConfigResult {
  const { flags, sources, file, env } = options;
  const settings = SETTING_KEYS.map((key): EffectiveSetting => {
    const flag = settingFlag(key);
    const value = flags[key];
    if (value !== undefined && sources[key] === 'cli') return { key, flag, value: key === 'db' ? resolveDbLocation(value, env).path : value, source: 'flag' };
    // ZORGROUTE_DB stands above the file (cli/settings.ts): the file's db is then not applied
    if (value !== undefined && sources[key] === 'config' && file) return { key, flag, value, source: 'file', file: file.path };
    return { key, flag, ...fallback(key, env, flags.rules) };
  });
  return { settingsFile: file ?? null, settings };
}
