// Reads a `--map` file: JSON mapping the headers of another student system to situation fields.
import { readFileSync } from 'node:fs';
import { parseColumnMap, type ColumnMap } from '../../core/rows/columns.js';
import { issueLines, UserError } from '../../core/errors.js';
import { shownLabel } from '../../core/privacy.js';
import { parseJsonText } from '../json-text.js';

export function readColumnMap(path: string): ColumnMap {
  const label = shownLabel(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UserError(`cannot read the mapping file ${label}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseColumnMap(parseJsonText(text, label));
  if (!parsed.ok) {
    throw new UserError(`the mapping file ${label} is not valid (${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'})`, {
      details: issueLines(parsed.issues),
      hint: 'a mapping file is one JSON object: { "<header in your export>": "<situation field>" or null to ignore it }',
    });
  }
  return parsed.value;
}
