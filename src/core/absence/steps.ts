// The steps of a school's verzuimprotocol, found from the registrations: per step, the school day
// its condition first held (`reachedOn`), and the to-dos it brings with their terms. Pure.
//
// Counted per school day, in calendar order (docs/handleiding/verzuimprotocol.md):
// - school-year counts (late arrivals, unexcused hours, removals, sick reports) from 1 August to
//   31 July: on 1 August they are 0 again;
// - counts over the last lesweken (late arrivals, unexcused hours) over the window of the legal
//   count (`counting.hoursWeeks` lesweken, holiday weeks skipped).
// A step's condition is judged on each school day on which a count changed, with the other facts as
// at the peildatum. It is reached on the first school day on which it holds. A step on a school-year
// count fires once per school year; a step on a window count once per episode: again only after its
// condition stopped holding and held again.
import { isoOf } from '../calendar/school-calendar.js';
import type { SchoolCalendar } from '../calendar/school-calendar.js';
import type { WorkingDays } from '../calendar/working-days.js';
import { formatYmd, fromDayNumber, parseIsoDate, toDayNumber } from '../dates.js';
import type { CompiledRule, CompiledRuleset } from '../routing/compile.js';
import { informsOnly, LATENESS_FACTS, factsOf, SCHOOL_ONLY_FACTS, stepKindOf } from '../routing/counted-facts.js';
import type { Decision, Todo } from '../routing/decide.js';
import type { DerivedFacts } from '../routing/facts.js';
import type { Situation } from '../routing/situation.js';
import type { Counting } from '../routing/counting.js';
import { EPS, roundHours } from './period.js';
import { SICK, type DayAbsence } from './student-absence.js';

export interface StepCounts {
  lateArrivalsSchoolYear: number;
  lateArrivals4w: number;
  unexcusedHoursSchoolYear: number;
  removalsSchoolYear: number;
  sickReportsSchoolYear: number;
}

export const NO_STEP_COUNTS: StepCounts = { lateArrivalsSchoolYear: 0, lateArrivals4w: 0, unexcusedHoursSchoolYear: 0, removalsSchoolYear: 0, sickReportsSchoolYear: 0 };

export interface Step {
  rule: CompiledRule;
  kind: 'school-year' | 'episode';
  usesLateness: boolean;
}

/** The rules that are steps: they only inform (the school's people, the pupil, the parents) and count. */
export function stepsOf(ruleset: CompiledRuleset): Step[] {
  const out: Step[] = [];
  for (const rule of ruleset.active) {
    const kind = stepKindOf(rule.when);
    if (kind === null || !informsOnly({ inform: rule.then.inform, escalate: rule.then.escalate })) continue;
    const facts = factsOf(rule.when);
    out.push({ rule, kind, usesLateness: LATENESS_FACTS.some((f) => facts.has(f)) });
  }
  return out;
}

/** The enabled rules that escalate on a school's own count: the region's lateness report. */
export function schoolCountEscalations(ruleset: CompiledRuleset): Set<string> {
  return new Set(ruleset.active.filter((r) => r.then.escalate.length > 0 && [...factsOf(r.when)].some((f) => SCHOOL_ONLY_FACTS.includes(f))).map((r) => r.id));
}

/** Whether any enabled rule (a step or the region's lateness report) counts lateness. */
export function usesLateness(ruleset: CompiledRuleset): boolean {
  return ruleset.active.some((r) => {
    const facts = factsOf(r.when);
    return LATENESS_FACTS.some((f) => facts.has(f));
  });
}

/** The year in which the school year of `day` began: 1 August – 31 July (Leerplichtwet). */
export function schoolYearOf(day: number): number {
  const d = fromDayNumber(day);
  return d.month >= 8 ? d.year : d.year - 1;
}

export function schoolYearLabel(year: number): string {
  return `${year}-${year + 1}`;
}

