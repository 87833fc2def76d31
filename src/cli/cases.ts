// The `cases` commands of the commander program (kept beside cli.ts, which adds them).
import { Command, Option } from 'commander';
import { todayIso } from '../core/dates.js';
import { EXIT, UserError } from '../core/errors.js';
import { isDeviceFailure, ProblemError } from '../core/output-problems.js';
import { CaseLogProblem } from '../commands/case-log-problem.js';
import type { CasesMessages } from '../ui/messages/cases.js';
import { dbOption, env, langOption, out, outPaged, partyNamesOf, say, stderrStyle, stdoutStyle, wordedBy } from './common.js';
import type { CliWords } from '../ui/messages/cli.js';
import { resolveLang } from '../ui/messages/messages.js';
import { invocationCommand } from '../io/invocation.js';
import type { Lang } from '../core/routing/compile.js';
import type { Style } from '../ui/style.js';

interface CasesCliFlags {
  db?: string;
  json?: boolean;
  lang?: string;
}

async function casesContext(flags: CasesCliFlags) {
  const lang = resolveLang(flags.lang, env);
  const [cases, { resolveDbLocation }, print, { casesMessagesFor }] = await Promise.all([
    import('../commands/cases.js'),
    import('../io/db/db-path.js'),
    import('../ui/print/cases.js'),
    import('../ui/messages/cases.js'),
  ]);
  const db = resolveDbLocation(flags.db, env);
  // Logged decisions name their parties by id; the names are the default chain's.
  const parties = await partyNamesOf(lang);
  return { lang, cases, db, print, parties, m: casesMessagesFor(lang, invocationCommand(env)), style: stdoutStyle(lang, parties), errStyle: stderrStyle(lang, parties), today: todayIso(new Date()) };
}

const json = (value: unknown): void => out(JSON.stringify(value, null, 2));

/** The table shows this many by default; --json lists every match unless --limit is given (a script must not get part of a list without asking). */
const DEFAULT_LIMIT = 50;

/** A case-log problem in the catalogue's words. */
function worded(m: CasesMessages, error: unknown): unknown {
  if (!(error instanceof CaseLogProblem)) return error;
  const w = m.problem(error.caselog);
  return new UserError(w.message, { hint: w.hint, details: w.details, exitCode: error.exitCode });
}

/** Runs a `cases` action with its problems worded (Dutch or English, as the output). */
const wording = wordedBy(async (error, lang) => worded((await import('../ui/messages/cases.js')).casesMessagesFor(lang), error));

/** Writes text to stdout, waiting when the pipe is full (an export of 100,000 cases must not pile up in memory). */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}
/** A person at the keyboard: questions may be asked (on stderr), answers typed. */
const isInteractive = (): boolean => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/** Yes or no on the terminal; Ctrl-C is a no that exits 130 (nothing was changed). */
async function askOnTerminal(style: Style, lang: Lang, q: { message: string; yes: string; no: string }): Promise<boolean> {
  const [{ confirmOnTerminal }, { PromptCancelled }] = await Promise.all([import('../ui/prompts.js'), import('../core/intake/asker.js')]);
  try {
    return await confirmOnTerminal(style, lang, q);
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    process.exitCode = EXIT.interrupted;
    return false;
  }
}

/** Confirmations of a change go to stderr (they are messages); --json puts the event on stdout. */
const confirm = (text: string): Promise<void> => say(text);

