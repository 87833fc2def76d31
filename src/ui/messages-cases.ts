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
  /** `cmd`: how the user calls zorgroute here (`zorgroute`, `npx zorgroute`). */
  stillOpen: (list: string, cmd: string) => string;
  noteAdded: (id: number) => string;
  closed: (id: number) => string;
  reopened: (id: number) => string;
  logged: (added: number, skipped: number, path: string) => string;
}

const nl: CasesMessages = {
  listHead: ['#', 'leerling', 'aangemaakt', 'status', 'open escalaties', 'eerste deadline', 'laatste gebeurtenis'],
  dueHead: ['deadline', 'status', 'casus', 'leerling', 'naar', 'soort', 'sinds'],
  timelineHead: ['#', 'wanneer', 'soort', 'omschrijving'],
  status: { open: 'open', closed: 'gesloten' },
  dueStatus: { overdue: 'te laat', today: 'vandaag', soon: 'binnenkort', asap: 'zo spoedig mogelijk' },
  kind: { intake: 'intake', decision: 'beslissing', action: 'gedaan', note: 'notitie', closed: 'gesloten', reopened: 'heropend' },
  noCases: 'Geen casussen.',
  dueTitle: (n) => `Te doen — escalaties die te laat zijn of binnen ${n} werkdagen moeten, en die zonder termijn:`,
  nothingDue: (n) => `Niets te doen: geen open escalaties die te laat zijn of binnen ${n} werkdagen moeten.`,
  caseTitle: (id, ref, status) => `Casus ${id} — leerling ${ref} — ${status}`,
  created: (when, source) => `aangemaakt ${when} (${source})`,
  escalations: 'Escalaties',
  noEscalations: 'Geen escalaties.',
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
  doneFree: (id) => `Casus ${id}: handeling vastgelegd. Let op: dit vinkt geen escalatie af.`,
  stillOpen: (list, cmd) => `Nog open: ${list} (afvinken met: ${cmd} cases done ID naar:soort)`,
  noteAdded: (id) => `Notitie toegevoegd aan casus ${id}.`,
  closed: (id) => `Casus ${id} gesloten.`,
  reopened: (id) => `Casus ${id} heropend.`,
  logged: (added, skipped, path) => `Casuslogboek: ${added} vastgelegd, ${skipped} al eerder vastgelegd (${path}).`,
};

const en: CasesMessages = {
  listHead: ['#', 'student', 'created', 'status', 'open escalations', 'first deadline', 'last event'],
  dueHead: ['deadline', 'status', 'case', 'student', 'to', 'type', 'since'],
  timelineHead: ['#', 'when', 'kind', 'description'],
  status: { open: 'open', closed: 'closed' },
  dueStatus: { overdue: 'overdue', today: 'today', soon: 'soon', asap: 'as soon as possible' },
  kind: { intake: 'intake', decision: 'decision', action: 'done', note: 'note', closed: 'closed', reopened: 'reopened' },
  noCases: 'No cases.',
  dueTitle: (n) => `To do — escalations overdue or due within ${n} working days, and those without a term:`,
  nothingDue: (n) => `Nothing to do: no open escalations overdue or due within ${n} working days.`,
  caseTitle: (id, ref, status) => `Case ${id} — student ${ref} — ${status}`,
  created: (when, source) => `created ${when} (${source})`,
  escalations: 'Escalations',
  noEscalations: 'No escalations.',
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
  doneFree: (id) => `Case ${id}: action recorded. Note: it marks no escalation done.`,
  stillOpen: (list, cmd) => `Still open: ${list} (mark one done with: ${cmd} cases done ID to:type)`,
  noteAdded: (id) => `Note added to case ${id}.`,
  closed: (id) => `Case ${id} closed.`,
  reopened: (id) => `Case ${id} reopened.`,
  logged: (added, skipped, path) => `Case log: ${added} recorded, ${skipped} recorded before (${path}).`,
};

export function casesMessagesFor(lang: Lang): CasesMessages {
  return lang === 'en' ? en : nl;
}
