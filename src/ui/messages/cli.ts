// The words of the command line itself, in Dutch and English: every --help text (commands,
// arguments, options) and commander's own headings ("Usage:", "Options:", …). The language is
// known before the program is built (--lang in argv, else LANG), so the help is in it.
// Errors of the command line (unknown option, missing argument, …) are problems: messages/errors/catalogue.ts.
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
  config: 'toon de instellingen die gelden en waar elke vandaan komt: een optie, het instellingenbestand (zorgroute.json) of de standaard',
  calendar: 'schoolkalenders: de meegeleverde vakanties van de Rijksoverheid bekijken, een kalender voor de school maken en controleren',
  'calendar.show': 'één schooljaar: vakanties, feestdagen, schooldagen en lesweken (zonder BESTAND: de meegeleverde vakanties van de regio)',
  'calendar.init': 'maak een schoolkalender om aan te passen: eerste en laatste schooldag, de vakanties van de regio, studiedagen, lestijden',
  'calendar.check': 'controleer een schoolkalender: alle fouten tegelijk (eindcode 2), en waarschuwingen',
  completion: 'druk een script af voor tab-aanvulling in bash, zsh of fish (commando’s, opties en hun waarden)',
} as const;
type CommandId = keyof typeof NL_COMMANDS;

const NL_ARGS = {
  'route.file': 'JSON-bestand met de situatie(s), of - voor stdin',
  'batch.file': 'CSV-export, of - voor stdin',
  caseId: 'casusnummer',
  caseOrStudent: 'casusnummer, of een leerlingnummer',
  'done.action': 'wat er gedaan is',
  'note.text': 'de notitie (mag leeg bij --reden of --maatregelen)',
  'backup.file': 'het nieuwe bestand',
  'calendar.file': 'de kalender van de school (JSON)',
  'completion.shell': 'de shell: bash, zsh of fish',
} as const;
type ArgId = keyof typeof NL_ARGS;

