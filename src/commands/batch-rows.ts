// What happens to one data row of an export: read it, decide it (memoised), count it, encode its
// record, and collect it for onChunk.
import type { CompiledRuleset } from '../core/compile.js';
import type { ColumnPlan } from '../core/csv-columns.js';
import type { Decision } from '../core/decide.js';
import { decisionFrom, DecisionMemo } from '../core/decision-memo.js';
import { deriveFacts } from '../core/facts.js';
import { isBlankRow, readRow, type RowError } from '../core/row-situation.js';
import type { Situation } from '../core/situation.js';
import type { ByteBuilder } from '../io/batch-output.js';
import type { RecordEncoder } from '../io/record-encoders.js';
import type { Tally } from './batch-tally.js';

/** One row's outcome, as handed to onChunk. `decision` shares arrays with other rows: read only. */
export interface BatchRecord {
  line: number;
  studentRef: string | undefined;
  /** The row as read (valid rows only), for the case log. */
  situation?: Situation;
  decision?: Decision;
  error?: RowError;
  needsAction: boolean;
}

export interface RowProcessorOptions {
  plan: ColumnPlan;
  fallbackDate: string;
  ruleset: CompiledRuleset;
  encoder: RecordEncoder | undefined;
  onlyAction: boolean;
  tally: Tally;
  noteRef: (studentRef: string, line: number) => void;
  /** Collects a BatchRecord per row (for onChunk) when given. */
  records?: BatchRecord[] | undefined;
}

export class RowProcessor {
  written = 0;
  private readonly memo: DecisionMemo;

  constructor(private readonly o: RowProcessorOptions) {
    this.memo = new DecisionMemo(o.ruleset);
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
      o.tally.validRow(s.studentRef, line, tail);
      if (o.encoder && (!o.onlyAction || tail.needsAction)) {
        o.encoder.decision(out, line, s.studentRef, s.referenceDate, facts, tail);
        this.written += 1;
      }
      o.records?.push({ line, studentRef: s.studentRef, situation: s, decision: decisionFrom(s, facts, tail), needsAction: tail.needsAction });
    } else {
      if (row.studentRef !== undefined) o.noteRef(row.studentRef, line);
      o.tally.invalidRow(line, row.studentRef, row.error);
      // Rows in error are kept with --only-action: somebody has to look at them.
      if (o.encoder) {
        o.encoder.error(out, line, row.studentRef, row.error);
        this.written += 1;
      }
      o.records?.push({ line, studentRef: row.studentRef, error: row.error, needsAction: false });
    }
    return true;
  }
}
