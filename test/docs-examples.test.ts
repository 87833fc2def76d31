// Every `console test` block in README.md and docs/**/*.md runs against the built binary and the
// shipped example data, and its output must be the one the page shows: a changed output fails the
// suite instead of drifting from the page. The format (commands, expected stdout, masks such as
// `…` and `{vandaag}`) is described in test/docs/doc-examples.ts and in
// docs/reference/architecture.md ("The doc-example test"). Needs `npm run build` first.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeFailure, findBlocks, lineRegex, makeShim, outputMatches, runBlock, type DocBlock } from './docs/doc-examples.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(path);
    return e.name.endsWith('.md') ? [path] : [];
  });
}

const files = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];
const blocks: DocBlock[] = files.flatMap((f) => findBlocks(relative(ROOT, f), readFileSync(f, 'utf8')));
const shimDir = makeShim(ROOT);

describe('the runnable examples in the README and docs/', () => {
  it('there are some, in the README and in the handleiding', () => {
    expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThan(0);
    expect(blocks.filter((b) => b.file.startsWith('docs/handleiding/')).length).toBeGreaterThan(3);
  });

  for (const block of blocks) {
    it(`${block.file}:${block.line} (${block.commands.length} command${block.commands.length === 1 ? '' : 's'})`, async () => {
      const failures = (await runBlock(block, ROOT, shimDir)).filter((r) => !r.ok).map((r) => describeFailure(block, r));
      if (failures.length > 0) throw new Error(`the page and the tool disagree:\n\n${failures.join('\n\n')}`);
    });
  }
});

describe('the doc-example checker itself', () => {
  const masks = { today: new Date(2026, 11, 7), tmp: '/tmp/zorgroute-doc-abc', repo: '/srv/zorgroute' };

  it('finds console test blocks only, with their commands, continuations and expected lines', () => {
    const md = [
      '# x',
      '```sh',
      '$ zorgroute not-run',
      '```',
      '```console test',
      '$ zorgroute route a.json \\',
      '    --json',
      'line one',
      '',
      'line three',
      '$ echo hi',
      'hi',
      '```',
      '```console',
      '$ not run either',
      '```',
    ].join('\n');
    const found = findBlocks('x.md', md);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(5);
    expect(found[0]!.commands).toEqual([
      { line: 6, command: 'zorgroute route a.json --json', expected: ['line one', '', 'line three'] },
      { line: 11, command: 'echo hi', expected: ['hi'] },
    ]);
  });

  it('refuses a block that does not start with a command', () => {
    expect(() => findBlocks('x.md', '```console test\noutput first\n```\n')).toThrow(/must start with a "\$ " command/);
  });

  it('matches masks: … for lines, {…} in a line, today, a time, the folders', () => {
    expect(outputMatches(['a', '…', 'z'], 'a\nb\nc\nz\n', masks)).toBe(true);
    expect(outputMatches(['a', '…', 'z'], 'a\nz', masks)).toBe(true);
    expect(outputMatches(['a', '…'], 'a', masks)).toBe(true);
    expect(outputMatches(['a — {…}'], 'a — whatever comes', masks)).toBe(true);
    expect(outputMatches(['aangemaakt {vandaag} {tijd}'], 'aangemaakt 07-12-2026 16:24', masks)).toBe(true);
    expect(outputMatches(['{vandaag-iso}'], '2026-12-07', masks)).toBe(true);
    expect(outputMatches(['{tmp}/x.db and {repo}/data'], '/tmp/zorgroute-doc-abc/x.db and /srv/zorgroute/data', masks)).toBe(true);
    expect(lineRegex('a (b) [c] $d', masks).test('a (b) [c] $d')).toBe(true);
    expect(outputMatches(['240102 (3)'], '240102\u00a0(3)', masks)).toBe(true);
  });

  it('fails on a wrong, missing or extra line, and on another date', () => {
    expect(outputMatches(['a', 'b'], 'a\nc\n', masks)).toBe(false);
    expect(outputMatches(['a', 'b'], 'a\n', masks)).toBe(false);
    expect(outputMatches(['a'], 'a\nb\n', masks)).toBe(false);
    expect(outputMatches(['{vandaag}'], '08-12-2026', masks)).toBe(false);
    expect(outputMatches(['a {…}'], 'a b\nc', masks)).toBe(false);
  });

  it('fails a real example whose expected line is wrong, and passes the right one', async () => {
    const md = (first: string) => ['```console test', '$ zorgroute route data/examples/situatie.json', first, '…', '```'].join('\n');
    const [right] = findBlocks('right.md', md('Leerling L20417 — peildatum 27-11-2026'));
    const [wrong] = findBlocks('wrong.md', md('Leerling L20417 — peildatum 28-11-2026'));
    expect((await runBlock(right!, ROOT, shimDir)).map((r) => r.ok)).toEqual([true]);
    const failed = await runBlock(wrong!, ROOT, shimDir);
    expect(failed.map((r) => r.ok)).toEqual([false]);
    expect(describeFailure(wrong!, failed[0]!)).toContain('Leerling L20417 — peildatum 27-11-2026');
  });

  it('fails a command that exits with another code than 0, and runs nothing in the tree', async () => {
    const [block] = findBlocks('x.md', '```console test\n$ zorgroute cases show 1\n…\n$ pwd\n{tmp}\n```\n');
    const results = await runBlock(block!, ROOT, shimDir);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect(results[0]!.exitCode).toBe(2);
  });
});
