// The words of the intake, in Dutch (the default) and English: one question and one short label per
// situation field, the topics, and the validation messages. Kept apart from messages.ts because it
// is long and only `intake` loads it.
import type { Lang } from '../../core/routing/compile.js';
import type { FieldProblem, TopicId } from '../../core/intake/plan.js';
import type { ReferenceDateWarning } from '../../core/intake/warnings.js';
import type { FieldKind, SituationField } from '../../core/routing/situation.js';

export interface FieldWords {
  question: string;
  label: string;
}

export interface IntakeMessages {
  fields: Record<SituationField, FieldWords>;
  topics: Record<TopicId, string>;
  topicsQuestion: string;
  topicsLabel: string;
  topicsNone: string;
  values: Record<string, string>;
  yes: string;
  no: string;
  notAskedYet: string;
  unknown: string;
  /** `notInCalendar`: written as a date, but there is no such day (31-02-2026). */
  problem: (kind: FieldKind['kind'], problem: FieldProblem | 'required' | 'notInCalendar') => string;
  keys: Record<string, string>;
  facts: (age: string, status: string) => string;
  openCases: (studentRef: string, ids: string) => string;
  reviewTitle: string;
  kept: string;
  notAsked: string;
  givenAsFlag: string;
  whatNext: string;
  save: string;
  saveToOpen: (caseId: number) => string;
  saveNew: string;
  change: string;
  showRules: string;
  outcomeTitle: string;
  quit: string;
  whichAnswer: string;
  back: string;
  /** `cmd`: how the user calls zorgroute here (`zorgroute`, `npx zorgroute`). */
  saved: (caseId: number, studentRef: string, cmd: string) => string;
  appended: (caseId: number, studentRef: string, cmd: string) => string;
  referenceDateQuestion: (warning: ReferenceDateWarning, date: string) => string;
  referenceDateKeep: string;
  referenceDateRetype: string;
  referenceDateWarning: (warning: ReferenceDateWarning, date: string) => string;
  birthDateQuestion: (known: string, typed: string, caseId: number) => string;
  birthDateKeep: (typed: string) => string;
  birthDateRetype: string;
  birthDateWarning: (known: string, given: string, caseId: number) => string;
  quitQuestion: (questions: number) => string;
  quitYes: string;
  quitNo: string;
  discarded: string;
  cancelled: string;
}

