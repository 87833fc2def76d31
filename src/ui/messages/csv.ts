// The CSV that `batch --format csv` writes, in the user's language. English is the machine contract
// (core/rows/flatten.ts ENGLISH_CSV: field names, true/false, ISO dates, the export's delimiter);
// Dutch is for Dutch Excel: Dutch headers, ja/nee, `;`, a BOM, dd-mm-jjjj and "zo spoedig mogelijk".
import type { Lang } from '../../core/routing/compile.js';
import { ENGLISH_CSV, type CsvDialect } from '../../core/rows/flatten.js';
import { SENSORY_NEEDS, EDUCATION_TYPES, SUPPORT_NEEDS } from '../../core/routing/situation.js';
import { messagesFor } from './messages.js';

/** The Dutch headers, column for column with CSV_COLUMNS. */
const NL_COLUMNS = [
  'regel',
  'leerlingnummer',
  'peildatum',
  'leeftijd',
  'leerplicht',
  'leerplichtig',
  'RMC-doelgroep',
  'thuiszitter',
  'ouders',
  'informeren',
  'escalaties',
  'eerste termijn',
  'te laat',
  'regels',
  'actie nodig',
  'te doen',
  'kolom met fout',
  'fout',
] as const;

/**
 * Row problems are worded in the run's language by the catalogue (ui/messages/errors/*.ts) before
 * they reach a record, so the dialect has no texts of its own to swap in.
 */
function dutchRowProblems(): Record<string, string> {
  return {};
}

let dutch: CsvDialect | undefined;

export function csvDialectFor(lang: Lang): CsvDialect {
  if (lang === 'en') return ENGLISH_CSV;
  const m = messagesFor('nl');
  dutch ??= {
    columns: NL_COLUMNS,
    delimiter: ';',
    bom: true,
    yes: 'ja',
    no: 'nee',
    involve: m.involve,
    asap: m.noDeadline,
    dates: 'dmy',
    problems: dutchRowProblems(),
  };
  return dutch;
}
