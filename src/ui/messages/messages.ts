// The words zorgroute shows a person, in Dutch (the default) and English.
import type { Lang } from '../../core/routing/compile.js';
import type { LeerplichtStatus } from '../../core/routing/facts.js';
import type { ParentInvolvement } from '../../core/routing/vocabulary.js';
import { privacyMessagesFor, type PrivacyMessages } from './privacy.js';
import { shownLabel } from '../../core/privacy.js';

export interface Messages {
  lang: Lang;
  /**
   * The parties' names, by id: data of the rule set (`parties`), not of this catalogue. Empty here;
   * withPartyNames() fills it from the chain that decided (ui/party-names.ts partyName() reads it).
   */
  party: Readonly<Record<string, string>>;
  involve: Record<ParentInvolvement, string>;
  leerplicht: Record<LeerplichtStatus, string>;
  student: string;
  referenceDate: string;
  age: (age: number) => string;
  rmc: (yes: boolean) => string;
  thuiszitter: (yes: boolean) => string;
  exempt: string;
  parents: string;
  inform: string;
  escalations: string;
  noEscalation: string;
  /** `when` is a weekday and a date (`vr 04-12-2026`). */
  deadline: (when: string) => string;
  deadlineToday: (when: string) => string;
  /** A deadline on the reference date itself (an acute matter), when that is not today. */
  deadlineSameDay: (when: string) => string;
  /** Heading of the informs that are actions still to take (a consult, the SWV…). */
  todos: string;
  /** A step to the parents held back by the parents rules: party, to-do, the rule's reason, its id. */
  withheld: (party: string, type: string, reason: string, rules: string) => string;
  overdue: string;
  noDeadline: string;
  acuteCall: string;
  notesCounted: (n: number) => string;
  notes: string;
  sources: string;
  ruleset: string;
  /** Which layer of the chain a rule came from (`landelijk`, the region's, a school's). */
  layer: (id: string) => string;
  /** The chain of the rule set that decided, base first: `landelijk 2026.1 → swv-… 2026.5`. */
  chain: (layers: string) => string;
  binding: string;
  switchedBy: (on: boolean, layer: string) => string;
  explainHeader: string;
  ruleStatus: Record<'fired' | 'not-met' | 'disabled' | 'overridden', string>;
  alwaysApplies: string;
  weekdays: readonly string[];
  error: string;
  hint: string;
  bug: string;
  internalError: string;
  batch: BatchMessages;
  privacy: PrivacyMessages;
}

/** The words of `zorgroute batch` (summary, progress, warnings). */
export interface BatchMessages {
  title: (label: string) => string;
  rows: string;
  valid: string;
  invalid: string;
  needsAction: string;
  escalated: string;
  duplicates: string;
  escalateTo: string;
  students: string;
  earliestDeadline: string;
  /** as the registrations summary words them: the overdue column, the referrals section */
  late: string;
  todos: string;
  referTo: string;
  studentRefs: string;
  noEscalation: string;
  errorsHead: string;
  line: string;
  column: string;
  problem: string;
  andMore: (n: number) => string;
  allHint: string;
  formatHint: string;
  progress: (rows: string) => string;
  oneLine: (rows: number, valid: number, invalid: number, action: number, escalated: number) => string;
  written: (records: number, where: string) => string;
  unknownColumns: (columns: string) => string;
  duplicate: (ref: string, line: number, firstLine: number) => string;
  moreDuplicates: (n: number) => string;
  noRows: string;
  warning: string;
  referenceDate: string;
  /** The peildatum: the range found in the export's own column (null: no column), else the one for rows without one and where it came from. */
  /** `emptyCells`: some rows were judged on the fallback (with a range: their cell was empty). */
  referenceDateValue: (p: { fallback: string; from: 'flag' | 'today'; range: [string, string] | null; emptyCells: boolean }) => string;
}

