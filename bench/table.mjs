#!/usr/bin/env node
// Drawing a table of the case log's size (cases list --all): time and lines for no terminal (whole
// lines), 80 columns (fits) and 60 columns (each row stacked). Prints figures, asserts nothing.
//   node bench/table.mjs [--rows N]     (after npm run build)
import { fileURLToPath } from 'node:url';

const i = process.argv.indexOf('--rows');
const N = i > 0 ? Number(process.argv[i + 1]) : 30_000;
const { drawTable } = await import(fileURLToPath(new URL('../dist/ui/print/table.js', import.meta.url)));
const head = ['#', 'leerling', 'aangemaakt', 'status', 'te doen', 'eerste termijn', 'bijgewerkt'];
const rows = Array.from({ length: N }, (_, r) => [String(r + 1), `L${20000 + r}`, '01-12-2026', r % 3 ? 'open' : 'gesloten', String(r % 4), r % 2 ? 'vr 04-12-2026' : 'zo spoedig mogelijk', '01-12-2026']);
const look = { head: (t) => t, rule: (t) => t };
console.log(`table of ${N.toLocaleString('en')} rows × ${head.length} columns`);
for (const width of [null, 80, 60]) {
  const best = [];
  let lines = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    lines = drawTable(look, head, rows, width).split('\n').length;
    best.push(performance.now() - start);
  }
  console.log(`  width ${String(width).padEnd(4)}  ${lines.toLocaleString('en').padStart(9)} lines  ${Math.min(...best).toFixed(0).padStart(5)} ms (best of 3)`);
}
