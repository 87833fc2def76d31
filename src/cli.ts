// The commander program: every command and flag in one place, argv → options → runX().
// Commands are imported lazily so that `route` never loads SQLite, prompts or tables.
import { CommanderError, Option, type Command } from 'commander';
import type { Lang } from './core/routing/compile.js';
import { todayIso } from './core/dates.js';
import { EXIT, UserError } from './core/errors.js';
import { OutputClosedError, outputFailure, ProblemError } from './core/output-problems.js';
import type { BatchCliFlags } from './cli-batch.js';
import { packageVersion } from './io/package-root.js';
import { resolveLang } from './ui/messages.js';
import { problemText } from './ui/messages-problems.js';
import { formatBug, formatDecision, formatUserError } from './ui/print.js';
import { collect, dbOption, env, langOption, out, stderrStyle, stdoutPolicy, stdoutStyle } from './cli-common.js';
import { addCasesCommands } from './cli-cases.js';
import { LocalCommand } from './cli-commander.js';
import { invocationCommand } from './io/invocation.js';
import { cliWordsFor } from './ui/messages-cli.js';
import { problem } from './core/problems.js';

interface RouteFlags {
  json?: boolean;
  explain?: boolean;
  lang?: string;
  rules?: string;
  exitCode?: boolean;
  log?: boolean;
  db?: string;
}

async function routeAction(file: string | undefined, flags: RouteFlags): Promise<void> {
  const lang = resolveLang(flags.lang, env);
  if (file === undefined && process.stdin.isTTY) {
    throw new UserError(problem('route-needs-input'), { hint: problem('hint-route-input') });
  }
  if (flags.db !== undefined && !flags.log) throw new UserError(problem('db-needs-log'));
  const { runRoute } = await import('./commands/route.js');
  const result = runRoute({
    input: file ?? '-',
    rules: flags.rules,
    explain: Boolean(flags.explain),
    lang,
    today: todayIso(new Date()),
  });
  if (flags.log) {
    // Logged before anything is printed: if the case log cannot be written, stdout stays empty.
    const [{ logRoutedDecisions }, { resolveDbLocation }, { casesMessagesFor }] = await Promise.all([
      import('./commands/route-log.js'),
      import('./io/db/db-path.js'),
      import('./ui/messages-cases.js'),
    ]);
    const logged = logRoutedDecisions(result.results, resolveDbLocation(flags.db, env));
    process.stderr.write(`${casesMessagesFor(lang).logged(logged.added, logged.skipped, logged.database)}\n`);
  }
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

interface IntakeCliFlags {
  student?: string;
  birthDate?: string;
  referenceDate?: string;
  set?: string[];
  input: boolean;
  newCase?: boolean;
  db?: string;
  rules?: string;
  json?: boolean;
  lang?: string;
}

async function intakeAction(flags: IntakeCliFlags): Promise<void> {
  const lang = resolveLang(flags.lang, env);
  if (flags.input && !process.stdin.isTTY) {
    throw new UserError(problem('intake-needs-tty'), { hint: problem('hint-intake-no-tty') });
  }
  const [{ runIntake, parseIntakeFlags }, { resolveDbLocation }, { intakeMessagesFor }, { dutchDate }] = await Promise.all([
    import('./commands/intake.js'),
    import('./io/db/db-path.js'),
    import('./ui/messages-intake.js'),
    import('./ui/print-intake.js'),
  ]);
  const given = parseIntakeFlags(flags);
  const asker = flags.input ? (await import('./ui/prompts.js')).makeIntakeAsker(stderrStyle(lang), lang) : undefined;
  const today = todayIso(new Date());
  const result = await runIntake(
    { given, noInput: !flags.input, newCase: flags.newCase, lang, rules: flags.rules, today, db: resolveDbLocation(flags.db, env) },
    asker,
  );
  const m = intakeMessagesFor(lang);
  if (result.status === 'saved') {
    for (const w of result.warnings) process.stderr.write(`${m.referenceDateWarning(w.warning, dutchDate(result.decision.referenceDate))}\n`);
  }
  if (result.status === 'cancelled') {
    process.stderr.write(`${m.cancelled}\n`);
    process.exitCode = EXIT.interrupted;
  } else if (result.status === 'discarded') {
    process.stderr.write(`${m.discarded}\n`);
  } else if (flags.json) {
    const { caseId, appended, questions, database, decision, warnings } = result;
    out(JSON.stringify({ caseId, appended, studentRef: decision.studentRef, questions, database, warnings, decision }, null, 2));
  } else {
    if (!flags.input) out(`${formatDecision(stdoutStyle(lang), result.decision)}\n`);
    out((result.appended ? m.appended : m.saved)(result.caseId, result.decision.studentRef, invocationCommand(env)));
  }
}

async function batchAction(file: string, flags: BatchCliFlags): Promise<void> {
  const { runBatchCli } = await import('./cli-batch.js');
  await runBatchCli(file, flags, env);
}

export function buildProgram(lang: Lang): Command {
  const w = cliWordsFor(lang);
  const o = w.option;
  const ph = w.placeholder;
  const program = new LocalCommand(lang);
  program
    .name('zorgroute')
    .description(w.command.program)
    .version(packageVersion(), '-V, --version', o.version)
    .helpOption('-h, --help', o.help)
    .helpCommand(w.help.helpTerm, o.helpCommand)
    .exitOverride();

  program
    .command('route')
    .description(w.command.route)
    .argument(`[${ph.file}]`, w.argument['route.file'])
    .option('--json', o['route.json'])
    .option('--explain', o['route.explain'])
    .option(`--rules <${ph.file}>`, o.rules)
    .option('--exit-code', o['route.exitCode'])
    .option('--log', o['route.log'])
    .addOption(dbOption(w))
    .addOption(langOption(w))
    .action(routeAction);

  program
    .command('intake')
    .description(w.command.intake)
    .option(`--student <${ph.number}>`, o['intake.student'])
    .option(`--birth-date <${ph.date}>`, o['intake.birthDate'])
    .option(`--reference-date <${ph.date}>`, o['intake.referenceDate'])
    .option(`--set <${ph.fieldValue}>`, o['intake.set'], collect)
    .option('--no-input', o['intake.noInput'])
    .option('--new-case', o['intake.newCase'])
    .addOption(dbOption(w))
    .option(`--rules <${ph.file}>`, o.rules)
    .option('--json', o['intake.json'])
    .addOption(langOption(w))
    .addHelpText('after', `\n${o['intake.after']}`)
    .action(intakeAction);

  addCasesCommands(program, w);

  program
    .command('batch')
    .description(w.command.batch)
    .argument(`<${ph.file}>`, w.argument['batch.file'])
    .addOption(new Option(`--format <${ph.format}>`, o['batch.format']).choices(['csv', 'json', 'ndjson']))
    .option('--json', o['batch.json'])
    .option(`--out <${ph.file}>`, o['batch.out'])
    .option('--only-action', o['batch.onlyAction'])
    .option(`--map <${ph.file}>`, o['batch.map'])
    .option(`--reference-date <${ph.date}>`, o['batch.referenceDate'])
    .addOption(new Option(`--encoding <${ph.encoding}>`, o['batch.encoding']).choices(['utf8', 'windows-1252']))
    .addOption(new Option(`--delimiter <${ph.delimiter}>`, o['batch.delimiter']).choices([';', ',', 'tab']))
    .option(`--rules <${ph.file}>`, o.rules)
    .option('--exit-code', o['batch.exitCode'])
    .option('--all', o['batch.all'])
    .option('--log', o['batch.log'])
    .option(`--threads <${ph.n}>`, o['batch.threads'])
    .option(`--registrations <${ph.file}>`, o['batch.registrations'])
    .option(`--codes <${ph.file}>`, o['batch.codes'])
    .option(`--calendar <${ph.file}>`, o['batch.calendar'])
    .addOption(new Option('--region <region>', o['batch.region']).choices(['noord', 'midden', 'zuid']))
    .option(`--since <${ph.date}>`, o['batch.since'])
    .option(`--reg-map <${ph.file}>`, o['batch.regMap'])
    .addOption(dbOption(w))
    .addOption(langOption(w))
    .action(batchAction);

  return program;
}

function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='));
  const given = inline ? inline.slice('--lang='.length) : i >= 0 ? argv[i + 1] : undefined;
  // An unknown --lang is refused by commander later; its message is then in LANG's language.
  return resolveLang(given === 'nl' || given === 'en' ? given : undefined, env);
}

