// What the commander modules share: the environment, stdout, styles and the options every command takes.
import { Option } from 'commander';
import type { Lang } from './core/routing/compile.js';
import { messagesFor } from './ui/messages.js';
import { makeStyle, useColor, type Style } from './ui/print.js';

export const env = process.env;

export function stderrStyle(lang: Lang): Style {
  return makeStyle(messagesFor(lang), useColor(process.stderr, env));
}

export function stdoutStyle(lang: Lang): Style {
  return makeStyle(messagesFor(lang), useColor(process.stdout, env));
}

/**
 * What happens when stdout's reader goes away (EPIPE): stop at once, quietly (the default), or —
 * for a run that must finish its work, batch --log — go on without stdout (cli.ts watchStdout).
 */
export const stdoutPolicy = { keepGoingWhenClosed: false };

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export const langOption = () => new Option('--lang <lang>', 'language of the output: nl or en (default: from LANG, else nl)').choices(['nl', 'en']);
export const dbOption = () => new Option('--db <file>', 'the case database (default: $ZORGROUTE_DB, else cases.db in the user data folder)');
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
