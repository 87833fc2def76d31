// A case as `cases list` shows it, and the pages `cases list` and `cases due` return: the most
// urgent first, at most `limit` of them, and how many there are in all.
import type { CaseSource, CaseStatus } from './timeline.js';

export interface CaseSummary {
  id: number;
  studentRef: string;
  createdAt: string;
  source: CaseSource;
  status: CaseStatus;
  openEscalations: number;
  /** To-dos (a consult, the SWV…) not yet ticked off. */
  openTodos: number;
  /** The earliest deadline among the open escalations (null: none, or only "as soon as possible"). */
  nextDeadline: string | null;
  lastEventAt: string;
}

export interface Page<T> {
  items: T[];
  /** How many match in all (items.length when there is no limit). */
  total: number;
}
