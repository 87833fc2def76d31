// Everything zorgroute prints for a person fits the terminal it runs in: at 80×24 (a laptop) and
// 120×40, no line of route, batch's summary, cases list/due/show or the intake review is wider
// than the screen (a terminal emulator shows which lines it had to wrap), and the intake review
// keeps its outcome on screen together with the menu.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEY } from './pty-driver.js';
import { fixture, runCli } from './run-cli.js';
import { onScreen, runOnScreen } from './screen.js';

const EXAMPLE = fileURLToPath(new URL('../../data/examples/verzuimexport.csv', import.meta.url));
const examples = (name: string): string => fileURLToPath(new URL(`../../data/examples/${name}`, import.meta.url));
const REGISTRATIONS = ['batch', examples('leerlingen.csv'), '--registrations', examples('registraties.csv'), '--calendar', examples('kalender-voorbeeldschool.json')];
const SIZES = [
  { cols: 80, rows: 24 },
  { cols: 120, rows: 40 },
];

let db: string;
beforeAll(async () => {
  db = join(mkdtempSync(join(tmpdir(), 'zorgroute-fit-')), 'cases.db');
  const logged = await runCli(['batch', EXAMPLE, '--log', '--db', db, '--format', 'ndjson']);
  expect(logged.exitCode).toBe(0);
  await runCli(['cases', 'done', '10', 'leerplicht:thuiszitter', '--db', db, '--note', 'gemeld bij de leerplichtambtenaar van de woongemeente']);
  await runCli(['cases', 'note', '10', 'Gesprek met ouders en mentor gepland; de leerling komt mee naar het gesprek op school.', '--db', db]);
});

const acute = join(mkdtempSync(join(tmpdir(), 'zorgroute-fit-')), 'acuut.json');
beforeAll(async () => {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(acute, JSON.stringify({ studentRef: 'L7', referenceDate: '2026-12-01', birthDate: '2010-03-01', danger: true, abuseSuspected: true, weeksWithoutPlace: 6, supportNeed: ['gedrag'], schoolCanSupport: false }));
});

