// `zorgroute rules` through the built binary: the shipped cases pass with full coverage, a missing
// case fails coverage, bad cases and a missing case log are refused, diff --against-log lists the
// cases a change reroutes, and the graph is Mermaid that Mermaid's own parser accepts.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';
import { parseMermaid } from '../mermaid-parse.js';

const RULES_DIR = fileURLToPath(new URL('../../data/rules/', import.meta.url));
const DEFAULT_ID = 'swv-vo-groningen-ommelanden';
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-rules-cmd-'));
const shipped = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'))
  .map((f) => f.slice(0, -'.json'.length));

interface TestJson {
  ok: boolean;
  cases: { passed: boolean }[];
  coverage: { id: string; covered: boolean }[];
  uncovered: { id: string }[];
}

/** A copy of a shipped rule set (and its cases, changed by `cases`) under a new name in tmp. */
function copyRuleset(id: string, name: string, cases: (list: { name: string }[]) => { name: string }[]): string {
  const file = join(tmp, `${name}.json`);
  copyFileSync(join(RULES_DIR, `${id}.json`), file);
  const list = JSON.parse(readFileSync(join(RULES_DIR, `${id}.cases.json`), 'utf8')) as { name: string }[];
  writeFileSync(join(tmp, `${name}.cases.json`), JSON.stringify(cases(list)));
  return file;
}