const NL_OPTIONS = {
  version: 'toon het versienummer',
  help: 'toon de hulp bij dit commando',
  config: 'het instellingenbestand (standaard: zorgroute.json in deze map, anders $XDG_CONFIG_HOME/zorgroute/config.json)',
  noPager: 'lange uitvoer direct in de terminal, niet door de pager (het programma uit $ZORGROUTE_PAGER of $PAGER)',
  'config.json': 'uitvoer voor machines: de instellingen als JSON',
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
  'batch.map': 'JSON-bestand dat de koppen van uw export aan velden van de situatie koppelt; of een meegeleverde: magister, somtoday, eduarte',
  'batch.referenceDate': 'peildatum voor rijen zonder kolom of cel peildatum (standaard: vandaag)',
  'batch.encoding': 'tekencodering van het bestand (standaard: herkend)',
  'batch.delimiter': 'scheidingsteken tussen cellen (standaard: herkend uit de kopregel)',
  'batch.exitCode': 'eindig met code 3 als een rij een escalatie nodig heeft (3 gaat voor 4, "sommige rijen ongeldig")',
  'batch.all': 'noem in het overzicht elke leerling per escalatiedoel (standaard: de eerste 10)',
  'batch.log': 'leg elke rij die actie nodig heeft vast als casus in het casuslogboek (idempotent: een tweede keer voegt niets toe)',
  'batch.threads': 'werkthreads (1: geen; standaard: één per CPU, hoogstens 4, voor een bestand van 8 MB of meer)',
  'batch.registrations': 'tel verzuim uit een export van registraties (één rij per lesuur of dag) over de schoolkalender; BESTAND is dan het leerlingenbestand zonder verzuimkolommen',
  'batch.codes': 'met --registrations: de tabel met verzuimcodes van de school, CSV code;soort;geoorloofd (standaard: data/codes/standaard-codes.csv)',
  'batch.calendar': 'met --registrations: de schoolkalender (JSON), of de open data "schoolvakanties" van de Rijksoverheid; zonder: de meegeleverde vakanties van de regio',
  'batch.region': 'met --registrations: de vakantieregio (Groningen: noord); standaard die van de regelset',
  'batch.since': 'met --registrations: alleen perioden die op of na DATUM eindigen (de wekelijkse controle)',
  'batch.regMap': 'met --registrations: JSON dat uw koppen van de registraties koppelt aan leerlingnummer, datum, lesuur, code, …; of een meegeleverde: magister, somtoday, eduarte',
  'calendar.region': 'de vakantieregio: noord, midden of zuid (Groningen: noord); standaard die van de regelset',
  'calendar.schoolYear': 'het schooljaar, bijvoorbeeld 2026-2027 (show: standaard het huidige)',
  'calendar.out': 'schrijf de kalender naar dit (nieuwe) bestand in plaats van naar stdout',
  'calendar.json': 'als JSON op stdout',
  'batch.student': 'met --registrations: teken het schooljaar van deze leerling (een overzicht per week, de getelde periodes gemarkeerd)',
  'cases.student': 'alleen deze leerling',
  'cases.status': 'welke casussen: "open", "gesloten" of "alle" (ook: "closed", "all")',
  'cases.since': 'aangemaakt op of na deze datum (dd-mm-jjjj)',
  'cases.within': 'aantal werkdagen vooruit om mee te nemen',
  'cases.dueExitCode': 'eindig met code 3 als er iets in de lijst staat',
  'cases.date': 'de dag waarop het gedaan is (standaard: vandaag)',
  'cases.note': 'een korte notitie (geen BSN, geen diagnoses)',
  'cases.why': 'waarom',
  'cases.reden': 'de vermoedelijke reden van het verzuim, voor de melding (geen BSN, geen diagnoses)',
  'cases.maatregelen': 'wat de school al gedaan heeft, voor de melding (geen BSN, geen diagnoses)',
  'cases.closeForce': 'sluit ook met open escalaties of to-do’s (die worden in de tijdlijn vastgelegd)',
  'cases.exportJson': 'JSON (het standaardformaat)',
  'cases.exportStudent': 'elke casus van deze leerling',
  'cases.all': 'elke casus',
  'cases.limit': 'hoogstens N casussen (standaard: 50; met --json: alle)',
  'cases.allMatching': 'elke casus die past',
  'cases.dueLimit': 'hoogstens N (standaard: 50; met --json: alle)',
  'cases.dueAll': 'alles wat moet',
  'cases.dueParty': 'alleen wat voor deze partij is (mentor, teamleider, leerplicht …)',
  'cases.dueMentor': 'alleen de stappen van de leerlingen van deze mentor (kolom mentor van het leerlingenbestand, vastgelegd met --log)',
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
  'Examples:': 'Voorbeelden:',
} as const;
type HelpId = keyof typeof NL_HELP;

/** The names in `<…>` and `[…]`: what to type there. */
const NL_PLACEHOLDERS = {
  file: 'bestand',
  date: 'datum',
  text: 'tekst',
  number: 'nummer',
  days: 'dagen',
  party: 'partij',
  mentor: 'naam',
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
  schoolYear: 'schooljaar',
  shell: 'shell',
} as const;
type PlaceholderId = keyof typeof NL_PLACEHOLDERS;

const EN_PLACEHOLDERS: Record<PlaceholderId, string> = {
  file: 'file',
  date: 'date',
  text: 'text',
  number: 'number',
  days: 'days',
  party: 'party',
  mentor: 'name',
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
  schoolYear: 'school-year',
  shell: 'shell',
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
  config: 'show the settings in effect and where each comes from: a flag, the settings file (zorgroute.json) or the default',
  calendar: "school calendars: view the shipped Rijksoverheid holidays, make the school's calendar and check it",
  'calendar.show': "one school year: holidays, public holidays, school days and lesweken (without FILE: the region's shipped holidays)",
  'calendar.init': "make a school calendar to edit: first and last school day, the region's holidays, study days, lestijden",
  'calendar.check': 'check a school calendar: every error at once (exit 2), and warnings',
  completion: 'print a tab-completion script for bash, zsh or fish (commands, options and their values)',
};

