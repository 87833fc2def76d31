import { describe, expect, it } from 'vitest';
import { problem } from '../../../src/core/problems.js';
import { isBsnLike, containsBsn } from '../../../src/core/bsn.js';
import { FIELD_KINDS, parseSituation, SITUATION_FIELDS, situationInputSchema } from '../../../src/core/routing/situation.js';
import { enText } from '../../words.js';

const TODAY = '2026-11-28';
const issues = (input: unknown) => {
  const r = parseSituation(input, TODAY);
  return r.ok ? [] : r.issues;
};

describe('parseSituation', () => {
  it('fills every default and takes today as reference date when none is given', () => {
    const r = parseSituation({ studentRef: 'L1', birthDate: '2012-03-01' }, TODAY);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        referenceDate: TODAY,
        educationType: 'vo',
        enrolled: true,
        unexcusedHours4w: 0,
        supportNeed: [],
        sensoryNeed: 'none',
        studentAllowsParents: null,
        schoolCanSupport: true,
        suitablePlaceFound: true,
      }),
    });
  });
  it('names the field and the problem for each bad value, without quoting personal values', () => {
    const found = issues({ studentRef: 'L1', birthDate: '2026-02-30', educationType: 'hbo', unexcusedHours4w: -1, sickReports12w: 1.5, colour: 'red' });
    expect(found.map((i) => i.path)).toEqual(['birthDate', 'educationType', 'unexcusedHours4w', 'sickReports12w', '']);
    expect(found[0]!.problem).toEqual({ kind: 'not-a-calendar-date', params: {} });
    expect(enText(found[0]!.problem)).toBe('not a date in the calendar');
    expect(enText(found[4]!.problem)).toBe('unknown field(s): colour');
    expect(JSON.stringify(found)).not.toContain('2026-02-30');
  });
  it('requires the student number and the birth date', () => {
    expect(issues({}).map((i) => i.path)).toEqual(['studentRef', 'birthDate']);
    expect(issues({ studentRef: '  ', birthDate: '2012-03-01' }).map((i) => i.problem.kind)).toEqual(['must-not-be-empty']);
  });
  it('refuses a birth date after the reference date, but not on it', () => {
    expect(issues({ studentRef: 'L1', birthDate: '2026-11-29', referenceDate: TODAY })).toEqual([
      { path: 'birthDate', problem: { kind: 'birth-after-reference', params: {} } },
    ]);
    expect(issues({ studentRef: 'L1', birthDate: TODAY, referenceDate: TODAY })).toEqual([]);
  });
  it('refuses a BSN as student number', () => {
    expect(issues({ studentRef: '111222333', birthDate: '2012-03-01' }).map((i) => i.path)).toEqual(['studentRef']);
    expect(issues({ studentRef: '111222334', birthDate: '2012-03-01' })).toEqual([]); // fails the elfproef
  });
  it('takes only the fixed vocabularies', () => {
    expect(issues({ studentRef: 'L1', birthDate: '2012-03-01', supportNeed: ['gedrag', 'dyslexie'] }).map((i) => i.path)).toEqual(['supportNeed[1]']);
    expect(issues({ studentRef: 'L1', birthDate: '2012-03-01', sensoryNeed: 'visueel', studentAllowsParents: true })).toEqual([]);
  });
});

describe('BSN detection (elfproef)', () => {
  it('recognises BSNs and onderwijsnummers, not other nine-digit numbers', () => {
    expect(isBsnLike('111222333')).toBe(true);
    expect(isBsnLike('123456782')).toBe(true);
    expect(isBsnLike('123456789')).toBe(false);
    expect(isBsnLike('12345678')).toBe(false);
    expect(isBsnLike('10000007a')).toBe(false);
    expect(isBsnLike('101010108')).toBe(true);
    expect(isBsnLike('101010104')).toBe(false); // onderwijsnummer: starts with 10, remainder 5
  });
  it('finds a BSN in free text, also written in groups', () => {
    expect(containsBsn('gebeld, bsn 111222333 genoteerd')).toBe(true);
    expect(containsBsn('BSN 1112.22.333')).toBe(true);
    expect(containsBsn('BSN 111 222 333')).toBe(true);
    expect(containsBsn('leerling 12345678 en 1234567890')).toBe(false);
  });
});

describe('FIELD_KINDS agrees with the schema', () => {
  const sample = (kind: (typeof FIELD_KINDS)[keyof typeof FIELD_KINDS]): unknown => {
    switch (kind.kind) {
      case 'studentRef':
        return 'L9';
      case 'date':
        return '2012-03-01';
      case 'boolean':
        return true;
      case 'nullableBoolean':
        return null;
      case 'count':
        return 3;
      case 'amount':
        return 2.5;
      case 'enum':
        return kind.values[kind.values.length - 1];
      case 'enumList':
        return [...kind.values];
    }
  };
  const base = { studentRef: 'L1', birthDate: '2010-01-01', referenceDate: TODAY };
  it.each(SITUATION_FIELDS)('%s accepts a value of its kind and refuses a value of another', (field) => {
    const kind = FIELD_KINDS[field];
    // The day the 16 hours were reached must lie within a year before the reference date.
    const value = field === 'unexcusedHoursReachedOn' || field === 'reachedOn' ? TODAY : sample(kind);
    expect(parseSituation({ ...base, [field]: value }, TODAY).ok).toBe(true);
    const wrong = kind.kind === 'amount' || kind.kind === 'count' ? 'x' : 12.5;
    expect(parseSituation({ ...base, [field]: wrong }, TODAY).ok).toBe(false);
    if (kind.kind === 'count') expect(parseSituation({ ...base, [field]: 2.5 }, TODAY).ok).toBe(false);
  });
  it('lists every field of the schema', () => {
    expect([...SITUATION_FIELDS].sort()).toEqual(Object.keys(situationInputSchema.shape).sort());
  });
});

describe('unexcusedHoursReachedOn', () => {
  const base = { studentRef: 'L1', birthDate: '2012-03-01', referenceDate: '2026-11-27', unexcusedHours4w: 18 };
  it('is optional, and a day up to 366 days before the reference date', () => {
    const none = parseSituation(base, '2026-11-27');
    expect(none.ok && 'unexcusedHoursReachedOn' in none.value).toBe(false);
    for (const day of ['2026-11-27', '2026-11-17', '2025-11-26']) expect(parseSituation({ ...base, unexcusedHoursReachedOn: day }, '2026-11-27').ok, day).toBe(true);
  });
  it('is refused after the reference date or more than 366 days before it, naming the field', () => {
    expect(parseSituation({ ...base, unexcusedHoursReachedOn: '2026-11-28' }, '2026-11-27')).toEqual({
      ok: false,
      issues: [{ path: 'unexcusedHoursReachedOn', problem: problem('after-reference-date') }],
    });
    expect(parseSituation({ ...base, unexcusedHoursReachedOn: '2025-11-25' }, '2026-11-27')).toEqual({
      ok: false,
      issues: [{ path: 'unexcusedHoursReachedOn', problem: problem('days-before-reference', { days: 366 }) }],
    });
    // Without a referenceDate, today (the caller's) is the reference.
    expect(parseSituation({ studentRef: 'L1', birthDate: '2012-03-01', unexcusedHoursReachedOn: '2026-12-01' }, '2026-11-30').ok).toBe(false);
  });
  it('is accepted with fewer than 16 hours (an export may keep the day of an earlier report); no rule counts from it then', () => {
    expect(parseSituation({ ...base, unexcusedHours4w: 4, unexcusedHoursReachedOn: '2026-10-01' }, '2026-11-27').ok).toBe(true);
  });
});
