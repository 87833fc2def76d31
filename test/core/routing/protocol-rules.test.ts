// A school's verzuimprotocol as rules: terms from reachedOn in `route`, what a rule below the law may
// count, and the bad input the checks name with its path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decide, type Decision } from '../../../src/core/routing/decide.js';
import type { SituationInput } from '../../../src/core/routing/situation.js';
import { parseRuleset } from '../../../src/core/routing/layers.js';
import type { Ruleset } from '../../../src/core/routing/ruleset.js';
import { defaultRulesetJson, situation, workingDays } from '../../factories.js';
import { protocolRuleset } from '../absence/protocol-fixture.js';

type RuleJson = Ruleset['rules'][number];

function withRules(...rules: unknown[]): unknown {
  const base = defaultRulesetJson();
  return { ...base, rules: [...base.rules, ...rules] };
}

function problems(json: unknown): { path: string; kind: string }[] {
  const parsed = parseRuleset(json);
  return parsed.ok ? [] : parsed.issues.map((i) => ({ path: i.path, kind: i.problem.kind }));
}

const talk = (when: unknown, party = 'leerling'): RuleJson =>
  ({ id: 'stap', title: 't', source: 'Protocol §1', when, then: { inform: [{ party, todo: 'gesprek', deadline: { workingDays: 2, from: 'reachedOn' }, reason: 'r' }] } }) as RuleJson;

describe('route: a step with a term from reachedOn', () => {
  const rs = protocolRuleset();

  it('without reachedOn the term counts from the reference date', () => {
    const d = decide(situation({ referenceDate: '2026-11-27', lateArrivalsSchoolYear: 5 }), rs, workingDays);
    expect(d.todos.find((t) => t.type === 'brief-ouders')).toMatchObject({ deadline: '2026-12-01', overdue: false, reachedOn: '2026-11-27', rules: ['te-laat-5'] });
  });

  it('with reachedOn the term counts from that day, and may be overdue', () => {
    const d = decide(situation({ referenceDate: '2026-11-27', lateArrivalsSchoolYear: 5, reachedOn: '2026-11-20' }), rs, workingDays);
    expect(d.todos.find((t) => t.type === 'brief-ouders')).toMatchObject({ deadline: '2026-11-24', overdue: true, reachedOn: '2026-11-20', parents: { involve: 'yes' } });
    expect(d.todos.find((t) => t.type === 'gesprek-leerling')).toMatchObject({ deadline: '2026-11-20', overdue: true });
  });

  it('8 hours in 4 lesweken: the teamleider, no escalation (below the law)', () => {
    const d = decide(situation({ unexcusedHours4w: 8 }), rs, workingDays);
    expect(d.todos.map((t) => `${t.party}:${t.type}`)).toEqual(['teamleider:ouders-uitnodigen']);
    expect(d.escalations).toEqual([]);
  });

  it('a real danger holds the letter back, naming the parents rule', () => {
    const d = decide(situation({ lateArrivalsSchoolYear: 5, danger: true }), rs, workingDays);
    expect(d.todos.some((t) => t.party === 'ouders')).toBe(false);
    expect(d.withheld).toMatchObject([{ type: 'brief-ouders', parents: { involve: 'no', rules: ['ouders-reeel-gevaar'] } }]);
  });
});

