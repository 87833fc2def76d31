import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import { dayOf, isoOf } from '../../../src/core/calendar/school-calendar.js';
import { defaultRuleset } from '../../factories.js';
import { mulberry32 } from '../../random.js';
import { absent, calendar, LATE, LUXE_CODE, peil, SICK_CODE, SPEC, student } from './absence-fixtures.js';

const cal = calendar();
const PER_DAY = 8;
const COUNTING = defaultRuleset().counting;
const at = (s: ReturnType<typeof student>, iso: string, c = cal) => absenceAt(s, c, peil(c, iso), PER_DAY, COUNTING);
const kinds = (s: ReturnType<typeof student>, iso: string, kind: string, c = cal) => at(s, iso, c).periods.filter((p) => p.kind === kind);

describe('16 uur within 4 lesweken', () => {
  it('15 hours: no period; 16 hours: a period ending the day the 16th hour falls', () => {
    const s = student(cal);
    absent(s, cal, '2026-11-02', 5);
    absent(s, cal, '2026-11-10', 5);
    absent(s, cal, '2026-11-18', 5);
    expect(kinds(s, '2026-11-27', '16-uur')).toEqual([]);
    expect(at(s, '2026-11-27').fields.unexcusedHours4w).toBe(15);
    absent(s, cal, '2026-11-26', 1);
    expect(kinds(s, '2026-11-27', '16-uur')).toEqual([{ kind: '16-uur', from: '2026-11-02', to: '2026-11-26', hours: 16, days: 4, allLessonsMissed: false }]);
  });

  it('the einddatum is the day the 16th hour is reached, not the last absence day', () => {
    const s = student(cal);
    for (const d of ['2026-11-23', '2026-11-24', '2026-11-25']) absent(s, cal, d, 6);
    const [p] = kinds(s, '2026-11-27', '16-uur');
    expect(p).toMatchObject({ from: '2026-11-23', to: '2026-11-25', hours: 18, days: 3 });
  });

  it('a holiday week inside: 16 hours over 5 calendar weeks is a report; without the holiday none', () => {
    const mondays = ['2026-09-28', '2026-10-05', '2026-10-19', '2026-10-26']; // herfstvakantie in the week of 12 October
    const s = student(cal);
    for (const d of mondays) absent(s, cal, d, 4);
    expect(kinds(s, '2026-10-30', '16-uur')).toMatchObject([{ from: '2026-09-28', to: '2026-10-26', hours: 16 }]);

    const noHoliday = calendar({ ...SPEC, holidays: SPEC.holidays.filter((h) => h.name !== 'herfstvakantie') });
    const t = student(noHoliday);
    for (const d of mondays) absent(t, noHoliday, d, 4);
    expect(kinds(t, '2026-10-30', '16-uur', noHoliday)).toEqual([]);
  });

  it('counting starts again the day after the einddatum (vervolgmelding)', () => {
    const s = student(cal);
    for (const d of ['2026-11-02', '2026-11-03', '2026-11-04']) absent(s, cal, d, 8);
    // 8 + 8 = 16 on Tuesday; Wednesday's 8 hours start the next count.
    expect(kinds(s, '2026-11-06', '16-uur').map((p) => [p.from, p.to])).toEqual([['2026-11-02', '2026-11-03']]);
    absent(s, cal, '2026-11-09', 8);
    expect(kinds(s, '2026-11-13', '16-uur').map((p) => [p.from, p.to, p.hours])).toEqual([
      ['2026-11-02', '2026-11-03', 16],
      ['2026-11-04', '2026-11-09', 16],
    ]);
  });

  it('the begindatum moves to the next absence day when 16 hours are not reached within 4 lesweken', () => {
    const s = student(cal);
    absent(s, cal, '2026-09-01', 8);
    absent(s, cal, '2026-09-29', 8); // the same weekday 4 lesweken on: outside the first window
    absent(s, cal, '2026-09-30', 8);
    expect(kinds(s, '2026-10-02', '16-uur').map((p) => [p.from, p.to])).toEqual([['2026-09-29', '2026-09-30']]);
  });

  it('te laat is no hour of absence, and the same lesuur registered twice counts once', () => {
    const s = student(cal);
    absent(s, cal, '2026-11-02', 8, LATE);
    absent(s, cal, '2026-11-03', 8);
    absent(s, cal, '2026-11-03', 8);
    expect(at(s, '2026-11-06').fields.unexcusedHours4w).toBe(8);
  });
});

