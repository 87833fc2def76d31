// The `cases` commands of the commander program (kept beside cli.ts, which adds them).
import { Command, Option } from 'commander';
import { todayIso } from './core/dates.js';
import { EXIT, UserError } from './core/errors.js';
import { dbOption, env, langOption, out, stdoutStyle } from './cli-common.js';
import type { CliWords } from './ui/messages-cli.js';
import { resolveLang } from './ui/messages.js';
import { invocationCommand } from './io/invocation.js';

interface CasesCliFlags {
  db?: string;
  json?: boolean;
  lang?: string;
}

async function casesContext(flags: CasesCliFlags) {
  const lang = resolveLang(flags.lang, env);
  const [cases, { resolveDbLocation }, print, { casesMessagesFor }] = await Promise.all([
    import('./commands/cases.js'),
    import('./io/db/db-path.js'),
    import('./ui/print-cases.js'),
    import('./ui/messages-cases.js'),
  ]);
  const db = resolveDbLocation(flags.db, env);
  return { lang, cases, db, print, m: casesMessagesFor(lang, invocationCommand(env)), style: stdoutStyle(lang), today: todayIso(new Date()) };
}

const json = (value: unknown): void => out(JSON.stringify(value, null, 2));
/** Confirmations of a change go to stderr (they are messages); --json puts the event on stdout. */
const confirm = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

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
    .action(async (flags: CasesCliFlags & { student?: string; status: string; since?: string }) => {
      const { cases: c, db, print, style, lang, m } = await casesContext(flags);
      const status = c.parseStatusFilter(flags.status);
      if (!status) throw new UserError(m.badStatus, { hint: m.badStatusHint });
      const list = c.listCases({ db, student: flags.student, status, since: flags.since });
      if (flags.json) json(list);
      else out(print.formatCaseList(style, lang, list));
    });

  common(cases.command('show').description(w.command['cases.show']))
    .argument(`<${ph.id}>`, w.argument.caseOrStudent)
    .action(async (id: string, flags: CasesCliFlags) => {
      const { cases: c, db, print, style, lang, m, today } = await casesContext(flags);
      const shown = c.showCase({ db, ref: id, today });
      if (shown.kind === 'student' && shown.cases.length === 0) throw new UserError(m.noSuchCaseOrStudent(shown.studentRef), { hint: m.listAllHint });
      if (shown.kind === 'case') {
        if (flags.json) json(shown.case);
        else out(print.formatCaseDetail(style, lang, shown.case, process.stdout.columns ?? 100));
      } else if (flags.json) json({ studentRef: shown.studentRef, cases: shown.cases });
      else out(`${m.studentCases(shown.studentRef, shown.cases.length)}\n${print.formatCaseList(style, lang, shown.cases)}\n${m.showOne(shown.cases[shown.cases.length - 1]!.id)}`);
    });

  common(cases.command('due').description(w.command['cases.due']))
    .option(`--within <${ph.days}>`, o['cases.within'], '2')
    .option('--exit-code', o['cases.dueExitCode'])
    .action(async (flags: CasesCliFlags & { within: string; exitCode?: boolean }) => {
      const { cases: c, db, print, style, lang, today } = await casesContext(flags);
      const within = Number(flags.within);
      const items = c.dueCases({ db, today, within });
      if (flags.json) json({ today, within, items });
      else out(print.formatDue(style, lang, items, within));
      if (flags.exitCode && items.length > 0) process.exitCode = EXIT.escalation;
    });

  common(cases.command('done').description(w.command['cases.done']))
    .argument(`<${ph.id}>`, w.argument.caseId)
    .argument(`<${ph.action}...>`, w.argument['done.action'])
    .option(`--date <${ph.date}>`, o['cases.date'])
    .option(`--note <${ph.text}>`, o['cases.note'])
    .action(async (id: string, action: string[], flags: CasesCliFlags & { date?: string; note?: string }) => {
      const { cases: c, db, print, style, lang, today } = await casesContext(flags);
      const caseId = c.parseCaseId(id);
      const r = c.markDone({ db, id: caseId, action: action.join(' '), date: flags.date, note: flags.note, today });
      if (flags.json) json(r);
      confirm(print.formatDone(style, lang, caseId, r, invocationCommand(env)));
    });

  common(cases.command('note').description(w.command['cases.note']))
    .argument(`<${ph.id}>`, w.argument.caseId)
    .argument(`<${ph.text}...>`, w.argument['note.text'])
    .action(async (id: string, text: string[], flags: CasesCliFlags) => {
      const { cases: c, db, m } = await casesContext(flags);
      const { event, caseClosed } = c.addNote({ db, id: c.parseCaseId(id), text: text.join(' ') });
      if (flags.json) json(event);
      confirm(m.noteAdded(event.caseId));
      if (caseClosed) confirm(m.closedReminder(event.caseId));
    });

  for (const [name, to] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    common(cases.command(name).description(w.command[`cases.${name}`]))
      .argument(`<${ph.id}>`, w.argument.caseId)
      .option(`--note <${ph.text}>`, o['cases.why'])
      .action(async (id: string, flags: CasesCliFlags & { note?: string }) => {
        const { cases: c, db, m } = await casesContext(flags);
        const event = c.setCaseStatus({ db, id: c.parseCaseId(id), to, note: flags.note });
        if (flags.json) json(event);
        confirm(to === 'closed' ? m.closed(event.caseId) : m.reopened(event.caseId));
      });
  }

  common(cases.command('export').description(w.command['cases.export']), o['cases.exportJson'])
    .argument(`[${ph.id}]`, w.argument.caseId)
    .option(`--student <${ph.number}>`, o['cases.exportStudent'])
    .option('--all', o['cases.all'])
    .action(async (id: string | undefined, flags: CasesCliFlags & { student?: string; all?: boolean }) => {
      const { cases: c, db } = await casesContext(flags);
      json(c.exportCases({ db, id: id === undefined ? undefined : c.parseCaseId(id), student: flags.student, all: Boolean(flags.all) }));
    });
}
