// What the commander modules share: the environment, stdout, styles and the options every command takes.
import { Command, Option } from 'commander';
import type { Lang } from '../core/routing/compile.js';
import { todayIso } from '../core/dates.js';
import type { RulesetSource } from '../io/rules/read-ruleset.js';
import type { CliWords } from '../ui/messages/cli.js';
import { messagesFor, resolveLang, withPartyNames } from '../ui/messages/messages.js';
import { makeStyle, useColor, type Style } from '../ui/style.js';
import { widthOf } from '../ui/terminal.js';

export const env = process.env;

/** The clock is read here, in the shell, and handed down as a value. */
export const today = (): string => todayIso(new Date());

/** A party's id and its name in the user's language (CompiledRuleset.parties). */
export type PartyNames = readonly { id: string; name: string }[];

export function stderrStyle(lang: Lang, parties: PartyNames = []): Style {
  return makeStyle(withPartyNames(messagesFor(lang), parties), useColor(process.stderr, env), widthOf(process.stderr), today());
}

export function stdoutStyle(lang: Lang, parties: PartyNames = []): Style {
  return makeStyle(withPartyNames(messagesFor(lang), parties), useColor(process.stdout, env), widthOf(process.stdout), today());
}

/**
 * The parties' names of the chain `rules` names (the default chain without it): names are data of
 * the rule set. For output about decisions already made (the case log), the default chain's names;
 * a party it does not declare is shown by its id. `routable`: check the chain as routing does, so
 * that a command can refuse a bad rule set before it writes anything (a case log, an --out file).
 */
export async function partyNamesOf(lang: Lang, rules?: string, routable = false): Promise<PartyNames> {
  return (await ruleChainOf(lang, rules, routable)).parties;
}

/** partyNamesOf, with the chain it read (`batch --registrations` routes with it: read once). */
export async function ruleChainOf(lang: Lang, rules?: string, routable = false): Promise<{ parties: PartyNames; source: RulesetSource }> {
  const { readRuleChain } = await import('../io/rules/read-ruleset.js');
  const { ruleset, sha256 } = readRuleChain(rules, { routable });
  return { parties: ruleset.parties.map((p) => ({ id: p.id, name: p.name[lang] })), source: { ruleset, sha256 } };
}

/** A message on stderr, wrapped at the terminal's width (whole when stderr is not a terminal). */
export async function say(text: string): Promise<void> {
  const { wrap } = await import('../ui/layout.js');
  process.stderr.write(`${wrap(text, widthOf(process.stderr), '', '  ')}\n`);
}

/**
 * What happens when stdout's reader goes away (EPIPE): stop at once, quietly (the default), or —
 * for a run that must finish its work, batch --log — go on without stdout (cli.ts watchStdout).
 */
export const stdoutPolicy = { keepGoingWhenClosed: false };

/** `--no-pager` (a program option, set before the command runs: main.ts) turns the pager off (cli/pager.ts). */
export const pagerPolicy = { allowed: true };

/**
 * Text for people on stdout, through the pager when it is longer than the terminal (cli/pager.ts,
 * loaded only then). The text must be laid out already, for stdout's width.
 */
export async function outPaged(text: string): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (!pagerPolicy.allowed || !process.stdout.isTTY) {
    process.stdout.write(body);
    return;
  }
  const { printPaged } = await import('./pager.js');
  await printPaged(body, process.stdout, env);
}

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export const langOption = (w: CliWords) => new Option(`--lang <${w.placeholder.lang}>`, w.option.lang).choices(['nl', 'en']);
export const dbOption = (w: CliWords) => new Option(`--db <${w.placeholder.file}>`, w.option.db);
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * Wraps a subcommand's action so that its problems are worded in the output's language: `word`
 * turns an error into the one to throw (the command's catalogue; anything else as it is). The
 * options object commander passes (not an argument array, not the Command) gives --lang.
 */
export const wordedBy =
  (word: (error: unknown, lang: Lang) => unknown) =>
  <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
  async (...args: A): Promise<void> => {
    try {
      await action(...args);
    } catch (error) {
      const flags = (args.find((a) => typeof a === 'object' && a !== null && !Array.isArray(a) && !(a instanceof Command)) ?? {}) as { lang?: string };
      throw await word(error, resolveLang(flags.lang, env));
    }
  };
