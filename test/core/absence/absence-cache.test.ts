// `batch --registrations` routes every student through one AbsenceCache: decisions shared per
// (fired rules, days), and each record's informed parties, rules and notes shared per shape. A
// student routed through a cache full of other students must come out exactly as routed alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import { AbsenceCache, routeAbsence, type AbsenceRecord, type StepsIn } from '../../../src/core/absence/route-absence.js';
import { countSteps, schoolCountEscalations, stepsOf } from '../../../src/core/absence/steps.js';
import { dayOf, type SchoolCalendar } from '../../../src/core/calendar/school-calendar.js';
import type { CompiledRuleset } from '../../../src/core/routing/compile.js';
import { deriveFacts } from '../../../src/core/routing/facts.js';
import { situation, workingDays } from '../../factories.js';
import { FUZZ_SEED } from '../../fuzz-inputs.js';
import { ABSENT, calendar, LATE, LUXE_CODE, peil, SICK_CODE, student } from './absence-fixtures.js';
import { protocolRuleset } from './protocol-fixture.js';

const cal = calendar();
const REMOVED = { kind: 'verwijderd', excused: true } as const;
const CODES = [ABSENT, ABSENT, SICK_CODE, LATE, LATE, REMOVED, LUXE_CODE] as const;

/** A student: birth date, the situation's flags, registrations as (school day index, code, lesuur or whole day). */
const studentArb = fc.record({
  birthDate: fc.constantFrom('2014-05-01', '2012-03-01', '2010-11-30', '2009-02-14', '2008-09-01', '2007-01-20', '2003-06-15'),
  danger: fc.boolean(),
  studentAllowsParents: fc.constantFrom(null, true, false),
  peildatum: fc.constantFrom('2026-10-09', '2026-12-18', '2027-03-12', '2027-07-16'),
  since: fc.constantFrom(undefined, '2026-11-01'),
  regs: fc.array(fc.tuple(fc.integer({ min: 0, max: cal.size - 1 }), fc.integer({ min: 0, max: CODES.length - 1 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 12 })), { maxLength: 40 }),
});

type Student = typeof studentArb extends fc.Arbitrary<infer T> ? T : never;

function route(s: Student, rs: CompiledRuleset, cache: AbsenceCache | undefined, at: SchoolCalendar = cal): AbsenceRecord {
  const days = student(at);
  // a registration over `run` school days in a row: long absence and sickness too
  for (const [i, c, lesuur, run] of s.regs) for (let d = i; d < Math.min(at.size, i + run); d++) days.add(d, CODES[c]!, CODES[c]!.excused, { lesuur, minutes: undefined });
  const base = situation({ studentRef: 'L1', birthDate: s.birthDate, referenceDate: s.peildatum, danger: s.danger, studentAllowsParents: s.studentAllowsParents });
  const p = peil(at, s.peildatum);
  const absence = absenceAt(days, at, p, 8, rs.counting);
  const steps = stepsOf(rs);
  const counted = countSteps(days, at, p, dayOf(s.peildatum), 8, rs.counting, base, deriveFacts(base), steps, true, absence.hours);
  const stepsIn: StepsIn = { counts: counted.counts, firings: counted.firings, calendar: at, ruleIds: new Set(steps.map((x) => x.rule.id)), schoolCountRules: schoolCountEscalations(rs), refs: new Map(steps.map((x) => [x.rule.id, x.rule.ref])) };
  return routeAbsence(base, absence, rs, workingDays, s.since, stepsIn, cache);
}

describe('AbsenceCache', () => {
  for (const [name, rs] of [
    ['the example verzuimprotocol', protocolRuleset()],
    ['with the lateness report on', protocolRuleset(['te-laat-melding-leerplicht'])],
  ] as const) {
    it(`routes a student as routing it alone does (${name})`, () => {
      const cache = new AbsenceCache(rs, workingDays);
      fc.assert(
        fc.property(studentArb, (s) => {
          // JSON: the record as written (key order included), and equal in value
          const alone = route(s, rs, undefined);
          const shared = route(s, rs, cache);
          expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
          expect(shared).toEqual(alone);
        }),
        { seed: FUZZ_SEED, numRuns: 400 },
      );
    });
  }

  it('shares the informed, the rules and the notes between records of one shape, frozen', () => {
    const rs = protocolRuleset();
    const cache = new AbsenceCache(rs, workingDays);
    const one: Student = { birthDate: '2012-03-01', danger: false, studentAllowsParents: null, peildatum: '2027-03-12', since: undefined, regs: [[10, 3, 1, 1], [12, 3, 1, 1], [20, 3, 1, 1], [30, 0, 0, 2]] };
    // the same steps and periods on other days: another student of the same shape
    const two: Student = { ...one, regs: one.regs.map(([i, c, l, r]) => [i + 3, c, l, r] as [number, number, number, number]) };
    const a = route(one, rs, cache);
    const b = route(two, rs, cache);
    expect(a.todos.map((t) => t.reachedOn)).not.toEqual(b.todos.map((t) => t.reachedOn));
    expect(b.inform).toBe(a.inform);
    expect(b.rules).toBe(a.rules);
    expect(b.notes).toBe(a.notes);
    expect(Object.isFrozen(a.inform) && a.inform.every((i) => Object.isFrozen(i) && Object.isFrozen(i.rules))).toBe(true);
    expect(() => (a.inform as unknown[]).push({})).toThrow(TypeError);
  });

  it('tells apart a step held back from the parents before and after --since (the rules fired at the peildatum are the same)', () => {
    const rs = protocolRuleset();
    const cache = new AbsenceCache(rs, workingDays);
    const at = (iso: string) => cal.indexOf(dayOf(iso));
    const late = (iso: string): [number, number, number, number] => [at(iso), 3, 1, 1];
    // a real danger: the letter to the parents is held back; the 5th late arrival before and after --since
    const before: Student = { birthDate: '2012-03-01', danger: true, studentAllowsParents: null, peildatum: '2027-03-12', since: '2026-11-01', regs: ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-07'].map(late) };
    const after: Student = { ...before, regs: ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-11-09'].map(late) };
    for (const s of [before, after]) expect(JSON.stringify(route(s, rs, cache))).toBe(JSON.stringify(route(s, rs, undefined)));
    expect(route(after, rs, undefined).withheld?.map((t) => t.type)).toEqual(['brief-ouders']);
    expect(route(before, rs, undefined).withheld).toBeUndefined();
  });
});

