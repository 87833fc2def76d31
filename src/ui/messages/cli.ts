// The words of the command line itself, in Dutch and English: every --help text (commands,
// arguments, options) and commander's own headings ("Usage:", "Options:", …). The language is
// known before the program is built (--lang in argv, else LANG), so the help is in it.
// Errors of the command line (unknown option, missing argument, …) are problems: messages/errors.ts.
import type { Lang } from '../../core/routing/compile.js';

const NL_COMMANDS = {
  program: 'Wie informeren en of escaleren (leerplicht, RMC, onderwijsconsulent) bij een leerlingsituatie.',
  route: 'beslis over één of meer situaties in JSON (een bestand, of - voor stdin): één object, een lijst, of NDJSON',
  intake: 'begeleide intake in de terminal: vraagt alleen wat de uitkomst voor deze leerling kan veranderen, toont de beslissing, slaat de casus op',
  cases: 'het casuslogboek: list, show, due, done, note, close, reopen, export, verify, purge, backup',
  'cases.list': 'casussen, de dringendste eerst (standaard: de open casussen, 50 ervan)',
  'cases.show': 'één casus: escalaties en to-do’s, tijdlijn en de laatste beslissing met redenen; een leerlingnummer toont de casussen van die leerling',
  'cases.due': 'escalaties die te laat zijn of binnenkort moeten en nog niet gedaan zijn, op termijn; daarna wat geen termijn heeft, to-do’s (een consult bij Veilig Thuis, het SWV…) erbij',
  'cases.done': 'leg vast dat iets gedaan is: een escalatie (leerplicht, verzuimmelding, leerplicht:thuiszitter), een to-do (veilig-thuis, jeugdarts), een partij ingelicht (ouders), of vrije tekst',
  'cases.note': 'voeg een notitie toe aan een casus (geen BSN, geen diagnoses: leg de route vast, geen gezondheidsgegevens)',
  'cases.close': 'sluit een casus (hij blijft in het logboek; due toont hem niet meer)',
  'cases.reopen': 'open een gesloten casus opnieuw',
  'cases.export': 'casussen met elke gebeurtenis als JSON: één casus, die van één leerling (een inzageverzoek), of alle; of één casus als leesbaar dossier (html, md)',
  'cases.verify': 'controleer dat het casuslogboek onaangetast is: elke gebeurtenis tegen de hashketen (eindcode 5 als dat niet zo is)',
  'cases.purge': 'verwijder gesloten casussen voorbij hun bewaartermijn (toont wat zou verdwijnen; verwijdert alleen met --yes)',
  'cases.backup': 'een gecontroleerde kopie van het casuslogboek (SQLite online backup, veilig terwijl anderen schrijven; bestand 0600)',
  batch: 'controleer een CSV-export van het leerlingvolgsysteem (een bestand, of - voor stdin): elke rij beslist, een overzicht van wie actie nodig heeft',
} as const;
type CommandId = keyof typeof NL_COMMANDS;

const NL_ARGS = {
  'route.file': 'JSON-bestand met de situatie(s), of - voor stdin',
  'batch.file': 'CSV-export, of - voor stdin',
  caseId: 'casusnummer',
  caseOrStudent: 'casusnummer, of een leerlingnummer',
  'done.action': 'wat er gedaan is',
  'note.text': 'de notitie',
  'backup.file': 'het nieuwe bestand',
} as const;
type ArgId = keyof typeof NL_ARGS;

