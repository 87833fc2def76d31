// The commander program: every command and flag in one place, argv → options → runX().
// Commands are imported lazily so that `route` never loads SQLite, prompts or tables.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { Lang } from './core/compile.js';
import { todayIso } from './core/dates.js';
import { EXIT, UserError } from './core/errors.js';
import type { BatchCliFlags } from './cli-batch.js';
import { messagesFor, resolveLang } from './ui/messages.js';
import { formatBug, formatUserError, makeStyle, useColor, type Style } from './ui/print.js';

const env = process.env;

function stderrStyle(lang: Lang): Style {
  return makeStyle(messagesFor(lang), useColor(process.stderr, env));
}

function stdoutStyle(lang: Lang): Style {
  return makeStyle(messagesFor(lang), useColor(process.stdout, env));
}

function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const langOption = () => new Option('--lang <lang>', 'language of the output: nl or en (default: from LANG, else nl)').choices(['nl', 'en']);

interface RouteFlags {
  json?: boolean;
  explain?: boolean;
  lang?: string;
  rules?: string;
  exitCode?: boolean;
}

async function routeAction(file: string | undefined, flags: RouteFlags): Promise<void> {
  const lang = resolveLang(flags.lang, env);
  if (file === undefined && process.stdin.isTTY) {
    throw new UserError('route needs a situation as JSON', {
      hint: 'give a file (zorgroute route situation.json) or pipe JSON in (… | zorgroute route -); for a guided intake use: zorgroute intake',
    });
  }
  const { runRoute } = await import('./commands/route.js');
  const result = runRoute({
    input: file ?? '-',
    rules: flags.rules,
    explain: Boolean(flags.explain),
    lang,
    today: todayIso(new Date()),
  });
  if (flags.json) {
    const records = result.results.map((r) => (r.trace ? { ...r.decision, explain: r.trace } : r.decision));
    if (result.mode === 'single') out(JSON.stringify(records[0], null, 2));
    else out(records.map((r) => JSON.stringify(r)).join('\n'));
  } else {
    const { formatDecision, formatExplain } = await import('./ui/print.js');
    const style = stdoutStyle(lang);
    const blocks = result.results.map((r) =>
      r.trace ? `${formatDecision(style, r.decision)}\n\n${formatExplain(style, r.trace)}` : formatDecision(style, r.decision),
    );
    out(blocks.join(`\n\n${'─'.repeat(60)}\n\n`));
  }
  if (flags.exitCode && result.anyEscalation) process.exitCode = EXIT.escalation;
}

async function batchAction(file: string, flags: BatchCliFlags): Promise<void> {
  const { runBatchCli } = await import('./cli-batch.js');
  await runBatchCli(file, flags, env);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('zorgroute')
    .description('Whom to inform and whether to escalate (leerplicht, RMC, onderwijsconsulent) for a student situation.')
    .version(version(), '-V, --version')
    .showHelpAfterError('(zorgroute --help shows every command)')
    .exitOverride();

  program
    .command('route')
    .description('decide one or more situations given as JSON (a file, or - for stdin): one object, an array, or NDJSON')
    .argument('[file]', 'JSON file with the situation(s), or - for stdin')
    .option('--json', 'machine output: the decision as JSON (NDJSON for several)')
    .option('--explain', 'add every rule considered and why it did or did not fire')
    .option('--rules <file>', 'use another rule set (JSON) instead of the default')
    .option('--exit-code', 'exit 3 when any situation needs an escalation')
    .addOption(langOption())
    .action(routeAction);

  program
    .command('batch')
    .description('check a student-system CSV export (a file, or - for stdin): every row routed, a summary of who needs action')
    .argument('<file>', 'CSV export, or - for stdin')
    .addOption(new Option('--format <format>', 'write one record per row: csv, json or ndjson (default: only the summary)').choices(['csv', 'json', 'ndjson']))
    .option('--json', 'same as --format json')
    .option('--out <file>', 'write the records to this file instead of stdout (format from --format or the file name)')
    .option('--only-action', 'write only rows that need an escalation or a referral (and rows in error)')
    .option('--map <file>', 'JSON file mapping your export\'s headers to situation fields')
    .option('--reference-date <date>', 'peildatum for rows without a peildatum column or cell (default: today)')
    .addOption(new Option('--encoding <encoding>', 'text encoding of the file (default: detected)').choices(['utf8', 'windows-1252']))
    .addOption(new Option('--delimiter <delimiter>', 'cell delimiter (default: detected from the header line)').choices([';', ',', 'tab']))
    .option('--rules <file>', 'use another rule set (JSON) instead of the default')
    .option('--exit-code', 'exit 3 when any row needs an escalation (3 wins over 4, "some rows invalid")')
    .option('--all', 'list every student per escalation target in the summary (default: the first 10)')
    .addOption(langOption())
    .action(batchAction);

  return program;
}

function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='));
  return resolveLang(inline ? inline.slice('--lang='.length) : i >= 0 ? argv[i + 1] : undefined, env);
}

export async function main(argv: readonly string[]): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    await buildProgram().parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed its own message (or the help / the version) already
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const style = stderrStyle(langFromArgv(argv));
    if (error instanceof UserError) {
      process.stderr.write(`${formatUserError(style, error.message, error.details, error.hint)}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`${formatBug(style, error)}\n`);
    process.exitCode = EXIT.bug;
  }
}

await main(process.argv);
