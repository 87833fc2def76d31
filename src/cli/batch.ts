// The action of `zorgroute batch` (its flags are in cli.ts): flags → options → runBatch(), then
// the summary, progress bar and warnings on the right stream. Kept apart from cli.ts so that
// `route` never loads any of it.
import type { BatchResult, BatchWarning } from '../commands/batch/types.js';
import { batchExitCode, runBatch } from '../commands/batch/run.js';
import { UserError } from '../core/errors.js';
import { problem } from '../core/problems.js';
import { ProblemError } from '../core/output-problems.js';
import { isFolderPath, removePartialOutputs } from '../io/batch-output.js';
import type { RecordFormat } from '../io/record-encoders.js';
import { studentsFileOptions, type BatchCliFlags } from './batch-flags.js';
import { messagesFor, resolveLang, withPartyNames } from '../ui/messages/messages.js';
import { rowProblemDescriber } from '../ui/messages/errors/catalogue.js';
import { runRegistrationsCli, verifyRegistrationFlags, wordProblem, type RegistrationsCliFlags } from './registrations.js';
import { wrap } from '../ui/layout.js';
import { widthOf } from '../ui/terminal.js';
import { csvDialectFor } from '../ui/messages/csv.js';
import { makeStyle, useColor, type Style } from '../ui/style.js';
import { outPaged, partyNamesOf, stdoutPolicy, type PartyNames } from './common.js';
import { formatBatchOneLine, formatBatchProgress, formatBatchSummary, formatBatchWarning } from '../ui/print/batch.js';


const PROGRESS_EVERY_MS = 100;
const NAMED_DUPLICATES = 20;
const MAX_THREADS = 16;

function threadsOf(flags: BatchCliFlags): number | undefined {
  if (flags.threads === undefined) return undefined;
  const n = Number(flags.threads);
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) {
    throw new UserError(problem('threads-invalid'), { hint: problem('hint-threads') });
  }
  return n;
}

/**
 * Test and benchmark knobs, not for users: ZORGROUTE_BATCH_PIECE_BYTES (tiny pieces, to cut
 * everywhere), ZORGROUTE_BATCH_LOG_CASES (small --log transactions), and a report of the threads used.
 */
