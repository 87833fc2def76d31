// Benchmark of `zorgroute batch` (run `npm run build` first; not part of the tests):
//   node bench/batch.mjs [--rows 1000000] [--runs 3]
// In one run: a synthetic 1M-row export (bench/verzuim-export.mjs, in a temp dir, removed after),
// raw csv-parse streaming throughput over that file, `zorgroute batch --format ndjson` end to end
// (the built binary, records to /dev/null; as it chooses its threads, and with --threads 1), the
// default rule set in json-rules-engine against zorgroute's decide() over the same 100k situations,
// and the peak RSS of the batch process at 100k and 1M rows (reported by the child itself through a
// preloaded module). Best of --runs runs for the timings. Prints a table with the targets of issue 4,
// and the worker threads each run used (the child reports them, ZORGROUTE_BATCH_REPORT_THREADS).
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { Engine } from 'json-rules-engine';
import { planColumns } from '../dist/core/rows/columns.js';
import { decide, firedRules } from '../dist/core/routing/decide.js';
import { DecisionMemo } from '../dist/core/routing/decision-memo.js';
import { dutchWorkingDays } from '../dist/io/calendar/public-holidays.js';
import { deriveFacts } from '../dist/core/routing/facts.js';
import { readRow } from '../dist/core/rows/row-situation.js';
import { readRuleset } from '../dist/io/rules/read-ruleset.js';
import { writeExport } from './verzuim-export.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('--rows', 1_000_000);
const SMALL = Math.min(100_000, ROWS);
const RUNS = arg('--runs', 3);
const BIN = fileURLToPath(new URL('../bin/zorgroute.js', import.meta.url));
// The child reports its own peak RSS (getrusage ru_maxrss, KiB) on exit: portable, no /usr/bin/time.
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nBENCH_MAXRSS_KB='+process.resourceUsage().maxRSS+'\\n'))`;

const dir = mkdtempSync(join(tmpdir(), 'zorgroute-bench-'));
const bigFile = join(dir, `export-${ROWS}.csv`);
const smallFile = join(dir, `export-${SMALL}.csv`);
const fmt = (n) => Math.round(n).toLocaleString('en-GB');

async function best(label, fn) {
  let bestResult;
  for (let i = 0; i < RUNS; i++) {
    const result = await fn();
    process.stderr.write(`  ${label} run ${i + 1}: ${result.seconds.toFixed(2)} s\n`);
    if (!bestResult || result.seconds < bestResult.seconds) bestResult = result;
  }
  return bestResult;
}

/** best() of several measures taken in turns: a1 b1 a2 b2 …; the best of each. */
async function bestAlternating(measures) {
  const bests = measures.map(() => undefined);
  for (let i = 0; i < RUNS; i++) {
    for (const [m, [label, fn]] of measures.entries()) {
      const result = await fn();
      process.stderr.write(`  ${label} run ${i + 1}: ${result.seconds.toFixed(2)} s\n`);
      if (!bests[m] || result.seconds < bests[m].seconds) bests[m] = result;
    }
  }
  return bests;
}

/** csv-parse as its README streams a file: createReadStream → parse(), counting records. */
function rawParse(file) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let records = 0;
    createReadStream(file)
      .pipe(parse({ delimiter: ';', bom: true, relax_column_count: true }))
      .on('data', () => {
        records += 1;
      })
      .on('error', reject)
      .on('end', () => resolve({ seconds: (performance.now() - start) / 1000, rows: records - 1 }));
  });
}

/** The built binary, records to /dev/null; its own peak RSS from stderr. */
function endToEnd(file, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', REPORT_RSS, BIN, 'batch', file, '--format', 'ndjson', ...extraArgs], {
      stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
      env: { ...process.env, NO_COLOR: '1', LANG: 'en_GB.UTF-8', ZORGROUTE_BATCH_REPORT_THREADS: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const rss = /BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
      const rows = /zorgroute batch: (\d+) rows/.exec(stderr);
      const threads = /zorgroute batch: worker threads: (\d+)/.exec(stderr);
      if ((code !== 0 && code !== 4) || !rss || !rows || !threads) reject(new Error(`batch failed (exit ${code}):\n${stderr}`));
      else resolve({ seconds, rows: Number(rows[1]), maxRssMb: Number(rss[1]) / 1024, threads: Number(threads[1]) });
    });
  });
}

