// Long output for people through a pager, as git does: only on a terminal, only when the text is
// longer than the screen, through $ZORGROUTE_PAGER, else $PAGER, else less. As git, LESS=FRX and
// LV=-c unless they are set (colour kept; a screenful or less printed as it is); and, unlike git,
// LESSCHARSET=utf-8 unless a charset is set: the text is UTF-8 whatever the locale says (a LANG
// whose locale is not installed made less show every dash as <E2><80><94>). The text is laid out
// for the terminal's width before it is paged (stdout stays the terminal), so the wrapping and the
// colour are the screen's. Reached through common.ts outPaged(); loaded only on a terminal.
import { spawn, type ChildProcess } from 'node:child_process';
import { screenRows } from '../ui/layout.js';

/** The pager to run, or null for none: "" or cat (as git: GIT_PAGER, PAGER, less). */
export function pagerCommand(env: NodeJS.ProcessEnv): string | null {
  const command = (env.ZORGROUTE_PAGER ?? env.PAGER ?? 'less').trim();
  return command === '' || command === 'cat' ? null : command;
}

/** Does `text` need more rows than the screen has (one is kept for the prompt after it, as less -F)? */
export function isLongerThanScreen(text: string, screen: { columns?: number; rows?: number }): boolean {
  const rows = screen.rows && screen.rows > 0 ? screen.rows : 24;
  return screenRows(text, screen.columns && screen.columns > 0 ? screen.columns : 80, rows) >= rows;
}

/** Plain words (a program and its flags): run as they are. Anything else (quotes, $, |, >, VAR=…) goes to the shell. */
const PLAIN_WORDS = /^[\w./:@%+,-]+(?:\s+[\w./:@%+,=-]+)*$/;

/**
 * Writes `text` (laid out for `stdout`) to stdout, through the pager when stdout is a terminal that
 * cannot show it at once. A pager that cannot start prints it as it is.
 */
export async function printPaged(text: string, stdout: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Promise<void> {
  const command = stdout.isTTY && env.TERM !== 'dumb' ? pagerCommand(env) : null;
  if (command === null || !isLongerThanScreen(text, stdout) || !(await runPager(command, text, env))) stdout.write(text);
}

/** Runs the pager with `text` on its stdin until it exits; false when it could not be started. */
function runPager(command: string, text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const options = {
    stdio: ['pipe', 'inherit', 'inherit'] as ['pipe', 'inherit', 'inherit'],
    env: { ...env, LESS: env.LESS ?? 'FRX', LV: env.LV ?? '-c', ...(env.LESSCHARSET === undefined && env.LESSCHARDEF === undefined ? { LESSCHARSET: 'utf-8' } : {}) },
  };
  const plain = PLAIN_WORDS.test(command);
  let child: ChildProcess;
  if (plain) {
    const [program, ...args] = command.split(/\s+/);
    child = spawn(program!, args, options);
  } else {
    child = spawn(command, { ...options, shell: true }); // sh -c, as git runs a pager with spaces or quotes
  }
  // Ctrl-C in less reaches zorgroute too: less handles it, and zorgroute waits for less to end
  // (dying first would leave less on a terminal the shell takes back).
  const ignore = (): void => undefined;
  process.on('SIGINT', ignore);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (shown: boolean): void => {
      if (settled) return;
      settled = true;
      process.off('SIGINT', ignore);
      resolve(shown);
    };
    // no such program (ENOENT), not executable (EACCES): print without it
    child.once('error', () => {
      if (child.pid === undefined) finish(false);
    });
    // The user quit before the end (EPIPE): what is left is not wanted.
    child.stdin!.on('error', () => undefined);
    // through the shell, 127 and 126 are "not found" and "cannot run" (the shell has said which)
    child.once('close', (code) => finish(plain || (code !== 127 && code !== 126)));
    child.stdin!.end(text);
  });
}
