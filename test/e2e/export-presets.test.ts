// The shipped column maps (data/maps/) for the public export shapes of Magister, SOMtoday and
// Eduarte (EXPORTS.md): the example registrations, rewritten in each shape, give the same records
// with `--reg-map NAME --map NAME` and no map file of the school's own.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const EX = join(ROOT, 'data', 'examples');
const CAL = join(EX, 'kalender-voorbeeldschool.json');
const CODES = join(EX, 'codes-voorbeeldschool.csv');

interface Row {
  ref: string;
  date: string; // dd-mm-jjjj
  lesuur: string;
  code: string;
  end: string;
  /** Clock times of a part of a day (begintijd–eindtijd, or 08:30 + minuten), in minutes; undefined: none. */
  from?: number;
  to?: number;
}

// Eduarte's import has no geoorloofd field: rows that set it by hand are left out of the comparison
const lines = readFileSync(join(EX, 'registraties.csv'), 'utf8')
  .trim()
  .split(/\r?\n/);
const kept = lines.slice(1).filter((l) => (l.split(';')[8] ?? '') === '');
const rows: Row[] = kept
  .map((l) => {
    const [ref, date, lesuur, code, end, begintijd, eindtijd, minuten] = l.split(';');
    const clock = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    const times = begintijd ? { from: clock(begintijd), to: clock(eindtijd!) } : minuten && !lesuur ? { from: 510, to: 510 + Number(minuten) } : {};
    return { ref: ref!, date: date!, lesuur: lesuur!, code: code!, end: end!, ...times };
  });

const iso = (d: string) => d.split('-').reverse().join('-');
const compact = (d: string) => iso(d).replaceAll('-', '');
/** The clock times of lesuur n: 08:30 + 50 minutes a lesson, 45 minutes long. */
const lessonStart = (n: number) => 8 * 60 + 30 + (n - 1) * 50;
const hhmm = (m: number, sep = ':') => `${String(Math.floor(m / 60)).padStart(2, '0')}${sep}${String(m % 60).padStart(2, '0')}`;

function students(header: string): string {
  const text = readFileSync(join(EX, 'leerlingen.csv'), 'utf8');
  return text.replace(/^leerlingnummer/, header);
}

