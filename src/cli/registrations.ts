// The action of `zorgroute batch STUDENTS.csv --registrations REG.csv` (flags in cli.ts): flags →
// options → runRegistrations(), then the summary, warnings and case log on the right streams. The
// run's own problems come as kinds (core/absence/problems.ts) and are worded here from the catalogue.
import { ProblemError } from '../core/absence/problems.js';
import type { Region } from '../core/calendar/open-data.js';
import { EXIT, UserError } from '../core/errors.js';
import { removePartialOutputs } from '../io/batch-output.js';
import type { RecordFormat } from '../io/record-encoders.js';
import type { AbsencePicture } from '../core/absence/absence-picture.js';
import { normalizeStudentRef } from '../core/student-ref.js';
import { studentsFileOptions, type BatchCliFlags } from './batch-flags.js';
import { absenceMessagesFor } from '../ui/messages/absence.js';
import { messagesFor, resolveLang, withPartyNames } from '../ui/messages/messages.js';
import { outPaged, ruleChainOf } from './common.js';
import { makeStyle, useColor } from '../ui/style.js';
import { widthOf } from '../ui/terminal.js';
import { formatAbsenceOneLine, formatAbsenceSummary, formatAbsenceWarning, formatMoreRows } from '../ui/print/absence.js';
import { rowProblemDescriber } from '../ui/messages/errors/catalogue.js';
import { ROWS_NAMED } from '../commands/batch/registrations/fold.js';
import { csvDialectFor } from '../ui/messages/csv.js';


export interface RegistrationsCliFlags {
  registrations?: string;
  student?: string;
  codes?: string;
  calendar?: string;
  region?: Region;
  since?: string;
  regMap?: string;
}


/** Flags of --registrations given without it. */
export function verifyRegistrationFlags(flags: BatchCliFlags & RegistrationsCliFlags): void {
  if (flags.registrations !== undefined) return;
  const named: [keyof RegistrationsCliFlags, '--codes' | '--calendar' | '--region' | '--since' | '--reg-map'][] = [
    ['codes', '--codes'],
    ['calendar', '--calendar'],
    ['region', '--region'],
    ['since', '--since'],
    ['regMap', '--reg-map'],
  ];
  for (const [key, flag] of named) if (flags[key] !== undefined) throw new ProblemError({ kind: 'registrations-needed', flag });
}

/** A ProblemError in the user's language; anything else unchanged. */
export function wordProblem(error: unknown, lang: 'nl' | 'en'): unknown {
  if (!(error instanceof ProblemError)) return error;
  const w = absenceMessagesFor(lang).problem(error.run);
  return new UserError(w.message, { details: w.details, ...(w.hint ? { hint: w.hint } : {}) });
}

