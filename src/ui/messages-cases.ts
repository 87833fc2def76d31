// The words of `zorgroute cases` and `route --log`, in Dutch (the default) and English.
import type { CaseStatus, DueStatus, EventKind } from '../core/caselog/timeline.js';
import type { Lang } from '../core/routing/compile.js';

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
  doneParty: (id: number, party: string) => string;
  doneFree: (id: number) => string;
  alreadyDone: (id: number, what: string, date: string, action: string) => string;
  stillOpen: (id: number, list: string, first: string) => string;
  closedReminder: (id: number) => string;
  studentCases: (studentRef: string, count: number) => string;
  noSuchCaseOrStudent: (ref: string) => string;
  listAllHint: string;
  badStatus: string;
  badStatusHint: string;
  showOne: (id: number) => string;
  noteAdded: (id: number) => string;
  closed: (id: number) => string;
  reopened: (id: number) => string;
  logged: (added: number, skipped: number, path: string) => string;
}

const nl: CasesMessages = {
  listHead: ['#', 'leerling', 'aangemaakt', 'status', 'te doen', 'eerste deadline', 'laatste gebeurtenis'],
  dueHead: ['deadline', 'status', 'casus', 'leerling', 'naar', 'soort', 'sinds'],
  timelineHead: ['#', 'wanneer', 'soort', 'omschrijving'],
  status: { open: 'open', closed: 'gesloten' },
  dueStatus: { overdue: 'te laat', today: 'vandaag', soon: 'binnenkort', asap: 'zo spoedig mogelijk' },
  kind: { intake: 'intake', decision: 'beslissing', action: 'gedaan', note: 'notitie', closed: 'gesloten', reopened: 'heropend' },
  noCases: 'Geen casussen.',
  dueTitle: (n) => `Te doen — escalaties die te laat zijn of binnen ${n} werkdagen moeten; daarna wat zonder termijn moet (ook adviezen en contacten):`,
  nothingDue: (n) => `Niets te doen: geen open escalaties of acties die te laat zijn, binnen ${n} werkdagen moeten of zonder termijn open staan.`,
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
  doneParty: (id, party) => `Casus ${id}: vastgelegd dat ${party} is ingelicht.`,
  doneFree: (id) => `Casus ${id}: handeling vastgelegd. Let op: dit vinkt geen escalatie of actie af.`,
  alreadyDone: (id, what, date, action) => `Casus ${id}: ${what} was al afgevinkt op ${date} (${action}). Er is niets nieuws vastgelegd.`,
  stillOpen: (id, list, first) => `Nog open: ${list}. Afvinken met bijvoorbeeld: zorgroute cases done ${id} ${first}`,
  closedReminder: (id) => `Let op: casus ${id} is gesloten. Heropenen: zorgroute cases reopen ${id}`,
  studentCases: (ref, n) => `Leerling ${ref} heeft ${n} casussen:`,
  noSuchCaseOrStudent: (ref) => `Er is geen casus ${ref} en geen casus van een leerling met dat nummer.`,
  listAllHint: 'alle casussen: zorgroute cases list --status alle',
  badStatus: '--status: kies "open", "gesloten" of "alle"',
  badStatusHint: 'bijvoorbeeld: zorgroute cases list --status gesloten',
  showOne: (id) => `Eén casus bekijken: zorgroute cases show ${id}`,
  noteAdded: (id) => `Notitie toegevoegd aan casus ${id}.`,
  closed: (id) => `Casus ${id} gesloten.`,
  reopened: (id) => `Casus ${id} heropend.`,
  logged: (added, skipped, path) => `Casuslogboek: ${added} vastgelegd, ${skipped} al eerder vastgelegd (${path}).`,
};

const en: CasesMessages = {
  listHead: ['#', 'student', 'created', 'status', 'to do', 'first deadline', 'last event'],
  dueHead: ['deadline', 'status', 'case', 'student', 'to', 'type', 'since'],
  timelineHead: ['#', 'when', 'kind', 'description'],
  status: { open: 'open', closed: 'closed' },
  dueStatus: { overdue: 'overdue', today: 'today', soon: 'soon', asap: 'as soon as possible' },
  kind: { intake: 'intake', decision: 'decision', action: 'done', note: 'note', closed: 'closed', reopened: 'reopened' },
  noCases: 'No cases.',
  dueTitle: (n) => `To do — escalations overdue or due within ${n} working days; then what has no term (consultations and contacts too):`,
  nothingDue: (n) => `Nothing to do: no open escalations or actions overdue, due within ${n} working days, or open without a term.`,
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
  doneParty: (id, party) => `Case ${id}: recorded that ${party} was informed.`,
  doneFree: (id) => `Case ${id}: action recorded. Note: it marks no escalation or to-do done.`,
  alreadyDone: (id, what, date, action) => `Case ${id}: ${what} was already marked done on ${date} (${action}). Nothing new was recorded.`,
  stillOpen: (id, list, first) => `Still open: ${list}. Mark one done with, for example: zorgroute cases done ${id} ${first}`,
  closedReminder: (id) => `Note: case ${id} is closed. To reopen it: zorgroute cases reopen ${id}`,
  studentCases: (ref, n) => `Student ${ref} has ${n} cases:`,
  noSuchCaseOrStudent: (ref) => `There is no case ${ref} and no case of a student with that number.`,
  listAllHint: 'every case: zorgroute cases list --status all',
  badStatus: '--status: choose "open", "closed" or "all" (also "gesloten", "alle")',
  badStatusHint: 'for example: zorgroute cases list --status closed',
  showOne: (id) => `To see one case: zorgroute cases show ${id}`,
  noteAdded: (id) => `Note added to case ${id}.`,
  closed: (id) => `Case ${id} closed.`,
  reopened: (id) => `Case ${id} reopened.`,
  logged: (added, skipped, path) => `Case log: ${added} recorded, ${skipped} recorded before (${path}).`,
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
