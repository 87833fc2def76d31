// `zorgroute route`: situations as JSON in, decisions out. Returns data; printing is the CLI's.
import type { CompiledRuleset, Lang } from '../core/routing/compile.js';
import { decide, hasEscalation, type Decision } from '../core/routing/decide.js';
import { issueLines, UserError } from '../core/errors.js';
import { explain, type RuleTrace } from '../core/routing/explain.js';
import { deriveFacts } from '../core/routing/facts.js';
import { parseSituation, type Situation } from '../core/routing/situation.js';
import { parseInputDocument, readInputText } from '../io/read-input.js';
import { dutchWorkingDays } from '../io/public-holidays.js';
import { readRuleset } from '../io/read-ruleset.js';

export interface RouteOptions {
  /** A file path, or `-` for stdin. */
  input: string;
  rules?: string | undefined;
  explain: boolean;
  lang: Lang;
  /** The reference date for situations that give none (the caller reads the clock). */
  today: string;
}

export interface RoutedSituation {
  situation: Situation;
  decision: Decision;
  trace?: RuleTrace[];
}

export interface RouteResult {
  mode: 'single' | 'multi';
  results: RoutedSituation[];
  ruleset: CompiledRuleset;
  anyEscalation: boolean;
}

const MAX_REPORTED_ISSUES = 50;

/** Validates every record first, so bad input produces no output at all. */
export function runRoute(options: RouteOptions): RouteResult {
  const ruleset = readRuleset(options.rules, options.lang);
  const workingDays = dutchWorkingDays();
  const { text, label } = readInputText(options.input);
  const doc = parseInputDocument(text, label);

  const situations: Situation[] = [];
  const problems: string[] = [];
  for (const record of doc.records) {
    const parsed = parseSituation(record.value, options.today);
    if (parsed.ok) situations.push(parsed.value);
    else problems.push(...issueLines(parsed.issues, doc.mode === 'single' ? '' : `${record.label}: `));
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_ISSUES);
    if (problems.length > shown.length) shown.push(`… and ${problems.length - shown.length} more`);
    throw new UserError(`invalid situation in ${label}`, { details: shown, hint: 'see "The situation" in the README for every field' });
  }

  const results = situations.map((situation): RoutedSituation => {
    const facts = deriveFacts(situation);
    const decision = decide(situation, ruleset, workingDays, facts);
    return options.explain ? { situation, decision, trace: explain(situation, ruleset, facts) } : { situation, decision };
  });
  return { mode: doc.mode, results, ruleset, anyEscalation: results.some((r) => hasEscalation(r.decision)) };
}