/** `threads`: --threads (checked by the caller); `pieceBytes`: the test knob ZORGROUTE_BATCH_PIECE_BYTES. */
export async function runRegistrationsCli(
  file: string,
  flags: BatchCliFlags & RegistrationsCliFlags,
  format: RecordFormat | undefined,
  env: NodeJS.ProcessEnv,
  knobs: { threads?: number | undefined; pieceBytes?: number | undefined } = {},
): Promise<void> {
  const lang = resolveLang(flags.lang, env);
  const chain = await ruleChainOf(lang, flags.rules, true);
  const msgs = withPartyNames(messagesFor(lang), chain.parties);
  const a = absenceMessagesFor(lang);
  const errStyle = makeStyle(msgs, useColor(process.stderr, env), widthOf(process.stderr));
  const onSignal = (signal: NodeJS.Signals): void => {
    removePartialOutputs();
    process.exit(signal === 'SIGINT' ? EXIT.interrupted : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let log: Awaited<ReturnType<typeof openLog>> | undefined;
  let logFinished = false;
  let shown: string | undefined;
  const after: string[] = [];
  try {
    // The case log is opened first: an unusable database stops the run before any output.
    log = flags.log ? await openLog(flags.db, env) : undefined;
    const { runRegistrations } = await import('../commands/batch/registrations/run.js');
    const result = await runRegistrations(
      {
        students: file,
        registrations: flags.registrations!,
        codes: flags.codes,
        calendar: flags.calendar,
        region: flags.region,
        since: flags.since,
        regMap: flags.regMap,
        student: flags.student === undefined ? undefined : normalizeStudentRef(flags.student),
        ...studentsFileOptions(flags, lang, format),
        threads: knobs.threads,
        pieceBytes: knobs.pieceBytes,
        rulesSource: chain.source,
        csv: format === 'csv' ? csvDialectFor(lang) : undefined,
      },
      {
        stdin: process.stdin,
        stdout: process.stdout,
        describeRowProblem: rowProblemDescriber(lang),
        workerEntry: new URL('./registrations-worker.js', import.meta.url),
        onWarning: (w) => process.stderr.write(`${formatAbsenceWarning(errStyle, a, w)}\n`),
        onRecord: log ? (record, situation) => log!.onRecord(record, situation) : undefined,
      },
    );
    if (env.ZORGROUTE_BATCH_REPORT_THREADS === '1') process.stderr.write(`zorgroute batch: worker threads: ${result.threads}\n`);
    if (result.registrationsInvalid > ROWS_NAMED) process.stderr.write(`${formatMoreRows(errStyle, a, result.registrationsInvalid - ROWS_NAMED)}\n`);
    const labels = { students: file, registrations: flags.registrations! };
    // Without a format the summary (and the picture) is the output: stdout, paged on a terminal
    // once the run is over; what would follow it on stderr waits for the pager to end.
    const picture = result.picture === undefined ? undefined : await pictureText(result.picture, flags.student!, lang, format === undefined ? process.stdout : process.stderr, env);
    if (format === undefined) {
      shown = `${formatAbsenceSummary(makeStyle(msgs, useColor(process.stdout, env), widthOf(process.stdout)), a, result, labels)}\n`;
    } else if (process.stderr.isTTY) {
      process.stderr.write(`${formatAbsenceSummary(errStyle, a, result, labels)}\n${errStyle.color.dim(msgs.batch.written(result.written, result.out ?? 'stdout'))}\n`);
    } else {
      process.stderr.write(`${formatAbsenceOneLine(errStyle, a, result)}; ${msgs.batch.written(result.written, result.out ?? 'stdout')}\n`);
    }
    if (picture?.notFound !== undefined) after.push(picture.notFound);
    else if (picture !== undefined && format === undefined) shown = `${shown}\n${picture.text}`;
    else if (picture !== undefined) process.stderr.write(`\n${picture.text}`);
    if (log) {
      const { casesMessagesFor } = await import('../ui/messages/cases.js');
      const { added, skipped } = log.finish();
      logFinished = true;
      after.push(`${casesMessagesFor(lang).logged(added, skipped, log.database)}\n`);
    }
    const invalid = result.invalid + result.registrationsInvalid;
    process.exitCode = flags.exitCode && result.escalated > 0 ? EXIT.escalation : invalid > 0 ? EXIT.someRowsInvalid : EXIT.ok;
  } catch (error) {
    if (shown !== undefined) process.stdout.write(shown); // the summary before what went wrong after it
    // a missing column: a --reg-map with the guesses filled in goes to stdout, to save and edit
    if (error instanceof ProblemError && error.run.kind === 'registrations-header' && error.run.skeleton) {
      process.stdout.write(`${JSON.stringify(error.run.skeleton, null, 2)}\n`);
    }
    throw wordProblem(error, lang);
  } finally {
    if (log && !logFinished) log.abort();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  // after the handlers above: Ctrl-C in the pager must not end zorgroute before the pager
  if (shown !== undefined) await outPaged(shown);
  for (const text of after) process.stderr.write(text);
}

async function openLog(db: string | undefined, env: NodeJS.ProcessEnv) {
  const [{ openRegistrationsLog }, { resolveDbLocation }] = await Promise.all([import('../commands/batch/registrations/log.js'), import('../io/db/db-path.js')]);
  return openRegistrationsLog(resolveDbLocation(db, env));
}

/** `--student`: the picture of that student's school year (laid out for `stream`), or why there is none. */
async function pictureText(picture: AbsencePicture | null, student: string, lang: 'nl' | 'en', stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Promise<{ text: string; notFound?: undefined } | { notFound: string }> {
  const { pictureMessagesFor } = await import('../ui/messages/absence-picture.js');
  const { formatAbsencePicture } = await import('../ui/print/absence-picture.js');
  const pm = pictureMessagesFor(lang);
  const style = makeStyle(messagesFor(lang), useColor(stream, env), widthOf(stream));
  if (picture === null) return { notFound: `${pm.notFound(normalizeStudentRef(student))}\n` };
  return { text: `${formatAbsencePicture(style, pm, absenceMessagesFor(lang).period, picture)}\n` };
}
