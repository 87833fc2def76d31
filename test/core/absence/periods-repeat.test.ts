// Continuous absence after a 16-uur melding: herhaalmeldingen, once per 7 calendar days, at most 4
// per continuous run (DUO "Soorten verzuim"; DUO Verzuimhulp), then langdurig / rmc-4-weken.
import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import type { Counting } from '../../../src/core/routing/counting.js';
import { dayOf, isoOf } from '../../../src/core/calendar/school-calendar.js';
import { defaultRuleset } from '../../factories.js';
import { mulberry32 } from '../../random.js';
import { ABSENT, absent, calendar, peil, student } from './absence-fixtures.js';

const cal = calendar();
const PER_DAY = 8;
const COUNTING = defaultRuleset().counting;

/** Every school day from `from` to `to` (inclusive), as ISO dates. */
function schoolDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayOf(from); d <= dayOf(to); d++) if (cal.isSchoolDay(d)) out.push(isoOf(d));
  return out;
}

function away(days: readonly string[]): ReturnType<typeof student> {
  const s = student(cal);
  for (const d of days) absent(s, cal, d, 'day');
  return s;
}

const sixteen = (s: ReturnType<typeof student>, peildatum: string, counting: Counting = COUNTING) =>
  absenceAt(s, cal, peil(cal, peildatum), PER_DAY, counting).periods.filter((p) => p.kind === '16-uur');
const brief = (ps: ReturnType<typeof sixteen>) => ps.map((p) => [p.from, p.to, p.hours, p.days, p.repeat ?? 0]);

