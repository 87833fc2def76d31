// The CSV that `batch --format csv` writes, in the user's language. English is the machine contract
// (core/rows/flatten.ts ENGLISH_CSV: field names, true/false, ISO dates, the export's delimiter);
// Dutch is for Dutch Excel: Dutch headers, ja/nee, `;`, a BOM, dd-mm-jjjj and "zo spoedig mogelijk".
import type { Lang } from '../core/routing/compile.js';
import { ENGLISH_CSV, type CsvDialect } from '../core/rows/flatten.js';
import { BSN_MESSAGE } from '../core/rows/row-situation.js';
import { SENSORY_NEEDS, EDUCATION_TYPES, SUPPORT_NEEDS } from '../core/routing/situation.js';
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
  'kolom met fout',
  'fout',
] as const;

/**
 * The row problems in Dutch, by the English text the row reader gives (core/rows, core/text-values,
 * the situation schema). A problem not listed here is written as it is.
 */
function dutchRowProblems(): Record<string, string> {
  const list = (values: readonly string[]): string => values.join(', ');
  return {
    [BSN_MESSAGE]: 'bevat een BSN of onderwijsnummer; haal het uit de export (zorgroute slaat er nooit een op en toont er nooit een)',
    'is empty; this column is required': 'is leeg; deze kolom is verplicht',
    'has a value but the header row has no column here': 'heeft een waarde, maar de kopregel heeft hier geen kolom',
    'not a date (expected dd-mm-jjjj or jjjj-mm-dd)': 'geen datum (verwacht dd-mm-jjjj of jjjj-mm-dd)',
    'is more than 366 days before the reference date': 'ligt meer dan 366 dagen vóór de peildatum',
    'expected ja/nee (also j/n, true/false, 1/0)': 'verwacht ja/nee (ook j/n, true/false, 1/0)',
    'expected ja/nee/onbekend': 'verwacht ja/nee/onbekend',
    'not a number (a decimal comma is fine: 12,5)': 'geen getal (een decimale komma mag: 12,5)',
    [`expected one of ${list(EDUCATION_TYPES)}`]: `verwacht een van ${list(EDUCATION_TYPES)}`,
    [`expected one of ${list(SENSORY_NEEDS)}`]: `verwacht een van ${list(SENSORY_NEEDS)}`,
    [`expected a list of ${list(SUPPORT_NEEDS)}`]: `verwacht een lijst van ${list(SUPPORT_NEEDS)}`,
    'expected a date YYYY-MM-DD': 'verwacht een datum jjjj-mm-dd',
    'not a date in the calendar': 'geen bestaande datum',
    'expected the school’s student number as a string': 'verwacht het leerlingnummer van de school als tekst',
    'must not be empty': 'mag niet leeg zijn',
    'at most 64 characters': 'hoogstens 64 tekens',
    'looks like a BSN or onderwijsnummer; use the school’s own student number (a BSN is never stored)':
      'lijkt op een BSN of onderwijsnummer; gebruik het eigen leerlingnummer van de school (een BSN wordt nooit opgeslagen)',
    'expected a whole number ≥ 0': 'verwacht een geheel getal ≥ 0',
    'expected a number ≥ 0': 'verwacht een getal ≥ 0',
    'at most 20 school years': 'hoogstens 20 schooljaren',
    'is after the reference date': 'ligt na de peildatum',
    'not allowed': 'niet toegestaan',
  };
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
