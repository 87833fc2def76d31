// The words of the readable dossier (`cases export ID --format html|md`), in Dutch and English.
import type { Lang } from '../../core/routing/compile.js';
import { shownLabel } from '../../core/privacy.js';

export interface DossierMessages {
  title: (caseId: number, studentRef: string) => string;
  subtitle: (status: string, created: string, source: string) => string;
  contains: string;
  escalations: string;
  escalationsHead: [string, string, string, string];
  noEscalations: string;
  doneOn: (date: string, action: string) => string;
  open: string;
  timeline: string;
  eventHead: (n: number, when: string, kind: string) => string;
  situation: (referenceDate: string) => string;
  givenFacts: string;
  noGivenFacts: string;
  decision: (referenceDate: string) => string;
  factsAtDecision: string;
  ruleset: (id: string, version: string, sha256: string) => string;
  actionDone: (date: string, action: string) => string;
  markedDone: (what: string) => string;
  informed: (party: string) => string;
  freeAction: string;
  note: string;
  closed: string;
  reopened: string;
  made: (date: string) => string;
  lang: string;
  needsOneCase: string;
  needsOneCaseHint: string;
  outNeedsFormat: string;
  outNeedsFormatHint: string;
  cannotWrite: (path: string, code: string) => string;
  written: (path: string) => string;
}

const nl: DossierMessages = {
  title: (id, ref) => `Dossier casus ${id} — leerling ${ref}`,
  subtitle: (status, created, source) => `Status: ${status} · aangemaakt ${created} (${source})`,
  contains:
    'Dit dossier bevat het leerlingnummer van de school, de gegevens waarop elke beslissing rust, de beslissingen met hun redenen en bronnen, en wat er is gedaan. Het bevat geen BSN en geen geboortedatum: bij elke beslissing staan alleen de leeftijd en de leerplichtstatus op de peildatum.',
  escalations: 'Escalaties, acties en termijnen',
  escalationsHead: ['Naar', 'Soort', 'Termijn', 'Stand'],
  noEscalations: 'Geen escalaties of acties.',
  doneOn: (date, action) => `gedaan op ${date} (${action})`,
  open: 'open',
  timeline: 'Tijdlijn',
  eventHead: (n, when, kind) => `${n}. ${when} — ${kind}`,
  situation: (d) => `Situatie vastgelegd, peildatum ${d}.`,
  givenFacts: 'Gegeven (de rest staat op de standaardwaarde: nee, 0):',
  noGivenFacts: 'Alleen de standaardwaarden (nee, 0).',
  decision: (d) => `Beslissing op peildatum ${d}.`,
  factsAtDecision: 'Op de peildatum',
  ruleset: (id, version, sha) => `Regelset ${id} ${version}, sha256 ${sha}`,
  actionDone: (date, action) => `Gedaan op ${date}: ${action}`,
  markedDone: (what) => `Afgevinkt: ${what}`,
  informed: (party) => `Ingelicht: ${party}`,
  freeAction: 'Vinkt geen escalatie af.',
  note: 'Notitie',
  closed: 'Casus gesloten.',
  reopened: 'Casus heropend.',
  made: (date) => `Opgesteld met zorgroute op ${date}. Een hulpmiddel voor de professional: het zegt waar de regels heen wijzen en waarom.`,
  lang: 'nl',
  needsOneCase: '--format html en md maken het dossier van één casus: geef een casusnummer',
  needsOneCaseHint: 'zorgroute cases export 3 --format html --out dossier.html',
  outNeedsFormat: '--out is voor het leesbare dossier (--format html of md)',
  outNeedsFormatHint: 'JSON gaat naar stdout: zorgroute cases export 3 > casus.json',
  cannotWrite: (path, code) => `kan ${shownLabel(path)} niet schrijven (${code})`,
  written: (path) => `Dossier geschreven naar ${shownLabel(path)} (alleen voor u leesbaar).`,
};

const en: DossierMessages = {
  title: (id, ref) => `Case file ${id} — student ${ref}`,
  subtitle: (status, created, source) => `Status: ${status} · created ${created} (${source})`,
  contains:
    'This case file holds the school’s own student number, the facts each decision rests on, the decisions with their reasons and sources, and what was done. It holds no BSN and no date of birth: each decision shows only the age and the leerplicht status on its reference date.',
  escalations: 'Escalations, actions and deadlines',
  escalationsHead: ['To', 'Type', 'Deadline', 'State'],
  noEscalations: 'No escalations or actions.',
  doneOn: (date, action) => `done on ${date} (${action})`,
  open: 'open',
  timeline: 'Timeline',
  eventHead: (n, when, kind) => `${n}. ${when} — ${kind}`,
  situation: (d) => `Situation recorded, reference date ${d}.`,
  givenFacts: 'Given (everything else has its default: no, 0):',
  noGivenFacts: 'Only the defaults (no, 0).',
  decision: (d) => `Decision on reference date ${d}.`,
  factsAtDecision: 'On the reference date',
  ruleset: (id, version, sha) => `Rule set ${id} ${version}, sha256 ${sha}`,
  actionDone: (date, action) => `Done on ${date}: ${action}`,
  markedDone: (what) => `Marked done: ${what}`,
  informed: (party) => `Informed: ${party}`,
  freeAction: 'Marks no escalation done.',
  note: 'Note',
  closed: 'Case closed.',
  reopened: 'Case reopened.',
  made: (date) => `Made with zorgroute on ${date}. An aid for the professional: it says where the rules point and why.`,
  lang: 'en',
  needsOneCase: '--format html and md make the case file of one case: give a case id',
  needsOneCaseHint: 'zorgroute cases export 3 --format html --out dossier.html',
  outNeedsFormat: '--out is for the readable case file (--format html or md)',
  outNeedsFormatHint: 'JSON goes to stdout: zorgroute cases export 3 > case.json',
  cannotWrite: (path, code) => `cannot write ${shownLabel(path)} (${code})`,
  written: (path) => `Case file written to ${shownLabel(path)} (readable by you only).`,
};

export function dossierMessagesFor(lang: Lang): DossierMessages {
  return lang === 'en' ? en : nl;
}