const nlFields: Record<SituationField, FieldWords> = {
  studentRef: { question: 'Leerlingnummer (van de school — geen BSN)', label: 'leerlingnummer' },
  birthDate: { question: 'Geboortedatum (dd-mm-jjjj)', label: 'geboortedatum' },
  referenceDate: { question: 'Peildatum (dd-mm-jjjj)', label: 'peildatum' },
  educationType: { question: 'Onderwijstype', label: 'onderwijstype' },
  enrolled: { question: 'Staat de leerling op dit moment ingeschreven op een school? (j/n)', label: 'ingeschreven' },
  startkwalificatie: { question: 'Heeft de leerling een startkwalificatie (havo-, vwo- of mbo-2-diploma)? (j/n)', label: 'startkwalificatie' },
  exemption: { question: 'Heeft de leerling vrijstelling van de leerplicht? (j/n)', label: 'vrijstelling' },
  schoolYearsCompleted: { question: 'Hoeveel volledige schooljaren onderwijs heeft de leerling gevolgd? (leeg = onbekend)', label: 'schooljaren gevolgd' },
  unexcusedHours4w: { question: 'Uren ongeoorloofd verzuim in de laatste 4 schoolweken', label: 'uren ongeoorloofd (4 weken)' },
  unexcusedHoursReachedOn: { question: 'Op welke dag werd de 16 uur bereikt? (dd-mm-jjjj, Enter = peildatum)', label: '16 uur bereikt op' },
  unexcusedWeeks: { question: 'Hoeveel weken aaneengesloten ongeoorloofd verzuim?', label: 'weken ongeoorloofd' },
  luxuryAbsence: { question: 'Op vakantie buiten de schoolvakanties zonder verlof (luxeverzuim)? (j/n)', label: 'luxeverzuim' },
  sickReports12w: { question: 'Aantal ziekmeldingen in de laatste 12 schoolweken', label: 'ziekmeldingen (12 weken)' },
  sickDaysInRow: { question: 'Hoeveel schooldagen is de leerling nu aaneengesloten ziek?', label: 'ziektedagen aaneen' },
  lateArrivalsSchoolYear: { question: 'Hoe vaak is de leerling dit schooljaar te laat gekomen?', label: 'te laat (schooljaar)' },
  lateArrivals4w: { question: 'Hoe vaak is de leerling in de laatste 4 lesweken te laat gekomen?', label: 'te laat (4 lesweken)' },
  unexcusedHoursSchoolYear: { question: 'Uren ongeoorloofd verzuim dit schooljaar', label: 'uren ongeoorloofd (schooljaar)' },
  removalsSchoolYear: { question: 'Hoe vaak is de leerling dit schooljaar uit de les gestuurd?', label: 'uit de les gestuurd (schooljaar)' },
  sickReportsSchoolYear: { question: 'Aantal ziekmeldingen dit schooljaar', label: 'ziekmeldingen (schooljaar)' },
  reachedOn: { question: 'Op welke schooldag werd het signaal bereikt? (dd-mm-jjjj, Enter = peildatum)', label: 'signaal bereikt op' },
  deregistered: { question: 'Wordt de leerling uitgeschreven of verlaat hij/zij de school? (j/n)', label: 'uitschrijving' },
  enrolledElsewhere: { question: 'Is de leerling al ingeschreven op een andere school (bewijs van inschrijving ontvangen)? (j/n)', label: 'ingeschreven elders' },
  weeksWithoutPlace: { question: 'Hoeveel weken zit de leerling thuis zonder onderwijsplek?', label: 'weken thuis zonder plek' },
  placeProspect: { question: 'Is er uitzicht op een onderwijsplek op korte termijn? (j/n)', label: 'uitzicht op een plek' },
  truancyOnly: { question: 'Zit de leerling alleen thuis door eigen gebrek aan motivatie? (j/n)', label: 'alleen eigen motivatie' },
  supportNeed: { question: 'Welke extra ondersteuningsbehoefte heeft de leerling?', label: 'ondersteuningsbehoefte' },
  schoolCanSupport: { question: 'Kan de school de ondersteuning bieden die nodig is? (j/n)', label: 'school kan ondersteunen' },
  suitablePlaceFound: { question: 'Is er een passende onderwijsplek? (j/n)', label: 'passende plek' },
  swvInvolved: { question: 'Is het samenwerkingsverband al betrokken? (j/n)', label: 'SWV betrokken' },
  sensoryNeed: { question: 'Welke zintuiglijke of taal-spraakbeperking?', label: 'zintuiglijke beperking' },
  medicalCareFunding: { question: 'Is er een vraag over de bekostiging van medische zorg op school? (j/n)', label: 'bekostiging medische zorg' },
  danger: { question: 'Is er een reëel gevaar voor de leerling, een leraar of een hulpverlener? (j/n)', label: 'reëel gevaar' },
  abuseSuspected: { question: 'Zijn er signalen van huiselijk geweld of kindermishandeling? (j/n)', label: 'signalen meldcode' },
  studentAllowsParents: { question: 'De leerling is 16 of ouder: wil de leerling dat ouders betrokken worden?', label: 'leerling wil ouders erbij' },
};

