// The `calendar` commands of the commander program (added by main.ts): show, init, check.
import { Option, type Command } from 'commander';
import type { Region } from '../core/calendar/open-data.js';
import { EXIT, UserError } from '../core/errors.js';
import { CalendarCommandError, type CalendarCommandProblem } from '../commands/calendar/problem.js';
import type { CliWords } from '../ui/messages/cli.js';
import { calendarMessagesFor, type CalendarMessages } from '../ui/messages/calendar.js';
import { resolveLang } from '../ui/messages/messages.js';
import { env, langOption, out, outPaged, say, stdoutStyle, today, wordedBy } from './common.js';
import { wordProblem } from './registrations.js';

interface CalendarCliFlags {
  region?: Region;
  schoolYear?: string;
  rules?: string;
  json?: boolean;
  out?: string;
  lang?: string;
}

function worded(m: CalendarMessages, p: CalendarCommandProblem): UserError {
  const u = m.ui;
  const w =
    p.kind === 'region-needed'
      ? u.regionNeeded
      : p.kind === 'year-not-shipped'
        ? u.yearNotShipped(p.schoolYear, p.shipped)
        : p.kind === 'bad-school-year'
          ? u.badSchoolYear(p.text)
          : p.kind === 'out-exists'
            ? u.outExists(p.file)
            : p.kind === 'open-data-file'
              ? u.openDataFile(p.file)
              : u.outUnwritable(p.file, p.reason);
  return new UserError(w.message, { hint: w.hint });
}

/** Runs a calendar action with its problems worded in the user's language. */
const wording = wordedBy((error, lang) => (error instanceof CalendarCommandError ? worded(calendarMessagesFor(lang), error.calendar) : wordProblem(error, lang)));

export function addCalendarCommands(program: Command, w: CliWords): void {
  const o = w.option;
  const ph = w.placeholder;
  const calendar = program.command('calendar').description(w.command.calendar);
  const regionOption = (): Option => new Option(`--region <${ph.region}>`, o['calendar.region']).choices(['noord', 'midden', 'zuid']);

  calendar
    .command('show')
    .description(w.command['calendar.show'])
    .argument(`[${ph.file}]`, w.argument['calendar.file'])
    .addOption(regionOption())
    .option(`--school-year <${ph.schoolYear}>`, o['calendar.schoolYear'])
    .option(`--rules <${ph.file}>`, o.rules)
    .option('--json', o['calendar.json'])
    .addOption(langOption(w))
    .action(
      wording(async (file: string | undefined, flags: CalendarCliFlags) => {
        const lang = resolveLang(flags.lang, env);
        const [{ runCalendarShow }, { formatCalendarShow }] = await Promise.all([import('../commands/calendar/show.js'), import('../ui/print/calendar.js')]);
        const view = runCalendarShow({ file, region: flags.region, schoolYear: flags.schoolYear, rules: flags.rules, today: today() });
        if (flags.json) out(JSON.stringify(view, null, 2));
        else await outPaged(formatCalendarShow(stdoutStyle(lang), calendarMessagesFor(lang), view));
      }),
    );

  calendar
    .command('init')
    .description(w.command['calendar.init'])
    .requiredOption(`--school-year <${ph.schoolYear}>`, o['calendar.schoolYear'])
    .addOption(regionOption())
    .option(`--out <${ph.file}>`, o['calendar.out'])
    .option(`--rules <${ph.file}>`, o.rules)
    .addOption(langOption(w))
    .action(
      wording(async (flags: CalendarCliFlags & { schoolYear: string }) => {
        const lang = resolveLang(flags.lang, env);
        const m = calendarMessagesFor(lang);
        const { runCalendarInit } = await import('../commands/calendar/init.js');
        const result = runCalendarInit({ schoolYear: flags.schoolYear, region: flags.region, rules: flags.rules, out: flags.out });
        if (result.out === undefined) process.stdout.write(result.text);
        else await say(m.ui.initWritten(result.out));
        for (const line of m.ui.initEdit) process.stderr.write(`${line}\n`);
      }),
    );

  calendar
    .command('check')
    .description(w.command['calendar.check'])
    .argument(`<${ph.file}>`, w.argument['calendar.file'])
    .addOption(regionOption())
    .option(`--rules <${ph.file}>`, o.rules)
    .option('--json', o['calendar.json'])
    .addOption(langOption(w))
    .action(
      wording(async (file: string, flags: CalendarCliFlags) => {
        const lang = resolveLang(flags.lang, env);
        const [{ runCalendarCheck }, { formatCalendarCheck }] = await Promise.all([import('../commands/calendar/check.js'), import('../ui/print/calendar.js')]);
        const result = runCalendarCheck({ file, region: flags.region, rules: flags.rules });
        out(flags.json ? JSON.stringify(result, null, 2) : formatCalendarCheck(stdoutStyle(lang), calendarMessagesFor(lang), result));
        if (!result.ok) process.exitCode = EXIT.usage;
      }),
    );
}
