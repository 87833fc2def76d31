import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-e2e-'));
const file = (name: string, content: string): string => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const situation = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ studentRef: 'L1', referenceDate: '2026-11-27', birthDate: '2012-03-01', ...extra });

describe('zorgroute route --json', () => {
  it('decides one situation from a file', async () => {
    const r = await runCli(['route', '--json', fixture('route/leerplicht-16-uur.json')]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout);
    expect(Object.keys(d)).toEqual(['studentRef', 'referenceDate', 'facts', 'parents', 'inform', 'escalations', 'todos', 'notes', 'rules', 'ruleset']);
    expect(d.facts).toEqual({ age: 14, leerplicht: 'volledig', leerplichtig: true, rmc: false, thuiszitter: false });
    expect(d.escalations).toEqual([
      { to: 'leerplicht', type: 'verzuimmelding-16-uur', deadline: '2026-12-04', overdue: false, reason: expect.any(String), rules: ['leerplicht-16-uur'] },
    ]);
    expect(d.inform.map((i: { party: string }) => i.party)).toEqual(['ouders', 'leerling', 'leerplicht']);
    const sha256 = expect.stringMatching(/^[0-9a-f]{64}$/);
    expect(d.ruleset).toEqual({
      id: 'swv-vo-groningen-ommelanden',
      version: expect.any(String),
      sha256,
      layers: [
        { id: 'landelijk', version: expect.any(String), sha256 },
        { id: 'swv-vo-groningen-ommelanden', version: d.ruleset.version, sha256: d.ruleset.sha256 },
      ],
    });
    expect(d.rules.find((r: { id: string }) => r.id === 'leerplicht-16-uur').layer).toBe('landelijk');
  });

  it('reads stdin with -', async () => {
    const r = await runCli(['route', '-', '--json'], { input: situation({ luxuryAbsence: true }) });
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout).escalations[0].type).toBe('luxeverzuim');
  });

  it('answers NDJSON in, NDJSON out, in order', async () => {
    const r = await runCli(['route', '--json', fixture('route/several.ndjson')]);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((d) => d.studentRef)).toEqual(['L1', 'L2', 'L3']);
    expect(lines[1].escalations[0].to).toBe('rmc');
  });

  it('answers an array with NDJSON', async () => {
    const r = await runCli(['route', '--json', '-'], { input: `[${situation()}, ${situation({ studentRef: 'L2' })}]` });
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('--exit-code: 3 when any escalation is required, 0 when none', async () => {
    expect((await runCli(['route', '--json', '--exit-code', fixture('route/several.ndjson')])).exitCode).toBe(3);
    const none = await runCli(['route', '--json', '--exit-code', '-'], { input: situation() });
    expect(none.exitCode).toBe(0);
  });

  it('--explain adds every rule with its conditions', async () => {
    const r = await runCli(['route', '--json', '--explain', '-'], { input: situation({ unexcusedHours4w: 15 }) });
    const d = JSON.parse(r.stdout);
    const rule = d.explain.find((t: { id: string }) => t.id === 'leerplicht-16-uur');
    expect(rule.status).toBe('not-met');
    expect(rule.conditions.all[2]).toEqual({ fact: 'unexcusedHours4w', op: 'gte', value: 16, actual: 15, held: false });
  });

  it('--rules selects another rule set (here with the RMC 16-hours option switched on)', async () => {
    const rules = JSON.parse(readFileSync(fixture('../../data/rules/swv-vo-groningen-ommelanden.json'), 'utf8'));
    rules.rules.find((r: { id: string }) => r.id === 'rmc-16-uur').enabled = true;
    const path = file('rmc16.json', JSON.stringify(rules));
    const input = situation({ birthDate: '2007-01-01', unexcusedHours4w: 16 });
    expect(JSON.parse((await runCli(['route', '--json', '-'], { input })).stdout).escalations).toEqual([]);
    const r = await runCli(['route', '--json', '--rules', path, '-'], { input });
    expect(JSON.parse(r.stdout).escalations[0].type).toBe('verzuim-16-uur-18plus');
  });
});

