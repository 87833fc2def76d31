// The words of `zorgroute cases` and `route --log`, in Dutch (the default) and English.
import type { CaseStatus, DueStatus, EventKind } from '../../core/caselog/timeline.js';
import type { Lang } from '../../core/routing/compile.js';
import type { Party } from '../../core/routing/vocabulary.js';
import type { CaseLogProblemKind } from '../../commands/case-log-problem.js';
import type { TamperFinding } from '../../io/db/chain/verify-chain.js';
import { shownLabel } from '../../core/privacy.js';

export interface CasesMessages {
  listHead: string[];
  dueHead: string[];
  timelineHead: string[];
  status: Record<CaseStatus, string>;
  dueStatus: Record<DueStatus, string>;
  kind: Record<EventKind, string>;
  noCases: string;
  dueTitle: (within: number) => string;
  nothingDue: (within: number) => string;
  caseTitle: (id: number, studentRef: string, status: string) => string;
  created: (when: string, source: string) => string;
  escalations: string;
  noEscalations: string;
  todos: string;
  overdue: string;
  timeline: string;
  latestDecision: string;
  open: string;
  doneOn: (date: string, action: string) => string;
  situationRecorded: (referenceDate: string) => string;
  decisionSummary: (escalations: string, ruleset: string) => string;
  noEscalation: string;
  actionSummary: (date: string, action: string, what: string | null) => string;
  informed: (party: string) => string;
  doneEscalation: (id: number, what: string) => string;
  /** after doneEscalation, when a plain party name took the most urgent of its open items */
  pickedMostUrgent: string;
  /** `party` for the grammar ("ouders/verzorgers zijn", "de leerling is"), `name` to show. */
  doneParty: (id: number, party: Party, name: string) => string;
  doneFree: (id: number) => string;
  alreadyDone: (id: number, what: string, date: string, action: string) => string;
  stillOpen: (id: number, list: string, first: string) => string;
  closedReminder: (id: number) => string;
  /** An escalation's or a to-do's absence period, in the case's list of them. */
  periodRange: (from: string, to: string) => string;
  /** A step of a school's verzuimprotocol: the day its condition was first reached. */
  reachedOn: (day: string) => string;
  /** A case closed by the merge into the student's dossier (schema migration 5). */
  mergedInto: (id: number) => string;
  studentCases: (studentRef: string, count: number) => string;
  noSuchCaseOrStudent: (ref: string) => string;
  listAllHint: string;
  badStatus: string;
  badStatusHint: string;
  showOne: (id: number) => string;
  noteAdded: (id: number) => string;
  closed: (id: number) => string;
  reopened: (id: number) => string;
  /** cases done with a party the rules advised against involving */
  advisedAgainst: (id: number, party: string, involve: string, reason: string) => string;
  doneQuestion: string;
  doneYes: string;
  doneNo: string;
  notRecorded: (id: number) => string;
  /** in the timeline */
  againstAdvice: (party: string, involve: string) => string;
  /** cases close on a terminal with escalations or to-dos still open */
  closeOpenTitle: (id: number) => string;
  closeQuestion: string;
  closeYes: string;
  closeNo: string;
  notClosed: (id: number) => string;
  /** the timeline's closed event that left these open */
  closedWithOpen: (list: string) => string;
  logged: (added: number, skipped: number, path: string) => string;
  // cases list / due: a page of the most urgent
  listMore: (shown: number, total: number) => string;
  dueMore: (shown: number, total: number) => string;
  // cases verify
  intact: (events: number, cases: number, purges: number) => string;
  chainHead: (hash: string, lastEventId: number) => string;
  notIntact: (findings: number) => string;
  finding: (f: TamperFinding) => string;
  andMore: (n: number) => string;
  verifyHint: string;
  // cases purge
  purgeRuleClosedBefore: (day: string) => string;
  purgeRuleRetention: (caseFile: string, absence: string) => string;
  purgeNothing: (rule: string) => string;
  purgeWouldGo: (rule: string, cases: number, events: number) => string;
  purgeWent: (cases: number, events: number, id: number) => string;
  purgeNeedsYes: string;
  purgeNotCompacted: string;
  purgeLine: (caseId: number, studentRef: string, closed: string, events: number, years: number) => string;
  // cases backup
  backedUp: (file: string, kib: number, events: number, cases: number) => string;
  problem: (p: CaseLogProblemKind) => { message: string; hint?: string; details?: string[] };
}

