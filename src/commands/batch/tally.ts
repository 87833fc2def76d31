// The counts behind the batch summary, kept as the rows go by: rows, valid, invalid, and per
// escalation target how many students and which (the first N, or all with --all).
import type { DecisionTail } from '../../core/routing/decision-memo.js';
import type { RowError } from '../../core/rows/row-situation.js';
import { ESCALATION_TARGETS, type EscalationTarget, type Party } from '../../core/routing/vocabulary.js';

export interface TargetTally {
  target: EscalationTarget;
  /** Students (rows) with at least one escalation to this target. */
  count: number;
  /** The earliest deadline among them; null when none has a date ("as soon as possible"). */
  earliestDeadline: string | null;
  /** Of them, the students whose escalation to this target is past its deadline. */
  overdue: number;
  /** The first `listLimit` of them, in file order. */
  students: { studentRef: string; line: number }[];
}

/** A party to refer to (a to-do beyond parents and student, not an escalation of the row). */
export interface ReferralTally {
  party: Party;
  count: number;
  students: { studentRef: string; line: number }[];
}

export interface BatchTally {
  /** Data rows (blank rows are skipped like empty lines and not counted). */
  rows: number;
  valid: number;
  invalid: number;
  /** Valid rows that need an escalation or a referral (a party beyond parents and student). */
  needsAction: number;
  /** Valid rows with at least one escalation. */
  escalated: number;
  /** Rows whose student number appeared on an earlier row. */
  duplicates: number;
  targets: TargetTally[];
  /** Referrals per party, in the vocabulary's order. */
  referrals: ReferralTally[];
  /** The first `listLimit` rows in error, for the summary (all of them are in the records). */
  errors: { line: number; studentRef: string | undefined; error: RowError }[];
  /** The earliest and the latest peildatum of the valid rows that had one in their cell (null: none). */
  referenceDates: { first: string | null; last: string | null };
  /** Valid rows without a peildatum of their own (no column, or an empty cell): judged on the fallback date. */
  fallbackDateRows: number;
}

export class Tally {
  readonly counts: BatchTally = { rows: 0, valid: 0, invalid: 0, needsAction: 0, escalated: 0, duplicates: 0, targets: [], referrals: [], errors: [], referenceDates: { first: null, last: null }, fallbackDateRows: 0 };
  private readonly byTarget = new Map<EscalationTarget, TargetTally>();
  private readonly byParty = new Map<Party, ReferralTally>();

  private referral(party: Party): ReferralTally {
    let r = this.byParty.get(party);
    if (!r) {
      r = { party, count: 0, students: [] };
      this.byParty.set(party, r);
    }
    return r;
  }

  constructor(private readonly listLimit: number) {}

  invalidRow(line: number, studentRef: string | undefined, error: RowError): void {
    const c = this.counts;
    c.rows += 1;
    c.invalid += 1;
    if (c.errors.length < this.listLimit) c.errors.push({ line, studentRef, error });
  }

  private noteDates(first: string | null, last: string | null): void {
    const d = this.counts.referenceDates;
    if (first !== null && (d.first === null || first < d.first)) d.first = first;
    if (last !== null && (d.last === null || last > d.last)) d.last = last;
  }

  /** `ownDate`: the row's peildatum came from its own cell (else it is the fallback date). */
  validRow(studentRef: string, line: number, tail: DecisionTail, referenceDate: string, ownDate = true): void {
    const c = this.counts;
    c.rows += 1;
    c.valid += 1;
    if (ownDate) this.noteDates(referenceDate, referenceDate);
    else c.fallbackDateRows += 1;
    if (!tail.needsAction) return;
    c.needsAction += 1;
    for (const party of tail.referrals) {
      const r = this.referral(party);
      r.count += 1;
      if (r.students.length < this.listLimit) r.students.push({ studentRef, line });
    }
    if (tail.targets.length === 0) return;
    c.escalated += 1;
    for (const target of tail.targets) {
      let t = this.byTarget.get(target);
      if (!t) {
        t = { target, count: 0, earliestDeadline: null, overdue: 0, students: [] };
        this.byTarget.set(target, t);
      }
      t.count += 1;
      if (tail.overdueTargets.includes(target)) t.overdue += 1;
      if (t.students.length < this.listLimit) t.students.push({ studentRef, line });
      const deadline = tail.deadlineOf.get(target) ?? null;
      if (deadline !== null && (t.earliestDeadline === null || deadline < t.earliestDeadline)) t.earliestDeadline = deadline;
    }
  }

  /** Adds the tally of the rows that come next in the file (a worker thread's piece), as if counted here. */
  merge(next: BatchTally): void {
    const c = this.counts;
    c.rows += next.rows;
    c.valid += next.valid;
    c.invalid += next.invalid;
    c.needsAction += next.needsAction;
    c.escalated += next.escalated;
    c.duplicates += next.duplicates;
    this.noteDates(next.referenceDates.first, next.referenceDates.last);
    c.fallbackDateRows += next.fallbackDateRows;
    this.mergeReferrals(next.referrals);
    for (const e of next.errors) {
      if (c.errors.length >= this.listLimit) break;
      c.errors.push(e);
    }
    for (const n of next.targets) {
      let t = this.byTarget.get(n.target);
      if (!t) {
        t = { target: n.target, count: 0, earliestDeadline: null, overdue: 0, students: [] };
        this.byTarget.set(n.target, t);
      }
      t.count += n.count;
      t.overdue += n.overdue;
      for (const s of n.students) {
        if (t.students.length >= this.listLimit) break;
        t.students.push(s);
      }
      if (n.earliestDeadline !== null && (t.earliestDeadline === null || n.earliestDeadline < t.earliestDeadline)) t.earliestDeadline = n.earliestDeadline;
    }
  }

  mergeReferrals(next: readonly ReferralTally[]): void {
    for (const n of next) {
      const r = this.referral(n.party);
      r.count += n.count;
      for (const s of n.students) {
        if (r.students.length >= this.listLimit) break;
        r.students.push(s);
      }
    }
  }

  duplicate(): void {
    this.counts.duplicates += 1;
  }

  /** The counts, with the targets in the vocabulary's order. */
  result(): BatchTally {
    const targets = ESCALATION_TARGETS.flatMap((t) => {
      const tally = this.byTarget.get(t);
      return tally ? [tally] : [];
    });
    // parties are data (the rule set's): in a fixed order whatever order the rows (or threads) came in
    const referrals = [...this.byParty.keys()].sort().map((p) => this.byParty.get(p)!);
    return { ...this.counts, targets, referrals };
  }
}
