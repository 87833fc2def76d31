import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { displayWidth, widestWord, wrapLines } from '../../src/ui/layout.js';
import { widthOf } from '../../src/ui/terminal.js';
import { drawTable, fitColumns } from '../../src/ui/print/table.js';

const plainLook = { head: (t: string) => t, rule: (t: string) => t };
const ANSI = /\x1b\[[0-9;]*m/g;

describe('display width', () => {
  it('counts columns, not UTF-16 units: accents, combining marks, escape codes', () => {
    expect(displayWidth('reëel geïnformeerd')).toBe(18);
    expect(displayWidth('e\u0301')).toBe(1); // e + combining acute
    expect(displayWidth('─✔•')).toBe(3);
    expect(displayWidth(new Chalk({ level: 1 }).bold('vandaag'))).toBe(7);
  });

  it('a terminal has a width, a pipe has none', () => {
    expect(widthOf({ isTTY: true, columns: 80 })).toBe(80);
    expect(widthOf({ isTTY: false, columns: 80 })).toBeNull();
    expect(widthOf({ isTTY: true, columns: 12 })).toBe(40); // a sliver of a terminal is laid out as 40
  });
});

describe('wrapping', () => {
  const reason = '16 uur of meer ongeoorloofd verzuim binnen 4 aaneengesloten schoolweken: melden bij DUO-verzuimloket (leerplichtambtenaar woongemeente) binnen 5 werkdagen';

  it('wraps at word boundaries with a hanging indent, never wider than the width', () => {
    const lines = wrapLines(reason, 40, '  • ', '    ');
    expect(lines[0]!.startsWith('  • 16 uur')).toBe(true);
    for (const line of lines.slice(1)) expect(line.startsWith('    ')).toBe(true);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(`  • ${reason}`.replace(/\s+/g, ' '));
    expect(lines.some((l) => /verzui$/.test(l))).toBe(false); // not "DUO-verzui/mloket"
  });

  it('does not wrap without a width (not a terminal)', () => {
    expect(wrapLines(reason, null, '  ')).toEqual([`  ${reason}`]);
  });

  it('breaks a long id after a hyphen that follows a letter, not inside a date', () => {
    const lines = wrapLines('rmc:uitschrijving-zonder-startkwalificatie', 20);
    expect(lines).toEqual(['rmc:uitschrijving-', 'zonder-', 'startkwalificatie']);
    expect(widestWord('ma 30-11-2026')).toBe(10);
  });

  it('keeps colour on both sides of a break', () => {
    const c = new Chalk({ level: 1 });
    const lines = wrapLines(c.dim('een heel lange bron die over meer regels loopt'), 20);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.map((l) => l.replace(ANSI, '')).join(' ')).toBe('een heel lange bron die over meer regels loopt');
  });
});

describe('tables', () => {
  const head = ['termijn', 'casus', 'leerling', 'escalatie (naar:soort)', 'sinds'];
  const rows = [
    ['ma 02-02-2026 te laat', '23', '240126', 'veilig-thuis:melding-acute-onveiligheid', '02-02-2026'],
    ['zo spoedig mogelijk', '8', '240110', 'rmc:uitschrijving-zonder-startkwalificatie', '02-02-2026'],
  ];

  it('draws no separator between rows: as high as its rows when it fits', () => {
    const lines = drawTable(plainLook, head, rows, null).split('\n');
    expect(lines).toHaveLength(4); // head, rule, two rows
    expect(lines[1]).toMatch(/^─+  ─+/);
  });

  it('wraps its widest columns to fit the width', () => {
    for (const width of [80, 60]) {
      const lines = drawTable(plainLook, head, rows, width).split('\n');
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.join('\n')).toContain('startkwalificatie');
    }
  });

  it('stacks each row as "head  value" lines when columns cannot shrink enough', () => {
    const out = drawTable(plainLook, head, rows, 40);
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(out).toContain('ma 02-02-2026 te laat\n  casus');
  });

  it('puts a detail line under its row and aligns counts to the right', () => {
    const out = drawTable(plainLook, ['naar', 'aantal'], [['RMC', '3'], ['leerplichtambtenaar', '13']], 80, { details: ['240110 (11)', undefined], right: [1] });
    expect(out.split('\n')).toEqual(['naar                 aantal', '───────────────────  ──────', 'RMC                       3', '  240110 (11)', 'leerplichtambtenaar      13']);
  });

  it('fitColumns takes from the widest column first and refuses what cannot fit', () => {
    expect(fitColumns([10, 40], [8, 8], 32)).toEqual([10, 20]);
    expect(fitColumns([10, 40], [10, 30], 32)).toBeNull();
  });
});