const nl: Messages = {
  party: {},
  involve: { yes: 'betrekken', no: 'niet (eerst) betrekken', 'student-decides': 'de leerling beslist' },
  leerplicht: { volledig: 'volledig leerplichtig', kwalificatieplicht: 'kwalificatieplichtig', geen: 'niet leerplichtig' },
  student: 'Leerling',
  referenceDate: 'peildatum',
  age: (age) => `${age} jaar`,
  rmc: (yes) => (yes ? 'RMC-doelgroep' : 'geen RMC-doelgroep'),
  thuiszitter: (yes) => (yes ? 'thuiszitter' : 'geen thuiszitter'),
  exempt: 'vrijstelling',
  parents: 'Ouders',
  inform: 'Informeren',
  escalations: 'Escaleren',
  noEscalation: 'Geen escalatie nodig.',
  deadline: (when) => `uiterlijk ${when}`,
  deadlineToday: (when) => `vandaag (${when})`,
  deadlineSameDay: (when) => `dezelfde dag (${when})`,
  todos: 'Te doen',
  withheld: (party, type, reason, rules) => `niet gedaan: ${party} (${type}) — ${reason} (${rules})`,
  overdue: 'te laat',
  noDeadline: 'zo spoedig mogelijk',
  acuteCall: 'bij direct gevaar: 112',
  notesCounted: (n) => `${n} ${n === 1 ? 'opmerking' : 'opmerkingen'} (bij "Toon regels en bronnen")`,
  notes: 'Let op',
  sources: 'Toegepaste regels en bronnen',
  ruleset: 'Regelset',
  layer: (id) => `laag ${id}`,
  chain: (layers) => `keten: ${layers}`,
  binding: 'bindend (de wet)',
  switchedBy: (on, layer) => `${on ? 'aangezet' : 'uitgezet'} door laag ${layer}`,
  explainHeader: 'Alle regels en waarom ze wel of niet van toepassing zijn',
  ruleStatus: { fired: 'van toepassing', 'not-met': 'niet van toepassing', disabled: 'uitgeschakeld', overridden: 'overruled' },
  alwaysApplies: 'geldt altijd',
  weekdays: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
  error: 'fout',
  hint: 'tip',
  lang: 'nl',
  internalError: 'interne fout',
  bug: 'Dit is een fout in zorgroute zelf, niet in uw invoer. Meld het graag, met de opdracht die u gaf (zonder leerlinggegevens).',
  batch: {
    title: (label) => `Verzuimexport ${label}`,
    rows: 'rijen gelezen',
    valid: 'geldig',
    invalid: 'ongeldig',
    needsAction: 'actie nodig (escalatie of doorverwijzing)',
    escalated: 'met escalatie',
    duplicates: 'dubbele leerlingnummers',
    escalateTo: 'Escaleren naar',
    students: 'Leerlingen',
    earliestDeadline: 'Eerste termijn',
    late: 'Te laat',
    todos: 'Te doen (doorverwijzen)',
    referTo: 'Doorverwijzen naar',
    studentRefs: 'Leerlingnummers (regel)',
    noEscalation: 'Geen escalaties nodig.',
    errorsHead: 'Ongeldige rijen',
    line: 'Regel',
    column: 'Kolom',
    problem: 'Probleem',
    andMore: (n) => `… en nog ${n}`,
    allHint: 'met --all worden alle leerlingen getoond',
    formatHint: 'met --format csv|json|ndjson krijgt u elke rij',
    progress: (rows) => (rows === '1' ? '1 rij' : `${rows} rijen`),
    oneLine: (rows, valid, invalid, action, escalated) =>
      `${rows} ${rows === 1 ? 'rij' : 'rijen'}: ${valid} geldig, ${invalid} ongeldig, ${action} actie nodig, ${escalated} met escalatie`,
    written: (records, where) => `${records} ${records === 1 ? 'record' : 'records'} geschreven naar ${shownLabel(where)}`,
    unknownColumns: (columns) => `onbekende kolommen genegeerd: ${columns}`,
    duplicate: (ref, line, firstLine) => `regel ${line}: leerlingnummer ${ref} staat ook op regel ${firstLine} (beide verwerkt)`,
    moreDuplicates: (n) => (n === 1 ? 'nog 1 dubbel leerlingnummer niet afzonderlijk genoemd' : `nog ${n} dubbele leerlingnummers niet afzonderlijk genoemd`),
    noRows: 'het bestand heeft een kopregel maar geen rijen met leerlingen',
    warning: 'let op',
    referenceDate: 'peildatum',
    referenceDateValue: ({ fallback, from, range, emptyCells }) => {
      const given = `${fallback} (${from === 'flag' ? '--reference-date' : 'vandaag'})`;
      if (range === null) return given;
      const own = `${range[0] === range[1] ? range[0] : `${range[0]} t/m ${range[1]}`} uit de kolom peildatum`;
      return emptyCells ? `${own}; lege cellen: ${given}` : own;
    },
  },
  privacy: privacyMessagesFor('nl'),
};

