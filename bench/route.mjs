#!/usr/bin/env node
// Measures the routing core and the `route` command; prints figures, asserts nothing.
//   node bench/route.mjs [--situations N] [--runs R]
// 1. decide() throughput over N generated situations (default 1,000,000), rule set compiled once:
//    the layered default chain (landelijk ← swv-vo-groningen-ommelanden) and the same rules
//    flattened into one file, measured in alternating rounds in one run.
// 2. Cold start of `zorgroute route --json FILE` against `node -e 0`, run alternately R times
//    (default 30) in one run; medians and their ratio.
// Needs a build first (npm run build).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('--situations', 1_000_000);
const RUNS = arg('--runs', 30);

const { readRuleChain, readRuleset } = await import(join(root, 'dist/io/read-ruleset.js'));
const { flattenRuleset } = await import(join(root, 'dist/core/routing/layers.js'));
const { parseSituation } = await import(join(root, 'dist/core/routing/situation.js'));
const { decide } = await import(join(root, 'dist/core/routing/decide.js'));
const { dutchWorkingDays } = await import(join(root, 'dist/io/public-holidays.js'));
const workingDays = dutchWorkingDays();

// Deterministic generator (mulberry32) of valid, varied situations around every threshold.
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(20261128);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const pad = (n) => String(n).padStart(2, '0');
function situation(i) {
  const year = 2000 + Math.floor(rnd() * 23);
  const s = {
    studentRef: `L${i}`,
    referenceDate: pick(['2025-10-01', '2026-02-01', '2026-05-15', '2026-07-31', '2026-08-01']),
    birthDate: `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`,
    educationType: pick(['po', 'vo', 'vso', 'mbo']),
    enrolled: rnd() < 0.97,
    startkwalificatie: rnd() < 0.1,
    unexcusedHours4w: pick([0, 0, 0, 4, 15, 16, 20.5]),
    unexcusedWeeks: pick([0, 0, 0, 3, 4, 5]),
    luxuryAbsence: rnd() < 0.02,
    sickReports12w: pick([0, 1, 3, 4]),
    sickDaysInRow: pick([0, 2, 6, 7]),
    deregistered: rnd() < 0.03,
    weeksWithoutPlace: pick([0, 0, 0, 0, 4, 6]),
    placeProspect: rnd() < 0.3,
    supportNeed: rnd() < 0.1 ? [pick(['gedrag', 'leren', 'gezondheid'])] : [],
    schoolCanSupport: rnd() < 0.8,
    swvInvolved: rnd() < 0.5,
    danger: rnd() < 0.01,
    abuseSuspected: rnd() < 0.02,
    studentAllowsParents: pick([null, true, false]),
  };
  const parsed = parseSituation(s, '2026-11-28');
  if (!parsed.ok) throw new Error(`generator made an invalid situation: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

const situations = Array.from({ length: N }, (_, i) => situation(i));

// The chain as read, and the same effective rules written back as one file without `extends`.
const dir = mkdtempSync(join(tmpdir(), 'zorgroute-bench-'));
const flatFile = join(dir, 'flat.json');
writeFileSync(flatFile, JSON.stringify(flattenRuleset(readRuleChain(undefined).ruleset)));
const chained = readRuleset(undefined, 'nl');
const flat = readRuleset(flatFile, 'nl');

function run(ruleset) {
  let escalations = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) escalations += decide(situations[i], ruleset, workingDays).escalations.length;
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, escalations };
}
for (const rs of [chained, flat]) for (let i = 0; i < Math.min(N, 50_000); i++) decide(situations[i], rs, workingDays); // warm-up
// Alternating rounds, best of each: the machine's other work weighs on both alike.
const ROUNDS = 3;
const best = { chained: Infinity, flat: Infinity };
let escalations = { chained: 0, flat: 0 };
for (let r = 0; r < ROUNDS; r++) {
  const a = run(chained);
  const b = run(flat);
  best.chained = Math.min(best.chained, a.seconds);
  best.flat = Math.min(best.flat, b.seconds);
  escalations = { chained: a.escalations, flat: b.escalations };
}
if (escalations.chained !== escalations.flat) throw new Error(`the chain and the flat file disagree: ${escalations.chained} vs ${escalations.flat} escalations`);
const seconds = best.chained;

const file = join(dir, 'situation.json');
writeFileSync(file, JSON.stringify({ studentRef: 'A1', birthDate: '2012-03-01', referenceDate: '2026-11-27', unexcusedHours4w: 16 }));
const bin = join(root, 'bin/zorgroute.js');
execFileSync(process.execPath, [bin, 'route', '--json', file]); // fail loudly if the command is broken

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const baseline = [];
const route = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(timeOnce(['-e', '0']));
  route.push(timeOnce([bin, 'route', '--json', file]));
}
rmSync(dir, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const rate = N / seconds;
const flatRate = N / best.flat;
const ratio = median(route) / median(baseline);
console.log('zorgroute route benchmark');
console.log(`  decide(), layered chain  ${N.toLocaleString('en')} situations in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} situations/s (target ≥ 500,000)  [${escalations.chained} escalations]`);
console.log(`  decide(), one flat file  ${N.toLocaleString('en')} situations in ${best.flat.toFixed(2)} s = ${Math.round(flatRate).toLocaleString('en')} situations/s  [${escalations.flat} escalations]`);
console.log(`  layered / flat           ${(rate / flatRate).toFixed(3)}× (best of ${ROUNDS} alternating rounds each; the chain is compiled once)`);
console.log(`  node -e 0                median ${median(baseline).toFixed(1)} ms over ${RUNS} runs`);
console.log(`  zorgroute route --json   median ${median(route).toFixed(1)} ms over ${RUNS} runs`);
console.log(`  cold-start ratio         ${ratio.toFixed(2)}× (target ≤ 2.5×)`);