const nlFinding = (f: TamperFinding): string => {
  const ev = `gebeurtenis ${f.eventId} van casus ${f.caseId ?? '?'}`;
  switch (f.kind) {
    case 'changed': return `${ev}: de inhoud (of de casus) klopt niet meer met het zegel — gewijzigd of vervangen`;
    case 'unsealed': return `${ev}: zonder zegel — buiten zorgroute toegevoegd of vervangen`;
    case 'inserted': return `${ev}: buiten zorgroute tussengevoegd`;
    case 'deleted': return `${ev}: verwijderd`;
    case 'relinked': return `${ev}: sluit niet aan op de gebeurtenis ervoor — die is gewijzigd en opnieuw verzegeld`;
    case 'case-deleted': return `casus ${f.caseId}: verwijderd, terwijl gebeurtenissen ervan er nog staan`;
    case 'case-inserted': return `casus ${f.caseId}: zonder gebeurtenissen — buiten zorgroute toegevoegd`;
    case 'outcome-changed': return `beslisuitkomst ${f.id}: gewijzigd`;
    case 'purge-changed': return `opschoonverslag ${f.id}: gewijzigd`;
    case 'head-changed': return 'de laatste gebeurtenissen zijn verwijderd of opnieuw verzegeld (het einde van de keten klopt niet)';
    case 'summary-differs': return `casus ${f.caseId}: het overzicht (status, escalaties, afgevinkt) wijkt af van de gebeurtenissen`;
  }
};

const enFinding = (f: TamperFinding): string => {
  const ev = `event ${f.eventId} of case ${f.caseId ?? '?'}`;
  switch (f.kind) {
    case 'changed': return `${ev}: its content (or its case) no longer matches its seal — edited or replaced`;
    case 'unsealed': return `${ev}: has no seal — inserted or replaced outside zorgroute`;
    case 'inserted': return `${ev}: inserted outside zorgroute`;
    case 'deleted': return `${ev}: deleted`;
    case 'relinked': return `${ev}: does not follow the event before it — that one was edited and resealed`;
    case 'case-deleted': return `case ${f.caseId}: deleted while its events are still there`;
    case 'case-inserted': return `case ${f.caseId}: has no events — inserted outside zorgroute`;
    case 'outcome-changed': return `decision outcome ${f.id}: edited`;
    case 'purge-changed': return `purge record ${f.id}: edited`;
    case 'head-changed': return 'the latest events were deleted or resealed (the end of the chain does not match)';
    case 'summary-differs': return `case ${f.caseId}: its summary (status, escalations, what is done) differs from its events`;
  }
};

const MAX_FINDINGS_IN_MESSAGE = 20;
const findingLines = (findings: readonly TamperFinding[], word: (f: TamperFinding) => string, more: (n: number) => string): string[] => [
  ...findings.slice(0, MAX_FINDINGS_IN_MESSAGE).map(word),
  ...(findings.length > MAX_FINDINGS_IN_MESSAGE ? [more(findings.length - MAX_FINDINGS_IN_MESSAGE)] : []),
];

