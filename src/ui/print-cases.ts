// How `zorgroute cases` shows the case log: tables via formatTable (print.ts owns cli-table3), the
// timeline of a case, and what is due. Returns strings.
import type { CaseEvent, DueItem, EscalationState } from '../core/caselog/timeline.js';
import type { Lang } from '../core/routing/compile.js';
import type { CaseDetail, CaseSummary, DoneResult } from '../commands/cases.js';
import { casesMessagesFor } from './messages-cases.js';
import { parseIsoDate, toDayNumber, weekdayOf } from '../core/dates.js';
import { formatDeadline, formatDecision, formatTable, type Style } from './print.js';

/** `2026-11-27 14:05` in the computer's own time zone (stored times are UTC). */
export function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const escalationLabel = (style: Style, e: { to: string; type: string }): string =>
  `${style.msgs.party[e.to as keyof typeof style.msgs.party] ?? e.to} (${e.type})`;

/** The confirmation of `cases done`, and what is still open when it marked no escalation done. */
export function formatDone(style: Style, lang: Lang, caseId: number, r: DoneResult, cmd: string): string {
  const m = casesMessagesFor(lang);
  const lines = [
    r.match.kind === 'escalation'
      ? m.doneEscalation(caseId, escalationLabel(style, r.match.escalation))
      : r.match.kind === 'party'
        ? m.doneParty(caseId, style.msgs.party[r.match.party])
        : m.doneFree(caseId),
  ];
  if (r.match.kind !== 'escalation' && r.stillOpen.length > 0) lines.push(m.stillOpen(r.stillOpen.map((e) => `${e.to}:${e.type}`).join(', '), cmd));
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
      c.openEscalations,
      c.nextDeadline ?? (c.openEscalations > 0 ? m.dueStatus.asap : ''),
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
      const esc = d.escalations.length === 0 ? m.noEscalation : d.escalations.map((e) => `! ${escalationLabel(style, e)}`).join(', ');
      return m.decisionSummary(esc, d.ruleset.version);
    }
    case 'action': {
      const a = event.data;
      const what = a.escalation ? escalationLabel(style, a.escalation) : a.party ? m.informed(style.msgs.party[a.party]) : null;
      return m.actionSummary(a.date, a.action, what) + (a.note ? ` — ${a.note}` : '');
    }
    case 'note':
      return event.data.text;
    case 'closed':
    case 'reopened':
      return event.data.note ?? '';
  }
}

function formatEscalationState(style: Style, lang: Lang, e: EscalationState): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  if (e.done) return `  ${c.green('✓')} ${escalationLabel(style, e)} — ${m.doneOn(e.done.date, e.done.action)}`;
  return `  ${c.red('!')} ${c.bold(escalationLabel(style, e))} — ${c.bold(formatDeadline(style, e.deadline))} — ${m.open}`;
}

/** `width`: the terminal's columns; the description column of the timeline wraps to fit. */
export function formatCaseDetail(style: Style, lang: Lang, detail: CaseDetail, width = 100): string {
  const m = casesMessagesFor(lang);
  const c = style.color;
  const out = [c.bold(m.caseTitle(detail.id, detail.studentRef, m.status[detail.status])), c.dim(m.created(localTime(detail.createdAt), detail.source)), ''];
  out.push(c.bold(`${m.escalations}:`));
  if (detail.escalations.length === 0) out.push(`  ${m.noEscalations}`);
  else out.push(...detail.escalations.map((e) => formatEscalationState(style, lang, e)));
  out.push('', c.bold(`${m.timeline}:`));
  const rows = detail.events.map((e) => [e.id, localTime(e.recordedAt), m.kind[e.kind], summarizeEvent(style, lang, e)]);
  // Wrap the description only when the table would not fit: 45 columns go to id, time and kind.
  const room = Math.max(30, width - 45);
  const fits = rows.every((r) => String(r[3]).length + 2 <= room);
  out.push(formatTable(style, m.timelineHead, rows, fits ? {} : { colWidths: [null, null, null, room] }));
  if (detail.latestDecision) out.push('', c.bold(`${m.latestDecision}:`), formatDecision(style, detail.latestDecision));
  return out.join('\n');
}
