// What a zorgcoördinator tripped over in daily use of `cases` (issue 17): closing a case with open
// deadlines, recording what the rules advised against, the plain party name in `cases done`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, startCli } from './pty-driver.js';
import { runCli } from './run-cli.js';

const freshDb = (): string => join(mkdtempSync(join(tmpdir(), 'zorgroute-daily-')), 'cases.db');
const situation = (extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ studentRef: 'L1', referenceDate: '2026-11-20', birthDate: '2012-03-01', ...extra });

async function logged(db: string, input: string): Promise<void> {
  const r = await runCli(['route', '-', '--json', '--log', '--db', db], { input });
  expect(r.exitCode).toBe(0);
}

describe('cases close with escalations or to-dos still open (item 2)', () => {
  it('not on a terminal: refused without --force, naming what is open; with --force the timeline records it', async () => {
    const db = freshDb();
    await logged(db, situation({ unexcusedHours4w: 16, unexcusedHoursReachedOn: '2026-11-18', luxuryAbsence: true }));
    const cli = (...args: string[]) => runCli(['cases', ...args, '--db', db]);
    const refused = await cli('close', '1');
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('leerplicht:verzuimmelding-16-uur');
    expect(refused.stderr).toContain('leerplicht:luxeverzuim');
    expect(refused.stderr).toContain('--force');
    expect(JSON.parse((await cli('due', '--json')).stdout).total).toBeGreaterThanOrEqual(2);

    const closed = await cli('close', '1', '--force', '--json');
    expect(closed.exitCode).toBe(0);
    expect(JSON.parse(closed.stdout).data.openAtClose).toEqual(expect.arrayContaining(['leerplicht:verzuimmelding-16-uur', 'leerplicht:luxeverzuim']));
    expect((await cli('show', '1')).stdout).toMatch(/gesloten met nog open: leerplicht:/);
  });

  it('a case with nothing open closes as before', async () => {
    const db = freshDb();
    await logged(db, situation());
    const r = await runCli(['cases', 'close', '1', '--db', db]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('Casus 1 gesloten.');
  });

  it('on a terminal: lists what is open and asks; Enter keeps it open, choosing yes closes it', async () => {
    const db = freshDb();
    await logged(db, situation({ unexcusedHours4w: 16, unexcusedHoursReachedOn: '2026-11-18', luxuryAbsence: true }));
    const keep = startCli(['cases', 'close', '1', '--db', db]);
    await keep.waitFor('leerplicht:verzuimmelding-16-uur');
    await keep.waitFor('Toch sluiten?');
    keep.send(KEY.enter);
    await keep.waitFor('Casus 1 niet gesloten.');
    expect((await keep.exit).exitCode).toBe(0);
    expect(JSON.parse((await runCli(['cases', 'list', '--json', '--db', db])).stdout)).toHaveLength(1);

    const close = startCli(['cases', 'close', '1', '--db', db]);
    await close.waitFor('Toch sluiten?');
    close.send(KEY.down + KEY.enter);
    await close.waitFor('Casus 1 gesloten.');
    expect((await close.exit).exitCode).toBe(0);
    expect(JSON.parse((await runCli(['cases', 'list', '--json', '--db', db])).stdout)).toHaveLength(0);
  });
});

describe('cases done with a party the rules advised against (item 3)', () => {
  const acute = situation({ studentRef: 'L4', abuseSuspected: true, danger: true });

  it('not on a terminal: recorded with the warning, which is printed and kept in the timeline', async () => {
    const db = freshDb();
    await logged(db, acute);
    const r = await runCli(['cases', 'done', '1', 'ouders', 'gebeld', '--json', '--db', db]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('Let op: de regels van casus 1 zeggen ouders/verzorgers: niet (eerst) betrekken');
    expect(JSON.parse(r.stdout).event.data.advisedAgainst).toMatchObject({ party: 'ouders', involve: 'no', rules: [expect.any(String)] });
    expect((await runCli(['cases', 'show', '1', '--db', db])).stdout).toContain('tegen het advies in');
  });

  it('an action the rules did not advise against has no warning', async () => {
    const db = freshDb();
    await logged(db, situation({ unexcusedHours4w: 16 }));
    const r = await runCli(['cases', 'done', '1', 'ouders', 'gebeld', '--db', db]);
    expect(r.stderr).not.toContain('Let op');
  });

  it('on a terminal: the advice is shown and asked about; Enter records nothing', async () => {
    const db = freshDb();
    await logged(db, acute);
    const s = startCli(['cases', 'done', '1', 'ouders', 'gebeld', '--db', db]);
    await s.waitFor('niet (eerst) betrekken');
    await s.waitFor('Toch vastleggen?');
    s.send(KEY.enter);
    await s.waitFor('Casus 1: niets vastgelegd.');
    expect((await s.exit).exitCode).toBe(0);
    const events = JSON.parse((await runCli(['cases', 'show', '1', '--json', '--db', db])).stdout).events;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['intake', 'decision']);
  });
});

describe('cases list says what cases due says (item 16)', () => {
  it('"te laat" beside a deadline that has passed; a closed case has nothing to do', async () => {
    const db = freshDb();
    await logged(db, situation({ unexcusedHours4w: 16, unexcusedHoursReachedOn: '2026-11-18' }));
    await logged(db, situation({ studentRef: 'L2', luxuryAbsence: true }));
    expect((await runCli(['cases', 'close', '2', '--force', '--db', db])).exitCode).toBe(0);
    const list = (await runCli(['cases', 'list', '--status', 'alle', '--db', db])).stdout;
    expect(list).toMatch(/^ *1 +L1 .* open +1 +wo 25-11-2026 te laat /m);
    expect(list).toMatch(/^ *2 +L2 .* gesloten +\d\d-\d\d-\d{4}$/m);
  });
});

describe('the acute case: a plain party name under pressure (item 18)', () => {
  it('"Veilig Thuis gebeld" ticks off the melding, the most urgent, and the consult with it, and says which', async () => {
    const db = freshDb();
    await logged(db, situation({ studentRef: 'L4', abuseSuspected: true, danger: true }));
    const r = await runCli(['cases', 'done', '1', 'Veilig', 'Thuis', 'gebeld', '--json', '--db', db]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).event.data).toMatchObject({
      escalation: { to: 'veilig-thuis', type: 'melding-acute-onveiligheid' },
      todo: { party: 'veilig-thuis', type: 'advies-vragen' },
    });
    expect(r.stderr).toContain('Veilig Thuis (melding-acute-onveiligheid) afgevinkt');
    expect(r.stderr).toContain('het dringendste wat open stond');
    expect(JSON.parse((await runCli(['cases', 'due', '--json', '--db', db])).stdout).total).toBe(0);
  });
});
