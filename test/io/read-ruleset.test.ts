// The rule-set loader: a chain by shipped id or relative path, to any depth, and every way a chain
// can be wrong — each a UserError (exit 2) naming the file and the path in it.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readRuleChain, readRuleset } from '../../src/io/rules/read-ruleset.js';
import { detailText, problemText } from '../../src/ui/messages/errors/catalogue.js';

const tmp = mkdtempSync(join(tmpdir(), 'zorgroute-layers-'));
const write = (name: string, json: unknown): string => {
  const path = join(tmp, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, JSON.stringify(json));
  return path;
};
const layer = (id: string, extra: Record<string, unknown>): Record<string, unknown> => ({ id, version: '1', title: id, ...extra });
const rule = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  title: 't',
  source: 's',
  then: { inform: [{ party: 'leerling', reason: 'r' }] },
  ...extra,
});

/** The error's headline and every detail line, in English. */
function refusal(ref: string): string[] {
  try {
    readRuleChain(ref);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const e = error as UserError;
    expect(e.exitCode).toBe(2);
    const wording = { lang: 'en' as const, cmd: 'zorgroute' };
    return [problemText(wording, e.problem!), ...e.details.map((d) => detailText(wording, d))];
  }
  throw new Error(`${ref} was accepted`);
}

describe('reading a chain', () => {
  it('follows extends by shipped id and by relative path, to any depth', () => {
    write('chain/region.json', layer('region', { extends: 'swv-vo-groningen-ommelanden', parties: [{ id: 'mentor', name: { nl: 'mentor', en: 'mentor' } }] }));
    write('chain/schools/a/school.json', layer('school', { extends: '../../region.json', rules: [rule('mentor-gesprek', { then: { inform: [{ party: 'mentor', reason: 'r', todo: 'gesprek' }] } })] }));
    const chain = readRuleChain(join(tmp, 'chain/schools/a/school.json'));
    expect(chain.ruleset.layers.map((l) => l.id)).toEqual(['landelijk', 'swv-vo-groningen-ommelanden', 'region', 'school']);
    expect(chain.ruleset.rules[0]).toMatchObject({ id: 'mentor-gesprek', layer: 'school' }); // the top layer's rules first
    expect(chain.ruleset.rules.at(-1)).toMatchObject({ layer: 'landelijk' });
    expect(chain.ruleset.parties.at(-1)).toEqual({ id: 'mentor', name: { nl: 'mentor', en: 'mentor' }, layer: 'region' });
    expect(chain.ruleset.region).toBe('noord');
    expect(chain.ruleset.counting.hours.value).toBe(16);
    const compiled = readRuleset(join(tmp, 'chain/schools/a/school.json'), 'en');
    expect(compiled.parties.map((p) => p.id).slice(-1)).toEqual(['mentor']);
  });

  it('reads a shipped id as --rules, and a base on its own when it need not route', () => {
    expect(readRuleChain('swv-vo-groningen-ommelanden').ruleset.layers).toHaveLength(2);
    expect(() => readRuleChain('landelijk')).toThrow(UserError); // the parents are the region's
    expect(readRuleChain('landelijk', { routable: false }).ruleset.rules.every((r) => r.layer === 'landelijk')).toBe(true);
  });

  it('switches base rules on and off by id, and a layer may hold no rules', () => {
    const on = write('switch-on.json', layer('on', { extends: 'swv-vo-groningen-ommelanden', enable: ['rmc-16-uur'], disable: ['mazl-jeugdarts'] }));
    const rules = readRuleChain(on).ruleset.rules;
    expect(rules.find((r) => r.id === 'rmc-16-uur')).toMatchObject({ enabled: true, layer: 'swv-vo-groningen-ommelanden', switchedBy: 'on' });
    expect(rules.find((r) => r.id === 'mazl-jeugdarts')).toMatchObject({ enabled: false, switchedBy: 'on' });
  });
});

