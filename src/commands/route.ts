// `zorgroute route`: situations as JSON in, decisions out. Returns data; printing is the CLI's.
import type { CompiledRuleset, Lang } from '../core/routing/compile.js';
import { decide, hasEscalation, type Decision } from '../core/routing/decide.js';
import { issueDetails, UserError } from '../core/errors.js';
import { problem, type ProblemDetail } from '../core/problems.js';
import { explain, type RuleTrace } from '../core/routing/explain.js';
import { deriveFacts } from '../core/routing/facts.js';
import { parseSituation, type Situation } from '../core/routing/situation.js';
import { parseInputDocument, readInputText } from '../io/read-input.js';
import { dutchWorkingDays } from '../io/calendar/public-holidays.js';
import { readRuleset } from '../io/rules/read-ruleset.js';

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
  /** How many situations (all valid). */
  count: number;
  /**
   * The decisions, in input order, made as they are read — each call decides again — so that
   * nothing is held per record: `route --log` passes them to the case log in bounded transactions,
   * then prints them.
   */
  results(): Generator<RoutedSituation>;
  ruleset: CompiledRuleset;
}

const MAX_REPORTED_ISSUES = 50;

/** Validates every record first, so bad input produces no output at all. */
export function runRoute(options: RouteOptions): RouteResult {
  const ruleset = readRuleset(options.rules, options.lang);
  const workingDays = dutchWorkingDays();
  const { text } = readInputText(options.input);
  const doc = parseInputDocument(text, options.input);

  const problems: ProblemDetail[] = [];
  for (const record of doc.records) {
    const parsed = parseSituation(record.value, options.today);
    if (!parsed.ok) problems.push(...issueDetails(parsed.issues, doc.mode === 'single' ? undefined : record.at));
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_ISSUES);
    if (problems.length > shown.length) shown.push({ problem: problem('more-problems', { count: problems.length - shown.length }) });
    throw new UserError(problem('situation-invalid', { file: options.input }), { details: shown, hint: problem('hint-readme-situation') });
  }

  function* results(): Generator<RoutedSituation> {
    for (const record of doc.records) {
      const parsed = parseSituation(record.value, options.today);
      if (!parsed.ok) continue; // cannot happen: every record was checked above
      const situation: Situation = parsed.value;
      const facts = deriveFacts(situation);
      const decision = decide(situation, ruleset, workingDays, facts);
      yield options.explain ? { situation, decision, trace: explain(situation, ruleset, facts) } : { situation, decision };
    }
  }
  return { mode: doc.mode, count: doc.records.length, results, ruleset };
}

export { hasEscalation };
