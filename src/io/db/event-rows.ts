// An events row as the CaseEvent it stands for: its data parsed and, since schema version 2, a
// decision joined back with its outcome (stored apart, once: src/io/db/prepared-entry.ts).
import type { CaseEvent, CaseEventBody, EventSource } from '../../core/caselog/timeline.js';
import type { OutcomeTable } from './decision-outcomes.js';
import { joinDecision } from './prepared-entry.js';

export type Row = Record<string, unknown>;

export function rowToEvent(row: Row, outcomes: OutcomeTable): CaseEvent {
  let data = JSON.parse(row.data as string);
  if (row.outcome_id !== null && row.outcome_id !== undefined) data = { decision: joinDecision(data.decision, outcomes.get(row.outcome_id as number)) };
  // Decisions stored before to-dos existed had none (a version-1 event holds its decision whole).
  else if (row.kind === 'decision' && data.decision && data.decision.todos === undefined) data.decision.todos = [];
  return {
    id: row.id as number,
    caseId: row.case_id as number,
    kind: row.kind,
    recordedAt: row.recorded_at as string,
    source: row.source as EventSource,
    data,
  } as CaseEvent;
}

/** The free texts of an event the user typed (checked for a BSN before they are stored). */
export function freeTexts(body: CaseEventBody): (string | null)[] {
  switch (body.kind) {
    case 'action':
      return [body.data.action, body.data.note];
    case 'note':
      return [body.data.text, body.data.reden ?? null, body.data.maatregelen ?? null];
    case 'closed':
    case 'reopened':
      return [body.data.note];
    default:
      return [];
  }
}
