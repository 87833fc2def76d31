// The commander program: every command and flag in one place, argv → options → runX().
// Commands are imported lazily so that `route` never loads SQLite, prompts or tables.
import { CommanderError, Option, type Command } from 'commander';
import type { Lang } from '../core/routing/compile.js';
import { todayIso } from '../core/dates.js';
import { EXIT, UserError } from '../core/errors.js';
import { PrivacyError } from '../core/privacy-error.js';
import { OutputClosedError, outputFailure, ProblemError } from '../core/output-problems.js';
import type { BatchCliFlags } from './batch-flags.js';
import type { RouteFailure, RoutedSituation } from '../commands/route.js';
import { packageVersion } from '../io/package-root.js';
import { resolveLang } from '../ui/messages/messages.js';
import { problemText } from '../ui/messages/problems.js';
import { collect, dbOption, env, langOption, out, pagerPolicy, partyNamesOf, say, stderrStyle, stdoutPolicy, stdoutStyle } from './common.js';
import { widthOf } from '../ui/terminal.js';
import { addCasesCommands } from './cases.js';
import { addCalendarCommands } from './calendar.js';
import { addCompletionCommand, addHelpExamples } from './completion.js';
import { addRulesCommands } from './rules.js';
import { LocalCommand } from './commander.js';
import { invocationCommand } from '../io/invocation.js';
import { cliWordsFor } from '../ui/messages/cli.js';
import { problem } from '../core/problems.js';
import type { LoadedSettings } from '../io/read-settings.js';
import { addConfigCommand, addConfigOption, applySettings, loadSettings } from './settings.js';

interface RouteFlags {
  json?: boolean;
  explain?: boolean;
  lang?: string;
  rules?: string;
  exitCode?: boolean;
  log?: boolean;
  db?: string;
  keepGoing?: boolean;
}

