// Figures for drawing tables (src/ui/print/table.ts: our fitting, cli-table3 drawing): rows per
// table at 80 columns and without a terminal. Run after `npm run build`: node bench/table.mjs
import { drawTable } from '../dist/ui/print/table.js';

const look = { head: (t) => t, rule: (t) => t };
for (const n of [100, 1000, 10000]) {
  const rows = Array.from({ length: n }, (_, i) => [`L${i}`, 'open', String(i % 7), 'leerplicht:verzuimmelding-16-uur', 'ma 09-03-2026']);
  for (const width of [80, null]) {
    const t = process.hrtime.bigint();
    drawTable(look, ['leerling', 'status', 'n', 'escalatie', 'termijn'], rows, width, { right: [2] });
    console.log(`${String(n).padStart(6)} rows, width ${String(width).padEnd(4)}: ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(1)} ms`);
  }
}
