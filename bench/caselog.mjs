// Benchmark of the case log at scale (run `npm run build` first; not part of the tests):
//   node bench/caselog.mjs [--sizes 1000,10000,100000] [--runs 3]
// Builds case logs of 1,000 / 10,000 / 100,000 cases in a temp dir (written directly through the
// store in transactions of 5,000, as `batch --log` does — not 100,000 process spawns): every case an
// intake and a decision (a third with an escalation to leerplicht, some overdue), every tenth with a
// note, every fifth closed, every seventh with its escalation marked done. Then, spawning the built
// binary: the time of `cases list`, `cases due` and `cases verify` (best of --runs), and the peak RSS
// of `cases export --all` (to /dev/null; the child reports its own getrusage maxRSS). Prints a table
// with the targets of issue 10.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decide } from '../dist/core/routing/decide.js';
import { parseSituation } from '../dist/core/routing/situation.js';
import { readRuleset } from '../dist/io/rules/read-ruleset.js';
import { dutchWorkingDays } from '../dist/io/calendar/public-holidays.js';
import { openCaseStore } from '../dist/io/db/case-store.js';
import { decisionIdempotencyKey } from '../dist/io/db/decision-key.js';
import { prepareDecision, prepareOutcome } from '../dist/io/db/prepared-entry.js';

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
/** --keep DIR: build the logs there and leave them (for profiling). */
const KEEP = argValue('--keep', undefined);
const SIZES = argValue('--sizes', '1000,10000,100000').split(',').map(Number);
const RUNS = Number(argValue('--runs', '3'));
const BIN = fileURLToPath(new URL('../bin/zorgroute.js', import.meta.url));
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nBENCH_MAXRSS_KB='+process.resourceUsage().maxRSS+'\\n'))`;
const dir = KEEP ?? mkdtempSync(join(tmpdir(), 'zorgroute-bench-caselog-'));
const fmt = (n) => Math.round(n).toLocaleString('en-GB');

function buildLog(path, cases) {
  const ruleset = readRuleset(undefined, 'nl');
  const workingDays = dutchWorkingDays();
  const store = openCaseStore(path, { durability: 'normal', now: () => new Date('2026-11-20T08:00:00Z') });
  const outcomes = new Map();
  for (let start = 0; start < cases; start += 5000) {
    const chunk = { entries: [], outcomes: {} };
    for (let i = start; i < Math.min(cases, start + 5000); i++) {
      const hours = i % 3 === 0 ? 16 + (i % 5) : i % 4;
      const day = String(1 + (i % 28)).padStart(2, '0');
      const parsed = parseSituation({ studentRef: `S${i}`, birthDate: '2011-05-04', referenceDate: `2026-11-${day}`, unexcusedHours4w: hours, supportNeed: i % 11 === 0 ? ['leren'] : [] }, '2026-11-28');
      const situation = parsed.value;
      const decision = decide(situation, ruleset, workingDays);
      const outcome = prepareOutcome(decision);
      if (!outcomes.has(outcome.sha256)) chunk.outcomes[outcome.sha256] = outcome.json;
      outcomes.set(outcome.sha256, true);
      chunk.entries.push(prepareDecision({ studentRef: situation.studentRef, situation, decision, source: 'batch', idempotencyKey: decisionIdempotencyKey(decision) }, outcome));
    }
    store.recordPrepared(chunk);
  }
  // The follow-up events in transactions of 5,000 cases too (each appendEvent() then a savepoint).
  const followUp = store.db.transaction((from, to) => {
    for (let id = from; id <= to; id++) followUpOf(id);
  });
  for (let from = 1; from <= cases; from += 5000) followUp(from, Math.min(cases, from + 4999));
  store.close();

  function followUpOf(id) {
    if (id % 10 === 0) store.appendEvent(id, { kind: 'note', data: { text: 'ouders gebeld, afspraak gemaakt' } });
    if (id % 7 === 1 && (id - 1) % 3 === 0) store.appendEvent(id, { kind: 'action', data: { action: 'leerplicht', date: '2026-11-27', escalation: { to: 'leerplicht', type: 'verzuimmelding-16-uur' }, party: null, note: null } });
    if (id % 5 === 0) store.appendEvent(id, { kind: 'closed', data: { note: null } });
  }
}

function run(args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', REPORT_RSS, BIN, ...args], {
      stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
      env: { ...process.env, NO_COLOR: '1', LANG: 'nl_NL.UTF-8' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
      if (code !== 0 && code !== 3) reject(new Error(`zorgroute ${args.join(' ')} failed (exit ${code}):\n${stderr}`));
      else resolve({ seconds, maxRssMb: Number(rss?.[1] ?? 0) / 1024 });
    });
  });
}

async function best(args) {
  let b;
  for (let i = 0; i < RUNS; i++) {
    const r = await run(args);
    if (!b || r.seconds < b.seconds) b = { ...r, maxRssMb: Math.max(b?.maxRssMb ?? 0, r.maxRssMb) };
  }
  return b;
}

const results = [];
try {
  for (const size of SIZES) {
    const db = join(dir, `cases-${size}.db`);
    const t0 = process.hrtime.bigint();
    buildLog(db, size);
    const built = Number(process.hrtime.bigint() - t0) / 1e9;
    const list = await best(['cases', 'list', '--db', db]);
    const due = await best(['cases', 'due', '--db', db]);
    const verify = await best(['cases', 'verify', '--db', db]);
    const exp = await run(['cases', 'export', '--all', '--db', db]);
    results.push({ size, built, list: list.seconds, due: due.seconds, verify: verify.seconds, exportS: exp.seconds, exportRss: exp.maxRssMb });
    process.stderr.write(`${fmt(size)} cases: built in ${built.toFixed(1)} s\n`);
  }
} finally {
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
}

const row = (cells) => `| ${cells.join(' | ')} |`;
console.log(row(['cases', 'cases list', 'cases due', 'cases verify', 'cases export --all', 'export peak RSS']));
console.log(row(['---:', '---:', '---:', '---:', '---:', '---:']));
for (const r of results) console.log(row([fmt(r.size), `${r.list.toFixed(3)} s`, `${r.due.toFixed(3)} s`, `${r.verify.toFixed(3)} s`, `${r.exportS.toFixed(2)} s`, `${r.exportRss.toFixed(0)} MB`]));
const by = (n) => results.find((r) => r.size === n);
const small = by(1000), mid = by(10000), big = by(100000);
if (small && mid && big) {
  console.log('');
  console.log(row(['target', 'measured', 'met']));
  console.log(row(['---', '---:', '---']));
  const t = (name, value, limit) => console.log(row([name, `${value.toFixed(2)}×`, value <= limit ? `yes (≤ ${limit}×)` : `NO (> ${limit}×)`]));
  t('cases list at 100,000 / at 1,000', big.list / small.list, 3);
  t('cases due at 100,000 / at 1,000', big.due / small.due, 3);
  t('cases verify at 100,000 / at 10,000', big.verify / mid.verify, 12);
  t('export peak RSS at 100,000 / at 10,000', big.exportRss / mid.exportRss, 1.5);
}
