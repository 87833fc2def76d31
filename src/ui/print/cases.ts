// How `zorgroute cases` shows the case log: tables via formatTable (drawn by print/table.ts), the
// timeline of a case, and what is due. Returns strings.
import { periodKey, periodOf, type AdvisedAgainst, type CaseEvent, type DueItem, type EscalationState, type TodoState } from '../../core/caselog/timeline.js';
import type { Lang } from '../../core/routing/compile.js';
import type { CaseDetail, DoneResult } from '../../commands/cases.js';
import type { CaseSummary } from '../../core/caselog/summary.js';
import type { Page } from '../../core/caselog/summary.js';
import { casesMessagesFor } from '../messages/cases.js';
import { humanDate, humanDateTime, localIsoDay, weekdayDate } from '../human-date.js';
import { wrapLines } from '../layout.js';
import { formatDeadline, formatDecision, formatTable, type DecisionView } from './decision.js';
import type { Style } from '../style.js';
import type { AbsenceEscalation, AbsenceTodo } from '../../core/absence/route-absence.js';
import { absenceMessagesFor } from '../messages/absence.js';
import { formatMelding, formatPeriodTodo } from './absence.js';
import { partyName } from '../party-names.js';
import { givenFacts } from './intake.js';
import { formatAbsencePicture } from './absence-picture.js';
import { pictureMessagesFor } from '../messages/absence-picture.js';
import { dossierMessagesFor } from '../messages/dossier.js';

const escalationLabel = (style: Style, e: { to: string; type: string }): string =>
  `${partyName(style.msgs, e.to)} (${e.type})`;

const todoLabel = (style: Style, t: { party: string; type: string }): string => escalationLabel(style, { to: t.party, type: t.type });

/** The confirmation of `cases done`, and what is still open when it ticked nothing off. */
export function formatDone(style: Style, lang: Lang, caseId: number, r: DoneResult, cmd = 'zorgroute'): string {
  const m = casesMessagesFor(lang, cmd);
  const label =
    r.match.kind === 'escalation' ? escalationLabel(style, r.match.escalation) : r.match.kind === 'todo' ? todoLabel(style, r.match.todo) : null;
  // Of a dossier's several meldingen of one kind, which one (the most urgent was picked).
  const ref = r.match.kind === 'escalation' ? r.match.escalation : r.match.kind === 'todo' ? r.match.todo : undefined;
  const what = label && ref?.period ? `${label} — ${m.periodRange(humanDate(ref.period.from), humanDate(ref.period.to))}` : label;
  const lines: string[] = [];
  if (r.alreadyDone && what) lines.push(m.alreadyDone(caseId, what, humanDate(r.alreadyDone.date), r.alreadyDone.action));
  else if (what) lines.push(m.doneEscalation(caseId, what) + ('picked' in r.match && r.match.picked ? ` ${m.pickedMostUrgent}` : ''));
  else lines.push(r.match.kind === 'party' ? m.doneParty(caseId, r.match.party, partyName(style.msgs, r.match.party)) : m.doneFree(caseId));
  if ((what === null || r.alreadyDone) && r.stillOpen.length > 0) lines.push(m.stillOpen(caseId, r.stillOpen.join(', '), r.stillOpen[0]!));
  if (r.caseClosed) lines.push(m.closedReminder(caseId));
  if (r.advisedAgainst) lines.push(formatAdvice(style, lang, caseId, r.advisedAgainst));
  return lines.flatMap((line) => wrapLines(line, style.width, '', '  ')).join('\n');
}

/** The warning of an action the rules advised against (shown before asking, and after recording it). */
export function formatAdvice(style: Style, lang: Lang, caseId: number, a: AdvisedAgainst): string {
  return style.color.yellow(casesMessagesFor(lang).advisedAgainst(caseId, partyName(style.msgs, a.party), style.msgs.involve[a.involve], a.reason));
}

export function formatCaseList(style: Style, lang: Lang, list: Page<CaseSummary> | readonly CaseSummary[]): string {
  const m = casesMessagesFor(lang);
  const page: Page<CaseSummary> = 'items' in list ? list : { items: [...list], total: list.length };
  const cases = page.items;
  if (cases.length === 0) return m.noCases;
  const more = page.total > cases.length ? `\n${style.color.dim(m.listMore(cases.length, page.total))}` : '';
  const c = style.color;
  // As cases due says it: "te laat" or "vandaag" beside the date. A closed case has nothing to do.
  const deadline = (x: CaseSummary): string => {
    if (x.status === 'closed') return '';
    if (!x.nextDeadline) return x.openEscalations + x.openTodos > 0 ? m.dueStatus.asap : '';
    const date = weekdayDate(style.msgs.weekdays, x.nextDeadline);
    if (style.today !== undefined && x.nextDeadline < style.today) return `${date} ${c.red.bold(m.dueStatus.overdue)}`;
    if (style.today !== undefined && x.nextDeadline === style.today) return `${date} ${c.yellow.bold(m.dueStatus.today)}`;
    return date;
  };
  return formatTable(
    style,
    m.listHead,
    cases.map((x) => [
      x.id,
      x.studentRef,
      humanDate(localIsoDay(x.createdAt)),
      m.status[x.status],
      x.status === 'closed' ? '' : x.openEscalations + x.openTodos,
      deadline(x),
      humanDate(localIsoDay(x.lastEventAt)),
    ]),
    { right: [0, 4] },
  ) + more;
}