const NL_OPTIONS = {
  version: 'toon het versienummer',
  help: 'toon de hulp bij dit commando',
  helpCommand: 'toon de hulp bij een commando',
  lang: 'taal van de uitvoer: nl of en (standaard: uit LANG, anders nl)',
  db: 'de casusdatabase (standaard: $ZORGROUTE_DB, anders cases.db in de gebruikersmap voor gegevens)',
  rules: 'gebruik een andere regelset (JSON) in plaats van de standaard',
  json: 'uitvoer voor machines als JSON',
  'route.json': 'uitvoer voor machines: de beslissing als JSON (NDJSON bij meer situaties)',
  'route.explain': 'voeg elke bekeken regel toe en waarom die wel of niet van toepassing is',
  'route.exitCode': 'eindig met code 3 als een situatie een escalatie nodig heeft',
  'route.log': 'sla elke beslissing ook op in het casuslogboek (idempotent: dezelfde beslissing één keer)',
  'route.keepGoing': 'bij meer situaties: een ongeldige wordt een foutregel en de rest wordt beslist (code 4)',
  'intake.student': 'vul het leerlingnummer van de school vooraf in',
  'intake.birthDate': 'vul de geboortedatum vooraf in (dd-mm-jjjj of jjjj-mm-dd)',
  'intake.referenceDate': 'vul de peildatum vooraf in (standaard aangeboden: vandaag)',
  'intake.set': 'vul een veld van de situatie vooraf in, getypt zoals bij de vraag (herhaalbaar): --set unexcusedHours4w=16,5',
  'intake.noInput': 'stel nooit een vraag: --student en --birth-date zijn nodig; andere velden krijgen hun standaard; opslaan zonder overzicht',
  'intake.newCase': 'met --no-input: begin een nieuwe casus, ook als de leerling een open casus heeft (standaard: toevoegen aan de open casus, zoals route --log doet)',
  'intake.json': 'toon de opgeslagen casus als JSON (nummer, beslissing) op stdout',
  'intake.after': 'Ctrl-C bij een vraag stopt de intake zonder iets op te slaan (eindcode 130).',
  'batch.format': 'schrijf één record per rij: csv, json of ndjson (standaard: alleen het overzicht)',
  'batch.json': 'hetzelfde als --format json',
  'batch.out': 'schrijf de records naar dit bestand in plaats van stdout (formaat uit --format of de bestandsnaam)',
  'batch.onlyAction': 'schrijf alleen rijen die een escalatie of verwijzing nodig hebben (en rijen met een fout)',
  'batch.map': 'JSON-bestand dat de koppen van uw export aan velden van de situatie koppelt',
  'batch.referenceDate': 'peildatum voor rijen zonder kolom of cel peildatum (standaard: vandaag)',
  'batch.encoding': 'tekencodering van het bestand (standaard: herkend)',
  'batch.delimiter': 'scheidingsteken tussen cellen (standaard: herkend uit de kopregel)',
  'batch.exitCode': 'eindig met code 3 als een rij een escalatie nodig heeft (3 gaat voor 4, "sommige rijen ongeldig")',
  'batch.all': 'noem in het overzicht elke leerling per escalatiedoel (standaard: de eerste 10)',
  'batch.log': 'leg elke rij die actie nodig heeft vast als casus in het casuslogboek (idempotent: een tweede keer voegt niets toe)',
  'batch.threads': 'werkthreads (1: geen; standaard: één per CPU, hoogstens 4, voor een bestand van 8 MB of meer)',
  'batch.registrations': 'tel verzuim uit een export van registraties (één rij per lesuur of dag) over de schoolkalender; BESTAND is dan het leerlingenbestand zonder verzuimkolommen',
  'batch.codes': 'met --registrations: de tabel met verzuimcodes van de school, CSV code;soort;geoorloofd (standaard: data/codes/standaard-codes.csv)',
  'batch.calendar': 'met --registrations: de schoolkalender (JSON), of de open data "schoolvakanties" van de Rijksoverheid met --region',
  'batch.region': 'met --calendar van de open data: de vakantieregio (Groningen: noord)',
  'batch.since': 'met --registrations: alleen perioden die op of na DATUM eindigen (de wekelijkse controle)',
  'batch.regMap': 'met --registrations: JSON dat uw koppen van de registraties koppelt aan leerlingnummer, datum, lesuur, code, …',
  'cases.student': 'alleen deze leerling',
  'cases.status': 'welke casussen: "open", "gesloten" of "alle" (ook: "closed", "all")',
  'cases.since': 'aangemaakt op of na deze datum (dd-mm-jjjj)',
  'cases.within': 'aantal werkdagen vooruit om mee te nemen',
  'cases.dueExitCode': 'eindig met code 3 als er iets in de lijst staat',
  'cases.date': 'de dag waarop het gedaan is (standaard: vandaag)',
  'cases.note': 'een korte notitie (geen BSN, geen diagnoses)',
  'cases.why': 'waarom',
  'cases.closeForce': 'sluit ook met open escalaties of to-do’s (die worden in de tijdlijn vastgelegd)',
  'cases.exportJson': 'JSON (het standaardformaat)',
  'cases.exportStudent': 'elke casus van deze leerling',
  'cases.all': 'elke casus',
  'cases.limit': 'hoogstens N casussen (standaard: 50; met --json: alle)',
  'cases.allMatching': 'elke casus die past',
  'cases.dueLimit': 'hoogstens N (standaard: 50; met --json: alle)',
  'cases.dueAll': 'alles wat moet',
  'cases.explain': 'toon de regel-id’s en de sha256 van de regelset bij de beslissing',
  'cases.format': 'json (standaard), of een dossier dat een mens kan lezen: html (af te drukken vanuit een browser) of md',
  'cases.out': 'schrijf het dossier (html, md) naar dit bestand, alleen door u leesbaar (0600)',
  'cases.closedBefore': 'gesloten casussen waarvan de sluitingsdag vóór deze datum ligt',
  'cases.retention': 'de termijnen: 2 jaar geleden gesloten, of 5 jaar met verzuim- of inschrijvingsgegevens',
  'cases.yes': 'echt verwijderen (de vrijgekomen ruimte wordt overschreven)',
  'cases.force': 'vervang BESTAND als het een oudere backup van zorgroute is (nooit een ander bestand)',
} as const;
type OptionId = keyof typeof NL_OPTIONS;

