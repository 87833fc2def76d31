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

  it('changes an answer from the review and re-plans: questions that no longer matter are dropped', async () => {
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
    expect(r.status === 'saved' && r.situation).toMatchObject({ weeksWithoutPlace: 2, truancyOnly: false });
    expect(s.seenReviews[1]!.skipped).toEqual(expect.arrayContaining(['placeProspect', 'truancyOnly']));
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
      '--set shoeSize: unknown field (known: studentRef, referenceDate, birthDate, educationType, enrolled, startkwalificatie, exemption, schoolYearsCompleted, unexcusedHours4w, unexcusedWeeks, luxuryAbsence, sickReports12w, sickDaysInRow, deregistered, weeksWithoutPlace, placeProspect, truancyOnly, supportNeed, schoolCanSupport, suitablePlaceFound, swvInvolved, sensoryNeed, medicalCareFunding, danger, abuseSuspected, studentAllowsParents)',
      '--set birthDate: use --birth-date',
      '--set danger: expected field=value',
      '--birth-date: not a date (expected dd-mm-yyyy or yyyy-mm-dd)',
      '--student: looks like a BSN or onderwijsnummer; use the school’s own student number (a BSN is never stored)',
      '--set sickReports12w=…: not a valid value for sickReports12w',
    ]);
    expect(text).not.toMatch(/111222333|31-02/);
  });
});
