// The words of `zorgroute config`, in Dutch and English.
import type { Lang } from '../../core/routing/compile.js';
import type { SettingSource } from '../../commands/config.js';
import type { SettingsFile } from '../../io/read-settings.js';

export interface SettingsMessages {
  fileLine: (file: SettingsFile | null) => string;
  none: string;
  source: (source: SettingSource, detail: { file?: string; variable?: string }) => string;
  precedence: string;
}

const NL: SettingsMessages = {
  fileLine: (file) =>
    file === null
      ? 'Instellingenbestand: geen (zorgroute.json in deze map of config.json in de configuratiemap van de gebruiker; of --config BESTAND)'
      : `Instellingenbestand: ${file.path} (${file.origin === 'flag' ? 'gegeven met --config' : file.origin === 'cwd' ? 'in deze map' : 'in de configuratiemap van de gebruiker'})`,
  none: '(geen)',
  source: (source, d) =>
    source === 'flag' ? 'optie' : source === 'file' ? `instellingenbestand` : source === 'env' ? `omgevingsvariabele ${d.variable ?? ''}`.trim() : 'standaard',
  precedence: 'Voorrang: een optie, dan ZORGROUTE_DB (voor --db), dan het instellingenbestand, dan de standaard. Paden in het bestand gelden vanaf de map van het bestand.',
};

const EN: SettingsMessages = {
  fileLine: (file) =>
    file === null
      ? "Settings file: none (zorgroute.json in this folder or config.json in the user's config folder; or --config FILE)"
      : `Settings file: ${file.path} (${file.origin === 'flag' ? 'given with --config' : file.origin === 'cwd' ? 'in this folder' : "in the user's config folder"})`,
  none: '(none)',
  source: (source, d) => (source === 'flag' ? 'flag' : source === 'file' ? 'settings file' : source === 'env' ? `environment variable ${d.variable ?? ''}`.trim() : 'default'),
  precedence: 'Precedence: a flag, then ZORGROUTE_DB (for --db), then the settings file, then the default. Paths in the file count from the file’s folder.',
};

export function settingsMessagesFor(lang: Lang): SettingsMessages {
  return lang === 'en' ? EN : NL;
}