/** commander's headings and the words inside its usage lines and option descriptions. */
const NL_HELP = {
  'Usage:': 'Gebruik:',
  'Arguments:': 'Argumenten:',
  'Options:': 'Opties:',
  'Commands:': 'Commando’s:',
  'Global Options:': 'Algemene opties:',
  options: '[opties]',
  command: '[commando]',
  helpTerm: 'help [commando]',
  choices: 'keuzes',
  default: 'standaard',
} as const;
type HelpId = keyof typeof NL_HELP;

/** The names in `<…>` and `[…]`: what to type there. */
const NL_PLACEHOLDERS = {
  file: 'bestand',
  date: 'datum',
  text: 'tekst',
  number: 'nummer',
  days: 'dagen',
  status: 'status',
  format: 'formaat',
  encoding: 'codering',
  delimiter: 'teken',
  lang: 'taal',
  fieldValue: 'veld=waarde',
  n: 'aantal',
  id: 'casus',
  action: 'actie',
  region: 'regio',
} as const;
type PlaceholderId = keyof typeof NL_PLACEHOLDERS;

const EN_PLACEHOLDERS: Record<PlaceholderId, string> = {
  file: 'file',
  date: 'date',
  text: 'text',
  number: 'number',
  days: 'days',
  status: 'status',
  format: 'format',
  encoding: 'encoding',
  delimiter: 'delimiter',
  lang: 'lang',
  fieldValue: 'field=value',
  n: 'n',
  id: 'id',
  action: 'action',
  region: 'region',
};

