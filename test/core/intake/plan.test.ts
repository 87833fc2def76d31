import { describe, expect, it } from 'vitest';
import type { CompiledRuleset } from '../../../src/core/routing/compile.js';
import { ageOn, parseIsoDate } from '../../../src/core/dates.js';
import { decide, type Decision } from '../../../src/core/routing/decide.js';
import { deriveFacts } from '../../../src/core/routing/facts.js';
import { checkFieldValue, FIXED_FIELDS, FOLLOW_UP_FIELDS, nextStep, TOPIC_FIELDS, TOPIC_IDS, type IntakeState, type IntakeStep, type TopicId } from '../../../src/core/intake/plan.js';
import type { Known } from '../../../src/core/intake/relevance.js';
import { candidateValues, defaultOf, DERIVED_FACT_INPUTS, maxPlausibleSchoolYears } from '../../../src/core/intake/relevance.js';
import { EDUCATION_TYPES, parseSituation, SENSORY_NEEDS, SITUATION_FIELDS, type Situation, type SituationField } from '../../../src/core/routing/situation.js';
import { compile, defaultRuleset, defaultRulesetJson, workingDays } from '../../factories.js';
import { mulberry32 } from '../../random.js';

const random = mulberry32;

const isDefault = (field: SituationField, value: unknown): boolean => JSON.stringify(value) === JSON.stringify(defaultOf(field));

