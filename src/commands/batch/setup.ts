// The checks `batch` makes before the first row: the header against the column plan, and the
// peildatum for rows without one.
import { planColumns, type ColumnPlan, type ColumnProblem } from '../../core/rows/columns.js';
import { normalizeDate } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { PrivacyError } from '../../core/privacy-error.js';
import { readColumnMap } from '../../io/csv/read-column-map.js';

function problemLine(p: ColumnProblem): string {
  return p.kind === 'missing'
    ? `missing column "${p.header}" (${p.field}), required`
    : `columns "${p.headers[0]}" and "${p.headers[1]}" both give ${p.field}`;
}

export function planOrThrow(header: { cells: string[]; line: number }, label: string, options: { map?: string | undefined }): ColumnPlan {
  const planned = planColumns(header.cells, options.map ? readColumnMap(options.map) : undefined);
  if (planned.ok) return planned.plan;
  if (planned.dataLike.length > 0) {
    // Most likely the first data row: its cells (a birth date, a BSN) are not repeated.
    throw new PrivacyError({ kind: 'header-is-data', label, line: header.line, columns: planned.dataLike }, { details: planned.problems.map(problemLine) });
  }
  throw new UserError(`${label}: the header row (line ${header.line}) does not fit`, {
    details: [...planned.problems.map(problemLine), `headers found: ${planned.headers.map((h) => `"${h}"`).join(', ')}`],
    hint: 'name the columns as in data/examples/verzuimexport.csv, or map your headers with --map FILE (see the README)',
  });
}

export function emptyExport(label: string): UserError {
  return new UserError(`${label} is empty: expected a header line and rows`, {
    hint: 'export the students with a header line (at least leerlingnummer and geboortedatum)',
  });
}

export function fallbackDateOf(options: { referenceDate?: string | undefined; today: string }): string {
  if (options.referenceDate === undefined) return options.today;
  const date = normalizeDate(options.referenceDate);
  if (!date) throw new UserError('--reference-date is not a date', { hint: 'give it as dd-mm-jjjj or jjjj-mm-dd' });
  return date;
}
