// The decision as a contract: the zod schema of what `route --json` prints (a Decision, with its
// `explain` trace when asked; a `batch` record is one too, core/rows/batch-record-schema.ts). The Decision type follows from it
// (core/routing/decide.ts), explain()'s trace is checked against it (core/routing/explain.ts), and
// docs/schema/*.schema.json are generated from it (core/contract-schemas.ts, `npm run schema`).
// Field names are English and stable; the descriptions are for scripters reading the JSON Schema.
import { z } from 'zod';
import { LEERPLICHT_STATUSES } from './facts.js';
import { ESCALATION_TARGETS, PARENT_INVOLVEMENT } from './vocabulary.js';

export const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: 'a day, YYYY-MM-DD' });
const ruleIds = z.array(z.string()).meta({ description: 'the ids of the rules that produced this entry' });

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const party = z.string().meta({ description: 'a party the rule set declares (parties are data: a layer may add its own, such as mentor)' });

export const rulesetMetaSchema = z
  .object({
    id: z.string().meta({ description: 'the rule set named (--rules, or the default)' }),
    version: z.string(),
    sha256: sha256.meta({ description: 'sha256 of the file named' }),
    layers: z
      .array(z.object({ id: z.string(), version: z.string(), sha256 }))
      .meta({ description: 'the chain that decided, base first (the law, the region, the school), each layer with the sha256 of its file' }),
  })
  .meta({ description: 'the rule set that decided' });

export const escalationSchema = z.object({
  to: z.enum(ESCALATION_TARGETS),
  type: z.string().meta({ description: 'what kind of escalation, e.g. verzuimmelding-16-uur' }),
  deadline: day.nullable().meta({ description: 'the last day (working days counted), null: as soon as possible' }),
  overdue: z.boolean().meta({ description: 'the reference date is after the deadline (false without a deadline)' }),
  reason: z.string(),
  rules: ruleIds,
});

const parentsSchema = z
  .object({ involve: z.enum(PARENT_INVOLVEMENT), reason: z.string(), rules: ruleIds })
  .meta({ description: 'whether the parents are involved, and which rule decided it' });

export const todoSchema = z.object({
  party,
  type: z.string(),
  reason: z.string(),
  rules: ruleIds,
  deadline: day.nullable().meta({ description: "the step's term (working days from reachedOn or the reference date), null: none" }),
  overdue: z.boolean().meta({ description: 'the reference date is after the deadline' }),
  reachedOn: day.nullable().meta({ description: "the school day the step's condition first held (a school's verzuimprotocol), null: not counted" }),
  parents: parentsSchema.optional().meta({ description: 'a step to the parents: the parents decision it obeys (not first with a real danger; from 16 the pupil decides)' }),
});

export const decisionSchema = z
  .object({
    studentRef: z.string().meta({ description: "the school's student number (never a BSN)" }),
    referenceDate: day.meta({ description: 'the peildatum the situation was judged on, YYYY-MM-DD' }),
    facts: z
      .object({
        age: z.int().min(0).max(150),
        leerplicht: z.enum(LEERPLICHT_STATUSES),
        leerplichtig: z.boolean(),
        rmc: z.boolean(),
        thuiszitter: z.boolean(),
      })
      .meta({ description: 'facts derived from the situation on the reference date' }),
    parents: parentsSchema,
    inform: z
      .array(z.object({ party, reason: z.string(), rules: ruleIds }))
      .meta({ description: "whom to inform, each party once, in the rule set's party order" }),
    escalations: z.array(escalationSchema).meta({ description: 'escalations, the soonest deadline first' }),
    todos: z.array(todoSchema).meta({ description: 'actions the school must still take; the case log keeps them open until `cases done`' }),
    withheld: z
      .array(todoSchema)
      .optional()
      .meta({ description: 'steps to the parents that the parents rules hold back (a real danger; a pupil of 16+ who declined), with the decision that held them back; present only when there is one' }),
    notes: z.array(z.string()),
    rules: z
      .array(z.object({ id: z.string(), title: z.string(), source: z.string(), layer: z.string().meta({ description: 'the layer of the chain that holds the rule' }) }))
      .meta({ description: 'every rule that contributed, with its title, source and layer (base layers first)' }),
    ruleset: rulesetMetaSchema,
  })
  .meta({ description: 'whom to inform and whether to escalate, for one situation' });

/** A fact's value in the trace: absent when an optional field was not given. */
const factValueSchema = z.union([z.number(), z.boolean(), z.string(), z.null(), z.array(z.string()).readonly()]);

export type ConditionTraceRecord =
  | { fact: string; op: string; value?: unknown; actual?: number | boolean | string | null | readonly string[]; held: boolean }
  | { all: ConditionTraceRecord[]; held: boolean }
  | { any: ConditionTraceRecord[]; held: boolean }
  | { not: ConditionTraceRecord; held: boolean };

export const conditionTraceSchema: z.ZodType<ConditionTraceRecord> = z.lazy(() =>
  z.union([
    z.object({
      fact: z.string(),
      op: z.string(),
      value: z.unknown().optional().meta({ description: "the rule's value; absent for isEmpty and notEmpty" }),
      actual: factValueSchema.optional().meta({ description: "the fact's value; absent when the situation did not give it" }),
      held: z.boolean(),
    }),
    z.object({ all: z.array(conditionTraceSchema), held: z.boolean() }),
    z.object({ any: z.array(conditionTraceSchema), held: z.boolean() }),
    z.object({ not: conditionTraceSchema, held: z.boolean() }),
  ]),
).meta({ id: 'condition', description: 'a condition of the rule: a fact compared, or all/any/not of conditions; held: whether it held' });

export const RULE_STATUSES = ['fired', 'not-met', 'disabled', 'overridden'] as const;

export const ruleTraceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    source: z.string(),
    status: z.enum(RULE_STATUSES).meta({ description: 'overridden: a parents rule that fired but lost to one of higher priority' }),
    layer: z.string().meta({ description: 'the layer of the chain that holds the rule' }),
    binding: z.boolean().meta({ description: 'the law requires it: no layer may switch it off' }),
    switchedBy: z.string().nullable().meta({ description: 'the layer that switched the rule on or off (enable/disable), or null' }),
    regionalOption: z.string().nullable(),
    conditions: conditionTraceSchema.nullable().meta({ description: 'null for a rule without conditions (it always applies)' }),
  })
  .meta({ description: 'one rule of the rule set, whether it fired, and why' });

/** What `route --json` prints per situation: the decision, and with --explain every rule's trace. */
export const routeRecordSchema = decisionSchema
  .extend({ explain: z.array(ruleTraceSchema).optional().meta({ description: 'with --explain: every rule of the rule set, in file order' }) });