describe('zorgroute rules test', () => {
  it.each(shipped)('passes with full coverage for the shipped rule set %s', async (id) => {
    const r = await runCli(['rules', 'test', id, '--json']);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as TestJson;
    expect(result.cases.length).toBeGreaterThan(0);
    expect(result.cases.every((c) => c.passed)).toBe(true);
    expect(result.uncovered).toEqual([]);
    expect(result.ok).toBe(true);
    expect(r.exitCode).toBe(0);
  });

  it('fails (exit 1) naming the rule when the only case that fires it is removed', async () => {
    const file = copyRuleset('landelijk', 'minus-one', (list) => list.filter((c) => !c.name.includes('medische zorg')));
    const r = await runCli(['rules', 'test', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('niet gedekt: onderwijszorgconsulent-medische-zorg');
    const en = await runCli(['rules', 'test', file, '--lang', 'en']);
    expect(en.stdout).toContain('not covered: onderwijszorgconsulent-medische-zorg');
  });

  it('fails (exit 1) and says what is missing when a case expects what the rules do not give', async () => {
    const file = copyRuleset(DEFAULT_ID, 'wrong-expect', (list) => [
      ...list,
      { name: 'verwacht RMC voor een 14-jarige', situation: { studentRef: 'X1', referenceDate: '2026-03-02', birthDate: '2011-06-15', unexcusedHours4w: 16 }, expect: { escalations: [{ to: 'rmc' }], not: { escalations: [{ to: 'leerplicht' }] } } } as { name: string },
    ]);
    const r = await runCli(['rules', 'test', file]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('✗ verwacht RMC voor een 14-jarige');
    expect(r.stdout).toContain('escalatie rmc ontbreekt');
    expect(r.stdout).toContain('escalatie leerplicht hoort er niet bij, maar staat erin');
  });

  it('refuses (exit 2) a case whose situation is invalid, naming the file and the path', async () => {
    const file = copyRuleset(DEFAULT_ID, 'bad-case', (list) => [...list, { name: 'kapot', situation: { studentRef: 'X1', referenceDate: '2026-03-02', birthDate: '2011-06-15', unexcusedHours4w: 'veel' }, expect: {} } as { name: string }]);
    const r = await runCli(['rules', 'test', file, '--lang', 'en']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(join(tmp, 'bad-case.cases.json'));
    expect(r.stderr).toContain(`[${JSON.parse(readFileSync(join(tmp, 'bad-case.cases.json'), 'utf8')).length - 1}].situation.unexcusedHours4w`);
  });
});

/** A layer of five lines on the default: `"enable": ["rmc-16-uur"]`. */
const rmcOn = (): string => fixture('rules/rmc-16-uur-aan.json');

describe('zorgroute rules diff --against-log', () => {
  it('lists exactly the 18+ cases with 16 hours of a log, and exits 3', async () => {
    const db = join(tmp, 'diff.db');
    // 24 students with 16–20 hours; every third is 19 without a startkwalificatie (RMC), one is 19 with one.
    const situations = Array.from({ length: 24 }, (_, i) => ({
      studentRef: `L${100 + i}`,
      referenceDate: '2026-03-02',
      birthDate: i % 3 === 0 ? '2006-10-10' : '2011-01-01',
      unexcusedHours4w: 16 + (i % 5),
      startkwalificatie: i === 21,
    }));
    const logged = await runCli(['route', '-', '--log', '--db', db, '--json'], { input: situations.map((s) => JSON.stringify(s)).join('\n') });
    expect(logged.exitCode).toBe(0);
    const expected = situations.filter((s, i) => i % 3 === 0 && !s.startkwalificatie).map((s) => s.studentRef);
    expect(expected.length).toBe(7);

    const r = await runCli(['rules', 'diff', DEFAULT_ID, rmcOn(), '--against-log', '--db', db, '--json']);
    expect(r.exitCode).toBe(3);
    const result = JSON.parse(r.stdout) as { changed: { caseId: number; studentRef: string; before: { escalations: string[] }; after: { escalations: string[] } }[]; unchanged: number };
    expect(result.changed.map((c) => c.studentRef)).toEqual(expected);
    for (const c of result.changed) {
      expect(c.before.escalations).not.toContain('rmc:verzuim-16-uur-18plus');
      expect(c.after.escalations).toContain('rmc:verzuim-16-uur-18plus');
    }
    expect(result.unchanged).toBe(24 - 7);

    const human = await runCli(['rules', 'diff', DEFAULT_ID, rmcOn(), '--against-log', '--db', db]);
    expect(human.exitCode).toBe(3);
    expect(human.stdout).toContain('~ rmc-16-uur: uit → aan');
    expect(human.stdout.trimEnd().split('\n').at(-1)).toBe('7 casussen veranderen van route, 17 blijven gelijk');
  });

  it('exits 0 when no logged case changes', async () => {
    const db = join(tmp, 'same.db');
    await runCli(['route', '-', '--log', '--db', db, '--json'], { input: JSON.stringify({ studentRef: 'L1', referenceDate: '2026-03-02', birthDate: '2011-01-01' }) });
    const r = await runCli(['rules', 'diff', DEFAULT_ID, rmcOn(), '--against-log', '--db', db, '--json']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ changed: [], unchanged: 1 });
  });

  it('refuses (exit 2) a case log that does not exist, and creates nothing', async () => {
    const db = join(tmp, 'nothing-here.db');
    const r = await runCli(['rules', 'diff', DEFAULT_ID, rmcOn(), '--against-log', '--db', db]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`het casuslogboek ${db} bestaat niet`);
    expect(existsSync(db)).toBe(false);
  });
});

describe('zorgroute rules graph', () => {
  it('prints Mermaid that Mermaid’s own parser accepts, per layer, binding rules marked', async () => {
    for (const lang of ['nl', 'en']) {
      const r = await runCli(['rules', 'graph', '--lang', lang]);
      expect(r.exitCode).toBe(0);
      expect(r.stdout.startsWith('flowchart')).toBe(true);
      await expect(parseMermaid(r.stdout)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
      expect(r.stdout).toContain('subgraph layer_0["landelijk"]');
      expect(r.stdout).toContain('subgraph layer_1["swv-vo-groningen-ommelanden"]');
      expect(r.stdout).toMatch(/r_leerplicht_16_uur\[\["⚖ /);
      expect(r.stdout).toMatch(/class .*r_leerplicht_16_uur.* binding/);
    }
  });

  it('prints Graphviz dot with --format dot', async () => {
    const r = await runCli(['rules', 'graph', '--format', 'dot']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^digraph rules \{/);
    expect(r.stdout).toContain('r_leerplicht_16_uur -> p_leerplicht [label="verzuimmelding-16-uur", penwidth=2.5];');
  });
});

describe('zorgroute rules list, show, validate', () => {
  it('lists the shipped rule sets and their chains', async () => {
    const r = await runCli(['rules', 'list', '--json']);
    expect(r.exitCode).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; chain: string[]; isDefault: boolean }[];
    expect(list.map((x) => x.id).sort()).toEqual([...shipped].sort());
    expect(list.find((x) => x.isDefault)?.id).toBe(DEFAULT_ID);
    for (const x of list) expect(x.chain.at(-1)).toBe(x.id);
  });

  it('shows the chain within 80 columns, each rule with its layer and state', async () => {
    const r = await runCli(['rules', 'show']);
    expect(r.exitCode).toBe(0);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(r.stdout).toMatch(/uit\s+rmc-16-uur/);
    expect(r.stdout).toMatch(/bindend\s+leerplicht-16-uur/);
    expect(r.stdout.indexOf('laag landelijk')).toBeLessThan(r.stdout.indexOf('laag swv-vo-groningen-ommelanden'));
    const layer = await runCli(['rules', 'show', rmcOn()]);
    expect(layer.stdout).toMatch(/aan\s+rmc-16-uur\s+\(aangezet door laag rmc-regio-16-uur\)/);
    const json = JSON.parse((await runCli(['rules', 'show', '--json'])).stdout) as { rules: { id: string; layer: string; state: string; source: string }[] };
    expect(json.rules.find((x) => x.id === 'rmc-16-uur')).toMatchObject({ state: 'off' });
    expect(json.rules.every((x) => x.layer !== '' && x.source !== '')).toBe(true);
  });

  it('validate lists every problem at once with its path and exits 2', async () => {
    const json = JSON.parse(readFileSync(join(RULES_DIR, `${DEFAULT_ID}.json`), 'utf8')) as { rules: { when?: unknown; then: unknown }[] };
    json.rules[3]!.when = { fact: 'leeftijd', op: 'gte', value: 16 };
    json.rules[5]!.then = {};
    const file = join(tmp, 'two-problems.json');
    writeFileSync(file, JSON.stringify(json));
    const r = await runCli(['rules', 'validate', file, '--lang', 'en']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('2 problems');
    expect(r.stderr).toContain('rules[3].when.fact: unknown fact leeftijd');
    expect(r.stderr).toContain('rules[5].then:');
    const ok = await runCli(['rules', 'validate', join(RULES_DIR, `${DEFAULT_ID}.json`)]);
    expect(ok.exitCode).toBe(0);
  });

  it('validate refuses a layer that switches off a binding rule, naming the layer, the rule and its source', async () => {
    const r = await runCli(['rules', 'validate', fixture('rules/zonder-leerplicht-16-uur.json'), '--json']);
    expect(r.exitCode).toBe(2);
    const result = JSON.parse(r.stdout) as { valid: boolean; problems: { path: string; kind: string; params: Record<string, unknown> }[] };
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([
      expect.objectContaining({ path: 'disable[0]', kind: 'binding-rule-disabled', params: expect.objectContaining({ layer: 'school-zonder-16-uur', rule: 'leerplicht-16-uur' }) }),
    ]);
  });
});
