// The words of `batch --registrations` in Dutch and English: what stops a run, the registration
// rows in error, the warnings, the summary and the melding ready to copy.
import type { PeriodKind } from '../../core/absence/period.js';
import type { RegistrationRowProblem, RunProblem } from '../../core/absence/problems.js';
import type { CodeTableProblem } from '../../core/absence/codes.js';
import type { RegMapIssue } from '../../core/absence/export-shapes/reg-map.js';
import { REGISTRATION_FIELDS } from '../../core/absence/export-shapes/registration-fields.js';
import type { Lang } from '../../core/routing/compile.js';
import { detailText } from './errors/catalogue.js';
import { calendarMessagesFor } from './calendar.js';
import { shownLabel, shownValues } from '../../core/privacy.js';

export interface Worded {
  message: string;
  details: string[];
  hint?: string;
}

export interface AbsenceMessages {
  problem(p: RunProblem): Worded;
  row(r: RegistrationRowProblem): string;
  afterPeildatum(count: number): string;
  /** The rules count lateness, the code table has no te-laat code. */
  latenessNotCounted(codes: string, rules: readonly string[]): string;
  unknownColumns(file: string, columns: string): string;
  moreRows(n: number): string;
  period: Record<PeriodKind, string>;
  summary: {
    title: (students: string, registrations: string) => string;
    calendar: string;
    codes: string;
    students: string;
    invalid: string;
    registrations: string;
    counted: string;
    registrationsInvalid: string;
    needsAction: string;
    escalated: string;
    overdue: string;
    periods: string;
    periodCount: string;
    target: string;
    count: string;
    earliest: string;
    late: string;
    refs: string;
    /** The heading of the to-dos (referrals such as MAZL) and who has them. */
    todos: string;
    meldingen: (shown: number, total: number) => string;
    /** The steps of a school's protocol: who does what, late ones first. */
    steps: (shown: number, total: number) => string;
    mentor: (name: string) => string;
    noMentor: string;
    reached: (date: string) => string;
    stepLate: string;
    withheld: (rules: string) => string;
    noEscalation: string;
    oneLine: (students: number, registrations: number, invalid: number, escalated: number, overdue: number) => string;
  };
  melding: {
    head: string;
    soort: string;
    /** The row of a herhaalmelding (continuous absence) and its value. */
    herhaalmelding: string;
    repeat: (n: number) => string;
    begindatum: string;
    einddatum: string;
    verzuimuren: string;
    verzuimdagen: string;
    alleLessenGemist: string;
    reden: string;
    maatregelen: string;
    toFill: string;
    yes: string;
    no: string;
    overdue: string;
  };
  /** A to-do from a period (MAZL) in `cases show`: the period and what the school must do. */
  periodTodo: { period: string; from: string; through: string; sickDays: string; todo: string };
}