export function addCasesCommands(program: Command, w: CliWords): void {
  const o = w.option;
  const ph = w.placeholder;
  const cases = program.command('cases').description(w.command.cases);
  const common = (cmd: Command, jsonHelp = o.json): Command =>
    cmd.option('--json', jsonHelp).addOption(dbOption(w)).addOption(langOption(w));

  common(cases.command('list').description(w.command['cases.list']))
    .option(`--student <${ph.number}>`, o['cases.student'])
    .addOption(new Option(`--status <${ph.status}>`, o['cases.status']).default('open'))
    .option(`--since <${ph.date}>`, o['cases.since'])
    .option(`--limit <${ph.n}>`, o['cases.limit'])
    .option('--all', o['cases.allMatching'])
    .action(wording(async (flags: CasesCliFlags & { student?: string; status: string; since?: string; limit?: string; all?: boolean }) => {
      const { cases: c, db, print, style, lang, m } = await casesContext(flags);
      const status = c.parseStatusFilter(flags.status);
      if (!status) throw new UserError(m.badStatus, { hint: m.badStatusHint });
      const limit = parseLimit(flags, flags.json ? null : DEFAULT_LIMIT);
      const page = c.listCases({ db, student: flags.student, status, since: flags.since, limit });
      if (flags.json) json(page.items);
      else await outPaged(print.formatCaseList(style, lang, page));
    }));

  common(cases.command('show').description(w.command['cases.show']))
    .argument(`<${ph.id}>`, w.argument.caseOrStudent)
    .option('--explain', o['cases.explain'])
    .action(async (id: string, flags: CasesCliFlags & { explain?: boolean }) => {
      const { cases: c, db, print, style, lang, m, today } = await casesContext(flags);
      const shown = c.showCase({ db, ref: id, today });
      if (shown.kind === 'student' && shown.cases.length === 0) throw new UserError(m.noSuchCaseOrStudent(shown.studentRef), { hint: m.listAllHint });
      if (shown.kind === 'case') {
        if (flags.json) json(shown.case);
        else await outPaged(print.formatCaseDetail(style, lang, shown.case, { ids: Boolean(flags.explain) }));
      } else if (flags.json) json({ studentRef: shown.studentRef, cases: shown.cases });
      else await outPaged(`${m.studentCases(shown.studentRef, shown.cases.length)}\n${print.formatCaseList(style, lang, shown.cases)}\n${m.showOne(shown.cases[shown.cases.length - 1]!.id)}`);
    });

  common(cases.command('due').description(w.command['cases.due']))
    .option(`--within <${ph.days}>`, o['cases.within'], '2')
    .option('--exit-code', o['cases.dueExitCode'])
    .option(`--limit <${ph.n}>`, o['cases.dueLimit'])
    .option('--all', o['cases.dueAll'])
    .option(`--party <${ph.party}>`, o['cases.dueParty'])
    .option(`--mentor <${ph.mentor}>`, o['cases.dueMentor'])
    .action(wording(async (flags: CasesCliFlags & { within: string; exitCode?: boolean; limit?: string; all?: boolean; party?: string; mentor?: string }) => {
      const { cases: c, db, print, style, lang, today } = await casesContext(flags);
      const within = Number(flags.within);
      const page = c.dueCases({ db, today, within, limit: parseLimit(flags, flags.json ? null : DEFAULT_LIMIT), party: flags.party, mentor: flags.mentor });
      if (flags.json) json({ today, within, total: page.total, items: page.items });
      else await outPaged(print.formatDue(style, lang, page, within));
      if (flags.exitCode && page.total > 0) process.exitCode = EXIT.escalation;
    }));

  common(cases.command('done').description(w.command['cases.done']))
    .argument(`<${ph.id}>`, w.argument.caseId)
    .argument(`<${ph.action}...>`, w.argument['done.action'])
    .option(`--date <${ph.date}>`, o['cases.date'])
    .option(`--note <${ph.text}>`, o['cases.note'])
    .action(async (id: string, action: string[], flags: CasesCliFlags & { date?: string; note?: string }) => {
      const { cases: c, db, print, errStyle, lang, today, m } = await casesContext(flags);
      const caseId = c.parseCaseId(id);
      // On a terminal an action the rules advised against is shown with the advice and asked about;
      // elsewhere it is recorded with the warning (and the warning is printed).
      let asked = false;
      if (isInteractive()) {
        const advice = c.doneAdvice({ db, id: caseId, action: action.join(' ') });
        if (advice) {
          asked = true;
          await say(print.formatAdvice(errStyle, lang, caseId, advice));
          if (!(await askOnTerminal(errStyle, lang, { message: m.doneQuestion, yes: m.doneYes, no: m.doneNo }))) {
            await say(m.notRecorded(caseId));
            return;
          }
        }
      }
      const r = c.markDone({ db, id: caseId, action: action.join(' '), date: flags.date, note: flags.note, today });
      if (flags.json) json(r);
      // the warning was shown before the question; once is enough
      await confirm(print.formatDone(errStyle, lang, caseId, asked ? { ...r, advisedAgainst: null } : r, invocationCommand(env)));
    });

  common(cases.command('note').description(w.command['cases.note']))
    .argument(`<${ph.id}>`, w.argument.caseId)
    .argument(`[${ph.text}...]`, w.argument['note.text'])
    .option(`--reden <${ph.text}>`, o['cases.reden'])
    .option(`--maatregelen <${ph.text}>`, o['cases.maatregelen'])
    .action(async (id: string, text: string[], flags: CasesCliFlags & { reden?: string; maatregelen?: string }) => {
      const { cases: c, db, m } = await casesContext(flags);
      const { event, caseClosed } = c.addNote({ db, id: c.parseCaseId(id), text: text.join(' '), reden: flags.reden, maatregelen: flags.maatregelen });
      if (flags.json) json(event);
      await confirm(m.noteAdded(event.caseId));
      if (caseClosed) await confirm(m.closedReminder(event.caseId));
    });

  for (const [name, to] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    const command = common(cases.command(name).description(w.command[`cases.${name}`]))
      .argument(`<${ph.id}>`, w.argument.caseId)
      .option(`--note <${ph.text}>`, o['cases.why']);
    if (to === 'closed') command.option('--force', o['cases.closeForce']);
    command.action(async (id: string, flags: CasesCliFlags & { note?: string; force?: boolean }) => {
      const { cases: c, db, m, lang, errStyle, print } = await casesContext(flags);
      const caseId = c.parseCaseId(id);
      let force = Boolean(flags.force);
      // On a terminal the open escalations and to-dos are shown and the user decides; elsewhere
      // closing with them open takes --force (the refusal lists them).
      if (to === 'closed' && !force && isInteractive()) {
        const open = c.caseOpenItems({ db, id: caseId });
        if (open.length > 0) {
          process.stderr.write(`${print.formatOpenItems(errStyle, lang, m.closeOpenTitle(caseId), open)}\n`); // laid out already
          if (!(await askOnTerminal(errStyle, lang, { message: m.closeQuestion, yes: m.closeYes, no: m.closeNo }))) {
            await say(m.notClosed(caseId));
            return;
          }
          force = true;
        }
      }
      const event = c.setCaseStatus({ db, id: caseId, to, note: flags.note, force });
      if (flags.json) json(event);
      await confirm(to === 'closed' ? m.closed(event.caseId) : m.reopened(event.caseId));
    });
  }

  common(cases.command('export').description(w.command['cases.export']), o['cases.exportJson'])
    .argument(`[${ph.id}]`, w.argument.caseId)
    .option(`--student <${ph.number}>`, o['cases.exportStudent'])
    .option('--all', o['cases.all'])
    .addOption(new Option(`--format <${ph.format}>`, o['cases.format']).choices(['json', 'html', 'md']))
    .option(`--out <${ph.file}>`, o['cases.out'])
    .action(async (id: string | undefined, flags: CasesCliFlags & { student?: string; all?: boolean; format?: 'json' | 'html' | 'md'; out?: string }) => {
      const { cases: c, db, lang, today, parties } = await casesContext(flags);
      const format = flags.format ?? 'json';
      if (format !== 'json') {
        await exportDossier({ cases: c, db, lang, today, parties }, id, flags.student !== undefined || Boolean(flags.all), format, flags.out);
        return;
      }
      if (flags.out !== undefined) {
        const dm = (await import('../ui/messages/dossier.js')).dossierMessagesFor(lang);
        throw new UserError(dm.outNeedsFormat, { hint: dm.outNeedsFormatHint });
      }
      const { exportCases } = await import('../commands/cases-export.js');
      // The same text as JSON.stringify(whole, null, 2), written a case at a time.
      let first = true;
      await exportCases(
        { db, id: id === undefined ? undefined : c.parseCaseId(id), student: flags.student, all: Boolean(flags.all) },
        {
          begin: (header) => write(`${JSON.stringify(header, null, 2).slice(0, -2)},\n  "cases": [`),
          write: (one) => {
            const text = `${first ? '\n' : ',\n'}    ${JSON.stringify(one, null, 2).replace(/\n/g, '\n    ')}`;
            first = false;
            return write(text);
          },
        },
      );
      await write(first ? ']\n}\n' : '\n  ]\n}\n');
    });

  common(cases.command('verify').description(w.command['cases.verify']))
    .action(wording(async (flags: CasesCliFlags) => {
      const { db, print, style, lang } = await casesContext(flags);
      const [{ verifyCaseLog }, { formatVerify }] = await Promise.all([import('../commands/cases-maintenance.js'), import('../ui/print/caselog.js')]);
      const report = verifyCaseLog({ db });
      void print;
      if (flags.json) json(report);
      else out(formatVerify(style, lang, report));
      if (!report.intact) process.exitCode = EXIT.tampered;
    }));

  common(cases.command('purge').description(w.command['cases.purge']))
    .option(`--closed-before <${ph.date}>`, o['cases.closedBefore'])
    .option('--retention', o['cases.retention'])
    .option('--yes', o['cases.yes'])
    .action(wording(async (flags: CasesCliFlags & { closedBefore?: string; retention?: boolean; yes?: boolean }) => {
      const { db, style, lang, today } = await casesContext(flags);
      const [{ purgeClosedCases }, { formatPurge }] = await Promise.all([import('../commands/cases-maintenance.js'), import('../ui/print/caselog.js')]);
      const result = purgeClosedCases({ db, closedBefore: flags.closedBefore, retention: Boolean(flags.retention), today, yes: Boolean(flags.yes) });
      if (flags.json) json(result);
      else out(formatPurge(style, lang, result));
    }));

  common(cases.command('backup').description(w.command['cases.backup']))
    .argument(`<${ph.file}>`, w.argument['backup.file'])
    .option('--force', o['cases.force'])
    .action(wording(async (file: string, flags: CasesCliFlags & { force?: boolean }) => {
      const { db, lang } = await casesContext(flags);
      const [{ backupCases }, { formatBackup }] = await Promise.all([import('../commands/cases-maintenance.js'), import('../ui/print/caselog.js')]);
      const result = await backupCases({ db, file, force: Boolean(flags.force) });
      if (flags.json) json({ file: result.file, bytes: result.bytes, events: result.report.events, cases: result.report.cases, head: result.report.head });
      confirm(formatBackup(lang, result));
    }));
}