/**
 * What is due, soonest first: the deadline with "te laat"/"vandaag" beside it (bold, never dim —
 * urgent things must not be faint), and the escalation as `target:type`, exactly as `cases done`
 * takes it.
 */
export function formatDue(style: Style, lang: Lang, page: Page<DueItem>, within: number): string {
  const m = casesMessagesFor(lang);
  const items = page.items;
  if (items.length === 0) return wrapLines(m.nothingDue(within), style.width).join('\n');
  const more = page.total > items.length ? `\n${style.color.dim(m.dueMore(items.length, page.total))}` : '';
  const c = style.color;
  const when = (i: DueItem): string => {
    if (i.deadline === null) return c.yellow.bold(m.dueStatus.asap);
    const date = weekdayDate(style.msgs.weekdays, i.deadline);
    if (i.status === 'overdue') return `${date} ${c.red.bold(m.dueStatus.overdue)}`;
    if (i.status === 'today') return `${date} ${c.yellow.bold(m.dueStatus.today)}`;
    return date;
  };
  const rows = items.map((i) => [when(i), i.caseId, i.studentRef, `${i.to}:${i.type}`, humanDate(i.raisedOn)]);
  return [...wrapLines(c.bold(m.dueTitle(within)), style.width), formatTable(style, m.dueHead, rows, { right: [1] })].join('\n') + more;
}

export function summarizeEvent(style: Style, lang: Lang, event: CaseEvent): string {
  const m = casesMessagesFor(lang);
  switch (event.kind) {
    case 'intake':
      return m.situationRecorded(humanDate(event.data.situation.referenceDate));
    case 'decision': {
      const d = event.data.decision;
      const items = [...d.escalations.map((e) => `! ${escalationLabel(style, e)}`), ...(d.todos ?? []).map((t) => `☐ ${todoLabel(style, t)}`)];
      return m.decisionSummary(items.length === 0 ? m.noEscalation : items.join(', '), d.ruleset.version);
    }
    case 'action': {
      const a = event.data;
      const what = a.escalation
        ? escalationLabel(style, a.escalation)
        : a.todo
          ? todoLabel(style, a.todo)
          : a.party
            ? m.informed(partyName(style.msgs, a.party))
            : null;
      const against = a.advisedAgainst ? ` — ${m.againstAdvice(partyName(style.msgs, a.advisedAgainst.party), style.msgs.involve[a.advisedAgainst.involve])}` : '';
      return m.actionSummary(humanDate(a.date), a.action, what) + (a.note ? ` — ${a.note}` : '') + against;
    }
    case 'note': {
      const a = absenceMessagesFor(lang).melding;
      const parts = [event.data.text, event.data.reden ? `${a.reden}: ${event.data.reden}` : '', event.data.maatregelen ? `${a.maatregelen}: ${event.data.maatregelen}` : ''];
      return parts.filter((p) => p !== '').join(' — ');
    }
    case 'closed': {
      if (event.data.mergedInto !== undefined) return m.mergedInto(event.data.mergedInto) + (event.data.note ? ` — ${event.data.note}` : '');
      const open = event.data.openAtClose ?? [];
      const left = open.length > 0 ? m.closedWithOpen(open.join(', ')) : '';
      return [event.data.note ?? '', left].filter((t) => t !== '').join(' — ');
    }
    case 'reopened':
      return event.data.note ?? '';
  }
}

function formatEscalationState(style: Style, lang: Lang, e: EscalationState & { overdue?: boolean }): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  const state = e.overdue ? c.red.bold(m.overdue) : m.open;
  const period = e.period ? ` — ${m.periodRange(humanDate(e.period.from), humanDate(e.period.to))}` : '';
  const line = e.done
    ? { mark: c.green('✓'), text: `${escalationLabel(style, e)}${period} — ${m.doneOn(humanDate(e.done.date), e.done.action)}` }
    : { mark: c.red('!'), text: `${c.bold(escalationLabel(style, e))}${period} — ${c.bold(formatDeadline(style, e.deadline))} — ${state}` };
  return wrapLines(line.text, style.width, `  ${line.mark} `, '    ').join('\n');
}

function formatTodoState(style: Style, lang: Lang, t: TodoState): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  // a step of a school's verzuimprotocol is keyed by the one day it was reached
  const period = !t.period ? '' : t.period.from === t.period.to ? ` — ${m.reachedOn(humanDate(t.period.from))}` : ` — ${m.periodRange(humanDate(t.period.from), humanDate(t.period.to))}`;
  const line = t.done
    ? { mark: c.green('✓'), text: `${todoLabel(style, t)}${period} — ${m.doneOn(humanDate(t.done.date), t.done.action)}` }
    : { mark: c.yellow('☐'), text: `${c.bold(todoLabel(style, t))}${period} — ${c.bold(formatDeadline(style, t.deadline ?? null))} — ${m.open}` };
  return wrapLines(line.text, style.width, `  ${line.mark} `, '    ').join('\n');
}