describe('rule checks for a school protocol', () => {
  it('a rule that only informs may count with any number', () => {
    expect(problems(withRules(talk({ fact: 'unexcusedHours4w', op: 'gte', value: 8 })))).toEqual([]);
    expect(problems(withRules(talk({ fact: 'lateArrivalsSchoolYear', op: 'gte', value: 3 }, 'ouders')))).toEqual([]);
  });

  it('a rule below the legal threshold that escalates to leerplicht is refused', () => {
    const esc = { id: 'vroeg', title: 't', source: 's', when: { fact: 'unexcusedHours4w', op: 'gte', value: 8 }, then: { escalate: [{ to: 'leerplicht', type: 'x', reason: 'r' }] } };
    expect(problems(withRules(esc))).toEqual([{ path: 'rules[31].when.value', kind: 'counting-contradicts' }]);
    const year = { ...esc, when: { fact: 'unexcusedHoursSchoolYear', op: 'gte', value: 20 } };
    expect(problems(withRules(year))).toEqual([{ path: 'rules[31].then.escalate[0]', kind: 'school-count-escalates' }]);
  });

  it('the region\'s lateness report is allowed; lateness with another type is not', () => {
    const late = { id: 'te-laat', title: 't', source: 's', when: { fact: 'lateArrivalsSchoolYear', op: 'gt', value: 9 }, then: { escalate: [{ to: 'leerplicht', type: 'overig-verzuim', reason: 'r' }] } };
    expect(problems(withRules(late))).toEqual([]);
    expect(problems(withRules({ ...late, then: { escalate: [{ to: 'rmc', type: 'overig-verzuim', reason: 'r' }] } }))).toEqual([{ path: 'rules[31].then.escalate[0]', kind: 'school-count-escalates' }]);
  });

  it('from reachedOn on a rule that counts nothing is refused', () => {
    expect(problems(withRules(talk({ fact: 'age', op: 'gte', value: 12 })))).toEqual([{ path: 'rules[31].then.inform[0].deadline.from', kind: 'reached-on-counts-nothing' }]);
  });

  it('a term without a to-do is refused; the parents without a to-do still go through parents', () => {
    const noTodo = { id: 'x', title: 't', source: 's', when: { fact: 'lateArrivals4w', op: 'gte', value: 2 }, then: { inform: [{ party: 'leerling', deadline: { workingDays: 1 }, reason: 'r' }] } };
    expect(problems(withRules(noTodo))).toEqual([{ path: 'rules[31].then.inform[0].deadline', kind: 'deadline-needs-todo' }]);
    const parents = { ...noTodo, then: { inform: [{ party: 'ouders', reason: 'r' }] } };
    expect(problems(withRules(parents))).toEqual([{ path: 'rules[31].then.inform[0].party', kind: 'parents-via-inform' }]);
  });
});

describe('the example protocol\'s cases (data/rules/voorbeeldschool-verzuimprotocol.cases.json)', () => {
  type Outcome = { escalations?: { to: string; type?: string }[]; todos?: { party: string; type?: string }[]; parents?: string };
  const cases = JSON.parse(readFileSync('data/rules/voorbeeldschool-verzuimprotocol.cases.json', 'utf8')) as { name: string; situation: Record<string, unknown>; expect: Outcome & { not?: Outcome } }[];
  const rs = protocolRuleset();
  const has = (d: Decision, o: Outcome): boolean[] => [
    ...(o.escalations ?? []).map((e) => d.escalations.some((x) => x.to === e.to && (e.type === undefined || x.type === e.type))),
    ...(o.todos ?? []).map((t) => d.todos.some((x) => x.party === t.party && (t.type === undefined || x.type === t.type))),
    ...(o.parents === undefined ? [] : [d.parents.involve === o.parents]),
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = decide(situation(c.situation as Partial<SituationInput>), rs, workingDays);
    expect(has(d, c.expect).every(Boolean)).toBe(true);
    if (c.expect.not) expect(has(d, c.expect.not).some(Boolean)).toBe(false);
  });

  it('every step fires in a case and stays silent in another', () => {
    const layer = JSON.parse(readFileSync('data/rules/voorbeeldschool-verzuimprotocol.json', 'utf8')) as { rules: { id: string; enabled?: boolean }[] };
    for (const rule of layer.rules.filter((r) => r.enabled !== false)) {
      const fired = cases.map((c) => decide(situation(c.situation as Partial<SituationInput>), rs, workingDays).rules.some((r) => r.id === rule.id));
      expect([rule.id, fired.some(Boolean), fired.some((f) => !f)]).toEqual([rule.id, true, true]);
    }
  });
});
