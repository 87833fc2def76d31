// A record of `batch --format json|ndjson` as a contract: a decision with its line (with `absence`
// under --registrations), or the row's problem. docs/schema/batch-record.schema.json is generated
// from it (core/contract-schemas.ts).
import { z } from 'zod';
import { absenceRecordSchema } from '../absence/absence-record-schema.js';
import { decisionSchema } from '../routing/decision-schema.js';

const line = z.int().min(1).meta({ description: 'the line of the CSV file (the students file with --registrations)' });

export const batchRecordSchema = z.union([
  decisionSchema.extend({ line }),
  absenceRecordSchema.extend({ line }),
  z.object({
    line,
    studentRef: z.string().optional().meta({ description: 'absent when the row has no usable student number' }),
    error: z.object({
      column: z.string().meta({ description: 'the header of the cell at fault' }),
      code: z.string().meta({ description: 'the problem kind (stable; see json-contract.md, error kinds)' }),
      message: z.string().meta({ description: 'the same in words, in the language of the run' }),
    }),
  }),
]);
