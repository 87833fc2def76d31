// `zorgroute intake` as a person uses it: the real built binary in a pseudo-terminal, then a look in
// the database it wrote.
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, startCli, type PtySession } from './pty-driver.js';
import { runCli } from './run-cli.js';

const freshDb = (): string => join(mkdtempSync(join(tmpdir(), 'zorgroute-intake-')), 'cases.db');

interface StoredCase {
  student_ref: string;
  source: string;
  situation: Record<string, unknown>;
  decision: { parents: { involve: string }; escalations: { to: string; type: string; deadline: string | null; overdue: boolean }[]; notes: string[]; ruleset: { id: string } };
}

function storedCases(db: string): StoredCase[] {
  const raw = new Database(db, { readonly: true });
  try {
    const rows = raw
      .prepare(
        `SELECT c.student_ref, c.source,
                (SELECT data FROM events_expanded WHERE case_id = c.id AND kind = 'intake') AS intake,
                (SELECT data FROM events_expanded WHERE case_id = c.id AND kind = 'decision') AS decision
         FROM cases c ORDER BY c.id`,
      )
      .all() as { student_ref: string; source: string; intake: string; decision: string }[];
    return rows.map((r) => ({ student_ref: r.student_ref, source: r.source, situation: JSON.parse(r.intake).situation, decision: JSON.parse(r.decision).decision }));
  } finally {
    raw.close();
  }
}

/** The answered prompts (inquirer marks each with ✔), the review's own choice not counted. */
const questionsAsked = (session: PtySession): number => (session.transcript().match(/✔/g) ?? []).length - 1;

async function opening(session: PtySession, student: string, birthDate: string): Promise<void> {
  await session.answer('Leerlingnummer', student);
  await session.answer('Geboortedatum', birthDate);
  await session.answer('Peildatum', '10-03-2026');
}

async function saveAtReview(session: PtySession): Promise<void> {
  await session.waitFor('Wat wilt u doen?');
  session.send(KEY.enter); // "Opslaan als casus" is the first choice
  await session.waitFor('opgeslagen');
}