const EN_ARGS: Record<ArgId, string> = {
  'route.file': 'JSON file with the situation(s), or - for stdin',
  'batch.file': 'CSV export, or - for stdin',
  caseId: 'case id',
  caseOrStudent: 'case id, or a student number',
  'done.action': 'what was done',
  'note.text': 'the note (may be left out with --reden or --maatregelen)',
  'backup.file': 'the new file',
  'calendar.file': "the school's calendar (JSON)",
  'completion.shell': 'the shell: bash, zsh or fish',
};

const EN_OPTIONS: Record<OptionId, string> = {
  version: 'output the version number',
  help: 'display help for command',
  config: 'the settings file (default: zorgroute.json in this folder, else $XDG_CONFIG_HOME/zorgroute/config.json)',
  noPager: 'print long output straight to the terminal, not through the pager ($ZORGROUTE_PAGER, $PAGER or less)',
  'config.json': 'machine output: the settings as JSON',
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
  'batch.map': 'JSON file mapping your export’s headers to situation fields; or a shipped one: magister, somtoday, eduarte',
  'batch.referenceDate': 'peildatum for rows without a peildatum column or cell (default: today)',
  'batch.encoding': 'text encoding of the file (default: detected)',
  'batch.delimiter': 'cell delimiter (default: detected from the header line)',
  'batch.exitCode': 'exit 3 when any row needs an escalation (3 wins over 4, "some rows invalid")',
  'batch.all': 'list every student per escalation target in the summary (default: the first 10)',
  'batch.log': 'record every row that needs action as a case in the case log (idempotent: a second run adds nothing)',
  'batch.threads': 'worker threads (1: none; default: one per CPU, at most 4, for a file of 8 MB or more)',
  'batch.registrations': 'count absence from a registrations export (one row per lesson or day) over the school calendar; FILE is then the students file without absence columns',
  'batch.codes': 'with --registrations: the school’s absence-code table, CSV code;soort;geoorloofd (default: data/codes/standaard-codes.csv)',
  'batch.calendar': 'with --registrations: the school calendar (JSON), or the Rijksoverheid open data "schoolvakanties"; without it: the shipped holidays of the region',
  'batch.region': "with --registrations: the holiday region (Groningen: noord); by default the rule set's",
  'batch.since': 'with --registrations: keep only periods that end on or after DATE (the weekly run)',
  'batch.regMap': 'with --registrations: JSON mapping your registration headers to leerlingnummer, datum, lesuur, code, …; or a shipped one: magister, somtoday, eduarte',
  'calendar.region': "the holiday region: noord, midden or zuid (Groningen: noord); by default the rule set's",
  'calendar.schoolYear': 'the school year, such as 2026-2027 (show: by default the current one)',
  'calendar.out': 'write the calendar to this (new) file instead of stdout',
  'calendar.json': 'as JSON on stdout',
  'batch.student': "with --registrations: draw this student's school year (a row per week, the counted periods marked)",
  'cases.student': 'only this student',
  'cases.status': 'which cases: "open", "closed" or "all" (also: "gesloten", "alle")',
  'cases.since': 'created on or after this date (dd-mm-yyyy)',
  'cases.within': 'working days ahead to include',
  'cases.dueExitCode': 'exit 3 when anything is listed',
  'cases.date': 'the day it was done (default: today)',
  'cases.note': 'a short note (no BSN, no diagnoses)',
  'cases.why': 'why',
  'cases.reden': "the absence's presumed reason, for the melding (no BSN, no diagnoses)",
  'cases.maatregelen': 'what the school has done, for the melding (no BSN, no diagnoses)',
  'cases.closeForce': 'close even with escalations or to-dos open (they are recorded in the timeline)',
  'cases.exportJson': 'JSON (the default format)',
  'cases.exportStudent': 'every case of this student',
  'cases.all': 'every case',
  'cases.limit': 'at most N cases (default: 50; with --json: all)',
  'cases.allMatching': 'every case that matches',
  'cases.dueLimit': 'at most N (default: 50; with --json: all)',
  'cases.dueAll': 'everything that is due',
  'cases.dueParty': 'only what is for this party (mentor, teamleider, leerplicht …)',
  'cases.dueMentor': "only the steps of this mentor's students (the students file's mentor column, logged with --log)",
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
  'Examples:': 'Examples:',
};

