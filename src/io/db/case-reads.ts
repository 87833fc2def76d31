// What `cases list`, `cases due` and `cases export` read. list and due read the per-case summaries
// (src/io/db/case-summaries.ts) through their indexes, the most urgent first, and stop at the
// limit; export reads a page of cases at a time, so that memory stays flat however big the log is.
import type BetterSqlite3 from 'better-sqlite3';
import type { CaseSummary, Page } from '../../core/caselog/summary.js';
import type { CaseRecord, CaseSource, DueItem, DueStatus } from '../../core/caselog/timeline.js';
import type { Party } from '../../core/routing/vocabulary.js';
import { casesWithEvents } from './case-summaries.js';
import type { OutcomeTable } from './decision-outcomes.js';
import type { Row } from './event-rows.js';

export interface SummaryQuery {
  studentRef?: string | undefined;
  /** ISO timestamp: created at or after. */
  since?: string | undefined;
  status: 'open' | 'closed' | 'all';
  /** null: all. */
  limit: number | null;
}

export interface DueQuery {
  today: string;
  /** The last day (YYYY-MM-DD) that counts as due soon. */
  horizon: string;
  limit: number | null;
  /** Only what is for this party (an escalation's target or a to-do's party: `mentor`, `leerplicht`…). */
  party?: string | undefined;
  /** Only the steps of the students of this mentor (the students file's mentor column, kept in the case's intake). */
  mentor?: string | undefined;
}

/** "Most urgent": open escalations first, by their earliest deadline (undated ones after the dated), then the most recently active. */
const URGENCY = 's.open_escalations = 0, s.next_deadline IS NULL, s.next_deadline, s.last_event_id DESC';

export class CaseReads {
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly outcomes: OutcomeTable,
    private readonly guard: <T>(work: () => T) => T,
  ) {}

  summaries(q: SummaryQuery): Page<CaseSummary> {
    const where: string[] = [];
    if (q.status !== 'all') where.push('s.status = @status');
    if (q.studentRef !== undefined) where.push('s.student_ref = @studentRef');
    if (q.since !== undefined) where.push('c.created_at >= @since');
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const from = `FROM case_state s JOIN cases c ON c.id = s.case_id ${filter}`;
    // Counted in the summaries' index alone unless --since needs the cases table.
    const countFrom = q.since === undefined ? `FROM case_state s ${filter}` : from;
    const order = q.status === 'all' ? `s.status = 'closed', ${URGENCY}` : URGENCY;
    const params = { status: q.status, studentRef: q.studentRef ?? null, since: q.since ?? null, limit: q.limit ?? -1 };
    return this.guard(() => {
      const rows = this.db
        .prepare(`SELECT s.case_id, c.student_ref, c.created_at, c.source, s.status, s.open_escalations, s.open_todos, s.next_deadline, s.last_event_at ${from} ORDER BY ${order} LIMIT @limit`)
        .all(params) as Row[];
      const items = rows.map(
        (r): CaseSummary => ({
          id: r.case_id as number,
          studentRef: r.student_ref as string,
          createdAt: r.created_at as string,
          source: r.source as CaseSource,
          status: r.status as CaseSummary['status'],
          openEscalations: r.open_escalations as number,
          openTodos: r.open_todos as number,
          nextDeadline: (r.next_deadline as string | null) ?? null,
          lastEventAt: r.last_event_at as string,
        }),
      );
      const total = q.limit === null || items.length < q.limit ? items.length : (this.db.prepare(`SELECT count(*) ${countFrom}`).pluck().get(params) as number);
      return { items, total };
    });
  }

  /** Open escalations not done, in open cases, overdue or due by `horizon`, and those without a deadline after them. */
  due(q: DueQuery): Page<DueItem> {
    const where = `WHERE e.done_event_id IS NULL AND e.case_open = 1 AND (e.deadline IS NULL OR e.deadline <= @horizon)${q.party === undefined ? '' : ' AND e.target = @party'}${
      q.mentor === undefined ? '' : " AND EXISTS (SELECT 1 FROM events ev WHERE ev.case_id = e.case_id AND ev.kind = 'intake' AND json_extract(ev.data, '$.labels.mentor') = @mentor)"
    }`;
    const from = `FROM case_escalations e JOIN case_state s ON s.case_id = e.case_id ${where}`;
    const params = { horizon: q.horizon, limit: q.limit ?? -1, ...(q.party === undefined ? {} : { party: q.party }), ...(q.mentor === undefined ? {} : { mentor: q.mentor }) };
    return this.guard(() => {
      const rows = this.db
        .prepare(`SELECT e.case_id, s.student_ref, e.kind, e.target, e.type, e.deadline, e.reason, e.raised_on ${from}
                  ORDER BY e.deadline IS NULL, e.deadline, e.raised_on, e.case_id, e.kind = 'todo', e.id LIMIT @limit`)
        .all(params) as Row[];
      const items = rows.map((r): DueItem => {
        const deadline = (r.deadline as string | null) ?? null;
        const status: DueStatus = deadline === null ? 'asap' : deadline < q.today ? 'overdue' : deadline === q.today ? 'today' : 'soon';
        return {
          kind: r.kind as DueItem['kind'],
          caseId: r.case_id as number,
          studentRef: r.student_ref as string,
          to: r.target as Party,
          type: r.type as string,
          deadline,
          status,
          reason: r.reason as string,
          raisedOn: r.raised_on as string,
        };
      });
      const total = q.limit === null || items.length < q.limit ? items.length : (this.db.prepare(`SELECT count(*) FROM case_escalations e ${where}`).pluck().get(params) as number);
      return { items, total };
    });
  }

  /** Every case with its events, in id order, read a page at a time. */
  *allCases(): Generator<CaseRecord> {
    for (const { case: c, events } of casesWithEvents(this.db, this.outcomes)) {
      yield { id: c.id as number, studentRef: c.student_ref as string, createdAt: c.created_at as string, source: c.source as CaseSource, events };
    }
  }
}
