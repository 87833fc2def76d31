// bench/registrations-csv.mjs — what writing the records of `batch --registrations` costs per format:
// the example's 11 records (every kind of escalation, period and to-do, with the example
// verzuimprotocol layer) repeated to 250,000 students, encoded in process as NDJSON, as the English
// CSV and as the Dutch-Excel CSV. The counting of registrations (bench/registrations.mjs) is left out,
// so this is the encoder alone: the CSV forms should stay near NDJSON.
//
//   npm run build && node bench/registrations-csv.mjs
//
// Figures, not assertions.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { absenceRecordEncoder } = await import(`${ROOT}dist/io/registration-records.js`);
const { ByteBuilder } = await import(`${ROOT}dist/io/batch-output.js`);
const { csvDialectFor } = await import(`${ROOT}dist/ui/messages/csv.js`);
const ex = (name) => `${ROOT}data/examples/${name}`;
const RECORDS = 250_000;

const ndjson = execFileSync(process.execPath, [`${ROOT}bin/zorgroute.js`, 'batch', ex('leerlingen.csv'), '--registrations', ex('registraties.csv'), '--calendar', ex('kalender-voorbeeldschool.json'), '--rules', 'voorbeeldschool-verzuimprotocol', '--format', 'ndjson'], {
  env: { ...process.env, NO_COLOR: '1' },
  stdio: ['ignore', 'pipe', 'ignore'],
}).toString();
const example = ndjson.trim().split('\n').map((l) => JSON.parse(l));
const records = Array.from({ length: RECORDS }, (_, i) => ({ ...example[i % example.length], studentRef: `L${100000 + i}` }));

function encode(format, csv) {
  const encoder = absenceRecordEncoder(format, ';', { csv, describe: () => 'x' });
  const out = new ByteBuilder();
  let bytes = 0;
  const start = process.cpuUsage();
  encoder.begin(out);
  for (let i = 0; i < records.length; i++) {
    const { line, ...record } = records[i];
    encoder.record(out, i + 2, record);
    if (i % 500 === 499) bytes += out.take().length;
  }
  encoder.end(out, true);
  bytes += out.take().length;
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, bytes };
}

const best = (f) => {
  let b;
  for (let i = 0; i < 5; i++) {
    const r = f();
    if (!b || r.seconds < b.seconds) b = r;
  }
  return b;
};

const runs = [
  ['ndjson', best(() => encode('ndjson'))],
  ['csv, English (--lang en)', best(() => encode('csv', csvDialectFor('en')))],
  ['csv, Dutch Excel (--lang nl)', best(() => encode('csv', csvDialectFor('nl')))],
];
const base = runs[0][1].seconds;
console.log(`| encoder (${RECORDS.toLocaleString('en-US')} records, CPU, best of 5) | seconds | records/s | MB | × ndjson |`);
console.log('|---|---|---|---|---|');
for (const [name, r] of runs) {
  console.log(`| ${name} | ${r.seconds.toFixed(3)} | ${Math.round(RECORDS / r.seconds).toLocaleString('en-US')} | ${(r.bytes / 1e6).toFixed(1)} | ${(r.seconds / base).toFixed(2)} |`);
}
