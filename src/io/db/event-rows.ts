// An events row as the CaseEvent it stands for: its data parsed and, since schema version 2, a
// decision joined back with its outcome (stored apart, once: src/io/db/prepared-entry.ts).
import type { CaseEvent, EventSource } from '../../core/caselog/timeline.js';
import type { OutcomeTable } from './decision-outcomes.js';
import { joinDecision } from './prepared-entry.js';

export type Row = Record<string, unknown>;

export function rowToEvent(row: Row, outcomes: OutcomeTable): CaseEvent {
  let data = JSON.parse(row.data as string);
  if (row.outcome_id !== null && row.outcome_id !== undefined) data = { decision: joinDecision(data.decision, outcomes.get(row.outcome_id as number)) };
  return {
    id: row.id as number,
    caseId: row.case_id as number,
    kind: row.kind,
    recordedAt: row.recorded_at as string,
    source: row.source as EventSource,
    data,
  } as CaseEvent;
}