/**
 * The examples that end each command's --help, by command path (`cases due`): what it does, then
 * the command (a `\n` in it continues the command on the next line). A command added later gets
 * its examples by adding its path here; cli/help-examples.ts attaches them to the help.
 */
type Example = readonly [what: string, command: string];

const NL_EXAMPLES = {
  zorgroute: [
    ['beslis over één leerlingsituatie (JSON)', 'zorgroute route situatie.json'],
    ['controleer de export van het leerlingvolgsysteem', 'zorgroute batch data/examples/verzuimexport.csv'],
    ['begeleide intake, vraag voor vraag', 'zorgroute intake'],
    ['wat moet er deze week gebeuren?', 'zorgroute cases due'],
  ],
  route: [
    ['de beslissing voor één leerling, voor mensen', 'zorgroute route situatie.json'],
    ['met elke regel en waarom die wel of niet gold', 'zorgroute route situatie.json --explain'],
    ['voor scripts: NDJSON uit, eindcode 3 als er geëscaleerd moet worden', 'zorgroute route situaties.ndjson --json --exit-code'],
    ['van stdin, en vastleggen in het casuslogboek', 'cat situatie.json | zorgroute route - --log'],
  ],
  intake: [
    ['vraag alles wat ertoe doet', 'zorgroute intake'],
    ['met het leerlingnummer en de geboortedatum al ingevuld', 'zorgroute intake --student L20417 --birth-date 01-03-2012'],
    ['zonder vragen, voor een script', 'zorgroute intake --no-input --student L20417 \\\n--birth-date 01-03-2012 --set unexcusedHours4w=16'],
  ],
  batch: [
    ['een overzicht van wie actie nodig heeft', 'zorgroute batch data/examples/verzuimexport.csv'],
    ['elke rij als CSV voor Excel, alleen wie actie nodig heeft', 'zorgroute batch export.csv --only-action --out acties.csv'],
    ['de nachtelijke controle: vastleggen, eindcode 3 bij een escalatie', 'zorgroute batch export.csv --log --exit-code'],
    ['verzuim tellen uit registraties over de schoolkalender', 'zorgroute batch leerlingen.csv --registrations registraties.csv \\\n--calendar kalender.json'],
  ],
  cases: [
    ['wat moet er gebeuren, de dringendste termijn eerst', 'zorgroute cases due'],
    ['één casus met tijdlijn en beslissing', 'zorgroute cases show 12'],
    ['leg vast dat de verzuimmelding gedaan is', 'zorgroute cases done 12 leerplicht'],
  ],
  'cases list': [
    ['de open casussen, de dringendste eerst', 'zorgroute cases list'],
    ['alle casussen van één leerling', 'zorgroute cases list --student L20417 --status alle'],
    ['voor een script: alle open casussen als JSON', 'zorgroute cases list --json'],
  ],
  'cases show': [
    ['één casus', 'zorgroute cases show 12'],
    ['de casussen van een leerling', 'zorgroute cases show L20417'],
    ['met regel-id’s en de sha256 van de regelset', 'zorgroute cases show 12 --explain'],
    ['alles in één keer in de terminal, zonder pager', 'zorgroute cases show 12 --no-pager'],
  ],
  'cases due': [
    ['wat te laat is of binnen 2 werkdagen moet', 'zorgroute cases due'],
    ['een week vooruit', 'zorgroute cases due --within 5'],
    ['voor een script: eindcode 3 als er iets moet', 'zorgroute cases due --exit-code --json'],
  ],
  'cases done': [
    ['de verzuimmelding bij leerplicht is gedaan', 'zorgroute cases done 12 leerplicht'],
    ['het advies van Veilig Thuis is gevraagd, gisteren', 'zorgroute cases done 12 veilig-thuis --date 30-11-2026'],
    ['ouders ingelicht, met een notitie', 'zorgroute cases done 12 ouders --note "gebeld, gesprek gepland"'],
  ],
  'cases note': [
    ['een notitie (geen BSN, geen diagnoses)', 'zorgroute cases note 12 gesprek met ouders gepland'],
    ['en de gebeurtenis als JSON', 'zorgroute cases note 12 mentor ingelicht --json'],
  ],
  'cases close': [
    ['sluit een casus', 'zorgroute cases close 12'],
    ['met de reden', 'zorgroute cases close 12 --note "leerling weer op school"'],
  ],
  'cases reopen': [
    ['open een gesloten casus opnieuw', 'zorgroute cases reopen 12'],
    ['met de reden', 'zorgroute cases reopen 12 --note "nieuw signaal"'],
  ],
  'cases export': [
    ['één casus met elke gebeurtenis als JSON', 'zorgroute cases export 12 > casus-12.json'],
    ['alles van één leerling (een inzageverzoek)', 'zorgroute cases export --student L20417'],
    ['een dossier om af te drukken', 'zorgroute cases export 12 --format html --out dossier.html'],
  ],
  'cases verify': [
    ['controleer het casuslogboek (eindcode 5 als het is aangetast)', 'zorgroute cases verify'],
    ['het verslag als JSON', 'zorgroute cases verify --json'],
  ],
  'cases purge': [
    ['toon wat voorbij de bewaartermijn is', 'zorgroute cases purge --retention'],
    ['en verwijder het echt', 'zorgroute cases purge --retention --yes'],
  ],
  'cases backup': [
    ['een gecontroleerde kopie', 'zorgroute cases backup /backup/cases.db'],
    ['een oudere backup vervangen', 'zorgroute cases backup /backup/cases.db --force'],
  ],
  config: [
    ['welke instellingen gelden, en waar komt elke vandaan?', 'zorgroute config'],
    ['met een ander instellingenbestand', 'zorgroute config --config /etc/zorgroute.json'],
    ['voor een script', 'zorgroute config --json'],
  ],
  calendar: [
    ['de meegeleverde vakanties van de regio, dit schooljaar', 'zorgroute calendar show --region noord'],
    ['een schoolkalender maken om aan te passen', 'zorgroute calendar init --school-year 2026-2027 --out kalender.json'],
    ['de kalender van de school controleren', 'zorgroute calendar check kalender.json'],
  ],
  'calendar show': [
    ['noord, schooljaar 2026-2027', 'zorgroute calendar show --region noord --school-year 2026-2027'],
    ['de eigen kalender van de school', 'zorgroute calendar show kalender.json'],
  ],
  'calendar init': [
    ['een kalender voor 2026-2027, de regio van de regelset', 'zorgroute calendar init --school-year 2026-2027 \\\n--out kalender.json'],
    ['regio zuid, naar stdout', 'zorgroute calendar init --school-year 2026-2027 --region zuid'],
  ],
  'calendar check': [
    ['alle fouten en waarschuwingen tegelijk', 'zorgroute calendar check kalender.json'],
    ['vergelijk met het advies van regio midden', 'zorgroute calendar check kalender.json --region midden'],
  ],
  completion: [
    ['bash: laad de aanvulling in ~/.bashrc', 'source <(zorgroute completion bash)'],
    ['zsh: een bestand in een map van $fpath', 'zorgroute completion zsh > ~/.zfunc/_zorgroute'],
    ['fish', 'zorgroute completion fish > ~/.config/fish/completions/zorgroute.fish'],
  ],
} as const satisfies Record<string, readonly Example[]>;
type ExampleId = keyof typeof NL_EXAMPLES;