const enFields: Record<SituationField, FieldWords> = {
  studentRef: { question: 'Student number (the school’s own — not a BSN)', label: 'student number' },
  birthDate: { question: 'Date of birth (dd-mm-yyyy)', label: 'date of birth' },
  referenceDate: { question: 'Reference date (dd-mm-yyyy)', label: 'reference date' },
  educationType: { question: 'Type of education', label: 'education type' },
  enrolled: { question: 'Is the student currently enrolled at a school? (y/n)', label: 'enrolled' },
  startkwalificatie: { question: 'Does the student have a startkwalificatie (havo, vwo or mbo-2 diploma)? (y/n)', label: 'startkwalificatie' },
  exemption: { question: 'Is the student exempt from leerplicht (vrijstelling)? (y/n)', label: 'exemption' },
  schoolYearsCompleted: { question: 'How many full school years has the student completed? (empty = unknown)', label: 'school years completed' },
  unexcusedHours4w: { question: 'Hours of unexcused absence in the last 4 school weeks', label: 'unexcused hours (4 weeks)' },
  unexcusedHoursReachedOn: { question: 'On which day were the 16 hours reached? (dd-mm-yyyy, Enter = reference date)', label: '16 hours reached on' },
  unexcusedWeeks: { question: 'How many uninterrupted weeks of unexcused absence?', label: 'unexcused weeks' },
  luxuryAbsence: { question: 'On holiday outside the school holidays without leave (luxeverzuim)? (y/n)', label: 'luxeverzuim' },
  sickReports12w: { question: 'Number of sick reports in the last 12 school weeks', label: 'sick reports (12 weeks)' },
  sickDaysInRow: { question: 'How many school days in a row has the student been sick now?', label: 'sick days in a row' },
  lateArrivalsSchoolYear: { question: 'How often has the student been late this school year?', label: 'late (school year)' },
  lateArrivals4w: { question: 'How often has the student been late in the last 4 lesweken?', label: 'late (4 lesweken)' },
  unexcusedHoursSchoolYear: { question: 'Hours of unexcused absence this school year', label: 'unexcused hours (school year)' },
  removalsSchoolYear: { question: 'How often has the student been sent out of class this school year?', label: 'sent out of class (school year)' },
  sickReportsSchoolYear: { question: 'Number of sick reports this school year', label: 'sick reports (school year)' },
  reachedOn: { question: 'On which school day was the signal reached? (dd-mm-yyyy, Enter = reference date)', label: 'signal reached on' },
  deregistered: { question: 'Is the student being deregistered or leaving the school? (y/n)', label: 'deregistered' },
  enrolledElsewhere: { question: 'Is the student already enrolled at another school (proof of enrolment received)? (y/n)', label: 'enrolled elsewhere' },
  weeksWithoutPlace: { question: 'How many weeks has the student been at home without an education place?', label: 'weeks at home without a place' },
  placeProspect: { question: 'Is an education place in sight soon? (y/n)', label: 'place in sight' },
  truancyOnly: { question: 'Is the student at home only through their own lack of motivation? (y/n)', label: 'own motivation only' },
  supportNeed: { question: 'Which extra support need does the student have?', label: 'support need' },
  schoolCanSupport: { question: 'Can the school give the support that is needed? (y/n)', label: 'school can support' },
  suitablePlaceFound: { question: 'Is there a suitable education place? (y/n)', label: 'suitable place' },
  swvInvolved: { question: 'Is the Samenwerkingsverband already involved? (y/n)', label: 'SWV involved' },
  sensoryNeed: { question: 'Which sensory or speech-language impairment?', label: 'sensory need' },
  medicalCareFunding: { question: 'Is there a question about funding medical care at school? (y/n)', label: 'medical care funding' },
  danger: { question: 'Is there a real danger for the student, a teacher or a care worker? (y/n)', label: 'real danger' },
  abuseSuspected: { question: 'Are there signs of domestic violence or child abuse? (y/n)', label: 'meldcode signs' },
  studentAllowsParents: { question: 'The student is 16 or older: does the student want parents involved?', label: 'student wants parents involved' },
};

