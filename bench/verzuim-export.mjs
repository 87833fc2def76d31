// A synthetic student-system absence export for the batch benchmark: the shape of the exports the
// issue describes (UTF-8 with BOM, `;`, CRLF, Dutch dates dd-mm-jjjj, decimal comma, ja/nee, an
// extra `leerjaar` column zorgroute does not use, ~0.05% deliberately malformed rows).
// Deterministic: the same n and seed give the same bytes. Student numbers are 8 digits (never a BSN).
//   node bench/verzuim-export.mjs N OUT.csv [--seed S]
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32, as in test/random.ts: the same numbers for the same seed (bench/registrations.mjs uses it too). */
export function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const pad2 = (n) => (n < 10 ? `0${n}` : `${n}`);
const dutch = (ms) => {
  const d = new Date(ms);
  return `${pad2(d.getUTCDate())}-${pad2(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`;
};
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

const PEILDATA = [Date.UTC(2025, 9, 1), Date.UTC(2026, 1, 2), Date.UTC(2026, 4, 15)];
export const HEADER = 'leerlingnummer;geboortedatum;onderwijssoort;leerjaar;ingeschreven;startkwalificatie;ongeoorloofd_verzuim_uren_4wk;aaneengesloten_weken_afwezig;ziekmeldingen_12wk;peildatum';

/** Writes `n` data rows to `path`; returns the number of bytes. */
export function writeExport(n, path, seed = 20260202) {
  const rnd = mulberry32(seed);
  const between = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const fd = openSync(path, 'w');
  let bytes = 0;
  const put = (text) => {
    bytes += writeSync(fd, text);
  };
  put(`\uFEFF${HEADER}\r\n`);
  let lines = [];
  for (let i = 0; i < n; i++) {
    const p = rnd();
    const peil = PEILDATA[p < 0.6 ? 0 : p < 0.9 ? 1 : 2];
    const kind = rnd();
    const [soort, minAge, maxAge] = kind < 0.45 ? ['PO', 4, 12] : kind < 0.8 ? ['VO', 12, 18] : kind < 0.83 ? ['VSO', 12, 20] : ['MBO', 16, 24];
    const ageDays = Math.floor((minAge + rnd() * (maxAge - minAge + 1)) * 365.25);
    const age = Math.floor(ageDays / 365.25);
    const born = peil - ageDays * DAY;
    const leerjaar = soort === 'PO' ? Math.min(8, Math.max(1, age - 3)) : soort === 'MBO' ? between(1, 4) : Math.min(6, Math.max(1, age - 11));
    const enrolled = rnd() < 0.98 ? 'ja' : 'nee';
    const skChance = soort === 'MBO' ? (age >= 18 ? 0.3 : 0.05) : soort === 'VO' && age >= 17 ? 0.12 : 0;
    const sk = rnd() < skChance ? 'ja' : 'nee';
    const u = rnd();
    const hours = u < 0.7 ? 0 : u < 0.9 ? between(1, 16) / 2 : u < 0.97 ? between(16, 32) / 2 : between(32, 120) / 2;
    const w = rnd();
    const weeks = w < 0.95 ? 0 : w < 0.98 ? between(1, 3) : between(4, 12);
    const z = rnd();
    const sick = z < 0.6 ? 0 : z < 0.85 ? 1 : z < 0.93 ? 2 : z < 0.97 ? 3 : between(4, 7);
    let birth = dutch(born);
    let hoursCell = String(hours).replace('.', ',');
    const bad = rnd();
    if (bad < 0.0002) birth = '';
    else if (bad < 0.0004) birth = iso(born); // valid too: ISO is accepted
    else if (bad < 0.0005) hoursCell = 'n.v.t.';
    const ref = String((i * 7919 + 12345) % 100_000_000).padStart(8, '0'); // unique for n < 1e8
    lines.push(`${ref};${birth};${soort};${leerjaar};${enrolled};${sk};${hoursCell};${weeks};${sick};${dutch(peil)}`);
    if (lines.length === 20_000) {
      put(`${lines.join('\r\n')}\r\n`);
      lines = [];
    }
  }
  if (lines.length > 0) put(`${lines.join('\r\n')}\r\n`);
  closeSync(fd);
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [n, out] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  if (!n || !out) {
    console.error('usage: node bench/verzuim-export.mjs N OUT.csv [--seed S]');
    process.exit(2);
  }
  const bytes = writeExport(Number(n), out, seedAt > 0 ? Number(process.argv[seedAt + 1]) : undefined);
  console.error(`wrote ${n} rows to ${out} (${bytes} bytes)`);
}
