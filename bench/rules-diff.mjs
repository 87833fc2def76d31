#!/usr/bin/env node
// `rules diff --against-log` over a case log of N logged situations (default 20,000): the time and
// the peak memory of the re-deciding under both chains. Needs `npm run build` first.
//   node bench/rules-diff.mjs [N]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'zorgroute.js');
const n = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), 'zorgroute-bench-diff-'));
try {
  // mulberry32: the same log on every run.
  let seed = 1;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ studentRef: `B${i}`, referenceDate: '2026-03-02', birthDate: pick(['2006-10-10', '2011-01-01', '2009-05-05']), unexcusedHours4w: pick([0, 8, 16, 20]), unexcusedWeeks: pick([0, 5]) }),
  );
  writeFileSync(join(dir, 'in.ndjson'), `${lines.join('\n')}\n`);
  const db = join(dir, 'cases.db');
  execFileSync(process.execPath, [bin, 'route', join(dir, 'in.ndjson'), '--log', '--db', db, '--json'], { stdio: 'ignore' });
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [bin, 'rules', 'diff', 'swv-vo-groningen-ommelanden', join(root, 'test', 'fixtures', 'rules', 'rmc-16-uur-aan.json'), '--against-log', '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const result = JSON.parse(run.stdout);
  console.log(`rules diff --against-log: ${n} logged situations, ${result.changed.length} change, ${result.unchanged} unchanged; exit ${run.status}; ${ms.toFixed(0)} ms (${((ms / n) * 1000).toFixed(1)} µs a situation, both chains)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
