import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../../../src/core/routing/layers.js';
import type { FlatRuleset as Ruleset } from '../../../src/core/routing/ruleset.js';
import { defaultRulesetJson } from '../../factories.js';
import { enIssue } from '../../words.js';

const minimal = (rules: unknown[]): unknown => ({
  id: 'test',
  version: '1',
  title: 'test',
  counting: defaultRulesetJson().counting,
  parties: defaultRulesetJson().parties,
  rules: [{ id: 'ouders', title: 't', source: 's', then: { parents: { involve: 'yes', priority: 0, reason: 'r' } } }, ...rules],
});

const problems = (json: unknown): string[] => {
  const r = parseRuleset(json);
  return r.ok ? [] : r.issues.map(enIssue);
};

describe('the default rule set', () => {
  const json = defaultRulesetJson();
  it('passes every check', () => expect(problems(json)).toEqual([]));
  it('gives every rule a title in both languages and a source', () => {
    for (const rule of json.rules) {
      expect(rule.source.length, rule.id).toBeGreaterThan(5);
      expect(typeof rule.title === 'object' && rule.title.en, rule.id).toBeTruthy();
    }
  });
  it('covers every rule of the domain reference §2–§7', () => {
    const ids = json.rules.map((r) => r.id);
    for (const id of [
      'ouders-betrekken', 'ouders-keuze-leerling-16', 'ouders-reeel-gevaar', 'leerling-informeren',
      'leerplicht-16-uur', 'leerplicht-langdurig', 'leerplicht-luxe', 'leerplicht-absoluut',
      'rmc-uitschrijving', 'rmc-4-weken', 'rmc-16-uur',
      'thuiszitter-swv', 'onderwijsconsulent-thuiszitter', 'onderwijsconsulent-geen-plek',
      'onderwijsconsulent-geen-ondersteuning', 'onderwijszorgconsulent-medische-zorg', 'swv-eerst',
      'extra-ondersteuning-steunpunt', 'cluster-1-visueel', 'cluster-2-auditief-taal',
      'meldcode-signalen', 'meldcode-melden-acuut', 'mazl-jeugdarts',
      'leerplicht-uitschrijving-zonder-inschrijving', 'leerplicht-uitschrijving-melden',
    ]) expect(ids).toContain(id);
  });
  it('marks as to-dos exactly the informs that are actions the school must still take', () => {
    const todos = json.rules.flatMap((r) => (r.then.inform ?? []).filter((i) => i.todo).map((i) => `${r.id} ${i.party}:${i.todo}`));
    expect(todos).toEqual([
      'thuiszitter-swv swv:thuiszitter-melden',
      'swv-eerst swv:ondersteuning-aanvragen',
      'leerplicht-uitschrijving-melden leerplicht:uitschrijving-melden',
      'meldcode-signalen veilig-thuis:advies-vragen',
      'mazl-jeugdarts jeugdarts:mazl-inschakelen',
    ]);
  });
  it('ships the RMC 16-hours rule as a regional option, switched off', () => {
    const rule = json.rules.find((r) => r.id === 'rmc-16-uur')!;
    expect(rule.enabled).toBe(false);
    expect(rule.regionalOption).toBeTruthy();
  });
});

describe('semantic checks report every problem with its path', () => {
  it('unknown fact, unknown party, unknown target and duplicate id, all at once', () => {
    const json = minimal([
      { id: 'a', title: 't', source: 's', when: { fact: 'shoeSize', op: 'gt', value: 40 }, then: { inform: [{ party: 'buurman', reason: 'r' }] } },
      { id: 'a', title: 't', source: 's', then: { escalate: [{ to: 'politie', type: 'x', reason: 'r' }] } },
    ]);
    expect(problems(json)).toEqual([
      expect.stringMatching(/^rules\[1\]\.when\.fact: unknown fact shoeSize/),
      expect.stringMatching(/^rules\[1\]\.then\.inform\[0\]\.party: unknown party buurman/),
      'rules[2].id: duplicate rule id a (also rules[1])',
      expect.stringMatching(/^rules\[2\]\.then\.escalate\[0\]\.to: unknown escalation target politie/),
    ]);
  });
  it('operators must fit the fact and values must be of its type', () => {
    const json = minimal([
      {
        id: 'b',
        title: 't',
        source: 's',
        when: {
          all: [
            { fact: 'danger', op: 'gte', value: 1 },
            { fact: 'age', op: 'eq', value: 'sixteen' },
            { fact: 'educationType', op: 'in', value: ['vo', 'hbo'] },
            { any: [{ fact: 'supportNeed', op: 'notEmpty', value: 1 }] },
            { not: { fact: 'studentAllowsParents', op: 'eq', value: null } },
          ],
        },
        then: { notes: ['n'] },
      },
    ]);
    expect(problems(json)).toEqual([
      'rules[1].when.all[0].op: operator gte does not apply to danger (a boolean)',
      'rules[1].when.all[1].value: age is a number',
      expect.stringMatching(/^rules\[1\]\.when\.all\[2\]\.value: hbo is not a value of educationType/),
      'rules[1].when.all[3].any[0].value: operator notEmpty takes no value',
    ]);
  });
  it('a rule must have an effect, and parents go through a parents effect', () => {
    const json = minimal([
      { id: 'c', title: 't', source: 's', then: {} },
      { id: 'd', title: 't', source: 's', then: { inform: [{ party: 'ouders', reason: 'r' }] } },
    ]);
    expect(problems(json)).toEqual([
      'rules[1].then: a rule needs at least one effect (inform, escalate, parents or notes)',
      'rules[2].then.inform[0].party: parents are informed through a parents effect, not inform',
    ]);
  });
  it('a to-do is a type of lower-case words, once per party in a rule', () => {
    const json = minimal([
      { id: 'e', title: 't', source: 's', then: { inform: [{ party: 'swv', reason: 'r', todo: 'Bellen!' }] } },
      { id: 'f', title: 't', source: 's', then: { inform: [{ party: 'swv', reason: 'r', todo: 'bellen' }, { party: 'swv', reason: 'r2', todo: 'bellen' }] } },
    ]);
    expect(problems(json)).toEqual([expect.stringMatching(/^rules\[1\]\.then\.inform\[0\]\.todo: expected lower-case words/)]);
    const shaped = minimal([{ id: 'f', title: 't', source: 's', then: { inform: [{ party: 'swv', reason: 'r', todo: 'bellen' }, { party: 'swv', reason: 'r2', todo: 'bellen' }] } }]);
    expect(problems(shaped)).toEqual(['rules[1].then.inform[1].todo: the same to-do swv:bellen twice in one rule (also inform[0])']);
  });
  it('needs an unconditional parents default', () => {
    const json = { id: 'x', version: '1', title: 't', counting: defaultRulesetJson().counting, parties: [], rules: [{ id: 'n', title: 't', source: 's', then: { notes: ['n'] } }] };
    expect(problems(json)).toEqual(['rules: needs an enabled rule without conditions that sets the parents default']);
  });
  it('shape errors come from the schema with their path, never code in the file', () => {
    const json = defaultRulesetJson() as Ruleset & Record<string, unknown>;
    (json.rules[0] as Record<string, unknown>).then = 'function () {}';
    (json.rules[1] as Record<string, unknown>).source = '';
    const found = problems(json);
    expect(found.some((p) => p.startsWith('rules[0].then:'))).toBe(true);
    expect(found.some((p) => p.startsWith('rules[1].source:'))).toBe(true);
  });
});