describe('zorgroute intake in a terminal', () => {
  it('14 years old, 16 hours: leerplicht with its deadline, saved (a typo is asked again)', async () => {
    const db = freshDb();
    const s = startCli(['intake', '--db', db]);
    await opening(s, 'L20417', '01-03-2012');
    await s.waitFor('14 jaar, volledig leerplichtig');
    await s.answer('Wat speelt er?', '1'); // tick "ongeoorloofd verzuim"
    await s.answer('Uren ongeoorloofd verzuim', 'veel');
    await s.waitFor('Typ een getal, 0 of meer');
    s.send(KEY.backspace.repeat(4) + '16' + KEY.enter);
    // Offered: the peildatum (Enter). A day after it is refused; Monday 2 March is taken.
    await s.answer('werd de 16 uur bereikt', `${KEY.backspace.repeat(10)}11-03-2026`);
    await s.waitFor('Die dag ligt na de peildatum.');
    s.send(KEY.backspace.repeat(10) + '02-03-2026' + KEY.enter);
    await s.answer('weken aaneengesloten', '');
    await s.answer('luxeverzuim', '');
    await s.answer('vrijstelling', '');
    await s.waitFor('leerplichtambtenaar (verzuimmelding-16-uur) — uiterlijk ma 09-03-2026');
    await s.waitFor('te laat');
    await saveAtReview(s);
    expect((await s.exit).exitCode).toBe(0);
    expect(s.transcript()).toContain('Casus 1 opgeslagen voor leerling L20417');
    expect(questionsAsked(s)).toBe(9);

    const [c] = storedCases(db);
    expect(c).toMatchObject({
      student_ref: 'L20417',
      source: 'intake',
      situation: { birthDate: '2012-03-01', referenceDate: '2026-03-10', unexcusedHours4w: 16, unexcusedHoursReachedOn: '2026-03-02' },
    });
    expect(c!.decision.escalations).toEqual([expect.objectContaining({ to: 'leerplicht', type: 'verzuimmelding-16-uur', deadline: '2026-03-09', overdue: true })]);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });

  it('16 years old who does not want parents involved: not first, with the leerplicht note', async () => {
    const db = freshDb();
    const s = startCli(['intake', '--db', db]);
    await opening(s, 'L30001', '15-06-2009');
    await s.answer('Wat speelt er?', '1');
    await s.answer('Uren ongeoorloofd verzuim', '20');
    await s.answer('werd de 16 uur bereikt', ''); // Enter: on the peildatum
    await s.answer('weken aaneengesloten', '');
    await s.answer('luxeverzuim', '');
    await s.answer('wil de leerling dat ouders betrokken worden?', '2'); // 1 ja, 2 nee, 3 nog niet gevraagd
    await s.answer('vrijstelling', '');
    await s.answer('startkwalificatie', '');
    await s.waitFor('Ouders: niet (eerst) betrekken');
    await s.waitFor('Let op: 1 opmerking'); // the note itself with the reasons
    await saveAtReview(s);
    expect((await s.exit).exitCode).toBe(0);
    expect(questionsAsked(s)).toBe(11);

    const [c] = storedCases(db);
    expect(c!.situation).toMatchObject({ studentAllowsParents: false, unexcusedHours4w: 20, unexcusedHoursReachedOn: '2026-03-10' });
    expect(c!.decision.escalations[0]).toMatchObject({ deadline: '2026-03-17', overdue: false });
    expect(c!.decision.parents.involve).toBe('no');
    expect(c!.decision.notes.join(' ')).toContain('bereikt de ouders toch via de leerplichtambtenaar');
  });

  it('at home for 6 weeks: the onderwijsconsulent, and the case shows up as due', async () => {
    const db = freshDb();
    const s = startCli(['intake', '--db', db]);
    await opening(s, 'L40002', '01-09-2011');
    await s.answer('Wat speelt er?', '3'); // "thuiszitten"
    await s.answer('weken zit de leerling thuis', '6');
    await s.answer('uitzicht op een onderwijsplek', 'n');
    await s.answer('eigen gebrek aan motivatie', 'nee');
    await s.answer('vrijstelling', '');
    await s.waitFor('onderwijsconsulent (thuiszitter) — zo spoedig mogelijk');
    await saveAtReview(s);
    expect((await s.exit).exitCode).toBe(0);
    expect(questionsAsked(s)).toBe(8);

    const [c] = storedCases(db);
    expect(c!.situation).toMatchObject({ weeksWithoutPlace: 6, placeProspect: false, truancyOnly: false });
    expect(c!.decision.escalations.map((e) => `${e.to}:${e.type}`)).toEqual(['leerplicht:thuiszitter', 'onderwijsconsulent:thuiszitter']);
    const due = await runCli(['cases', 'due', '--json', '--db', db]);
    expect(JSON.parse(due.stdout).items.map((i: { to: string; status: string }) => `${i.to}:${i.status}`)).toEqual(['leerplicht:asap', 'onderwijsconsulent:asap', 'swv:asap']);
  });

  it('Ctrl-C half-way: exit 130 and no case written', async () => {
    const db = freshDb();
    const s = startCli(['intake', '--db', db]);
    await s.answer('Leerlingnummer', 'L50003');
    await s.answer('Geboortedatum', '01-03-2012');
    await s.waitFor('Peildatum');
    s.send(KEY.ctrlC);
    expect((await s.exit).exitCode).toBe(130);
    expect(s.transcript()).toContain('Intake afgebroken: er is niets opgeslagen.');
    expect(storedCases(db)).toEqual([]);
  });

  it('speaks English with an English LANG', async () => {
    const s = startCli(['intake', '--db', freshDb()], { LANG: 'en_GB.UTF-8' });
    await s.waitFor('Student number');
    s.send(KEY.ctrlC);
    expect((await s.exit).exitCode).toBe(130);
    expect(s.transcript()).toContain('Intake cancelled: nothing was saved.');
  });
});