const nl: CasesMessages = {
  listHead: ['#', 'leerling', 'aangemaakt', 'status', 'te doen', 'eerste termijn', 'bijgewerkt'],
  dueHead: ['termijn', 'casus', 'leerling', 'escalatie (naar:soort)', 'sinds'],
  timelineHead: ['#', 'wanneer', 'soort', 'omschrijving'],
  status: { open: 'open', closed: 'gesloten' },
  dueStatus: { overdue: 'te laat', today: 'vandaag', soon: 'binnenkort', asap: 'zo spoedig mogelijk' },
  kind: { intake: 'intake', decision: 'beslissing', action: 'gedaan', note: 'notitie', closed: 'gesloten', reopened: 'heropend' },
  noCases: 'Geen casussen.',
  dueTitle: (n) => `Te doen — escalaties die te laat zijn of binnen ${n} ${n === 1 ? 'werkdag' : 'werkdagen'} moeten; daarna wat zonder termijn moet (ook adviezen en contacten):`,
  nothingDue: (n) => `Niets te doen: geen open escalaties of acties die te laat zijn, binnen ${n} ${n === 1 ? 'werkdag' : 'werkdagen'} moeten of zonder termijn open staan.`,
  caseTitle: (id, ref, status) => `Casus ${id} — leerling ${ref} — ${status}`,
  created: (when, source) => `aangemaakt ${when} (${source})`,
  escalations: 'Escalaties',
  noEscalations: 'Geen escalaties.',
  todos: 'Te doen',
  overdue: 'te laat',
  timeline: 'Tijdlijn',
  latestDecision: 'Laatste beslissing',
  open: 'open',
  doneOn: (date, action) => `gedaan op ${date} (${action})`,
  situationRecorded: (d) => `situatie vastgelegd (peildatum ${d})`,
  decisionSummary: (esc, version) => `${esc} (regelset ${version})`,
  noEscalation: 'geen escalatie',
  actionSummary: (date, action, what) => `${date}: ${action}${what ? ` → ${what}` : ''}`,
  informed: (party) => `${party} ingelicht`,
  doneEscalation: (id, what) => `Casus ${id}: ${what} afgevinkt.`,
  pickedMostUrgent: '(het dringendste wat open stond; een overleg met dezelfde partij hoort erbij)',
  doneParty: (id, party, name) => `Casus ${id}: vastgelegd dat ${name} ${party === 'ouders' ? 'zijn' : 'is'} ingelicht.`,
  doneFree: (id) => `Casus ${id}: handeling vastgelegd. Let op: dit vinkt geen escalatie of actie af.`,
  alreadyDone: (id, what, date, action) => `Casus ${id}: ${what} was al afgevinkt op ${date} (${action}). Er is niets nieuws vastgelegd.`,
  stillOpen: (id, list, first) => `Nog open: ${list}. Afvinken met bijvoorbeeld: zorgroute cases done ${id} ${first}`,
  closedReminder: (id) => `Let op: casus ${id} is gesloten. Heropenen: zorgroute cases reopen ${id}`,
  periodRange: (from, to) => `periode ${from} t/m ${to}`,
  reachedOn: (day) => `bereikt op ${day}`,
  mergedInto: (id) => `samengevoegd in casus ${id}, het dossier van de leerling (één open casus per leerling)`,
  studentCases: (ref, n) => `Leerling ${ref} heeft ${n} casussen:`,
  noSuchCaseOrStudent: (ref) => `Er is geen casus ${ref} en geen casus van een leerling met dat nummer.`,
  listAllHint: 'alle casussen: zorgroute cases list --status alle',
  badStatus: '--status: kies "open", "gesloten" of "alle"',
  badStatusHint: 'bijvoorbeeld: zorgroute cases list --status gesloten',
  showOne: (id) => `Eén casus bekijken: zorgroute cases show ${id}`,
  noteAdded: (id) => `Notitie toegevoegd aan casus ${id}.`,
  closed: (id) => `Casus ${id} gesloten.`,
  advisedAgainst: (id, party, involve, reason) => `Let op: de regels van casus ${id} zeggen ${party}: ${involve} — ${reason}`,
  doneQuestion: 'Toch vastleggen?',
  doneYes: 'Ja, vastleggen (met deze waarschuwing)',
  doneNo: 'Nee, niet vastleggen',
  notRecorded: (id) => `Casus ${id}: niets vastgelegd.`,
  againstAdvice: (party, involve) => `⚠ tegen het advies in (${party}: ${involve})`,
  closeOpenTitle: (id) => `Casus ${id} heeft nog open staan (gesloten verdwijnt het uit cases due):`,
  closeQuestion: 'Toch sluiten?',
  closeYes: 'Ja, sluiten met dit open',
  closeNo: 'Nee, open laten',
  notClosed: (id) => `Casus ${id} niet gesloten.`,
  closedWithOpen: (list) => `gesloten met nog open: ${list}`,
  reopened: (id) => `Casus ${id} heropend.`,
  logged: (added, skipped, path) => `Casuslogboek: ${added} vastgelegd, ${skipped} al eerder vastgelegd (${shownLabel(path)}).`,
  listMore: (shown, total) => `${shown} van ${total} casussen getoond, de urgentste eerst; --all toont ze allemaal, --limit N er meer.`,
  dueMore: (shown, total) => `${shown} van ${total} getoond, de vroegste deadline eerst; --all toont ze allemaal, --limit N er meer.`,
  intact: (events, cases, purges) => `Casuslogboek intact: ${events} gebeurtenissen in ${cases} casussen${purges > 0 ? `, ${purges} keer opgeschoond` : ''}; niets gewijzigd, tussengevoegd of verwijderd.`,
  chainHead: (hash, id) => `Einde van de keten (na gebeurtenis ${id}) — bewaar dit ergens anders om later te vergelijken:\n  ${hash}`,
  notIntact: (n) => `Casuslogboek NIET intact: ${n} ${n === 1 ? 'bevinding' : 'bevindingen'}:`,
  finding: nlFinding,
  andMore: (n) => `… en nog ${n} (alles met --json)`,
  verifyHint: 'Een SQL-programma of script heeft het bestand buiten zorgroute gewijzigd. Zet een geverifieerde reservekopie terug (zorgroute cases verify --db KOPIE).',
  purgeRuleClosedBefore: (day) => `gesloten vóór ${day}`,
  purgeRuleRetention: (caseFile, absence) => `bewaartermijn verstreken: gesloten vóór ${caseFile}, of vóór ${absence} bij verzuim- of inschrijvingsgegevens`,
  purgeNothing: (rule) => `Niets op te schonen (${rule}).`,
  purgeWouldGo: (rule, cases, events) => `Op te schonen (${rule}): ${cases} casussen, ${events} gebeurtenissen:`,
  purgeWent: (cases, events, id) => `Verwijderd: ${cases} casussen, ${events} gebeurtenissen; vrijgekomen ruimte overschreven. Vastgelegd als opschoning ${id} in de keten.`,
  purgeNeedsYes: 'Er is niets verwijderd. Geef --yes om deze casussen definitief te verwijderen.',
  purgeNotCompacted: 'Een ander programma had het bestand open, zodat het niet opnieuw is opgebouwd: oude kopieën van verwijderde gegevens kunnen nog in vrije ruimte staan. Draai dezelfde opdracht opnieuw als niemand anders zorgroute gebruikt.',
  purgeLine: (id, ref, closed, events, years) => `  casus ${id}  leerling ${ref}  gesloten ${closed}  ${events} gebeurtenissen  termijn ${years} jaar`,
  backedUp: (file, kib, events, cases) => `Reservekopie geschreven en geverifieerd: ${file} (${kib} KiB, alleen voor de eigenaar leesbaar; ${events} gebeurtenissen in ${cases} casussen).`,
  problem: (p) => {
    switch (p.kind) {
      case 'limit-and-all': return { message: 'geef --limit N of --all, niet allebei' };
      case 'limit-not-a-number': return { message: '--limit: een geheel getal vanaf 1' };
      case 'purge-needs-rule': return { message: 'purge heeft precies één van --closed-before DATUM of --retention nodig', hint: '--retention: gesloten casussen na 2 jaar, met verzuim- of inschrijvingsgegevens na 5 jaar (zie docs/handleiding/it-beheer.md)' };
      case 'purge-date-in-future': return { message: '--closed-before: die datum ligt in de toekomst' };
      case 'not-a-date': return { message: `${p.flag}: geen datum (verwacht dd-mm-jjjj of jjjj-mm-dd)` };
      case 'tampered': return { message: 'het casuslogboek is buiten zorgroute gewijzigd; er is niets verwijderd', details: findingLines(p.findings, nlFinding, (n) => `… en nog ${n}`), hint: 'zorgroute cases verify toont alle bevindingen; zet een geverifieerde reservekopie terug' };
      case 'backup-exists': return { message: `${p.file} bestaat al; zorgroute overschrijft geen bestand`, hint: 'kies een nieuwe naam (bijvoorbeeld met de datum), of --force om een oudere reservekopie van zorgroute te vervangen' };
      case 'backup-not-ours': return { message: `${p.file} is geen casuslogboek van zorgroute; --force vervangt alleen een oudere reservekopie`, hint: 'kies een nieuwe naam' };
      case 'backup-is-the-log': return { message: 'de reservekopie kan niet het casuslogboek zelf zijn', hint: 'kies een ander bestand' };
      case 'backup-unverified': return { message: 'de reservekopie is niet intact; er is niets geschreven', details: findingLines(p.findings, nlFinding, (n) => `… en nog ${n}`), hint: 'zorgroute cases verify toont wat er met het casuslogboek is' };
      case 'backup-failed': return { message: `kan de reservekopie ${p.file} niet schrijven (${p.code})`, hint: 'controleer de map, de rechten en de vrije schijfruimte' };
    }
  },
};

