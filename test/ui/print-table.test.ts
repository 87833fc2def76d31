// The one-pass table drawing gives exactly the lines cli-table3 gives (issue 10, defect 9: cli-table3
// took minutes for the rows of `cases list --all`), for plain, coloured, wide and multi-line cells.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { drawTable, visibleWidth } from '../../src/ui/print-table.js';
import { mulberry32 } from '../random.js';

type Table = new (o: Record<string, unknown>) => { push(...r: unknown[]): void; toString(): string };
const CliTable = createRequire(import.meta.url)('cli-table3') as Table;
const reference = (head: string[], rows: string[][]): string => {
  const t = new CliTable({ head, style: { head: [], border: [] } });
  t.push(...rows);
  return t.toString();
};

describe('drawTable', () => {
  it('draws what cli-table3 draws', () => {
    const random = mulberry32(42);
    const words = ['', 'a', 'open', 'gesloten', 'zo spoedig mogelijk', '—', 'é✓', '\u001b[1mvet\u001b[22m', '\u001b[31mte laat\u001b[39m', 'twee\nregels', '2026-12-04', '12345'];
    for (let n = 0; n < 200; n++) {
      const columns = 1 + Math.floor(random() * 6);
      const pick = () => words[Math.floor(random() * words.length)]!;
      const head = Array.from({ length: columns }, pick);
      const rows = Array.from({ length: Math.floor(random() * 5) }, () => Array.from({ length: columns }, pick));
      expect(drawTable(head, rows)).toBe(reference(head, rows));
    }
  });

  it('counts columns without colour codes', () => {
    expect(visibleWidth('\u001b[31mte laat\u001b[39m')).toBe(7);
    expect(visibleWidth('vr 2026-12-04')).toBe(13);
  });
});