describe('zorgroute intake: changes on the review, warnings (issue 11, items 3 and 4)', () => {
  it('20 hours typed, then a birth date that makes hours irrelevant: the 20 is kept and saved, never a default 0', async () => {
    const db = freshDb();
    const s = startCli(['intake', '--db', db]);
    await opening(s, 'L70001', '01-03-2012');
    await s.answer('Wat speelt er?', '1');
    await s.answer('Uren ongeoorloofd verzuim', '20');
    await s.answer('werd de 16 uur bereikt', ''); // Enter: on the peildatum
    await s.answer('weken aaneengesloten', '');
    await s.answer('luxeverzuim', '');
    await s.answer('vrijstelling', '');
    await s.waitFor('Wat wilt u doen?');
    s.send(KEY.down.repeat(2) + KEY.enter); // "Een antwoord wijzigen" (after "Toon regels en bronnen")
    await s.waitFor('Welk antwoord wilt u wijzigen?');
    s.send(KEY.down + KEY.enter); // the second answer: the birth date
    await s.waitFor('Geboortedatum');
    s.send(KEY.backspace.repeat(10) + '01-01-2005' + KEY.enter); // now 21: hours cannot change the outcome
    await s.answer('wil de leerling dat ouders betrokken worden?', '3');
    await s.waitFor('Ingevuld, maar telt nu niet mee');
    await s.waitFor('uren ongeoorloofd (4 weken): 20');
    await saveAtReview(s);
    expect((await s.exit).exitCode).toBe(0);
    expect(s.transcript()).not.toMatch(/Niet gevraagd[^\n]*\n[^\n]*uren ongeoorloofd \(4 weken\): 0/);
    expect(storedCases(db)[0]!.situation).toMatchObject({ birthDate: '2005-01-01', unexcusedHours4w: 20 });
  });

  it('a birth date in the future is refused at the birth date; a peildatum far back needs a yes', async () => {
    const s = startCli(['intake', '--db', freshDb()]);
    await s.answer('Leerlingnummer', 'L70002');
    await s.answer('Geboortedatum', '01-01-2099');
    await s.waitFor('De geboortedatum ligt in de toekomst.');
    s.send(KEY.backspace.repeat(10) + '01-03-2012' + KEY.enter);
    await s.answer('Peildatum', '10-03-2020');
    await s.waitFor('ligt meer dan een jaar terug. Klopt dat?');
    s.send(KEY.down + KEY.enter); // "Nee, peildatum opnieuw invullen"
    await s.waitFor('Peildatum');
    s.send(KEY.ctrlC);
    expect((await s.exit).exitCode).toBe(130);
  });

  it('quitting at the review asks first; a second intake chooses between the open case and a new one', async () => {
    const db = freshDb();
    const first = await runCli(['intake', '--no-input', '--db', db, '--student', 'L70003', '--birth-date', '01-03-2012', '--set', 'unexcusedHours4w=16']);
    expect(first.exitCode).toBe(0);
    const s = startCli(['intake', '--db', db, '--student', 'L70003', '--birth-date', '01-03-2012']);
    await s.waitFor('Let op: leerling L70003 heeft al een open casus (1).'); // also for a pre-filled student number
    await s.answer('Peildatum', '');
    await s.answer('Wat speelt er?', '');
    await s.waitFor('Toevoegen aan open casus 1');
    s.send(KEY.down.repeat(4) + KEY.enter); // "Stoppen zonder op te slaan"
    await s.waitFor('Stoppen zonder opslaan?');
    s.send(KEY.enter); // the first choice: back to the summary
    await s.waitFor('Wat wilt u doen?');
    s.send(KEY.enter); // "Toevoegen aan open casus 1"
    await s.waitFor('Intake toegevoegd aan casus 1');
    expect((await s.exit).exitCode).toBe(0);
    expect(storedCases(db)).toHaveLength(1);
  });
});

describe('zorgroute intake without a terminal', () => {
  it('refuses at once when stdin is not a terminal, pointing to route, and creates no database', async () => {
    const db = freshDb();
    const r = await runCli(['intake', '--db', db], { input: '{"studentRef":"L1"}' });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('heeft een terminal nodig');
    expect(r.stderr).toContain('zorgroute route');
    expect(existsSync(db)).toBe(false);
  });

  it('--no-input saves from flags alone, and names a missing flag', async () => {
    const db = freshDb();
    const r = await runCli(['intake', '--no-input', '--db', db, '--json', '--student', 'L6', '--birth-date', '01-03-2012', '--reference-date', '10-03-2026', '--set', 'unexcusedHours4w=16']);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ caseId: 1, studentRef: 'L6', questions: 0, decision: { escalations: [{ type: 'verzuimmelding-16-uur' }] } });
    const again = await runCli(['intake', '--no-input', '--db', db, '--json', '--student', 'L6', '--birth-date', '01-03-2012', '--reference-date', '10-03-2026']);
    expect(JSON.parse(again.stdout)).toMatchObject({ caseId: 1, appended: true }); // added to the open case, as route --log does
    const fresh = await runCli(['intake', '--no-input', '--new-case', '--db', db, '--json', '--student', 'L6', '--birth-date', '01-03-2012', '--reference-date', '01-01-2099']);
    expect(JSON.parse(fresh.stdout)).toMatchObject({ caseId: 2, appended: false, warnings: [{ kind: 'referenceDate', warning: 'future' }] });
    expect(fresh.stderr).toContain('Let op: de peildatum 01-01-2099 ligt in de toekomst.');
    const missing = await runCli(['intake', '--no-input', '--db', db, '--student', 'L6']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('--no-input heeft --birth-date nodig');
  });
});