const EN_EXAMPLES: Record<ExampleId, readonly Example[]> = {
  zorgroute: [
    ['decide on one student situation (JSON)', 'zorgroute route situatie.json'],
    ['check the export of the student system', 'zorgroute batch data/examples/verzuimexport.csv'],
    ['guided intake, question by question', 'zorgroute intake'],
    ['what must happen this week?', 'zorgroute cases due'],
  ],
  route: [
    ['the decision for one student, for people', 'zorgroute route situatie.json'],
    ['with every rule and why it did or did not apply', 'zorgroute route situatie.json --explain'],
    ['for scripts: NDJSON out, exit code 3 when an escalation is needed', 'zorgroute route situaties.ndjson --json --exit-code'],
    ['from stdin, and recorded in the case log', 'cat situatie.json | zorgroute route - --log'],
  ],
  intake: [
    ['ask everything that matters', 'zorgroute intake'],
    ['with the student number and date of birth filled in', 'zorgroute intake --student L20417 --birth-date 01-03-2012'],
    ['without questions, for a script', 'zorgroute intake --no-input --student L20417 \\\n--birth-date 01-03-2012 --set unexcusedHours4w=16'],
  ],
  batch: [
    ['a summary of who needs action', 'zorgroute batch data/examples/verzuimexport.csv'],
    ['every row as CSV for Excel, only those who need action', 'zorgroute batch export.csv --only-action --out acties.csv'],
    ['the nightly check: record, exit code 3 on an escalation', 'zorgroute batch export.csv --log --exit-code'],
    ['count absence from registrations over the school calendar', 'zorgroute batch leerlingen.csv --registrations registraties.csv \\\n--calendar kalender.json'],
  ],
  cases: [
    ['what must happen, the most urgent deadline first', 'zorgroute cases due'],
    ['one case with its timeline and decision', 'zorgroute cases show 12'],
    ['record that the absence report was made', 'zorgroute cases done 12 leerplicht'],
  ],
  'cases list': [
    ['the open cases, the most urgent first', 'zorgroute cases list'],
    ['every case of one student', 'zorgroute cases list --student L20417 --status all'],
    ['for a script: every open case as JSON', 'zorgroute cases list --json'],
  ],
  'cases show': [
    ['one case', 'zorgroute cases show 12'],
    ['the cases of a student', 'zorgroute cases show L20417'],
    ['with rule ids and the rule set’s sha256', 'zorgroute cases show 12 --explain'],
    ['all at once on the terminal, without a pager', 'zorgroute cases show 12 --no-pager'],
  ],
  'cases due': [
    ['what is overdue or due within 2 working days', 'zorgroute cases due'],
    ['a week ahead', 'zorgroute cases due --within 5'],
    ['for a script: exit code 3 when anything is due', 'zorgroute cases due --exit-code --json'],
  ],
  'cases done': [
    ['the absence report to leerplicht was made', 'zorgroute cases done 12 leerplicht'],
    ['Veilig Thuis was consulted, yesterday', 'zorgroute cases done 12 veilig-thuis --date 30-11-2026'],
    ['parents informed, with a note', 'zorgroute cases done 12 ouders --note "called, meeting planned"'],
  ],
  'cases note': [
    ['a note (no BSN, no diagnoses)', 'zorgroute cases note 12 meeting with parents planned'],
    ['and the event as JSON', 'zorgroute cases note 12 mentor informed --json'],
  ],
  'cases close': [
    ['close a case', 'zorgroute cases close 12'],
    ['with the reason', 'zorgroute cases close 12 --note "back at school"'],
  ],
  'cases reopen': [
    ['open a closed case again', 'zorgroute cases reopen 12'],
    ['with the reason', 'zorgroute cases reopen 12 --note "new signal"'],
  ],
  'cases export': [
    ['one case with every event as JSON', 'zorgroute cases export 12 > case-12.json'],
    ['everything of one student (a data-subject request)', 'zorgroute cases export --student L20417'],
    ['a dossier to print', 'zorgroute cases export 12 --format html --out dossier.html'],
  ],
  'cases verify': [
    ['check the case log (exit code 5 when it was tampered with)', 'zorgroute cases verify'],
    ['the report as JSON', 'zorgroute cases verify --json'],
  ],
  'cases purge': [
    ['show what is past its retention', 'zorgroute cases purge --retention'],
    ['and really delete it', 'zorgroute cases purge --retention --yes'],
  ],
  'cases backup': [
    ['a verified copy', 'zorgroute cases backup /backup/cases.db'],
    ['replace an older backup', 'zorgroute cases backup /backup/cases.db --force'],
  ],
  config: [
    ['which settings are in effect, and where does each come from?', 'zorgroute config'],
    ['with another settings file', 'zorgroute config --config /etc/zorgroute.json'],
    ['for a script', 'zorgroute config --json'],
  ],
  calendar: [
    ["the region's shipped holidays, this school year", 'zorgroute calendar show --region noord'],
    ['make a school calendar to edit', 'zorgroute calendar init --school-year 2026-2027 --out kalender.json'],
    ["check the school's calendar", 'zorgroute calendar check kalender.json'],
  ],
  'calendar show': [
    ['noord, school year 2026-2027', 'zorgroute calendar show --region noord --school-year 2026-2027'],
    ["the school's own calendar", 'zorgroute calendar show kalender.json'],
  ],
  'calendar init': [
    ["a calendar for 2026-2027, the rule set's region", 'zorgroute calendar init --school-year 2026-2027 \\\n--out kalender.json'],
    ['region zuid, to stdout', 'zorgroute calendar init --school-year 2026-2027 --region zuid'],
  ],
  'calendar check': [
    ['every error and warning at once', 'zorgroute calendar check kalender.json'],
    ["compare with region midden's advice", 'zorgroute calendar check kalender.json --region midden'],
  ],
  completion: [
    ['bash: load the completion in ~/.bashrc', 'source <(zorgroute completion bash)'],
    ['zsh: a file in a folder of $fpath', 'zorgroute completion zsh > ~/.zfunc/_zorgroute'],
    ['fish', 'zorgroute completion fish > ~/.config/fish/completions/zorgroute.fish'],
  ],
};