const EN_COMMANDS: Record<CommandId, string> = {
  program: 'Whom to inform and whether to escalate (leerplicht, RMC, onderwijsconsulent) for a student situation.',
  route: 'decide one or more situations given as JSON (a file, or - for stdin): one object, an array, or NDJSON',
  intake: 'guided intake in the terminal: asks only what can change the outcome for this student, shows the decision, saves the case',
  cases: 'the case log: list, show, due, done, note, close, reopen, export, verify, purge, backup',
  'cases.list': 'cases, the most urgent first (default: the open ones, 50 of them)',
  'cases.show': 'one case: its escalations and to-dos, its timeline and the latest decision with reasons; a student number shows that student’s cases',
  'cases.due': 'escalations overdue or due soon and not yet done, by deadline; after them what has no term, to-dos (a Veilig Thuis consult, the SWV…) included',
  'cases.done': 'record that something was done: an escalation (leerplicht, verzuimmelding, leerplicht:thuiszitter), a to-do (veilig-thuis, jeugdarts), a party informed (ouders), or free text',
  'cases.note': 'add a note to a case (no BSN, no diagnoses: store the routing, not health details)',
  'cases.close': 'close a case (it stays in the log; due no longer lists it)',
  'cases.reopen': 'open a closed case again',
  'cases.export': 'cases with every event as JSON: one case, one student’s (a data-subject request), or all; or one case as a readable dossier (html, md)',
  'cases.verify': 'check that the case log is untouched: every event against the hash chain (exit 5 when not)',
  'cases.purge': 'remove closed cases past their retention (shows what would go; deletes only with --yes)',
  'cases.backup': 'a verified copy of the case log (SQLite online backup, safe while others write; file 0600)',
  batch: 'check a student-system CSV export (a file, or - for stdin): every row routed, a summary of who needs action',
};

const EN_ARGS: Record<ArgId, string> = {
  'route.file': 'JSON file with the situation(s), or - for stdin',
  'batch.file': 'CSV export, or - for stdin',
  caseId: 'case id',
  caseOrStudent: 'case id, or a student number',
  'done.action': 'what was done',
  'note.text': 'the note',
  'backup.file': 'the new file',
};

