// How output is drawn: colour (chalk, set up here and used by print*.ts), the words, the width.
// Kept apart from print.ts so that a command that prints no text for people (`route --json`)
// starts without loading the layout code.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Messages } from './messages/messages.js';
import type { Width } from './terminal.js';

export interface Style {
  color: ChalkInstance;
  msgs: Messages;
  /** The terminal's columns to wrap at, or null (not a terminal: nothing is wrapped). */
  width: Width;
  /** Today (`YYYY-MM-DD`), for "vandaag"; read from the clock by the CLI, never here. */
  today?: string | undefined;
}

/** Colour only on a terminal, never with NO_COLOR (any value) or TERM=dumb; FORCE_COLOR forces it. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export function makeStyle(msgs: Messages, color: boolean, width: Width = null, today?: string): Style {
  return { color: new Chalk({ level: color ? 1 : 0 }), msgs, width, today };
}
