// A student's periods → the same routing core as `route`: decide() on the situation at the
// peildatum, and for each period decide() on the situation the period makes at its einddatum, so
// that each period gives its own escalation with its deadline counted from period.to. No rule is
// repeated here: which escalation a period brings is what decide() adds for it over the same
// student without absence.
import type { z } from 'zod';
import type { absenceRecordSchema } from './absence-record-schema.js';
import { deriveFacts, type DerivedFacts } from '../routing/facts.js';
import { decide as decideOnce, type Decision } from '../routing/decide.js';
import { DecisionCache } from '../routing/decision-memo.js';
import type { CompiledRuleset } from '../routing/compile.js';
import type { Counting } from '../routing/counting.js';
import type { WorkingDays } from '../calendar/working-days.js';
import type { Situation } from '../routing/situation.js';
import type { AbsenceAt, AbsenceFields } from './periods.js';
import type { AbsencePeriod, PeriodKind } from './period.js';
import { stepTodos, type StepCounts, type StepFiring } from './steps.js';
import type { SchoolCalendar } from '../calendar/school-calendar.js';

export const NO_ABSENCE: AbsenceFields = { unexcusedHours4w: 0, unexcusedWeeks: 0, sickReports12w: 0, sickDaysInRow: 0, luxuryAbsence: false };

/** Fields of the Besluit verzuimmelding (annex) that the DUO verzuimloket asks; reason and measures are the school's to fill in. */
export interface Melding {
  soort: PeriodKind;
  begindatum: string;
  einddatum: string;
  verzuimuren: number;
  verzuimdagen: number;
  alleLessenGemist: boolean;
  reden: null;
  maatregelen: null;
  /** A herhaalmelding of continuous absence: its number (1…counting.repeatMax); absent otherwise. */
  herhaalmelding?: number;
}

export type PeriodOut = Pick<AbsencePeriod, 'kind' | 'from' | 'to' | 'hours' | 'days' | 'repeat'>;

export type AbsenceEscalation = Decision['escalations'][number] & {
  overdue: boolean;
  period?: { from: string; to: string; hours: number; days: number; repeat?: number };
  melding?: Melding;
};

/**
 * A to-do a period brings (MAZL: the jeugdarts), one per period like the escalations: two MAZL
 * periods are two referrals. `period` names the period; a to-do without it is the peildatum's own.
 */
export type AbsenceTodo = Decision['todos'][number] & {
  period?: PeriodOut;
  /** A step of a school's verzuimprotocol: once per school year (key `2026-2027`) or per episode (key: the day reached). */
  step?: { kind: 'school-year' | 'episode'; key: string };
};

export interface AbsenceRecord extends Omit<Decision, 'escalations' | 'todos' | 'withheld'> {
  escalations: AbsenceEscalation[];
  todos: AbsenceTodo[];
  withheld?: AbsenceTodo[];
  /** From the students file's mentor and klas columns, when it has them. */
  mentor?: string;
  klas?: string;
  /** The school's counts: a lateness count is null when the code table has no te-laat code (not counted, never a silent 0). */
  absence: AbsenceFields & StepCountsOut & { periods: PeriodOut[] };
}

/** An AbsenceRecord fits the contract's schema (docs/schema/batch-record.schema.json): a type error otherwise. */
export type AbsenceRecordFitsSchema = AbsenceRecord extends z.output<typeof absenceRecordSchema> ? true : never;
export const absenceRecordFitsSchema: AbsenceRecordFitsSchema = true;
export type StepCountsOut = Omit<StepCounts, 'lateArrivalsSchoolYear' | 'lateArrivals4w'> & { lateArrivalsSchoolYear: number | null; lateArrivals4w: number | null };

/**
 * The steps of a school's verzuimprotocol found from the registrations (core/absence/steps.ts): the
 * counts at the peildatum, the to-dos of every firing, and the ids of every step rule (whose to-dos
 * at the peildatum alone the firings replace: they know the day each step was reached).
 */
