// The counts of a registrations run, for the summary: students, registrations (counted, in
// error), and per escalation target how many students, the earliest deadline, how many overdue
// and the first students (with their line), plus the meldingen ready to copy.
import type { FoldState } from './fold.js';
import type { PeriodKind } from '../../../core/absence/period.js';
import type { AbsenceEscalation, AbsenceRecord } from '../../../core/absence/route-absence.js';
import type { RowError } from '../../../core/rows/row-situation.js';
import type { EscalationTarget, Party } from '../../../core/routing/vocabulary.js';

export interface TargetCount {
  to: EscalationTarget;
  students: number;
  earliest: string | null;
  overdue: number;
  listed: { studentRef: string; line: number }[];
}

/** A to-do (a referral: the jeugdarts for MAZL) and the students who have it. */
export interface TodoCount {
  party: Party;
  type: string;
  students: number;
  listed: { studentRef: string; line: number }[];
}

/** One step of a school's verzuimprotocol for one student: the *Te doen* list. */
export interface StepItem {
  party: Party;
  type: string;
  studentRef: string;
  line: number;
  mentor?: string | undefined;
  klas?: string | undefined;
  deadline: string | null;
  overdue: boolean;
  reachedOn: string | null;
  /** A step to the parents that the parents rules hold back (the rule that did). */
  withheldBy?: string[];
}

export interface ListedMelding {
  studentRef: string;
  line: number;
  escalation: AbsenceEscalation;
}

export interface AbsenceTallyResult {
  students: number;
  invalid: number;
  registrations: number;
  registrationsCounted: number;
  registrationsInvalid: number;
  needsAction: number;
  escalated: number;
  overdue: number;
  targets: TargetCount[];
  todos: TodoCount[];
  periods: Partial<Record<PeriodKind, number>>;
  errors: { line: number; studentRef: string | undefined; error: RowError }[];
  meldingen: ListedMelding[];
  meldingenTotal: number;
  /** The steps with a term (a school's protocol), late ones first; at most `listLimit × 20`. */
  steps: StepItem[];
  stepsTotal: number;
}

/** A tally as plain data, to merge into another (a chunk of students routed by a worker thread). */
export interface TallyParts {
  counts: AbsenceTally['counts'];
  targets: TargetCount[];
  todos: [string, TodoCount][];
  periods: Partial<Record<PeriodKind, number>>;
  meldingen: ListedMelding[];
  steps: StepItem[];
  stepsTotal: number;
}

export class AbsenceTally {
  readonly counts = { students: 0, invalid: 0, registrations: 0, registrationsCounted: 0, registrationsInvalid: 0, needsAction: 0, escalated: 0, overdue: 0, meldingenTotal: 0 };
  private readonly targets = new Map<EscalationTarget, TargetCount>();
  private readonly todos = new Map<string, TodoCount>();
  private readonly periods: Partial<Record<PeriodKind, number>> = {};
  private readonly errors: AbsenceTallyResult['errors'] = [];
  private readonly meldingen: ListedMelding[] = [];
  private readonly steps: StepItem[] = [];
  private stepsTotal = 0;

  constructor(private readonly listLimit: number) {}

  /** What the registration rows came to (fold.ts). */
  registrationsRead(state: Pick<FoldState, 'registrations' | 'counted' | 'invalid'>): void {
    this.counts.registrations += state.registrations;
    this.counts.registrationsCounted += state.counted;
    this.counts.registrationsInvalid += state.invalid;
  }

  invalidStudent(line: number, studentRef: string | undefined, error: RowError): void {
    this.counts.invalid += 1;
    if (this.errors.length < this.listLimit) this.errors.push({ line, studentRef, error });
  }

