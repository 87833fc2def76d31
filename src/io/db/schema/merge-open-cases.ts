// Schema migration 5: one open case per student (the dossier). Before it, `batch --registrations
// --log` opened a case per absence period, so a student could have six open cases. The chain seals
// each event with its case (src/io/db/chain/chain.ts), and a user may have written down the head
// `cases verify` printed: moving events to another case would mean resealing the chain and breaking
// that promise. So the merge only appends, as zorgroute always does:
// - the student's oldest open case is the dossier; every event of their other open cases (intake,
//   decision, action, note) is appended to it again, in the order it was first recorded, with its
//   first recorded_at; an action that ticked a melding off now names that melding's period;
// - each other open case gets a `closed` event that says which case it was merged into.
// No event is changed or removed; idempotency keys stay with the originals (the unique index holds
// them once), so a later run over the same export still finds them and adds nothing.
import type BetterSqlite3 from 'better-sqlite3';
import { caseStatus, escalationStates, todoStates, type ActionData, type CaseEvent } from '../../../core/caselog/timeline.js';
import { ChainWriter } from '../chain/chain-writer.js';
import { casesWithEvents } from '../case-summaries.js';
import { OutcomeTable } from '../decision-outcomes.js';
import { rowToEvent, type Row } from '../event-rows.js';

/** Student → their open case ids, ascending; only students with more than one. */
function openCasesByStudent(db: BetterSqlite3.Database, outcomes: OutcomeTable): Map<string, number[]> {
  const open = new Map<string, number[]>();
  for (const { case: c, events } of casesWithEvents(db, outcomes)) {
    if (events.length === 0 || caseStatus(events) !== 'open') continue;
    const ref = c.student_ref as string;
    open.set(ref, [...(open.get(ref) ?? []), c.id as number]);
  }
  for (const [ref, ids] of open) if (ids.length < 2) open.delete(ref);
  return open;
}

/** An action of a case with one melding per target and type, now naming its period (the dossier holds several). */
function withItsPeriod(data: ActionData, events: readonly CaseEvent[]): ActionData {
  if (data.escalation && !data.escalation.period) {
    const ref = data.escalation;
    const period = escalationStates(events).find((e) => e.to === ref.to && e.type === ref.type && e.period)?.period;
    if (period) return { ...data, escalation: { ...ref, period } };
  }
  if (data.todo && !data.todo.period) {
    const ref = data.todo;
    const period = todoStates(events).find((t) => t.party === ref.party && t.type === ref.type && t.period)?.period;
    if (period) return { ...data, todo: { ...ref, period } };
  }
  return data;
}

export interface MergeReport {
  students: number;
  casesMerged: number;
  eventsCopied: number;
}

/** Merges every student's open cases into their oldest open one (see above). Inside the migration's transaction. */
export function mergeOpenCases(db: BetterSqlite3.Database, now: () => Date): MergeReport {
  const outcomes = new OutcomeTable(db);
  const groups = openCasesByStudent(db, outcomes);
  const report: MergeReport = { students: groups.size, casesMerged: 0, eventsCopied: 0 };
  if (groups.size === 0) return report;
  const chain = new ChainWriter(db);
  const caseRow = db.prepare('SELECT id, student_ref, created_at, source FROM cases WHERE id = @id');
  const eventsOf = db.prepare('SELECT * FROM events WHERE case_id = @id ORDER BY id');
  const lastOf = db.prepare('SELECT max(id) FROM events WHERE case_id = @id').pluck();
  const outcomeSha = db.prepare('SELECT sha256 FROM decision_outcomes WHERE id = @id').pluck();
  const insert = db.prepare(
    `INSERT INTO events (id, case_id, case_prev_event, kind, recorded_at, source, data, ruleset_id, ruleset_version, ruleset_sha256, idempotency_key, outcome_id, prev_hash, hash)
     VALUES (@id, @caseId, @casePrev, @kind, @recordedAt, @source, @data, @rulesetId, @rulesetVersion, @rulesetSha256, NULL, @outcomeId, @prevHash, @hash)`,
  );
  const mergedAt = now().toISOString();
  chain.begin();
  const append = (target: Row, casePrev: number | null, e: { kind: string; recordedAt: string; source: string; data: string; rulesetId: string | null; rulesetVersion: string | null; rulesetSha256: string | null; outcomeId: number | null }): number => {
    const id = chain.nextEventId();
    const seal = chain.seal({
      id, caseId: target.id as number, casePrevEvent: casePrev, kind: e.kind, recordedAt: e.recordedAt, source: e.source, data: e.data,
      rulesetId: e.rulesetId, rulesetVersion: e.rulesetVersion, rulesetSha256: e.rulesetSha256, idempotencyKey: null,
      outcomeSha256: e.outcomeId === null ? null : (outcomeSha.get({ id: e.outcomeId }) as string),
      caseStudentRef: target.student_ref as string, caseCreatedAt: target.created_at as string, caseSource: target.source as string,
    });
    insert.run({ id, caseId: target.id, casePrev, ...e, prevHash: seal.prevHash, hash: seal.hash });
    return id;
  };
  for (const [, [dossierId, ...others]] of groups) {
    const dossier = caseRow.get({ id: dossierId }) as Row;
    let dossierLast = lastOf.get({ id: dossierId }) as number;
    const copies: { row: Row; events: CaseEvent[] }[] = [];
    for (const id of others) {
      const rows = eventsOf.all({ id }) as Row[];
      const events = rows.map((r) => rowToEvent(r, outcomes));
      for (const row of rows) if (row.kind !== 'closed' && row.kind !== 'reopened') copies.push({ row, events });
    }
    copies.sort((a, b) => (a.row.id as number) - (b.row.id as number));
    for (const { row, events } of copies) {
      const data = row.kind === 'action' ? JSON.stringify(withItsPeriod(JSON.parse(row.data as string) as ActionData, events)) : (row.data as string);
      dossierLast = append(dossier, dossierLast, {
        kind: row.kind as string, recordedAt: row.recorded_at as string, source: row.source as string, data,
        rulesetId: (row.ruleset_id as string | null) ?? null, rulesetVersion: (row.ruleset_version as string | null) ?? null,
        rulesetSha256: (row.ruleset_sha256 as string | null) ?? null, outcomeId: (row.outcome_id as number | null) ?? null,
      });
      report.eventsCopied += 1;
    }
    for (const id of others) {
      const merged = caseRow.get({ id }) as Row;
      append(merged, lastOf.get({ id }) as number, {
        kind: 'closed', recordedAt: mergedAt, source: 'cases', data: JSON.stringify({ note: null, mergedInto: dossierId }),
        rulesetId: null, rulesetVersion: null, rulesetSha256: null, outcomeId: null,
      });
      report.casesMerged += 1;
    }
  }
  chain.end();
  return report;
}
