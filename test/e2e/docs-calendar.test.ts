// The runnable examples (```console test) of the calendar pages give what the shipped tool gives.
// Lines starting with `$ ` are commands run from the repository root (`zorgroute` = the built
// binary, NO_COLOR=1, LANG=nl_NL.UTF-8); the lines after one are its stdout, `…` any lines.
// (A general runner over docs/ may replace this one; it covers only the pages of the calendar.)
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PAGES = ['docs/reference/calendar.md', 'docs/handleiding/kalender.md'];

interface Example {
  command: string;
  expected: string[];
}

function examples(page: string): Example[] {
  const text = readFileSync(`${ROOT}${page}`, 'utf8');
  const out: Example[] = [];
  for (const block of text.matchAll(/^```console test\n([\s\S]*?)^```$/gm)) {
    for (const line of block[1]!.replace(/\n$/, '').split('\n')) {
      if (line.startsWith('$ ')) out.push({ command: line.slice(2), expected: [] });
      else out.at(-1)?.expected.push(line);
    }
  }
  return out;
}

/** `expected` against `actual`, line by line; `…` matches any number of lines. */
function matches(expected: readonly string[], actual: readonly string[]): boolean {
  if (expected.length === 0) return actual.length === 0;
  const [head, ...rest] = expected;
  if (head === '…') {
    for (let skip = 0; skip <= actual.length; skip++) if (matches(rest, actual.slice(skip))) return true;
    return false;
  }
  return actual.length > 0 && actual[0] === head && matches(rest, actual.slice(1));
}

describe('the calendar pages’ examples', () => {
  for (const page of PAGES) {
    for (const ex of examples(page)) {
      it(`${page}: ${ex.command}`, async () => {
        const args = ex.command.split(/\s+/);
        expect(args[0]).toBe('zorgroute');
        const r = await execa(process.execPath, [BIN, ...args.slice(1)], { cwd: ROOT, reject: false, env: { NO_COLOR: '1', LANG: 'nl_NL.UTF-8', LC_ALL: '' } });
        const actual = String(r.stdout).replace(/\n$/, '').split('\n');
        expect(matches(ex.expected, actual), `stdout was:\n${String(r.stdout)}`).toBe(true);
      });
    }
  }

  it('each page has an example', () => {
    for (const page of PAGES) expect(examples(page).length, page).toBeGreaterThan(0);
  });
});
