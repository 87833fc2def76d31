// Reads the test cases beside a rule layer (`<layer>.cases.json`): JSON, then core/rule-cases.
import { existsSync, readFileSync } from 'node:fs';
import { issueDetails } from '../../core/errors.js';
import { parseRuleCases, type RuleCase } from '../../core/ruleset-tools/rule-cases.js';
import { RulesProblem } from '../../core/ruleset-tools/rules-problem.js';
import { parseJsonText } from '../json-text.js';

/** `data/rules/landelijk.json` → `data/rules/landelijk.cases.json`. */
export function casesFileOf(rulesFile: string): string {
  return rulesFile.replace(/(\.json)?$/i, '.cases.json');
}

/** The cases, or null when the layer has no cases file. */
export function readRuleCases(file: string): RuleCase[] | null {
  if (!existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new RulesProblem({ kind: 'cases-unreadable', file, errno: (error as NodeJS.ErrnoException).code });
  }
  const parsed = parseRuleCases(parseJsonText(text, file));
  if (!parsed.ok) throw new RulesProblem({ kind: 'cases-invalid', file, count: parsed.issues.length }, issueDetails(parsed.issues));
  return parsed.cases;
}