const nl: IntakeMessages = {
  fields: nlFields,
  topics: {
    verzuim: 'ongeoorloofd verzuim (spijbelen, luxeverzuim)',
    ziekte: 'ziekteverzuim',
    thuiszitten: 'thuiszitten: geen onderwijsplek',
    inschrijving: 'inschrijving: niet (meer) ingeschreven of uitschrijving',
    ondersteuning: 'extra ondersteuningsbehoefte (gedrag, leren, gezondheid)',
    zintuiglijk: 'visuele, auditieve of taal-spraakbeperking',
    medisch: 'bekostiging van medische zorg op school',
    veiligheid: 'zorgen over veiligheid (huiselijk geweld, kindermishandeling, gevaar)',
  },
  topicsQuestion: 'Wat speelt er? Kies alles wat van toepassing is',
  topicsLabel: 'wat speelt er',
  topicsNone: 'niets van deze lijst',
  values: { none: 'geen', po: 'po', so: 'so', vo: 'vo', vso: 'vso', pro: 'pro', mbo: 'mbo', gedrag: 'gedrag', leren: 'leren', gezondheid: 'gezondheid', visueel: 'visueel', auditief: 'auditief', 'taal-spraak': 'taal-spraak' },
  yes: 'ja',
  no: 'nee',
  notAskedYet: 'nog niet gevraagd',
  unknown: 'onbekend',
  problem: (kind, problem) => {
    if (problem === 'required') return 'Dit antwoord is nodig.';
    if (problem === 'bsn') return 'Dit lijkt een BSN of onderwijsnummer. Gebruik het leerlingnummer van de school; een BSN wordt nooit opgeslagen.';
    if (problem === 'unsafeText') return 'Hierin staat een stuurteken of een kapot teken. Typ het leerlingnummer als gewone tekst.';
    if (problem === 'tooLarge') return 'Dit getal is groter dan bij deze vraag kan (een BSN of ander nummer op de verkeerde plek?).';
    if (problem === 'notInCalendar') return 'Deze datum bestaat niet in de kalender.';
    if (problem === 'afterReference') return 'De geboortedatum ligt na de peildatum.';
    if (problem === 'birthInFuture') return 'De geboortedatum ligt in de toekomst.';
    if (problem === 'beforeBirth') return 'De peildatum ligt vóór de geboortedatum.';
    if (problem === 'reachedAfterReference') return 'Die dag ligt na de peildatum.';
    if (problem === 'reachedTooEarly') return 'Die dag ligt meer dan een jaar vóór de peildatum.';
    if (kind === 'date') return 'Geen geldige datum. Typ dd-mm-jjjj, bijvoorbeeld 01-03-2012.';
    if (kind === 'boolean' || kind === 'nullableBoolean') return 'Antwoord ja of nee (j/n).';
    if (kind === 'count') return 'Typ een heel getal, 0 of meer.';
    if (kind === 'amount') return 'Typ een getal, 0 of meer (een komma mag: 12,5).';
    if (kind === 'studentRef') return 'Een leerlingnummer heeft 1 tot 64 tekens.';
    return 'Dit antwoord kan niet.';
  },
  keys: { navigate: 'verplaatsen', toggle: 'aan/uit', choose: 'kiezen', submit: 'verder', all: 'alles', invert: 'omdraaien', space: 'spatie' },
  facts: (age, status) => `→ ${age}, ${status}`,
  openCases: (ref, ids) => `Let op: leerling ${ref} heeft al een open casus (${ids}). Bij opslaan kiest u: toevoegen aan die casus of een nieuwe casus.`,
  reviewTitle: 'Overzicht',
  kept: 'Ingevuld, maar telt nu niet mee (bewaard zoals ingevuld)',
  notAsked: 'Niet gevraagd (verandert de uitkomst voor deze leerling niet)',
  givenAsFlag: 'vooraf ingevuld',
  whatNext: 'Wat wilt u doen?',
  save: 'Opslaan als casus',
  saveToOpen: (id) => `Toevoegen aan open casus ${id}`,
  saveNew: 'Opslaan als nieuwe casus',
  change: 'Een antwoord wijzigen',
  showRules: 'Toon regels en bronnen (met de redenen)',
  outcomeTitle: 'Uitkomst',
  quit: 'Stoppen zonder op te slaan',
  whichAnswer: 'Welk antwoord wilt u wijzigen?',
  back: '(terug naar het overzicht)',
  saved: (id, ref, cmd) => `Casus ${id} opgeslagen voor leerling ${ref}. Bekijken: ${cmd} cases show ${id}`,
  appended: (id, ref, cmd) => `Intake toegevoegd aan casus ${id} van leerling ${ref}. Bekijken: ${cmd} cases show ${id}`,
  referenceDateQuestion: (w, date) =>
    w === 'future' ? `De peildatum ${date} ligt in de toekomst. Klopt dat?` : `De peildatum ${date} ligt meer dan een jaar terug. Klopt dat?`,
  referenceDateKeep: 'Ja, deze peildatum klopt',
  referenceDateRetype: 'Nee, peildatum opnieuw invullen',
  referenceDateWarning: (w, date) =>
    w === 'future' ? `Let op: de peildatum ${date} ligt in de toekomst.` : `Let op: de peildatum ${date} ligt meer dan een jaar terug.`,
  birthDateQuestion: (known, typed, id) => `De open casus ${id} van deze leerling heeft geboortedatum ${known}, niet ${typed}. Is ${typed} juist?`,
  birthDateKeep: (typed) => `Ja, ${typed} is juist`,
  birthDateRetype: 'Nee, geboortedatum opnieuw invullen',
  birthDateWarning: (known, given, id) => `Let op: de open casus ${id} had geboortedatum ${known}; nu vastgelegd met ${given}.`,
  quitQuestion: (n) => `Stoppen zonder opslaan? ${n === 1 ? 'Het antwoord gaat' : `De ${n} antwoorden gaan`} verloren.`,
  quitYes: 'Ja, stoppen zonder opslaan',
  quitNo: 'Nee, terug naar het overzicht',
  discarded: 'Niet opgeslagen.',
  cancelled: 'Intake afgebroken: er is niets opgeslagen.',
};

