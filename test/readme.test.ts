// The README and the manual in docs/ must say what the shipped tool really gives. (Their command
// examples are run by test/docs-examples.test.ts; this file checks what is not a command.)
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string): Buffer => readFileSync(join(ROOT, path));

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return markdownFiles(path);
    return e.name.endsWith('.md') ? [path] : [];
  });
}

const pages = ['README.md', ...markdownFiles('docs')];
const text = (page: string): string => read(page).toString('utf8');

// Pages other branches add (the rules format, the calendar, the JSON contract, completion, the
// verzuimprotocol): a link to one of them may point nowhere until those branches are merged.
// Empty this list once they are in.
const PENDING = new Set<string>([
]);

describe('README and docs/', () => {
  it('every sha256 they show is the one of a shipped rule set (a layer of the default chain)', () => {
    const hashes = ['swv-vo-groningen-ommelanden', 'landelijk'].map((id) => createHash('sha256').update(read(`data/rules/${id}.json`)).digest('hex'));
    const actual = hashes.join(' or ');
    const shown = pages.flatMap((page) =>
      [...text(page).matchAll(/\b[0-9a-f]{12,64}\b/g)].map((m) => ({ page, hash: m[0] })).filter(({ hash }) => /[a-f]/.test(hash) && /\d/.test(hash)),
    );
    expect(shown.filter(({ page }) => page === 'README.md').length).toBeGreaterThan(0);
    for (const { page, hash } of shown) expect(hashes.some((h) => h.startsWith(hash)), `${page} shows ${hash}, the rule sets' sha256 is ${actual}`).toBe(true);
  });

  it('the README is short: at most 300 lines', () => {
    expect(text('README.md').split('\n').length).toBeLessThanOrEqual(300);
  });

  it("the README's quick start is two commands, and its test command is the one CI runs", () => {
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(text('README.md'));
    expect(quickStart, 'a ## Quick start section with a ```sh block').not.toBeNull();
    const commands = quickStart![1]!.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm ci && npx zorgroute /);
    expect(commands[1]!.trim()).toBe('npm test');
    expect(text('.ci/run')).toMatch(/^npm test$/m);
  });

  it('every link to a file in the repository points at one that exists', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const m of text(page).matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const path = relative(ROOT, resolve(ROOT, dirname(page), target)).split('\\').join('/');
        if (!existsSync(join(ROOT, path)) && !PENDING.has(path)) broken.push(`${page} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the exit-code tables of it-beheer.md and scripting.md are the same', () => {
    const table = (page: string) => /## Eindcodes\n\n(\|[\s\S]*?)\n\n/.exec(text(page))?.[1];
    expect(table('docs/handleiding/it-beheer.md')).toBeDefined();
    expect(table('docs/handleiding/it-beheer.md')).toBe(table('docs/handleiding/scripting.md'));
  });

  it('the handleiding is Dutch and the reference English', () => {
    const dutch = /\b(de|het|een|en|niet|wordt)\b/g;
    const english = /\b(the|a|and|not|is|of)\b/g;
    const count = (page: string, re: RegExp) => (text(page).replace(/```[\s\S]*?```|`[^`\n]*`/g, ' ').match(re) ?? []).length;
    for (const page of pages.filter((p) => p.startsWith('docs/handleiding/'))) expect(count(page, dutch), page).toBeGreaterThan(count(page, english));
    for (const page of pages.filter((p) => p.startsWith('docs/reference/'))) expect(count(page, english), page).toBeGreaterThan(count(page, dutch));
  });
});
