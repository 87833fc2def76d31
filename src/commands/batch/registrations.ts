// `zorgroute batch STUDENTS.csv --registrations REG.csv`: absence registrations counted over the
// school calendar into periods, routed per student through the same core as every other decision.
//
// Memory grows with students, not registrations: the students file and the code table are read
// whole (small), then the registrations stream by, in any order, each one folded into its
// student's day-by-day aggregate (core/absence/student-absence.ts) and dropped. Nothing is written
// before the last registration is read, so an unknown code or a date outside the calendar stops the
// run (exit 2) before any output.
import type { Readable, Writable } from 'node:stream';
import { foldHeader } from '../../core/rows/columns.js';
import { isBlankRow } from '../../core/rows/row-situation.js';
import { absenceAt } from '../../core/absence/periods.js';
import { absencePicture, type AbsencePicture } from '../../core/absence/absence-picture.js';
import { ProblemError, type RegistrationRowProblem } from '../../core/absence/problems.js';
import { planRegistrationColumns, RegistrationReader, REGISTRATION_FIELDS, type RegistrationField } from '../../core/absence/registration.js';
import { routeAbsence, type AbsenceRecord } from '../../core/absence/route-absence.js';
import { AbsenceBook, lessonsPerDayFor } from '../../core/absence/student-absence.js';
import { StudentIndex } from '../../core/absence/student-index.js';
import type { Region } from '../../core/calendar/open-data.js';
import { dayOf, isoOf, type Holiday, type SchoolCalendar } from '../../core/calendar/school-calendar.js';
import { dutchWorkingDays } from '../../io/public-holidays.js';
import { normalizeDate } from '../../core/dates.js';
import { compileRuleset } from '../../core/routing/compile.js';
import type { Situation } from '../../core/routing/situation.js';
import { ByteBuilder, fileSink, stdoutSink } from '../../io/batch-output.js';
import { openCsvInput } from '../../io/csv/input.js';
import { CsvReader } from '../../io/csv/reader.js';
import { readCalendar } from '../../io/read-calendar.js';
import { readRulesetSource } from '../../io/read-ruleset.js';
import { absenceRecordEncoder } from '../../io/registration-records.js';
import { readJsonFile } from '../../io/read-json-file.js';
import { readCodes, readStudents } from './registrations-inputs.js';
import { fallbackDateOf } from './setup.js';
import { AbsenceTally, type AbsenceTallyResult } from './registrations-tally.js';
import type { BatchOptions } from './types.js';
import type { DescribeProblem } from '../../io/record-encoders.js';

/** The students file's options are batch's own (types.ts); the registrations add their inputs. */
export interface RegistrationsOptions
  extends Pick<BatchOptions, 'rules' | 'lang' | 'today' | 'referenceDate' | 'map' | 'encoding' | 'delimiter' | 'format' | 'out' | 'onlyAction' | 'listLimit'> {
  students: string;
  registrations: string;
  codes?: string | undefined;
  calendar?: string | undefined;
  region?: Region | undefined;
  since?: string | undefined;
  regMap?: string | undefined;
  /** `--student`: draw this student's school year (result.picture). */
  student?: string | undefined;
}

export type RegistrationsWarning =
  | { kind: 'registration-row'; row: RegistrationRowProblem }
  | { kind: 'registrations-after-peildatum'; count: number }
  | { kind: 'unknown-columns'; file: string; columns: string[] }
  | { kind: 'duplicate'; studentRef: string; line: number; firstLine: number }
  | { kind: 'calendar-advice'; file: string; region: Region; advice: Holiday[] };

export interface RegistrationsHooks {
  stdin: Readable;
  stdout: Writable;
  onWarning?(warning: RegistrationsWarning): void;
  /** Each student's record that has an escalation or a to-do from a period, in file order (for the case log). */
  onRecord?(record: AbsenceRecord, situation: Situation): void | Promise<void>;
  /** A row problem in the user's language, written into the records (the CLI passes the ui catalogue's). */
  describeRowProblem: DescribeProblem;
}

export interface RegistrationsResult extends AbsenceTallyResult {
  /** `source`: the file; `region`: set when it is the Rijksoverheid open data. */
  calendar: { name: string; from: string; to: string; source: string; region?: Region | undefined };
  codes: string;
  written: number;
  out: string | undefined;
  /** The `--student`'s picture; null when no student in the file has that number. */
  picture?: AbsencePicture | null;
}

/** Registration rows named one by one on stderr; the rest are counted. */
const ROWS_NAMED = 20;
const CHUNK_RECORDS = 500;

