// `zorgroute batch STUDENTS.csv --registrations REG.csv`: absence registrations counted over the
// school calendar into periods, routed per student through the same core as every other decision.
//
// Memory grows with students, not registrations: the students file and the code table are read
// whole (small), then the registrations stream by, in any order, each one folded into its
// student's day-by-day aggregate (core/absence/student-absence.ts) and dropped. Nothing is written
// before the last registration is read, so an unknown code or a date outside the calendar stops the
// run (exit 2) before any output.
import { statSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { foldHeader } from '../../../core/rows/columns.js';
import { absencePicture, type AbsencePicture } from '../../../core/absence/absence-picture.js';
import { ProblemError, type RegistrationRowProblem } from '../../../core/absence/problems.js';
import { planRegistrationColumns, type RegistrationPlan } from '../../../core/absence/registration.js';
import type { AbsenceRecord } from '../../../core/absence/route-absence.js';
import { usesLateness } from '../../../core/absence/steps.js';
import { factsOf, LATENESS_FACTS } from '../../../core/routing/counted-facts.js';
import { AbsenceBook, lessonsPerDayFor } from '../../../core/absence/student-absence.js';
import type { Region } from '../../../core/calendar/open-data.js';
import type { CalendarWarning } from '../../../core/calendar/calendar-check.js';
import { dayOf, isoOf, type Holiday, type SchoolCalendar } from '../../../core/calendar/school-calendar.js';
import type { SchoolYearSpan } from '../../../core/calendar/school-years.js';
import { calendarForRun, notShipped, shippedYearsUsed } from '../../calendar/for-run.js';
import { dutchWorkingDays } from '../../../io/calendar/public-holidays.js';
import { normalizeDate } from '../../../core/dates.js';
import { compileRuleset } from '../../../core/routing/compile.js';
import type { Situation } from '../../../core/routing/situation.js';
import { ByteBuilder, fileSink, stdoutSink } from '../../../io/batch-output.js';
import { openCsvInput } from '../../../io/csv/input.js';
import { CsvPieceReader, type PieceCsvError } from '../../../io/csv/pieces.js';
import { csvFileError } from '../../../io/csv/rows.js';
import { readRulesetSource, type RulesetSource } from '../../../io/rules/read-ruleset.js';
import { absenceRecordEncoder } from '../../../io/registration-records.js';
import { readJsonFile } from '../../../io/read-json-file.js';
import { resolveMapFile } from '../../../io/map-presets.js';
import { parseRegistrationMap, positionalHeaders, type RegistrationMap } from '../../../core/absence/export-shapes/reg-map.js';
import { readCodes, readStudents } from './inputs.js';
import { fallbackDateOf } from '../setup.js';
import { AbsenceTally, type AbsenceTallyResult } from './tally.js';
import type { BatchOptions } from '../types.js';
import { mergeFoldStates, RegistrationFold, type FoldInputs, type FoldState } from './fold.js';
import { RegistrationWorkers, type FoldSetup } from './parallel.js';
import { routeChunk, StudentRouter, type RoutedChunk, type RoutedStudent } from './route.js';
import { workersFor } from '../run.js';
import type { DescribeProblem } from '../../../io/record-encoders.js';

/** The students file's options are batch's own (types.ts); the registrations add their inputs. */
export interface RegistrationsOptions
  extends Pick<BatchOptions, 'rules' | 'lang' | 'today' | 'referenceDate' | 'map' | 'encoding' | 'delimiter' | 'format' | 'csv' | 'out' | 'onlyAction' | 'listLimit' | 'threads' | 'pieceBytes'> {
  students: string;
  registrations: string;
  codes?: string | undefined;
  calendar?: string | undefined;
  region?: Region | undefined;
  since?: string | undefined;
  regMap?: string | undefined;
  /** `--student`: draw this student's school year (result.picture). */
  student?: string | undefined;
  /** The chain of `rules` as the caller read it (the CLI, which checks it before anything is written): read from `rules` otherwise. The worker threads read `rules` themselves. */
  rulesSource?: RulesetSource | undefined;
}

export type RegistrationsWarning =
  | { kind: 'registration-row'; row: RegistrationRowProblem }
  | { kind: 'registrations-after-peildatum'; count: number }
  | { kind: 'unknown-columns'; file: string; columns: string[] }
  | { kind: 'duplicate'; studentRef: string; line: number; firstLine: number }
  /** The rules count lateness but the code table has no te-laat code: lateness was not counted. */
  | { kind: 'lateness-not-counted'; codes: string; rules: string[] }
  | { kind: 'calendar-advice'; file: string; region: Region; advice: Holiday[] }
  /** The shipped holidays: the advice vacations and the assumed first and last school days of the years used. */
  | { kind: 'calendar-shipped'; file: string; region: Region; years: SchoolYearSpan[]; advice: Holiday[] };

export interface RegistrationsHooks {
  stdin: Readable;
  stdout: Writable;
  onWarning?(warning: RegistrationsWarning): void;
  /** Each student's record that has an escalation or a to-do from a period, in file order (for the case log). */
  onRecord?(record: AbsenceRecord, situation: Situation): void | Promise<void>;
  /** A row problem in the user's language, written into the records (the CLI passes the ui catalogue's). */
  describeRowProblem: DescribeProblem;
  /** The worker threads' script (cli/registrations-worker.ts): needed when worker threads are used. */
  workerEntry?: URL | undefined;
}

export interface RegistrationsResult extends AbsenceTallyResult {
  /**
   * `source`: the file; `region`: set when it is the Rijksoverheid open data; `schoolYears`: the
   * shipped years used (the holidays zorgroute ships); `differs`: where a school's own calendar
   * and its region's advice part ways (the school's counts).
   */
  calendar: { name: string; from: string; to: string; source: string; region?: Region | undefined; shipped?: boolean; schoolYears?: string[]; differs?: CalendarWarning[] };
  codes: string;
  /** Whether the students file has a mentor column. */
  hasMentor: boolean;
  /** Each party's name in the run's language (the rule set's `parties`). */
  partyNames: Record<string, string>;
  /** False when a rule counts lateness and the code table has no te-laat code. */
  latenessCounted: boolean;
  written: number;
  out: string | undefined;
  /** Worker threads that read the registrations (0: all on this thread). */
  threads: number;
  /** The `--student`'s picture; null when no student in the file has that number. */
  picture?: AbsencePicture | null;
}

const CHUNK_RECORDS = 500;
/** The pieces of the one-thread reading (as CsvReader's) and of worker threads (fewer messages). */
const PIECE_BYTES = 64 * 1024;
const PARALLEL_PIECE_BYTES = 256 * 1024;

/** The --reg-map (a file or a shipped preset's name), or an empty map. */
function regMapOf(value: string | undefined): RegistrationMap {
  if (!value) return { byHeader: new Map(), byPosition: undefined, title: undefined };
  const path = resolveMapFile(value, 'registraties');
  const parsed = parseRegistrationMap(readJsonFile(path, '--reg-map'));
  if (!parsed.ok) throw new ProblemError({ kind: 'reg-map-invalid', file: path, issue: parsed.issue });
  return parsed.map;
}

export async function runRegistrations(options: RegistrationsOptions, hooks: RegistrationsHooks): Promise<RegistrationsResult> {
  if (options.students === '-' && options.registrations === '-') throw new ProblemError({ kind: 'registrations-stdin-twice' });
  let since: string | undefined;
  if (options.since !== undefined) {
    since = normalizeDate(options.since);
    if (since === undefined) throw new ProblemError({ kind: 'since-invalid' });
  }
  const rules = options.rulesSource ?? readRulesetSource(options.rules);
  const ruleset = compileRuleset(rules.ruleset, rules.sha256, options.lang);
  const workingDays = dutchWorkingDays();
  // Public holidays are no school days either (a week with Koningsdag is a lesweek of four days).
  const run = calendarForRun(options.calendar, options.region, rules.ruleset.region, { isPublicHoliday: (d) => !workingDays.isWorkingDayNumber(d) });
  const { calendar, origin, shipped } = run;
  // The Rijksoverheid dates are an advice (except the kerst- and zomervakantie): say so before anything is
  // counted; for the shipped holidays once the years used are known, after the registrations are read.
  if (origin && !shipped) hooks.onWarning?.({ kind: 'calendar-advice', file: run.file, region: origin.region, advice: origin.advice });
  // The worker threads start now, while the codes and the students are read: loading their script
  // and compiling the rules took about 0.2 s on the 2-CPU bench machine. The file is sized here (not
  // opened: its errors come in their turn, after the students file's).
  const workers = workersFor(options, { totalBytes: fileBytes(options.registrations) });
  if (workers > 0 && !hooks.workerEntry) throw new TypeError('runRegistrations: the worker script (hooks.workerEntry) is needed for worker threads');
  const pool = workers > 0 ? new RegistrationWorkers(workers, { calendar: calendar.parts, rules: options.rules, lang: options.lang }, hooks.workerEntry!) : undefined;
  try {
  const outside = (date: string, where: 'peildatum' | 'registration', file: string, line: number): ProblemError =>
    shipped ? notShipped(shipped, date, where, file, line) : outsideCalendar(calendar, date, where, file, line);
  const codes = await readCodes(options.codes, hooks.stdin);
  const lateness = [...codes.table.codes.values()].some((c) => c.kind === 'te-laat');
  const latenessUsed = usesLateness(ruleset);
  if (latenessUsed && !lateness) {
    const rules = ruleset.active.filter((r) => LATENESS_FACTS.some((f) => factsOf(r.when).has(f))).map((r) => r.id);
    hooks.onWarning?.({ kind: 'lateness-not-counted', codes: codes.file, rules });
  }
  const regMap = regMapOf(options.regMap);
  const fallbackDate = fallbackDateOf(options);
  const students = await readStudents(options.students, hooks.stdin, { map: options.map, fallbackDate, encoding: options.encoding, delimiter: options.delimiter });
  if (students.plan.unknown.length > 0) hooks.onWarning?.({ kind: 'unknown-columns', file: students.label, columns: students.plan.unknown });
  for (const d of students.duplicates) hooks.onWarning?.({ kind: 'duplicate', ...d });

  const peilIndex = new Int32Array(students.students.length);
  const peilDay = new Int32Array(students.students.length);
  students.students.forEach(({ line, situation }, i) => {
    const day = dayOf(situation.referenceDate);
    if (!calendar.covers(day)) throw outside(situation.referenceDate, 'peildatum', students.label, line);
    peilDay[i] = day;
    peilIndex[i] = calendar.indexAtOrBefore(day);
  });

  const tally = new AbsenceTally(options.listLimit);
  const educationOf = students.students.map(({ situation }) => situation.educationType);
  let picture: AbsencePicture | null = null;
  const input = await openCsvInput(options.registrations, hooks.stdin);
  const readOptions = { label: input.label, encoding: options.encoding, delimiter: options.delimiter };
  const pieces = new CsvPieceReader(input.source, { ...readOptions, pieceBytes: options.pieceBytes ?? (workers > 0 ? PARALLEL_PIECE_BYTES : PIECE_BYTES) });
  const events = pieces.events();
  let plan: RegistrationPlan | undefined;
  let fold: RegistrationFold | undefined;
  let csvError: { error: PieceCsvError; line: number } | undefined;
  let foldStates: FoldState[] = [];
  let merged: AbsenceBook | undefined;
  try {
    const first = await events.next();
    if (!first.done && first.value.kind === 'header') {
      const event = first.value;
      // a file without a header line (Eduarte's import): its first line is a registration
      const positional = regMap.byPosition;
      const headers = positional ? positionalHeaders(positional, event.cells.length) : event.cells;
      const byHeader = positional ? new Map(headers.map((h, i) => [foldHeader(h), positional[i] ?? null])) : regMap.byHeader;
      const planned = planRegistrationColumns(headers, byHeader);
      if (!planned.ok) throw new ProblemError({ kind: 'registrations-header', file: input.label, problems: planned.problems, headers: planned.headers, skeleton: planned.skeleton });
      plan = planned.plan;
      if (plan.unknown.length > 0) hooks.onWarning?.({ kind: 'unknown-columns', file: input.label, columns: plan.unknown });
      const inputs: FoldInputs = {
        plan,
        calendar,
        codes: codes.table.codes,
        studentRefs: students.students.map(({ situation }) => situation.studentRef),
        peilDay,
        po: Uint8Array.from(educationOf, (e) => (e === 'po' ? 1 : 0)),
      };
      fold = new RegistrationFold(inputs);
      if (positional) fold.row(event.line, event.cells);
      const delimiter = event.delimiter;
      if (pool) {
        const setup: FoldSetup = { plan, codes: new Map(inputs.codes), studentRefs: [...inputs.studentRefs], peilDay, po: inputs.po, delimiter };
        const done = await pool.fold(setup, events, (bytes) => pieces.recycle(bytes));
        // The first worker's book (in shared memory) becomes the run's; the others are added to it,
        // and this thread's own (a file without a header: its first line) when it counted anything.
        merged = new AbsenceBook(inputs.studentRefs.length, calendar.size, true, done.books[0]);
        if (fold.state.registrations > 0) merged.merge(fold.book.parts());
        for (const other of done.books.slice(1)) merged.merge(other);
        foldStates = done.states;
        if (done.csvError) csvError = { error: done.csvError, line: done.csvError.line };
      } else {
        for await (const event of events) {
          if (event.kind !== 'piece') continue;
          const error = fold.piece(new Uint8Array(event.bytes, 0, event.length), event.lineOffset, delimiter);
          pieces.recycle(event.bytes);
          if (error) {
            csvError = { error, line: error.line };
            break;
          }
        }
      }
    }
  } finally {
    await events.return(undefined);
  }
  const folded = mergeFoldStates(fold ? [fold.state, ...foldStates] : []);
  tally.registrationsRead(folded);
  for (const row of folded.bad) if (!csvError || row.line < csvError.line) hooks.onWarning?.({ kind: 'registration-row', row: { file: input.label, ...row } });
  if (csvError) throw csvFileError(input.label, csvError.error, csvError.line);
  const unknownCodes = folded.unknownCodes;
  const afterPeil = folded.afterPeil;
  const firstCounted = folded.firstCounted;
  const outsideFirst = folded.outsideFirst && { date: isoOf(folded.outsideFirst.day), line: folded.outsideFirst.line };
  const book = merged ?? fold?.book;
  if (!plan || !book) throw new ProblemError({ kind: 'registrations-empty', file: input.label });
  if (unknownCodes.size > 0) {
    const list = [...unknownCodes].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
    throw new ProblemError({ kind: 'unknown-codes', file: input.label, codes: list, table: codes.file });
  }
  if (outsideFirst) throw outside(outsideFirst.date, 'registration', input.label, outsideFirst.line);
  if (afterPeil > 0) hooks.onWarning?.({ kind: 'registrations-after-peildatum', count: afterPeil });
  let schoolYears: string[] | undefined;
  if (shipped && students.students.length > 0) {
    const peil = [...peilDay];
    const used = shippedYearsUsed(shipped, isoOf(Math.min(firstCounted, ...peil)), isoOf(Math.max(...peil)));
    schoolYears = used.spans.map((s) => s.schoolYear);
    hooks.onWarning?.({ kind: 'calendar-shipped', file: shipped.file, region: shipped.region, years: used.spans, advice: used.advice });
  }

  const encoder = options.format ? absenceRecordEncoder(options.format, students.delimiter, { csv: options.csv, describe: hooks.describeRowProblem }) : undefined;
  const inputs = [options.students, options.registrations, options.codes, options.calendar, options.regMap].filter((f): f is string => f !== undefined);
  const sink = encoder ? (options.out ? fileSink(options.out, inputs) : stdoutSink(hooks.stdout)) : undefined;
  const router = new StudentRouter({ book, calendar, ruleset, workingDays, students: students.students, peilIndex, peilDay, since, lateness });
  const chunkOptions = { encoder, listLimit: options.listLimit, onlyAction: options.onlyAction === true, log: hooks.onRecord !== undefined };
  pool?.setUpRouting({
    book: book.parts(),
    studentsJson: JSON.stringify(students.students.map(({ line, situation, labels }): RoutedStudent => ({ line, situation, labels }))),
    peilIndex,
    since,
    lateness,
    format: options.format,
    delimiter: students.delimiter,
    csv: options.csv,
    listLimit: chunkOptions.listLimit,
    onlyAction: chunkOptions.onlyAction,
    log: chunkOptions.log,
  });
  const out = new ByteBuilder();
  let written = 0;
  let finished = false;
  try {
    encoder?.begin(out);
    const json = options.format === 'json';
    const errors = students.errors;
    let e = 0;
    // A record of a JSON array begins with `,\n`: the very first one written loses its comma.
    let first = true;
    const append = (bytes: Uint8Array): void => {
      if (bytes.length === 0) return;
      out.bytes(json && first ? bytes.subarray(1) : bytes);
      first = false;
    };
    const writeErrorsBefore = (line: number): void => {
      for (; e < errors.length && errors[e]!.line < line; e++) {
        const x = errors[e]!;
        tally.invalidStudent(x.line, x.studentRef, x.error);
        if (encoder) {
          const one = new ByteBuilder(1024);
          encoder.error(one, x.line, x.studentRef, x.error);
          append(one.take());
          written += 1;
        }
      }
    };
    const write = async (from: number, chunk: RoutedChunk): Promise<void> => {
      const bytes = chunk.buffer ? new Uint8Array(chunk.buffer, 0, chunk.length) : undefined;
      // The chunk's records go out as they are, in runs between the students file's error rows;
      // a chunk without them (the common case) as its own buffer, not copied.
      let start = 0;
      let run = 0;
      for (let k = 0; k < chunk.ends.length; k++) {
        const line = students.students[from + k]!.line;
        if (e < errors.length && errors[e]!.line < line) {
          if (bytes) append(bytes.subarray(run, start));
          run = start;
          writeErrorsBefore(line);
        }
        const end = chunk.ends[k]!;
        if (end > start) written += 1;
        start = end;
      }
      tally.merge(chunk.tally);
      for (const { record, situation } of chunk.logged) await hooks.onRecord?.(record, situation);
      if (!sink || !bytes) return;
      const rest = bytes.subarray(run, start);
      if (out.length === 0 && !(json && first)) {
        // nothing before it (an error row put its bytes in `out`): the chunk's own buffer goes out
        if (rest.length > 0) await sink.write(Buffer.from(rest.buffer, rest.byteOffset, rest.length));
      } else {
        append(rest);
        if (out.length > 0) await sink.write(out.take());
      }
    };
    const count = students.students.length;
    if (pool) {
      const pending: { from: number; seq: number }[] = [];
      let next = 0;
      while (next < count || pending.length > 0) {
        while (next < count && pending.length < 2 * pool.size) {
          pending.push({ from: next, seq: await pool.send(next, Math.min(next + CHUNK_RECORDS, count)) });
          next += CHUNK_RECORDS;
        }
        const head = pending.shift()!;
        await write(head.from, await pool.take(head.seq));
      }
    } else {
      for (let from = 0; from < count; from += CHUNK_RECORDS) await write(from, routeChunk(router, from, Math.min(from + CHUNK_RECORDS, count), chunkOptions));
    }
    if (options.student !== undefined) {
      const i = students.students.findIndex(({ situation }) => situation.studentRef === options.student);
      if (i >= 0) {
        const { situation } = students.students[i]!;
        const publicHolidays = { isPublicHoliday: (d: number) => !workingDays.isWorkingDayNumber(d) };
        const perDay = lessonsPerDayFor(calendar, situation.educationType);
        picture = absencePicture(situation.studentRef, book.student(i), calendar, publicHolidays, perDay, router.route(i).record.absence.periods, situation.referenceDate);
      }
    }
    writeErrorsBefore(Number.POSITIVE_INFINITY);
    encoder?.end(out, written > 0);
    if (sink && out.length > 0) await sink.write(out.take());
    await sink?.finish();
    finished = true;
  } finally {
    if (!finished) sink?.abort();
  }
  const span = shipped && schoolYears && schoolYears.length > 0 ? { from: shipped.spans.find((s) => s.schoolYear === schoolYears![0])!.firstSchoolDay, to: shipped.spans.find((s) => s.schoolYear === schoolYears!.at(-1))!.end } : { from: isoOf(calendar.firstDay), to: isoOf(calendar.lastDay) };
  return {
    ...(options.student === undefined ? {} : { picture }),
    ...tally.result(),
    partyNames: Object.fromEntries(ruleset.parties.map((p) => [p.id, p.name])),
    hasMentor: students.hasMentor,
    latenessCounted: lateness || !latenessUsed,
    calendar: { name: calendar.name, ...span, source: run.file, region: origin?.region, ...(shipped ? { shipped: true, schoolYears } : {}), ...(run.differs.length > 0 ? { differs: run.differs } : {}) },
    codes: codes.file,
    written,
    out: options.out,
    threads: workers,
  };
  } finally {
    await pool?.close();
  }
}

/** The size of the registrations file, for the number of worker threads; null for stdin or a path that is not a readable file (its error comes later). */
function fileBytes(path: string): number | null {
  if (path === '-') return null;
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

function outsideCalendar(calendar: SchoolCalendar, date: string, where: 'peildatum' | 'registration', file: string, line: number): ProblemError {
  return new ProblemError({ kind: 'date-outside-calendar', date, calendar: calendar.name, from: isoOf(calendar.firstDay), to: isoOf(calendar.lastDay), where, file, line });
}
