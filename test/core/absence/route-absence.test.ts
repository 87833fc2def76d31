import { describe, expect, it } from 'vitest';
import { absenceAt } from '../../../src/core/absence/periods.js';
import { routeAbsence } from '../../../src/core/absence/route-absence.js';
import { dayOf, isoOf } from '../../../src/core/calendar/school-calendar.js';
import { defaultRuleset, situation, workingDays } from '../../factories.js';
import { absent, calendar, peil, SICK_CODE, SPEC, student } from './absence-fixtures.js';

// The fixture year without kerstvakantie, so that 16 hours can fall just before Christmas.
const cal = calendar({ ...SPEC, holidays: SPEC.holidays.filter((h) => h.name !== 'kerstvakantie') });
const ruleset = defaultRuleset();

function routed(days: readonly string[], peildatum: string, overrides = {}, since?: string) {
  const s = student(cal);
  for (const d of days) absent(s, cal, d, 8);
  const base = situation({ studentRef: 'L5', birthDate: '2012-03-01', referenceDate: peildatum, ...overrides });
  return routeAbsence(base, absenceAt(s, cal, peil(cal, peildatum), 8, ruleset.counting), ruleset, workingDays, since);
}

describe('routeAbsence: deadlines in working days from period.to', () => {
  it('over Kerst: 16 hours on Monday 21 December → Tuesday 29 December', () => {
    const r = routed(['2026-12-18', '2026-12-21'], '2026-12-22');
    expect(r.escalations).toMatchObject([{ type: 'verzuimmelding-16-uur', deadline: '2026-12-29', overdue: false, period: { from: '2026-12-18', to: '2026-12-21' } }]);
  });

  it('over 5 mei and Hemelvaart: 16 hours on Monday 3 May 2027 → Wednesday 12 May', () => {
    const r = routed(['2027-04-30', '2027-05-03'], '2027-05-14');
    expect(r.escalations[0]).toMatchObject({ deadline: '2027-05-12', overdue: true });
  });

  it('one escalation per period: a report and a vervolgmelding have their own deadlines', () => {
    // Present on Wednesday 4 November: not continuous, so the second period is a vervolgmelding.
    const r = routed(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06'], '2026-11-06');
    expect(r.escalations.map((e) => [e.period!.to, e.deadline, e.period!.repeat])).toEqual([
      ['2026-11-03', '2026-11-10', undefined],
      ['2026-11-06', '2026-11-13', undefined],
    ]);
    expect(r.absence.unexcusedHours4w).toBe(32);
  });

  it('--since keeps the periods that end on or after the date', () => {
    const r = routed(['2026-11-02', '2026-11-03', '2026-11-05', '2026-11-06'], '2026-11-06', {}, '2026-11-04');
    expect(r.absence.periods.map((p) => p.to)).toEqual(['2026-11-06']);
  });

  it('a 16-hour period of a student who is not leerplichtig is listed but brings no escalation', () => {
    const r = routed(['2026-11-02', '2026-11-03'], '2026-11-06', { birthDate: '2006-01-01', startkwalificatie: true });
    expect(r.absence.periods).toHaveLength(1);
    expect(r.escalations).toEqual([]);
  });
});

describe('routeAbsence: herhaalmeldingen of continuous absence', () => {
  const days = (from: string, to: string): string[] => {
    const out: string[] = [];
    for (let d = dayOf(from); d <= dayOf(to); d++) if (cal.isSchoolDay(d)) out.push(isoOf(d));
    return out;
  };
  const sixWeeks = days('2026-11-02', '2026-12-11');

  it('6 weeks away: a melding and 4 herhaalmeldingen, each with its deadline 5 working days after its einddatum, then langdurig', () => {
    const r = routed(sixWeeks, '2026-12-11');
    const reports = r.escalations.filter((e) => e.type === 'verzuimmelding-16-uur');
    expect(reports.map((e) => [e.period!.from, e.period!.to, e.deadline, e.period!.repeat, e.melding!.herhaalmelding])).toEqual([
      ['2026-11-02', '2026-11-03', '2026-11-10', undefined, undefined],
      ['2026-11-04', '2026-11-10', '2026-11-17', 1, 1],
      ['2026-11-11', '2026-11-17', '2026-11-24', 2, 2],
      ['2026-11-18', '2026-11-24', '2026-12-01', 3, 3],
      ['2026-11-25', '2026-12-01', '2026-12-08', 4, 4],
    ]);
    // Each deadline can be met without two meldingen within 7 days: it is at least 7 days after the previous einddatum.
    for (let i = 1; i < reports.length; i++) expect(dayOf(reports[i]!.deadline!) - dayOf(reports[i - 1]!.period!.to)).toBeGreaterThanOrEqual(7);
    expect(reports[1]!.melding).toMatchObject({ soort: '16-uur', verzuimuren: 40, verzuimdagen: 5, alleLessenGemist: true, herhaalmelding: 1 });
    expect(r.escalations.filter((e) => e.type !== 'verzuimmelding-16-uur').map((e) => [e.type, e.period?.to])).toEqual([['langdurig-relatief-verzuim', '2026-11-30']]);
    expect(r.absence.periods.map((p) => [p.kind, p.to, p.repeat])).toContainEqual(['16-uur', '2026-11-17', 2]);
    expect(r.absence.periods.find((p) => p.repeat === undefined && p.kind === '16-uur')).not.toHaveProperty('repeat');
  });

  it('18+ without startkwalificatie: the RMC gets its report at 4 weeks; the 16-uur periods bring no escalation', () => {
    const r = routed(sixWeeks, '2026-12-11', { birthDate: '2007-06-01' });
    expect(r.escalations.map((e) => [e.to, e.type, e.period?.to])).toEqual([['rmc', 'verzuim-4-weken', '2026-11-27']]);
  });

  it('back after 4 days: the herhaalmelding ends on the last verzuimdag, and its deadline is still 7 days or more after the previous einddatum', () => {
    const r = routed(days('2026-11-02', '2026-11-05'), '2026-11-13');
    expect(r.escalations.map((e) => [e.period!.from, e.period!.to, e.deadline, e.period!.repeat])).toEqual([
      ['2026-11-02', '2026-11-03', '2026-11-10', undefined],
      ['2026-11-04', '2026-11-05', '2026-11-12', 1],
    ]);
  });

  it('a herhaalmelding not yet due on the peildatum: no escalation for it yet', () => {
    const r = routed(days('2026-11-02', '2026-11-09'), '2026-11-09');
    expect(r.escalations.map((e) => e.period!.to)).toEqual(['2026-11-03']);
    expect(r.absence.unexcusedHours4w).toBe(48);
  });
});

describe('routeAbsence: the to-dos a period brings (MAZL) carry their period, one per period', () => {
  function sick(days: readonly string[], peildatum: string, since?: string) {
    const s = student(cal);
    for (const d of days) absent(s, cal, d, 'day', SICK_CODE);
    const base = situation({ studentRef: 'L7', birthDate: '2012-03-01', referenceDate: peildatum });
    return routeAbsence(base, absenceAt(s, cal, peil(cal, peildatum), 8, ruleset.counting), ruleset, workingDays, since);
  }
  const reports = ['2026-09-07', '2026-09-21', '2026-10-05', '2026-10-26'];
  const week = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-16', '2026-11-17'];

  it('the 4th sick report: a jeugdarts to-do with the period from the 1st to the 4th report', () => {
    const r = sick(reports, '2026-10-30');
    expect(r.todos).toEqual([
      { party: 'jeugdarts', type: 'mazl-inschakelen', reason: expect.stringContaining('MAZL'), rules: ['mazl-jeugdarts'], deadline: null, overdue: false, reachedOn: null, period: { kind: 'mazl-4-meldingen', from: '2026-09-07', to: '2026-10-26', hours: 0, days: 4 } },
    ]);
    expect(r.escalations).toEqual([]);
  });

  it('two MAZL periods are two to-dos (not one), and the peildatum’s own MAZL to-do is the period’s', () => {
    // The 7th sick day in a row is a report too (the 5th): the peildatum counts ≥ 4 reports in 12 lesweken.
    const r = sick([...reports, ...week], '2026-11-18');
    expect(r.todos.map((t) => [t.type, t.period?.kind, t.period?.to])).toEqual([
      ['mazl-inschakelen', 'mazl-4-meldingen', '2026-10-26'],
      ['mazl-inschakelen', 'mazl-7-dagen', '2026-11-17'],
    ]);
  });

  it('--since leaves out an earlier period’s to-do; a to-do the peildatum itself brings stays, without a period', () => {
    const r = sick(reports, '2026-10-30', '2026-10-27');
    expect(r.absence.periods).toEqual([]);
    expect(r.todos).toEqual([expect.objectContaining({ party: 'jeugdarts', type: 'mazl-inschakelen' })]);
    expect(r.todos[0]!.period).toBeUndefined();
  });

  it('a to-do that does not come from absence keeps its place and has no period', () => {
    const s = student(cal);
    for (const d of reports) absent(s, cal, d, 'day', SICK_CODE);
    const base = situation({ studentRef: 'L8', birthDate: '2012-03-01', referenceDate: '2026-10-30', abuseSuspected: true });
    const r = routeAbsence(base, absenceAt(s, cal, peil(cal, '2026-10-30'), 8, ruleset.counting), ruleset, workingDays);
    expect(r.todos.map((t) => [t.party, t.type, t.period?.kind])).toEqual([
      ['jeugdarts', 'mazl-inschakelen', 'mazl-4-meldingen'],
      ['veilig-thuis', 'advies-vragen', undefined],
    ]);
  });
});