export interface StepsIn {
  counts: StepCountsOut;
  firings: StepFiring[];
  calendar: SchoolCalendar;
  ruleIds: ReadonlySet<string>;
  /** Rules that escalate on a school's own count (the region's lateness report). */
  schoolCountRules: ReadonlySet<string>;
  refs: ReadonlyMap<string, Decision['rules'][number]>;
}

const NO_COUNTS: StepCountsOut = { lateArrivalsSchoolYear: 0, lateArrivals4w: 0, unexcusedHoursSchoolYear: 0, removalsSchoolYear: 0, sickReportsSchoolYear: 0 };

/** The situation a period makes on its einddatum: on `s` (the student that day, without absence) only that period's absence is set. */
function setPeriodAbsence(s: Situation, p: AbsencePeriod, counting: Counting): void {
  switch (p.kind) {
    case '16-uur':
      s.unexcusedHours4w = p.hours;
      return;
    case 'langdurig':
    case 'rmc-4-weken':
      s.unexcusedWeeks = p.weeks ?? 0;
      return;
    case 'luxe':
      s.luxuryAbsence = true;
      return;
    case 'mazl-4-meldingen':
      s.sickReports12w = counting.sickReports;
      return;
    case 'mazl-7-dagen':
      s.sickDaysInRow = p.days;
      return;
  }
}

/** Which of the two in-a-row kinds applies on its einddatum: RMC for the RMC-doelgroep, langdurig otherwise. */
export function keepPeriod(base: Situation, p: AbsencePeriod): boolean {
  if (p.kind !== 'langdurig' && p.kind !== 'rmc-4-weken') return true;
  const rmc = deriveFacts({ ...base, referenceDate: p.to }).rmc;
  return p.kind === 'rmc-4-weken' ? rmc : !rmc;
}

/** `{ repeat }` for a herhaalmelding, nothing otherwise (the JSON of other periods keeps its shape). */
function repeatOf(p: { repeat?: number | undefined }): { repeat?: number } {
  return p.repeat === undefined ? {} : { repeat: p.repeat };
}

/** Every key of a to-do, as periodTodo copies them: a type error here when a Todo gets another. */
type TodoKeys = 'party' | 'type' | 'reason' | 'rules' | 'deadline' | 'overdue' | 'reachedOn' | 'parents';
export const todoKeysCopied: Exclude<keyof Decision['todos'][number], TodoKeys> extends never ? true : never = true;

/**
 * `{ ...t, period }` written out (the spread of a decision's to-do, whose shapes vary, was the
 * costliest line of routeAbsence). A to-do's rules are never changed: shared with the decision, as
 * the peildatum's own to-dos are.
 */
function periodTodo(t: Decision['todos'][number], period: PeriodOut): AbsenceTodo {
  const { party, type, reason, rules, deadline, overdue, reachedOn, parents } = t;
  return parents === undefined ? { party, type, reason, rules, deadline, overdue, reachedOn, period } : { party, type, reason, rules, deadline, overdue, reachedOn, parents, period };
}

/** Whether every id is in `set` (true for none). */
function allIn(ids: readonly string[], set: ReadonlySet<string>): boolean {
  for (let i = 0; i < ids.length; i++) if (!set.has(ids[i]!)) return false;
  return true;
}

function isOverdue(referenceDate: string, deadline: string | null): boolean {
  return deadline !== null && referenceDate > deadline;
}

/** The parties informed, the rules cited and the notes of a record: shared by the records of the same shape (read only). */
interface RecordShape {
  inform: Decision['inform'];
  rules: Decision['rules'];
  notes: string[];
}

/** Record shapes remembered (a board's export has a few hundred; the bound keeps a strange one in constant memory). */
const MAX_SHAPES = 20_000;

/**
 * The decisions and record shapes shared between the students of one run (`batch --registrations`).
 * What is shared is frozen: a record's `inform`, `rules` and `notes` then belong to every record of
 * its shape, and the encoders write the text of a frozen part once (io/registration-records.ts).
 */
