// The catalogue (see messages/errors/catalogue.ts): the settings file.
import type { SettingsProblems } from '../../../core/problems.js';
import type { Bilingual } from './types.js';

export const settingsTexts: Bilingual<SettingsProblems> = {
  nl: {
    'settings-cannot-read': (p, w) => `kan het instellingenbestand ${p.file} niet lezen: ${w.errno(p.errno)}`,
    'settings-invalid': (p) => `het instellingenbestand ${p.file} is niet geldig (${p.count === 1 ? '1 probleem' : `${p.count} problemen`})`,
    'settings-empty': (p) => `het instellingenbestand ${p.file} is leeg: verwacht een JSON-object`,
    'unknown-setting': (p, w) => `${p.hidden ? 'een onbekende instelling die op gegevens lijkt (niet getoond)' : 'onbekende instelling'}; bekend zijn ${w.list(p.known)}`,
    'hint-settings': () => 'de instellingen en hun betekenis staan in docs/handleiding/instellingen.md; --config BESTAND kiest een ander bestand',
  },
  en: {
    'settings-cannot-read': (p, w) => `cannot read the settings file ${p.file}: ${w.errno(p.errno)}`,
    'settings-invalid': (p) => `the settings file ${p.file} is not valid (${p.count === 1 ? '1 problem' : `${p.count} problems`})`,
    'settings-empty': (p) => `the settings file ${p.file} is empty: expected a JSON object`,
    'unknown-setting': (p, w) => `${p.hidden ? 'an unknown setting that looks like data (not shown)' : 'unknown setting'}; the known ones are ${w.list(p.known)}`,
    'hint-settings': () => 'the settings and what they mean: docs/handleiding/instellingen.md; --config FILE chooses another file',
  },
};