const en: CasesMessages = {
  listHead: ['#', 'student', 'created', 'status', 'to do', 'first deadline', 'updated'],
  dueHead: ['deadline', 'case', 'student', 'escalation (to:type)', 'since'],
  timelineHead: ['#', 'when', 'kind', 'description'],
  status: { open: 'open', closed: 'closed' },
  dueStatus: { overdue: 'overdue', today: 'today', soon: 'soon', asap: 'as soon as possible' },
  kind: { intake: 'intake', decision: 'decision', action: 'done', note: 'note', closed: 'closed', reopened: 'reopened' },
  noCases: 'No cases.',
  dueTitle: (n) => `To do — escalations overdue or due within ${n} working ${n === 1 ? 'day' : 'days'}; then what has no term (consultations and contacts too):`,
  nothingDue: (n) => `Nothing to do: no open escalations or actions overdue, due within ${n} working ${n === 1 ? 'day' : 'days'}, or open without a term.`,
  caseTitle: (id, ref, status) => `Case ${id} — student ${ref} — ${status}`,
  created: (when, source) => `created ${when} (${source})`,
  escalations: 'Escalations',
  noEscalations: 'No escalations.',
  todos: 'To do',
  overdue: 'overdue',
  timeline: 'Timeline',
  latestDecision: 'Latest decision',
  open: 'open',
  doneOn: (date, action) => `done on ${date} (${action})`,
  situationRecorded: (d) => `situation recorded (reference date ${d})`,
  decisionSummary: (esc, version) => `${esc} (rule set ${version})`,
  noEscalation: 'no escalation',
  actionSummary: (date, action, what) => `${date}: ${action}${what ? ` → ${what}` : ''}`,
  informed: (party) => `${party} informed`,
  doneEscalation: (id, what) => `Case ${id}: ${what} marked done.`,
  pickedMostUrgent: '(the most urgent item open; a consult with the same party is part of it)',
  doneParty: (id, party, name) => `Case ${id}: recorded that ${name} ${party === 'ouders' ? 'were' : 'was'} informed.`,
  doneFree: (id) => `Case ${id}: action recorded. Note: it marks no escalation or to-do done.`,
  alreadyDone: (id, what, date, action) => `Case ${id}: ${what} was already marked done on ${date} (${action}). Nothing new was recorded.`,
  stillOpen: (id, list, first) => `Still open: ${list}. Mark one done with, for example: zorgroute cases done ${id} ${first}`,
  closedReminder: (id) => `Note: case ${id} is closed. To reopen it: zorgroute cases reopen ${id}`,
  periodRange: (from, to) => `period ${from} to ${to}`,
  reachedOn: (day) => `reached on ${day}`,
  mergedInto: (id) => `merged into case ${id}, the student's dossier (one open case per student)`,
  studentCases: (ref, n) => `Student ${ref} has ${n} cases:`,
  noSuchCaseOrStudent: (ref) => `There is no case ${ref} and no case of a student with that number.`,
  listAllHint: 'every case: zorgroute cases list --status all',
  badStatus: '--status: choose "open", "closed" or "all" (also "gesloten", "alle")',
  badStatusHint: 'for example: zorgroute cases list --status closed',
  showOne: (id) => `To see one case: zorgroute cases show ${id}`,
  noteAdded: (id) => `Note added to case ${id}.`,
  closed: (id) => `Case ${id} closed.`,
  advisedAgainst: (id, party, involve, reason) => `Note: the rules of case ${id} say ${party}: ${involve} — ${reason}`,
  doneQuestion: 'Record it anyway?',
  doneYes: 'Yes, record it (with this warning)',
  doneNo: 'No, do not record it',
  notRecorded: (id) => `Case ${id}: nothing recorded.`,
  againstAdvice: (party, involve) => `⚠ against the advice (${party}: ${involve})`,
  closeOpenTitle: (id) => `Case ${id} still has open (once closed it leaves cases due):`,
  closeQuestion: 'Close it anyway?',
  closeYes: 'Yes, close it with these open',
  closeNo: 'No, leave it open',
  notClosed: (id) => `Case ${id} not closed.`,
  closedWithOpen: (list) => `closed with still open: ${list}`,
  reopened: (id) => `Case ${id} reopened.`,
  logged: (added, skipped, path) => `Case log: ${added} recorded, ${skipped} recorded before (${shownLabel(path)}).`,
  listMore: (shown, total) => `${shown} of ${total} cases shown, the most urgent first; --all shows them all, --limit N more.`,
  dueMore: (shown, total) => `${shown} of ${total} shown, the earliest deadline first; --all shows them all, --limit N more.`,
  intact: (events, cases, purges) => `Case log intact: ${events} events in ${cases} cases${purges > 0 ? `, purged ${purges} times` : ''}; nothing edited, inserted or deleted.`,
  chainHead: (hash, id) => `End of the chain (after event ${id}) — keep it elsewhere to compare later:\n  ${hash}`,
  notIntact: (n) => `Case log NOT intact: ${n} ${n === 1 ? 'finding' : 'findings'}:`,
  finding: enFinding,
  andMore: (n) => `… and ${n} more (all with --json)`,
  verifyHint: 'A SQL tool or script changed the file outside zorgroute. Restore a verified backup (zorgroute cases verify --db COPY).',
  purgeRuleClosedBefore: (day) => `closed before ${day}`,
  purgeRuleRetention: (caseFile, absence) => `retention over: closed before ${caseFile}, or before ${absence} with absence or enrolment data`,
  purgeNothing: (rule) => `Nothing to purge (${rule}).`,
  purgeWouldGo: (rule, cases, events) => `To purge (${rule}): ${cases} cases, ${events} events:`,
  purgeWent: (cases, events, id) => `Deleted: ${cases} cases, ${events} events; the freed space overwritten. Recorded as purge ${id} in the chain.`,
  purgeNeedsYes: 'Nothing was deleted. Give --yes to delete these cases for good.',
  purgeNotCompacted: 'Another program had the file open, so it was not rebuilt: old copies of removed data may still be in free space. Run the same command again when nobody else uses zorgroute.',
  purgeLine: (id, ref, closed, events, years) => `  case ${id}  student ${ref}  closed ${closed}  ${events} events  term ${years} years`,
  backedUp: (file, kib, events, cases) => `Backup written and verified: ${file} (${kib} KiB, readable by the owner only; ${events} events in ${cases} cases).`,
  problem: (p) => {
    switch (p.kind) {
      case 'limit-and-all': return { message: 'give --limit N or --all, not both' };
      case 'limit-not-a-number': return { message: '--limit: a whole number from 1' };
      case 'purge-needs-rule': return { message: 'purge needs exactly one of --closed-before DATE or --retention', hint: '--retention: closed cases after 2 years, with absence or enrolment data after 5 years (see docs/reference/caselog.md)' };
      case 'purge-date-in-future': return { message: '--closed-before: that date lies in the future' };
      case 'not-a-date': return { message: `${p.flag}: not a date (expected dd-mm-jjjj or jjjj-mm-dd)` };
      case 'tampered': return { message: 'the case log was changed outside zorgroute; nothing was deleted', details: findingLines(p.findings, enFinding, (n) => `… and ${n} more`), hint: 'zorgroute cases verify shows every finding; restore a verified backup' };
      case 'backup-exists': return { message: `${p.file} exists; zorgroute does not overwrite a file`, hint: 'choose a new name (with the date, say), or --force to replace an older zorgroute backup' };
      case 'backup-not-ours': return { message: `${p.file} is not a zorgroute case log; --force only replaces an older backup`, hint: 'choose a new name' };
      case 'backup-is-the-log': return { message: 'the backup cannot be the case log itself', hint: 'choose another file' };
      case 'backup-unverified': return { message: 'the backup is not intact; nothing was written', details: findingLines(p.findings, enFinding, (n) => `… and ${n} more`), hint: 'zorgroute cases verify shows what is wrong with the case log' };
      case 'backup-failed': return { message: `cannot write the backup ${p.file} (${p.code})`, hint: 'check the folder, its permissions and the free disk space' };
    }
  },
};

/**
 * `cmd`: how the user calls zorgroute here (`zorgroute`, `npx zorgroute`; src/io/invocation.ts): the
 * commands these texts show (`zorgroute cases …`) are written with it, so that they can be typed.
 */
export function casesMessagesFor(lang: Lang, cmd = 'zorgroute'): CasesMessages {
  const m = lang === 'en' ? en : nl;
  if (cmd === 'zorgroute') return m;
  const typed = (text: string): string => text.replaceAll('zorgroute cases ', `${cmd} cases `);
  return Object.fromEntries(
    Object.entries(m).map(([key, value]) => [
      key,
      typeof value === 'string' ? typed(value) : typeof value === 'function' ? (...args: unknown[]) => typed((value as (...a: unknown[]) => string)(...args)) : value,
    ]),
  ) as unknown as CasesMessages;
}