export interface StepFiring {
  step: Step;
  /** The school day (index) it was reached on. */
  index: number;
}

/** The hours per day and the state per step of countSteps, reused from student to student (an allocation each otherwise). */
let scratchHours = new Float64Array(0);
let scratchHolds = new Uint8Array(0);
let scratchFiredYear = new Int32Array(0);

/**
 * The counts at the peildatum and every firing up to it. `peilDay`: the peildatum (a day number);
 * `peilIndex`: the last school day on or before it. `lateness`: false when the code table has no
 * te-laat code (then no step on lateness fires: the caller says lateness was not counted).
 * `dayHours`: the unexcused hours of each school day up to the peildatum when the caller has them
 * (absenceAt's `hours`); counted here otherwise.
 */
export function countSteps(
  student: DayAbsence | undefined,
  calendar: SchoolCalendar,
  peilIndex: number,
  peilDay: number,
  perDay: number,
  counting: Counting,
  base: Situation,
  facts: DerivedFacts,
  steps: readonly Step[],
  lateness = true,
  dayHours?: Float64Array,
): { counts: StepCounts; firings: StepFiring[] } {
  const peilYear = schoolYearOf(peilDay);
  if (!student || student.empty || peilIndex < 0) {
    const firings: StepFiring[] = [];
    // Nothing counted: a step holds on no day, unless it holds at 0 (then from the first school day of the year).
    if (peilIndex >= 0 && steps.length > 0) {
      const s = { ...base, ...NO_STEP_COUNTS, unexcusedHours4w: 0 };
      let first = peilIndex;
      while (first > 0 && calendar.schoolYearAt(first - 1) === peilYear) first -= 1;
      if (calendar.schoolYearAt(first) === peilYear) for (const step of steps) if ((lateness || !step.usesLateness) && step.rule.test(s, facts)) firings.push({ step, index: first });
    }
    return { counts: { ...NO_STEP_COUNTS }, firings };
  }
  const weeks = counting.hoursWeeks;
  const s: Situation = { ...base, ...NO_STEP_COUNTS };
  if (scratchHolds.length < steps.length) {
    scratchHolds = new Uint8Array(steps.length);
    scratchFiredYear = new Int32Array(steps.length);
  }
  const holds = scratchHolds.fill(0, 0, steps.length);
  const firedYear = scratchFiredYear.fill(-1, 0, steps.length);
  const firings: StepFiring[] = [];
  let year = -1;
  let skipped = false;
  let lateY = 0;
  let hoursY = 0;
  let removalsY = 0;
  let sickY = 0;
  let lateW = 0;
  let hoursW = 0;
  let start = 0;
  if (!dayHours && scratchHours.length < peilIndex + 1) scratchHours = new Float64Array(peilIndex + 1);
  const hours = dayHours ?? scratchHours; // given, or every day up to i is written before it is read
  for (let i = 0; i <= peilIndex; i++) {
    const y = calendar.schoolYearAt(i);
    let changed = i === 0;
    if (y !== year) {
      // A school-year step that fired is not judged again that year (it cannot fire twice): what
      // it would have held on the last day judged is what the new year's first firing needs.
      if (skipped) {
        for (let k = 0; k < steps.length; k++) if (steps[k]!.kind === 'school-year' && firedYear[k] === year) holds[k] = (lateness || !steps[k]!.usesLateness) && steps[k]!.rule.test(s, facts) ? 1 : 0;
        skipped = false;
      }
      year = y;
      lateY = hoursY = removalsY = sickY = 0;
      changed = true;
    }
    const h = dayHours ? hours[i]! : (hours[i] = student.hoursAt(i, perDay));
    const late = student.lateAt(i);
    const removals = student.removalsAt(i);
    const sickStart = (student.flagsAt(i) & SICK) !== 0 && (i === 0 || (student.flagsAt(i - 1) & SICK) === 0 || calendar.schoolYearAt(i - 1) !== y);
    if (late > 0 || h > EPS || removals > 0 || sickStart) changed = true;
    lateY += late;
    hoursY += h;
    removalsY += removals;
    if (sickStart) sickY += 1;
    lateW += late;
    hoursW += h;
    while (!calendar.withinLesweken(start, i, weeks)) {
      if (student.lateAt(start) > 0 || hours[start]! > EPS) changed = true;
      lateW -= student.lateAt(start);
      hoursW -= hours[start]!;
      start += 1;
    }
    if (!changed || steps.length === 0) continue;
    s.lateArrivalsSchoolYear = lateY;
    s.lateArrivals4w = lateW;
    s.unexcusedHoursSchoolYear = roundHours(hoursY);
    s.removalsSchoolYear = removalsY;
    s.sickReportsSchoolYear = sickY;
    s.unexcusedHours4w = roundHours(Math.max(0, hoursW));
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k]!;
      if (step.kind === 'school-year' && firedYear[k] === year) {
        skipped = true;
        continue;
      }
      const now = (lateness || !step.usesLateness) && step.rule.test(s, facts);
      if (now && !holds[k] && (step.kind === 'episode' || firedYear[k] !== year)) {
        firedYear[k] = year;
        firings.push({ step, index: i });
      }
      holds[k] = now ? 1 : 0;
    }
  }
  const sameYear = calendar.schoolYearAt(peilIndex) === peilYear;
  const counts: StepCounts = sameYear
    ? { lateArrivalsSchoolYear: lateY, lateArrivals4w: lateW, unexcusedHoursSchoolYear: roundHours(hoursY), removalsSchoolYear: removalsY, sickReportsSchoolYear: sickY }
    : { ...NO_STEP_COUNTS, lateArrivals4w: lateW };
  return { counts, firings: firings.filter((f) => calendar.schoolYearAt(f.index) === peilYear) };
}

