// The picture of the absence (issue 17, item 19): `batch --registrations --student L1011` draws the
// student's school year as a calendar heat map — on a terminal of 80 columns it fits, has its legend
// and marks the counted periods; without a terminal it has no escape codes and characters carry the meaning.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { runOnScreen } from './screen.js';

const ex = (name: string): string => fileURLToPath(new URL(`../../data/examples/${name}`, import.meta.url));
const ARGS = ['batch', ex('leerlingen.csv'), '--registrations', ex('registraties.csv'), '--calendar', ex('kalender-voorbeeldschool.json'), '--student', 'L1011'];

describe('batch --registrations --student: the picture', () => {
  it('fits 80 columns on a terminal, with its legend and the periods marked', async () => {
    const { exitCode, rows, overflowing } = await runOnScreen(ARGS, { cols: 80, rows: 200 }, { NO_COLOR: '', FORCE_COLOR: '' });
    expect(exitCode).toBe(0);
    expect(overflowing).toEqual([]);
    expect(rows).toContain('Verzuim van L1011 per schooldag');
    expect(rows).toMatch(/Legenda: · geen · ░ 1–2 uur/);
    expect(rows).toMatch(/11-05-2026 +\[██\]\[██!\[██\] FF \[██\] +◂ 16 uur ongeoorloofd verzuim 11-05–12-05/);
    expect(rows).toMatch(/22-12-2025 +vv +vv +vv +FF +FF/);
  });

  it('without a terminal: no escape codes; the same characters', async () => {
    const r = await runCli(ARGS, { env: { NO_COLOR: '' } });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stdout).toMatch(/\[x\] geteld in een periode/);
    expect(r.stdout).toMatch(/\[x! einddatum van een periode/);
    expect(r.stdout).toMatch(/16 uur ongeoorloofd verzuim: 11-05-2026 t\/m 12-05-2026 \(einddatum 12-05-2026\)/);
  });

  it('a student not in the file: said on stderr, no picture', async () => {
    const r = await runCli([...ARGS.slice(0, -1), 'L9999']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/L9999 staat niet in het leerlingenbestand/);
    expect(r.stdout).not.toMatch(/Verzuim van/);
  });
});
