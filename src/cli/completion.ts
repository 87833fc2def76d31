// `zorgroute completion bash|zsh|fish`, and the --help examples of every command: both read off the
// commander program itself once every command is on it, so a command added later is completed (and
// gets its examples from ui/messages/cli.ts) without more work here.
import { Argument, type Command, type Help } from 'commander';
import type { Lang } from '../core/routing/compile.js';
import type { CompletionCommand, CompletionOption, Shell } from '../commands/completion.js';
import { cliWordsFor, helpExamplesText } from '../ui/messages/cli.js';
import { langOption, out } from './common.js';

/** Options every command has of its own, not passed down from the program. */
const OWN = new Set(['-h', '--help', '-V', '--version']);

/**
 * The command tree as the completion scripts need it. commander's `help` completes the commands
 * beside it; an option of the program (`--config`) is accepted after any command, so every command
 * below lists it too.
 */
export function completionTree(cmd: Command, help: Help = cmd.createHelp(), path: string[] = [], inherited: CompletionOption[] = []): CompletionCommand {
  const commands = help.visibleCommands(cmd);
  const beside = commands.map((c) => c.name()).filter((n) => n !== 'help');
  const first = cmd.registeredArguments[0];
  const own: CompletionOption[] = help.visibleOptions(cmd).map((o) => ({
    names: [o.short, o.long].filter((n): n is string => n !== undefined),
    takesValue: o.required || o.optional,
    values: o.argChoices ?? null,
    description: o.description,
  }));
  const ownNames = new Set(own.flatMap((o) => o.names));
  const options = [...own, ...inherited.filter((o) => !o.names.some((n) => ownNames.has(n)))];
  const passedDown = options.filter((o) => !o.names.some((n) => OWN.has(n)));
  return {
    path,
    description: cmd.description(),
    options,
    commands: commands.map((c) => {
      const tree = completionTree(c, help, [...path, c.name()], passedDown);
      return c.name() === 'help' && c.commands.length === 0 ? { ...tree, argumentValues: beside } : tree;
    }),
    ...(first === undefined ? {} : { argumentValues: first.argChoices ?? null }),
  };
}

/** Every shell, each once (a Record, so that a shell added to commands/completion.ts must be added here). */
const SHELLS: Record<Shell, true> = { bash: true, zsh: true, fish: true };

export function addCompletionCommand(program: Command, lang: Lang): void {
  const w = cliWordsFor(lang);
  program
    .command('completion')
    .description(w.command.completion)
    .addArgument(new Argument(`<${w.placeholder.shell}>`, w.argument['completion.shell']).choices(Object.keys(SHELLS)))
    .addOption(langOption(w))
    .action(async (shell: Shell) => {
      // the scripts' text is loaded only for this command: every other command starts without it
      const { completionScript } = await import('../commands/completion.js');
      out(completionScript(shell, completionTree(program)));
    });
}

/** Ends every command's --help with its examples (ui/messages/cli.ts), found by the command's path. */
export function addHelpExamples(cmd: Command, lang: Lang, path = 'zorgroute'): void {
  const text = helpExamplesText(lang, path);
  if (text !== undefined) cmd.addHelpText('after', text);
  for (const sub of cmd.commands) addHelpExamples(sub, lang, path === 'zorgroute' ? sub.name() : `${path} ${sub.name()}`);
}
