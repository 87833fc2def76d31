// commander in the user's language: a Command whose errors are problems (worded by the ui
// catalogue and printed by the one top-level catch, exit code 2) and a Help whose headings and
// usage words come from ui/messages/cli.ts. Every command of the program is a LocalCommand.
import { Command, Help, type Option } from 'commander';
import type { Lang } from '../core/routing/compile.js';
import { UserError } from '../core/errors.js';
import { redactDataLike } from '../core/privacy.js';
import { problem, type Problem } from '../core/problems.js';
import { cliWordsFor, type CliWords } from '../ui/messages/cli.js';

class LocalHelp extends Help {
  constructor(private readonly words: CliWords) {
    super();
  }

  override styleTitle(str: string): string {
    return super.styleTitle((this.words.help as Record<string, string>)[str] ?? str);
  }

  private usageWords(text: string): string {
    return text.replace('[options]', this.words.help.options).replace('[command]', this.words.help.command);
  }

  override commandUsage(cmd: Command): string {
    return this.usageWords(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return this.usageWords(super.subcommandTerm(cmd));
  }

  private extraWords(text: string): string {
    return text.replace(/\((choices|default): /, (_, w: 'choices' | 'default') => `(${this.words.help[w]}: `).replace(', default: ', `, ${this.words.help.default}: `);
  }

  override optionDescription(option: Option): string {
    return this.extraWords(super.optionDescription(option));
  }

  override argumentDescription(argument: Parameters<Help['argumentDescription']>[0]): string {
    return this.extraWords(super.argumentDescription(argument));
  }
}

/** The full name of a command for a hint: `cases done`. */
function commandPath(cmd: Command): string | undefined {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.length > 0 ? names.join(' ') : undefined;
}

function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
}

/** commander's message (English, with the names in quotes) → the problem it reports. */
export function commanderProblem(cmd: Command, message: string, code: string | undefined): Problem {
  const q = quoted(message);
  const suggestion = /Did you mean (.+?)\?/.exec(message)?.[1];
  switch (code) {
    case 'commander.unknownOption':
      return problem('cli-unknown-option', { flag: q[0] ?? '', ...(suggestion ? { suggestion } : {}) });
    case 'commander.unknownCommand':
      return problem('cli-unknown-command', { command: q[0] ?? '', ...(suggestion ? { suggestion } : {}) });
    case 'commander.missingArgument':
      return problem('cli-missing-argument', { name: q[0] ?? '' });
    case 'commander.optionMissingArgument':
      return problem('cli-option-missing-argument', { flags: q[0] ?? '' });
    case 'commander.missingMandatoryOptionValue':
      return problem('cli-missing-option', { flags: q[0] ?? '' });
    case 'commander.invalidArgument': {
      if (message.includes('command-argument value')) {
        // `error: command-argument value 'x' is invalid for argument 'shell'. …`
        const argument = cmd.registeredArguments.find((a) => a.name() === q[1]);
        return problem('cli-invalid-argument-choice', { name: `<${q[1] ?? ''}>`, value: q[0] ?? '', choices: [...(argument?.argChoices ?? [])] });
      }
      const option = cmd.options.find((o) => o.flags === q[0]);
      const choices = option?.argChoices ?? [];
      return problem('cli-invalid-choice', { flags: q[0] ?? '', value: q[1] ?? '', choices: [...choices] });
    }
    case 'commander.excessArguments': {
      const numbers = /Expected (\d+) arguments? but got (\d+)/.exec(message);
      const path = commandPath(cmd);
      return problem('cli-too-many-arguments', { ...(path ? { command: path } : {}), expected: Number(numbers?.[1] ?? 0), got: Number(numbers?.[2] ?? 0) });
    }
    default:
      return problem('cli-other', { text: message.replace(/^error: /, '') });
  }
}

export class LocalCommand extends Command {
  constructor(
    readonly lang: Lang,
    name?: string,
  ) {
    super(name);
  }

  override createCommand(name?: string): LocalCommand {
    return new LocalCommand(this.lang, name);
  }

  override createHelp(): Help {
    return Object.assign(new LocalHelp(cliWordsFor(this.lang)), this.configureHelp());
  }

  /** Every commander error ends here: thrown as a UserError for the top-level catch to word. */
  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    const path = commandPath(this);
    const hint = problem('hint-help', path ? { command: path, subcommands: this.commands.length > 0 } : {});
    // commander repeats a bad argument in its message; one that looks like data is not repeated.
    throw new UserError(commanderProblem(this, redactDataLike(message), options?.code), { hint });
  }
}
