// zorgroute batch on a terminal: the summary table and the "written" line on stderr when records
// go to a file, and no progress bar left behind. node-pty gives the child a real terminal.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/zorgroute.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../data/examples/verzuimexport.csv', import.meta.url));

function onTerminal(args: string[]): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    const child = pty.spawn(process.execPath, [BIN, ...args], {
      cols: 160,
      rows: 60,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_GB.UTF-8', TERM: 'xterm', PAGER: 'cat' },
    });
    let output = '';
    child.onData((d) => {
      output += d;
    });
    child.onExit(({ exitCode }) => resolve({ exitCode, output }));
  });
}

describe('zorgroute batch on a terminal', () => {
  it('shows the summary table and where the records went', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zorgroute-tty-')), 'result.csv');
    const { exitCode, output } = await onTerminal(['batch', EXAMPLE, '--out', out]);
    expect(exitCode).toBe(0);
    expect(output).toMatch(/rows read\s+38/);
    expect(output).toContain('Escalate to');
    expect(output).toContain(`38 records written to ${out}`);
    expect(output).toContain('--all lists every student'); // 13 students to leerplicht, 10 named
    expect(output).not.toContain('--format csv|json|ndjson gives every row'); // it was given: --out
    expect(output).not.toMatch(/├|┼/); // no separators between rows
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/^line;studentRef;/);
  });
});