const EN_OPTIONS: Record<OptionId, string> = {
  version: 'output the version number',
  help: 'display help for command',
  helpCommand: 'display help for command',
  lang: 'language of the output: nl or en (default: from LANG, else nl)',
  db: 'the case database (default: $ZORGROUTE_DB, else cases.db in the user data folder)',
  rules: 'use another rule set (JSON) instead of the default',
  json: 'machine output as JSON',
  'route.json': 'machine output: the decision as JSON (NDJSON for several)',
  'route.explain': 'add every rule considered and why it did or did not fire',
  'route.exitCode': 'exit 3 when any situation needs an escalation',
  'route.log': 'also store each decision in the case log (idempotent: the same decision is stored once)',
  'route.keepGoing': 'with several situations: a bad one becomes an error record and the rest is decided (exit 4)',
  'intake.student': 'pre-fill the school’s student number',
  'intake.birthDate': 'pre-fill the date of birth (dd-mm-jjjj or jjjj-mm-dd)',
  'intake.referenceDate': 'pre-fill the reference date (default offered: today)',
  'intake.set': 'pre-fill any situation field, typed as at the prompt (repeatable): --set unexcusedHours4w=16,5',
  'intake.noInput': 'never prompt: needs --student and --birth-date; other fields take their defaults; saves without review',
  'intake.newCase': 'with --no-input: start a new case even when the student has an open one (default: add to the open case, as route --log does)',
  'intake.json': 'print the saved case as JSON (id, decision) on stdout',
  'intake.after': 'Ctrl-C at any question stops the intake without saving anything (exit code 130).',
  'batch.format': 'write one record per row: csv, json or ndjson (default: only the summary)',
  'batch.json': 'same as --format json',
  'batch.out': 'write the records to this file instead of stdout (format from --format or the file name)',
  'batch.onlyAction': 'write only rows that need an escalation or a referral (and rows in error)',
  'batch.map': 'JSON file mapping your export’s headers to situation fields',
  'batch.referenceDate': 'peildatum for rows without a peildatum column or cell (default: today)',
  'batch.encoding': 'text encoding of the file (default: detected)',
  'batch.delimiter': 'cell delimiter (default: detected from the header line)',
  'batch.exitCode': 'exit 3 when any row needs an escalation (3 wins over 4, "some rows invalid")',
  'batch.all': 'list every student per escalation target in the summary (default: the first 10)',
  'batch.log': 'record every row that needs action as a case in the case log (idempotent: a second run adds nothing)',
  'batch.threads': 'worker threads (1: none; default: one per CPU, at most 4, for a file of 8 MB or more)',
  'batch.registrations': 'count absence from a registrations export (one row per lesson or day) over the school calendar; FILE is then the students file without absence columns',
  'batch.codes': 'with --registrations: the school’s absence-code table, CSV code;soort;geoorloofd (default: data/codes/standaard-codes.csv)',
  'batch.calendar': 'with --registrations: the school calendar (JSON), or the Rijksoverheid open data "schoolvakanties" with --region',
  'batch.region': 'with --calendar of the open data: the holiday region (Groningen: noord)',
  'batch.since': 'with --registrations: keep only periods that end on or after DATE (the weekly run)',
  'batch.regMap': 'with --registrations: JSON mapping your registration headers to leerlingnummer, datum, lesuur, code, …',
  'cases.student': 'only this student',
  'cases.status': 'which cases: "open", "closed" or "all" (also: "gesloten", "alle")',
  'cases.since': 'created on or after this date (dd-mm-yyyy)',
  'cases.within': 'working days ahead to include',
  'cases.dueExitCode': 'exit 3 when anything is listed',
  'cases.date': 'the day it was done (default: today)',
  'cases.note': 'a short note (no BSN, no diagnoses)',
  'cases.why': 'why',
  'cases.closeForce': 'close even with escalations or to-dos open (they are recorded in the timeline)',
  'cases.exportJson': 'JSON (the default format)',
  'cases.exportStudent': 'every case of this student',
  'cases.all': 'every case',
  'cases.limit': 'at most N cases (default: 50; with --json: all)',
  'cases.allMatching': 'every case that matches',
  'cases.dueLimit': 'at most N (default: 50; with --json: all)',
  'cases.dueAll': 'everything that is due',
  'cases.explain': 'show the rule ids and the rule set’s sha256 with the decision',
  'cases.format': 'json (default), or a dossier a person can read: html (printable from a browser) or md',
  'cases.out': 'write the dossier (html, md) to this file, readable by you only (0600)',
  'cases.closedBefore': 'closed cases whose closing day lies before this date',
  'cases.retention': 'the terms: closed 2 years ago, or 5 years with absence or enrolment data',
  'cases.yes': 'really delete (the freed space is overwritten)',
  'cases.force': 'replace FILE if it is an older zorgroute backup (never another file)',
};

const EN_HELP: Record<HelpId, string> = {
  'Usage:': 'Usage:',
  'Arguments:': 'Arguments:',
  'Options:': 'Options:',
  'Commands:': 'Commands:',
  'Global Options:': 'Global Options:',
  options: '[options]',
  command: '[command]',
  helpTerm: 'help [command]',
  choices: 'choices',
  default: 'default',
};

export interface CliWords {
  command: Record<CommandId, string>;
  argument: Record<ArgId, string>;
  option: Record<OptionId, string>;
  help: Record<HelpId, string>;
  placeholder: Record<PlaceholderId, string>;
}

const WORDS: Record<Lang, CliWords> = {
  nl: { command: NL_COMMANDS, argument: NL_ARGS, option: NL_OPTIONS, help: NL_HELP, placeholder: NL_PLACEHOLDERS },
  en: { command: EN_COMMANDS, argument: EN_ARGS, option: EN_OPTIONS, help: EN_HELP, placeholder: EN_PLACEHOLDERS },
};

export function cliWordsFor(lang: Lang): CliWords {
  return WORDS[lang];
}
