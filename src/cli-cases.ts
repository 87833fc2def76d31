// The `cases` commands of the commander program (kept beside cli.ts, which adds them).
import { Command, Option } from 'commander';
import { todayIso } from './core/dates.js';
import { EXIT, UserError } from './core/errors.js';
import { dbOption, env, langOption, out, stdoutStyle } from './cli-common.js';
import { resolveLang } from './ui/messages.js';

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
  return { lang, cases, db, print, m: casesMessagesFor(lang), style: stdoutStyle(lang), today: todayIso(new Date()) };
}

const json = (value: unknown): void => out(JSON.stringify(value, null, 2));
/** Confirmations of a change go to stderr (they are messages); --json puts the event on stdout. */
const confirm = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

export function addCasesCommands(program: Command): void {
  const cases = program.command('cases').description('the case log: list, show, due, done, note, close, reopen, export');
  const common = (cmd: Command, jsonHelp = 'machine output as JSON'): Command =>
    cmd.option('--json', jsonHelp).addOption(dbOption()).addOption(langOption());

  common(cases.command('list').description('cases, newest last (default: the open ones)'))
    .option('--student <number>', 'only this student')
    .addOption(new Option('--status <status>', 'open, gesloten (closed) or alle (all)').default('open'))
    .option('--since <date>', 'created on or after this date (dd-mm-jjjj)')
    .action(async (flags: CasesCliFlags & { student?: string; status: string; since?: string }) => {
      const { cases: c, db, print, style, lang, m } = await casesContext(flags);
      const status = c.parseStatusFilter(flags.status);
      if (!status) throw new UserError(m.badStatus, { hint: m.badStatusHint });
      const list = c.listCases({ db, student: flags.student, status, since: flags.since });
      if (flags.json) json(list);
      else out(print.formatCaseList(style, lang, list));
    });

  common(cases.command('show').description('one case: its escalations and to-dos, its timeline and the latest decision with reasons; a student number shows that student’s cases'))
    .argument('<id>', 'case id, or a student number')
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

  common(cases.command('due').description('escalations overdue or due soon and not yet done, by deadline; after them what has no term, to-dos (a Veilig Thuis consult, the SWV…) included'))
    .option('--within <days>', 'working days ahead to include', '2')
    .option('--exit-code', 'exit 3 when anything is listed')
    .action(async (flags: CasesCliFlags & { within: string; exitCode?: boolean }) => {
      const { cases: c, db, print, style, lang, today } = await casesContext(flags);
      const within = Number(flags.within);
      const items = c.dueCases({ db, today, within });
      if (flags.json) json({ today, within, items });
      else out(print.formatDue(style, lang, items, within));
      if (flags.exitCode && items.length > 0) process.exitCode = EXIT.escalation;
    });

  common(cases.command('done').description('record that something was done: an escalation (leerplicht, verzuimmelding, leerplicht:thuiszitter), a to-do (veilig-thuis, jeugdarts), a party informed (ouders), or free text'))
    .argument('<id>', 'case id')
    .argument('<action...>', 'what was done')
    .option('--date <date>', 'the day it was done (default: today)')
    .option('--note <text>', 'a short note (no BSN, no diagnoses)')
    .action(async (id: string, action: string[], flags: CasesCliFlags & { date?: string; note?: string }) => {
      const { cases: c, db, print, style, lang, today } = await casesContext(flags);
      const caseId = c.parseCaseId(id);
      const r = c.markDone({ db, id: caseId, action: action.join(' '), date: flags.date, note: flags.note, today });
      if (flags.json) json(r);
      confirm(print.formatDone(style, lang, caseId, r));
    });

  common(cases.command('note').description('add a note to a case (no BSN, no diagnoses: store the routing, not health details)'))
    .argument('<id>', 'case id')
    .argument('<text...>', 'the note')
    .action(async (id: string, text: string[], flags: CasesCliFlags) => {
      const { cases: c, db, m } = await casesContext(flags);
      const { event, caseClosed } = c.addNote({ db, id: c.parseCaseId(id), text: text.join(' ') });
      if (flags.json) json(event);
      confirm(m.noteAdded(event.caseId));
      if (caseClosed) confirm(m.closedReminder(event.caseId));
    });

  for (const [name, to, description] of [
    ['close', 'closed', 'close a case (it stays in the log; due no longer lists it)'],
    ['reopen', 'open', 'open a closed case again'],
  ] as const) {
    common(cases.command(name).description(description))
      .argument('<id>', 'case id')
      .option('--note <text>', 'why')
      .action(async (id: string, flags: CasesCliFlags & { note?: string }) => {
        const { cases: c, db, m } = await casesContext(flags);
        const event = c.setCaseStatus({ db, id: c.parseCaseId(id), to, note: flags.note });
        if (flags.json) json(event);
        confirm(to === 'closed' ? m.closed(event.caseId) : m.reopened(event.caseId));
      });
  }

  common(cases.command('export').description('cases with every event as JSON: one case, one student’s (a data-subject request), or all'), 'JSON (the default and only format)')
    .argument('[id]', 'case id')
    .option('--student <number>', 'every case of this student')
    .option('--all', 'every case')
    .action(async (id: string | undefined, flags: CasesCliFlags & { student?: string; all?: boolean }) => {
      const { cases: c, db } = await casesContext(flags);
      json(c.exportCases({ db, id: id === undefined ? undefined : c.parseCaseId(id), student: flags.student, all: Boolean(flags.all) }));
    });
}
