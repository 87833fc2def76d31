// Reads a rule set: the file named (or a shipped id) and every layer it `extends`, base first; each
// file's JSON and shape, then the merge of core/routing/layers.ts into one effective rule set, then
// (readRuleset) the compile. Every problem of every layer is reported at once, with its file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { compileRuleset, type CompiledRuleset, type Lang } from '../../core/routing/compile.js';
import { UserError, type Detail } from '../../core/errors.js';
import { problem } from '../../core/problems.js';
import { MAX_CHAIN_DEPTH, mergeLayers, parseRuleLayer, type LayerInput, type LayerIssue, type MergeOptions } from '../../core/routing/layers.js';
import type { Ruleset } from '../../core/routing/ruleset.js';
import { parseJsonText } from '../json-text.js';
import { packageRoot } from '../package-root.js';

/** The rule set `--rules` defaults to. */
export const DEFAULT_RULESET_ID = 'swv-vo-groningen-ommelanden';

export function shippedRulesFolder(): string {
  return join(packageRoot(), 'data', 'rules');
}

export function shippedRulesetPath(id: string): string {
  return join(shippedRulesFolder(), `${id}.json`);
}

export function defaultRulesetPath(): string {
  return shippedRulesetPath(DEFAULT_RULESET_ID);
}

/** A shipped id is a kebab-case name: no folder, no `.json`. */
function isShippedId(ref: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(ref);
}

/**
 * The file `--rules REF` means: a path as given; a bare id (`landelijk`) that is not a file here is
 * the shipped `data/rules/<id>.json`.
 */
export function resolveRulesRef(ref: string | undefined): string {
  if (ref === undefined) return defaultRulesetPath();
  if (isShippedId(ref) && !existsSync(ref) && existsSync(shippedRulesetPath(ref))) return shippedRulesetPath(ref);
  return ref;
}

/** A checked rule set before compiling: plain data, for a worker thread to compile for itself. */
export interface RulesetSource {
  /** The effective rule set of the chain (rules with their layer, switches applied). */
  ruleset: Ruleset;
  /** Of the file named (the top layer); `ruleset.layers` has every layer's. */
  sha256: string;
}

/** A chain as read: every layer with its file, base first, and the effective set. */
export interface RuleChain extends RulesetSource {
  /** The file named, as resolved. */
  file: string;
  layers: LayerInput[];
}

function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UserError(problem('cannot-read', { file, errno: (error as NodeJS.ErrnoException).code, what: 'ruleset' }), {
      hint: problem('hint-rules-file'),
    });
  }
}

/** Where an `extends` value points, seen from the file that says it. */
function baseFile(ref: string, from: string): string {
  return isShippedId(ref) ? shippedRulesetPath(ref) : resolve(dirname(from), ref);
}

function identity(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return resolve(file);
  }
}

function refuse(named: string, issues: readonly LayerIssue[]): never {
  // The file named heads the error; a line from another layer's file says which file.
  const top = identity(named);
  const details: Detail[] = issues.map((i) =>
    i.file === '' || identity(i.file) === top ? { path: i.path, problem: i.problem } : { at: { file: i.file }, path: i.path, problem: i.problem },
  );
  throw new UserError(problem('ruleset-invalid', { file: named, count: issues.length }), { details, hint: problem('hint-readme-rules') });
}

/**
 * Reads the chain of `ref` (a path, a shipped id, or undefined for the default): each file, then its
 * `extends`, to any depth, refusing a loop, a missing base and a chain deeper than MAX_CHAIN_DEPTH.
 * The named file itself must be readable (else `cannot-read`); every other problem of every layer is
 * gathered and thrown as one `ruleset-invalid` naming the file, each line with its path.
 */
export function readRuleChain(ref: string | undefined, options: MergeOptions = {}): RuleChain {
  const named = resolveRulesRef(ref);
  const top: LayerInput[] = [];
  const issues: LayerIssue[] = [];
  const seen: string[] = [];
  const names: string[] = [];
  let file = named;
  let bytes = readBytes(named);
  for (;;) {
    seen.push(identity(file));
    names.push(resolve(file));
    const json = parseJsonText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file);
    const parsed = parseRuleLayer(json, file);
    const rawExtends = (json as { extends?: unknown } | null)?.extends;
    const next = parsed.ok ? parsed.value.extends : typeof rawExtends === 'string' && rawExtends !== '' ? rawExtends : undefined;
    if (parsed.ok) top.push({ file, sha256: sha256Of(bytes), layer: parsed.value });
    else issues.push(...parsed.issues);
    if (next === undefined) break;
    const base = baseFile(next, file);
    if (seen.includes(identity(base))) {
      issues.push({ file, path: 'extends', problem: problem('extends-cycle', { chain: [...names, base] }) });
      break;
    }
    if (seen.length >= MAX_CHAIN_DEPTH) {
      issues.push({ file, path: 'extends', problem: problem('chain-too-deep', { max: MAX_CHAIN_DEPTH }) });
      break;
    }
    try {
      bytes = readFileSync(base);
    } catch (error) {
      issues.push({ file, path: 'extends', problem: problem('base-not-found', { base: next, file: base, errno: (error as NodeJS.ErrnoException).code }) });
      break;
    }
    file = base;
  }
  if (issues.length > 0) refuse(named, issues);
  const layers = top.reverse();
  const merged = mergeLayers(layers, options);
  if (!merged.ok) refuse(named, merged.issues);
  return { file: named, layers, ruleset: merged.value, sha256: layers[layers.length - 1]!.sha256 };
}

export function readRulesetSource(ref: string | undefined): RulesetSource {
  const { ruleset, sha256 } = readRuleChain(ref);
  return { ruleset, sha256 };
}

/** The chain of `ref`, merged and compiled once (decide() then walks the compiled rules only). */
export function readRuleset(ref: string | undefined, lang: Lang): CompiledRuleset {
  const { ruleset, sha256 } = readRulesetSource(ref);
  return compileRuleset(ruleset, sha256, lang);
}
