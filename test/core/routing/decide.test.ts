import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../../src/core/routing/decide.js';
import { compile, defaultRulesetJson, escalationTypes, parties, route, ruleIds, situation, workingDays } from '../../factories.js';

// The default situation: a 14-year-old VO student (born 2012-03-01), reference date Friday 2026-11-27.

describe('parents and student (§2)', () => {
  it('the student is always informed and parents are involved by default', () => {
    const d = route();
    expect(d.parents).toEqual({ involve: 'yes', reason: expect.any(String), rules: ['ouders-betrekken'] });
    expect(parties(d)).toEqual(['ouders', 'leerling']);
    expect(d.escalations).toEqual([]);
  });
  it('at 15 the student has no say yet; from the 16th birthday the student decides', () => {
    expect(route({ birthDate: '2010-11-28', studentAllowsParents: false }).parents.involve).toBe('yes');
    const sixteen = route({ birthDate: '2010-11-27' });
    expect(sixteen.parents).toMatchObject({ involve: 'student-decides', rules: ['ouders-keuze-leerling-16'] });
    expect(parties(sixteen)).not.toContain('ouders');
  });
  it('records the 16+ student’s choice either way', () => {
    expect(route({ birthDate: '2010-01-01', studentAllowsParents: true }).parents).toMatchObject({ involve: 'yes', rules: ['ouders-leerling-16-ja'] });
    const no = route({ birthDate: '2010-01-01', studentAllowsParents: false });
    expect(no.parents).toMatchObject({ involve: 'no', rules: ['ouders-leerling-16-nee'] });
    expect(parties(no)).toEqual(['leerling']);
  });
  it('ouders is in inform exactly when parents.involve is yes', () => {
    for (const extra of [{}, { danger: true }, { birthDate: '2009-01-01' }, { birthDate: '2009-01-01', studentAllowsParents: true }]) {
      const d = route(extra);
      expect(parties(d).includes('ouders')).toBe(d.parents.involve === 'yes');
    }
  });
  it('a real danger overrides everything: parents are not contacted first, the meldcode applies', () => {
    for (const extra of [{}, { birthDate: '2009-01-01', studentAllowsParents: true }]) {
      const d = route({ ...extra, danger: true });
      expect(d.parents).toMatchObject({ involve: 'no', rules: ['ouders-reeel-gevaar'] });
      expect(parties(d)).toContain('veilig-thuis');
      expect(ruleIds(d)).toContain('meldcode-signalen');
    }
  });
  it('notes that a minor’s verzuimmelding reaches the parents anyway (16–17, not 18)', () => {
    expect(ruleIds(route({ birthDate: '2009-06-01', studentAllowsParents: false }))).toContain('ouders-minderjarig-verzuimmelding');
    expect(ruleIds(route({ birthDate: '2008-01-01', studentAllowsParents: false }))).not.toContain('ouders-minderjarig-verzuimmelding');
  });
  it('does not list an overridden parents rule among the rules that produced the decision', () => {
    const d = route({ danger: true });
    expect(ruleIds(d)).not.toContain('ouders-betrekken');
  });
});