async function routeAction(file: string | undefined, flags: RouteFlags): Promise<void> {
  const lang = resolveLang(flags.lang, env);
  if (file === undefined && process.stdin.isTTY) {
    throw new UserError(problem('route-needs-input'), { hint: problem('hint-route-input') });
  }
  if (flags.db !== undefined && !flags.log) throw new UserError(problem('db-needs-log'));
  const { runRoute, hasEscalation, isRouteFailure } = await import('../commands/route.js');
  const result = await runRoute({
    input: file ?? '-',
    rules: flags.rules,
    explain: Boolean(flags.explain),
    lang,
    today: todayIso(new Date()),
    keepGoing: Boolean(flags.keepGoing),
  });
  let anyFailure = false;
  // --keep-going: a bad situation is an error record in the output (--json) or an error on stderr.
  const fail = async ({ failure }: RouteFailure): Promise<void> => {
    anyFailure = true;
    const { rowProblemDescriber } = await import('../ui/messages/errors/catalogue.js');
    if (flags.json) {
      const describe = rowProblemDescriber(lang);
      const errors = failure.details.map((d) => ({ field: d.path ?? '', code: d.problem.kind, message: describe(d.problem) }));
      const where = failure.at.line !== undefined ? { line: failure.at.line } : { index: failure.at.index };
      const record = { ...where, ...(failure.studentRef ? { studentRef: failure.studentRef } : {}), error: errors[0], ...(errors.length > 1 ? { errors } : {}) };
      if (!process.stdout.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
    } else {
      const print = await import('../ui/print/decision.js');
      const wording = { lang, cmd: invocationCommand(env) };
      const details = failure.details.map((d) => (d.problem.kind === 'invalid-json' ? d : { ...d, at: failure.at }));
      process.stderr.write(`${print.formatUserError(stderrStyle(lang), wording, new UserError(problem('situation-invalid', { file: file ?? '-' }), { details }))}\n`);
    }
  };
  // Printed as decided, one record at a time (nothing held per record; see RouteResult.results()).
  // With --log, a chunk of LOG_CHUNK is logged (one transaction) before it is printed: the case
  // log is opened first, so when it cannot be used stdout stays empty, and what is printed is logged.
  let anyEscalation = false;
  let first = true;
  // print.js is loaded only for people: route --json starts without the layout code.
  const human = flags.json ? undefined : { print: await import('../ui/print/decision.js'), style: stdoutStyle(lang, result.ruleset.parties), view: { ids: Boolean(flags.explain) } };
  const print = async (r: RoutedSituation): Promise<void> => {
    anyEscalation ||= hasEscalation(r.decision);
    let text: string;
    if (human === undefined) {
      const record = r.trace ? { ...r.decision, explain: r.trace } : r.decision;
      text = `${result.mode === 'single' ? JSON.stringify(record, null, 2) : JSON.stringify(record)}\n`;
    } else {
      const { print: p, style, view } = human;
      const block = r.trace ? `${p.formatDecision(style, r.decision, view)}\n\n${p.formatExplain(style, r.trace)}` : p.formatDecision(style, r.decision, view);
      text = `${first ? '' : `\n\n${'─'.repeat(Math.min(60, style.width ?? 60))}\n\n`}${block}`;
    }
    first = false;
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  };
  if (flags.log) {
    const [{ RouteLog, LOG_CHUNK }, { resolveDbLocation }, { casesMessagesFor }] = await Promise.all([
      import('../commands/route-log.js'),
      import('../io/db/db-path.js'),
      import('../ui/messages/cases.js'),
    ]);
    const log = new RouteLog(resolveDbLocation(flags.db, env));
    try {
      let chunk: RoutedSituation[] = [];
      const flush = async (): Promise<void> => {
        log.record(chunk);
        for (const r of chunk) await print(r);
        chunk = [];
      };
      for (const r of result.results()) {
        if (isRouteFailure(r)) {
          await flush(); // what came before it is printed before it
          await fail(r);
          continue;
        }
        chunk.push(r);
        if (chunk.length >= LOG_CHUNK) await flush();
      }
      await flush();
    } finally {
      log.close();
    }
    await say(casesMessagesFor(lang).logged(log.total.added, log.total.skipped, log.total.database));
  } else {
    for (const r of result.results()) await (isRouteFailure(r) ? fail(r) : print(r));
  }
  if (!flags.json && !first) process.stdout.write('\n');
  // as batch: 3 (--exit-code, an escalation) wins over 4 (some situations invalid)
  if (flags.exitCode && anyEscalation) process.exitCode = EXIT.escalation;
  else if (anyFailure) process.exitCode = EXIT.someRowsInvalid;
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
  const [{ runIntake, parseIntakeFlags }, { resolveDbLocation }, { intakeMessagesFor }, { humanDate }] = await Promise.all([
    import('../commands/intake.js'),
    import('../io/db/db-path.js'),
    import('../ui/messages/intake.js'),
    import('../ui/human-date.js'),
  ]);
  const given = parseIntakeFlags(flags);
  const asker = flags.input ? (await import('../ui/prompts.js')).makeIntakeAsker(stderrStyle(lang, await partyNamesOf(lang, flags.rules)), lang) : undefined;
  const today = todayIso(new Date());
  const result = await runIntake(
    { given, noInput: !flags.input, newCase: flags.newCase, lang, rules: flags.rules, today, db: resolveDbLocation(flags.db, env) },
    asker,
  );
  const m = intakeMessagesFor(lang);
  if (result.status === 'saved') {
    for (const w of result.warnings) {
      await say(w.kind === 'referenceDate' ? m.referenceDateWarning(w.warning, humanDate(result.decision.referenceDate)) : m.birthDateWarning(humanDate(w.known), humanDate(w.given), w.caseId));
    }
  }
  if (result.status === 'cancelled') {
    await say(m.cancelled);
    process.exitCode = EXIT.interrupted;
  } else if (result.status === 'discarded') {
    await say(m.discarded);
  } else if (flags.json) {
    const { caseId, appended, questions, database, decision, warnings } = result;
    out(JSON.stringify({ caseId, appended, studentRef: decision.studentRef, questions, database, warnings, decision }, null, 2));
  } else {
    const [{ formatDecision }, { wrap }] = await Promise.all([import('../ui/print/decision.js'), import('../ui/layout.js')]);
    if (!flags.input) out(`${formatDecision(stdoutStyle(lang, await partyNamesOf(lang, flags.rules)), result.decision)}\n`);
    out(wrap((result.appended ? m.appended : m.saved)(result.caseId, result.decision.studentRef, invocationCommand(env)), widthOf(process.stdout), '', '  '));
  }
}

async function batchAction(file: string, flags: BatchCliFlags): Promise<void> {
  const { runBatchCli } = await import('./batch.js');
  await runBatchCli(file, flags, env);
}

export function buildProgram(lang: Lang, settings: LoadedSettings = { file: undefined, settings: {} }): Command {
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
  addConfigOption(program, w);
  // as git --no-pager: before or after the command
  program.option('--no-pager', o.noPager);
  program.hook('preAction', () => {
    pagerPolicy.allowed = program.opts<{ pager?: boolean }>().pager !== false;
  });

  program
    .command('route')
    .description(w.command.route)
    .argument(`[${ph.file}]`, w.argument['route.file'])
    .option('--json', o['route.json'])
    .option('--explain', o['route.explain'])
    .option(`--rules <${ph.file}>`, o.rules)
    .option('--exit-code', o['route.exitCode'])
    .option('--log', o['route.log'])
    .option('--keep-going', o['route.keepGoing'])
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
  addRulesCommands(program, w, lang);

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
    .addOption(new Option(`--region <${ph.region}>`, o['batch.region']).choices(['noord', 'midden', 'zuid']))
    .option(`--since <${ph.date}>`, o['batch.since'])
    .option(`--reg-map <${ph.file}>`, o['batch.regMap'])
    .option(`--student <${ph.number}>`, o['batch.student'])
    .addOption(dbOption(w))
    .addOption(langOption(w))
    .action(batchAction);

  addConfigCommand(program, w, () => settings);
  applySettings(program, settings);
  addCalendarCommands(program, w);

  addCompletionCommand(program, lang);
  // last: every command is on the program by now
  addHelpExamples(program, lang);
  return program;
}

/** --lang in argv, else the settings file's lang, else LANG (an unknown --lang is refused by commander later). */
function langFromArgv(argv: readonly string[], fromSettings?: string): Lang {
  const i = argv.indexOf('--lang');
  const inline = argv.find((a) => a.startsWith('--lang='));
  const given = inline ? inline.slice('--lang='.length) : i >= 0 ? argv[i + 1] : undefined;
  return resolveLang(given === 'nl' || given === 'en' ? given : fromSettings, env);
}

/** A user's problem on stderr: a ProblemError worded from the catalogue, any other UserError as it is. */
function reportUserError(error: UserError, lang: Lang, print: typeof import('../ui/print/decision.js')): void {
  const { formatUserError } = print;
  const style = stderrStyle(lang);
  const wording = { lang, cmd: invocationCommand(env) };
  if (error instanceof ProblemError) {
    // an output problem (core/output-problems.ts), worded by ui/messages/problems.ts
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
  let failing = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    const failure = outputFailure(error, 'stdout');
    if (failure instanceof OutputClosedError) {
      if (stdoutPolicy.keepGoingWhenClosed) return;
      process.exit(process.exitCode ?? EXIT.ok);
    }
    if (failing) return; // reported once, exiting
    failing = true;
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K'); // a progress line batch may have drawn
    // print.js is loaded only when there is something to say (route --json starts without it).
    void import('../ui/print/decision.js').then((print) => {
      reportUserError(failure as ProblemError, lang(), print);
      process.exit(EXIT.outputFailed);
    });
  });
  // Messages that cannot be shown (stderr closed or full) must not crash the run that makes them.
  process.stderr.on('error', () => undefined);
}

export async function main(argv: readonly string[]): Promise<void> {
  let lang = langFromArgv(argv);
  watchStdout(() => lang);
  try {
    const settings = loadSettings(argv);
    lang = langFromArgv(argv, settings.settings.lang);
    await buildProgram(lang, settings).parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // the help or the version, printed by commander (its errors are UserErrors: cli/commander.ts)
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    if (error instanceof OutputClosedError) {
      process.exitCode ??= EXIT.ok;
      return;
    }
    const print = await import('../ui/print/decision.js');
    if (error instanceof PrivacyError) {
      const style = stderrStyle(lang);
      const { message, hint } = style.msgs.privacy.refusal(error.refusal);
      const wording = { lang, cmd: invocationCommand(env) };
      process.stderr.write(`${print.formatUserError(style, wording, new UserError(message, { hint, details: error.details }))}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    if (error instanceof UserError) {
      reportUserError(error, lang, print);
      process.exitCode = error.exitCode;
      return;
    }
    const style = stderrStyle(lang);
    process.setSourceMapsEnabled(true); // so the stack of a bug names our source files, not the bundle
    process.stderr.write(`${print.formatBug(style, error)}\n`);
    process.exitCode = EXIT.bug;
  }
}

await main(process.argv);
