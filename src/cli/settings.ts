// The settings file on the command line: found before the program is built (its `lang` chooses the
// words of --help), applied to the command that runs as values of its own options — a flag the user
// typed always wins, the file wins over the built-in defaults — and shown by `zorgroute config`.
import { Option, type Command } from 'commander';
import { SETTING_KEYS, type SettingKey } from '../core/settings.js';
import { findSettingsFile, readSettings, type LoadedSettings } from '../io/read-settings.js';
import type { CliWords } from '../ui/messages/cli.js';
import { dbOption, env, langOption, out } from './common.js';

/** The value of --config (or --config=FILE) in argv, read before commander runs. */
export function configFlagFromArgv(argv: readonly string[]): string | undefined {
  const inline = argv.find((a) => a.startsWith('--config='));
  if (inline !== undefined) return inline.slice('--config='.length);
  const i = argv.indexOf('--config');
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The settings of this run: none when no file is found; a broken file throws (exit 2). */
export function loadSettings(argv: readonly string[]): LoadedSettings {
  return readSettings(findSettingsFile(configFlagFromArgv(argv)));
}

/**
 * Gives the running command the file's values for the options the user did not type. ZORGROUTE_DB
 * is kept above the file (an environment variable is set for one job; the file for all of them).
 */
export function applySettings(program: Command, loaded: LoadedSettings): void {
  program.hook('preAction', (_program, command) => {
    for (const key of SETTING_KEYS) {
      const value = loaded.settings[key];
      if (value === undefined) continue;
      if (!command.options.some((o) => o.attributeName() === key)) continue;
      const source = command.getOptionValueSource(key);
      if (source !== undefined && source !== 'default') continue;
      if (key === 'db' && env.ZORGROUTE_DB) continue;
      command.setOptionValueWithSource(key, value, 'config');
    }
  });
}

/** Every command accepts --config (read before parsing); the program lists it in its help. */
export function addConfigOption(program: Command, w: CliWords): void {
  program.addOption(new Option(`--config <${w.placeholder.file}>`, w.option.config));
}

export interface ConfigFlags extends Partial<Record<SettingKey, string>> {
  json?: boolean;
}

export function addConfigCommand(program: Command, w: CliWords, loadedFor: () => LoadedSettings): void {
  const o = w.option;
  const ph = w.placeholder;
  program
    .command('config')
    .description(w.command.config)
    .option(`--rules <${ph.file}>`, o.rules)
    .option(`--calendar <${ph.file}>`, o['batch.calendar'])
    .addOption(new Option('--region <region>', o['batch.region']).choices(['noord', 'midden', 'zuid']))
    .option(`--codes <${ph.file}>`, o['batch.codes'])
    .option(`--map <${ph.file}>`, o['batch.map'])
    .option(`--reg-map <${ph.file}>`, o['batch.regMap'])
    .addOption(dbOption(w))
    .addOption(langOption(w))
    .option('--json', o['config.json'])
    .action(async (flags: ConfigFlags, command: Command) => {
      const { effectiveSettings } = await import('../commands/config.js');
      const { resolveLang } = await import('../ui/messages/messages.js');
      const loaded = loadedFor();
      const sources = Object.fromEntries(SETTING_KEYS.map((k) => [k, command.getOptionValueSource(k)])) as Record<SettingKey, string | undefined>;
      const result = effectiveSettings({ flags, sources, file: loaded.file, env });
      if (flags.json) {
        out(JSON.stringify(result, null, 2));
        return;
      }
      const lang = resolveLang(flags.lang, env);
      const [{ formatConfig }, { stdoutStyle }] = await Promise.all([import('../ui/print/config.js'), import('./common.js')]);
      out(formatConfig(stdoutStyle(lang), result));
    });
}