describe('bad chains: exit 2, the file and the path named', () => {
  it('a layer that extends itself, directly or in a loop', () => {
    const self = write('self.json', layer('self', { extends: './self.json' }));
    expect(refusal(self)).toEqual([`the rule set ${self} is not valid (1 problem)`, `extends: extends makes a loop: ${self} → ${self}`]);
    write('loop-a.json', layer('a', { extends: './loop-b.json' }));
    const b = write('loop-b.json', layer('b', { extends: 'loop-a.json' }));
    const lines = refusal(join(tmp, 'loop-a.json'));
    expect(lines[1]).toBe(`${b}: extends: extends makes a loop: ${join(tmp, 'loop-a.json')} → ${b} → ${join(tmp, 'loop-a.json')}`);
  });

  it('a base that is not there', () => {
    const f = write('orphan.json', layer('orphan', { extends: 'bestaat-niet' }));
    expect(refusal(f)[1]).toMatch(/^extends: the base bestaat-niet was not found \(looked for: .*data\/rules\/bestaat-niet\.json: no such file or folder \(ENOENT\)\)/);
    const g = write('orphan2.json', layer('orphan2', { extends: '../nowhere/base.json' }));
    expect(refusal(g)[1]).toMatch(/^extends: the base \.\.\/nowhere\/base\.json was not found/);
  });

  it('a party declared twice, in one layer or over a base', () => {
    const f = write('parties.json', layer('p', {
      extends: 'swv-vo-groningen-ommelanden',
      parties: [{ id: 'mentor', name: { nl: 'm', en: 'm' } }, { id: 'mentor', name: { nl: 'm', en: 'm' } }, { id: 'leerplicht', name: { nl: 'l', en: 'l' } }],
    }));
    expect(refusal(f).slice(1)).toEqual([
      'parties[1].id: party mentor is already declared (layer p)',
      'parties[2].id: party leerplicht is already declared (layer landelijk)',
    ]);
  });

  it('an unknown party in a rule, with its path', () => {
    const f = write('unknown-party.json', layer('u', { extends: 'swv-vo-groningen-ommelanden', rules: [rule('x', { then: { inform: [{ party: 'conciërge', reason: 'r' }] } })] }));
    expect(refusal(f)[1]).toMatch(/^rules\[0\]\.then\.inform\[0\]\.party: unknown party conciërge \(known: ouders, leerling, .*cluster-2\)$/);
  });

  it('enable or disable of an unknown rule, and a layer switching its own rule', () => {
    const f = write('unknown-rule.json', layer('u', { extends: 'swv-vo-groningen-ommelanden', enable: ['rmc-17-uur'], disable: ['eigen'], rules: [rule('eigen')] }));
    expect(refusal(f).slice(1)).toEqual(['enable[0]: no base layer has a rule rmc-17-uur', 'disable[0]: no base layer has a rule eigen']);
  });

  it('a binding rule switched off: the layer, the rule and the source that makes it binding', () => {
    const f = write('weaker.json', layer('zwakker', { extends: 'swv-vo-groningen-ommelanden', disable: ['leerplicht-16-uur'] }));
    expect(refusal(f)[1]).toBe(
      "disable[0]: layer zwakker disables rule leerplicht-16-uur, but it is binding (layer landelijk, source: Leerplichtwet 1969 art. 21a; DUO 'Soorten verzuim'; Inspectie 'Registreren en melden van ongeoorloofd verzuim' (5 werkdagen na de dag waarop de 16 uur zijn bereikt)); a layer may not switch off a rule the law requires",
    );
  });

  it('a rule id that shadows a base rule', () => {
    const f = write('shadow.json', layer('s', { extends: 'swv-vo-groningen-ommelanden', rules: [rule('leerplicht-luxe')] }));
    expect(refusal(f)[1]).toMatch(/^rules\[0\]\.id: rule id leerplicht-luxe already exists in the base layer landelijk/);
  });

  it('a counting number changed by a layer; problems in a base are named with the base file', () => {
    const base = write('base/own-base.json', layer('own-base', { counting: readRuleChain(undefined).ruleset.counting, parties: [], rules: [rule('a')] }));
    const changed = structuredClone(readRuleChain(undefined).ruleset.counting);
    changed.hours.value = 12;
    const f = write('base/top.json', layer('top', { extends: './own-base.json', counting: changed }));
    expect(refusal(f).slice(1)).toEqual([
      `${base}: rules[0].then.inform[0].party: unknown party leerling (known: )`,
      "counting.hours.value: counting.hours.value is 16 in the base own-base (source: Leerplichtwet 1969 art. 21a; DUO 'Soorten verzuim'); a layer inherits the counting numbers and may not change them",
      'rules: needs an enabled rule without conditions that sets the parents default',
    ]);
  });

  it('a single file from before layers (no parties) gets one line saying what to do', () => {
    const old = write('old-single.json', JSON.parse(readFileSync(new URL('../fixtures/rules/swv-vo-groningen-ommelanden-2026.4-flat.json', import.meta.url), 'utf8')));
    expect(refusal(old).slice(1)).toEqual([
      'parties: a rule set without extends is a base and declares its parties ("parties": [{ "id", "name": { "nl", "en" } }]); to only switch rules on or off, write a layer with "extends": "swv-vo-groningen-ommelanden" or "landelijk"',
    ]);
  });
});
