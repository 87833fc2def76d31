// The JSON Schemas of the contract, generated from the zod schemas with zod's own toJSONSchema:
// docs/schema/*.schema.json are this function's output (`npm run schema` writes them, a test
// checks that the checked-in files are current). Never edit those files by hand.
import { z } from 'zod';
import { routeRecordSchema } from './routing/decision-schema.js';
import { batchRecordSchema } from './rows/batch-record-schema.js';
import { situationInputSchema } from './routing/situation.js';

const BASE = 'https://zorgroute.invalid/schema/';

function generated(name: string, schema: z.ZodType, io: 'input' | 'output', title: string, description: string): [string, Record<string, unknown>] {
  const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return [`${name}.schema.json`, { $schema, $id: `${BASE}${name}.schema.json`, title, description, ...rest }];
}

/** File name → JSON Schema, for docs/schema/. */
export function contractSchemas(): Record<string, Record<string, unknown>> {
  return Object.fromEntries([
    generated(
      'situation',
      situationInputSchema,
      'input',
      'zorgroute situation',
      'one student situation as `zorgroute route` reads it (a JSON object; an array or NDJSON of them for several); absent fields take their default',
    ),
    generated('decision', routeRecordSchema, 'output', 'zorgroute decision', 'what `zorgroute route --json` prints for one situation; with --explain it carries `explain`'),
    generated('batch-record', batchRecordSchema, 'output', 'zorgroute batch record', 'one record of `zorgroute batch --format json|ndjson`: a decision with its line (with `absence` under --registrations), or a row in error'),
  ]);
}