const OPERATORS = { eq: 'equal', ne: 'notEqual', lt: 'lessThan', lte: 'lessThanInclusive', gt: 'greaterThan', gte: 'greaterThanInclusive', in: 'in', notIn: 'notIn', includes: 'contains', isEmpty: 'isEmpty', notEmpty: 'notEmpty' };

/** The rule set's conditions in json-rules-engine's shape: same facts, same operators. */
function jreCondition(cond) {
  if ('all' in cond) return { all: cond.all.map(jreCondition) };
  if ('any' in cond) return { any: cond.any.map(jreCondition) };
  if ('not' in cond) return { not: jreCondition(cond.not) };
  return { fact: cond.fact, operator: OPERATORS[cond.op], value: cond.value ?? null };
}

function jreEngine(ruleset) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('isEmpty', (fact) => Array.isArray(fact) && fact.length === 0);
  engine.addOperator('notEmpty', (fact) => Array.isArray(fact) && fact.length > 0);
  for (const rule of ruleset.active) {
    // A rule without conditions always holds: `any` of one condition that is always true.
    const conditions = rule.when ? jreCondition(rule.when) : { all: [{ fact: 'always', operator: 'equal', value: true }] };
    engine.addRule({ name: rule.id, conditions: 'fact' in conditions ? { all: [conditions] } : conditions, event: { type: rule.id } });
  }
  return engine;
}

async function rulesEngines(file, ruleset) {
  // The same 100k situations for both, read from the export by zorgroute's row reader.
  const records = await new Promise((resolve, reject) => {
    const out = [];
    createReadStream(file)
      .pipe(parse({ delimiter: ';', bom: true, relax_column_count: true }))
      .on('data', (r) => out.push(r))
      .on('error', reject)
      .on('end', () => resolve(out));
  });
  const planned = planColumns(records.shift());
  const situations = [];
  for (const cells of records) {
    const row = readRow(cells, planned.plan, '2026-02-02');
    if (row.ok) situations.push(row.situation);
  }
  const factsOf = situations.map((s) => deriveFacts(s));

  let start = performance.now();
  const ours = [];
  for (let i = 0; i < situations.length; i++) ours.push(decide(situations[i], ruleset, dutchWorkingDays(), deriveFacts(situations[i])));
  const decideSeconds = (performance.now() - start) / 1000;

  start = performance.now();
  const memo = new DecisionMemo(ruleset, dutchWorkingDays());
  for (let i = 0; i < situations.length; i++) memo.tailFor(situations[i], deriveFacts(situations[i]));
  const memoSeconds = (performance.now() - start) / 1000;

  const engine = jreEngine(ruleset);
  const almanacFacts = situations.map((s, i) => ({ ...s, ...factsOf[i], always: true }));
  start = performance.now();
  const theirs = [];
  for (const facts of almanacFacts) theirs.push((await engine.run(facts)).events.map((e) => e.type));
  const jreSeconds = (performance.now() - start) / 1000;

  let agree = 0;
  for (let i = 0; i < situations.length; i++) {
    const fired = firedRules(situations[i], ruleset, factsOf[i]).map((r) => r.id).sort().join();
    if (fired === [...theirs[i]].sort().join()) agree += 1;
  }
  return { rows: situations.length, decideSeconds, memoSeconds, jreSeconds, agree, decisions: ours.length };
}