describe('in a row: langdurig and RMC', () => {
  it('4 full lesweken: the RMC threshold on the last day; more than 4: langdurig the day after', () => {
    const s = student(cal);
    let d = dayOf('2026-11-02');
    const days: string[] = [];
    while (days.length < 21) {
      if (cal.isSchoolDay(d)) days.push(isoOf(d));
      d += 1;
    }
    for (const x of days) absent(s, cal, x, 'day');
    const r = at(s, '2026-11-30');
    expect(r.periods.filter((p) => p.kind !== '16-uur').map((p) => [p.kind, p.from, p.to, p.days])).toEqual([
      ['rmc-4-weken', '2026-11-02', '2026-11-27', 20],
      ['langdurig', '2026-11-02', '2026-11-30', 21],
    ]);
    expect(r.fields.unexcusedWeeks).toBe(4.2);
  });

  it('a day with one lesson attended ends the row', () => {
    const s = student(cal);
    let d = dayOf('2026-11-02');
    let n = 0;
    while (n < 21) {
      if (cal.isSchoolDay(d)) {
        absent(s, cal, isoOf(d), n === 10 ? 7 : 'day');
        n += 1;
      }
      d += 1;
    }
    const r = at(s, '2026-11-30');
    expect(r.periods.filter((p) => p.kind === 'langdurig' || p.kind === 'rmc-4-weken')).toEqual([]);
    expect(r.fields.unexcusedWeeks).toBe(2);
  });
});

describe('MAZL', () => {
  function sickOn(days: readonly string[]) {
    const s = student(cal);
    for (const x of days) absent(s, cal, x, 'day', SICK_CODE);
    return s;
  }

  it('the 4th sick report within 12 school weeks, and just outside', () => {
    // Reports on four Mondays; the 4th 11 lesweken after the 1st (kerst skipped) → within.
    const inside = sickOn(['2026-11-02', '2026-11-16', '2026-12-07', '2027-01-25']);
    expect(kinds(inside, '2027-01-29', 'mazl-4-meldingen')).toMatchObject([{ from: '2026-11-02', to: '2027-01-25', days: 4 }]);
    // The same weekday 12 lesweken after the first report is outside.
    const outside = sickOn(['2026-11-02', '2026-11-16', '2026-12-07', '2027-02-08']);
    expect(kinds(outside, '2027-02-12', 'mazl-4-meldingen')).toEqual([]);
    expect(at(outside, '2027-02-12').fields.sickReports12w).toBe(3);
  });

  it('6 vs 7 sick school days across a weekend', () => {
    const six = ['2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12'];
    expect(kinds(sickOn(six), '2026-11-13', 'mazl-7-dagen')).toEqual([]);
    expect(at(sickOn(six), '2026-11-12').fields.sickDaysInRow).toBe(6);
    const seven = sickOn([...six, '2026-11-13']);
    expect(kinds(seven, '2026-11-13', 'mazl-7-dagen')).toMatchObject([{ from: '2026-11-05', to: '2026-11-13', days: 7 }]);
    expect(at(seven, '2026-11-13').fields).toMatchObject({ sickDaysInRow: 7, sickReports12w: 1, unexcusedHours4w: 0 });
  });
});

describe('luxe', () => {
  it('consecutive luxe days are one period', () => {
    const s = student(cal);
    for (const x of ['2026-12-17', '2026-12-18']) absent(s, cal, x, 'day', LUXE_CODE);
    expect(kinds(s, '2027-01-08', 'luxe')).toEqual([{ kind: 'luxe', from: '2026-12-17', to: '2026-12-18', hours: 16, days: 2, allLessonsMissed: true }]);
    expect(at(s, '2027-01-08').fields.luxuryAbsence).toBe(true);
    expect(kinds(s, '2027-01-08', '16-uur')).toEqual([]); // luxe is reported as luxe, not counted twice
  });
});

describe('order', () => {
  it('registrations in any order give the same result', () => {
    const rnd = mulberry32(9);
    const regs: [string, number | 'day', typeof SICK_CODE][] = [];
    let d = dayOf('2026-09-01');
    while (d <= dayOf('2027-06-30')) {
      if (cal.isSchoolDay(d)) {
        const r = rnd();
        if (r < 0.3) regs.push([isoOf(d), 1 + Math.floor(rnd() * 8), { kind: 'absent', excused: false }]);
        else if (r < 0.4) regs.push([isoOf(d), 'day', SICK_CODE]);
        else if (r < 0.45) regs.push([isoOf(d), 'day', LUXE_CODE]);
      }
      d += 1;
    }
    const inOrder = student(cal);
    for (const [x, l, c] of regs) absent(inOrder, cal, x, l, c);
    const expected = at(inOrder, '2027-06-30');
    expect(expected.periods.length).toBeGreaterThan(3);
    for (let round = 0; round < 5; round++) {
      const shuffled = [...regs];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const s = student(cal);
      for (const [x, l, c] of shuffled) absent(s, cal, x, l, c);
      expect(at(s, '2027-06-30')).toEqual(expected);
    }
  });
});