export class AbsenceCache {
  readonly decisions: DecisionCache;
  private readonly shapes = new Map<string, RecordShape>();

  constructor(ruleset: CompiledRuleset, workingDays: WorkingDays) {
    this.decisions = new DecisionCache(ruleset, workingDays);
  }

  shape(key: string, make: () => RecordShape): RecordShape {
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      const { inform, rules, notes } = make();
      for (const i of inform) Object.freeze(i.rules);
      shape = { inform: Object.freeze(inform.map((i) => Object.freeze(i))) as Decision['inform'], rules: Object.freeze(rules) as Decision['rules'], notes: Object.freeze(notes) as string[] };
      if (this.shapes.size >= MAX_SHAPES) this.shapes.clear();
      this.shapes.set(key, shape);
    }
    return shape;
  }
}

interface ShapeIn {
  atPeil: Decision;
  /** The decision of each period kept. */
  periodDecisions: readonly Decision[];
  made: { todos: readonly AbsenceTodo[]; withheld: readonly AbsenceTodo[] } | undefined;
  /** The record's to-dos and withheld to-dos (a step rule is cited only when one of them is its own). */
  todos: readonly AbsenceTodo[];
  withheld: readonly AbsenceTodo[];
  steps: StepsIn | undefined;
}

/**
 * The parties informed, the rules cited and the notes of a record (RecordShape): the peildatum's,
 * with what each period's decision and each step's to-do adds.
 */
function recordShape({ atPeil, periodDecisions, made, todos, withheld, steps }: ShapeIn): RecordShape {
  const inform = atPeil.inform.map((i) => ({ ...i, rules: [...i.rules] }));
  const rules = [...atPeil.rules];
  const notes = [...atPeil.notes];
  for (const d of periodDecisions) {
    for (const i of d.inform) {
      const have = inform.find((x) => x.party === i.party);
      if (!have) inform.push({ ...i, rules: [...i.rules] });
      else for (const r of i.rules) if (!have.rules.includes(r)) have.rules.push(r);
    }
    for (const r of d.rules) if (!rules.some((x) => x.id === r.id)) rules.push(r);
    for (const n of d.notes) if (!notes.includes(n)) notes.push(n);
  }
  if (steps && made) {
    for (const t of [...made.todos, ...made.withheld]) {
      const ref = steps.refs.get(t.rules[0]!);
      if (ref && !rules.some((x) => x.id === ref.id)) rules.push(ref);
      if (t.party === 'ouders' && atPeil.parents.involve !== 'yes') continue;
      const have = inform.find((x) => x.party === t.party);
      if (!have) inform.push({ party: t.party, reason: t.reason, rules: [...t.rules] });
      else for (const r of t.rules) if (!have.rules.includes(r)) have.rules.push(r);
    }
    // A step rule that holds at the peildatum but fired in no counted day (the situation's facts alone) keeps its informs out.
    for (let n = inform.length - 1; n >= 0; n--) {
      const i = inform[n]!;
      i.rules = i.rules.filter((r) => !steps.ruleIds.has(r) || todos.some((t) => t.rules.includes(r)) || withheld.some((t) => t.rules.includes(r)));
      if (i.rules.length === 0) inform.splice(n, 1);
    }
    for (let n = rules.length - 1; n >= 0; n--) {
      const id = rules[n]!.id;
      if (steps.ruleIds.has(id) && !todos.some((t) => t.rules.includes(id)) && !withheld.some((t) => t.rules.includes(id))) rules.splice(n, 1);
    }
  }
  // `inform` is in the peildatum's order, then in the order the others came (as it was made).
  return { inform, rules, notes };
}

/**
 * What a record's shape is a function of: the rules that fired at the peildatum, in each period and
 * without its absence (DecisionCache.firedOf: not the days, which only move deadlines), and the rule
 * and party of each step to-do, made and withheld. Two students with the same key have the same
 * RecordShape.
 */
