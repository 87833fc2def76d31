// The intake in daily use (issue 17): the birth date a student's open case already holds (item 6),
// the school type a primary school must be able to give (item 7).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, startCli } from './pty-driver.js';
import { runCli } from './run-cli.js';

const freshDb = (): string => join(mkdtempSync(join(tmpdir(), 'zorgroute-intake-daily-')), 'cases.db');
const birthDates = async (db: string, id = 1): Promise<string[]> =>
  JSON.parse((await runCli(['cases', 'show', String(id), '--json', '--db', db])).stdout)
    .events.filter((e: { kind: string }) => e.kind === 'intake')
    .map((e: { data: { situation: { birthDate: string } } }) => e.data.situation.birthDate);

describe('the birth date of a student with an open case (item 6)', () => {
  const first = (db: string) =>
    runCli(['intake', '--no-input', '--db', db, '--student', 'L3001', '--birth-date', '14-05-2012', '--reference-date', '01-12-2026', '--set', 'unexcusedHours4w=16']);

  it('--no-input: another birth date is recorded with a warning naming the one the case held', async () => {
    const db = freshDb();
    expect((await first(db)).exitCode).toBe(0);
    const r = await runCli(['intake', '--no-input', '--db', db, '--student', 'L3001', '--birth-date', '14-05-2013', '--reference-date', '02-12-2026']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toContain('de open casus 1 had geboortedatum 14-05-2012; nu vastgelegd met 14-05-2013');
  });

  it('on a terminal: the known birth date is offered, another one is asked about, and Enter takes the known one again', async () => {
    const db = freshDb();
    expect((await first(db)).exitCode).toBe(0);
    const s = startCli(['intake', '--db', db]);
    await s.answer('Leerlingnummer', 'L3001');
    await s.waitFor('Geboortedatum');
    await s.waitFor('14-05-2012');
    s.send(`${KEY.backspace.repeat(10)}14-05-2013${KEY.enter}`);
    await s.waitFor('heeft geboortedatum 14-05-2012, niet 14-05-2013');
    s.send(KEY.enter); // "Nee, geboortedatum opnieuw invullen" comes first
    await s.waitFor('Geboortedatum');
    s.send(KEY.enter); // the known one, offered again
    await s.answer('Peildatum', `${KEY.backspace.repeat(10)}02-12-2026`);
    await s.waitFor('Wat speelt er?');
    s.send(KEY.enter);
    await s.waitFor('Wat wilt u doen?');
    s.send(KEY.enter);
    await s.waitFor(/opgeslagen|toegevoegd/);
    expect((await s.exit).exitCode).toBe(0);
    expect(await birthDates(db)).toEqual(['2012-05-14', '2012-05-14']);
  });
});

describe('the school type (item 7)', () => {
  it('a primary school can change it in the review; the next intake takes it as the school’s', async () => {
    const db = freshDb();
    const s = startCli(['intake', '--db', db]);
    await s.answer('Leerlingnummer', 'L501');
    await s.answer('Geboortedatum', '01-03-2016');
    await s.answer('Peildatum', `${KEY.backspace.repeat(10)}02-12-2026`);
    await s.waitFor('Wat speelt er?');
    s.send(KEY.enter);
    await s.waitFor('Wat wilt u doen?');
    s.send(KEY.down + KEY.down + KEY.enter); // "Een antwoord wijzigen"
    await s.waitFor('Welk antwoord wilt u wijzigen?');
    await s.waitFor('onderwijstype: vo');
    s.send('5'); // the number of "onderwijstype: vo" in the list above
    await s.waitFor('❯ 5. onderwijstype');
    s.send(KEY.enter);
    await s.waitFor('Onderwijstype');
    s.send('1'); // po
    await s.waitFor('❯ 1. po');
    s.send(KEY.enter);
    await s.waitFor('Wat wilt u doen?');
    s.send(KEY.enter);
    await s.waitFor('opgeslagen');
    expect((await s.exit).exitCode).toBe(0);
    const situation = (id: number) => runCli(['cases', 'show', String(id), '--json', '--db', db]).then((r) => JSON.parse(r.stdout).events[0].data.situation);
    expect((await situation(1)).educationType).toBe('po');

    const next = await runCli(['intake', '--no-input', '--db', db, '--student', 'L502', '--birth-date', '01-03-2017', '--reference-date', '02-12-2026']);
    expect(next.exitCode).toBe(0);
    expect((await situation(2)).educationType).toBe('po');
  });
});

describe('an impossible date in the intake (item 14)', () => {
  it('says the day does not exist, not the format the user already used', async () => {
    const s = startCli(['intake', '--db', freshDb()]);
    await s.answer('Leerlingnummer', 'L9');
    await s.answer('Geboortedatum', '31-02-2012');
    await s.waitFor('Deze datum bestaat niet in de kalender.');
    expect(s.transcript()).not.toContain('Typ dd-mm-jjjj');
    s.send(KEY.ctrlC);
    await s.exit;
  });
});
