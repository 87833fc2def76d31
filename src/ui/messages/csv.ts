// The CSV that `batch --format csv` writes, in the user's language. English is the machine contract
// (core/rows/flatten.ts ENGLISH_CSV: field names, true/false, ISO dates, the export's delimiter);
// Dutch is for Dutch Excel: Dutch headers, ja/nee, `;`, a BOM, dd-mm-jjjj, a decimal comma and "zo
// spoedig mogelijk". Both the decisions' CSV and the registrations CSV (`batch --registrations`).
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

/** The Dutch headers of the registrations CSV, column for column with ABSENCE_CSV_COLUMNS. */
const NL_ABSENCE_COLUMNS = [
  'regel',
  'leerlingnummer',
  'peildatum',
  'leeftijd',
  'leerplicht',
  'actie nodig',
  'escalaties',
  'eerste termijn',
  'te laat',
  'perioden',
  'uren ongeoorloofd (4 lesweken)',
  'weken ongeoorloofd',
  'ziekmeldingen (12 lesweken)',
  'ziektedagen op rij',
  'luxeverzuim',
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
    decimal: ',',
    problems: dutchRowProblems(),
    // `leerplicht:verzuimmelding-16-uur:09-03-2026:te-laat`, `16-uur 02-02-2026..02-03-2026 (16 u, 4 d, herhaalmelding 1)`,
    // `mentor:gesprek-leerling:03-06-2026:te-laat:bereikt-03-06-2026 [te-laat-3]`
    absence: { columns: NL_ABSENCE_COLUMNS, overdue: 'te-laat', reached: 'bereikt', repeat: 'herhaalmelding', hours: 'u', days: 'd' },
  };
  return dutch;
}