/** What the top-level help says after its examples: the language, colour, completion and the docs. */
const NL_MORE = [
  'Taal: --lang nl of en bij elk commando (standaard: uit LANG, anders nl).',
  'Kleur: NO_COLOR=1 zet de kleur uit; zonder terminal is er nooit kleur.',
  'Tab-aanvulling: zorgroute completion bash|zsh|fish.',
  'Handleiding: docs/handleiding/ (Nederlands), naslag: docs/reference/.',
] as const;

const EN_MORE: readonly string[] = [
  'Language: --lang nl or en on any command (default: from LANG, else nl).',
  'Colour: NO_COLOR=1 turns colour off; there is none without a terminal.',
  'Tab completion: zorgroute completion bash|zsh|fish.',
  'Manual: docs/handleiding/ (Dutch), reference: docs/reference/ (English).',
];

const EXAMPLES: Record<Lang, Record<ExampleId, readonly Example[]>> = { nl: NL_EXAMPLES, en: EN_EXAMPLES };
const MORE: Record<Lang, readonly string[]> = { nl: NL_MORE, en: EN_MORE };

/** The text after a command's help: its examples (and, for the program, `MORE`); undefined without examples. */
export function helpExamplesText(lang: Lang, commandPath: string): string | undefined {
  const examples = (EXAMPLES[lang] as Partial<Record<string, readonly Example[]>>)[commandPath];
  if (examples === undefined) return undefined;
  const lines = [WORDS[lang].help['Examples:']];
  for (const [what, command] of examples) {
    lines.push(`  # ${what}`);
    command.split('\n').forEach((part, i) => lines.push(`${i === 0 ? '  $ ' : '      '}${part}`));
  }
  if (commandPath === 'zorgroute') lines.push('', ...MORE[lang]);
  return `\n${lines.join('\n')}`;
}

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