/** The date `days` calendar days before `iso`. */
function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** A situation with every field set, values around every threshold, ages 3–26. */
function randomSituation(rnd: () => number, i: number): Situation {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const referenceDate = pick(['2026-03-10', '2026-07-31', '2026-08-01', '2026-11-27']);
  const year = Number(referenceDate.slice(0, 4)) - 3 - Math.floor(rnd() * 24);
  const birthDate = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const age = ageOn(parseIsoDate(birthDate)!, parseIsoDate(referenceDate)!);
  const on = (): boolean => rnd() < 0.4; // is this topic going on at all?
  const verzuim = on();
  const ziekte = on();
  const thuis = on();
  const inschrijving = on();
  const steun = on();
  const veilig = on();
  const input = {
    studentRef: `S${i}`,
    referenceDate,
    birthDate,
    educationType: pick(EDUCATION_TYPES),
    enrolled: inschrijving ? rnd() < 0.5 : true,
    deregistered: inschrijving ? rnd() < 0.5 : false,
    startkwalificatie: rnd() < 0.3,
    exemption: rnd() < 0.2,
    schoolYearsCompleted: rnd() < 0.5 ? undefined : Math.min(20, Math.floor(rnd() * (maxPlausibleSchoolYears(age) + 1))),
    unexcusedHours4w: verzuim ? pick([0, 8, 15.5, 16, 20]) : 0,
    unexcusedHoursReachedOn: verzuim && rnd() < 0.5 ? daysBefore(referenceDate, pick([0, 3, 9, 20])) : undefined,
    unexcusedWeeks: verzuim ? pick([0, 3, 4, 4.5, 5]) : 0,
    luxuryAbsence: verzuim ? rnd() < 0.4 : false,
    sickReports12w: ziekte ? pick([0, 3, 4, 6]) : 0,
    sickDaysInRow: ziekte ? pick([0, 6, 7, 10]) : 0,
    weeksWithoutPlace: thuis ? pick([0, 3, 4, 4.5, 6]) : 0,
    placeProspect: thuis ? rnd() < 0.5 : false,
    truancyOnly: thuis ? rnd() < 0.4 : false,
    supportNeed: steun ? pick([[], ['gedrag'], ['leren', 'gezondheid']]) : [],
    schoolCanSupport: steun ? rnd() < 0.5 : true,
    suitablePlaceFound: steun ? rnd() < 0.5 : true,
    swvInvolved: steun ? rnd() < 0.5 : false,
    sensoryNeed: on() ? pick(SENSORY_NEEDS) : 'none',
    medicalCareFunding: on() ? rnd() < 0.5 : false,
    abuseSuspected: veilig ? rnd() < 0.5 : false,
    danger: veilig ? rnd() < 0.5 : false,
    studentAllowsParents: pick([null, true, false]),
  };
  const parsed = parseSituation(input, referenceDate);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

/** Runs the plan the way a truthful user would answer it from `truth`; returns the last step. */
function simulate(truth: Situation, ruleset: CompiledRuleset, given: Known = {}): { done: Extract<IntakeStep, { kind: 'done' }>; asked: (SituationField | 'topics')[] } {
  const t = truth as unknown as Record<string, unknown>;
  const state: IntakeState = { given, answers: {}, held: {}, topics: undefined };
  const asked: (SituationField | 'topics')[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const step = nextStep(state, ruleset);
    if (step.kind === 'done') return { done: step, asked };
    if (step.kind === 'field') {
      asked.push(step.field);
      state.answers[step.field] = t[step.field];
    } else {
      asked.push('topics');
      const ticked = step.offered.filter((topic) => TOPIC_FIELDS[topic].some((f) => !isDefault(f, t[f])));
      state.topics = { offered: step.offered, ticked };
    }
  }
  throw new Error('the intake did not finish');
}

/** What the user acts on: everything in a decision but the derived facts. */
function outcome(d: Decision): unknown {
  return { parents: d.parents, inform: d.inform, escalations: d.escalations, notes: d.notes, rules: d.rules.map((r) => r.id) };
}

function situationOf(input: Record<string, unknown>): Situation {
  const parsed = parseSituation(input, '2026-03-10');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.value;
}

function checkNothingOutcomeChangingIsSkipped(ruleset: CompiledRuleset, seed: number, count: number): { questions: number[] } {
  const rnd = random(seed);
  const questions: number[] = [];
  for (let i = 0; i < count; i++) {
    const truth = randomSituation(rnd, i);
    const { done, asked } = simulate(truth, ruleset);
    questions.push(asked.length);
    const fromIntake = situationOf(done.input);
    const expected = outcome(decide(truth, ruleset, workingDays));
    // 1. The intake's situation decides like the whole truth, although it asked less.
    expect(outcome(decide(fromIntake, ruleset, workingDays)), `situation ${JSON.stringify(truth)}`).toEqual(expected);
    // 2. Each skipped field, at any value the rules can tell apart, leaves the outcome alone.
    const age = ageOn(parseIsoDate(truth.birthDate)!, parseIsoDate(truth.referenceDate)!);
    for (const field of done.skipped) {
      // The day the 16 hours were reached is no condition (no candidate values): try a real day.
      const values = field === 'unexcusedHoursReachedOn' ? [daysBefore(truth.referenceDate, 9)] : candidateValues(field, ruleset, age);
      for (const value of values) {
        const varied = { ...fromIntake, [field]: value } as Situation; // candidate values are valid values
        expect(outcome(decide(varied, ruleset, workingDays)), `${field}=${JSON.stringify(value)} in ${JSON.stringify(done.input)}`).toEqual(expected);
      }
    }
  }
  return { questions };
}

describe('the intake plan asks only what can change the outcome', () => {
  it('puts every situation field in exactly one place: the opening, one topic, or the follow-ups', () => {
    const placed = [...FIXED_FIELDS, ...TOPIC_IDS.flatMap((t) => TOPIC_FIELDS[t]), ...FOLLOW_UP_FIELDS];
    expect([...placed].sort()).toEqual([...SITUATION_FIELDS].sort());
  });

  it('knows every input of the derived facts: other fields never change them', () => {
    const rnd = random(7);
    for (let i = 0; i < 500; i++) {
      const s = randomSituation(rnd, i);
      const other = randomSituation(rnd, i + 1);
      const mixed = { ...other, studentRef: s.studentRef, birthDate: s.birthDate, referenceDate: s.referenceDate } as Record<string, unknown>;
      for (const f of DERIVED_FACT_INPUTS) mixed[f] = (s as unknown as Record<string, unknown>)[f];
      expect(deriveFacts(mixed as unknown as Situation)).toEqual(deriveFacts(s));
    }
  });

  it('skips nothing that changes the outcome, over 1500 generated situations (default rule set)', () => {
    const { questions } = checkNothingOutcomeChangingIsSkipped(defaultRuleset(), 20261128, 1500);
    // Not a speed limit: a guard that the plan does not degenerate into asking everything.
    const mean = questions.reduce((a, b) => a + b, 0) / questions.length;
    expect(mean).toBeLessThan(SITUATION_FIELDS.length - 5);
  });

  it('follows a region’s own rule set: with the RMC 16-hours option on, hours are asked of an 18+ student', () => {
    const json = defaultRulesetJson();
    json.rules.find((r) => r.id === 'rmc-16-uur')!.enabled = true;
    const regional = compile(json);
    checkNothingOutcomeChangingIsSkipped(regional, 42, 500);
    const nineteen = situationOf({ studentRef: 'R', birthDate: '2006-05-01', referenceDate: '2026-03-10', unexcusedHours4w: 20 });
    expect(simulate(nineteen, regional).asked).toContain('unexcusedHours4w');
    expect(simulate(nineteen, defaultRuleset()).asked).not.toContain('unexcusedHours4w');
  });
});

describe('questions for typical students', () => {
  const asked = (input: Record<string, unknown>): (SituationField | 'topics')[] => simulate(situationOf({ referenceDate: '2026-03-10', studentRef: 'L1', ...input }), defaultRuleset()).asked;
  const opening = ['studentRef', 'birthDate', 'referenceDate', 'topics'];

  it('14 years old with 16 hours: the absence questions and the exemption, nothing else', () => {
    expect(asked({ birthDate: '2012-03-01', unexcusedHours4w: 16 })).toEqual([...opening, 'unexcusedHours4w', 'unexcusedHoursReachedOn', 'unexcusedWeeks', 'luxuryAbsence', 'exemption']);
  });

  it('asks on which day the 16 hours were reached only when they were', () => {
    expect(asked({ birthDate: '2012-03-01', unexcusedHours4w: 15.5 })).not.toContain('unexcusedHoursReachedOn');
    expect(asked({ birthDate: '2012-03-01', unexcusedHours4w: 16, unexcusedHoursReachedOn: '2026-03-04' })).toContain('unexcusedHoursReachedOn');
    // 25: not leerplichtig, so no 16-hours report and no day to ask for
    expect(asked({ birthDate: '2001-03-01', unexcusedHours4w: 20 })).not.toContain('unexcusedHoursReachedOn');
  });

  it('16 years old: the student’s choice about parents; leerplicht status only where it matters', () => {
    expect(asked({ birthDate: '2009-06-15', unexcusedHours4w: 20, studentAllowsParents: false })).toEqual([
      ...opening,
      'unexcusedHours4w',
      'unexcusedHoursReachedOn',
      'unexcusedWeeks',
      'luxuryAbsence',
      'studentAllowsParents',
      'exemption',
      'startkwalificatie',
    ]);
    expect(asked({ birthDate: '2012-03-01', unexcusedHours4w: 16 })).not.toContain('studentAllowsParents');
  });

  it('at home 6 weeks: place prospect and motivation; at home 3 weeks: not', () => {
    expect(asked({ birthDate: '2012-03-01', weeksWithoutPlace: 6 })).toEqual([...opening, 'weeksWithoutPlace', 'placeProspect', 'truancyOnly', 'exemption']);
    expect(asked({ birthDate: '2012-03-01', weeksWithoutPlace: 3 })).toEqual([...opening, 'weeksWithoutPlace']);
  });

  it('no RMC questions for a 12-year-old (deregistration, and then enrolment elsewhere, do matter); both for a 19-year-old', () => {
    expect(asked({ birthDate: '2013-09-01', enrolled: false })).toEqual([...opening, 'enrolled', 'deregistered', 'exemption']);
    expect(asked({ birthDate: '2013-09-01', deregistered: true })).toEqual([...opening, 'enrolled', 'deregistered', 'enrolledElsewhere', 'exemption']);
    // enrolled only matters at 19 together with weeks of absence (rmc-4-weken), not asked here
    expect(asked({ birthDate: '2006-09-01', deregistered: true })).toEqual([...opening, 'deregistered', 'studentAllowsParents', 'startkwalificatie']);
  });

  it('SWV questions only with a support need, and only when the school or the place falls short', () => {
    expect(asked({ birthDate: '2012-03-01', supportNeed: [] })).not.toContain('swvInvolved');
    expect(asked({ birthDate: '2012-03-01', supportNeed: ['gedrag'] })).toEqual([...opening, 'supportNeed', 'schoolCanSupport', 'suitablePlaceFound']);
    expect(asked({ birthDate: '2012-03-01', supportNeed: ['gedrag'], schoolCanSupport: false })).toContain('swvInvolved');
  });

  it('a 25-year-old is not asked about absence at all', () => {
    const step = nextStep({ given: {}, answers: { studentRef: 'X', birthDate: '2001-01-01', referenceDate: '2026-03-10' }, held: {}, topics: undefined }, defaultRuleset());
    expect(step.kind === 'topics' && step.offered).not.toContain('verzuim' satisfies TopicId);
  });
});

describe('changing an answer re-plans the rest', () => {
  it('keeps typed answers that no longer matter (never a default in their place), and asks held ones again when they count', () => {
    const rs = defaultRuleset();
    const state: IntakeState = {
      given: {},
      answers: { studentRef: 'L1', birthDate: '2012-03-01', referenceDate: '2026-03-10', weeksWithoutPlace: 6, placeProspect: false, truancyOnly: true, exemption: false },
      held: {},
      topics: { offered: [...TOPIC_IDS], ticked: ['thuiszitten'] },
    };
    expect(nextStep(state, rs)).toMatchObject({ kind: 'done', answered: expect.arrayContaining(['truancyOnly']) });
    state.answers.weeksWithoutPlace = 2;
    const done = nextStep(state, rs);
    expect(done.kind === 'done' && done.input.truancyOnly).toBe(true);
    expect(done.kind === 'done' && done.kept).toEqual(['placeProspect', 'truancyOnly', 'exemption']);
    expect(done.kind === 'done' && done.skipped).not.toContain('truancyOnly');
    // Held (did not count at the last review): kept while irrelevant, asked again once it counts.
    state.held = { placeProspect: false, truancyOnly: true };
    delete state.answers.placeProspect;
    delete state.answers.truancyOnly;
    const still = nextStep(state, rs);
    expect(still.kind === 'done' && still.input).toMatchObject({ placeProspect: false, truancyOnly: true });
    state.answers.weeksWithoutPlace = 6;
    expect(nextStep(state, rs)).toEqual({ kind: 'field', field: 'placeProspect' });
  });

  it('blames a birth date in the future on the birth date itself', () => {
    expect(checkFieldValue('birthDate', '2027-01-01', {}, '2026-03-10')).toBe('birthInFuture');
    expect(checkFieldValue('birthDate', '2012-01-01', {}, '2026-03-10')).toBeUndefined();
  });

  it('asks the topics again when a changed birth date makes a new topic relevant', () => {
    const rs = defaultRuleset();
    const answers = { studentRef: 'L1', birthDate: '2001-01-01', referenceDate: '2026-03-10' };
    const first = nextStep({ given: {}, answers, held: {}, topics: undefined }, rs);
    if (first.kind !== 'topics') throw new Error('expected topics');
    const state: IntakeState = { given: {}, answers: { ...answers, birthDate: '2012-03-01' }, held: {}, topics: { offered: first.offered, ticked: [] } };
    expect(nextStep(state, rs)).toMatchObject({ kind: 'topics', offered: expect.arrayContaining(['verzuim']) });
  });

  it('pre-ticks a topic whose fields were given as flags, and never asks a given field', () => {
    const rs = defaultRuleset();
    const state: IntakeState = { given: { studentRef: 'L1', birthDate: '2012-03-01', referenceDate: '2026-03-10', unexcusedHours4w: 16 }, answers: {}, held: {}, topics: undefined };
    expect(nextStep(state, rs)).toMatchObject({ kind: 'topics', checked: ['verzuim'] });
  });
});

describe('checkFieldValue', () => {
  it('refuses a BSN as student number, and dates in the wrong order', () => {
    expect(checkFieldValue('studentRef', '111222333', {})).toBe('bsn');
    expect(checkFieldValue('studentRef', 'L20417', {})).toBeUndefined();
    expect(checkFieldValue('referenceDate', '2010-01-01', { birthDate: '2012-03-01' })).toBe('beforeBirth');
    expect(checkFieldValue('birthDate', '2027-01-01', { referenceDate: '2026-03-10' })).toBe('afterReference');
    expect(checkFieldValue('sickReports12w', 2.5, {})).toBe('invalid');
    expect(checkFieldValue('unexcusedHours4w', 2.5, {})).toBeUndefined();
  });
});
