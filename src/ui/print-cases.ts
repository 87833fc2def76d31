// How `zorgroute cases` shows the case log: tables via formatTable (print.ts owns cli-table3), the
// timeline of a case, and what is due. Returns strings.
import type { CaseEvent, DueItem, EscalationState, TodoState } from '../core/caselog/timeline.js';
import type { Lang } from '../core/routing/compile.js';
import type { CaseDetail, CaseSummary, DoneResult } from '../commands/cases.js';
import { casesMessagesFor } from './messages-cases.js';
import { parseIsoDate, toDayNumber, weekdayOf } from '../core/dates.js';
import { formatDeadline, formatDecision, formatTable, type Style } from './print.js';
import type { AbsenceEscalation } from '../core/absence/route-absence.js';
import { absenceMessagesFor } from './messages-absence.js';
import { formatMelding } from './print-absence.js';

/** `2026-11-27 14:05` in the computer's own time zone (stored times are UTC). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const escalationLabel = (style: Style, e: { to: string; type: string }): string =>
  `${style.msgs.party[e.to as keyof typeof style.msgs.party] ?? e.to} (${e.type})`;

const todoLabel = (style: Style, t: { party: string; type: string }): string => escalationLabel(style, { to: t.party, type: t.type });

/** The confirmation of `cases done`, and what is still open when it ticked nothing off. */
export function formatDone(style: Style, lang: Lang, caseId: number, r: DoneResult, cmd = 'zorgroute'): string {
  const m = casesMessagesFor(lang, cmd);
  const what =
    r.match.kind === 'escalation' ? escalationLabel(style, r.match.escalation) : r.match.kind === 'todo' ? todoLabel(style, r.match.todo) : null;
  const lines: string[] = [];
  if (r.alreadyDone && what) lines.push(m.alreadyDone(caseId, what, r.alreadyDone.date, r.alreadyDone.action));
  else if (what) lines.push(m.doneEscalation(caseId, what));
  else lines.push(r.match.kind === 'party' ? m.doneParty(caseId, style.msgs.party[r.match.party]) : m.doneFree(caseId));
  if ((what === null || r.alreadyDone) && r.stillOpen.length > 0) lines.push(m.stillOpen(caseId, r.stillOpen.join(', '), r.stillOpen[0]!));
  if (r.caseClosed) lines.push(m.closedReminder(caseId));
  return lines.join('\n');
}

export function formatCaseList(style: Style, lang: Lang, cases: readonly CaseSummary[]): string {
  const m = casesMessagesFor(lang);
  if (cases.length === 0) return m.noCases;
  return formatTable(
    style,
    m.listHead,
    cases.map((c) => [
      c.id,
      c.studentRef,
      localTime(c.createdAt).slice(0, 10),
      m.status[c.status],
      c.openEscalations + c.openTodos,
      c.nextDeadline ?? (c.openEscalations + c.openTodos > 0 ? m.dueStatus.asap : ''),
      localTime(c.lastEventAt).slice(0, 10),
    ]),
  );
}

/** `di 2026-03-17`: the column head already says it is a deadline. */
function shortDeadline(style: Style, deadline: string | null): string {
  if (deadline === null) return '—';
  const ymd = parseIsoDate(deadline);
  return ymd ? `${style.msgs.weekdays[weekdayOf(toDayNumber(ymd))]} ${deadline}` : deadline;
}

export function formatDue(style: Style, lang: Lang, items: readonly DueItem[], within: number): string {
  const m = casesMessagesFor(lang);
  if (items.length === 0) return m.nothingDue(within);
  const c = style.color;
  const status = (i: DueItem): string => {
    const text = m.dueStatus[i.status];
    return i.status === 'overdue' ? c.red.bold(text) : i.status === 'today' ? c.yellow.bold(text) : i.status === 'asap' ? c.dim(text) : text;
  };
  const rows = items.map((i) => [
    shortDeadline(style, i.deadline),
    status(i),
    i.caseId,
    i.studentRef,
    i.to, // the ids, exactly as `cases done ID to:type` takes them
    i.type,
    i.raisedOn,
  ]);
  return `${c.bold(m.dueTitle(within))}\n${formatTable(style, m.dueHead, rows)}`;
}

export function summarizeEvent(style: Style, lang: Lang, event: CaseEvent): string {
  const m = casesMessagesFor(lang);
  switch (event.kind) {
    case 'intake':
      return m.situationRecorded(event.data.situation.referenceDate);
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
            ? m.informed(style.msgs.party[a.party])
            : null;
      return m.actionSummary(a.date, a.action, what) + (a.note ? ` — ${a.note}` : '');
    }
    case 'note':
      return event.data.text;
    case 'closed':
    case 'reopened':
      return event.data.note ?? '';
  }
}

function formatEscalationState(style: Style, lang: Lang, e: EscalationState & { overdue?: boolean }): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  if (e.done) return `  ${c.green('✓')} ${escalationLabel(style, e)} — ${m.doneOn(e.done.date, e.done.action)}`;
  const state = e.overdue ? c.red.bold(m.overdue) : m.open;
  return `  ${c.red('!')} ${c.bold(escalationLabel(style, e))} — ${c.bold(formatDeadline(style, e.deadline))} — ${state}`;
}

function formatTodoState(style: Style, lang: Lang, t: TodoState): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  if (t.done) return `  ${c.green('✓')} ${todoLabel(style, t)} — ${m.doneOn(t.done.date, t.done.action)}`;
  return `  ${c.yellow('☐')} ${c.bold(todoLabel(style, t))} — ${c.bold(formatDeadline(style, null))} — ${m.open}`;
}

/** `width`: the terminal's columns; the description column of the timeline wraps to fit. */
export function formatCaseDetail(style: Style, lang: Lang, detail: CaseDetail, width = 100): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  const out = [c.bold(m.caseTitle(detail.id, detail.studentRef, m.status[detail.status])), c.dim(m.created(localTime(detail.createdAt), detail.source)), ''];
  out.push(c.bold(`${m.escalations}:`));
  if (detail.escalations.length === 0) out.push(`  ${m.noEscalations}`);
  else out.push(...detail.escalations.map((e) => formatEscalationState(style, lang, e)));
  if (detail.todos.length > 0) out.push('', c.bold(`${m.todos}:`), ...detail.todos.map((t) => formatTodoState(style, lang, t)));
  out.push('', c.bold(`${m.timeline}:`));
  // Numbered within the case (1, 2, 3…): the database's own event ids run across all cases.
  const rows = detail.events.map((e, i) => [i + 1, localTime(e.recordedAt), m.kind[e.kind], summarizeEvent(style, lang, e)]);
  // Wrap the description only when the table would not fit: 45 columns go to id, time and kind.
  const room = Math.max(30, width - 45);
  const fits = rows.every((r) => String(r[3]).length + 2 <= room);
  out.push(formatTable(style, m.timelineHead, rows, fits ? {} : { colWidths: [null, null, null, room] }));
  // An escalation from an absence period (batch --registrations) carries its melding, ready to copy.
  const meldingen = (detail.latestDecision?.escalations ?? []).filter((e): e is AbsenceEscalation => 'melding' in e && e.melding !== undefined);
  for (const e of meldingen) out.push('', ...formatMelding(style, absenceMessagesFor(lang), detail.studentRef, e));
  if (detail.latestDecision) out.push('', c.bold(`${m.latestDecision}:`), formatDecision(style, detail.latestDecision));
  return out.join('\n');
}
