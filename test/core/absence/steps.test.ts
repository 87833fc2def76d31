import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import { routeAbsence, type AbsenceRecord } from '../../../src/core/absence/route-absence.js';
import { countSteps, schoolCountEscalations, stepsOf } from '../../../src/core/absence/steps.js';
import { dayOf, isoOf, type SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { AbsenceCode } from '../../../src/core/absence/codes.js';
import { deriveFacts } from '../../../src/core/routing/facts.js';
import type { SituationInput } from '../../../src/core/routing/situation.js';
import { situation, workingDays } from '../../factories.js';
import { absent, calendar, LATE, peil, SPEC, student } from './absence-fixtures.js';
import { protocolRuleset } from './protocol-fixture.js';
import { StudentAbsence } from '../../../src/core/absence/student-absence.js';

const REMOVED: AbsenceCode = { kind: 'verwijderd', excused: true };
const ruleset = protocolRuleset();
const steps = stepsOf(ruleset);

type Reg = [iso: string, what: 'late' | 'removed' | number];

function add(s: StudentAbsence, cal: SchoolCalendar, [iso, what]: Reg): void {
  const i = cal.indexOf(dayOf(iso));
  if (i < 0) throw new Error(`${iso} is not a school day`);
  if (what === 'late') s.add(i, LATE, false, { lesuur: 1, minutes: undefined });
  else if (what === 'removed') s.add(i, REMOVED, true, { lesuur: 2, minutes: undefined });
  else s.add(i, { kind: 'absent', excused: false }, false, { lesuur: 0, minutes: what * 60 });
}

function run(regs: readonly Reg[], peildatum: string, overrides: Partial<SituationInput> = {}, cal = calendar(), rs = ruleset): AbsenceRecord {
  const s = student(cal);
  for (const r of regs) add(s, cal, r);
  const base = situation({ studentRef: 'L1', birthDate: '2012-03-01', referenceDate: peildatum, ...overrides });
  const p = peil(cal, peildatum);
  const counted = countSteps(s, cal, p, dayOf(peildatum), 8, rs.counting, base, deriveFacts(base), stepsOf(rs));
  const stepsIn = { counts: counted.counts, firings: counted.firings, calendar: cal, ruleIds: new Set(stepsOf(rs).map((x) => x.rule.id)), schoolCountRules: schoolCountEscalations(rs), refs: new Map(stepsOf(rs).map((x) => [x.rule.id, x.rule.ref])) };
  return routeAbsence(base, absenceAt(s, cal, p, 8, rs.counting), rs, workingDays, undefined, stepsIn);
}

const todo = (r: AbsenceRecord, type: string) => r.todos.filter((t) => t.type === type).map((t) => ({ reachedOn: t.reachedOn, deadline: t.deadline, overdue: t.overdue }));

describe('steps: the day the 3rd late arrival is reached', () => {
  it('the 2nd and 3rd late arrival on the same day: reached that day, the same day as term', () => {
    const r = run([['2026-09-07', 'late'], ['2026-09-09', 'late'], ['2026-09-09', 'late']], '2026-09-11');
    expect(todo(r, 'gesprek-leerling')).toEqual([{ reachedOn: '2026-09-09', deadline: '2026-09-09', overdue: true }]);
    expect(r.absence.lateArrivalsSchoolYear).toBe(3);
    expect(r.absence.unexcusedHours4w).toBe(0); // never an hour of absence
    expect(r.escalations).toEqual([]);
  });

  it('2 late arrivals are no step', () => {
    expect(todo(run([['2026-09-07', 'late'], ['2026-09-09', 'late']], '2026-09-11'), 'gesprek-leerling')).toEqual([]);
  });

  it('across a weekend: the 3rd on Monday', () => {
    const r = run([['2026-09-10', 'late'], ['2026-09-11', 'late'], ['2026-09-14', 'late']], '2026-09-14');
    expect(todo(r, 'gesprek-leerling')).toEqual([{ reachedOn: '2026-09-14', deadline: '2026-09-14', overdue: false }]);
  });

  it('across the herfstvakantie: the 3rd on the first school day after it', () => {
    const r = run([['2026-10-08', 'late'], ['2026-10-09', 'late'], ['2026-10-19', 'late']], '2026-10-20');
    expect(todo(r, 'gesprek-leerling')).toEqual([{ reachedOn: '2026-10-19', deadline: '2026-10-19', overdue: true }]);
  });

  it('a school-year step fires once: the 4th, 5th… late arrival brings no second talk', () => {
    const late = ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11', '2026-11-02'].map((d): Reg => [d, 'late']);
    const r = run(late, '2026-11-03');
    expect(todo(r, 'gesprek-leerling')).toEqual([{ reachedOn: '2026-09-09', deadline: '2026-09-09', overdue: true }]);
    expect(todo(r, 'brief-ouders')).toEqual([{ reachedOn: '2026-09-11', deadline: '2026-09-15', overdue: true }]);
  });
});

describe('steps: terms from reachedOn over a holiday and public holidays', () => {
  it('12 hours reached on Friday 18 December (last school day before Kerst): 5 working days → Monday 28 December', () => {
    const r = run([['2026-12-17', 6], ['2026-12-18', 6]], '2026-12-18');
    expect(todo(r, 'uitnodiging-leerplichtspreekuur')).toEqual([{ reachedOn: '2026-12-18', deadline: '2026-12-28', overdue: false }]);
    expect(todo(r, 'ouders-uitnodigen')).toEqual([{ reachedOn: '2026-12-18', deadline: '2026-12-23', overdue: false }]);
  });
});

describe('steps: the school year runs 1 August – 31 July', () => {
  // No zomervakantie, so that 31 July and 3 August are school days.
  const cal = calendar({ name: 'zomer zonder vakantie', from: '2026-07-01', to: '2026-09-30', holidays: [] });

  it('late on 30 and 31 July and on 3 August: 2 in the old year, 1 in the new — no step', () => {
    const r = run([['2026-07-30', 'late'], ['2026-07-31', 'late'], ['2026-08-03', 'late']], '2026-08-03', {}, cal);
    expect(r.absence.lateArrivalsSchoolYear).toBe(1);
    expect(r.absence.lateArrivals4w).toBe(3); // the window is not a school year
    expect(todo(r, 'gesprek-leerling')).toEqual([]);
  });

  it('a step reached in July fires again in the new school year, and only the new year is listed', () => {
    const late = ['2026-07-28', '2026-07-29', '2026-07-31', '2026-08-03', '2026-08-04', '2026-08-05'].map((d): Reg => [d, 'late']);
    const r = run(late, '2026-08-06', {}, cal);
    expect(todo(r, 'gesprek-leerling')).toEqual([{ reachedOn: '2026-08-05', deadline: '2026-08-05', overdue: true }]);
    expect(r.todos.find((t) => t.type === 'gesprek-leerling')!.step).toEqual({ kind: 'school-year', key: '2026-2027' });
    const july = run(late.slice(0, 3), '2026-07-31', {}, cal);
    expect(july.todos.find((t) => t.type === 'gesprek-leerling')!.step).toEqual({ kind: 'school-year', key: '2025-2026' });
  });
});

describe('steps: a school-year step that stops holding', () => {
  // "at most 1 late arrival" holds at 0: it fires on the first school day of each school year. A
  // fired school-year step is not judged again that year; whether it still held on the year's last
  // day judged decides whether it fires on the new year's first day.
  const cal = calendar({ name: 'zomer zonder vakantie', from: '2026-07-01', to: '2026-09-30', holidays: [] });
  const lateStep = steps.find((x) => x.rule.id === 'te-laat-3')!;
  const atMostOne = { ...lateStep, rule: { ...lateStep.rule, id: 'hooguit-1-keer-te-laat', test: (sit: { lateArrivalsSchoolYear?: number }) => (sit.lateArrivalsSchoolYear ?? 0) <= 1 } } as typeof lateStep;
  const fired = (regs: Reg[], peildatum: string): string[] => {
    const s = student(cal);
    for (const r of regs) add(s, cal, r);
    const sit = situation({ studentRef: 'L1', birthDate: '2012-03-01', referenceDate: peildatum });
    const counted = countSteps(s, cal, peil(cal, peildatum), dayOf(peildatum), 8, ruleset.counting, sit, deriveFacts(sit), [atMostOne]);
    return counted.firings.map((f) => isoOf(cal.dayAt(f.index)));
  };

  it('stopped holding in July (2 late arrivals): fires again on the first school day of August', () => {
    expect(fired([['2026-07-06', 'late'], ['2026-07-07', 'late']], '2026-08-05')).toEqual(['2026-08-03']);
  });

  it('still held on the last day judged (1 late arrival): does not fire again in August', () => {
    expect(fired([['2026-07-06', 'late']], '2026-08-05')).toEqual([]);
  });
});

describe('steps: 8 hours in 4 lesweken, holiday weeks skipped', () => {
  // 4 lesweken from Wednesday 30 September run to Tuesday 3 November: the herfstvakantie is skipped.
  it('7.5 hours in the window: no step', () => {
    expect(todo(run([['2026-09-30', 4], ['2026-11-03', 3.5]], '2026-11-03'), 'ouders-uitnodigen')).toEqual([]);
  });

  it('8 hours in the window: reached on Tuesday 3 November, 3 working days → Friday 6 November', () => {
    expect(todo(run([['2026-09-30', 4], ['2026-11-03', 4]], '2026-11-03'), 'ouders-uitnodigen')).toEqual([{ reachedOn: '2026-11-03', deadline: '2026-11-06', overdue: false }]);
  });

  it('one day later the first hours have left the window: no step', () => {
    expect(todo(run([['2026-09-30', 4], ['2026-11-04', 4]], '2026-11-04'), 'ouders-uitnodigen')).toEqual([]);
  });
});

describe('steps: an episode fires once, and again after the count fell below', () => {
  it('above from 7 September, still above on 5 October (28 September in the window): one firing', () => {
    const r = run([['2026-09-07', 8], ['2026-09-28', 8]], '2026-10-06');
    expect(todo(r, 'ouders-uitnodigen').map((t) => t.reachedOn)).toEqual(['2026-09-07']);
  });

  it('below from 5 October, reached again on 9 November: two firings, each its own episode', () => {
    const r = run([['2026-09-07', 8], ['2026-11-09', 8]], '2026-11-10');
    expect(todo(r, 'ouders-uitnodigen').map((t) => t.reachedOn)).toEqual(['2026-09-07', '2026-11-09']);
    expect(r.todos.filter((t) => t.type === 'ouders-uitnodigen').map((t) => t.step)).toEqual([
      { kind: 'episode', key: '2026-09-07' },
      { kind: 'episode', key: '2026-11-09' },
    ]);
    expect(r.absence.unexcusedHours4w).toBe(8);
  });
});

describe('steps: the 2nd removal from class', () => {
  it('reached on the day of the 2nd removal, 1 working day', () => {
    const r = run([['2026-09-07', 'removed'], ['2026-09-11', 'removed']], '2026-09-11');
    expect(todo(r, 'gesprek-verwijdering')).toEqual([{ reachedOn: '2026-09-11', deadline: '2026-09-14', overdue: false }]);
    expect(r.absence.removalsSchoolYear).toBe(2);
  });
});

describe('steps to the parents obey the parents rules', () => {
  const five = ['2026-09-07', '2026-09-08', '2026-09-09', '2026-09-10', '2026-09-11'].map((d): Reg => [d, 'late']);

  it('a pupil under 16: the letter goes, the parents rule says yes', () => {
    const r = run(five, '2026-09-11');
    expect(r.todos.find((t) => t.type === 'brief-ouders')).toMatchObject({ party: 'ouders', parents: { involve: 'yes', rules: ['ouders-betrekken'] } });
    expect(r.withheld).toBeUndefined();
  });

  it('a 16-year-old who declined parental involvement: held back, the pupil decides', () => {
    const r = run(five, '2026-09-11', { birthDate: '2010-01-01', studentAllowsParents: false });
    expect(r.todos.some((t) => t.type === 'brief-ouders')).toBe(false);
    expect(r.withheld).toMatchObject([{ party: 'ouders', type: 'brief-ouders', parents: { involve: 'no', rules: ['ouders-leerling-16-nee'] } }]);
    expect(r.todos.map((t) => t.type)).toContain('gesprek-leerling'); // the mentor's talk stays
  });

  it('a 16-year-old who was not asked: the letter waits for the pupil to decide', () => {
    const r = run(five, '2026-09-11', { birthDate: '2010-01-01' });
    expect(r.todos.find((t) => t.type === 'brief-ouders')).toMatchObject({ parents: { involve: 'student-decides', rules: ['ouders-keuze-leerling-16'] } });
  });

  it('a real danger: the parents are not approached first', () => {
    const r = run(five, '2026-09-11', { danger: true });
    expect(r.todos.some((t) => t.party === 'ouders')).toBe(false);
    expect(r.withheld).toMatchObject([{ type: 'brief-ouders', parents: { involve: 'no', rules: ['ouders-reeel-gevaar'] } }]);
    expect(r.inform.some((i) => i.party === 'ouders')).toBe(false);
  });
});

describe('the region\'s lateness report (an option, off in the example)', () => {
  const ten = Array.from({ length: 10 }, (_, k): Reg => [`2026-09-${String(7 + (k % 5) + Math.floor(k / 5) * 7).padStart(2, '0')}`, 'late']);

  it('off: 10 late arrivals bring no report', () => {
    expect(run(ten, '2026-09-18').escalations).toEqual([]);
  });

  it('on: more than 9 late arrivals → leerplicht, overig-verzuim', () => {
    const on = protocolRuleset(['te-laat-melding-leerplicht']);
    expect(run(ten, '2026-09-18', {}, calendar(), on).escalations).toMatchObject([{ to: 'leerplicht', type: 'overig-verzuim' }]);
    expect(run(ten.slice(0, 9), '2026-09-18', {}, calendar(), on).escalations).toEqual([]);
  });
});

it('the fixture year is the one the tests name', () => {
  expect(SPEC.from).toBe('2026-08-17');
  expect(absent).toBeTypeOf('function');
});
