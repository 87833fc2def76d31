// The JSON contract's generated files are current and valid: docs/schema/*.schema.json are what
// contractSchemas() makes from the zod schemas, they are valid JSON Schema (ajv, strict), and the
// table of error kinds in docs/reference/json-contract.md is what src/core/problems.ts says.
// `npm run schema` rewrites them. Real output is validated against them in test/e2e/json-contract.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { contractSchemas } from '../../src/core/contract-schemas.js';
import { errorKindsTable, schemaText, TABLE_END, TABLE_START } from '../../scripts/contract-docs.mjs';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const read = (path: string): string => readFileSync(root(path), 'utf8');
const HINT = 'run `npm run schema` and commit the result';

describe('docs/schema', () => {
  const schemas = contractSchemas();

  it('holds exactly the generated schemas', () => {
    expect(readdirSync(root('docs/schema')).sort()).toEqual(Object.keys(schemas).sort());
  });

  it.each(Object.keys(schemas))('%s is current', (file) => {
    expect(read(`docs/schema/${file}`), HINT).toBe(schemaText(schemas[file]));
  });

  it.each(Object.keys(schemas))('%s is valid JSON Schema (draft 2020-12, ajv strict)', (file) => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const schema = JSON.parse(read(`docs/schema/${file}`)) as Record<string, unknown>;
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });
});

describe('docs/reference/json-contract.md', () => {
  it('its table of error kinds is current', () => {
    const page = read('docs/reference/json-contract.md');
    const start = page.indexOf(TABLE_START);
    const end = page.indexOf(TABLE_END);
    expect(start).toBeGreaterThan(0);
    expect(page.slice(start + TABLE_START.length, end).trim(), HINT).toBe(errorKindsTable(read('src/core/problems.ts'), read('src/core/output-problems.ts')).trim());
  });

  it('names every error kind a batch record can carry', () => {
    const page = read('docs/reference/json-contract.md');
    for (const kind of ['text-not-a-date', 'text-expected-yes-no', 'cell-required-empty', 'cell-has-bsn', 'birth-after-reference', 'no-such-case', 'output-failed']) {
      expect(page).toContain(`| \`${kind}\` |`);
    }
  });
});