  /** Returns whether the student needs action (an escalation or a referral). */
  student(line: number, r: AbsenceRecord, labels: { mentor?: string | undefined; klas?: string | undefined } = {}): boolean {
    this.counts.students += 1;
    const addStep = (t: AbsenceRecord['todos'][number], withheldBy?: string[]): void => {
      if (t.step === undefined) return;
      this.stepsTotal += 1;
      if (this.steps.length >= this.listLimit * 20) return;
      const item: StepItem = { party: t.party, type: t.type, studentRef: r.studentRef, line, mentor: labels.mentor, klas: labels.klas, deadline: t.deadline, overdue: t.overdue, reachedOn: t.reachedOn };
      if (withheldBy) item.withheldBy = withheldBy;
      this.steps.push(item);
    };
    for (const t of r.todos) addStep(t);
    for (const t of r.withheld ?? []) addStep(t, t.parents?.rules ?? []);
    for (const p of r.absence.periods) this.periods[p.kind] = (this.periods[p.kind] ?? 0) + 1;
    const needsAction = r.escalations.length > 0 || r.inform.some((i) => i.party !== 'ouders' && i.party !== 'leerling');
    if (needsAction) this.counts.needsAction += 1;
    if (r.escalations.length > 0) this.counts.escalated += 1;
    let seen: Set<EscalationTarget> | undefined; // made for a student with escalations only
    for (const e of r.escalations) {
      if (e.overdue) this.counts.overdue += 1;
      if (e.melding) {
        this.counts.meldingenTotal += 1;
        if (this.meldingen.length < this.listLimit) this.meldingen.push({ studentRef: r.studentRef, line, escalation: e });
      }
      let t = this.targets.get(e.to);
      if (!t) {
        t = { to: e.to, students: 0, earliest: null, overdue: 0, listed: [] };
        this.targets.set(e.to, t);
      }
      if (e.overdue) t.overdue += 1;
      if (e.deadline !== null && (t.earliest === null || e.deadline < t.earliest)) t.earliest = e.deadline;
      seen ??= new Set();
      if (!seen.has(e.to)) {
        seen.add(e.to);
        t.students += 1;
        if (t.listed.length < this.listLimit) t.listed.push({ studentRef: r.studentRef, line });
      }
    }
    let todoSeen: Set<string> | undefined;
    for (const t of r.todos) {
      if (t.step !== undefined) continue; // a step of the school's protocol: listed under Te doen per party
      const key = `${t.party}\u0000${t.type}`;
      todoSeen ??= new Set();
      if (todoSeen.has(key)) continue; // two MAZL periods: one student with that to-do
      todoSeen.add(key);
      let count = this.todos.get(key);
      if (!count) {
        count = { party: t.party, type: t.type, students: 0, listed: [] };
        this.todos.set(key, count);
      }
      count.students += 1;
      if (count.listed.length < this.listLimit) count.listed.push({ studentRef: r.studentRef, line });
    }
    return needsAction;
  }

  parts(): TallyParts {
    return { counts: this.counts, targets: [...this.targets.values()], todos: [...this.todos], periods: this.periods, meldingen: this.meldingen, steps: this.steps, stepsTotal: this.stepsTotal };
  }

  /**
   * Adds the tally of the students after these (merged in student order, it is the tally of all of
   * them: counts add, the lists keep their first students up to the same limits).
   */
  merge(p: TallyParts): void {
    for (const key of Object.keys(p.counts) as (keyof AbsenceTally['counts'])[]) this.counts[key] += p.counts[key];
    const room = <T>(into: T[], from: readonly T[], limit: number): void => {
      for (const x of from) {
        if (into.length >= limit) break;
        into.push(x);
      }
    };
    for (const t of p.targets) {
      const have = this.targets.get(t.to);
      if (!have) {
        this.targets.set(t.to, { ...t, listed: [...t.listed] });
        continue;
      }
      have.students += t.students;
      have.overdue += t.overdue;
      if (t.earliest !== null && (have.earliest === null || t.earliest < have.earliest)) have.earliest = t.earliest;
      room(have.listed, t.listed, this.listLimit);
    }
    for (const [key, t] of p.todos) {
      const have = this.todos.get(key);
      if (!have) {
        this.todos.set(key, { ...t, listed: [...t.listed] });
        continue;
      }
      have.students += t.students;
      room(have.listed, t.listed, this.listLimit);
    }
    for (const [kind, n] of Object.entries(p.periods) as [PeriodKind, number][]) this.periods[kind] = (this.periods[kind] ?? 0) + n;
    room(this.meldingen, p.meldingen, this.listLimit);
    room(this.steps, p.steps, this.listLimit * 20);
    this.stepsTotal += p.stepsTotal;
  }

  result(): AbsenceTallyResult {
    const steps = [...this.steps].sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.deadline ?? '9') .localeCompare(b.deadline ?? '9') || a.line - b.line);
    return { ...this.counts, targets: [...this.targets.values()], todos: [...this.todos.values()], periods: { ...this.periods }, errors: [...this.errors], meldingen: [...this.meldingen], steps, stepsTotal: this.stepsTotal };
  }
}