function shapeKey(cache: DecisionCache, atPeil: Decision, periodDecisions: readonly Decision[], periodWithout: readonly Decision[], made: ShapeIn['made']): string {
  let key = `${cache.firedOf(atPeil)}`;
  for (let k = 0; k < periodDecisions.length; k++) key += `|${cache.firedOf(periodDecisions[k]!)}/${cache.firedOf(periodWithout[k]!)}`;
  if (made) {
    key += '#';
    for (const t of made.todos) key += `${t.rules[0]}>${t.party},`;
    key += '#';
    for (const t of made.withheld) key += `${t.rules[0]}>${t.party},`;
  }
  return key;
}

/**
 * `base`: the student's situation from the students file, without absence. `since`: keep only
 * periods whose einddatum is on or after it.
 */
export function routeAbsence(
  base: Situation,
  absence: AbsenceAt,
  ruleset: CompiledRuleset,
  workingDays: WorkingDays,
  since?: string,
  steps?: StepsIn,
  cache?: AbsenceCache,
): AbsenceRecord {
  // The decisions of a cache are shared between students: only their shared parts are read
  // (escalations, inform, todos, rules, notes), nothing below changes one in place. The derived
  // facts do not depend on absence: one per day, for the situations with and without it.
  const decideShared = cache ? (s: Situation, facts: DerivedFacts) => cache.decisions.shared(s, facts) : (s: Situation, facts: DerivedFacts) => decideOnce(s, ruleset, workingDays, facts);
  const periods = absence.periods.filter((p) => keepPeriod(base, p) && (since === undefined || p.to >= since));
  const counts = steps ? { ...steps.counts, lateArrivalsSchoolYear: steps.counts.lateArrivalsSchoolYear ?? 0, lateArrivals4w: steps.counts.lateArrivals4w ?? 0 } : {};
  const peilFacts = deriveFacts(base);
  const atPeil = decideShared({ ...base, ...absence.fields, ...counts }, peilFacts);
  // The student without absence: one situation, moved to each period's einddatum below (decide()
  // keeps nothing of a situation), not a copy of the student per period.
  const plain: Situation = { ...base, ...NO_ABSENCE };
  const withoutAbsence = decideShared(plain, peilFacts);
  const escalations: AbsenceEscalation[] = withoutAbsence.escalations.map((e) => ({ ...e, overdue: isOverdue(base.referenceDate, e.deadline) }));
  // A report on a school's own count (the region's lateness report, overig-verzuim) makes no period:
  // it is the peildatum's own.
  if (steps) {
    for (const e of atPeil.escalations) {
      if (withoutAbsence.escalations.some((x) => x.to === e.to && x.type === e.type) || !e.rules.some((r) => steps.schoolCountRules.has(r))) continue;
      escalations.push({ ...e, overdue: isOverdue(base.referenceDate, e.deadline) });
    }
  }
  const periodDecisions: Decision[] = [];
  const periodWithout: Decision[] = [];
  const periodTodos: AbsenceTodo[] = [];
  for (const p of periods) {
    plain.referenceDate = p.to;
    const facts = deriveFacts(plain);
    const without = decideShared(plain, facts);
    setPeriodAbsence(plain, p, ruleset.counting);
    const d = decideShared(plain, facts);
    Object.assign(plain, NO_ABSENCE);
    periodDecisions.push(d);
    periodWithout.push(without);
    for (const e of d.escalations) {
      if (without.escalations.some((x) => x.to === e.to && x.type === e.type)) continue;
      escalations.push({
        ...e,
        overdue: isOverdue(base.referenceDate, e.deadline),
        period: { from: p.from, to: p.to, hours: p.hours, days: p.days, ...repeatOf(p) },
        melding: {
          soort: p.kind,
          begindatum: p.from,
          einddatum: p.to,
          verzuimuren: p.hours,
          verzuimdagen: p.days,
          alleLessenGemist: p.allLessonsMissed,
          reden: null,
          maatregelen: null,
          ...(p.repeat === undefined ? {} : { herhaalmelding: p.repeat }),
        },
      });
    }
    const ref: PeriodOut = { kind: p.kind, from: p.from, to: p.to, hours: p.hours, days: p.days };
    for (const t of d.todos) if (!without.todos.some((x) => x.party === t.party && x.type === t.type)) periodTodos.push(periodTodo(t, ref));
  }
  // The peildatum's own to-dos, but not one a period stands for (the period says more: which one).
  const fromPeriod = (t: { party: string; type: string }): boolean => periodTodos.some((x) => x.party === t.party && x.type === t.type);
  const isStep = (t: { rules: string[] }): boolean => steps !== undefined && allIn(t.rules, steps.ruleIds);
  const todos: AbsenceTodo[] = [...atPeil.todos.filter((t) => !fromPeriod(t) && !isStep(t)), ...periodTodos.filter((t) => !isStep(t))];
  let withheld: AbsenceTodo[] = (atPeil.withheld ?? []).filter((t) => !isStep(t));
  let made: ReturnType<typeof stepTodos> | undefined;
  if (steps) {
    made = stepTodos(steps.firings, steps.calendar, base.referenceDate, atPeil.parents, workingDays, since);
    todos.push(...made.todos);
    withheld = [...withheld, ...made.withheld];
  }
  const shapeIn: ShapeIn = { atPeil, periodDecisions, made, todos, withheld, steps };
  const { inform, rules, notes } = cache ? cache.shape(shapeKey(cache.decisions, atPeil, periodDecisions, periodWithout, made), () => recordShape(shapeIn)) : recordShape(shapeIn);
  const parties = ruleset.partyIndex;
  if (todos.length > 1) todos.sort((a, b) => parties.get(a.party)! - parties.get(b.party)!); // stable: periods in order within a party
  if (escalations.length > 1) escalations.sort((a, b) => (a.deadline === b.deadline ? 0 : a.deadline === null ? 1 : b.deadline === null ? -1 : a.deadline < b.deadline ? -1 : 1));
  // Written out, not spread: the same keys in the same order as `{ ...decision, … }` (the JSON
  // contract's order), made cheaply for every student of an export.
  const f = absence.fields;
  const c = steps?.counts ?? NO_COUNTS;
  const record: AbsenceRecord = {
    studentRef: base.studentRef,
    referenceDate: base.referenceDate,
    facts: { age: peilFacts.age, leerplicht: peilFacts.leerplicht, leerplichtig: peilFacts.leerplichtig, rmc: peilFacts.rmc, thuiszitter: peilFacts.thuiszitter },
    parents: atPeil.parents,
    inform,
    escalations,
    todos,
    notes,
    rules,
    ruleset: atPeil.ruleset,
    absence: {
      unexcusedHours4w: f.unexcusedHours4w,
      unexcusedWeeks: f.unexcusedWeeks,
      sickReports12w: f.sickReports12w,
      sickDaysInRow: f.sickDaysInRow,
      luxuryAbsence: f.luxuryAbsence,
      lateArrivalsSchoolYear: c.lateArrivalsSchoolYear,
      lateArrivals4w: c.lateArrivals4w,
      unexcusedHoursSchoolYear: c.unexcusedHoursSchoolYear,
      removalsSchoolYear: c.removalsSchoolYear,
      sickReportsSchoolYear: c.sickReportsSchoolYear,
      periods: periods.map(({ kind, from, to, hours, days, repeat }) => (repeat === undefined ? { kind, from, to, hours, days } : { kind, from, to, hours, days, repeat })),
    },
  };
  if (withheld.length === 0) return record;
  // A withheld step comes after the rule set, before the counts.
  const { absence: counted, ...head } = record;
  return { ...head, withheld, absence: counted };
}
