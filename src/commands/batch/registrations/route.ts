// Routing the students of `batch --registrations` once their registrations are in the book: per
// student the periods (core/absence/periods.ts), the school's steps (core/absence/steps.ts) and the
// decision with its record (core/absence/route-absence.ts), a chunk of students at a time — on the
// main thread (one thread) or in the worker threads (registrations/parallel.ts), which return each
// chunk's encoded records, counts and, for the case log, the records that need it. The main thread
// writes the chunks in student order with the students file's error rows between them, so the
// output is the same however many threads routed it.
import { absenceAt, type AbsenceFields } from '../../../core/absence/periods.js';
import { AbsenceCache, routeAbsence, type AbsenceRecord, type StepsIn } from '../../../core/absence/route-absence.js';
import { countSteps, schoolCountEscalations, stepsOf, type Step } from '../../../core/absence/steps.js';
import { lessonsPerDayFor, type AbsenceBook } from '../../../core/absence/student-absence.js';
import type { SchoolCalendar } from '../../../core/calendar/school-calendar.js';
import type { WorkingDays } from '../../../core/calendar/working-days.js';
import type { CompiledRuleset } from '../../../core/routing/compile.js';
import { deriveFacts } from '../../../core/routing/facts.js';
import type { Situation } from '../../../core/routing/situation.js';
import { ByteBuilder } from '../../../io/batch-output.js';
import type { AbsenceRecordEncoder } from '../../../io/registration-records.js';
import { AbsenceTally, type TallyParts } from './tally.js';

/** A student of the students file, as routed: plain data (it crosses to the worker threads). */
export interface RoutedStudent {
  line: number;
  situation: Situation;
  labels?: { mentor?: string; klas?: string } | undefined;
}

export interface RouterInputs {
  book: AbsenceBook;
  calendar: SchoolCalendar;
  ruleset: CompiledRuleset;
  workingDays: WorkingDays;
  students: readonly RoutedStudent[];
  /** Per student: the last school day (index) on or before the peildatum, and the peildatum (day number). */
  peilIndex: Int32Array;
  peilDay: Int32Array;
  since: string | undefined;
  /** False when the code table has no te-laat code (lateness then counts as null, never a silent 0). */
  lateness: boolean;
}

export class StudentRouter {
  private readonly steps: Step[];
  private readonly stepRuleIds: ReadonlySet<string>;
  private readonly stepRefs: StepsIn['refs'];
  private readonly schoolCountRules: ReadonlySet<string>;
  private readonly cache: AbsenceCache;
  /** The bytes of the last chunk's records: the next chunk's buffer starts that big (no growing by copies). */
  chunkBytes = 64 * 1024;

  constructor(readonly inputs: RouterInputs) {
    const { ruleset, workingDays } = inputs;
    this.steps = stepsOf(ruleset);
    this.stepRuleIds = new Set(this.steps.map((st) => st.rule.id));
    this.stepRefs = new Map(this.steps.map((st) => [st.rule.id, st.rule.ref]));
    this.schoolCountRules = schoolCountEscalations(ruleset);
    this.cache = new AbsenceCache(ruleset, workingDays);
  }

  /** Student `i`'s record, and the absence fields of its situation (for the case log). */
  route(i: number): { record: AbsenceRecord; fields: AbsenceFields } {
    const { book, calendar, ruleset, workingDays, students, peilIndex, peilDay, since, lateness } = this.inputs;
    const { situation, labels } = students[i]!;
    const perDay = lessonsPerDayFor(calendar, situation.educationType);
    const days = book.student(i);
    const absence = absenceAt(days, calendar, peilIndex[i]!, perDay, ruleset.counting);
    // Always counted: the record shows the school's counts whether or not a rule uses them.
    const counted = countSteps(days, calendar, peilIndex[i]!, peilDay[i]!, perDay, ruleset.counting, situation, deriveFacts(situation), this.steps, lateness, absence.hours);
    const counts = lateness ? counted.counts : { ...counted.counts, lateArrivalsSchoolYear: null, lateArrivals4w: null };
    const stepsIn: StepsIn = { counts, firings: counted.firings, calendar, ruleIds: this.stepRuleIds, schoolCountRules: this.schoolCountRules, refs: this.stepRefs };
    const routed = routeAbsence(situation, absence, ruleset, workingDays, since, stepsIn, this.cache);
    if (labels) Object.assign(routed, labels); // a record of its own: the labels go last, as a spread would put them
    return { record: routed, fields: absence.fields };
  }
}

/** What a chunk of students came to: plain data and one buffer (transferred from a worker thread). */
export interface RoutedChunk {
  /** The encoded records, [0, length) of `buffer` (none without an encoder). */
  buffer: ArrayBuffer | undefined;
  length: number;
  /** Per student of the chunk: where its record ends in the buffer (the same as the one before when it has none). */
  ends: Int32Array;
  written: number;
  tally: TallyParts;
  /** The records with an escalation or a to-do, with their situation (only when the case log is kept). */
  logged: { record: AbsenceRecord; situation: Situation }[];
}

export interface ChunkOptions {
  encoder: AbsenceRecordEncoder | undefined;
  listLimit: number;
  onlyAction: boolean;
  /** Keep the records the case log needs. */
  log: boolean;
}

/** Routes students [from, to) and encodes their records (each JSON record with its `,\n` before it). */
export function routeChunk(router: StudentRouter, from: number, to: number, o: ChunkOptions): RoutedChunk {
  const out = new ByteBuilder(router.chunkBytes);
  const tally = new AbsenceTally(o.listLimit);
  const ends = new Int32Array(to - from);
  const logged: RoutedChunk['logged'] = [];
  let written = 0;
  for (let i = from; i < to; i++) {
    const { line, situation, labels } = router.inputs.students[i]!;
    const { record, fields } = router.route(i);
    const needsAction = tally.student(line, record, labels);
    if (o.encoder && (!o.onlyAction || needsAction)) {
      o.encoder.record(out, line, record);
      written += 1;
    }
    ends[i - from] = out.length;
    if (o.log && (record.escalations.length > 0 || record.todos.length > 0)) logged.push({ record, situation: { ...situation, ...fields } });
  }
  router.chunkBytes = Math.max(64 * 1024, Math.ceil(out.length * 1.25));
  const bytes = o.encoder ? out.handOver(new ArrayBuffer(0)) : undefined; // the builder ends here: no new buffer for it
  return { buffer: bytes?.buffer, length: bytes?.length ?? 0, ends, written, tally: tally.parts(), logged };
}
