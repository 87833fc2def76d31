// The commander program: every command and flag in one place, argv → options → runX().
// Commands are imported lazily so that `route` never loads SQLite, prompts or tables.
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from './core/routing/compile.js';
import { todayIso } from './core/dates.js';
import { EXIT, UserError } from './core/errors.js';
import { OutputClosedError, outputFailure, ProblemError } from './core/problems.js';
import type { BatchCliFlags } from './cli-batch.js';
import { packageVersion } from './io/package-root.js';
import { resolveLang } from './ui/messages.js';
import { problemText } from './ui/messages-problems.js';
import { formatBug, formatDecision, formatUserError } from './ui/print.js';
import { collect, dbOption, env, langOption, out, stderrStyle, stdoutPolicy, stdoutStyle } from './cli-common.js';
import { addCasesCommands } from './cli-cases.js';

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
    throw new UserError('route needs a situation as JSON', {
      hint: 'give a file (zorgroute route situation.json) or pipe JSON in (… | zorgroute route -); for a guided intake use: zorgroute intake',
    });
  }
  if (flags.db !== undefined && !flags.log) throw new UserError('--db is where --log writes: give --log too');
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
    throw new UserError('intake asks questions and needs a terminal, but stdin is not one', {
      hint: 'in scripts and pipes use: zorgroute route FILE --log (or zorgroute intake --no-input --student … --birth-date … --set field=value)',
    });
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
    out((result.appended ? m.appended : m.saved)(result.caseId, result.decision.studentRef));
  }
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
    .version(packageVersion(), '-V, --version')
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
    .option('--log', 'also store each decision in the case log (idempotent: the same decision is stored once)')
    .addOption(dbOption())
    .addOption(langOption())
    .action(routeAction);

  program
    .command('intake')
    .description('guided intake in the terminal: asks only what can change the outcome for this student, shows the decision, saves the case')
    .option('--student <number>', 'pre-fill the school’s student number')
    .option('--birth-date <date>', 'pre-fill the date of birth (dd-mm-jjjj or jjjj-mm-dd)')
    .option('--reference-date <date>', 'pre-fill the reference date (default offered: today)')
    .option('--set <field=value>', 'pre-fill any situation field, typed as at the prompt (repeatable): --set unexcusedHours4w=16,5', collect)
    .option('--no-input', 'never prompt: needs --student and --birth-date; other fields take their defaults; saves without review')
    .option('--new-case', 'with --no-input: start a new case even when the student has an open one (default: add to the open case, as route --log does)')
    .addOption(dbOption())
    .option('--rules <file>', 'use another rule set (JSON) instead of the default')
    .option('--json', 'print the saved case as JSON (id, decision) on stdout')
    .addOption(langOption())
    .addHelpText('after', '\nCtrl-C at any question stops the intake without saving anything (exit code 130).')
    .action(intakeAction);

  addCasesCommands(program);

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
    .option('--log', 'record every row that needs action as a case in the case log (idempotent: a second run adds nothing)')
    .option('--threads <n>', 'worker threads (1: none; default: one per CPU, at most 4, for a file of 8 MB or more)')
    .option('--registrations <file>', 'count absence from a registrations export (one row per lesson or day) over the school calendar; FILE is then the students file without absence columns')
    .option('--codes <file>', 'with --registrations: the school\'s absence-code table, CSV code;soort;geoorloofd (default: data/codes/standaard-codes.csv)')
    .option('--calendar <file>', 'with --registrations: the school calendar (JSON), or the Rijksoverheid open data "schoolvakanties" with --region')
    .addOption(new Option('--region <region>', 'with --calendar of the open data: the holiday region (Groningen: noord)').choices(['noord', 'midden', 'zuid']))
    .option('--since <date>', 'with --registrations: keep only periods that end on or after DATE (the weekly run)')
    .option('--reg-map <file>', 'with --registrations: JSON mapping your registration headers to leerlingnummer, datum, lesuur, code, …')
    .addOption(dbOption())
    .addOption(langOption())
    .action(batchAction);

  return program;
}

function langFromArgv(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='));
  return resolveLang(inline ? inline.slice('--lang='.length) : i >= 0 ? argv[i + 1] : undefined, env);
}

/** A user's problem on stderr: a ProblemError worded from the catalogue, any other UserError as it is. */
function reportUserError(error: UserError, lang: Lang): void {
  const style = stderrStyle(lang);
  if (error instanceof ProblemError) {
    const { message, hint } = problemText(lang, error.problem);
    process.stderr.write(`${formatUserError(style, message, error.details, hint)}\n`);
  } else {
    process.stderr.write(`${formatUserError(style, error.message, error.details, error.hint)}\n`);
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
  watchStdout(() => langFromArgv(argv));
  try {
    await buildProgram().parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed its own message (or the help / the version) already
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof OutputClosedError) {
      process.exitCode ??= EXIT.ok;
      return;
    }
    if (error instanceof UserError) {
      reportUserError(error, langFromArgv(argv));
      process.exitCode = error.exitCode;
      return;
    }
    const style = stderrStyle(langFromArgv(argv));
    process.setSourceMapsEnabled(true); // so the stack of a bug names our source files, not the bundle
    process.stderr.write(`${formatBug(style, error)}\n`);
    process.exitCode = EXIT.bug;
  }
}

await main(process.argv);