const en: Messages = {
  party: {},
  involve: { yes: 'involve', no: 'do not involve (first)', 'student-decides': 'the student decides' },
  leerplicht: { volledig: 'volledig leerplichtig', kwalificatieplicht: 'kwalificatieplichtig', geen: 'not of compulsory school age' },
  student: 'Student',
  referenceDate: 'reference date',
  age: (age) => `age ${age}`,
  rmc: (yes) => (yes ? 'RMC target group' : 'not RMC target group'),
  thuiszitter: (yes) => (yes ? 'thuiszitter' : 'not a thuiszitter'),
  exempt: 'exempt',
  parents: 'Parents',
  inform: 'Inform',
  escalations: 'Escalate',
  noEscalation: 'No escalation needed.',
  deadline: (when) => `by ${when}`,
  deadlineToday: (when) => `today (${when})`,
  deadlineSameDay: (when) => `the same day (${when})`,
  todos: 'To do',
  withheld: (party, type, reason, rules) => `held back: ${party} (${type}) — ${reason} (${rules})`,
  overdue: 'overdue',
  noDeadline: 'as soon as possible',
  acuteCall: 'in immediate danger: 112',
  notesCounted: (n) => `${n} ${n === 1 ? 'note' : 'notes'} (under "Show rules and sources")`,
  notes: 'Note',
  sources: 'Rules applied and their sources',
  ruleset: 'Rule set',
  layer: (id) => `layer ${id}`,
  chain: (layers) => `chain: ${layers}`,
  binding: 'binding (the law)',
  switchedBy: (on, layer) => `switched ${on ? 'on' : 'off'} by layer ${layer}`,
  explainHeader: 'Every rule and why it did or did not apply',
  ruleStatus: { fired: 'applies', 'not-met': 'does not apply', disabled: 'switched off', overridden: 'overridden' },
  alwaysApplies: 'always applies',
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  error: 'error',
  hint: 'hint',
  lang: 'en',
  internalError: 'internal error',
  bug: 'This is a bug in zorgroute itself, not in your input. Please report it, with the command you gave (without student data).',
  batch: {
    title: (label) => `Absence export ${label}`,
    rows: 'rows read',
    valid: 'valid',
    invalid: 'invalid',
    needsAction: 'need action (escalation or referral)',
    escalated: 'with an escalation',
    duplicates: 'duplicate student numbers',
    escalateTo: 'Escalate to',
    students: 'Students',
    earliestDeadline: 'Earliest deadline',
    late: 'Overdue',
    todos: 'To do (referrals)',
    referTo: 'Refer to',
    studentRefs: 'Student numbers (line)',
    noEscalation: 'No escalation needed.',
    errorsHead: 'Invalid rows',
    line: 'Line',
    column: 'Column',
    problem: 'Problem',
    andMore: (n) => `… and ${n} more`,
    allHint: '--all lists every student',
    formatHint: '--format csv|json|ndjson gives every row',
    progress: (rows) => (rows === '1' ? '1 row' : `${rows} rows`),
    oneLine: (rows, valid, invalid, action, escalated) =>
      `${rows} ${rows === 1 ? 'row' : 'rows'}: ${valid} valid, ${invalid} invalid, ${action} ${action === 1 ? 'needs' : 'need'} action, ${escalated} with an escalation`,
    written: (records, where) => `${records} ${records === 1 ? 'record' : 'records'} written to ${shownLabel(where)}`,
    unknownColumns: (columns) => `unknown columns ignored: ${columns}`,
    duplicate: (ref, line, firstLine) => `line ${line}: student number ${ref} is also on line ${firstLine} (both processed)`,
    moreDuplicates: (n) => (n === 1 ? '1 more duplicate student number not named' : `${n} more duplicate student numbers not named one by one`),
    noRows: 'the file has a header line but no student rows',
    warning: 'warning',
    referenceDate: 'reference date',
    referenceDateValue: ({ fallback, from, range, emptyCells }) => {
      const given = `${fallback} (${from === 'flag' ? '--reference-date' : 'today'})`;
      if (range === null) return given;
      const own = `${range[0] === range[1] ? range[0] : `${range[0]} to ${range[1]}`} from the peildatum column`;
      return emptyCells ? `${own}; empty cells: ${given}` : own;
    },
  },
  privacy: privacyMessagesFor('en'),
};

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? en : nl;
}

/** The catalogue with the parties' names of a rule set (CompiledRuleset.parties: `{ id, name }` in `lang`). */
export function withPartyNames(msgs: Messages, parties: readonly { id: string; name: string }[]): Messages {
  return { ...msgs, party: Object.fromEntries(parties.map((p) => [p.id, p.name])) };
}

/** `--lang` wins; else an English `LANG`/`LC_ALL`/`LC_MESSAGES` gives English; else Dutch. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === 'nl' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.-]|$)/i.test(locale) ? 'en' : 'nl';
}
