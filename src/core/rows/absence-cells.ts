// A record of `batch --registrations` as one CSV row (ABSENCE_CSV_COLUMNS), in the words of a CSV
// dialect (flatten.ts): the same dates, yes/no words, decimal separator and "as soon as possible" as
// the plain batch CSV, and the dialect's own words inside the escalation, period and to-do cells.
import type { AbsenceEscalation, AbsenceRecord, AbsenceTodo, PeriodOut } from '../absence/route-absence.js';
import { csvDate, csvNumber, earliestDeadline, ENGLISH_CSV, yesNo, type CsvDialect } from './flatten.js';

/** `leerplicht:verzuimmelding-16-uur:2026-03-09:overdue` (Dutch: `…:09-03-2026:te-laat`; no term: the dialect's asap, if any). */
function escalationText(e: AbsenceEscalation, d: CsvDialect): string {
  const when = e.deadline !== null ? csvDate(e.deadline, d) : d.asap;
  return `${e.to}:${e.type}${when === null ? '' : `:${when}`}${e.overdue ? `:${d.absence.overdue}` : ''}`;
}

/** `16-uur 2026-04-15..2026-04-21 (40 h, 5 d, repeat 1)` (Dutch: `16-uur 15-04-2026..21-04-2026 (40 u, 5 d, herhaalmelding 1)`). */
function periodText(p: PeriodOut, d: CsvDialect): string {
  const w = d.absence;
  const repeat = p.repeat ? `, ${w.repeat} ${p.repeat}` : '';
  return `${p.kind} ${csvDate(p.from, d)}..${csvDate(p.to, d)} (${csvNumber(p.hours, d)} ${w.hours}, ${p.days} ${w.days}${repeat})`;
}

/** `mentor:gesprek-leerling:2026-06-03:overdue:reached-2026-06-03 [te-laat-3]` (Dutch: `…:03-06-2026:te-laat:bereikt-03-06-2026 […]`). */
function todoText(t: AbsenceTodo, d: CsvDialect): string {
  const w = d.absence;
  const deadline = t.deadline ? `:${csvDate(t.deadline, d)}` : '';
  const reached = t.reachedOn ? `:${w.reached}-${csvDate(t.reachedOn, d)}` : '';
  return `${t.party}:${t.type}${deadline}${t.overdue ? `:${w.overdue}` : ''}${reached} [${t.rules.join(' ')}]`;
}

/** Several escalations, periods or to-dos in one cell. */
const LIST = ' | ';

/** The cells of one record, column for column with ABSENCE_CSV_COLUMNS (the error columns empty). */
export function absenceCells(line: number, r: AbsenceRecord, d: CsvDialect = ENGLISH_CSV): string[] {
  const a = r.absence;
  return [
    String(line),
    r.studentRef,
    csvDate(r.referenceDate, d),
    String(r.facts.age),
    r.facts.leerplicht,
    yesNo(r.escalations.length > 0, d),
    r.escalations.map((e) => escalationText(e, d)).join(LIST),
    earliestDeadline(r.escalations, d),
    yesNo(r.escalations.some((e) => e.overdue), d),
    a.periods.map((p) => periodText(p, d)).join(LIST),
    csvNumber(a.unexcusedHours4w, d),
    csvNumber(a.unexcusedWeeks, d),
    String(a.sickReports12w),
    String(a.sickDaysInRow),
    yesNo(a.luxuryAbsence, d),
    r.todos.map((t) => todoText(t, d)).join(LIST),
    '',
    '',
  ];
}
