// What zorgroute prints for machines validates against the JSON Schemas in docs/schema/ (generated
// from the zod schemas; test/core/contract-schemas.test.ts keeps them current), checked with a
// real validator (ajv): route --json with and without --explain, one situation and several, and
// batch records, decisions and rows in error. The inputs validate against situation.schema.json.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const ajv = new Ajv2020({ strict: true, allErrors: true });
const validator = (name: string) => ajv.compile(JSON.parse(readFileSync(root(`docs/schema/${name}.schema.json`), 'utf8')) as object);
const validDecision = validator('decision');
const validSituation = validator('situation');
const validBatchRecord = validator('batch-record');

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-contract-'));
// every rule kind at once: acute unsafety, a thuiszitter of 16, the student's say about parents
const acute = join(tmp, 'acuut.json');
writeFileSync(acute, JSON.stringify({ studentRef: 'L7', referenceDate: '2026-12-01', birthDate: '2010-03-01', danger: true, abuseSuspected: true, weeksWithoutPlace: 6, supportNeed: ['gedrag'], schoolCanSupport: false, studentAllowsParents: false }));
const array = join(tmp, 'several.json');
writeFileSync(array, JSON.stringify([{ studentRef: 'A1', birthDate: '2008-01-01', referenceDate: '2026-11-27', deregistered: true }, { studentRef: 'A2', birthDate: '2012-01-01', unexcusedHours4w: 20, unexcusedHoursReachedOn: '2026-11-02', referenceDate: '2026-11-27', luxuryAbsence: true }]));

const INPUTS = [fixture('route/leerplicht-16-uur.json'), fixture('route/several.ndjson'), acute, array, ...(existsSync(root('data/examples/situatie.json')) ? [root('data/examples/situatie.json')] : [])];

/** The records of route --json: one indented object, or NDJSON. */
function records(stdout: string): unknown[] {
  const text = stdout.trim();
  return text.startsWith('{\n') ? [JSON.parse(text)] : text.split('\n').map((line) => JSON.parse(line) as unknown);
}

function situations(file: string): unknown[] {
  const text = readFileSync(file, 'utf8').trim();
  if (text.startsWith('[')) return JSON.parse(text) as unknown[];
  return text.split('\n').map((line) => JSON.parse(line) as unknown);
}

const errorsOf = (validate: typeof validDecision): string => ajv.errorsText(validate.errors);

describe('route --json', () => {
  it.each(INPUTS.map((f) => [f.replace(tmp, 'TMP'), f]))('the input %s validates against situation.schema.json', (_, file) => {
    const all = file.endsWith('.ndjson') || readFileSync(file, 'utf8').trim().startsWith('[') ? situations(file) : [JSON.parse(readFileSync(file, 'utf8'))];
    for (const s of all) expect(validSituation(s), errorsOf(validSituation)).toBe(true);
  });

  it.each(INPUTS.flatMap((f) => [[f.replace(tmp, 'TMP'), f, []] as const, [`${f.replace(tmp, 'TMP')} --explain`, f, ['--explain']] as const]))(
    'route %s: every decision validates against decision.schema.json',
    async (_, file, extra) => {
      const r = await runCli(['route', file, '--json', ...extra]);
      expect(r.exitCode).toBe(0);
      const out = records(r.stdout);
      expect(out.length).toBeGreaterThan(0);
      for (const d of out) {
        expect(validDecision(d), errorsOf(validDecision)).toBe(true);
        expect(Object.hasOwn(d as object, 'explain')).toBe(extra.length > 0);
      }
    },
  );

  it('in English too, and the trace holds every status and a nested condition', async () => {
    const r = await runCli(['route', acute, '--json', '--explain', '--lang', 'en']);
    const [d] = records(r.stdout) as { explain: { status: string; conditions: unknown }[] }[];
    expect(validDecision(d), errorsOf(validDecision)).toBe(true);
    expect(new Set(d!.explain.map((t) => t.status))).toContain('fired');
    expect(JSON.stringify(d!.explain)).toMatch(/"all":\[/);
  });

  it('the schema is a real check: a decision that breaks the contract is refused', async () => {
    const [d] = records((await runCli(['route', fixture('route/leerplicht-16-uur.json'), '--json'])).stdout) as Record<string, unknown>[];
    expect(validDecision({ ...d, escalations: undefined })).toBe(false);
    expect(validDecision({ ...d, inform: [{ party: 'ouders', reason: 'x' }] })).toBe(false);
    expect(validDecision({ ...d, referenceDate: '27-11-2026' })).toBe(false);
    expect(validDecision({ ...d, extra: 1 })).toBe(false);
  });
});

describe('batch --format ndjson|json', () => {
  it.each([
    ['data/examples/verzuimexport.csv', 'ndjson', root('data/examples/verzuimexport.csv')],
    ['data/examples/verzuimexport.csv', 'json', root('data/examples/verzuimexport.csv')],
    ['batch/bad-dates.csv (rows in error)', 'ndjson', fixture('batch/bad-dates.csv')],
    ['batch/bsn.csv (rows in error)', 'ndjson', fixture('batch/bsn.csv')],
  ])('%s as %s: every record validates against batch-record.schema.json', async (_, format, file) => {
    const r = await runCli(['batch', file, '--format', format]);
    expect([0, 4]).toContain(r.exitCode);
    const out = format === 'json' ? (JSON.parse(r.stdout) as unknown[]) : r.stdout.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(out.length).toBeGreaterThan(0);
    for (const record of out) expect(validBatchRecord(record), errorsOf(validBatchRecord)).toBe(true);
  });

  it('--registrations: the records with absence, periods, meldingen and herhaalmeldingen validate too', async () => {
    const examples = (name: string): string => root(`data/examples/${name}`);
    const r = await runCli(['batch', examples('leerlingen.csv'), '--registrations', examples('registraties.csv'), '--calendar', examples('kalender-voorbeeldschool.json'), '--format', 'ndjson']);
    expect(r.exitCode).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { absence?: unknown });
    expect(out.length).toBeGreaterThan(0);
    expect(r.stdout).toContain('"melding":{');
    expect(r.stdout).toContain('"repeat":');
    for (const record of out) {
      expect(record.absence).toBeDefined();
      expect(validBatchRecord(record), errorsOf(validBatchRecord)).toBe(true);
    }
  });
});
