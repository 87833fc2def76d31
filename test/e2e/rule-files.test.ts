// Rule files that try the limits, through the binary: no stack overflow, no "column NaN", no
// "(a undefined)" — each refused with exit 2 and a message naming the place.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const RULES = fileURLToPath(new URL('../../data/rules/swv-vo-groningen-ommelanden.json', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-rules-'));
const situation = JSON.stringify({ studentRef: 'L1', referenceDate: '2026-11-20', birthDate: '2012-03-01' });

function ruleFile(name: string, change: (rules: { rules: { when?: unknown }[] }) => void): string {
  const json = JSON.parse(readFileSync(RULES, 'utf8')) as { rules: { when?: unknown }[] };
  change(json);
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
}

describe('rule files at the limits', () => {
  it('refuses a condition nested 1,000 deep with its path, not a stack overflow', async () => {
    let when: unknown = { fact: 'age', op: 'gte', value: 12 };
    for (let i = 0; i < 1000; i++) when = { all: [when] };
    const file = ruleFile('deep.json', (r) => (r.rules[5]!.when = when));
    const r = await runCli(['route', '-', '--rules', file], { input: situation });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('rules[5].when.all[0].all[0]….all[0]: voorwaarden 33 niveaus diep genest; hoogstens 32');
    expect(r.stderr).not.toMatch(/call stack|internal error/);
  });

  it('names line and column of unclosed, deeply nested JSON', async () => {
    const file = join(tmp, 'unclosed.json');
    const text = `{"id":"x","rules":[${'{"all":['.repeat(3000)}`;
    writeFileSync(file, text);
    const r = await runCli(['route', '-', '--rules', file, '--lang', 'en'], { input: situation });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`${file}, line 1, column ${text.length + 1}: invalid JSON (the JSON ends too early)`);
    expect(r.stderr).not.toMatch(/NaN|undefined/);
  });

  it('calls facts named __proto__ or constructor unknown facts', async () => {
    const file = ruleFile('proto.json', (r) => {
      r.rules[5]!.when = { fact: '__proto__', op: 'eq', value: 1 };
      r.rules[6]!.when = { fact: 'constructor', op: 'gte', value: 1 };
    });
    const r = await runCli(['route', '-', '--rules', file, '--lang', 'en'], { input: situation });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('rules[5].when.fact: unknown fact __proto__ (known: ');
    expect(r.stderr).toContain('rules[6].when.fact: unknown fact constructor (known: ');
    expect(r.stderr).not.toContain('undefined');
  });
});
