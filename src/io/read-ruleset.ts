// Reads a rule-set file: JSON, then the shape and semantic checks of core/ruleset, then compiles.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRuleset, type CompiledRuleset, type Lang } from '../core/routing/compile.js';
import { issueDetails, UserError } from '../core/errors.js';
import { problem } from '../core/problems.js';
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
    throw new UserError(problem('cannot-read', { file, errno: (error as NodeJS.ErrnoException).code, what: 'ruleset' }), {
      hint: problem('hint-rules-file'),
    });
  }
  const json = parseJsonText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
  const parsed = parseRuleset(json);
  if (!parsed.ok) {
    throw new UserError(problem('ruleset-invalid', { file, count: parsed.issues.length }), {
      details: issueDetails(parsed.issues),
      hint: problem('hint-readme-rules'),
    });
  }
  return { ruleset: parsed.value, sha256: createHash('sha256').update(bytes).digest('hex') };
}
