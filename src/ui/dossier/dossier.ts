// A case as a document a person can read — for the school's dossier, a parent or an inspector:
// the escalations and their deadlines, then the timeline with every decision, its reasons and its
// sources. Pure: a case detail in, a small document tree out; html.ts and md.ts
// write it. What it holds (and does not) is said in the document itself (messages/dossier.ts):
// the school's student number, no BSN, no date of birth — only the age and leerplicht status at
// each decision.
import type { CaseEvent, EscalationState, TodoState } from '../../core/caselog/timeline.js';
import type { Lang } from '../../core/routing/compile.js';
import type { Decision } from '../../core/routing/decide.js';
import { FIXED_FIELDS } from '../../core/intake/plan.js';
import { parseSituation, SITUATION_FIELDS, type Situation } from '../../core/routing/situation.js';
import type { CaseDetail } from '../../commands/cases.js';
import { humanDate, humanDateTime, weekdayDate } from '../human-date.js';
import { casesMessagesFor } from '../messages/cases.js';
import { dossierMessagesFor } from '../messages/dossier.js';
import { intakeMessagesFor } from '../messages/intake.js';
import { messagesFor, type Messages } from '../messages/messages.js';
import { formatAnswer } from '../print/intake.js';
import { absenceMessagesFor } from '../messages/absence.js';
import type { PeriodKind } from '../../core/absence/period.js';

export type DossierBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'list'; title?: string; items: { text: string; detail?: string }[] }
  | { kind: 'table'; head: readonly string[]; rows: string[][] };

export interface DossierSection {
  heading: string;
  blocks: DossierBlock[];
}

export interface Dossier {
  lang: Lang;
  title: string;
  subtitle: string;
  intro: string;
  sections: DossierSection[];
  footer: string;
}

function deadlineText(m: Messages, deadline: string | null, referenceDate: string): string {
  if (deadline === null) return m.noDeadline;
  const when = weekdayDate(m.weekdays, deadline);
  return deadline === referenceDate ? m.deadlineSameDay(when) : m.deadline(when);
}

const DEFAULTS = (() => {
  const parsed = parseSituation({ studentRef: 'L1', birthDate: '2000-01-01', referenceDate: '2000-01-01' }, '2000-01-01');
  if (!parsed.ok) throw new Error('the default situation does not parse');
  return parsed.value as unknown as Record<string, unknown>;
})();

/** The situation's fields that differ from their defaults, the birth date and student number left out. */
function givenFacts(situation: Situation, lang: Lang): string[] {
  const s = situation as unknown as Record<string, unknown>;
  const labels = intakeMessagesFor(lang).fields;
  return SITUATION_FIELDS.filter((f) => !FIXED_FIELDS.includes(f) && s[f] !== undefined && JSON.stringify(s[f]) !== JSON.stringify(DEFAULTS[f])).map(
    (f) => `${labels[f].label}: ${formatAnswer(f, s[f], lang)}`,
  );
}

/** The period an outcome of `batch --registrations` comes from, after its reason: `(4e ziekmelding …: 02-03-2026 – 11-05-2026)`. */
function withPeriod(lang: Lang, reason: string, outcome: object): string {
  // A stored decision of a registrations run carries these beside the Decision's own fields.
  const x = outcome as { period?: { kind?: PeriodKind; from: string; to: string }; melding?: { soort: PeriodKind } };
  const kind = x.period?.kind ?? x.melding?.soort;
  if (!x.period || !kind) return reason;
  return `${reason} (${absenceMessagesFor(lang).period[kind]}: ${humanDate(x.period.from)} – ${humanDate(x.period.to)})`;
}

function decisionBlocks(m: Messages, lang: Lang, d: Decision): DossierBlock[] {
  const dm = dossierMessagesFor(lang);
  const f = d.facts;
  const exempt = f.leerplicht !== 'geen' && !f.leerplichtig ? ` (${m.exempt})` : '';
  const blocks: DossierBlock[] = [
    { kind: 'paragraph', text: dm.decision(humanDate(d.referenceDate)) },
    { kind: 'paragraph', text: `${dm.factsAtDecision}: ${m.age(f.age)} · ${m.leerplicht[f.leerplicht]}${exempt} · ${m.rmc(f.rmc)} · ${m.thuiszitter(f.thuiszitter)}` },
    { kind: 'paragraph', text: `${m.parents}: ${m.involve[d.parents.involve]} — ${d.parents.reason}` },
    { kind: 'list', title: m.inform, items: d.inform.map((i) => ({ text: m.party[i.party], detail: i.reason })) },
  ];
  if (d.escalations.length === 0) blocks.push({ kind: 'paragraph', text: m.noEscalation });
  else {
    const items = d.escalations.map((e) => ({ text: `${m.party[e.to]} (${e.type}) — ${deadlineText(m, e.deadline, d.referenceDate)}`, detail: withPeriod(lang, e.reason, e) }));
    blocks.push({ kind: 'list', title: m.escalations, items });
  }
  const todos = d.todos ?? [];
  if (todos.length > 0) blocks.push({ kind: 'list', title: m.todos, items: todos.map((t) => ({ text: `${m.party[t.party]} (${t.type}) — ${m.noDeadline}`, detail: withPeriod(lang, t.reason, t) })) });
  if (d.notes.length > 0) blocks.push({ kind: 'list', title: m.notes, items: d.notes.map((n) => ({ text: n })) });
  blocks.push({ kind: 'list', title: m.sources, items: d.rules.map((r) => ({ text: `${r.id}: ${r.title}`, detail: r.source })) });
  blocks.push({ kind: 'paragraph', text: dm.ruleset(d.ruleset.id, d.ruleset.version, d.ruleset.sha256), muted: true });
  return blocks;
}