const en: IntakeMessages = {
  fields: enFields,
  topics: {
    verzuim: 'unexcused absence (truancy, luxeverzuim)',
    ziekte: 'sickness absence',
    thuiszitten: 'at home: no education place',
    inschrijving: 'enrolment: not (or no longer) enrolled, or leaving school',
    ondersteuning: 'extra support need (behaviour, learning, health)',
    zintuiglijk: 'visual, hearing or speech-language impairment',
    medisch: 'funding of medical care at school',
    veiligheid: 'safety concerns (domestic violence, child abuse, danger)',
  },
  topicsQuestion: 'What is going on? Tick everything that applies',
  topicsLabel: 'what is going on',
  topicsNone: 'nothing from this list',
  values: { none: 'none', po: 'po', so: 'so', vo: 'vo', vso: 'vso', pro: 'pro', mbo: 'mbo', gedrag: 'behaviour', leren: 'learning', gezondheid: 'health', visueel: 'visual', auditief: 'hearing', 'taal-spraak': 'speech-language' },
  yes: 'yes',
  no: 'no',
  notAskedYet: 'not asked yet',
  unknown: 'unknown',
  problem: (kind, problem) => {
    if (problem === 'notInCalendar') return 'There is no such date in the calendar.';
    if (problem === 'required') return 'This answer is needed.';
    if (problem === 'bsn') return 'This looks like a BSN or onderwijsnummer. Use the school’s student number; a BSN is never stored.';
    if (problem === 'unsafeText') return 'This contains a control character or a broken character. Type the student number as plain text.';
    if (problem === 'tooLarge') return 'This number is larger than this question can be (a BSN or another number in the wrong place?).';
    if (problem === 'afterReference') return 'The date of birth is after the reference date.';
    if (problem === 'birthInFuture') return 'The date of birth lies in the future.';
    if (problem === 'beforeBirth') return 'The reference date is before the date of birth.';
    if (problem === 'reachedAfterReference') return 'That day is after the reference date.';
    if (problem === 'reachedTooEarly') return 'That day is more than a year before the reference date.';
    if (kind === 'date') return 'Not a valid date. Type dd-mm-yyyy, for example 01-03-2012.';
    if (kind === 'boolean' || kind === 'nullableBoolean') return 'Answer yes or no (y/n).';
    if (kind === 'count') return 'Type a whole number, 0 or more.';
    if (kind === 'amount') return 'Type a number, 0 or more (a decimal comma is fine: 12,5).';
    if (kind === 'studentRef') return 'A student number has 1 to 64 characters.';
    return 'This answer is not possible.';
  },
  keys: { navigate: 'move', toggle: 'tick', choose: 'choose', submit: 'continue', all: 'all', invert: 'invert' },
  facts: (age, status) => `→ ${age}, ${status}`,
  openCases: (ref, ids) => `Note: student ${ref} already has an open case (${ids}). When saving you choose: add to that case or start a new one.`,
  reviewTitle: 'Summary',
  kept: 'Answered, but it does not count now (kept as typed)',
  notAsked: 'Not asked (cannot change the outcome for this student)',
  givenAsFlag: 'pre-filled',
  whatNext: 'What would you like to do?',
  save: 'Save as a case',
  saveToOpen: (id) => `Add to open case ${id}`,
  saveNew: 'Save as a new case',
  change: 'Change an answer',
  showRules: 'Show rules and sources (with the reasons)',
  outcomeTitle: 'Outcome',
  quit: 'Quit without saving',
  whichAnswer: 'Which answer do you want to change?',
  back: '(back to the summary)',
  saved: (id, ref, cmd) => `Case ${id} saved for student ${ref}. See: ${cmd} cases show ${id}`,
  appended: (id, ref, cmd) => `Intake added to case ${id} of student ${ref}. See: ${cmd} cases show ${id}`,
  referenceDateQuestion: (w, date) =>
    w === 'future' ? `The reference date ${date} lies in the future. Is that right?` : `The reference date ${date} lies more than a year back. Is that right?`,
  referenceDateKeep: 'Yes, this reference date is right',
  referenceDateRetype: 'No, type the reference date again',
  referenceDateWarning: (w, date) =>
    w === 'future' ? `Note: the reference date ${date} lies in the future.` : `Note: the reference date ${date} lies more than a year back.`,
  birthDateQuestion: (known, typed, id) => `This student's open case ${id} has birth date ${known}, not ${typed}. Is ${typed} right?`,
  birthDateKeep: (typed) => `Yes, ${typed} is right`,
  birthDateRetype: 'No, type the birth date again',
  birthDateWarning: (known, given, id) => `Note: the open case ${id} had birth date ${known}; now recorded with ${given}.`,
  quitQuestion: (n) => `Quit without saving? ${n === 1 ? 'The answer' : `The ${n} answers`} will be lost.`,
  quitYes: 'Yes, quit without saving',
  quitNo: 'No, back to the summary',
  discarded: 'Not saved.',
  cancelled: 'Intake cancelled: nothing was saved.',
};

export function intakeMessagesFor(lang: Lang): IntakeMessages {
  return lang === 'en' ? en : nl;
}
