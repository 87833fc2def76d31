import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../../../src/core/routing/facts.js';
import { situation } from '../../factories.js';

const facts = (birthDate: string, referenceDate: string, extra: Parameters<typeof situation>[0] = {}) =>
  deriveFacts(situation({ birthDate, referenceDate, ...extra }));

describe('volledige leerplicht starts the first day of the month after the 5th birthday', () => {
  it('a child who turns 5 on 10 November is leerplichtig from 1 December', () => {
    expect(facts('2021-11-10', '2026-11-10')).toMatchObject({ age: 5, leerplicht: 'geen', leerplichtig: false });
    expect(facts('2021-11-10', '2026-11-30')).toMatchObject({ leerplicht: 'geen', leerplichtig: false });
    expect(facts('2021-11-10', '2026-12-01')).toMatchObject({ leerplicht: 'volledig', leerplichtig: true });
  });
  it('a December birthday starts on 1 January of the next year', () => {
    expect(facts('2021-12-15', '2026-12-31').leerplicht).toBe('geen');
    expect(facts('2021-12-15', '2027-01-01').leerplicht).toBe('volledig');
  });
  it('a child who turns 5 on the 1st still waits for the next month', () => {
    expect(facts('2021-11-01', '2026-11-01').leerplicht).toBe('geen');
    expect(facts('2021-11-01', '2026-12-01').leerplicht).toBe('volledig');
  });
});

describe('volledige leerplicht ends on 31 July of the school year in which the student turns 16', () => {
  it('turning 16 in March: volledig through 31 July, kwalificatieplicht from 1 August', () => {
    expect(facts('2010-03-01', '2026-07-31').leerplicht).toBe('volledig');
    expect(facts('2010-03-01', '2026-08-01')).toMatchObject({ age: 16, leerplicht: 'kwalificatieplicht', leerplichtig: true });
  });
  it('turning 16 on 31 July ends that same day; on 1 August it runs a whole school year more', () => {
    expect(facts('2010-07-31', '2026-08-01').leerplicht).toBe('kwalificatieplicht');
    expect(facts('2010-08-01', '2026-08-01').leerplicht).toBe('volledig');
    expect(facts('2010-08-01', '2027-07-31').leerplicht).toBe('volledig');
    expect(facts('2010-08-01', '2027-08-01').leerplicht).toBe('kwalificatieplicht');
  });
  it('turning 16 in September keeps volledige leerplicht until the next 31 July', () => {
    expect(facts('2010-09-01', '2026-11-27')).toMatchObject({ age: 16, leerplicht: 'volledig' });
  });
  it('ends earlier after 12 full school years, only when that is given', () => {
    expect(facts('2011-03-01', '2026-11-27').leerplicht).toBe('volledig');
    expect(facts('2011-03-01', '2026-11-27', { schoolYearsCompleted: 11 }).leerplicht).toBe('volledig');
    expect(facts('2011-03-01', '2026-11-27', { schoolYearsCompleted: 12 }).leerplicht).toBe('kwalificatieplicht');
  });
});

describe('kwalificatieplicht lasts until the 18th birthday, unless there is a startkwalificatie', () => {
  it('the day before the 18th birthday is kwalificatieplicht; the birthday itself is RMC', () => {
    expect(facts('2008-11-28', '2026-11-27')).toMatchObject({ age: 17, leerplicht: 'kwalificatieplicht', leerplichtig: true, rmc: false });
    expect(facts('2008-11-27', '2026-11-27')).toMatchObject({ age: 18, leerplicht: 'geen', leerplichtig: false, rmc: true });
  });
  it('a startkwalificatie ends kwalificatieplicht', () => {
    expect(facts('2009-01-01', '2026-11-27', { startkwalificatie: true })).toMatchObject({ leerplicht: 'geen', leerplichtig: false });
  });
  it('a startkwalificatie does not end volledige leerplicht', () => {
    expect(facts('2011-01-01', '2026-11-27', { startkwalificatie: true }).leerplicht).toBe('volledig');
  });
});

describe('an exemption (vrijstelling) means not leerplichtig', () => {
  it('keeps the status but not the duty', () => {
    expect(facts('2012-03-01', '2026-11-27', { exemption: true })).toMatchObject({ leerplicht: 'volledig', leerplichtig: false });
  });
});

describe('RMC-doelgroep: 18 up to (not including) 23, without startkwalificatie', () => {
  it('includes the 18th birthday and 22-year-olds, excludes the 23rd birthday', () => {
    expect(facts('2008-11-27', '2026-11-27').rmc).toBe(true);
    expect(facts('2003-11-28', '2026-11-27')).toMatchObject({ age: 22, rmc: true });
    expect(facts('2003-11-27', '2026-11-27')).toMatchObject({ age: 23, rmc: false });
  });
  it('16–17 without a startkwalificatie stay with leerplicht, not RMC', () => {
    expect(facts('2009-06-01', '2026-11-27')).toMatchObject({ age: 17, rmc: false, leerplichtig: true });
  });
  it('not with a startkwalificatie', () => {
    expect(facts('2005-01-01', '2026-11-27', { startkwalificatie: true }).rmc).toBe(false);
  });
});

describe('thuiszitter: more than 4 weeks at home without a place', () => {
  it('4 weeks is not yet, anything more is', () => {
    expect(facts('2012-03-01', '2026-11-27', { weeksWithoutPlace: 4 }).thuiszitter).toBe(false);
    expect(facts('2012-03-01', '2026-11-27', { weeksWithoutPlace: 4.5 }).thuiszitter).toBe(true);
    expect(facts('2012-03-01', '2026-11-27', { weeksWithoutPlace: 5 }).thuiszitter).toBe(true);
  });
});
