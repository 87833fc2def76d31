// The records of `batch --registrations`: one per student of the students file — the decision plus
// `absence` (JSON/NDJSON), or one CSV row with the escalations and periods flattened.
import type { AbsenceRecord } from '../core/absence/route-absence.js';
import { csvCell, csvLine } from '../core/rows/flatten.js';
import type { RowError } from '../core/rows/row-situation.js';
import type { ByteBuilder } from './batch-output.js';
import type { RecordFormat } from './record-encoders.js';
import type { Problem } from '../core/problems.js';

export interface AbsenceRecordEncoder {
  begin(out: ByteBuilder): void;
  record(out: ByteBuilder, line: number, record: AbsenceRecord): void;
  error(out: ByteBuilder, line: number, studentRef: string | undefined, error: RowError): void;
  end(out: ByteBuilder, wroteAny: boolean): void;
}

export const ABSENCE_CSV_COLUMNS = [
  'line',
  'studentRef',
  'referenceDate',
  'age',
  'leerplicht',
  'needsAction',
  'escalations',
  'deadline',
  'overdue',
  'periods',
  'unexcusedHours4w',
  'unexcusedWeeks',
  'sickReports12w',
  'sickDaysInRow',
  'luxuryAbsence',
  'todos',
  'errorColumn',
  'errorMessage',
] as const;

function jsonOf(line: number, record: AbsenceRecord): string {
  return JSON.stringify({ line, ...record });
}

function errorJson(line: number, studentRef: string | undefined, error: RowError, describe: (p: Problem) => string): string {
  const shown = { column: error.column, code: error.problem.kind, message: describe(error.problem) };
  return JSON.stringify(studentRef === undefined ? { line, error: shown } : { line, studentRef, error: shown });
}

function csvCells(line: number, r: AbsenceRecord): string[] {
  const deadlines = r.escalations.map((e) => e.deadline).filter((d): d is string => d !== null);
  return [
    String(line),
    r.studentRef,
    r.referenceDate,
    String(r.facts.age),
    r.facts.leerplicht,
    r.escalations.length > 0 ? 'ja' : 'nee',
    r.escalations.map((e) => `${e.to}:${e.type}${e.deadline ? `:${e.deadline}` : ''}${e.overdue ? ':te-laat' : ''}`).join(' | '),
    deadlines.length > 0 ? deadlines.reduce((a, b) => (a < b ? a : b)) : '',
    r.escalations.some((e) => e.overdue) ? 'ja' : 'nee',
    r.absence.periods.map((p) => `${p.kind} ${p.from}..${p.to} (${p.hours} u, ${p.days} d${p.repeat ? `, herhaalmelding ${p.repeat}` : ''})`).join(' | '),
    String(r.absence.unexcusedHours4w).replace('.', ','),
    String(r.absence.unexcusedWeeks).replace('.', ','),
    String(r.absence.sickReports12w),
    String(r.absence.sickDaysInRow),
    r.absence.luxuryAbsence ? 'ja' : 'nee',
    // party:type[:deadline][:te-laat][:bereikt-YYYY-MM-DD], rules in brackets
    r.todos.map((t) => `${t.party}:${t.type}${t.deadline ? `:${t.deadline}` : ''}${t.overdue ? ':te-laat' : ''}${t.reachedOn ? `:bereikt-${t.reachedOn}` : ''} [${t.rules.join(' ')}]`).join(' | '),
    '',
    '',
  ];
}

/** `describe` words a row problem (the ui's catalogue, in the run's language). */
export function absenceRecordEncoder(format: RecordFormat, delimiter: string, describe: (p: Problem) => string): AbsenceRecordEncoder {
  if (format === 'csv') {
    const row = (cells: readonly string[]) => `${cells.map((c) => csvCell(c, delimiter)).join(delimiter)}\r\n`;
    return {
      begin: (out) => out.text(csvLine(ABSENCE_CSV_COLUMNS, delimiter)),
      record: (out, line, r) => out.text(row(csvCells(line, r))),
      error: (out, line, ref, e) => {
        const cells: string[] = ABSENCE_CSV_COLUMNS.map(() => '');
        cells[0] = String(line);
        cells[1] = ref ?? '';
        cells[ABSENCE_CSV_COLUMNS.length - 2] = e.column;
        cells[ABSENCE_CSV_COLUMNS.length - 1] = describe(e.problem);
        out.text(row(cells));
      },
      end: () => undefined,
    };
  }
  if (format === 'ndjson') {
    return {
      begin: () => undefined,
      record: (out, line, r) => out.text(`${jsonOf(line, r)}\n`),
      error: (out, line, ref, e) => out.text(`${errorJson(line, ref, e, describe)}\n`),
      end: () => undefined,
    };
  }
  let first = true;
  const sep = (out: ByteBuilder) => {
    out.text(first ? '\n' : ',\n');
    first = false;
  };
  return {
    begin: (out) => out.text('['),
    record: (out, line, r) => {
      sep(out);
      out.text(jsonOf(line, r));
    },
    error: (out, line, ref, e) => {
      sep(out);
      out.text(errorJson(line, ref, e, describe));
    },
    end: (out, wroteAny) => out.text(wroteAny ? '\n]\n' : ']\n'),
  };
}
