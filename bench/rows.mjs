// Benchmark of reading rows (run `npm run build` first; not part of the tests):
//   node bench/rows.mjs [--rows 200000] [--runs 7] [--against OTHER/dist]
// readRow() — the batch fast path with the slow path behind it, the BSN screening and the privacy
// guard's checks — over the rows of the synthetic export (bench/verzuim-export.mjs), already split
// into cells, so that the figure is the row reading alone (bench/batch.mjs measures the whole run).
// With --against, another build's readRow (e.g. of the commit before a change) runs in the same
// process, alternating with this one: on a busy machine a comparison only means something that way.
// Prints the best of --runs runs for each (CPU time of this process), in ns per row and rows per second.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { writeExport } from './verzuim-export.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const ROWS = Number(arg('--rows', 200_000));
const RUNS = Number(arg('--runs', 7));
const against = arg('--against', undefined);

const dir = mkdtempSync(join(tmpdir(), 'zorgroute-bench-rows-'));
const file = join(dir, 'export.csv');
writeExport(ROWS, file);
const [header, ...rows] = parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';', relax_column_count: true });
rmSync(dir, { recursive: true, force: true });

async function reader(distDir, label) {
  const url = (p) => pathToFileURL(join(resolve(distDir), p)).href;
  const { planColumns } = await import(url('core/rows/columns.js'));
  const { readRow } = await import(url('core/rows/row-situation.js'));
  const planned = planColumns(header);
  if (!planned.ok) throw new Error(`${label}: the bench header does not plan`);
  return { label, plan: planned.plan, readRow };
}

const builds = [await reader(new URL('../dist/', import.meta.url).pathname, 'this build')];
if (against) builds.push(await reader(against, `--against ${against}`));

const best = builds.map(() => Infinity);
const valid = builds.map(() => 0);
for (let run = 0; run < RUNS; run++) {
  // Turn about (A B, B A, …): whoever runs second in a pair gets a warmer machine.
  const order = run % 2 === 0 ? [...builds.keys()] : [...builds.keys()].reverse();
  for (const b of order) {
    const { plan, readRow } = builds[b];
    let ok = 0;
    // CPU time, not wall time: on a shared machine waiting for a CPU is not the code's cost.
    const start = process.cpuUsage();
    for (const cells of rows) if (readRow(cells, plan, '2026-02-02').ok) ok++;
    const used = process.cpuUsage(start);
    const ns = ((used.user + used.system) * 1000) / rows.length;
    valid[b] = ok;
    best[b] = Math.min(best[b], ns);
  }
}

console.log(`readRow over ${rows.length.toLocaleString('en-GB')} rows, best of ${RUNS} runs`);
console.log('| build | ns/row | rows/s | valid rows |');
console.log('|---|---:|---:|---:|');
for (const [b, { label }] of builds.entries()) {
  console.log(`| ${label} | ${best[b].toFixed(0)} | ${Math.round(1e9 / best[b]).toLocaleString('en-GB')} | ${valid[b].toLocaleString('en-GB')} |`);
}
if (builds.length === 2) console.log(`this build / other: ${(best[0] / best[1]).toFixed(3)}×`);
