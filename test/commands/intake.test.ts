import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIntakeFlags, runIntake, type IntakeOptions } from '../../src/commands/intake.js';
import { UserError } from '../../src/core/errors.js';
import { PromptCancelled, type IntakeAsker, type IntakeReview, type ReviewChoice } from '../../src/core/intake/asker.js';
import type { TopicId } from '../../src/core/intake/plan.js';
import type { SituationField } from '../../src/core/routing/situation.js';
import { openCaseStore } from '../../src/io/db/case-store.js';
import { enError, enRejection } from '../words.js';

/** Answers from a table; records what was asked; the review answers come from a queue. */
function scripted(answers: Partial<Record<SituationField, unknown>>, topics: TopicId[], reviews: ReviewChoice[] = [{ kind: 'save' }]) {
  const asked: string[] = [];
  const seenReviews: IntakeReview[] = [];
  const problems: string[] = [];
  const asker: IntakeAsker = {
    async field(prompt) {
      asked.push(prompt.field);
      if (!(prompt.field in answers)) throw new Error(`unexpected question ${prompt.field}`);
      const value = answers[prompt.field];
      const problem = prompt.check(value);
      if (problem) problems.push(`${prompt.field}: ${problem}`);
      return value;
    },
    async topics() {
      asked.push('topics');
      return topics;
    },
    notice() {},
    async confirm() {
      return true;
    },
    async review(review) {
      seenReviews.push(review);
      return reviews.shift() ?? { kind: 'save' };
    },
  };
  return { asker, asked, seenReviews, problems };
}

const options = (extra: Partial<IntakeOptions> = {}): IntakeOptions => ({
  given: {},
  noInput: false,
  lang: 'nl',
  today: '2026-03-10',
  db: { path: join(mkdtempSync(join(tmpdir(), 'zorgroute-intake-')), 'cases.db'), origin: 'flag' },
  ...extra,
});
const opening = { studentRef: 'L1', birthDate: '2012-03-01', referenceDate: '2026-03-10' };

describe('runIntake', () => {
  it('asks, reviews, and saves the case with situation and decision in one go', async () => {
    const s = scripted({ ...opening, weeksWithoutPlace: 6, placeProspect: false, truancyOnly: false, exemption: false }, ['thuiszitten']);
    const o = options();
    const r = await runIntake(o, s.asker);
    expect(s.asked).toEqual(['studentRef', 'birthDate', 'referenceDate', 'topics', 'weeksWithoutPlace', 'placeProspect', 'truancyOnly', 'exemption']);
    expect(r).toMatchObject({ status: 'saved', caseId: 1, questions: 8 });
    expect(r.status === 'saved' && r.decision.escalations.map((e) => e.to)).toEqual(['leerplicht', 'onderwijsconsulent']);
    const store = openCaseStore(o.db.path);
    expect(store.getCase(1)!.events.map((e) => e.kind)).toEqual(['intake', 'decision']);
    store.close();
  });

  it('changes an answer from the review and re-plans: answers that no longer matter are kept as typed', async () => {
    const s = scripted({ ...opening, weeksWithoutPlace: 6, placeProspect: false, truancyOnly: true, exemption: false }, ['thuiszitten'], [
      { kind: 'change', field: 'weeksWithoutPlace' },
      { kind: 'save' },
    ]);
    let second = false;
    const field = s.asker.field.bind(s.asker);
    s.asker.field = async (prompt) => {
      if (prompt.field === 'weeksWithoutPlace' && second) {
        expect(prompt.initial).toBe(6); // the earlier answer is offered
        return 2;
      }
      if (prompt.field === 'weeksWithoutPlace') second = true;
      return field(prompt);
    };
    const r = await runIntake(options(), s.asker);
    expect(r.status === 'saved' && r.situation).toMatchObject({ weeksWithoutPlace: 2, truancyOnly: true, placeProspect: false });
    expect(s.seenReviews[1]!.kept).toEqual(['placeProspect', 'truancyOnly', 'exemption']);
    expect(s.seenReviews[1]!.skipped).not.toContain('truancyOnly');
  });

  it('writes nothing when cancelled at a prompt or quit at the review', async () => {
    const o = options();
    const cancelling = scripted(opening, []);
    cancelling.asker.field = async (prompt) => {
      if (prompt.field === 'referenceDate') throw new PromptCancelled();
      return (opening as Record<string, unknown>)[prompt.field];
    };
    expect(await runIntake(o, cancelling.asker)).toEqual({ status: 'cancelled', questions: 2 });
    expect((await runIntake(o, scripted(opening, [], [{ kind: 'quit' }]).asker)).status).toBe('discarded');
    const store = openCaseStore(o.db.path);
    expect(store.listCases()).toEqual([]);
    store.close();
  });

  it('refuses a BSN as student number at the question', async () => {
    const s = scripted({ ...opening, studentRef: '111222333' }, []);
    await runIntake(options(), s.asker).catch(() => undefined);
    expect(s.problems).toEqual(['studentRef: bsn']);
  });

  it('--no-input: saves the given answers with defaults, or names the missing flag', async () => {
    const given = parseIntakeFlags({ student: 'L9', birthDate: '01-03-2012', set: ['unexcusedHours4w=16,5'] });
    const r = await runIntake(options({ noInput: true, given }));
    expect(r.status === 'saved' && r.situation).toMatchObject({ studentRef: 'L9', birthDate: '2012-03-01', unexcusedHours4w: 16.5, referenceDate: '2026-03-10' });
    expect(await enRejection(runIntake(options({ noInput: true, given: { studentRef: 'L9' } })))).toContain('--no-input needs --birth-date');
  });
});

