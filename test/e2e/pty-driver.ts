// Drives the built binary through a real pseudo-terminal, the way a person at a keyboard does: wait
// until the expected text is on the screen, then type. The timeout is a safety net that fails the
// test with the screen so far (a question that never came), not a performance limit.
import * as pty from 'node-pty';
import { BIN } from './run-cli.js';

export const KEY = { enter: '\r', ctrlC: '\x03', down: '\x1b[B', space: ' ', backspace: '\x7f' } as const;

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]/g;
export const plain = (text: string): string => text.replace(ANSI, '');

/**
 * The test's environment without a pager of the machine: long output on a terminal goes through
 * $PAGER (less), so the drivers set PAGER=cat (no pager) unless a test passes its own, and drop
 * ZORGROUTE_PAGER, which would come before it.
 */
export function withoutPager(): Record<string, string> {
  const { ZORGROUTE_PAGER: _, ...rest } = process.env as Record<string, string>;
  return rest;
}

export interface PtySession {
  /** Resolves once `text` appears in the output after the previous match. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** waitFor(question), then type the answer and Enter. */
  answer(question: string | RegExp, typed: string): Promise<void>;
  send(keys: string): void;
  /** Everything shown so far, without escape codes. */
  transcript(): string;
  exit: Promise<{ exitCode: number; signal?: number }>;
}

export function startCli(args: string[], env: Record<string, string> = {}): PtySession {
  const term = pty.spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: 120,
    rows: 60,
    env: { ...withoutPager(), NO_COLOR: '1', LANG: 'nl_NL.UTF-8', LC_ALL: '', PAGER: 'cat', ...env },
  });
  let output = '';
  let mark = 0;
  let exited = false;
  const waiters = new Set<() => void>();
  term.onData((data) => {
    output += data;
    for (const check of waiters) check();
  });
  const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => term.onExit(resolve));
  void exit.then(() => {
    exited = true; // a text that has not come by now never will
    for (const check of waiters) check();
  });

  const waitFor = (text: string | RegExp, timeoutMs = 20_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        // Match in the plain text after the previous match; the next wait starts right after this one.
        const seen = plain(output).slice(mark);
        const at = typeof text === 'string' ? seen.indexOf(text) : seen.search(text);
        const found = at >= 0;
        if (!found && exited) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`the program exited before showing ${String(text)}; the screen ends with:\n${plain(output).slice(-1500)}`));
        }
        if (!found) return;
        waiters.delete(check);
        clearTimeout(timer);
        const length = typeof text === 'string' ? text.length : (seen.slice(at).match(text)?.[0].length ?? 0);
        mark += at + length;
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`waited ${timeoutMs} ms for ${String(text)}; the screen ends with:\n${plain(output).slice(-1500)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    waitFor,
    async answer(question, typed) {
      await waitFor(question);
      term.write(`${typed}${KEY.enter}`);
    },
    send: (keys) => term.write(keys),
    transcript: () => plain(output),
    exit,
  };
}