describe.each(SIZES)('at $cols×$rows', (size) => {
  const commands: [string, string[]][] = [
    ['route', ['route', fixture('route/leerplicht-16-uur.json')]],
    ['route, several', ['route', fixture('route/several.ndjson')]],
    ['route --explain', ['route', acute, '--explain']],
    ['batch summary', ['batch', EXAMPLE]],
    ['batch summary in English', ['batch', EXAMPLE, '--lang', 'en']],
    ['batch with invalid rows', ['batch', fixture('batch/bad-dates.csv')]],
    ['batch --registrations summary and meldingen', REGISTRATIONS],
    ['batch --registrations in English', [...REGISTRATIONS, '--lang', 'en']],
  ];
  it.each(commands)('%s: no line wider than the terminal', async (_name, args) => {
    const { rows, overflowing } = await runOnScreen(args, size);
    expect(rows).toMatch(/\S/);
    expect(overflowing).toEqual([]);
  });

  const cases: [string, string[]][] = [
    ['cases list', ['cases', 'list']],
    ['cases due', ['cases', 'due', '--within', '60']],
    ['cases due in English', ['cases', 'due', '--within', '60', '--lang', 'en']],
    ['cases show', ['cases', 'show', '10']],
    ['cases show --explain', ['cases', 'show', '28', '--explain']],
  ];
  it.each(cases)('%s: no line wider than the terminal', async (_name, args) => {
    const { exitCode, rows, overflowing } = await runOnScreen([...args, '--db', db], size);
    expect(exitCode).toBe(0);
    expect(rows).toMatch(/240\d{3}/);
    expect(overflowing).toEqual([]);
  });

  it('intake: the review fits, its outcome and menu on one screen; rules and sources one choice away', async () => {
    const s = onScreen(['intake', '--db', join(mkdtempSync(join(tmpdir(), 'zorgroute-fit-')), 'cases.db')], size);
    await s.answer('Leerlingnummer', 'L20417');
    await s.answer('Geboortedatum', '01-03-2012');
    await s.answer('Peildatum', '10-03-2026');
    await s.answer('Wat speelt er?', '1'); // ongeoorloofd verzuim
    await s.answer('Uren ongeoorloofd verzuim', '20');
    await s.answer('16 uur bereikt', '');
    await s.answer('weken aaneengesloten', '5');
    await s.answer('luxeverzuim', 'j');
    await s.answer('vrijstelling', '');
    await s.waitFor('Stoppen zonder op te slaan');
    await s.settled();
    const screen = s.visible().join('\n');
    expect(screen).toContain('Uitkomst:');
    expect(screen).toContain('Escaleren:');
    expect(screen).toMatch(/! leerplichtambtenaar \(verzuimmelding-16-uur\) — uiterlijk/);
    expect(screen).toMatch(/! leerplichtambtenaar \(luxeverzuim\)/);
    expect(screen).toContain('Wat wilt u doen?');
    expect(screen).toContain('Toon regels en bronnen');
    if (size.rows >= 40) expect(screen).toContain('Overzicht:'); // the answers too, on a 40-line screen
    expect(s.overflowing()).toEqual([]);

    s.send('2'); // toon regels en bronnen
    s.send(KEY.enter);
    await s.waitFor('Toegepaste regels en bronnen:');
    await s.waitFor('Stoppen zonder op te slaan');
    await s.settled();
    expect(s.rows().join('\n')).toMatch(/leerplicht-16-uur: 16 uur ongeoorloofd verzuim/);
    expect(s.overflowing()).toEqual([]);
    s.send('4'); // stoppen zonder op te slaan
    s.send(KEY.enter);
    await s.waitFor('Stoppen zonder opslaan?');
    s.send(KEY.down + KEY.enter); // yes, stop
    await s.exit;
  });

  it('intake: a long outcome (thuiszitter and acute unsafety, 16 years old) keeps outcome and menu on one screen', async () => {
    const s = onScreen(['intake', '--db', join(mkdtempSync(join(tmpdir(), 'zorgroute-fit-')), 'cases.db')], size);
    await s.answer('Leerlingnummer', 'L20418');
    await s.answer('Geboortedatum', '01-03-2010');
    await s.answer('Peildatum', '27-11-2026');
    await s.waitFor('Wat speelt er?');
    s.send('3'); // thuiszitten
    s.send('8'); // veiligheid
    s.send(KEY.enter);
    await s.answer('weken zit de leerling thuis', '6');
    await s.answer('uitzicht op een onderwijsplek', 'n');
    await s.answer('eigen gebrek aan motivatie', 'n');
    await s.answer('huiselijk geweld', 'j');
    await s.answer('reëel gevaar', 'j');
    await s.answer('wil de leerling dat ouders betrokken worden?', '2');
    await s.answer('vrijstelling', '');
    await s.answer('startkwalificatie', '');
    await s.waitFor('Stoppen zonder op te slaan');
    await s.settled();
    const screen = s.visible().join('\n');
    expect(screen).toContain('Uitkomst:');
    const joined = screen.replace(/\s+/g, ' '); // a wrapped line read as one
    expect(joined).toContain('Veilig Thuis (melding-acute-onveiligheid) — dezelfde dag (vr 27-11-2026) — bij direct gevaar: 112');
    expect(screen).toContain('onderwijsconsulent (thuiszitter) — zo spoedig mogelijk');
    expect(screen).toMatch(/Let op: \d opmerkingen/);
    expect(screen).toContain('Opslaan als casus');
    expect(s.overflowing()).toEqual([]);
    s.send('4');
    s.send(KEY.enter);
    await s.waitFor('Stoppen zonder opslaan?');
    s.send(KEY.down + KEY.enter);
    await s.exit;
  });
});

describe('every --help at 80×24, in Dutch and English', () => {
  const helps = [
    ['--help'],
    ['route', '--help'],
    ['intake', '--help'],
    ['batch', '--help'],
    ['cases', '--help'],
    ...['list', 'show', 'due', 'done', 'note', 'close', 'reopen', 'export', 'verify', 'purge', 'backup'].map((c) => ['cases', c, '--help']),
    ['completion', '--help'],
    ['config', '--help'],
    ['calendar', '--help'],
    ...['show', 'init', 'check'].map((c) => ['calendar', c, '--help']),
  ];
  it.each(helps.flatMap((args) => [[args.join(' '), 'nl_NL.UTF-8', args] as const, [args.join(' '), 'en_US.UTF-8', args] as const]))(
    'zorgroute %s (LANG=%s): no line wider than the terminal, examples included',
    async (_name, lang, args) => {
      const { exitCode, rows, overflowing } = await runOnScreen(args, { cols: 80, rows: 24 }, { LANG: lang });
      expect(exitCode).toBe(0);
      expect(rows).toMatch(/^ {2}\$ /m);
      expect(overflowing).toEqual([]);
    },
  );
});