describe('parseIntakeFlags', () => {
  it('types values as at the prompt', () => {
    expect(parseIntakeFlags({ student: ' L1 ', referenceDate: '2026-03-10', set: ['luxuryAbsence=ja', 'supportNeed=gedrag, leren', 'studentAllowsParents=onbekend'] })).toEqual({
      studentRef: 'L1',
      referenceDate: '2026-03-10',
      luxuryAbsence: true,
      supportNeed: ['gedrag', 'leren'],
      studentAllowsParents: null,
    });
  });

  it('lists every problem, naming the flag and never the value', () => {
    const text = enError(() =>
      parseIntakeFlags({ student: '111222333', birthDate: '31-02-2012', set: ['shoeSize=42', 'sickReports12w=2,5', 'birthDate=2012-01-01', 'danger'] }),
    );
    expect(text.split('\n').slice(1, 7)).toEqual([
      '--set shoeSize: unknown field (known: studentRef, referenceDate, birthDate, educationType, enrolled, startkwalificatie, exemption, schoolYearsCompleted, unexcusedHours4w, unexcusedHoursReachedOn, unexcusedWeeks, luxuryAbsence, sickReports12w, sickDaysInRow, lateArrivalsSchoolYear, lateArrivals4w, unexcusedHoursSchoolYear, removalsSchoolYear, sickReportsSchoolYear, reachedOn, deregistered, enrolledElsewhere, weeksWithoutPlace, placeProspect, truancyOnly, supportNeed, schoolCanSupport, suitablePlaceFound, swvInvolved, sensoryNeed, medicalCareFunding, danger, abuseSuspected, studentAllowsParents, or the CSV column names)',
      '--set birthDate: use --birth-date',
      '--set danger: expected field=value',
      '--birth-date: not a date in the calendar',
      '--student: looks like a BSN or onderwijsnummer; use the school’s own student number (a BSN is never stored)',
      '--set sickReports12w=…: not a valid value for sickReports12w',
    ]);
    expect(text).not.toMatch(/111222333|31-02/);
  });
});

