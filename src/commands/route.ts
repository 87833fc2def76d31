// `zorgroute route`: situations as JSON in, decisions out. Returns data; printing is the CLI's.
import type { CompiledRuleset, Lang } from '../core/routing/compile.js';
import { decide, hasEscalation, type Decision } from '../core/routing/decide.js';
import { issueDetails, UserError } from '../core/errors.js';
import { problem, type Location, type ProblemDetail } from '../core/problems.js';
import { explain, type RuleTrace } from '../core/routing/explain.js';
import { deriveFacts } from '../core/routing/facts.js';
import { parseSituation, studentRefSchema, type Situation } from '../core/routing/situation.js';
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
  /**
   * `--keep-going`: with several situations (an array or NDJSON), a bad one becomes a RouteFailure
   * in the results and the rest is decided (as `batch` does with a bad row); without it, any bad
   * situation stops the run before anything is decided.
   */
  keepGoing?: boolean;
}

/** A situation that could not be decided (`--keep-going`): where it is and what is wrong with it. */
export interface RouteFailure {
  failure: { at: Location; studentRef?: string; details: ProblemDetail[] };
}

export function isRouteFailure(r: RoutedSituation | RouteFailure): r is RouteFailure {
  return 'failure' in r;
}

export interface RoutedSituation {
  situation: Situation;
  decision: Decision;
  trace?: RuleTrace[];
}

export interface RouteResult {
  mode: 'single' | 'multi';
  /** How many situations (all valid, unless keepGoing). */
  count: number;
  /**
   * The decisions, in input order, made as they are read — each call decides again — so that
   * nothing is held per record: `route --log` passes them to the case log in bounded transactions,
   * then prints them.
   */
  results(): Generator<RoutedSituation | RouteFailure>;
  ruleset: CompiledRuleset;
}

const MAX_REPORTED_ISSUES = 50;

/** Validates every record first, so bad input produces no output at all. */
export async function runRoute(options: RouteOptions): Promise<RouteResult> {
  const ruleset = readRuleset(options.rules, options.lang);
  const workingDays = dutchWorkingDays();
  const { text } = await readInputText(options.input);
  const doc = parseInputDocument(text, options.input, options.keepGoing === true);
  const keepGoing = options.keepGoing === true && doc.mode === 'multi';

  const problems: ProblemDetail[] = [];
  for (const record of keepGoing ? [] : doc.records) {
    const parsed = parseSituation(record.value, options.today);
    if (!parsed.ok) problems.push(...issueDetails(parsed.issues, doc.mode === 'single' ? undefined : record.at));
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_ISSUES);
    if (problems.length > shown.length) shown.push({ problem: problem('more-problems', { count: problems.length - shown.length }) });
    throw new UserError(problem('situation-invalid', { file: options.input }), { details: shown, hint: problem('hint-readme-situation') });
  }

  function* results(): Generator<RoutedSituation | RouteFailure> {
    for (const record of doc.records) {
      let value: unknown;
      try {
        value = record.value;
      } catch (error) {
        if (!(error instanceof UserError) || error.problem === undefined) throw error;
        yield { failure: { at: record.at, details: [{ problem: error.problem }] } };
        continue;
      }
      const parsed = parseSituation(value, options.today);
      if (!parsed.ok) {
        // without keepGoing this cannot happen: every record was checked above
        const ref = studentRefSchema.safeParse((value as { studentRef?: unknown } | null)?.studentRef); // the privacy guard's
        const studentRef = ref.success ? ref.data : undefined;
        yield { failure: { at: record.at, ...(studentRef ? { studentRef } : {}), details: issueDetails(parsed.issues) } };
        continue;
      }
      const situation: Situation = parsed.value;
      const facts = deriveFacts(situation);
      const decision = decide(situation, ruleset, workingDays, facts);
      yield options.explain ? { situation, decision, trace: explain(situation, ruleset, facts) } : { situation, decision };
    }
  }
  return { mode: doc.mode, count: doc.records.length, results, ruleset };
}

export { hasEscalation };
