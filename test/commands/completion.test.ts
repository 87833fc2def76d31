// The completion scripts are made from the commander program itself: a command added later (here a
// stand-in `rules` with a subcommand and an option with fixed values) is completed without more work.
import { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { LocalCommand } from '../../src/cli/commander.js';
import { completionTree } from '../../src/cli/completion.js';
import { completionScript } from '../../src/commands/completion.js';

function program(): LocalCommand {
  const p = new LocalCommand('nl');
  p.name('zorgroute');
  p.option('--config <file>', 'het instellingenbestand');
  p.command('route').option('--json', 'json').argument('[file]');
  const rules = p.command('rules').description('de regelset: bekijken en controleren');
  rules.command('check').description('controleer een regelset').addOption(new Option('--level <level>', 'hoe streng').choices(['law', 'region', 'school'])).argument('<file>');
  return p;
}

describe('completionTree', () => {
  const tree = completionTree(program());

  it('walks every command, subcommand and option, with the fixed values of an option', () => {
    expect(tree.commands.map((c) => c.path.join(' '))).toEqual(['route', 'rules', 'help']);
    const check = tree.commands[1]!.commands[0]!;
    expect(check.path).toEqual(['rules', 'check']);
    expect(check.options.find((o) => o.names.includes('--level'))).toMatchObject({ takesValue: true, values: ['law', 'region', 'school'] });
    expect(check.argumentValues).toBeNull(); // a file
  });

  it('an option of the program is offered after every command too (commander accepts it there)', () => {
    const check = tree.commands[1]!.commands[0]!;
    expect(check.options.find((o) => o.names.includes('--config'))).toMatchObject({ takesValue: true, values: null });
    expect(check.options.filter((o) => o.names.includes('--help'))).toHaveLength(1);
    expect(check.options.some((o) => o.names.includes('--version'))).toBe(false);
  });

  it('gives help the commands beside it', () => {
    expect(tree.commands[2]!.argumentValues).toEqual(['route', 'rules']);
    expect(tree.commands[1]!.commands.map((c) => c.path.at(-1))).toEqual(['check', 'help']);
    expect(tree.commands[1]!.commands[1]!.argumentValues).toEqual(['check']);
  });

  it.each(['bash', 'zsh', 'fish'] as const)('the %s script names the new command, its subcommand and the values', (shell) => {
    const script = completionScript(shell, tree);
    for (const word of ['rules', 'check', '--level', 'law', 'region', 'school']) expect(script).toContain(word);
  });
});