describe('runIntake never stores what was not said (issue 11, item 3)', () => {
  const hours = { ...opening, unexcusedHours4w: 20, unexcusedHoursReachedOn: '2026-03-05', unexcusedWeeks: 0, luxuryAbsence: false, exemption: false };

  it('keeps a typed answer when a changed birth date makes its question irrelevant', async () => {
    const s = scripted({ ...hours, studentAllowsParents: null }, ['verzuim'], [{ kind: 'change', field: 'birthDate' }, { kind: 'save' }]);
    const field = s.asker.field.bind(s.asker);
    let births = 0;
    s.asker.field = async (prompt) => (prompt.field === 'birthDate' && births++ === 1 ? '2005-01-01' : field(prompt));
    const r = await runIntake(options(), s.asker);
    expect(r.status === 'saved' && r.situation).toMatchObject({ birthDate: '2005-01-01', unexcusedHours4w: 20 });
    const second = s.seenReviews[1]!;
    expect(second.skipped).not.toContain('unexcusedHours4w');
    expect(second.kept).toContain('unexcusedHours4w');
  });

  it('asks a kept answer again when a later change makes it count again', async () => {
    const s = scripted({ ...hours, studentAllowsParents: null }, ['verzuim'], [
      { kind: 'change', field: 'birthDate' },
      { kind: 'change', field: 'birthDate' },
      { kind: 'save' },
    ]);
    const field = s.asker.field.bind(s.asker);
    const births = ['2012-03-01', '2005-01-01', '2012-03-01'];
    const initials: unknown[] = [];
    s.asker.field = async (prompt) => {
      if (prompt.field === 'birthDate') return births.shift();
      if (prompt.field === 'unexcusedHours4w') initials.push(prompt.initial);
      return field(prompt);
    };
    const r = await runIntake(options(), s.asker);
    expect(initials).toEqual([0, 20]); // asked again, the earlier answer offered
    expect(r.status === 'saved' && r.situation).toMatchObject({ birthDate: '2012-03-01', unexcusedHours4w: 20 });
  });

  it('lets a pre-filled answer be changed on the review', async () => {
    const given = parseIntakeFlags({ student: 'L1', birthDate: '01-03-2012', referenceDate: '10-03-2026', set: ['unexcusedHours4w=20'] });
    const s = scripted({ unexcusedHoursReachedOn: '2026-03-05', unexcusedWeeks: 0, luxuryAbsence: false, exemption: false }, ['verzuim'], [{ kind: 'change', field: 'unexcusedHours4w' }, { kind: 'save' }]);
    const field = s.asker.field.bind(s.asker);
    s.asker.field = async (prompt) => (prompt.field === 'unexcusedHours4w' ? (expect(prompt.initial).toBe(20), 4) : field(prompt));
    const r = await runIntake(options({ given }), s.asker);
    expect(s.seenReviews[0]!.given).toContain('unexcusedHours4w');
    expect(r.status === 'saved' && r.situation).toMatchObject({ unexcusedHours4w: 4 });
    expect(r.status === 'saved' && r.decision.escalations).toEqual([]);
  });
});

describe('runIntake warnings (issue 11, item 4)', () => {
  it('asks to confirm a peildatum in the future or over a year back; no means type it again', async () => {
    const s = scripted({ ...opening }, []);
    const confirms: unknown[] = [];
    const dates = ['2027-01-01', '2026-03-09'];
    const field = s.asker.field.bind(s.asker);
    s.asker.field = async (prompt) => (prompt.field === 'referenceDate' ? dates.shift() : field(prompt));
    s.asker.confirm = async (q) => {
      confirms.push(q);
      return false;
    };
    const r = await runIntake(options(), s.asker);
    expect(confirms).toEqual([{ kind: 'referenceDate', warning: 'future', referenceDate: '2027-01-01' }]);
    expect(r.status === 'saved' && r.situation.referenceDate).toBe('2026-03-09');
  });

  it('refuses a birth date in the future at the birth date', async () => {
    const s = scripted({ ...opening, birthDate: '2026-05-01' }, []);
    await runIntake(options(), s.asker).catch(() => undefined);
    expect(s.problems[0]).toBe('birthDate: birthInFuture');
  });

  it('quitting needs a yes; no goes back to the review', async () => {
    const s = scripted(opening, [], [{ kind: 'quit' }, { kind: 'quit' }]);
    const answers = [false, true];
    s.asker.confirm = async (q) => (expect(q).toEqual({ kind: 'quit', questions: 4 }), answers.shift()!);
    expect(await runIntake(options(), s.asker)).toEqual({ status: 'discarded', questions: 4 });
    expect(s.seenReviews).toHaveLength(2);
  });

  it('a second intake for a student with an open case: the review offers it; appending or a new case as chosen', async () => {
    const o = options();
    await runIntake(o, scripted(opening, []).asker);
    const append = scripted(opening, [], [{ kind: 'save', newCase: false }]);
    expect(await runIntake(o, append.asker)).toMatchObject({ status: 'saved', caseId: 1, appended: true });
    expect(append.seenReviews[0]!.openCaseId).toBe(1);
    expect(await runIntake(o, scripted(opening, [], [{ kind: 'save', newCase: true }]).asker)).toMatchObject({ caseId: 2, appended: false });
    // --no-input appends to the open case (the newest) unless --new-case.
    const given = { studentRef: 'L1', birthDate: '2012-03-01' };
    expect(await runIntake(options({ db: o.db, noInput: true, given }))).toMatchObject({ caseId: 2, appended: true, warnings: [] });
    expect(await runIntake(options({ db: o.db, noInput: true, newCase: true, given: { ...given, referenceDate: '2024-01-01' } }))).toMatchObject({
      caseId: 3,
      appended: false,
      warnings: [{ kind: 'referenceDate', warning: 'longAgo' }],
    });
  });
});
