// What happens to one data row of an export: read it, decide it (memoised), count it, encode its
// record, and hand a row that needs action to onAction (for the case log).
import type { WorkingDays } from '../../core/calendar/working-days.js';
import type { CompiledRuleset } from '../../core/routing/compile.js';
import type { ColumnPlan } from '../../core/rows/columns.js';
import { DecisionMemo, type DecisionTail } from '../../core/routing/decision-memo.js';
import { deriveFacts, type DerivedFacts } from '../../core/routing/facts.js';
import { isBlankRow, readRow } from '../../core/rows/row-situation.js';
import type { Situation } from '../../core/routing/situation.js';
import type { ByteBuilder } from '../../io/batch-output.js';
import type { RecordEncoder } from '../../io/record-encoders.js';
import type { Tally } from './tally.js';

export interface RowProcessorOptions {
  plan: ColumnPlan;
  fallbackDate: string;
  ruleset: CompiledRuleset;
  workingDays: WorkingDays;
  encoder: RecordEncoder | undefined;
  onlyAction: boolean;
  /** Every row with a usable student number, in file order (for duplicates). */
  noteRef: (studentRef: string, line: number) => void;
  /** Every valid row that needs action (an escalation or a referral), in file order. */
  onAction?: ((situation: Situation, facts: DerivedFacts, tail: DecisionTail) => void) | undefined;
}

export class RowProcessor {
  written = 0;
  private readonly memo: DecisionMemo;

  /** `tally` may be swapped between pieces of work (a worker thread keeps one per piece). */
  constructor(
    private readonly o: RowProcessorOptions,
    public tally: Tally,
  ) {
    this.memo = new DecisionMemo(o.ruleset, o.workingDays);
  }

  /** Returns false for a blank row (skipped like an empty line, not counted). */
  process(line: number, cells: readonly string[], out: ByteBuilder): boolean {
    if (isBlankRow(cells)) return false;
    const o = this.o;
    const row = readRow(cells, o.plan, o.fallbackDate);
    if (row.ok) {
      const s = row.situation;
      o.noteRef(s.studentRef, line);
      const facts = deriveFacts(s);
      const tail = this.memo.tailFor(s, facts);
      const dateAt = o.plan.indexOf.referenceDate;
      this.tally.validRow(s.studentRef, line, tail, s.referenceDate, dateAt >= 0 && (cells[dateAt] ?? '').trim() !== '');
      if (o.encoder && (!o.onlyAction || tail.needsAction)) {
        o.encoder.decision(out, line, s.studentRef, s.referenceDate, facts, tail);
        this.written += 1;
      }
      if (tail.needsAction) o.onAction?.(s, facts, tail);
    } else {
      if (row.studentRef !== undefined) o.noteRef(row.studentRef, line);
      this.tally.invalidRow(line, row.studentRef, row.error);
      // Rows in error are kept with --only-action: somebody has to look at them.
      if (o.encoder) {
        o.encoder.error(out, line, row.studentRef, row.error);
        this.written += 1;
      }
    }
    return true;
  }
}
