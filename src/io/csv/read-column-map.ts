// Reads a `--map` file: JSON mapping the headers of another student system to situation fields.
import { readFileSync } from 'node:fs';
import { parseColumnMap, type ColumnMap } from '../../core/rows/columns.js';
import { issueDetails, UserError } from '../../core/errors.js';
import { shownLabel } from '../../core/privacy.js';
import { problem } from '../../core/problems.js';
import { parseJsonText } from '../json-text.js';

export function readColumnMap(path: string): ColumnMap {
  const label = shownLabel(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UserError(problem('cannot-read', { file: path, errno: (error as NodeJS.ErrnoException).code, what: 'column-map' }));
  }
  const parsed = parseColumnMap(parseJsonText(text, label));
  if (!parsed.ok) {
    throw new UserError(problem('column-map-invalid', { file: path, count: parsed.issues.length }), {
      details: issueDetails(parsed.issues),
      hint: problem('hint-column-map'),
    });
  }
  return parsed.value;
}