function eventBlocks(m: Messages, lang: Lang, event: CaseEvent): DossierBlock[] {
  const dm = dossierMessagesFor(lang);
  switch (event.kind) {
    case 'intake': {
      const facts = givenFacts(event.data.situation, lang);
      return [
        { kind: 'paragraph', text: dm.situation(humanDate(event.data.situation.referenceDate)) },
        facts.length === 0 ? { kind: 'paragraph', text: dm.noGivenFacts } : { kind: 'list', title: dm.givenFacts, items: facts.map((text) => ({ text })) },
      ];
    }
    case 'decision':
      return decisionBlocks(m, lang, event.data.decision);
    case 'action': {
      const a = event.data;
      const blocks: DossierBlock[] = [{ kind: 'paragraph', text: dm.actionDone(humanDate(a.date), a.action) }];
      if (a.escalation) blocks.push({ kind: 'paragraph', text: dm.markedDone(`${m.party[a.escalation.to]} (${a.escalation.type})`) });
      else if (a.party) blocks.push({ kind: 'paragraph', text: dm.informed(m.party[a.party]) });
      else blocks.push({ kind: 'paragraph', text: dm.freeAction, muted: true });
      if (a.note) blocks.push({ kind: 'paragraph', text: `${dm.note}: ${a.note}` });
      return blocks;
    }
    case 'note':
      return [{ kind: 'paragraph', text: event.data.text }];
    case 'closed':
    case 'reopened':
      return [
        { kind: 'paragraph', text: event.kind === 'closed' ? dm.closed : dm.reopened },
        ...(event.data.note ? [{ kind: 'paragraph' as const, text: `${dm.note}: ${event.data.note}` }] : []),
        ...(event.kind === 'closed' && (event.data.openAtClose ?? []).length > 0
          ? [{ kind: 'paragraph' as const, text: casesMessagesFor(lang).closedWithOpen(event.data.openAtClose!.join(', ')) }]
          : []),
      ];
  }
}

function escalationRow(m: Messages, lang: Lang, e: EscalationState): string[] {
  const dm = dossierMessagesFor(lang);
  return [m.party[e.to], e.type, deadlineText(m, e.deadline, e.raisedOn), e.done ? dm.doneOn(humanDate(e.done.date), e.done.action) : dm.open];
}

function todoRow(m: Messages, lang: Lang, t: TodoState): string[] {
  const dm = dossierMessagesFor(lang);
  return [m.party[t.party], t.type, m.noDeadline, t.done ? dm.doneOn(humanDate(t.done.date), t.done.action) : dm.open];
}

/** `madeOn`: the day the dossier is made (`YYYY-MM-DD`), a value from the CLI. */
export function buildDossier(detail: CaseDetail, lang: Lang, madeOn: string): Dossier {
  const m = messagesFor(lang);
  const cm = casesMessagesFor(lang);
  const dm = dossierMessagesFor(lang);
  // Escalations first, then the informs that are actions (a consult, the SWV): one table of to-dos.
  const rows = [...detail.escalations.map((e) => escalationRow(m, lang, e)), ...(detail.todos ?? []).map((t) => todoRow(m, lang, t))];
  const escalations: DossierBlock = rows.length === 0 ? { kind: 'paragraph', text: dm.noEscalations } : { kind: 'table', head: dm.escalationsHead, rows };
  return {
    lang,
    title: dm.title(detail.id, detail.studentRef),
    subtitle: dm.subtitle(cm.status[detail.status], humanDateTime(detail.createdAt), detail.source),
    intro: dm.contains,
    sections: [
      { heading: dm.escalations, blocks: [escalations] },
      {
        heading: dm.timeline,
        blocks: detail.events.flatMap((e, i) => [{ kind: 'heading' as const, text: dm.eventHead(i + 1, humanDateTime(e.recordedAt), cm.kind[e.kind]) }, ...eventBlocks(m, lang, e)]),
      },
    ],
    footer: dm.made(humanDate(madeOn)),
  };
}
