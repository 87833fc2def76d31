// `zorgroute completion bash|zsh|fish`: a script the shell accepts (bash always; zsh and fish when
// installed, skipped otherwise), and that completes commands, subcommands, options and the values of
// options with a fixed set of them. bash's is sourced and its COMPREPLY checked; zsh's and fish's
// are asked too (zsh with stand-ins for compadd/_describe/_files, fish with `complete -C`).
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-completion-'));
const has = async (shell: string): Promise<boolean> => (await execa('sh', ['-c', `command -v ${shell}`], { reject: false })).exitCode === 0;
const [hasZsh, hasFish] = await Promise.all([has('zsh'), has('fish')]);
const scripts: Record<string, string> = {};

beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const r = await runCli(['completion', shell]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    scripts[shell] = join(tmp, `zorgroute.${shell}`);
    writeFileSync(scripts[shell]!, r.stdout);
  }
});

/** What bash's completion offers for the words typed so far (the last one is being completed). */
async function bashOffers(...words: string[]): Promise<string[]> {
  const program = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _zorgroute; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = await execa('bash', ['-c', program, 'bash', scripts.bash!, 'zorgroute', ...words], { reject: false });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('completion bash', () => {
  it('bash -n accepts the script', async () => {
    expect((await execa('bash', ['-n', scripts.bash!], { reject: false })).exitCode).toBe(0);
  });

  it('registers itself for zorgroute', async () => {
    const r = await execa('bash', ['-c', `source "${scripts.bash!}"; complete -p zorgroute`]);
    expect(r.stdout).toBe('complete -o default -F _zorgroute zorgroute');
  });

  it.each([
    [[''], ['route', 'intake', 'cases', 'rules', 'batch', 'config', 'calendar', 'completion', 'help']],
    [['cas'], ['cases']],
    [['ca'], ['cases', 'calendar']],
    [['cases', 'd'], ['due', 'done']],
    [['cases', 'due', '--w'], ['--within']],
    [['--lang', 'en', 'cases', '--db', 'x.db', 'list', '--st'], ['--student', '--status']],
    [['batch', 'export.csv', '--format', ''], ['csv', 'json', 'ndjson']],
    [['batch', '--out', 'x.csv', '--format', 'n'], ['ndjson']],
    [['batch', '--region', ''], ['noord', 'midden', 'zuid']],
    [['batch', '--delimiter', ''], ['\\;', ',', 'tab']],
    [['route', '--lang', ''], ['nl', 'en']],
    [['route', '--lang', '=', ''], ['nl', 'en']], // --lang=<TAB>: bash splits at the =
    [['cases', 'export', '--format', ''], ['json', 'html', 'md']],
    [['completion', ''], ['bash', 'zsh', 'fish']],
    [['help', ''], ['route', 'intake', 'cases', 'rules', 'batch', 'config', 'calendar', 'completion']],
    [['cases', 'help', 'ba'], ['backup']],
    [['route', '--rules', ''], []], // a free value: bash offers file names (complete -o default)
    [['route', ''], []], // the situation file
  ])('zorgroute %j → %j', async (words, expected) => {
    expect(await bashOffers(...words)).toEqual(expected);
  });

  it('the same commands and options under an English LANG', async () => {
    const en = await runCli(['completion', 'bash'], { env: { LANG: 'en_US.UTF-8' } });
    const nl = await runCli(['completion', 'bash']);
    expect(en.stdout).toBe(nl.stdout);
  });

  it('refuses a shell it does not know (exit 2, the choices named)', async () => {
    const r = await runCli(['completion', 'powershell']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`argument <shell>: 'powershell' is niet toegestaan; kies uit "bash", "zsh", "fish"`);
  });

  it('zsh and fish describe the commands in the language asked for', async () => {
    const nl = await runCli(['completion', 'fish']);
    const en = await runCli(['completion', 'fish', '--lang', 'en']);
    expect(nl.stdout).toContain(`-a 'cases' -d 'het casuslogboek'`);
    expect(en.stdout).toContain(`-a 'cases' -d 'the case log'`);
  });
});

describe.skipIf(!hasZsh)('completion zsh', () => {
  it('zsh -n accepts the script', async () => {
    expect((await execa('zsh', ['-n', scripts.zsh!], { reject: false })).exitCode).toBe(0);
  });

  // compadd, _describe and _files stand in for zsh's completion system: they print what they get
  const harness = `compdef() { :; }; compset() { :; }
compadd() { print -r -- "\${(P)2}"; }
_describe() { print -r -- "\${(@)\${(P)4}%%:*}"; }
_files() { print -r -- FILES; }
source "$1"; shift; words=(zorgroute "$@"); CURRENT=\${#words}; _zorgroute`;

  it.each([
    [[''], 'route intake cases rules batch config calendar completion help'],
    [['cases', 'd'], 'list show due done note close reopen export verify purge backup help'],
    [['batch', 'x.csv', '--format', ''], 'csv json ndjson'],
    [['route', '--lang='], 'nl en'],
    [['completion', ''], 'bash zsh fish'],
    [['route', ''], 'FILES'],
  ])('zorgroute %j → %s', async (words, expected) => {
    const r = await execa('zsh', ['-c', harness, 'zsh', scripts.zsh!, ...words], { reject: false });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(expected);
  });
});

describe.skipIf(!hasFish)('completion fish', () => {
  it('fish --no-execute accepts the script', async () => {
    expect((await execa('fish', ['--no-execute', scripts.fish!], { reject: false })).exitCode).toBe(0);
  });

  it.each([
    ['zorgroute cas', ['cases']],
    ['zorgroute cases d', ['done', 'due']],
    ['zorgroute batch x.csv --format ', ['csv', 'json', 'ndjson']],
    ['zorgroute route --lang ', ['en', 'nl']],
    ['zorgroute completion ', ['bash', 'fish', 'zsh']],
  ])('%j → %j', async (line, expected) => {
    const r = await execa('fish', ['--no-config', '-c', `source ${scripts.fish!}; complete -C'${line}'`], { reject: false });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(expected);
  });
});