/** A column by its header (`kolom "code"`), or by its place when it has none that may be shown (`#10`: `kolom 10`). */
const columnNamed = (column: string, word: string): string => (/^#\d+$/.test(column) ? `${word} ${column.slice(1)}` : `${word} "${column}"`);

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function codeProblemNl(p: CodeTableProblem): string {
  switch (p.kind) {
    case 'code-missing-column':
      return `kolom "${p.column}" ontbreekt (regel ${p.line}); verwacht: code;soort;geoorloofd`;
    case 'code-empty':
      return `regel ${p.line}: code is leeg`;
    case 'code-bad-kind':
      return `regel ${p.line}: soort "${p.value}" onbekend (absent, te-laat, ziek, verwijderd, verlof, luxe, overig)`;
    case 'code-bad-excused':
      return `regel ${p.line}: geoorloofd moet ja of nee zijn`;
    case 'code-duplicate':
      return `regel ${p.line}: code ${p.code} staat ook op regel ${p.firstLine}`;
  }
}

function codeProblemEn(p: CodeTableProblem): string {
  switch (p.kind) {
    case 'code-missing-column':
      return `column "${p.column}" is missing (line ${p.line}); expected: code;soort;geoorloofd`;
    case 'code-empty':
      return `line ${p.line}: the code is empty`;
    case 'code-bad-kind':
      return `line ${p.line}: soort "${p.value}" is unknown (absent, te-laat, ziek, verwijderd, verlof, luxe, overig)`;
    case 'code-bad-excused':
      return `line ${p.line}: geoorloofd must be ja or nee`;
    case 'code-duplicate':
      return `line ${p.line}: code ${p.code} is also on line ${p.firstLine}`;
  }
}

function regMapNl(issue: RegMapIssue): string {
  switch (issue.kind) {
    case 'reg-map-not-object':
      return 'een --reg-map is een JSON-object: { "kop in de export": "veld" }';
    case 'reg-map-target':
      return `"${issue.header}" verwijst niet naar een registratieveld`;
    case 'reg-map-position':
      return `columns: positie ${issue.position} verwijst niet naar een registratieveld`;
    case 'reg-map-columns':
      return 'columns moet een object zijn (koppen → velden), of bij "header": false een lijst van velden per positie';
  }
}

function regMapEn(issue: RegMapIssue): string {
  switch (issue.kind) {
    case 'reg-map-not-object':
      return 'a --reg-map is a JSON object: { "header in the export": "field" }';
    case 'reg-map-target':
      return `"${issue.header}" does not map to a registration field`;
    case 'reg-map-position':
      return `columns: position ${issue.position} does not map to a registration field`;
    case 'reg-map-columns':
      return 'columns must be an object (headers → fields), or with "header": false a list of fields by position';
  }
}

const ROW_NL: Record<RegistrationRowProblem['problem'], string> = {
  'empty-required': 'is leeg; deze kolom is verplicht',
  'bad-date': 'is geen datum (dd-mm-jjjj, jjjj-mm-dd of jjjjmmdd)',
  'bad-lesuur': 'is geen lesuur (een heel getal 1–16, of leeg voor de hele dag)',
  'bad-time': 'is geen tijd (uu:mm)',
  'bad-moment': 'is geen datum met tijd (jjjj-mm-ddTuu:mm, dd-mm-jjjj uu:mm, eventueel met +02:00 of Z)',
  'bad-minutes': 'is geen aantal minuten (meer dan 0, hoogstens 1440)',
  'bad-excused': 'moet ja of nee zijn (of leeg: de codetabel beslist)',
  'end-before-start': 'ligt vóór het begin van de registratie',
  bsn: 'bevat een BSN of onderwijsnummer; haal het uit de export (zorgroute bewaart of toont er nooit een)',
  'beyond-header': 'heeft een waarde, maar de kopregel heeft hier geen kolom',
  'bad-student-ref': 'is geen bruikbaar leerlingnummer',
  'unknown-student': 'staat niet in het leerlingenbestand',
  'not-school-day': 'is geen schooldag (weekend, vakantie of feestdag)',
  'outside-lestijden': 'valt buiten alle lestijden van de kalender (lestijden)',
};

const ROW_EN: Record<RegistrationRowProblem['problem'], string> = {
  'empty-required': 'is empty; this column is required',
  'bad-date': 'is not a date (dd-mm-jjjj, jjjj-mm-dd or jjjjmmdd)',
  'bad-lesuur': 'is not a lesson number (a whole number 1–16, or empty for the whole day)',
  'bad-time': 'is not a time (hh:mm)',
  'bad-moment': 'is not a date with a time (yyyy-mm-ddThh:mm, dd-mm-yyyy hh:mm, optionally with +02:00 or Z)',
  'bad-minutes': 'is not a number of minutes (more than 0, at most 1440)',
  'bad-excused': 'must be ja or nee (or empty: the code table decides)',
  'end-before-start': 'is before the start of the registration',
  bsn: 'contains a BSN or onderwijsnummer; remove it from the export (zorgroute never stores or shows one)',
  'beyond-header': 'has a value but the header row has no column here',
  'bad-student-ref': 'is not a usable student number',
  'unknown-student': 'is not in the students file',
  'not-school-day': 'is not a school day (weekend, holiday or public holiday)',
  'outside-lestijden': "is outside every lesson time of the calendar (lestijden)",
};

const nl: AbsenceMessages = {
  problem(p) {
    switch (p.kind) {
      case 'calendar-missing':
        return { ...calendarMessagesFor('nl').regionMissing, details: [] };
      case 'file-unreadable':
        return { message: `kan ${p.file} (${p.flag}) niet lezen: ${p.reason}`, details: [], hint: `geef bij ${p.flag} een bestaand bestand` };
      case 'calendar-invalid':
        return { message: `de kalender ${p.file} is niet geldig`, details: p.issues.map((i) => detailText({ lang: 'nl', cmd: 'zorgroute' }, { path: i.path, problem: i.problem })), hint: 'een kalender is { "name", "from", "to", "holidays": [ { "name", "from", "to" } ] } met datums als jjjj-mm-dd' };
      case 'calendar-problems':
        return { message: `de kalender ${p.file} is niet geldig`, details: p.problems.map((x) => calendarMessagesFor('nl').calendarProblem(x)) };
      case 'calendar-region-needed':
        return { message: `${p.file} is de open data "schoolvakanties": zeg welke regio`, details: [], hint: 'geef --region noord, midden of zuid (Groningen is noord)' };
      case 'calendar-open-data':
        return calendarMessagesFor('nl').openData(p.file, p.problem);
      case 'school-year-not-shipped':
        return calendarMessagesFor('nl').notShipped(p);
      case 'date-outside-calendar':
        return {
          message: `${p.file} regel ${p.line}: ${p.where === 'peildatum' ? 'peildatum' : 'registratie op'} ${p.date} valt buiten de kalender "${p.calendar}" (${p.from} t/m ${p.to})`,
          details: [],
          hint: 'geef met --calendar BESTAND een kalender die deze datum dekt (zorgroute raadt geen schooldagen)',
        };
      case 'codes-invalid':
        return { message: `de codetabel ${p.file} is niet geldig`, details: p.problems.map(codeProblemNl), hint: 'een codetabel is CSV code;soort;geoorloofd (zie data/codes/standaard-codes.csv)' };
      case 'unknown-codes':
        return {
          message: `${p.file}: ${plural(p.codes.length, 'code staat', 'codes staan')} niet in de codetabel ${p.table}`,
          details: p.codes.map((c) => `${c.code}: ${plural(c.count, 'registratie', 'registraties')}`),
          hint: 'zet elke code met soort en geoorloofd in de codetabel van de school en geef die met --codes BESTAND',
        };
      case 'absence-columns':
        return { message: `${p.file} heeft al verzuimkolommen: ${p.columns.map((c) => `"${c}"`).join(', ')}`, details: [], hint: 'met --registrations telt zorgroute het verzuim zelf: exporteer de leerlingen zonder deze kolommen, of laat --registrations weg' };
      case 'registrations-header':
        return {
          message: `${p.file}: de kopregel past niet`,
          details: [
            ...p.problems.map((x) =>
              x.kind === 'reg-missing-column'
                ? `kolom "${x.column}" ontbreekt; die is verplicht${x.guess !== undefined ? ` (waarschijnlijk is dat "${x.guess}")` : ''}`
                : `kolommen "${x.headers[0]}" en "${x.headers[1]}" geven allebei ${x.column}`,
            ),
            `gevonden: ${p.headers.map((h) => `"${h}"`).join(', ')}`,
          ],
          hint: p.skeleton
            ? 'op stdout staat een --reg-map met deze gissingen: sla hem op (… > reg-map.json), controleer elke regel en geef --reg-map reg-map.json; of kies een meegeleverde: --reg-map magister, somtoday of eduarte'
            : 'noem de kolommen leerlingnummer, datum, lesuur, code (zie data/examples/registraties.csv) of vertaal ze met --reg-map BESTAND',
        };
      case 'registrations-empty':
        return { message: `${p.file} is leeg: verwacht een kopregel en registraties`, details: [] };
      case 'registrations-stdin-twice':
        return { message: 'het leerlingenbestand en de registraties kunnen niet allebei van stdin komen', details: [], hint: 'geef ten minste één van beide als bestand' };
      case 'registrations-needed':
        return { message: `${p.flag} hoort bij --registrations`, details: [], hint: 'geef --registrations REGISTRATIES.csv, of laat de optie weg' };
      case 'since-invalid':
        return { message: '--since is geen datum', details: [], hint: 'geef hem als dd-mm-jjjj of jjjj-mm-dd' };
      case 'reg-map-invalid':
        return { message: `${p.file}: ${regMapNl(p.issue)}`, details: [], hint: `doelen: ${REGISTRATION_FIELDS.join(', ')}, of null; zie de meegeleverde data/maps/*-registraties.json` };
    }
  },
  row: (r) => `${r.file} regel ${r.line}, ${columnNamed(r.column, 'kolom')}: ${ROW_NL[r.problem]}`,
  afterPeildatum: (n) => `${plural(n, 'registratie ligt', 'registraties liggen')} na de peildatum en ${n === 1 ? 'telt' : 'tellen'} niet mee`,
  latenessNotCounted: (codes, rules) =>
    `te laat komen is niet geteld: de codetabel ${codes} heeft geen code met soort te-laat, maar ${rules.length > 0 ? `de stappen ${rules.join(', ')} tellen` : 'de regels tellen'} het (de tellingen te laat staan leeg, niet op 0)`,
  unknownColumns: (file, columns) => `${file}: kolommen zonder betekenis worden genegeerd: ${columns}`,
  moreRows: (n) => `nog ${plural(n, 'ongeldige registratie', 'ongeldige registraties')} niet apart genoemd`,
  period: { '16-uur': '16 uur ongeoorloofd verzuim', langdurig: 'langdurig relatief verzuim', 'rmc-4-weken': 'verzuim 18+ (4 weken, RMC)', luxe: 'luxeverzuim', 'mazl-4-meldingen': '4e ziekmelding in 12 schoolweken', 'mazl-7-dagen': '7e schooldag ziek op rij' },
  summary: {
    title: (s, r) => `Registraties ${r} — leerlingen ${s}`,
    calendar: 'kalender',
    codes: 'codetabel',
    students: 'leerlingen',
    invalid: 'ongeldige leerlingrijen',
    registrations: 'registraties gelezen',
    counted: 'meegeteld',
    registrationsInvalid: 'ongeldige registraties',
    needsAction: 'actie nodig',
    escalated: 'met escalatie',
    overdue: 'meldingen te laat',
    periods: 'Periodes',
    periodCount: 'Aantal',
    target: 'Escaleren naar',
    count: 'Leerlingen',
    earliest: 'Eerste termijn',
    late: 'Te laat',
    refs: 'Leerlingnummers (regel)',
    todos: 'Te doen (doorverwijzen)',
    meldingen: (shown, total) => (shown < total ? `Meldingen (${shown} van ${total}; --all toont ze allemaal)` : `Meldingen (${total})`),
    steps: (shown, total) => (shown < total ? `Te doen volgens het verzuimprotocol (${shown} van ${total}; --all toont ze allemaal)` : `Te doen volgens het verzuimprotocol (${total})`),
    mentor: (name) => `mentor ${name}`,
    noMentor: 'zonder mentor',
    reached: (date) => `sinds ${date}`,
    stepLate: 'te laat',
    withheld: (rules) => `niet naar ouders (${rules})`,
    noEscalation: 'Geen escalaties nodig.',
    oneLine: (s, r, i, e, o) => `${s} leerlingen, ${r} registraties (${i} ongeldig), ${e} met escalatie, ${o} te laat`,
  },
  melding: {
    head: 'verzuimmelding',
    soort: 'soort',
    herhaalmelding: 'herhaalmelding',
    repeat: (n) => `ja, nr. ${n} (continu verzuim)`,
    begindatum: 'begindatum',
    einddatum: 'einddatum',
    verzuimuren: 'verzuimuren',
    verzuimdagen: 'verzuimdagen',
    alleLessenGemist: 'alle lessen gemist',
    reden: 'vermoedelijke reden',
    maatregelen: 'maatregelen school',
    toFill: '…… (in te vullen)',
    yes: 'ja',
    no: 'nee',
    overdue: 'TE LAAT',
  },
  periodTodo: { period: 'periode', from: 'vanaf', through: 't/m', sickDays: 'ziektedagen', todo: 'wat te doen' },
};

const en: AbsenceMessages = {
  problem(p) {
    switch (p.kind) {
      case 'calendar-missing':
        return { ...calendarMessagesFor('en').regionMissing, details: [] };
      case 'file-unreadable':
        return { message: `cannot read ${p.file} (${p.flag}): ${p.reason}`, details: [], hint: `give ${p.flag} an existing file` };
      case 'calendar-invalid':
        return { message: `the calendar ${p.file} is not valid`, details: p.issues.map((i) => detailText({ lang: 'en', cmd: 'zorgroute' }, { path: i.path, problem: i.problem })), hint: 'a calendar is { "name", "from", "to", "holidays": [ { "name", "from", "to" } ] } with dates as yyyy-mm-dd' };
      case 'calendar-problems':
        return { message: `the calendar ${p.file} is not valid`, details: p.problems.map((x) => calendarMessagesFor('en').calendarProblem(x)) };
      case 'calendar-region-needed':
        return { message: `${p.file} is the open data "schoolvakanties": say which region`, details: [], hint: 'give --region noord, midden or zuid (Groningen is noord)' };
      case 'calendar-open-data':
        return calendarMessagesFor('en').openData(p.file, p.problem);
      case 'school-year-not-shipped':
        return calendarMessagesFor('en').notShipped(p);
      case 'date-outside-calendar':
        return {
          message: `${p.file} line ${p.line}: ${p.where === 'peildatum' ? 'reference date' : 'registration on'} ${p.date} is outside the calendar "${p.calendar}" (${p.from} to ${p.to})`,
          details: [],
          hint: 'give --calendar FILE with a calendar that covers this date (zorgroute does not guess school days)',
        };
      case 'codes-invalid':
        return { message: `the code table ${p.file} is not valid`, details: p.problems.map(codeProblemEn), hint: 'a code table is CSV code;soort;geoorloofd (see data/codes/standaard-codes.csv)' };
      case 'unknown-codes':
        return {
          message: `${p.file}: ${plural(p.codes.length, 'code is', 'codes are')} not in the code table ${p.table}`,
          details: p.codes.map((c) => `${c.code}: ${plural(c.count, 'registration', 'registrations')}`),
          hint: 'put every code with its soort and geoorloofd in the school\'s code table and give it with --codes FILE',
        };
      case 'absence-columns':
        return { message: `${p.file} already has absence columns: ${p.columns.map((c) => `"${c}"`).join(', ')}`, details: [], hint: 'with --registrations zorgroute counts the absence itself: export the students without these columns, or leave --registrations out' };
      case 'registrations-header':
        return {
          message: `${p.file}: the header row does not fit`,
          details: [
            ...p.problems.map((x) =>
              x.kind === 'reg-missing-column'
                ? `column "${x.column}" is missing; it is required${x.guess !== undefined ? ` (probably "${x.guess}")` : ''}`
                : `columns "${x.headers[0]}" and "${x.headers[1]}" both give ${x.column}`,
            ),
            `found: ${p.headers.map((h) => `"${h}"`).join(', ')}`,
          ],
          hint: p.skeleton
            ? 'stdout holds a --reg-map with these guesses: save it (… > reg-map.json), check every line and give --reg-map reg-map.json; or choose a shipped one: --reg-map magister, somtoday or eduarte'
            : 'name the columns leerlingnummer, datum, lesuur, code (see data/examples/registraties.csv) or map them with --reg-map FILE',
        };
      case 'registrations-empty':
        return { message: `${p.file} is empty: expected a header line and registrations`, details: [] };
      case 'registrations-stdin-twice':
        return { message: 'the students file and the registrations cannot both come from stdin', details: [], hint: 'give at least one of them as a file' };
      case 'registrations-needed':
        return { message: `${p.flag} belongs to --registrations`, details: [], hint: 'give --registrations REG.csv, or leave the option out' };
      case 'since-invalid':
        return { message: '--since is not a date', details: [], hint: 'give it as dd-mm-jjjj or jjjj-mm-dd' };
      case 'reg-map-invalid':
        return { message: `${p.file}: ${regMapEn(p.issue)}`, details: [], hint: `targets: ${REGISTRATION_FIELDS.join(', ')}, or null; see the shipped data/maps/*-registraties.json` };
    }
  },
  row: (r) => `${r.file} line ${r.line}, ${columnNamed(r.column, 'column')}: ${ROW_EN[r.problem]}`,
  afterPeildatum: (n) => `${plural(n, 'registration is', 'registrations are')} after the reference date and ${n === 1 ? 'does' : 'do'} not count`,
  latenessNotCounted: (codes, rules) =>
    `lateness was not counted: the code table ${codes} has no code of kind te-laat, but ${rules.length > 0 ? `the steps ${rules.join(', ')} count` : 'the rules count'} it (the lateness counts are empty, not 0)`,
  unknownColumns: (file, columns) => `${file}: columns without a meaning are ignored: ${columns}`,
  moreRows: (n) => `${plural(n, 'more invalid registration', 'more invalid registrations')} not named`,
  period: { '16-uur': '16 hours unexcused absence', langdurig: 'long-term absence (more than 4 weeks)', 'rmc-4-weken': 'absence 18+ (4 weeks, RMC)', luxe: 'luxury absence', 'mazl-4-meldingen': '4th sick report in 12 school weeks', 'mazl-7-dagen': '7th school day sick in a row' },
  summary: {
    title: (s, r) => `Registrations ${r} — students ${s}`,
    calendar: 'calendar',
    codes: 'code table',
    students: 'students',
    invalid: 'invalid student rows',
    registrations: 'registrations read',
    counted: 'counted',
    registrationsInvalid: 'invalid registrations',
    needsAction: 'need action',
    escalated: 'with an escalation',
    overdue: 'reports overdue',
    periods: 'Periods',
    periodCount: 'Count',
    target: 'Escalate to',
    count: 'Students',
    earliest: 'First deadline',
    late: 'Overdue',
    refs: 'Student numbers (line)',
    todos: 'To do (referrals)',
    meldingen: (shown, total) => (shown < total ? `Reports (${shown} of ${total}; --all shows every one)` : `Reports (${total})`),
    steps: (shown, total) => (shown < total ? `To do by the verzuimprotocol (${shown} of ${total}; --all shows them all)` : `To do by the verzuimprotocol (${total})`),
    mentor: (name) => `mentor ${name}`,
    noMentor: 'no mentor',
    reached: (date) => `since ${date}`,
    stepLate: 'late',
    withheld: (rules) => `not to the parents (${rules})`,
    noEscalation: 'No escalations needed.',
    oneLine: (s, r, i, e, o) => `${s} students, ${r} registrations (${i} invalid), ${e} with an escalation, ${o} overdue`,
  },
  melding: {
    head: 'absence report',
    soort: 'kind',
    herhaalmelding: 'repeat report',
    repeat: (n) => `yes, no. ${n} (continuous absence)`,
    begindatum: 'first day',
    einddatum: 'last day',
    verzuimuren: 'hours absent',
    verzuimdagen: 'days absent',
    alleLessenGemist: 'all lessons missed',
    reden: 'presumed reason',
    maatregelen: 'measures by the school',
    toFill: '…… (to fill in)',
    yes: 'yes',
    no: 'no',
    overdue: 'OVERDUE',
  },
  periodTodo: { period: 'period', from: 'from', through: 'through', sickDays: 'days sick', todo: 'what to do' },
};

/**
 * The catalogue with the privacy guard in front: every param of a problem, a row and a warning is
 * text some file held (a code cell, a calendar or holiday name, a header, a file name), so it goes
 * through shownValues (no BSN in any form, no control character) before it is worded.
 */
function guarded(m: AbsenceMessages): AbsenceMessages {
  return {
    ...m,
    problem: (p) => m.problem(shownValues(p)),
    row: (r) => m.row(shownValues(r)),
    unknownColumns: (file, columns) => m.unknownColumns(shownLabel(file), shownLabel(columns)),
  };
}

const guardedNl = guarded(nl);
const guardedEn = guarded(en);

export function absenceMessagesFor(lang: Lang): AbsenceMessages {
  return lang === 'en' ? guardedEn : guardedNl;
}