const decisions = (detail: CaseDetail) => detail.events.flatMap((e) => (e.kind === 'decision' ? [e.data.decision] : []));

/** The meldingen of the case's open escalations (one per period), with the deadline the case holds. */
function openMeldingen(detail: CaseDetail): AbsenceEscalation[] {
  const out: AbsenceEscalation[] = [];
  const seen = new Set<string>();
  for (const d of decisions(detail)) {
    for (const e of d.escalations as AbsenceEscalation[]) {
      if (!e.melding) continue;
      const key = `${e.to}:${e.type}:${periodKey(periodOf(e))}`;
      const state = detail.escalations.find((s) => `${s.to}:${s.type}:${periodKey(s.period)}` === key);
      if (seen.has(key) || !state || state.done) continue;
      seen.add(key);
      out.push({ ...e, deadline: state.deadline, overdue: state.overdue });
    }
  }
  return out;
}

/** The period to-dos (MAZL) still open. */
function openPeriodTodos(detail: CaseDetail): AbsenceTodo[] {
  const out: AbsenceTodo[] = [];
  const seen = new Set<string>();
  for (const d of decisions(detail)) {
    for (const t of (d.todos ?? []) as AbsenceTodo[]) {
      if (!t.period) continue;
      const key = `${t.party}:${t.type}:${periodKey(periodOf(t))}`;
      const state = detail.todos.find((s) => `${s.party}:${s.type}:${periodKey(s.period)}` === key);
      if (seen.has(key) || !state || state.done) continue;
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}

/** The case: its escalations, its timeline (the description column wraps to fit), the latest decision. */
export function formatCaseDetail(style: Style, lang: Lang, detail: CaseDetail, view: DecisionView = {}): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  const out = [
    ...wrapLines(c.bold(m.caseTitle(detail.id, detail.studentRef, m.status[detail.status])), style.width),
    c.dim(m.created(humanDateTime(detail.createdAt), detail.source)),
    '',
  ];
  out.push(c.bold(`${m.escalations}:`));
  if (detail.escalations.length === 0) out.push(`  ${m.noEscalations}`);
  else out.push(...detail.escalations.map((e) => formatEscalationState(style, lang, e)));
  if (detail.todos.length > 0) out.push('', c.bold(`${m.todos}:`), ...detail.todos.map((t) => formatTodoState(style, lang, t)));
  out.push('', c.bold(`${m.timeline}:`));
  // Numbered within the case (1, 2, 3…): the database's own event ids run across all cases.
  const rows = detail.events.map((e, i) => [i + 1, humanDateTime(e.recordedAt), m.kind[e.kind], summarizeEvent(style, lang, e)]);
  out.push(formatTable(style, m.timelineHead, rows, { right: [0] }));
  // An escalation from an absence period (batch --registrations) carries its melding, ready to copy:
  // every open one of the dossier, whichever decision brought it.
  for (const e of openMeldingen(detail)) out.push('', ...formatMelding(style, absenceMessagesFor(lang), detail.studentRef, e, detail.melding));
  // A to-do from a period (MAZL) carries its period: which sick reports, and what to do.
  for (const t of openPeriodTodos(detail)) out.push('', ...formatPeriodTodo(style, absenceMessagesFor(lang), detail.studentRef, t));
  // The periods as a calendar (a registrations case): the same picture as `batch --registrations --student`, from what the log holds.
  if (detail.picture) out.push('', formatAbsencePicture(style, pictureMessagesFor(lang), absenceMessagesFor(lang).period, detail.picture));
  // What was entered (the latest intake's answers), as the dossier lists them: the decision below came of it.
  const intake = [...detail.events].reverse().find((e) => e.kind === 'intake');
  if (intake) {
    const dm = dossierMessagesFor(lang);
    const facts = givenFacts(intake.data.situation, lang);
    out.push('', c.bold(dm.situation(humanDate(intake.data.situation.referenceDate))));
    if (facts.length === 0) out.push(...wrapLines(dm.noGivenFacts, style.width, '  ', '  '));
    else out.push(...wrapLines(dm.givenFacts, style.width), ...facts.flatMap((f) => wrapLines(f, style.width, '  • ', '    ')));
  }
  if (detail.latestDecision) out.push('', c.bold(`${m.latestDecision}:`), formatDecision(style, detail.latestDecision, view));
  return out.join('\n');
}

/** What a case still has open, under a title: `! leerplicht:verzuimmelding-16-uur — uiterlijk 04-12-2026`. */
export function formatOpenItems(style: Style, lang: Lang, title: string, items: readonly { label: string; deadline: string | null }[]): string {
  const c = style.color;
  const lines = wrapLines(title, style.width);
  for (const i of items) {
    const text = i.deadline === null ? i.label : `${i.label} — ${formatDeadline(style, i.deadline)}`;
    lines.push(...wrapLines(text, style.width, `  ${c.red('!')} `, '    '));
  }
  return lines.join('\n');
}