/** Where a step to-do came from: its rule's firing, once per school year or per episode (the log's key). */
export interface StepTodo extends Todo {
  step: { kind: 'school-year' | 'episode'; key: string };
}

/**
 * The to-dos of the firings, with their terms: `deadline.from: "reachedOn"` counts from the day the
 * step was reached, otherwise from the peildatum. A to-do for the parents obeys `parents` (the
 * decision at the peildatum): held back (`withheld`) when it says no.
 */
export function stepTodos(firings: readonly StepFiring[], calendar: SchoolCalendar, referenceDate: string, parents: Decision['parents'], workingDays: WorkingDays, since?: string): { todos: StepTodo[]; withheld: StepTodo[] } {
  const peil = toDayNumber(parseIsoDate(referenceDate)!);
  const todos: StepTodo[] = [];
  const withheld: StepTodo[] = [];
  for (const { step, index } of firings) {
    const day = calendar.dayAt(index);
    const reachedOn = isoOf(day);
    if (since !== undefined && reachedOn < since) continue;
    const key = step.kind === 'school-year' ? schoolYearLabel(schoolYearOf(day)) : reachedOn;
    for (const i of step.rule.then.inform) {
      if (i.todo === null) continue;
      const from = i.from === 'reachedOn' ? day : peil;
      const deadline = i.workingDays === null ? null : formatYmd(fromDayNumber(workingDays.addWorkingDaysToDayNumber(from, i.workingDays)));
      const todo: StepTodo = {
        party: i.party,
        type: i.todo,
        reason: i.reason,
        rules: [step.rule.id],
        deadline,
        overdue: deadline !== null && deadline < referenceDate,
        reachedOn,
        step: { kind: step.kind, key },
      };
      if (i.party === 'ouders') {
        todo.parents = { involve: parents.involve, reason: parents.reason, rules: [...parents.rules] };
        if (parents.involve === 'no') {
          withheld.push(todo);
          continue;
        }
      }
      todos.push(todo);
    }
  }
  return { todos, withheld };
}
