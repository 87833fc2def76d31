// The checks `batch` makes before the first row: the header against the column plan, and the
// peildatum for rows without one.
import { planColumns, type ColumnPlan, type ColumnProblem } from '../../core/rows/columns.js';
import { normalizeDate } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { PrivacyError } from '../../core/privacy-error.js';
import { problem, type ProblemDetail } from '../../core/problems.js';
import { readColumnMap } from '../../io/csv/read-column-map.js';
import { resolveMapFile } from '../../io/map-presets.js';

function problemLine(p: ColumnProblem): ProblemDetail {
  return { problem: p.kind === 'missing' ? problem('column-missing', { header: p.header, field: p.field }) : problem('columns-conflict', { headers: p.headers, field: p.field }) };
}

export function planOrThrow(header: { cells: string[]; line: number }, label: string, options: { map?: string | undefined }): ColumnPlan {
  const planned = planColumns(header.cells, options.map ? readColumnMap(resolveMapFile(options.map, 'leerlingen')) : undefined);
  if (planned.ok) return planned.plan;
  if (planned.dataLike.length > 0) {
    // Most likely the first data row: its cells (a birth date, a BSN) are not repeated.
    throw new PrivacyError({ kind: 'header-is-data', label, line: header.line, columns: planned.dataLike }, { details: planned.problems.map(problemLine) });
  }
  throw new UserError(problem('header-does-not-fit', { file: label, line: header.line }), {
    details: [...planned.problems.map(problemLine), { problem: problem('headers-found', { headers: planned.headers }) }],
    hint: problem('hint-header-names'),
  });
}

export function emptyExport(label: string): UserError {
  return new UserError(problem('csv-empty', { file: label }), { hint: problem('hint-export-header') });
}

export function fallbackDateOf(options: { referenceDate?: string | undefined; today: string }): string {
  if (options.referenceDate === undefined) return options.today;
  const date = normalizeDate(options.referenceDate);
  if (!date) throw new UserError(problem('reference-date-invalid'), { hint: problem('hint-date-format') });
  return date;
}