describe('herhaalmelding: continuous absence after a 16-uur melding', () => {
  it('6 weeks away: 1 melding, then 1 herhaalmelding per 7 calendar days, at most 4, then langdurig and rmc-4-weken take over', () => {
    const s = away(schoolDays('2026-11-02', '2026-12-11'));
    expect(brief(sixteen(s, '2026-12-11'))).toEqual([
      ['2026-11-02', '2026-11-03', 16, 2, 0],
      ['2026-11-04', '2026-11-10', 40, 5, 1],
      ['2026-11-11', '2026-11-17', 40, 5, 2],
      ['2026-11-18', '2026-11-24', 40, 5, 3],
      ['2026-11-25', '2026-12-01', 40, 5, 4],
    ]);
    const all = absenceAt(s, cal, peil(cal, '2026-12-11'), PER_DAY, COUNTING).periods;
    // rmc-4-weken at 4 lesweken (Friday 27 November), langdurig at more than 4 (Monday 30 November).
    expect(all.filter((p) => p.kind !== '16-uur').map((p) => [p.kind, p.from, p.to, p.weeks])).toEqual([
      ['rmc-4-weken', '2026-11-02', '2026-11-27', 4],
      ['langdurig', '2026-11-02', '2026-11-30', 4.2],
    ]);
    expect(all.every((p) => p.allLessonsMissed)).toBe(true);
  });

  it('once the run has had its 4 herhaalmeldingen, counting starts again after the pupil returns', () => {
    const s = away([...schoolDays('2026-11-02', '2026-12-11'), '2026-12-15', '2026-12-16']); // back on Monday 14 December
    expect(brief(sixteen(s, '2026-12-18')).slice(5)).toEqual([['2026-12-15', '2026-12-16', 16, 2, 0]]);
  });

  it('the boundary: no herhaalmelding on previous einddatum + 6 days, one on + 7', () => {
    const s = away(schoolDays('2026-11-02', '2026-11-10'));
    // 16 hours again on Thursday 5 November, but the melding of Tuesday 3 November was 2 days before.
    expect(brief(sixteen(s, '2026-11-05'))).toEqual([['2026-11-02', '2026-11-03', 16, 2, 0]]);
    expect(brief(sixteen(s, '2026-11-09'))).toEqual([['2026-11-02', '2026-11-03', 16, 2, 0]]); // + 6
    expect(brief(sixteen(s, '2026-11-10'))).toEqual([
      ['2026-11-02', '2026-11-03', 16, 2, 0],
      ['2026-11-04', '2026-11-10', 40, 5, 1], // + 7
    ]);
  });

  it('over a holiday: + 7 days in the kerstvakantie → the first school day after it', () => {
    const s = away(schoolDays('2026-12-07', '2027-01-22'));
    expect(brief(sixteen(s, '2027-01-22'))).toEqual([
      ['2026-12-07', '2026-12-08', 16, 2, 0],
      ['2026-12-09', '2026-12-15', 40, 5, 1],
      ['2026-12-16', '2027-01-04', 32, 4, 2], // 22 December is in the holiday
      ['2027-01-05', '2027-01-11', 40, 5, 3],
      ['2027-01-12', '2027-01-18', 40, 5, 4],
    ]);
    const rest = absenceAt(s, cal, peil(cal, '2027-01-22'), PER_DAY, COUNTING).periods.filter((p) => p.kind !== '16-uur');
    expect(rest.map((p) => [p.kind, p.to])).toEqual([
      ['rmc-4-weken', '2027-01-15'],
      ['langdurig', '2027-01-18'],
    ]);
  });

  it('over a holiday week: 16 hours reached after + 7 days end the herhaalmelding on that day', () => {
    // Away from Thursday 8 October; herfstvakantie 10–18 October; away again from Monday 19 October.
    const s = away(schoolDays('2026-10-08', '2026-10-21'));
    expect(brief(sixteen(s, '2026-10-21'))).toEqual([
      ['2026-10-08', '2026-10-09', 16, 2, 0],
      ['2026-10-19', '2026-10-20', 16, 2, 1],
    ]);
  });

  it('a pupil who comes to one lesson before the 16 hours are reached again: a normal vervolgmelding', () => {
    const s = away(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06']);
    absent(s, cal, '2026-11-04', 7); // the 8th lesson attended
    expect(brief(sixteen(s, '2026-11-06'))).toEqual([
      ['2026-11-02', '2026-11-03', 16, 2, 0],
      ['2026-11-04', '2026-11-06', 23, 3, 0],
    ]);
    // … and when the absence is continuous again after that melding, a herhaalmelding follows it.
    for (const d of schoolDays('2026-11-09', '2026-11-13')) absent(s, cal, d, 'day');
    expect(brief(sixteen(s, '2026-11-13')).slice(2)).toEqual([['2026-11-09', '2026-11-13', 40, 5, 1]]);
  });

  it('a pupil back before + 7 days: the herhaalmelding ends on the last verzuimdag of the run', () => {
    const days = schoolDays('2026-11-02', '2026-11-20').filter((d) => d !== '2026-11-09');
    const s = away(days);
    absent(s, cal, '2026-11-09', 2); // Monday 9 November: two lessons missed, six attended
    const ps = sixteen(s, '2026-11-20');
    expect(brief(ps)).toEqual([
      ['2026-11-02', '2026-11-03', 16, 2, 0],
      ['2026-11-04', '2026-11-06', 24, 3, 1], // einddatum: the last verzuimdag of the run
      ['2026-11-09', '2026-11-11', 18, 3, 0], // not continuous: a vervolgmelding
      ['2026-11-12', '2026-11-18', 40, 5, 1], // a new continuous run: its first herhaalmelding
    ]);
    expect(ps.map((p) => p.allLessonsMissed)).toEqual([true, true, false, true]);
    // The run's end is known the day the pupil is back: on Friday 6 November no period yet.
    expect(brief(sixteen(s, '2026-11-06'))).toEqual([['2026-11-02', '2026-11-03', 16, 2, 0]]);
  });

  it('every herhaalmelding ends at least 7 calendar days after the melding before it', () => {
    const s = away(schoolDays('2026-09-01', '2027-03-31'));
    const ps = sixteen(s, '2027-03-31');
    for (let i = 1; i < ps.length; i++) {
      if (!ps[i]!.repeat) continue;
      expect(dayOf(ps[i]!.to) - dayOf(ps[i - 1]!.to)).toBeGreaterThanOrEqual(7);
      expect(ps[i]!.from > ps[i - 1]!.to).toBe(true);
    }
    expect(Math.max(...ps.map((p) => p.repeat ?? 0))).toBe(4);
  });

  it('registrations in any order (lessons one by one, shuffled) give the same periods', () => {
    const days = schoolDays('2026-11-02', '2026-12-11');
    const regs = days.flatMap((d) => [1, 2, 3, 4, 5, 6, 7, 8].map((l) => [d, l] as const));
    const expected = absenceAt(away(days), cal, peil(cal, '2026-12-11'), PER_DAY, COUNTING);
    const rnd = mulberry32(21);
    for (let round = 0; round < 3; round++) {
      const shuffled = [...regs];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const s = student(cal);
      for (const [d, l] of shuffled) s.add(cal.indexOf(dayOf(d)), ABSENT, false, { lesuur: l, minutes: undefined });
      expect(absenceAt(s, cal, peil(cal, '2026-12-11'), PER_DAY, COUNTING)).toEqual(expected);
    }
  });

  it("the numbers are the rule set's: another repeat interval, another maximum", () => {
    const s = away(schoolDays('2026-11-02', '2026-12-11'));
    const often = { ...COUNTING, repeatDays: 5, repeatMax: 1 };
    expect(brief(sixteen(s, '2026-12-11', often))).toEqual([
      ['2026-11-02', '2026-11-03', 16, 2, 0],
      ['2026-11-04', '2026-11-09', 32, 4, 1],
    ]);
    expect(brief(sixteen(s, '2026-12-11', { ...COUNTING, repeatMax: 0 }))).toEqual([['2026-11-02', '2026-11-03', 16, 2, 0]]);
    const six = student(cal);
    for (const d of ['2026-11-02', '2026-11-03', '2026-11-04']) absent(six, cal, d, 6);
    expect(brief(sixteen(six, '2026-11-06'))).toEqual([['2026-11-02', '2026-11-04', 18, 3, 0]]);
    expect(brief(sixteen(six, '2026-11-06', { ...COUNTING, hours: 12 }))).toEqual([['2026-11-02', '2026-11-03', 12, 2, 0]]);
  });
});
