// The words of the privacy guard's refusals (core/privacy-error.ts) and warnings, in Dutch and
// English. They name fields, flags, lines and columns — never the value that was refused.
import type { Lang } from '../../core/routing/compile.js';
import type { Refusal } from '../../core/privacy-error.js';
import type { TextProblem } from '../../core/privacy.js';

export interface PrivacyMessages {
  /** A warning: header cells that look like data were ignored. */
  dataLikeHeaders: (columns: readonly number[]) => string;
  /** A refusal as an error message and a hint. */
  refusal: (r: Refusal) => { message: string; hint?: string };
}

function list(items: readonly number[], and: string): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

const nlText: Record<TextProblem, string> = {
  bsn: 'lijkt een BSN of onderwijsnummer; niet opgeslagen en niet getoond',
  'control-char': 'bevat een stuurteken (zoals NUL of een escapecode); niet opgeslagen',
  'lone-surrogate': 'bevat een kapot teken (een halve UTF-16-code); niet opgeslagen',
};

const enText: Record<TextProblem, string> = {
  bsn: 'looks like a BSN or onderwijsnummer; not stored and not shown',
  'control-char': 'contains a control character (such as NUL or an escape code); not stored',
  'lone-surrogate': 'contains a broken character (half of a UTF-16 pair); not stored',
};

/** The arguments as the Dutch help names them (`cases note <casus> <tekst...>`). */
const NL_WHERE: Readonly<Record<string, string>> = { TEXT: 'tekst', ACTION: 'actie' };

const nl: PrivacyMessages = {
  dataLikeHeaders: (cols) =>
    `${cols.length === 1 ? 'kolom' : 'kolommen'} ${list(cols, 'en')} ${cols.length === 1 ? 'lijkt gegevens, geen kolomnaam' : 'lijken gegevens, geen kolomnamen'}: genegeerd en niet getoond`,
  refusal: (r) => {
    switch (r.kind) {
      case 'text':
        return { message: `${NL_WHERE[r.where] ?? r.where}: ${nlText[r.problem]}`, hint: r.problem === 'bsn' ? 'zorgroute gebruikt alleen het eigen leerlingnummer van de school' : 'typ het als gewone tekst' };
      case 'case-id-too-long':
        return { message: 'een casusnummer heeft hoogstens 8 cijfers; dit getal wordt niet getoond (het kan een BSN of leerlingnummer zijn)', hint: 'zorgroute cases list --student NUMMER toont de casussen van een leerling' };
      case 'header-is-data':
        return {
          message: `${r.label}: ${r.columns.length === 1 ? 'kolom' : 'kolommen'} ${list(r.columns, 'en')} van regel ${r.line} ${r.columns.length === 1 ? 'lijkt' : 'lijken'} gegevens, geen kolomnamen — ontbreekt de kopregel?`,
          hint: 'de eerste regel moet de kolommen noemen (leerlingnummer;geboortedatum;…), zoals in data/examples/verzuimexport.csv',
        };
    }
  },
};

const en: PrivacyMessages = {
  dataLikeHeaders: (cols) => `${cols.length === 1 ? 'column' : 'columns'} ${list(cols, 'and')} ${cols.length === 1 ? 'looks like data, not a column name' : 'look like data, not column names'}: ignored and not shown`,
  refusal: (r) => {
    switch (r.kind) {
      case 'text':
        return { message: `${r.where}: ${enText[r.problem]}`, hint: r.problem === 'bsn' ? 'zorgroute only uses the school’s own student number' : 'type it as plain text' };
      case 'case-id-too-long':
        return { message: 'a case id has at most 8 digits; this number is not shown (it may be a BSN or a student number)', hint: 'zorgroute cases list --student NUMBER lists a student’s cases' };
      case 'header-is-data':
        return {
          message: `${r.label}: ${r.columns.length === 1 ? 'column' : 'columns'} ${list(r.columns, 'and')} of line ${r.line} ${r.columns.length === 1 ? 'looks' : 'look'} like data, not column names — is the header line missing?`,
          hint: 'the first line must name the columns (leerlingnummer;geboortedatum;…), as in data/examples/verzuimexport.csv',
        };
    }
  },
};

export function privacyMessagesFor(lang: Lang): PrivacyMessages {
  return lang === 'en' ? en : nl;
}
