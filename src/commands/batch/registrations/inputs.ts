// The small inputs of `batch --registrations`, read whole before the registrations stream: the
// code table and the students file (one situation per student, without absence columns).
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { readCodeTable, type CodeTable } from '../../../core/absence/codes.js';
import { ProblemError } from '../../../core/absence/problems.js';
import type { ColumnPlan } from '../../../core/rows/columns.js';
import { labelFieldOf, labelOf, type LabelField, type StudentLabels } from '../../../core/rows/student-labels.js';
import { readRow, isBlankRow, type RowError } from '../../../core/rows/row-situation.js';
import type { Situation, SituationField } from '../../../core/routing/situation.js';
import { openCsvInput } from '../../../io/csv/input.js';
import { CsvReader } from '../../../io/csv/reader.js';
import type { CsvReadOptions, CsvRow } from '../../../io/csv/rows.js';
import { packageRoot } from '../../../io/package-root.js';
import { emptyExport, planOrThrow } from '../setup.js';

export const ABSENCE_FIELDS: readonly SituationField[] = [
  'unexcusedHours4w',
  'unexcusedWeeks',
  'sickReports12w',
  'sickDaysInRow',
  'luxuryAbsence',
  'lateArrivalsSchoolYear',
  'lateArrivals4w',
  'unexcusedHoursSchoolYear',
  'removalsSchoolYear',
  'sickReportsSchoolYear',
  'reachedOn',
];

export function defaultCodesPath(): string {
  return join(packageRoot(), 'data', 'codes', 'standaard-codes.csv');
}

/** A whole (small) CSV file: its header and rows. */
export async function readWholeCsv(path: string, stdin: Readable, options: Omit<CsvReadOptions, 'label'>): Promise<{ label: string; header: { cells: string[]; line: number; delimiter: string } | undefined; rows: CsvRow[] }> {
  const input = await openCsvInput(path, stdin);
  const reader = new CsvReader(input.source, { ...options, label: input.label });
  let header: { cells: string[]; line: number; delimiter: string } | undefined;
  const rows: CsvRow[] = [];
  for await (const event of reader.events()) {
    if (event.kind === 'header') header = { cells: event.cells, line: event.line, delimiter: event.delimiter };
    else for (const r of event.rows) rows.push(r);
  }
  return { label: input.label, header, rows };
}

export async function readCodes(path: string | undefined, stdin: Readable): Promise<{ table: CodeTable; file: string }> {
  const file = path ?? defaultCodesPath();
  const { header, rows } = await readWholeCsv(file, stdin, {});
  const read = readCodeTable(header?.cells ?? [], rows, header?.line ?? 1);
  if (!read.ok) throw new ProblemError({ kind: 'codes-invalid', file, problems: read.problems });
  return { table: read.table, file };
}

export interface StudentRow {
  line: number;
  situation: Situation;
  /** Mentor and klas, when the file has those columns. */
  labels?: StudentLabels;
}

export interface StudentsFile {
  label: string;
  delimiter: string;
  plan: ColumnPlan;
  students: StudentRow[];
  errors: { line: number; studentRef: string | undefined; error: RowError }[];
  duplicates: { studentRef: string; line: number; firstLine: number }[];
  /** Student number → index in `students`. */
  byRef: Map<string, number>;
  /** Whether the file has a mentor column (the *Te doen* list is then grouped per mentor). */
  hasMentor: boolean;
}

export async function readStudents(path: string, stdin: Readable, options: { map?: string | undefined; fallbackDate: string; encoding?: CsvReadOptions['encoding']; delimiter?: CsvReadOptions['delimiter'] }): Promise<StudentsFile> {
  const { label, header, rows } = await readWholeCsv(path, stdin, { encoding: options.encoding, delimiter: options.delimiter });
  if (!header) throw emptyExport(label);
  const plan = planOrThrow(header, label, options);
  const absenceColumns = ABSENCE_FIELDS.map((f) => plan.headerOf[f]).filter((h): h is string => h !== undefined);
  if (absenceColumns.length > 0) throw new ProblemError({ kind: 'absence-columns', file: label, columns: absenceColumns });
  // Mentor and klas route nothing: taken out of the unknown columns, read per row.
  const labelAt: [LabelField, number][] = [];
  header.cells.forEach((cell, i) => {
    const field = labelFieldOf(cell);
    if (field !== undefined && !labelAt.some(([f]) => f === field) && plan.unmapped.includes(i)) labelAt.push([field, i]);
  });
  if (labelAt.length > 0) {
    const names = new Set(labelAt.map(([, i]) => plan.headers[i]));
    plan.unknown = plan.unknown.filter((h) => !names.has(h));
  }
  const hasMentor = labelAt.some(([f]) => f === 'mentor');
  const file: StudentsFile = { label, delimiter: header.delimiter, plan, students: [], errors: [], duplicates: [], byRef: new Map(), hasMentor };
  for (const { line, cells } of rows) {
    if (isBlankRow(cells)) continue;
    const row = readRow(cells, plan, options.fallbackDate);
    if (!row.ok) {
      file.errors.push({ line, studentRef: row.studentRef, error: row.error });
      continue;
    }
    const ref = row.situation.studentRef;
    const first = file.byRef.get(ref);
    if (first !== undefined) {
      file.duplicates.push({ studentRef: ref, line, firstLine: file.students[first]!.line });
      continue;
    }
    file.byRef.set(ref, file.students.length);
    if (labelAt.length === 0) file.students.push({ line, situation: row.situation });
    else {
      const labels: StudentLabels = {};
      for (const [field, i] of labelAt) {
        const value = labelOf(cells[i]);
        if (value !== undefined) labels[field] = value;
      }
      file.students.push({ line, situation: row.situation, labels });
    }
  }
  return file;
}
