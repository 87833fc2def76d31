// Reads the JSON input of `route`: one object, an array of objects, or NDJSON (one object a line),
// from a file or from stdin (`-`).
import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { parseJsonText } from './json-text.js';

export interface InputRecord {
  /** Where the record came from, for messages: `input.json`, `input.json [2]`, `stdin line 3`. */
  label: string;
  value: unknown;
}

export interface InputDocument {
  /** `single`: one object in, one decision out; `multi`: an array or NDJSON in, NDJSON out. */
  mode: 'single' | 'multi';
  records: InputRecord[];
}

export function readInputText(source: string): { text: string; label: string } {
  const label = source === '-' ? 'stdin' : source;
  try {
    const text = readFileSync(source === '-' ? 0 : source, 'utf8');
    return { text: text.replace(/^\uFEFF/, ''), label };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (source === '-' && code === 'EAGAIN') throw new UserError('stdin is not ready to be read', { hint: 'pipe the JSON in, or give a file' });
    throw new UserError(`cannot read ${label}: ${code ?? (error as Error).message}`);
  }
}

function isWholeObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

export function parseInputDocument(text: string, label: string): InputDocument {
  const trimmed = text.trim();
  if (trimmed === '') throw new UserError(`${label} is empty: expected a situation as JSON`, { hint: 'see "The situation" in the README' });
  if (trimmed.startsWith('[')) {
    const value = parseJsonText(text, label);
    if (!Array.isArray(value)) throw new UserError(`${label}: expected an array of situations`);
    return { mode: 'multi', records: value.map((v, i) => ({ label: `${label} [${i}]`, value: v })) };
  }
  const lines = text.split(/\r?\n/);
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  // One object over several lines is one JSON document; several one-line objects are NDJSON. A
  // first line that is a whole object by itself makes it NDJSON too, so that a broken later line
  // is named (read as one document, every NDJSON mistake would be blamed on line 2).
  const isNdjson = nonEmpty.length > 1 && (nonEmpty.every((l) => l.trim().startsWith('{') && l.trim().endsWith('}')) || isWholeObject(nonEmpty[0]!));
  if (!isNdjson) return { mode: 'single', records: [{ label, value: parseJsonText(text, label) }] };
  const records: InputRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    records.push({ label: `${label} line ${i + 1}`, value: parseJsonText(line, `${label}`, i) });
  });
  return { mode: 'multi', records };
}
