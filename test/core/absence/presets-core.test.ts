import { describe, expect, it } from 'vitest';
import { parseMoment } from '../../../src/core/absence/export-shapes/date-time.js';
import { parseRegistrationMap } from '../../../src/core/absence/export-shapes/reg-map.js';
import { guessRegistrationColumns, registrationMapSkeleton } from '../../../src/core/absence/export-shapes/reg-guess.js';
import { planRegistrationColumns, readRegistration } from '../../../src/core/absence/registration.js';
import { parseIsoDate, toDayNumber } from '../../../src/core/dates.js';

const day = (iso: string) => toDayNumber(parseIsoDate(iso)!);

describe('a moment in an export (SOMtoday, Magister)', () => {
  it('reads a date with a time, with or without an offset, as Dutch time', () => {
    expect(parseMoment('2026-10-12T08:30:00.000+02:00')).toEqual({ day: day('2026-10-12'), minute: 510 });
    expect(parseMoment('2026-10-12T06:30:00Z')).toEqual({ day: day('2026-10-12'), minute: 510 }); // CEST
    expect(parseMoment('2026-12-07T07:30:00Z')).toEqual({ day: day('2026-12-07'), minute: 510 }); // CET
    expect(parseMoment('2026-10-11T22:30:00Z')).toEqual({ day: day('2026-10-12'), minute: 30 }); // past midnight in NL
    expect(parseMoment('12-10-2026 8:30')).toEqual({ day: day('2026-10-12'), minute: 510 });
    expect(parseMoment('2026-10-12 08:30:15')).toEqual({ day: day('2026-10-12'), minute: 510 });
    expect(parseMoment('20261012')).toEqual({ day: day('2026-10-12'), minute: undefined });
    expect(parseMoment('12-10-2026')).toEqual({ day: day('2026-10-12'), minute: undefined });
  });

  it('refuses what is not one', () => {
    for (const bad of ['', 'morgen', '2026-02-30T08:00', '2026-10-12T25:00', '2026-10-12T08:61', '2026-10-12T08:30+15:00']) expect(parseMoment(bad), bad).toBeUndefined();
  });
});

describe('a registration from moments and lesson ranges', () => {
  const plan = (headers: string[]) => {
    const p = planRegistrationColumns(headers);
    if (!p.ok) throw new Error('plan');
    return p.plan;
  };
  it('one day between two times counts the minutes; a whole day (8 hours or more) counts as the whole day', () => {
    const p = plan(['leerlingnummer', 'begin', 'eind', 'code']);
    const r = readRegistration(['L1', '2026-10-12T08:30+02:00', '2026-10-12T10:00+02:00', 'A'], p);
    expect(r).toMatchObject({ ok: true, registration: { day: day('2026-10-12'), endDay: day('2026-10-12'), minutes: 90, lesuur: 0 } });
    const whole = readRegistration(['L1', '2026-10-12T00:00+02:00', '2026-10-12T23:59+02:00', 'Z'], p);
    expect(whole).toMatchObject({ ok: true, registration: { minutes: undefined, lesuur: 0 } });
    // midnight to midnight: the end closes the day before it
    const sick = readRegistration(['L1', '2026-10-12T00:00+02:00', '2026-10-14T00:00+02:00', 'Z'], p);
    expect(sick).toMatchObject({ ok: true, registration: { day: day('2026-10-12'), endDay: day('2026-10-13'), minutes: undefined } });
    expect(readRegistration(['L1', '2026-10-12T10:00+02:00', '2026-10-12T09:00+02:00', 'A'], p)).toMatchObject({ ok: false, problem: 'end-before-start' });
    expect(readRegistration(['L1', 'gisteren', '', 'A'], p)).toMatchObject({ ok: false, problem: 'bad-moment', column: 'begin' });
  });

  it('beginlesuur–eindlesuur counts every lesson of the range', () => {
    const p = plan(['leerlingnummer', 'datum', 'beginLesuur', 'eindlesuur', 'code']);
    expect(readRegistration(['L1', '12-10-2026', '2', '4', 'A'], p)).toMatchObject({ ok: true, registration: { lesuur: 2, lessons: 3 } });
    expect(readRegistration(['L1', '12-10-2026', '4', '2', 'A'], p)).toMatchObject({ ok: false, problem: 'end-before-start' });
    expect(readRegistration(['L1', '12-10-2026', '2', '', 'A'], p)).toMatchObject({ ok: true, registration: { lesuur: 2, lessons: 1 } });
  });
});

describe('the --reg-map forms', () => {
  it('the short form and the long form with columns by header or by position', () => {
    const short = parseRegistrationMap({ Stamnr: 'leerlingnummer', Omschrijving: null });
    expect(short.ok && [...short.map.byHeader]).toEqual([
      ['stamnr', 'leerlingnummer'],
      ['omschrijving', null],
    ]);
    const long = parseRegistrationMap({ title: 't', source: 's', check: 'c', header: false, columns: ['leerlingnummer', 'datum', null] });
    expect(long.ok && long.map.byPosition).toEqual(['leerlingnummer', 'datum', null]);
  });

  it('names what is wrong, and never a header that looks like data', () => {
    expect(parseRegistrationMap(null)).toEqual({ ok: false, issue: { kind: 'reg-map-not-object' } });
    expect(parseRegistrationMap([1])).toEqual({ ok: false, issue: { kind: 'reg-map-not-object' } });
    expect(parseRegistrationMap({ Stamnr: 'stamnummer' })).toEqual({ ok: false, issue: { kind: 'reg-map-target', header: 'Stamnr' } });
    expect(parseRegistrationMap({ '111222333': 'x' })).toEqual({ ok: false, issue: { kind: 'reg-map-target', header: '(…)' } });
    expect(parseRegistrationMap({ header: false, columns: ['leerlingnummer', 'x'] })).toEqual({ ok: false, issue: { kind: 'reg-map-position', position: 2 } });
    expect(parseRegistrationMap({ columns: 3 })).toEqual({ ok: false, issue: { kind: 'reg-map-columns' } });
  });
});

describe('guessing a missing column', () => {
  it('Stamnr and Lln.nr. → leerlingnummer; Datum, Begin → datum; Absentiecode → code', () => {
    const headers = ['Lln.nr.', 'Datum van', 'Uur', 'Absentiecode', 'Opmerking'];
    const g = guessRegistrationColumns(headers, ['leerlingnummer', 'datum', 'code']);
    expect(Object.fromEntries([...g].map(([f, i]) => [f, headers[i]]))).toEqual({ leerlingnummer: 'Lln.nr.', datum: 'Datum van', code: 'Absentiecode' });
    expect(guessRegistrationColumns(['Stamnr', 'Begin'], ['leerlingnummer', 'datum']).get('leerlingnummer')).toBe(0);
    expect(guessRegistrationColumns(['Stamnr', 'Begin'], ['leerlingnummer', 'datum']).get('datum')).toBe(1);
  });

  it('never suggests a header that looks like data, nor one already used', () => {
    expect(guessRegistrationColumns(['111222333', 'x'], ['leerlingnummer']).size).toBe(0);
    expect(guessRegistrationColumns(['Stamnr'], ['leerlingnummer'], new Set([0])).size).toBe(0);
    expect(registrationMapSkeleton(['Stamnr', '02-02-2026', 'Code'], new Map([[2, 'code']]), new Map([['leerlingnummer', 0]]))).toEqual({ Stamnr: 'leerlingnummer', Code: 'code' });
  });
});
