// `zorgroute route`: situations as JSON in, decisions out. Returns data; printing is the CLI's.
import type { CompiledRuleset, Lang } from '../core/routing/compile.js';
import { decide, hasEscalation, type Decision } from '../core/routing/decide.js';
import { issueDetails, UserError } from '../core/errors.js';
import { problem, type ProblemDetail } from '../core/problems.js';
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
  const { text } = readInputText(options.input);
  const doc = parseInputDocument(text, options.input);

  const situations: Situation[] = [];
  const problems: ProblemDetail[] = [];
  for (const record of doc.records) {
    const parsed = parseSituation(record.value, options.today);
    if (parsed.ok) situations.push(parsed.value);
    else problems.push(...issueDetails(parsed.issues, doc.mode === 'single' ? undefined : record.at));
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_ISSUES);
    if (problems.length > shown.length) shown.push({ problem: problem('more-problems', { count: problems.length - shown.length }) });
    throw new UserError(problem('situation-invalid', { file: options.input }), { details: shown, hint: problem('hint-readme-situation') });
  }

  const results = situations.map((situation): RoutedSituation => {
    const facts = deriveFacts(situation);
    const decision = decide(situation, ruleset, workingDays, facts);
    return options.explain ? { situation, decision, trace: explain(situation, ruleset, facts) } : { situation, decision };
  });
  return { mode: doc.mode, results, ruleset, anyEscalation: results.some((r) => hasEscalation(r.decision)) };
}
