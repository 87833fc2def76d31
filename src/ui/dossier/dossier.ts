// A case as a document a person can read — for the school's dossier, a parent or an inspector:
// the escalations and their deadlines, then the timeline with every decision, its reasons and its
// sources. Pure: a case detail in, a small document tree out; html.ts and md.ts
// write it. What it holds (and does not) is said in the document itself (messages/dossier.ts):
// the school's student number, no BSN, no date of birth — only the age and leerplicht status at
// each decision.
import type { CaseEvent, EscalationState, TodoState } from '../../core/caselog/timeline.js';
import type { Lang } from '../../core/routing/compile.js';
import type { Decision } from '../../core/routing/decide.js';
import type { CaseDetail } from '../../commands/cases.js';
import { humanDate, humanDateTime, weekdayDate } from '../human-date.js';
import { casesMessagesFor } from '../messages/cases.js';
import { dossierMessagesFor } from '../messages/dossier.js';
import { messagesFor, withPartyNames, type Messages } from '../messages/messages.js';
import { givenFacts } from '../print/intake.js';
import { absenceMessagesFor } from '../messages/absence.js';
import type { PeriodKind } from '../../core/absence/period.js';
import { partyName } from '../party-names.js';
import type { AbsencePicture } from '../../core/absence/absence-picture.js';
import { pictureMessagesFor } from '../messages/absence-picture.js';
import { formatAbsencePicture } from '../print/absence-picture.js';
import { makeStyle } from '../style.js';
import { absenceSvg } from './absence-svg.js';

export type DossierBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; muted?: boolean }
  | { kind: 'list'; title?: string; items: { text: string; detail?: string }[] }
  | { kind: 'table'; head: readonly string[]; rows: string[][] }
  /** The picture of the absence: `svg` (built and escaped by absence-svg.ts) for HTML, `text` (plain characters) for Markdown. */
  | { kind: 'picture'; svg: string; text: string };

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
    { kind: 'list', title: m.inform, items: d.inform.map((i) => ({ text: partyName(m, i.party), detail: i.reason })) },
  ];
  if (d.escalations.length === 0) blocks.push({ kind: 'paragraph', text: m.noEscalation });
  else {
    const items = d.escalations.map((e) => ({ text: `${partyName(m, e.to)} (${e.type}) — ${deadlineText(m, e.deadline, d.referenceDate)}`, detail: withPeriod(lang, e.reason, e) }));
    blocks.push({ kind: 'list', title: m.escalations, items });
  }
  const todos = d.todos ?? [];
  if (todos.length > 0) blocks.push({ kind: 'list', title: m.todos, items: todos.map((t) => ({ text: `${partyName(m, t.party)} (${t.type}) — ${m.noDeadline}`, detail: withPeriod(lang, t.reason, t) })) });
  if (d.notes.length > 0) blocks.push({ kind: 'list', title: m.notes, items: d.notes.map((n) => ({ text: n })) });
  blocks.push({ kind: 'list', title: m.sources, items: d.rules.map((r) => ({ text: `${r.id}: ${r.title}`, detail: r.layer ? `${r.source} (${m.layer(r.layer)})` : r.source })) });
  blocks.push({ kind: 'paragraph', text: dm.ruleset(d.ruleset.id, d.ruleset.version, d.ruleset.sha256), muted: true });
  // The chain that decided, base first (a decision logged before layers has none).
  const layers = d.ruleset.layers ?? [];
  if (layers.length > 1) blocks.push({ kind: 'paragraph', text: m.chain(layers.map((l) => `${l.id} ${l.version} (sha256 ${l.sha256})`).join(' → ')), muted: true });
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
      if (a.escalation) blocks.push({ kind: 'paragraph', text: dm.markedDone(`${partyName(m, a.escalation.to)} (${a.escalation.type})`) });
      else if (a.party) blocks.push({ kind: 'paragraph', text: dm.informed(partyName(m, a.party)) });
      else blocks.push({ kind: 'paragraph', text: dm.freeAction, muted: true });
      if (a.note) blocks.push({ kind: 'paragraph', text: `${dm.note}: ${a.note}` });
      return blocks;
    }
    case 'note': {
      const am = absenceMessagesFor(lang).melding;
      const d = event.data;
      return [
        ...(d.text ? [{ kind: 'paragraph' as const, text: d.text }] : []),
        ...(d.reden ? [{ kind: 'paragraph' as const, text: `${am.reden}: ${d.reden}` }] : []),
        ...(d.maatregelen ? [{ kind: 'paragraph' as const, text: `${am.maatregelen}: ${d.maatregelen}` }] : []),
      ];
    }
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
  const period = e.period ? ` (${humanDate(e.period.from)} – ${humanDate(e.period.to)})` : '';
  return [partyName(m, e.to), `${e.type}${period}`, deadlineText(m, e.deadline, e.raisedOn), e.done ? dm.doneOn(humanDate(e.done.date), e.done.action) : dm.open];
}

function todoRow(m: Messages, lang: Lang, t: TodoState): string[] {
  const dm = dossierMessagesFor(lang);
  return [partyName(m, t.party), t.type, m.noDeadline, t.done ? dm.doneOn(humanDate(t.done.date), t.done.action) : dm.open];
}

function pictureSection(picture: AbsencePicture, lang: Lang): DossierSection {
  const pm = pictureMessagesFor(lang);
  const names = absenceMessagesFor(lang).period;
  const text = formatAbsencePicture(makeStyle(messagesFor(lang), false, 80), pm, names, picture);
  return { heading: pm.heading, blocks: [{ kind: 'picture', svg: absenceSvg(picture, pm, names), text }] };
}

/**
 * `madeOn`: the day the dossier is made (`YYYY-MM-DD`), a value from the CLI; `parties`: the
 * parties' names (data of the rule set), a party not among them shown by its id.
 */
export function buildDossier(detail: CaseDetail, lang: Lang, madeOn: string, parties: readonly { id: string; name: string }[] = []): Dossier {
  const m = withPartyNames(messagesFor(lang), parties);
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
      ...(detail.picture ? [pictureSection(detail.picture, lang)] : []),
      {
        heading: dm.timeline,
        blocks: detail.events.flatMap((e, i) => [{ kind: 'heading' as const, text: dm.eventHead(i + 1, humanDateTime(e.recordedAt), cm.kind[e.kind]) }, ...eventBlocks(m, lang, e)]),
      },
    ],
    footer: dm.made(humanDate(madeOn)),
  };
}
