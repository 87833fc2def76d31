// Reads a rule-set file: JSON, then the shape and semantic checks of core/ruleset, then compiles.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRuleset, type CompiledRuleset, type Lang } from '../core/routing/compile.js';
import { issueLines, UserError } from '../core/errors.js';
import { parseRuleset, type Ruleset } from '../core/routing/ruleset.js';
import { parseJsonText } from './json-text.js';
import { packageRoot } from './package-root.js';

export function defaultRulesetPath(): string {
  return join(packageRoot(), 'data', 'rules', 'swv-vo-groningen-ommelanden.json');
}

export function readRuleset(path: string | undefined, lang: Lang): CompiledRuleset {
  const { ruleset, sha256 } = readRulesetSource(path);
  return compileRuleset(ruleset, sha256, lang);
}

/** A checked rule set before compiling: plain data, for a worker thread to compile for itself. */
export interface RulesetSource {
  ruleset: Ruleset;
  sha256: string;
}

export function readRulesetSource(path: string | undefined): RulesetSource {
  const file = path ?? defaultRulesetPath();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UserError(`cannot read the rule set ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
      hint: 'give an existing file with --rules FILE, or leave --rules out for the default rule set',
    });
  }
  const json = parseJsonText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
  const parsed = parseRuleset(json);
  if (!parsed.ok) {
    throw new UserError(`the rule set ${file} is not valid (${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'})`, {
      details: issueLines(parsed.issues),
      hint: 'see "Rules file format" in the README',
    });
  }
  return { ruleset: parsed.value, sha256: createHash('sha256').update(bytes).digest('hex') };
}