function positiveIntOf(text: string | undefined): number | undefined {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

const EXTENSION_FORMATS: Readonly<Record<string, RecordFormat>> = { csv: 'csv', json: 'json', ndjson: 'ndjson', jsonl: 'ndjson' };

/**
 * The record format: --format (or --json), else the extension of --out. A known extension that
 * does not match the format given is refused: NDJSON in a .csv would open as garbage in Excel.
 */
export function formatOf(flags: Pick<BatchCliFlags, 'format' | 'json' | 'out'>): RecordFormat | undefined {
  const given = flags.format ?? (flags.json ? 'json' : undefined);
  if (flags.out === undefined) return given;
  const extension = /\.([a-z]+)$/i.exec(flags.out)?.[1]?.toLowerCase();
  const implied = extension !== undefined && Object.hasOwn(EXTENSION_FORMATS, extension) ? EXTENSION_FORMATS[extension] : undefined;
  if (given !== undefined) {
    if (implied !== undefined && implied !== given) throw new ProblemError({ kind: 'format-extension-mismatch', format: given, path: flags.out, extension: extension! });
    return given;
  }
  if (implied !== undefined) return implied;
  // A folder has no format to imply: say it is a folder, not that a format is missing.
  if (isFolderPath(flags.out)) throw new ProblemError({ kind: 'out-is-directory', path: flags.out });
  throw new UserError(problem('out-needs-format'), { hint: problem('hint-out-format') });
}

/** A throttled progress line on stderr (a terminal only), cleared before anything else is written. */
function progressLine(style: Style, stream: NodeJS.WriteStream): { draw(rows: number, read: number, total: number | null): void; clear(): void } {
  let last = 0;
  let shown = false;
  return {
    draw(rows, read, total) {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      shown = true;
      stream.write(`\r${formatBatchProgress(style, rows, read, total)}\x1b[K`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** The summary: on stderr when the records are the output; else its text for stdout (returned, to be paged). */
function printSummary(result: BatchResult, format: RecordFormat | undefined, lang: 'nl' | 'en', env: NodeJS.ProcessEnv, parties: PartyNames): string | undefined {
  const msgs = withPartyNames(messagesFor(lang), parties);
  if (format === undefined) {
    // Without a format the summary is the output: stdout, with colour on a terminal.
    return `${formatBatchSummary(makeStyle(msgs, useColor(process.stdout, env), widthOf(process.stdout)), result)}\n`;
  }
  const style = makeStyle(msgs, useColor(process.stderr, env), widthOf(process.stderr));
  const where = result.out ?? 'stdout';
  if (process.stderr.isTTY) {
    process.stderr.write(`${formatBatchSummary(style, result, true)}\n${wrap(style.color.dim(msgs.batch.written(result.written, where)), style.width)}\n`);
  } else {
    process.stderr.write(`${formatBatchOneLine(style, result)}; ${msgs.batch.written(result.written, where)}\n`);
  }
  return undefined;
}

async function openLog(db: string | undefined, env: NodeJS.ProcessEnv) {
  const [{ openBatchLog }, { resolveDbLocation }] = await Promise.all([import('../commands/batch/log.js'), import('../io/db/db-path.js')]);
  return openBatchLog(resolveDbLocation(db, env), positiveIntOf(env.ZORGROUTE_BATCH_LOG_CASES));
}

export async function runBatchCli(file: string, flags: BatchCliFlags & RegistrationsCliFlags, env: NodeJS.ProcessEnv): Promise<void> {
  const lang = resolveLang(flags.lang, env);
  try {
    verifyRegistrationFlags(flags);
  } catch (error) {
    throw wordProblem(error, lang);
  }
  if ((file === '-' || flags.registrations === '-') && process.stdin.isTTY) {
    throw new UserError(problem('batch-stdin-empty'), { hint: problem('hint-batch-stdin') });
  }
  if (flags.registrations !== undefined) {
    await runRegistrationsCli(file, flags, formatOf(flags), env, { threads: threadsOf(flags), pieceBytes: positiveIntOf(env.ZORGROUTE_BATCH_PIECE_BYTES) });
    return;
  }
  // The rule chain is checked first: a bad layer stops the run before the case log is created.
  const parties = await partyNamesOf(lang, flags.rules, true);
  const format = formatOf(flags);
  const threads = threadsOf(flags);
  const errStyle = makeStyle(messagesFor(lang), useColor(process.stderr, env), widthOf(process.stderr));
  const progress = process.stderr.isTTY ? progressLine(errStyle, process.stderr) : undefined;
  const warn = (w: BatchWarning): void => {
    progress?.clear();
    process.stderr.write(`${formatBatchWarning(errStyle, w)}\n`);
  };
  // Ctrl-C skips `finally`: remove a half-written --out file before going.
  const onSignal = (signal: NodeJS.Signals): void => {
    progress?.clear();
    removePartialOutputs();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  // The case log is opened first: an unusable database stops the run before any output.
  const log = flags.log ? await openLog(flags.db, env) : undefined;
  // A reader that stops early (| head) must not leave the case log half written: read on.
  if (log) stdoutPolicy.keepGoingWhenClosed = true;
  let logFinished = false;
  let shown: string | undefined;
  let logged: string | undefined;
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // process.exit() elsewhere (stdout gone or full: cli.ts) skips `finally` too.
  process.once('exit', removePartialOutputs);
  try {
    const result = await runBatch(
      {
        input: file,
        ...studentsFileOptions(flags, lang, format),
        csv: format === 'csv' ? csvDialectFor(lang) : undefined,
        threads,
        pieceBytes: positiveIntOf(env.ZORGROUTE_BATCH_PIECE_BYTES),
      },
      {
        stdin: process.stdin,
        stdout: process.stdout,
        keepGoingWithoutStdout: log !== undefined,
        onWarning: warn,
        onProgress: progress ? (p) => progress.draw(p.rows, p.bytesRead, p.totalBytes) : undefined,
        onChunk: log ? (chunk) => log.onChunk(chunk) : undefined,
        describeRowProblem: rowProblemDescriber(lang),
        // next to this module both in dist/ (tsc) and in dist/bundle/ (esbuild)
        workerEntry: new URL('./piece-worker.js', import.meta.url),
      },
    );
    progress?.clear();
    if (env.ZORGROUTE_BATCH_REPORT_THREADS === '1') process.stderr.write(`zorgroute batch: worker threads: ${result.threads}\n`);
    if (result.duplicates > NAMED_DUPLICATES) {
      process.stderr.write(`${wrap(`${errStyle.color.yellow(`zorgroute: ${errStyle.msgs.batch.warning}:`)} ${errStyle.msgs.batch.moreDuplicates(result.duplicates - NAMED_DUPLICATES)}`, errStyle.width, '', '  ')}\n`);
    }
    shown = printSummary(result, format, lang, env, parties);
    if (log) {
      const { casesMessagesFor } = await import('../ui/messages/cases.js');
      const { added, skipped } = await log.finish();
      logFinished = true;
      logged = `${wrap(casesMessagesFor(lang).logged(added, skipped, log.database), errStyle.width, '', '  ')}\n`;
    }
    process.exitCode = batchExitCode(result, Boolean(flags.exitCode));
  } catch (error) {
    if (shown !== undefined) process.stdout.write(shown); // the summary before what went wrong after it
    throw error;
  } finally {
    if (log && !logFinished) await log.abort();
    progress?.clear();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', removePartialOutputs);
  }
  // Paged once the run is over and its handlers are gone (Ctrl-C in less must not end zorgroute
  // first); the case log's line follows the summary, after the pager.
  if (shown !== undefined) await outPaged(shown);
  if (logged !== undefined) process.stderr.write(logged);
}