describe('bad input: exit 2, a message naming the field, nothing on stdout', () => {
  const bad = async (input: string, ...args: string[]) => {
    const r = await runCli(['route', '--json', ...args, '-'], { input });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    return r.stderr;
  };
  it('refuses a BSN as student number without echoing it', async () => {
    const err = await bad(situation({ studentRef: '111222333' }));
    expect(err).toMatch(/studentRef: lijkt op een BSN/);
    expect(err).not.toContain('111222333');
  });
  it('refuses a birth date after the reference date', async () => {
    expect(await bad(situation({ birthDate: '2027-01-01' }))).toMatch(/birthDate: ligt na de peildatum/);
  });
  it('refuses a day the 16 hours were reached after the reference date, or more than a year before it', async () => {
    expect(await bad(situation({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-30' }))).toMatch(/unexcusedHoursReachedOn: ligt na de peildatum/);
    expect(await bad(situation({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2025-01-02' }))).toMatch(/unexcusedHoursReachedOn: ligt meer dan 366 dagen vóór de peildatum/);
  });
  it('refuses an impossible date', async () => {
    expect(await bad(situation({ birthDate: '2026-02-30' }))).toMatch(/birthDate: deze datum bestaat niet in de kalender/);
  });
  it('refuses an unknown field value and an unknown field', async () => {
    const err = await bad(situation({ educationType: 'hbo', shoeSize: 42 }));
    expect(err).toMatch(/educationType: verwacht een van: po, so, vo/);
    expect(err).toMatch(/onbekend veld: shoeSize/);
  });
  it('names the record of a bad NDJSON line', async () => {
    const err = await bad(`${situation()}\n${situation({ studentRef: 'L2', unexcusedHours4w: -3 })}\n`);
    expect(err).toContain('stdin, regel 2: unexcusedHours4w: verwacht een getal ≥ 0');
  });
  it('names line and column of invalid JSON', async () => {
    expect(await bad('{\n "studentRef": "L1",\n "birthDate": }')).toMatch(/stdin, regel 3, kolom 15: geen geldige JSON/);
  });
  it('refuses empty input, a missing file and an unknown flag', async () => {
    expect(await bad('')).toMatch(/stdin is leeg/);
    const missing = await runCli(['route', join(tmp, 'nope.json')]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/kan .*nope\.json niet lezen: het bestand of de map bestaat niet \(ENOENT\)/);
    expect((await runCli(['route', '--frobnicate'])).exitCode).toBe(2);
  });
  it('reports every problem of a broken rule set with its path', async () => {
    const { counting, parties } = JSON.parse(readFileSync(fixture('../../data/rules/landelijk.json'), 'utf8')) as { counting: unknown; parties: unknown };
    const rules = [
      { id: 'a', title: 't', source: 's', when: { fact: 'shoeSize', op: 'gt', value: 1 }, then: { notes: ['n'] } },
      { id: 'b', title: 't', source: 's', when: { fact: 'sickDaysInRow', op: 'gte', value: 5 }, then: { notes: ['n'] } },
    ];
    const path = file('broken-rules.json', JSON.stringify({ id: 'x', version: '1', title: 't', counting, parties, rules }));
    const err = await bad(situation(), '--rules', path);
    expect(err).toMatch(/rules\[0\]\.when\.fact: onbekend feit shoeSize/);
    expect(err).toMatch(/rules\[1\]\.when\.value: regel b: sickDaysInRow gte 5 spreekt het tellen tegen \(counting\.sickDays\.value = 7\)/);
    expect(err).toMatch(/rules: er moet een ingeschakelde regel zonder voorwaarden zijn/);
    // Without a counting section the shape check stops first, naming it.
    const none = file('no-counting.json', JSON.stringify({ id: 'x', version: '1', title: 't', rules }));
    expect(await bad(situation(), '--rules', none)).toMatch(/counting: /);
  });
});

describe('readable output', () => {
  it('summarises in Dutch by default, with deadline and sources', async () => {
    const r = await runCli(['route', fixture('route/leerplicht-16-uur.json')]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Escaleren:');
    expect(r.stdout).toContain('leerplichtambtenaar (verzuimmelding-16-uur) — uiterlijk vr 04-12-2026');
    expect(r.stdout).not.toContain('[leerplicht-16-uur]'); // rule ids and the sha256 only with --explain
    expect(r.stdout).not.toContain('sha256');
    expect(r.stdout).toContain('Leerplichtwet 1969 art. 21a');
    expect(r.stdout).not.toMatch(/\u001b\[/); // no colour with NO_COLOR
  });
  it('shows rule ids and the rule set\'s sha256 with --explain', async () => {
    const r = await runCli(['route', fixture('route/leerplicht-16-uur.json'), '--explain']);
    expect(r.stdout).toContain('[leerplicht-16-uur]');
    expect(r.stdout).toMatch(/Regelset: swv-vo-groningen-ommelanden \S+ \(sha256 [0-9a-f]{64}\)/);
  });
  it('an acute Veilig Thuis report is due the same day, with 112 for immediate danger', async () => {
    const r = await runCli(['route', '-'], { input: situation({ danger: true, abuseSuspected: true }) });
    expect(r.stdout).toContain('Veilig Thuis (melding-acute-onveiligheid) — dezelfde dag (vr 27-11-2026) — bij direct gevaar: 112');
    expect(r.stdout).not.toContain('uiterlijk vr 27-11-2026');
    expect(r.stdout).toContain('Bij direct gevaar: bel 112');
  });
  it('counts the 16-hours term from the day they were reached, skips holidays, and says when it is overdue', async () => {
    const input = `${situation({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-17' })}\n${situation({ studentRef: 'L2', referenceDate: '2026-04-28', unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-04-23' })}\n`;
    const json = await runCli(['route', '--json', '-'], { input });
    expect(json.exitCode).toBe(0);
    const [late, koningsdag] = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(late.escalations[0]).toMatchObject({ deadline: '2026-11-24', overdue: true });
    expect(koningsdag.escalations[0]).toMatchObject({ deadline: '2026-05-01', overdue: false }); // Mon 27 April skipped
    const human = await runCli(['route', '-'], { input: situation({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-17' }) });
    expect(human.stdout).toMatch(/leerplichtambtenaar \(verzuimmelding-16-uur\) — uiterlijk di 24-11-2026\s+— te laat/);
    const en = await runCli(['route', '--lang', 'en', '-'], { input: situation({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-17' }) });
    expect(en.stdout).toMatch(/by Tue 24-11-2026\s+— overdue/);
  });
  it('speaks English with --lang en or an English LANG', async () => {
    expect((await runCli(['route', '--lang', 'en', fixture('route/leerplicht-16-uur.json')])).stdout).toContain('by Fri 04-12-2026');
    expect((await runCli(['route', fixture('route/leerplicht-16-uur.json')], { env: { LANG: 'en_GB.UTF-8' } })).stdout).toContain('Escalate:');
  });
});
