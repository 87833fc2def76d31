// A small JSON file named by a flag, read and parsed with a position on a syntax error.
import { readFileSync } from 'node:fs';
import { ProblemError } from '../core/absence/problems.js';
import { parseJsonText } from './json-text.js';

export function readJsonFile(path: string, flag: '--calendar' | '--codes' | '--registrations' | '--reg-map'): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ProblemError({ kind: 'file-unreadable', file: path, flag, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
  return parseJsonText(text, path);
}
