// The built binary on a pseudo-terminal of a given size, its output fed into a real terminal
// emulator (xterm.js, headless), so that a test sees the screen a person sees: which lines the
// terminal had to wrap because they were wider than it, and what is visible at the end.
import xterm from '@xterm/headless';
import * as pty from 'node-pty';
import { plain, withoutPager } from './pty-driver.js';
import { BIN } from './run-cli.js';

export interface Screen {
  /** Resolves once `text` appears in the output after the previous match (as pty-driver's waitFor). */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  answer(question: string | RegExp, typed: string): Promise<void>;
  send(keys: string): void;
  /** Waits until the emulator has taken in everything the program wrote so far. */
  settled(): Promise<void>;
  /** Every line the program wrote that was wider than the terminal (the emulator wrapped it). */
  overflowing(): string[];
  /** The rows visible on the screen now. */
  visible(): string[];
  /** The whole buffer (scrollback and screen), one entry per screen row. */
  rows(): string[];
  exit: Promise<{ exitCode: number }>;
}

export function onScreen(args: string[], size: { cols: number; rows: number }, env: Record<string, string> = {}): Screen {
  const term = new xterm.Terminal({ cols: size.cols, rows: size.rows, scrollback: 5000, allowProposedApi: true });
  const child = pty.spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    env: { ...withoutPager(), NO_COLOR: '1', LANG: 'nl_NL.UTF-8', LC_ALL: '', PAGER: 'cat', ...env },
  });
  let output = '';
  let mark = 0;
  let exited = false;
  let written = Promise.resolve();
  const waiters = new Set<() => void>();
  child.onData((data) => {
    output += data;
    written = written.then(() => new Promise<void>((resolve) => term.write(data, resolve)));
    for (const check of waiters) check();
  });
  const exit = new Promise<{ exitCode: number }>((resolve) => child.onExit(resolve));
  void exit.then(() => {
    exited = true;
    for (const check of waiters) check();
  });

  const waitFor = (text: string | RegExp, timeoutMs = 20_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const seen = plain(output).slice(mark);
        const at = typeof text === 'string' ? seen.indexOf(text) : seen.search(text);
        if (at < 0 && exited) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`the program exited before showing ${String(text)}; it ends with:\n${plain(output).slice(-1500)}`));
        }
        if (at < 0) return;
        waiters.delete(check);
        clearTimeout(timer);
        mark += at + (typeof text === 'string' ? text.length : (seen.slice(at).match(text)?.[0].length ?? 0));
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`waited ${timeoutMs} ms for ${String(text)}; it ends with:\n${plain(output).slice(-1500)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const buffer = () => term.buffer.active;
  const row = (i: number): string => buffer().getLine(i)?.translateToString(true) ?? '';
  return {
    waitFor,
    async answer(question, typed) {
      await waitFor(question);
      child.write(`${typed}\r`);
    },
    send: (keys) => child.write(keys),
    settled: () => written,
    overflowing() {
      const b = buffer();
      const lines: string[] = [];
      for (let i = 1; i < b.length; i++) if (b.getLine(i)?.isWrapped) lines.push(`${row(i - 1)}⏎${row(i)}`);
      return lines;
    },
    visible() {
      const b = buffer();
      return Array.from({ length: size.rows }, (_, i) => row(b.viewportY + i));
    },
    rows() {
      return Array.from({ length: buffer().length }, (_, i) => row(i));
    },
    exit,
  };
}

/** Runs a command to its end on the screen; the rows written and the lines too wide for it. */
export async function runOnScreen(args: string[], size: { cols: number; rows: number }, env: Record<string, string> = {}) {
  const screen = onScreen(args, size, env);
  const { exitCode } = await screen.exit;
  await screen.settled();
  return { exitCode, rows: screen.rows().join('\n'), overflowing: screen.overflowing() };
}
