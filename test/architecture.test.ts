// The import rules of docs/reference/architecture.md ("The layers"), read off the source files themselves:
// no file imports a file that imports it back (types included), src/core imports nothing outside
// src/core but zod, and the libraries with a single home are imported there only.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier of a file: static imports and re-exports (type-only too) and import(). */
export function importSpecifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/^\s*(?:import|export)\s[^;]*?\sfrom\s*['"]([^'"]+)['"]/gms, /^\s*import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]!);
  return found;
}

const files = sourceFiles(SRC);
const rel = (abs: string) => relative(ROOT, abs).split('\\').join('/');
/** file (src/…​.ts) → its imports: local ones resolved to src/…​.ts, packages as named. */
const graph = new Map<string, { local: string[]; packages: string[] }>(
  files.map((f) => {
    const specs = importSpecifiers(readFileSync(f, 'utf8'));
    const local = specs.filter((s) => s.startsWith('.')).map((s) => rel(resolve(dirname(f), s)).replace(/\.js$/, '.ts'));
    const packages = specs.filter((s) => !s.startsWith('.'));
    return [rel(f), { local, packages }];
  }),
);

/** The import cycles, each as the list of files on it (Tarjan's strongly connected components). */
function cycles(): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.local ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || (graph.get(v)?.local ?? []).includes(v)) found.push(part.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

/** How many files stand directly in each folder under src/. */
function filesPerFolder(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of graph.keys()) {
    const dir = f.slice(0, f.lastIndexOf('/'));
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  return counts;
}

describe('architecture', () => {
  it('reads the imports of the source tree', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(importSpecifiers("import type { A } from './a.js';\nexport { b } from \"../b.js\";\nconst c = await import('./c.js');")).toEqual(['./a.js', '../b.js', './c.js']);
  });

  it('every local import names a file that exists', () => {
    const missing = [...graph].flatMap(([f, { local }]) => local.filter((l) => !graph.has(l)).map((l) => `${f} → ${l}`));
    expect(missing).toEqual([]);
  });

  it('has no import cycles, type imports included', () => {
    expect(cycles()).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    graph.set('src/x-a.ts', { local: ['src/x-b.ts'], packages: [] });
    graph.set('src/x-b.ts', { local: ['src/x-a.ts'], packages: [] });
    try {
      expect(cycles()).toEqual([['src/x-a.ts', 'src/x-b.ts']]);
    } finally {
      graph.delete('src/x-a.ts');
      graph.delete('src/x-b.ts');
    }
  });

  it('src/core imports nothing outside src/core but zod', () => {
    const bad = [...graph]
      .filter(([f]) => f.startsWith('src/core/'))
      .flatMap(([f, { local, packages }]) => [...local.filter((l) => !l.startsWith('src/core/')), ...packages.filter((p) => p !== 'zod')].map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('src/io imports no command, ui or cli module', () => {
    const bad = [...graph].filter(([f]) => f.startsWith('src/io/')).flatMap(([f, { local }]) => local.filter((l) => !l.startsWith('src/io/') && !l.startsWith('src/core/')).map((l) => `${f} → ${l}`));
    expect(bad).toEqual([]);
  });

  it('commands import neither commander, chalk nor inquirer, nor ui or cli modules', () => {
    const bad = [...graph]
      .filter(([f]) => f.startsWith('src/commands/'))
      .flatMap(([f, { local, packages }]) => [
        ...packages.filter((p) => /^(commander|chalk|@inquirer\/|inquirer|string-width|wrap-ansi)/.test(p)),
        ...local.filter((l) => l.startsWith('src/ui/') || l.startsWith('src/cli')),
      ].map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it('inquirer only in ui/prompts.ts; chalk only in ui/style.ts (used by print*.ts); cli-table3 only in ui/print/table.ts; column measuring only in ui/layout.ts', () => {
    const homes: Array<[RegExp, string]> = [
      [/^(@inquirer\/|inquirer)/, 'src/ui/prompts.ts'],
      [/^chalk$/, 'src/ui/style.ts'],
      [/^cli-table3$/, 'src/ui/print/table.ts'],
      [/^(string-width|wrap-ansi)$/, 'src/ui/layout.ts'],
    ];
    const bad = [...graph].flatMap(([f, { packages }]) => packages.filter((p) => homes.some(([re, home]) => re.test(p) && f !== home)).map((p) => `${f} → ${p}`));
    expect(bad).toEqual([]);
  });

  it('the commander program lives in src/cli/: no cli-*.ts loose at the top of src/', () => {
    const loose = [...graph.keys()].filter((f) => /^src\/[^/]+\.ts$/.test(f));
    expect(loose).toEqual([]);
    const commander = [...graph].filter(([f, { packages }]) => packages.includes('commander') && !f.startsWith('src/cli/')).map(([f]) => f);
    expect(commander).toEqual([]);
  });

  it('no folder under src/ holds more than 15 files directly (a folder per kind beyond that)', () => {
    const crowded = [...filesPerFolder()].filter(([, n]) => n > 15).map(([d, n]) => `${d}: ${n}`);
    expect(crowded).toEqual([]);
  });

  it('no module re-exports another: every import names the file that defines what it takes', () => {
    const reexports = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^\s*export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/gm)].map((m) => `${rel(f)} → ${m[1]}`),
    );
    expect(reexports).toEqual([]);
  });
});
