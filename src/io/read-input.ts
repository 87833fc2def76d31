// Reads the JSON input of `route`: one object, an array of objects, or NDJSON (one object a line),
// from a file or from stdin (`-`).
import { readFile } from 'node:fs/promises';
import { UserError } from '../core/errors.js';
import { problem, type Location } from '../core/problems.js';
import { parseJsonText } from './json-text.js';

export interface InputRecord {
  /** Where the record came from, for messages: `input.json`, `input.json [2]`, `stdin regel 3`. */
  at: Location;
  value: unknown;
}

export interface InputDocument {
  /** `single`: one object in, one decision out; `multi`: an array or NDJSON in, NDJSON out. */
  mode: 'single' | 'multi';
  records: InputRecord[];
}

/**
 * `source`: a file path, or `-` for stdin (also how messages name it). Stdin is read as a stream to
 * its end, whatever its size or pace: a synchronous read of fd 0 fails with EAGAIN on a pipe whose
 * writer is slow or writes more than the pipe holds (`jq -c '.[]' big.json | zorgroute route -`).
 */
export async function readInputText(source: string, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<{ text: string }> {
  try {
    const text = source === '-' ? await readStream(stdin) : await readFile(source, 'utf8');
    return { text: text.replace(/^\uFEFF/, '') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(problem('cannot-read', { file: source, errno: code }));
  }
}

async function readStream(stream: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function isWholeObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * `keepGoing`: the lines of NDJSON are not checked here; a bad one throws when its value is read,
 * so that the caller can make it an error record and decide the rest.
 */
export function parseInputDocument(text: string, file: string, keepGoing = false): InputDocument {
  const trimmed = text.trim();
  if (trimmed === '') throw new UserError(problem('input-empty', { file }), { hint: problem('hint-readme-situation') });
  if (trimmed.startsWith('[')) {
    const value = parseJsonText(text, file);
    if (!Array.isArray(value)) throw new UserError(problem('expected-array', { file }));
    return { mode: 'multi', records: value.map((v, i) => ({ at: { file, index: i }, value: v })) };
  }
  const lines = text.split(/\r?\n/);
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  // One object over several lines is one JSON document; several one-line objects are NDJSON. A
  // first line that is a whole object by itself makes it NDJSON too, so that a broken later line
  // is named (read as one document, every NDJSON mistake would be blamed on line 2).
  const isNdjson = nonEmpty.length > 1 && (nonEmpty.every((l) => l.trim().startsWith('{') && l.trim().endsWith('}')) || isWholeObject(nonEmpty[0]!));
  if (!isNdjson) return { mode: 'single', records: [{ at: { file }, value: parseJsonText(text, file) }] };
  const records: InputRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    if (!keepGoing) parseJsonText(line, file, i); // every line checked now; its value is parsed again when read
    records.push(new NdjsonRecord({ file, line: i + 1 }, line, file, i));
  });
  return { mode: 'multi', records };
}

/**
 * A line of NDJSON whose value is parsed each time it is read: 150,000 situations routed with
 * `--log` then hold their text (a few hundred bytes each), not a parsed object each.
 */
class NdjsonRecord implements InputRecord {
  constructor(
    readonly at: Location,
    private readonly line: string,
    private readonly source: string,
    private readonly index: number,
  ) {}

  get value(): unknown {
    return parseJsonText(this.line, this.source, this.index);
  }
}
