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

/**
 * JSON text of the parts a record shares with other records (the parents decision, the rules cited,
 * the rule set): made once per object. Records are never changed once made, so their identity is
 * their text.
 */
class SharedJson {
  private readonly texts = new WeakMap<object, string>();

  of(value: object): string {
    let text = this.texts.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      this.texts.set(value, text);
    }
    return text;
  }

  list(values: readonly object[]): string {
    let text = '[';
    for (let i = 0; i < values.length; i++) text += (i === 0 ? '' : ',') + this.of(values[i]!);
    return `${text}]`;
  }
}

/** `JSON.stringify({ line, ...record })`, the same text, with the shared parts from `shared`. */
function jsonOf(line: number, record: AbsenceRecord, shared: SharedJson): string {
  let text = `{"line":${line}`;
  const fields = record as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value === undefined) continue;
    // The record's keys are plain words: no escaping needed.
    text += `,"${key}":`;
    if (key === 'rules') text += shared.list(value as object[]);
    else if (key === 'ruleset' || key === 'parents') text += shared.of(value as object);
    else text += JSON.stringify(value);
  }
  return `${text}}`;
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
  const shared = new SharedJson();
  if (format === 'ndjson') {
    return {
      begin: () => undefined,
      record: (out, line, r) => out.text(`${jsonOf(line, r, shared)}\n`),
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
      out.text(jsonOf(line, r, shared));
    },
    error: (out, line, ref, e) => {
      sep(out);
      out.text(errorJson(line, ref, e, describe));
    },
    end: (out, wroteAny) => out.text(wroteAny ? '\n]\n' : ']\n'),
  };
}