function parseLimit(flags: { limit?: string; all?: boolean }, fallback: number | null): number | null {
  if (flags.all && flags.limit !== undefined) throw new CaseLogProblem({ kind: 'limit-and-all' });
  if (flags.all) return null;
  if (flags.limit === undefined) return fallback;
  if (!/^[1-9]\d{0,8}$/.test(flags.limit.trim())) throw new CaseLogProblem({ kind: 'limit-not-a-number' });
  return Number(flags.limit.trim());
}

async function exportDossier(
  context: Pick<Awaited<ReturnType<typeof casesContext>>, 'cases' | 'db' | 'lang' | 'today' | 'parties'>,
  id: string | undefined,
  severalAsked: boolean,
  format: 'html' | 'md',
  outFile: string | undefined,
): Promise<void> {
  const [{ dossierMessagesFor }, { buildDossier }, { renderDossierHtml }, { renderDossierMarkdown }, { writePrivateFile }] = await Promise.all([
    import('../ui/messages/dossier.js'),
    import('../ui/dossier/dossier.js'),
    import('../ui/dossier/html.js'),
    import('../ui/dossier/md.js'),
    import('../io/write-private-file.js'),
  ]);
  const { cases: c, db, lang, today, parties } = context;
  const dm = dossierMessagesFor(lang);
  if (id === undefined || severalAsked) throw new UserError(dm.needsOneCase, { hint: dm.needsOneCaseHint });
  const shown = c.showCase({ db, ref: String(c.parseCaseId(id)), today });
  if (shown.kind !== 'case') throw new UserError(dm.needsOneCase, { hint: dm.needsOneCaseHint });
  const dossier = buildDossier(shown.case, lang, today, parties);
  const text = format === 'html' ? renderDossierHtml(dossier) : renderDossierMarkdown(dossier);
  if (outFile === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writePrivateFile(outFile, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (isDeviceFailure(code)) throw new ProblemError({ kind: 'output-failed', target: outFile, code: code! }); // exit 74
    throw new UserError(dm.cannotWrite(outFile, code ?? String(error)));
  }
  await confirm(dm.written(outFile));
}