try {
  process.stderr.write(`generating ${fmt(ROWS)} and ${fmt(SMALL)} rows in ${dir}\n`);
  writeExport(ROWS, bigFile);
  writeExport(SMALL, smallFile);
  const ruleset = readRuleset(undefined, 'nl');

  const raw = await best('raw csv-parse', () => rawParse(bigFile));
  // The run without and with --log alternate, so that both meet the machine in the same state (on a
  // shared machine the speed drifts over a minute); --log into a new database each run: the first
  // run of an export, which writes every case.
  let logRun = 0;
  const [e2e, logged] = await bestAlternating([
    [`zorgroute batch ${fmt(ROWS)}`, () => endToEnd(bigFile)],
    [`zorgroute batch ${fmt(ROWS)} --log`, () => endToEnd(bigFile, ['--log', '--db', join(dir, `log-${++logRun}.db`)])],
  ]);
  const e2eOne = await best(`zorgroute batch ${fmt(ROWS)} --threads 1`, () => endToEnd(bigFile, ['--threads', '1']));
  const e2eSmall = await best(`zorgroute batch ${fmt(SMALL)}`, () => endToEnd(smallFile));
  const engines = await rulesEngines(smallFile, ruleset);

  const rawRate = raw.rows / raw.seconds;
  const e2eRate = e2e.rows / e2e.seconds;
  const e2eOneRate = e2eOne.rows / e2eOne.seconds;
  const threadsUsed = (r) => (r.threads === 0 ? 'none (1 thread)' : `${r.threads} workers`);
  const decideRate = engines.rows / engines.decideSeconds;
  const memoRate = engines.rows / engines.memoSeconds;
  const jreRate = engines.rows / engines.jreSeconds;
  const rows = [
    [`raw csv-parse streaming (${fmt(ROWS)} rows)`, `${fmt(rawRate)} rows/s`, '', ''],
    [`zorgroute batch --format ndjson, end to end (${fmt(ROWS)})`, `${fmt(e2eRate)} rows/s`, '', ''],
    ['  end to end / raw csv-parse', `${(e2eRate / rawRate).toFixed(2)}×`, '≥ 0.6×', e2eRate / rawRate >= 0.6 ? 'yes' : 'NO'],
    ['  worker threads used (1M; 100k; 1M --log)', `${threadsUsed(e2e)}; ${threadsUsed(e2eSmall)}; ${threadsUsed(logged)}`, '', ''],
    [`zorgroute batch --threads 1, end to end (${fmt(ROWS)})`, `${fmt(e2eOneRate)} rows/s`, '', ''],
    ['  --threads 1 / raw csv-parse', `${(e2eOneRate / rawRate).toFixed(2)}×`, '', ''],
    ['json-rules-engine, default rules (100k situations)', `${fmt(jreRate)} rows/s`, '', ''],
    ['zorgroute decide() in-process (same 100k)', `${fmt(decideRate)} rows/s`, '', ''],
    ['  decide() / json-rules-engine', `${(decideRate / jreRate).toFixed(1)}×`, '≥ 25×', decideRate / jreRate >= 25 ? 'yes' : 'NO'],
    ['zorgroute memoised decide (what batch runs, same 100k)', `${fmt(memoRate)} rows/s`, '', ''],
    [`  end to end (${fmt(ROWS)}) / json-rules-engine`, `${(e2eRate / jreRate).toFixed(1)}×`, '', ''],
    ['  fired rules agree (json-rules-engine = zorgroute)', `${fmt(engines.agree)} / ${fmt(engines.rows)}`, 'all', engines.agree === engines.rows ? 'yes' : 'NO'],
    [`peak RSS, batch at ${fmt(SMALL)} rows`, `${e2eSmall.maxRssMb.toFixed(0)} MB`, '', ''],
    [`peak RSS, batch at ${fmt(ROWS)} rows`, `${e2e.maxRssMb.toFixed(0)} MB`, '< 200 MB', e2e.maxRssMb < 200 ? 'yes' : 'NO'],
    ['  RSS 1M / RSS 100k', `${(e2e.maxRssMb / e2eSmall.maxRssMb).toFixed(2)}×`, '≤ 1.5×', e2e.maxRssMb / e2eSmall.maxRssMb <= 1.5 ? 'yes' : 'NO'],
    [`peak RSS, batch --threads 1 at ${fmt(ROWS)} rows`, `${e2eOne.maxRssMb.toFixed(0)} MB`, '', ''],
    [`zorgroute batch --format ndjson --log (${fmt(ROWS)}, new database)`, `${fmt(logged.rows / logged.seconds)} rows/s`, '', ''],
    ['  --log overhead (time with / without)', `${(logged.seconds / e2e.seconds).toFixed(2)}×`, '≤ 1.5×', logged.seconds / e2e.seconds <= 1.5 ? 'yes' : 'NO'],
  ];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), ['measure', 'value', 'target', 'met'][c].length));
  const line = (r) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(`zorgroute batch benchmark — node ${process.version}, ${(await import('node:os')).cpus().length} CPUs, best of ${RUNS}`);
  console.log(line(['measure', 'value', 'target', 'met']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