describe('leerplicht (§3)', () => {
  it('15 hours is not a report; 16 hours is, within 5 working days', () => {
    expect(route({ unexcusedHours4w: 15.5 }).escalations).toEqual([]);
    const d = route({ unexcusedHours4w: 16 });
    expect(d.escalations).toEqual([
      { to: 'leerplicht', type: 'verzuimmelding-16-uur', deadline: '2026-12-04', overdue: false, reason: expect.any(String), rules: ['leerplicht-16-uur'] },
    ]);
    expect(parties(d)).toEqual(['ouders', 'leerling', 'leerplicht']);
  });
  it('the 5-working-day deadline skips the weekend', () => {
    expect(route({ referenceDate: '2026-11-25', unexcusedHours4w: 20 }).escalations[0]?.deadline).toBe('2026-12-02');
    expect(route({ referenceDate: '2026-11-28', unexcusedHours4w: 20 }).escalations[0]?.deadline).toBe('2026-12-04');
  });
  it('the deadline skips public holidays (Koningsdag, Hemelvaart, Kerst)', () => {
    expect(route({ referenceDate: '2026-04-23', unexcusedHours4w: 20 }).escalations[0]?.deadline).toBe('2026-05-01');
    expect(route({ referenceDate: '2026-05-11', unexcusedHours4w: 20 }).escalations[0]?.deadline).toBe('2026-05-19');
    expect(route({ referenceDate: '2026-12-23', unexcusedHours4w: 20 }).escalations[0]?.deadline).toBe('2026-12-31');
  });
  it('counts the 16-hours term from the day the 16 hours were reached, and says when it has passed', () => {
    // Reached Tuesday 17 November: due Tuesday 24 November, overdue on Friday 27 November.
    const late = route({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-17' });
    expect(late.escalations).toEqual([
      { to: 'leerplicht', type: 'verzuimmelding-16-uur', deadline: '2026-11-24', overdue: true, reason: expect.any(String), rules: ['leerplicht-16-uur'] },
    ]);
    // Reached Monday 23 November: due Monday 30 November, not yet overdue.
    expect(route({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-23' }).escalations[0]).toMatchObject({ deadline: '2026-11-30', overdue: false });
    // Due on the reference date itself: not overdue (the day is still there to report).
    expect(route({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-20' }).escalations[0]).toMatchObject({ deadline: '2026-11-27', overdue: false });
    // Reached on the reference date, or not given: counted from the reference date.
    expect(route({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-27' }).escalations[0]?.deadline).toBe('2026-12-04');
    // Reached before Koningsdag 2026: Thursday 23 April + 5 working days = Friday 1 May.
    expect(route({ referenceDate: '2026-04-28', unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-04-23' }).escalations[0]?.deadline).toBe('2026-05-01');
  });
  it('ignores the day reached where no rule counts from it (under 16 hours, other escalations)', () => {
    expect(route({ unexcusedHours4w: 10, unexcusedHoursReachedOn: '2026-11-02' }).escalations).toEqual([]);
    const both = route({ unexcusedHours4w: 18, unexcusedHoursReachedOn: '2026-11-17', abuseSuspected: true, danger: true });
    expect(both.escalations.map((e) => [e.type, e.deadline, e.overdue])).toEqual([
      ['verzuimmelding-16-uur', '2026-11-24', true],
      ['melding-acute-onveiligheid', '2026-11-27', false], // today, from the reference date
    ]);
  });
  it('no leerplicht report when not leerplichtig (exempt, 18+, startkwalificatie at 17)', () => {
    expect(route({ unexcusedHours4w: 40, exemption: true }).escalations).toEqual([]);
    expect(route({ birthDate: '2008-01-01', unexcusedHours4w: 40 }).escalations).toEqual([]);
    expect(route({ birthDate: '2009-06-01', startkwalificatie: true, unexcusedHours4w: 40 }).escalations).toEqual([]);
  });
  it('a 17-year-old without startkwalificatie (kwalificatieplicht) is still reported', () => {
    expect(escalationTypes(route({ birthDate: '2009-06-01', unexcusedHours4w: 16 }))).toEqual(['leerplicht:verzuimmelding-16-uur']);
  });
  it('4 weeks absent is not yet langdurig; more than 4 is', () => {
    expect(route({ unexcusedWeeks: 4 }).escalations).toEqual([]);
    expect(escalationTypes(route({ unexcusedWeeks: 5 }))).toEqual(['leerplicht:langdurig-relatief-verzuim']);
  });
  it('luxeverzuim is reported', () => {
    expect(escalationTypes(route({ luxuryAbsence: true }))).toEqual(['leerplicht:luxeverzuim']);
  });
  it('absoluut verzuim: leerplichtig and not enrolled', () => {
    expect(escalationTypes(route({ enrolled: false }))).toEqual(['leerplicht:absoluut-verzuim']);
    expect(route({ enrolled: false, exemption: true }).escalations).toEqual([]);
    expect(route({ enrolled: false, birthDate: '2022-01-01' }).escalations).toEqual([]); // 4 years old
  });
  it('hours of a student not enrolled are not a relative-absence report', () => {
    expect(escalationTypes(route({ enrolled: false, unexcusedHours4w: 30 }))).toEqual(['leerplicht:absoluut-verzuim']);
  });
});

describe('RMC (§4)', () => {
  const eighteen = '2008-11-27'; // 18 on the reference date
  it('deregistration of an 18-year-old without startkwalificatie goes to the RMC, not leerplicht', () => {
    const d = route({ birthDate: eighteen, deregistered: true });
    expect(escalationTypes(d)).toEqual(['rmc:uitschrijving-zonder-startkwalificatie']);
    expect(d.escalations[0]?.deadline).toBeNull();
  });
  it('a 17-year-old leaving school is not an RMC report (it is leerplicht’s)', () => {
    expect(escalationTypes(route({ birthDate: '2008-11-28', deregistered: true }))).toEqual(['leerplicht:uitschrijving-zonder-inschrijving']);
  });
  it('23 is out of RMC scope, 22 is in', () => {
    expect(route({ birthDate: '2003-11-27', deregistered: true }).escalations).toEqual([]);
    expect(escalationTypes(route({ birthDate: '2003-11-28', deregistered: true }))).toEqual(['rmc:uitschrijving-zonder-startkwalificatie']);
  });
  it('4 uninterrupted weeks is an RMC report (3 is not)', () => {
    expect(route({ birthDate: eighteen, unexcusedWeeks: 3 }).escalations).toEqual([]);
    expect(escalationTypes(route({ birthDate: eighteen, unexcusedWeeks: 4 }))).toEqual(['rmc:verzuim-4-weken']);
  });
  it('the 16-hours rule for 18+ is off by default and can be switched on in the rule set', () => {
    expect(route({ birthDate: eighteen, unexcusedHours4w: 20 }).escalations).toEqual([]);
    const json = defaultRulesetJson();
    const rule = json.rules.find((r) => r.id === 'rmc-16-uur')!;
    rule.enabled = true;
    const d = decide(situation({ birthDate: eighteen, unexcusedHours4w: 20 }), compile(json), workingDays);
    expect(d.escalations).toEqual([
      { to: 'rmc', type: 'verzuim-16-uur-18plus', deadline: '2026-12-04', overdue: false, reason: expect.any(String), rules: ['rmc-16-uur'] },
    ]);
  });
});

describe('thuiszitters and the onderwijsconsulent (§5)', () => {
  it('6 weeks at home without prospect: SWV, steunpunt, leerplicht and the onderwijsconsulent', () => {
    const d = route({ weeksWithoutPlace: 6 });
    expect(d.facts.thuiszitter).toBe(true);
    expect(parties(d)).toEqual(['ouders', 'leerling', 'swv', 'steunpunt', 'leerplicht', 'onderwijsconsulent']);
    expect(escalationTypes(d)).toEqual(['leerplicht:thuiszitter', 'onderwijsconsulent:thuiszitter']);
  });
  it('4 weeks at home is not yet a thuiszitter', () => {
    expect(route({ weeksWithoutPlace: 4 }).escalations).toEqual([]);
  });
  it('a place in sight: no onderwijsconsulent, but still SWV and leerplicht', () => {
    const d = route({ weeksWithoutPlace: 6, placeProspect: true });
    expect(escalationTypes(d)).toEqual(['leerplicht:thuiszitter']);
    expect(parties(d)).toContain('swv');
  });
  it('at home only through own lack of motivation: leerplicht’s, not the onderwijsconsulent’s', () => {
    const d = route({ weeksWithoutPlace: 6, truancyOnly: true });
    expect(escalationTypes(d)).toEqual(['leerplicht:thuiszitter']);
    expect(ruleIds(d)).toContain('thuiszitter-eigen-motivatie');
  });
  it('prior SWV contact is not required for a thuiszitter', () => {
    expect(escalationTypes(route({ weeksWithoutPlace: 6, swvInvolved: false }))).toContain('onderwijsconsulent:thuiszitter');
  });
  it('no suitable place: SWV first, onderwijsconsulent once the SWV is involved', () => {
    const first = route({ supportNeed: ['gedrag'], suitablePlaceFound: false });
    expect(first.escalations).toEqual([]);
    expect(parties(first)).toEqual(['ouders', 'leerling', 'swv', 'steunpunt']);
    expect(ruleIds(first)).toContain('swv-eerst');
    const then = route({ supportNeed: ['gedrag'], suitablePlaceFound: false, swvInvolved: true });
    expect(escalationTypes(then)).toEqual(['onderwijsconsulent:geen-passende-plek']);
  });
  it('school cannot support: SWV first, then the onderwijsconsulent', () => {
    expect(route({ supportNeed: ['leren'], schoolCanSupport: false }).escalations).toEqual([]);
    expect(escalationTypes(route({ supportNeed: ['leren'], schoolCanSupport: false, swvInvolved: true }))).toEqual([
      'onderwijsconsulent:ondersteuning-niet-passend',
    ]);
  });
  it('without an extra support need, criteria 2–3 do not apply', () => {
    const d = route({ schoolCanSupport: false, suitablePlaceFound: false, swvInvolved: true });
    expect(d.escalations).toEqual([]);
    expect(parties(d)).toEqual(['ouders', 'leerling']);
  });
  it('a support need the school can meet points to the steunpunt only', () => {
    expect(parties(route({ supportNeed: ['gezondheid'] }))).toEqual(['ouders', 'leerling', 'steunpunt']);
  });
  it('medical care funding goes to the onderwijszorgconsulent', () => {
    expect(escalationTypes(route({ medicalCareFunding: true }))).toEqual(['onderwijszorgconsulent:bekostiging-medische-zorg']);
  });
  it('cluster 1 for visual, cluster 2 for hearing and speech-language', () => {
    expect(parties(route({ sensoryNeed: 'visueel' }))).toContain('cluster-1');
    expect(parties(route({ sensoryNeed: 'auditief' }))).toContain('cluster-2');
    expect(parties(route({ sensoryNeed: 'taal-spraak' }))).toContain('cluster-2');
    expect(parties(route({ sensoryNeed: 'none' }))).not.toContain('cluster-1');
  });
});

describe('meldcode (§6)', () => {
  it('signs of abuse: consult Veilig Thuis, parents still involved', () => {
    const d = route({ abuseSuspected: true });
    expect(parties(d)).toEqual(['ouders', 'leerling', 'veilig-thuis']);
    expect(d.escalations).toEqual([]);
    expect(d.notes.some((n) => n.includes('vijf stappen'))).toBe(true);
  });
  it('abuse and a real danger: report to Veilig Thuis today', () => {
    const d = route({ abuseSuspected: true, danger: true });
    expect(d.escalations).toEqual([
      { to: 'veilig-thuis', type: 'melding-acute-onveiligheid', deadline: '2026-11-27', overdue: false, reason: expect.any(String), rules: ['meldcode-melden-acuut'] },
    ]);
    expect(d.parents.involve).toBe('no');
  });
});

describe('MAZL (§7)', () => {
  it('the 4th sick report in 12 weeks involves the jeugdarts, the 3rd does not', () => {
    expect(parties(route({ sickReports12w: 3 }))).not.toContain('jeugdarts');
    expect(parties(route({ sickReports12w: 4 }))).toContain('jeugdarts');
  });
  it('the 7th consecutive sick day involves the jeugdarts, the 6th does not', () => {
    expect(parties(route({ sickDaysInRow: 6 }))).not.toContain('jeugdarts');
    expect(parties(route({ sickDaysInRow: 7 }))).toContain('jeugdarts');
  });
  it('sickness is never a leerplicht report', () => {
    expect(route({ sickDaysInRow: 30, sickReports12w: 10 }).escalations).toEqual([]);
  });
});

describe('the decision as a whole', () => {
  it('sorts escalations by deadline, then keeps rule-set order', () => {
    const d = route({ unexcusedHours4w: 20, weeksWithoutPlace: 6, abuseSuspected: true, danger: true });
    expect(d.escalations.map((e) => e.deadline)).toEqual(['2026-11-27', '2026-12-04', null, null]);
  });
  it('merges several reasons for one party into one entry with every rule id', () => {
    const d = route({ weeksWithoutPlace: 6, supportNeed: ['gedrag'], suitablePlaceFound: false, swvInvolved: true });
    const swv = d.inform.find((i) => i.party === 'swv')!;
    expect(swv.rules).toEqual(['thuiszitter-swv', 'onderwijsconsulent-geen-plek']);
    expect(d.inform.filter((i) => i.party === 'swv')).toHaveLength(1);
  });
  it('lists every rule that produced an outcome, with its title and source', () => {
    const d = route({ unexcusedHours4w: 16 });
    // Chain order: the top layer's rules first (the region's), then the law's (landelijk).
    expect(ruleIds(d)).toEqual(['ouders-betrekken', 'leerling-informeren', 'leerplicht-16-uur']);
    expect(d.rules.map((r) => r.layer)).toEqual(['swv-vo-groningen-ommelanden', 'swv-vo-groningen-ommelanden', 'landelijk']);
    for (const r of d.rules) expect(r.source.length).toBeGreaterThan(5);
    const cited = new Set([...d.parents.rules, ...d.inform.flatMap((i) => i.rules), ...d.escalations.flatMap((e) => e.rules)]);
    for (const id of cited) expect(ruleIds(d)).toContain(id);
  });
  it('is a value: the same input gives the same output, and English titles with lang en', () => {
    expect(route({ unexcusedHours4w: 16 })).toEqual(route({ unexcusedHours4w: 16 }));
    const en = decide(situation({ unexcusedHours4w: 16 }), compile(defaultRulesetJson(), 'en'), workingDays);
    expect(en.rules[2]?.title).toMatch(/report within 5 working days/);
  });
});

describe('absence under the threshold', () => {
  it('notes that a report is allowed, never required, below 16 hours', () => {
    const d = route({ unexcusedHours4w: 8 });
    expect(d.escalations).toEqual([]);
    expect(ruleIds(d)).toContain('leerplicht-overig-verzuim');
    expect(ruleIds(route({ unexcusedHours4w: 0 }))).not.toContain('leerplicht-overig-verzuim');
    expect(ruleIds(route({ unexcusedHours4w: 16 }))).not.toContain('leerplicht-overig-verzuim');
  });
});

describe('a leerplichtige leaving school (§3, Leerplichtwet art. 18)', () => {
  // Reference date 2026-11-27 (the factories' default).
  const leaving = (birthDate: string, extra: Record<string, unknown> = {}) => route({ birthDate, deregistered: true, ...extra });
  const types = (d: Decision): string[] => [...escalationTypes(d), ...d.todos.map((t) => `todo ${t.party}:${t.type}`)];

  it.each([
    ['15', '2011-06-01', 'volledig'],
    ['16', '2010-06-01', 'kwalificatieplicht'],
    ['17', '2009-06-01', 'kwalificatieplicht'],
    ['17 on the day before the 18th birthday', '2008-11-28', 'kwalificatieplicht'],
  ])('%s without a startkwalificatie, not enrolled elsewhere: report to leerplicht', (_label, birthDate, leerplicht) => {
    const d = leaving(birthDate);
    expect(d.facts.leerplicht).toBe(leerplicht);
    expect(types(d)).toEqual(['leerplicht:uitschrijving-zonder-inschrijving']);
    expect(d.escalations[0]).toMatchObject({ deadline: null, rules: ['leerplicht-uitschrijving-zonder-inschrijving'] });
    expect(d.rules.find((r) => r.id === 'leerplicht-uitschrijving-zonder-inschrijving')?.source).toContain('Leerplichtwet 1969 art. 18');
  });

  it('enrolled elsewhere: no escalation, but notifying leerplicht is a to-do', () => {
    expect(types(leaving('2010-06-01', { enrolledElsewhere: true }))).toEqual(['todo leerplicht:uitschrijving-melden']);
    expect(types(leaving('2008-11-28', { enrolledElsewhere: true }))).toEqual(['todo leerplicht:uitschrijving-melden']);
  });

  it('18 (on the birthday itself) goes to the RMC, not leerplicht; with a startkwalificatie or an exemption nobody', () => {
    expect(types(leaving('2008-11-27'))).toEqual(['rmc:uitschrijving-zonder-startkwalificatie']);
    expect(types(leaving('2008-11-27', { enrolledElsewhere: true }))).toEqual(['rmc:uitschrijving-zonder-startkwalificatie']);
    expect(types(leaving('2009-06-01', { startkwalificatie: true }))).toEqual([]); // 17 with a diploma: kwalificatieplicht is over
    expect(types(leaving('2011-06-01', { exemption: true }))).toEqual([]); // vrijstelling: leerplicht gave it
    expect(types(leaving('2009-06-01', { startkwalificatie: true, enrolledElsewhere: true }))).toEqual([]);
  });

  it('15 in volledige leerplicht with a startkwalificatie still is leerplichtig', () => {
    expect(types(leaving('2011-06-01', { startkwalificatie: true }))).toEqual(['leerplicht:uitschrijving-zonder-inschrijving']);
  });
});