const shapes = {
  magister: () =>
    ['Stamnr;Start;Eind;Lesuur;Code;Geoorloofd;Omschrijving;Verantwoordingtype']
      .concat(
        rows.map((r) => {
          const n = Number(r.lesuur);
          const start = r.from !== undefined ? `${r.date} ${hhmm(r.from)}` : r.lesuur ? `${r.date} ${hhmm(lessonStart(n))}` : `${r.date} 00:00`;
          const end = r.to !== undefined ? `${r.date} ${hhmm(r.to)}` : r.lesuur ? `${r.date} ${hhmm(lessonStart(n) + 45)}` : `${r.end || r.date} 23:59`;
          return [r.ref, start, end, r.lesuur, r.code, '', 'omschrijving', '1'].join(';');
        }),
      )
      .join('\r\n'),
  somtoday: () =>
    ['leerling.leerlingnummer,absentieReden.afkorting,absentieReden.omschrijving,beginDatumTijd,eindDatumTijd,beginLesuur,eindLesuur,afgehandeld']
      .concat(
        rows.map((r) => {
          const n = Number(r.lesuur);
          // SOMtoday writes UTC offsets: summer time +02:00, winter +01:00; the whole day as midnight to midnight
          const off = (d: string) => (iso(d) >= '2026-03-29' && iso(d) < '2026-10-25' ? '+02:00' : '+01:00');
          const begin = `${iso(r.date)}T${r.from !== undefined ? hhmm(r.from) : r.lesuur ? hhmm(lessonStart(n)) : '00:00'}:00.000${off(r.date)}`;
          const endDay = r.end || r.date;
          const nextDay = (d: string) => new Date(Date.parse(`${iso(d)}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          const end =
            r.to !== undefined
              ? `${iso(r.date)}T${hhmm(r.to)}:00.000${off(r.date)}`
              : r.lesuur
                ? `${iso(r.date)}T${hhmm(lessonStart(n) + 45)}:00.000${off(r.date)}`
                : `${nextDay(endDay)}T00:00:00.000${off(endDay)}`;
          return [r.ref, r.code, '"ziek, gebeld"', begin, end, r.lesuur, r.lesuur, 'true'].join(',');
        }),
      )
      .join('\n'),
  eduarte: () =>
    rows
      .map((r) => {
        const n = Number(r.lesuur);
        const from = r.from !== undefined ? hhmm(r.from, '') : r.lesuur ? hhmm(lessonStart(n), '') : '';
        const to = r.to !== undefined ? hhmm(r.to, '') : r.lesuur ? hhmm(lessonStart(n) + 45, '') : '';
        return [r.ref, compact(r.date), from, r.end ? compact(r.end) : compact(r.date), to, r.lesuur, r.lesuur, r.code, 'Gebeld door moeder'].join(';');
      })
      .join('\r\n'),
};
const studentHeader = { magister: 'Stamnr', somtoday: 'leerling.leerlingnummer', eduarte: 'deelnemernummer' } as const;

describe('export presets (data/maps/)', () => {
  it('the example in the shipped shape of each system gives the same records as the example itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zr-presets-'));
    const example = join(dir, 'registraties.csv');
    writeFileSync(example, [lines[0], ...kept].join('\n'));
    const base = await runCli(['batch', join(EX, 'leerlingen.csv'), '--registrations', example, '--calendar', CAL, '--codes', CODES, '--format', 'ndjson']);
    expect(base.exitCode).toBe(0);
    for (const name of ['magister', 'somtoday', 'eduarte'] as const) {
      const regs = join(dir, `${name}.csv`);
      writeFileSync(regs, shapes[name]());
      const studs = join(dir, `${name}-leerlingen.csv`);
      writeFileSync(studs, students(studentHeader[name]));
      const r = await runCli(['batch', studs, '--registrations', regs, '--reg-map', name, '--map', name, '--calendar', CAL, '--codes', CODES, '--format', 'ndjson']);
      expect({ name, stderr: r.stderr.split('\n').filter((l) => !l.includes('zorgroute batch:')) }).toEqual({ name, stderr: expect.any(Array) });
      expect(r.exitCode, `${name}: ${r.stderr}`).toBe(0);
      if (r.stdout !== base.stdout) writeFileSync(join(dir, `${name}.out`), r.stdout);
      expect(r.stdout, `${name} (${dir})`).toBe(base.stdout);
    }
  });

  it('a preset says where its shape comes from and that the school must check it', () => {
    for (const name of ['magister', 'somtoday', 'eduarte']) {
      for (const kind of ['registraties', 'leerlingen']) {
        const preset = JSON.parse(readFileSync(join(ROOT, 'data', 'maps', `${name}-${kind}.json`), 'utf8')) as Record<string, unknown>;
        expect(preset.source, `${name}-${kind}`).toEqual(expect.any(String));
        expect(String(preset.check)).toMatch(/controleer|leg de koppen naast/);
      }
    }
  });

  it('a missing column names the likeliest header and prints a --reg-map skeleton that works once saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zr-skeleton-'));
    const regs = join(dir, 'export.csv');
    writeFileSync(regs, ['Lln.nr.;Begin;Uur;Absentiecode;Omschrijving'].concat(rows.filter((r) => !r.end).map((r) => [r.ref, r.date, r.lesuur, r.code, 'x'].join(';'))).join('\n'));
    const args = ['batch', join(EX, 'leerlingen.csv'), '--registrations', regs, '--calendar', CAL, '--codes', CODES];
    const first = await runCli(args);
    expect(first.exitCode).toBe(2);
    expect(first.stderr).toContain('kolom "leerlingnummer" ontbreekt; die is verplicht (waarschijnlijk is dat "Lln.nr.")');
    expect(first.stderr).toContain('kolom "code" ontbreekt; die is verplicht (waarschijnlijk is dat "Absentiecode")');
    const skeleton = JSON.parse(first.stdout) as Record<string, string | null>;
    expect(skeleton).toEqual({ 'Lln.nr.': 'leerlingnummer', Begin: 'begin', Uur: 'lesuur', Absentiecode: 'code', Omschrijving: null });
    const map = join(dir, 'reg-map.json');
    writeFileSync(map, first.stdout);
    const second = await runCli([...args, '--reg-map', map, '--format', 'ndjson']);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout.trim().split('\n')).toHaveLength(11);
    // English too
    const en = await runCli(args, { env: { LANG: 'en_US.UTF-8' } });
    expect(en.stderr).toContain('column "leerlingnummer" is missing; it is required (probably "Lln.nr.")');
  });

  it('never repeats a header that looks like data, in the message or the skeleton', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zr-skeleton-'));
    const regs = join(dir, 'export.csv');
    writeFileSync(regs, 'L1001;02-02-2026;4;A\nL1002;03-02-2026;4;A\n');
    const r = await runCli(['batch', join(EX, 'leerlingen.csv'), '--registrations', regs, '--calendar', CAL, '--codes', CODES]);
    expect(r.exitCode).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('02-02-2026');
  });
});
