// The runnable examples of the README and docs/: every fenced block with the info string
// `console test`. docs/reference/architecture.md ("The doc-example test") describes the format for
// people who write docs; in short:
//
//   - a line starting with `$ ` is a command, run by bash with `set -o pipefail`; a command line
//     ending in ` \` continues on the next line (an optional leading `> ` there is dropped);
//   - the lines after a command, up to the next command or the end of the block, are its expected
//     stdout (stderr is not compared); trailing spaces and trailing empty lines do not count, and a
//     no-break space in the output matches a plain space;
//   - a command must exit 0 (show another code as output: `…; echo "eindcode $?"`);
//   - masks in the expected text: a line holding only `…` matches any lines (also none); inside a
//     line `{…}` matches any text, `{vandaag}` today as dd-mm-jjjj, `{vandaag-iso}` today as
//     jjjj-mm-dd, `{tijd}` a time hh:mm(:ss), `{tmp}` the block's folder, `{repo}` the repository.
//
// The commands of one block share a fresh temporary folder holding a copy of the repository's
// data/ (the working directory, HOME, and ZORGROUTE_DB=<folder>/cases.db), so nothing is written
// into the tree; `zorgroute` is the built bin/zorgroute.js on PATH; NO_COLOR=1, LANG=nl_NL.UTF-8.
import { execa } from 'execa';
import { chmodSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DocCommand {
  /** 1-based line of the `$ ` line in the file. */
  line: number;
  command: string;
  expected: string[];
}

export interface DocBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  commands: DocCommand[];
}

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})\s*console\s+test\s*$/;

/** Every `console test` block of a Markdown text. Throws on a block that does not start with a command. */
export function findBlocks(file: string, text: string): DocBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence === undefined) {
      const open = FENCE_OPEN.exec(line);
      if (open) {
        const indent = open[1]!.length;
        const marker = open[2]!;
        const body: { n: number; text: string }[] = [];
        let j = i + 1;
        for (; j < lines.length; j++) {
          const inner = lines[j]!;
          if (inner.trim().startsWith(marker[0]!.repeat(marker.length)) && inner.trim().replace(/[`~]/g, '') === '') break;
          body.push({ n: j + 1, text: inner.slice(Math.min(indent, inner.length - inner.trimStart().length)) });
        }
        blocks.push({ file, line: i + 1, commands: commandsOf(file, i + 1, body) });
        i = j;
        continue;
      }
      const other = /^\s*(`{3,}|~{3,})/.exec(line);
      if (other) fence = other[1]!;
    } else if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') {
      fence = undefined;
    }
  }
  return blocks;
}

function commandsOf(file: string, fenceLine: number, body: { n: number; text: string }[]): DocCommand[] {
  const commands: DocCommand[] = [];
  for (let k = 0; k < body.length; k++) {
    const { n, text } = body[k]!;
    if (text.startsWith('$ ')) {
      let command = text.slice(2);
      while (command.endsWith('\\') && k + 1 < body.length) {
        k += 1;
        command = `${command.slice(0, -1).trimEnd()} ${body[k]!.text.trim().replace(/^> /, '')}`;
      }
      commands.push({ line: n, command, expected: [] });
    } else if (commands.length === 0) {
      if (text.trim() !== '') throw new Error(`${file}:${n}: a console test block (line ${fenceLine}) must start with a "$ " command`);
    } else {
      commands[commands.length - 1]!.expected.push(text);
    }
  }
  return commands;
}

export interface Masks {
  today: Date;
  tmp: string;
  repo: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One expected line as a regular expression, its masks filled in. */
export function lineRegex(expected: string, masks: Masks): RegExp {
  const d = masks.today;
  const values: Record<string, string> = {
    '{…}': '.*?',
    '{vandaag}': escape(`${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`),
    '{vandaag-iso}': escape(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`),
    '{tijd}': '\\d{2}:\\d{2}(?::\\d{2})?',
    '{tmp}': escape(masks.tmp),
    '{repo}': escape(masks.repo),
  };
  const parts = expected.split(/(\{…\}|\{vandaag\}|\{vandaag-iso\}|\{tijd\}|\{tmp\}|\{repo\})/);
  return new RegExp(`^${parts.map((p) => values[p] ?? escape(p)).join('')}$`, 'u');
}

/** No-break spaces (the tool keeps `240102 (3)` together with one) look like spaces on a page. */
const tidy = (lines: string[]): string[] => {
  const out = lines.map((l) => l.replace(/[\u00a0\u202f]/g, ' ').trimEnd());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
};

/** Whether the actual stdout matches the expected lines (`…` lines match any run of lines). */
export function outputMatches(expected: string[], actual: string, masks: Masks): boolean {
  const want = tidy(expected);
  const got = tidy(actual.split(/\r?\n/));
  const patterns = want.map((l) => (l.trim() === '…' ? null : lineRegex(l, masks)));
  const memo = new Map<string, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === patterns.length) result = j === got.length;
    else if (patterns[i] === null) result = match(i + 1, j) || (j < got.length && match(i, j + 1));
    else result = j < got.length && patterns[i]!.test(got[j]!) && match(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return match(0, 0);
}

export interface CommandResult {
  command: DocCommand;
  ok: boolean;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A folder with a `zorgroute` on it that runs the built binary of `repo`. */
export function makeShim(repo: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zorgroute-doc-bin-'));
  const shim = join(dir, 'zorgroute');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(repo, 'bin', 'zorgroute.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  return dir;
}

/** Runs a block's commands in order in a fresh folder; one result per command. */
export async function runBlock(block: DocBlock, repo: string, shimDir: string, today = new Date()): Promise<CommandResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-doc-'));
  cpSync(join(repo, 'data'), join(tmp, 'data'), { recursive: true });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  for (const k of ['FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'XDG_DATA_HOME', 'ZORGROUTE_DB']) delete env[k];
  Object.assign(env, { NO_COLOR: '1', LANG: 'nl_NL.UTF-8', HOME: tmp, ZORGROUTE_DB: join(tmp, 'cases.db'), PATH: `${shimDir}:${process.env.PATH ?? ''}` });
  const masks: Masks = { today, tmp, repo };
  const results: CommandResult[] = [];
  for (const command of block.commands) {
    const r = await execa('bash', ['-c', `set -o pipefail\n${command.command}`], { cwd: tmp, env, extendEnv: false, reject: false, input: '' });
    const stdout = String(r.stdout);
    const exitCode = r.exitCode ?? -1;
    results.push({ command, ok: exitCode === 0 && outputMatches(command.expected, stdout, masks), exitCode, stdout, stderr: String(r.stderr) });
  }
  return results;
}

/** A failure as a person reads it: where, the command, what was expected and what came. */
export function describeFailure(block: DocBlock, r: CommandResult): string {
  return [
    `${block.file}:${r.command.line}: $ ${r.command.command}`,
    `exit code ${r.exitCode}${r.exitCode === 0 ? '' : ' (a command must exit 0; show another code with `; echo $?`)'}`,
    '--- expected stdout',
    ...r.command.expected,
    '--- actual stdout',
    r.stdout,
    ...(r.stderr.trim() === '' ? [] : ['--- stderr', r.stderr]),
  ].join('\n');
}
