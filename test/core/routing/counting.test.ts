// The rule set's counting numbers: read from the file, each with its source, and refused at load
// when a rule's condition on a counted fact contradicts them.
import { describe, expect, it } from 'vitest';
import { parseRuleset } from '../../../src/core/routing/layers.js';
import type { FlatRuleset as Ruleset } from '../../../src/core/routing/ruleset.js';
import { compile, defaultRulesetJson } from '../../factories.js';
import { enIssue, nlIssue } from '../../words.js';

const problems = (json: unknown, words = enIssue): string[] => {
  const r = parseRuleset(json);
  return r.ok ? [] : r.issues.map(words);
};
const indexOf = (json: Ruleset, id: string): number => json.rules.findIndex((r) => r.id === id);

describe('the counting section', () => {
  it('the shipped rule set carries every number with its source, and compiles them for the counting', () => {
    const json = defaultRulesetJson();
    for (const [key, entry] of Object.entries(json.counting)) {
      expect(entry.source.length, key).toBeGreaterThan(0);
      expect(entry.title, key).toBeTruthy();
    }
    expect(compile(json).counting).toEqual({ hours: 16, hoursWeeks: 4, langdurigWeeks: 4, rmcWeeks: 4, sickReports: 4, sickReportWeeks: 12, sickDays: 7, repeatDays: 7, repeatMax: 4 });
  });

  it('a rule set without it, or a number without a source, is refused with the path', () => {
    const json = defaultRulesetJson() as unknown as Record<string, unknown>;
    const { counting, ...without } = json as { counting: Record<string, Record<string, unknown>> };
    expect(problems(without)).toEqual([expect.stringMatching(/^counting: /)]);
    const noSource = { ...json, counting: { ...counting, repeatDays: { value: 7, title: 't' } } };
    expect(problems(noSource)).toEqual([expect.stringMatching(/^counting\.repeatDays\.source: /)]);
    const zero = { ...json, counting: { ...counting, hoursWeeks: { ...counting.hoursWeeks, value: 0 } } };
    expect(problems(zero)).toEqual([expect.stringMatching(/^counting\.hoursWeeks\.value: /)]);
    // DUO allows a herhaalmelding once per 7 days, not less often.
    const fortnightly = { ...json, counting: { ...counting, repeatDays: { ...counting.repeatDays, value: 14 } } };
    expect(problems(fortnightly)).toEqual(['counting.repeatDays.value: expected at most 7']);
  });

  it("refuses a rule whose threshold contradicts the counting, naming the rule, the field and the counting number", () => {
    const json = defaultRulesetJson();
    const i = indexOf(json, 'leerplicht-16-uur');
    (json.rules[i]!.when as { all: { fact: string; value: unknown }[] }).all[2]!.value = 12;
    expect(problems(json)).toEqual([
      `rules[${i}].when.all[2].value: rule leerplicht-16-uur: unexcusedHours4w gte 12 contradicts the counting (counting.hours.value = 16); write gte 16 or lt 16, or change counting`,
    ]);
    expect(problems(json, nlIssue)).toEqual([
      `rules[${i}].when.all[2].value: regel leerplicht-16-uur: unexcusedHours4w gte 12 spreekt het tellen tegen (counting.hours.value = 16); schrijf gte 16 of lt 16, of pas counting aan`,
    ]);
  });

  it('changing a counting number alone names every rule that still uses the old one', () => {
    const json = defaultRulesetJson();
    json.counting.langdurigWeeks.value = 6;
    expect(problems(json)).toEqual([expect.stringMatching(new RegExp(`^rules\\[${indexOf(json, 'leerplicht-langdurig')}\\]\\.when\\.all\\[2\\]\\.value: rule leerplicht-langdurig: unexcusedWeeks gt 4 contradicts the counting \\(counting\\.langdurigWeeks\\.value = 6, counting\\.rmcWeeks\\.value = 4\\)`))]);
    const hours = defaultRulesetJson();
    hours.counting.hours.value = 12;
    expect(problems(hours).map((p) => p.match(/rule ([a-z0-9-]+):/)![1])).toEqual(['rmc-16-uur', 'leerplicht-16-uur', 'leerplicht-overig-verzuim']);
  });

  it('accepts the two when they agree: threshold, complement, and comparisons with 0', () => {
    const json = defaultRulesetJson();
    json.counting.sickDays.value = 10;
    const mazl = json.rules[indexOf(json, 'mazl-jeugdarts')]!;
    (mazl.when as { any: { value: unknown }[] }).any[1]!.value = 10;
    expect(problems(json)).toEqual([]);
    mazl.when = { all: [{ fact: 'sickDaysInRow', op: 'gt', value: 0 }, { not: { fact: 'sickDaysInRow', op: 'lt', value: 10 } }] };
    expect(problems(json)).toEqual([]);
  });

  it('looks inside any, all and not, also in disabled rules', () => {
    const json = defaultRulesetJson();
    const mazl = json.rules[indexOf(json, 'mazl-jeugdarts')]!;
    mazl.enabled = false;
    mazl.when = { not: { any: [{ fact: 'sickReports12w', op: 'gte', value: 3 }] } };
    expect(problems(json)).toEqual([expect.stringMatching(/\.when\.not\.any\[0\]\.value: rule mazl-jeugdarts: sickReports12w gte 3 contradicts the counting \(counting\.sickReports\.value = 4\); write gte 4 or lt 4/)]);
  });
});

describe("the shipped rule set's counting texts", () => {
  it('name the numbers of its counting section', () => {
    const json = defaultRulesetJson();
    const rule = json.rules.find((r) => r.id === 'leerplicht-16-uur')!;
    const c = json.counting;
    const text = rule.counting as { nl: string; en: string };
    expect(text.nl).toContain(`+ ${c.repeatDays.value} kalenderdagen`);
    expect(text.nl).toContain(`hoogstens ${c.repeatMax.value} herhaalmeldingen`);
    expect(text.nl).toContain(`${c.hoursWeeks.value} lesweken`);
    expect(text.en).toContain(`+ ${c.repeatDays.value} calendar days`);
    expect(text.en).toContain(`at most ${c.repeatMax.value} herhaalmeldingen`);
    const langdurig = json.rules.find((r) => r.id === 'leerplicht-langdurig')!.counting as { nl: string; en: string };
    expect(langdurig.nl).toContain(`meer dan ${c.langdurigWeeks.value} weken`);
    const mazl = json.rules.find((r) => r.id === 'mazl-jeugdarts')!.counting as { nl: string; en: string };
    expect(mazl.en).toContain(`within ${c.sickReportWeeks.value} lesweken`);
    expect(mazl.en).toContain(`the ${c.sickDays.value}th consecutive school day sick`);
  });
});
