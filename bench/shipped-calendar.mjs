// bench/shipped-calendar.mjs — what counting over the shipped holidays costs: the shipped calendar
// spans every shipped school year (about 600 school days instead of 200), and the per-student day
// arrays grow with it. 25,000 students and 200,000 registrations in 2026-2027 (regio noord), run
// once with the school's calendar of that one year (`calendar init`) and once without --calendar
// (`--region noord`), twice each. Prints peak RSS and wall time per run.
//
//   npm run build && node bench/shipped-calendar.mjs
//
// Files go to bench/out/ (gitignored). Figures, not assertions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './verzuim-export.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = `${ROOT}bench/out`;
const BIN = `${ROOT}bin/zorgroute.js`;
const STUDENTS = 25_000;
const REGISTRATIONS = 200_000;
const REPORT = `data:text/javascript,process.on('exit',()=>{process.stderr.write('\\nBENCH_MAXRSS_KB='+process.resourceUsage().maxRSS+'\\n')})`;

function schoolDays() {
  const holidays = [['2026-10-10', '2026-10-18'], ['2026-12-19', '2027-01-03'], ['2027-02-20', '2027-02-28'], ['2027-04-24', '2027-05-02']];
  const publicDays = new Set(['2026-12-25', '2027-01-01', '2027-03-26', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-17']);
  const out = [];
  for (let d = new Date(Date.UTC(2026, 7, 17)); d <= new Date(Date.UTC(2027, 5, 30)); d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    if (wd === 0 || wd === 6 || publicDays.has(iso) || holidays.some(([a, b]) => iso >= a && iso <= b)) continue;
    out.push(iso.split('-').reverse().join('-'));
  }
  return out;
}

mkdirSync(OUT, { recursive: true });
const students = `${OUT}/shipped-leerlingen.csv`;
const registrations = `${OUT}/shipped-registraties.csv`;
const calendar = `${OUT}/shipped-kalender.json`;
if (!existsSync(registrations)) {
  const s = ['leerlingnummer;geboortedatum;peildatum;onderwijssoort'];
  for (let i = 0; i < STUDENTS; i++) s.push(`L${100000 + i};01-01-2012;30-06-2027;vo`);
  writeFileSync(students, `${s.join('\r\n')}\r\n`);
  const days = schoolDays();
  const rnd = mulberry32(REGISTRATIONS);
  const r = ['leerlingnummer;datum;lesuur;code'];
  for (let i = 0; i < REGISTRATIONS; i++) r.push(`L${100000 + Math.floor(rnd() * STUDENTS)};${days[Math.floor((i / REGISTRATIONS) * days.length)]};${1 + Math.floor(rnd() * 8)};A`);
  writeFileSync(registrations, `${r.join('\r\n')}\r\n`);
}
rmSync(calendar, { force: true });
spawnSync(process.execPath, [BIN, 'calendar', 'init', '--school-year', '2026-2027', '--region', 'noord', '--out', calendar]);

for (const [label, args] of [['--calendar (one school year)', ['--calendar', calendar]], ['--region noord (shipped, all years)', ['--region', 'noord']]]) {
  for (let run = 0; run < 2; run++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', REPORT, BIN, 'batch', students, '--registrations', registrations, ...args, '--format', 'ndjson'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const rss = /BENCH_MAXRSS_KB=(\d+)/.exec(r.stderr)?.[1];
    console.log(`${label.padEnd(38)} exit ${r.status}  peak RSS ${(Number(rss) / 1024).toFixed(0)} MB  ${seconds.toFixed(2)} s`);
  }
}