function regMapOf(path: string | undefined): Map<string, RegistrationField | null> {
  const map = new Map<string, RegistrationField | null>();
  if (!path) return map;
  const json = readJsonFile(path, '--reg-map');
  for (const [header, target] of Object.entries(json as Record<string, unknown>)) {
    if (target !== null && !(REGISTRATION_FIELDS as readonly unknown[]).includes(target)) {
      throw new ProblemError({ kind: 'reg-map-invalid', file: path, header });
    }
    map.set(foldHeader(header), target as RegistrationField | null);
  }
  return map;
}

export async function runRegistrations(options: RegistrationsOptions, hooks: RegistrationsHooks): Promise<RegistrationsResult> {
  if (options.students === '-' && options.registrations === '-') throw new ProblemError({ kind: 'registrations-stdin-twice' });
  if (options.calendar === undefined) throw new ProblemError({ kind: 'calendar-missing' });
  let since: string | undefined;
  if (options.since !== undefined) {
    since = normalizeDate(options.since);
    if (since === undefined) throw new ProblemError({ kind: 'since-invalid' });
  }
  const rules = readRulesetSource(options.rules);
  const ruleset = compileRuleset(rules.ruleset, rules.sha256, options.lang);
  const workingDays = dutchWorkingDays();
  // Public holidays are no school days either (a week with Koningsdag is a lesweek of four days).
  const { calendar, origin } = readCalendar(options.calendar, options.region, { isPublicHoliday: (d) => !workingDays.isWorkingDayNumber(d) });
  // The Rijksoverheid dates are an advice (except the zomervakantie): say so before anything is counted.
  if (origin) hooks.onWarning?.({ kind: 'calendar-advice', file: options.calendar, region: origin.region, advice: origin.advice });
  const codes = await readCodes(options.codes, hooks.stdin);
  const regMap = regMapOf(options.regMap);
  const fallbackDate = fallbackDateOf(options);
  const students = await readStudents(options.students, hooks.stdin, { map: options.map, fallbackDate, encoding: options.encoding, delimiter: options.delimiter });
  if (students.plan.unknown.length > 0) hooks.onWarning?.({ kind: 'unknown-columns', file: students.label, columns: students.plan.unknown });
  for (const d of students.duplicates) hooks.onWarning?.({ kind: 'duplicate', ...d });

  const peilIndex = new Int32Array(students.students.length);
  const peilDay = new Int32Array(students.students.length);
  students.students.forEach(({ line, situation }, i) => {
    const day = dayOf(situation.referenceDate);
    if (!calendar.covers(day)) throw outside(calendar, situation.referenceDate, 'peildatum', students.label, line);
    peilDay[i] = day;
    peilIndex[i] = calendar.indexAtOrBefore(day);
  });

  const tally = new AbsenceTally(options.listLimit);
  const book = new AbsenceBook(students.students.length, calendar.size);
  let picture: AbsencePicture | null = null;
  const index = new StudentIndex(students.students.length);
  for (const { situation } of students.students) index.add(situation.studentRef);
  index.seal();
  const input = await openCsvInput(options.registrations, hooks.stdin);
  const reader = new CsvReader(input.source, { label: input.label, encoding: options.encoding, delimiter: options.delimiter });
  const unknownCodes = new Map<string, number>();
  let outsideFirst: { date: string; line: number } | undefined;
  let afterPeil = 0;
  let plan;
  let regReader: RegistrationReader | undefined;
  const bad = (line: number, column: string, problem: RegistrationRowProblem['problem']): void => {
    tally.badRegistration();
    if (tally.counts.registrationsInvalid <= ROWS_NAMED) hooks.onWarning?.({ kind: 'registration-row', row: { file: input.label, line, column, problem } });
  };
  for await (const event of reader.events()) {
    if (event.kind === 'header') {
      const planned = planRegistrationColumns(event.cells, regMap);
      if (!planned.ok) throw new ProblemError({ kind: 'registrations-header', file: input.label, problems: planned.problems, headers: planned.headers });
      plan = planned.plan;
      regReader = new RegistrationReader(plan);
      if (plan.unknown.length > 0) hooks.onWarning?.({ kind: 'unknown-columns', file: input.label, columns: plan.unknown });
      continue;
    }
    for (const { line, cells } of event.rows) {
      if (isBlankRow(cells)) continue;
      tally.registration();
      const row = regReader!.read(cells);
      if (!row.ok) {
        bad(line, row.column, row.problem);
        continue;
      }
      const r = row.registration;
      const who = index.get(r.studentRef);
      if (who < 0) {
        bad(line, plan!.headers[plan!.index.leerlingnummer]!, 'unknown-student');
        continue;
      }
      const code = codes.table.codes.get(r.code);
      if (!code) {
        unknownCodes.set(r.code, (unknownCodes.get(r.code) ?? 0) + 1);
        continue;
      }
      if (r.day > peilDay[who]!) {
        afterPeil += 1;
        continue;
      }
      const last = Math.min(r.endDay, peilDay[who]!);
      if (!calendar.covers(r.day) || !calendar.covers(last)) {
        outsideFirst ??= { date: isoOf(calendar.covers(r.day) ? last : r.day), line };
        continue;
      }
      if (!calendar.isSchoolDay(r.day)) {
        bad(line, plan!.headers[plan!.index.datum]!, 'not-school-day');
        continue;
      }
      const excused = r.excused ?? code.excused;
      for (let d = r.day; d <= last; d++) {
        const i = calendar.indexOf(d);
        if (i >= 0) book.add(who, i, code, excused, r);
      }
      tally.registrationCounted();
    }
  }
  if (!plan) throw new ProblemError({ kind: 'registrations-empty', file: input.label });
  if (unknownCodes.size > 0) {
    const list = [...unknownCodes].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
    throw new ProblemError({ kind: 'unknown-codes', file: input.label, codes: list, table: codes.file });
  }
  if (outsideFirst) throw outside(calendar, outsideFirst.date, 'registration', input.label, outsideFirst.line);
  if (afterPeil > 0) hooks.onWarning?.({ kind: 'registrations-after-peildatum', count: afterPeil });

  const encoder = options.format ? absenceRecordEncoder(options.format, students.delimiter, hooks.describeRowProblem) : undefined;
  const sink = encoder ? (options.out ? fileSink(options.out) : stdoutSink(hooks.stdout)) : undefined;
  const out = new ByteBuilder();
  let written = 0;
  let finished = false;
  try {
    encoder?.begin(out);
    const errors = students.errors;
    let e = 0;
    let inChunk = 0;
    const flush = async (): Promise<void> => {
      inChunk = 0;
      if (sink && out.length > 0) await sink.write(out.take());
    };
    const writeErrorsBefore = (line: number): void => {
      for (; e < errors.length && errors[e]!.line < line; e++) {
        const x = errors[e]!;
        tally.invalidStudent(x.line, x.studentRef, x.error);
        if (encoder) {
          encoder.error(out, x.line, x.studentRef, x.error);
          written += 1;
        }
      }
    };
    for (let i = 0; i < students.students.length; i++) {
      const { line, situation } = students.students[i]!;
      writeErrorsBefore(line);
      const perDay = lessonsPerDayFor(calendar, situation.educationType);
      const absence = absenceAt(book.student(i), calendar, peilIndex[i]!, perDay, ruleset.counting);
      const record = routeAbsence(situation, absence, ruleset, workingDays, since);
      if (options.student !== undefined && situation.studentRef === options.student) {
        const publicHolidays = { isPublicHoliday: (d: number) => !workingDays.isWorkingDayNumber(d) };
        picture = absencePicture(situation.studentRef, book.student(i), calendar, publicHolidays, perDay, record.absence.periods, situation.referenceDate);
      }
      const needsAction = tally.student(line, record);
      if (encoder && (!options.onlyAction || needsAction)) {
        encoder.record(out, line, record);
        written += 1;
      }
      if (record.escalations.length > 0 || record.todos.length > 0) await hooks.onRecord?.(record, { ...situation, ...absence.fields });
      if (++inChunk >= CHUNK_RECORDS) await flush();
    }
    writeErrorsBefore(Number.POSITIVE_INFINITY);
    encoder?.end(out, written > 0);
    await flush();
    await sink?.finish();
    finished = true;
  } finally {
    if (!finished) sink?.abort();
  }
  return { ...(options.student === undefined ? {} : { picture }), ...tally.result(), calendar: { name: calendar.name, from: isoOf(calendar.firstDay), to: isoOf(calendar.lastDay), source: options.calendar, region: origin?.region }, codes: codes.file, written, out: options.out };
}

function outside(calendar: SchoolCalendar, date: string, where: 'peildatum' | 'registration', file: string, line: number): ProblemError {
  return new ProblemError({ kind: 'date-outside-calendar', date, calendar: calendar.name, from: isoOf(calendar.firstDay), to: isoOf(calendar.lastDay), where, file, line });
}