/** A user's problem on stderr: a ProblemError worded from the catalogue, any other UserError as it is. */
function reportUserError(error: UserError, lang: Lang): void {
  const style = stderrStyle(lang);
  const wording = { lang, cmd: invocationCommand(env) };
  if (error instanceof ProblemError) {
    // an output problem (core/output-problems.ts), worded by ui/messages-problems.ts
    const { message, hint } = problemText(lang, error.output);
    process.stderr.write(`${formatUserError(style, wording, new UserError(message, { hint, details: error.details }))}\n`);
  } else {
    process.stderr.write(`${formatUserError(style, wording, error)}\n`);
  }
}

/**
 * stdout that fails: when the reader has gone (`| head -1`: EPIPE) zorgroute stops quietly with the
 * exit code so far (0: nothing is wrong) — unless stdoutPolicy says to go on (batch --log, so that
 * the case log is complete); any other failure (`> /dev/full`: ENOSPC, an I/O error)
 * is reported and exits 74 at once — whatever else would still be written cannot reach the reader.
 */
function watchStdout(lang: () => Lang): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    const failure = outputFailure(error, 'stdout');
    if (failure instanceof OutputClosedError) {
      if (stdoutPolicy.keepGoingWhenClosed) return;
      process.exit(process.exitCode ?? EXIT.ok);
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K'); // a progress line batch may have drawn
    reportUserError(failure as ProblemError, lang());
    process.exit(EXIT.outputFailed);
  });
  // Messages that cannot be shown (stderr closed or full) must not crash the run that makes them.
  process.stderr.on('error', () => undefined);
}

export async function main(argv: readonly string[]): Promise<void> {
  const lang = langFromArgv(argv);
  watchStdout(() => lang);
  try {
    await buildProgram(lang).parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // the help or the version, printed by commander (its errors are UserErrors: cli-commander.ts)
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof OutputClosedError) {
      process.exitCode ??= EXIT.ok;
      return;
    }
    if (error instanceof UserError) {
      reportUserError(error, lang);
      process.exitCode = error.exitCode;
      return;
    }
    const style = stderrStyle(lang);
    process.setSourceMapsEnabled(true); // so the stack of a bug names our source files, not the bundle
    process.stderr.write(`${formatBug(style, error)}\n`);
    process.exitCode = EXIT.bug;
  }
}

await main(process.argv);
