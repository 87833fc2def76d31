// The `rules` commands of the commander program (added by main.ts): list, show, validate, test,
// diff and graph, with their words from ui/messages/rules/rules.ts.
import { Option, type Command } from 'commander';
import { EXIT, UserError } from '../core/errors.js';
import { RulesProblem } from '../core/ruleset-tools/rules-problem.js';
import type { Lang } from '../core/routing/compile.js';
import type { CliWords } from '../ui/messages/cli.js';
import { resolveLang } from '../ui/messages/messages.js';
import { rulesMessagesFor, type RulesMessages } from '../ui/messages/rules/rules.js';
import { dbOption, env, langOption, out, outPaged, stdoutStyle, wordedBy } from './common.js';

interface RulesFlags {
  json?: boolean;
  lang?: string;
}

const json = (value: unknown): void => out(JSON.stringify(value, null, 2));

/** A rules problem in the catalogue's words; any other error as it is. */
function worded(m: RulesMessages, error: unknown): unknown {
  if (!(error instanceof RulesProblem)) return error;
  const w = m.problem(error.rules);
  return new UserError(w.message, { hint: w.hint, details: error.details, exitCode: error.exitCode });
}

async function context(flags: RulesFlags) {
  const lang: Lang = resolveLang(flags.lang, env);
  const [print, { messagesFor }] = await Promise.all([import('../ui/print/rules.js'), import('../ui/messages/messages.js')]);
  return { lang, m: rulesMessagesFor(lang), print, msgs: messagesFor(lang), style: stdoutStyle(lang) };
}

/** Runs an action with its problems worded in the output's language. */
const wording = wordedBy((error, lang) => worded(rulesMessagesFor(lang), error));

export function addRulesCommands(program: Command, w: CliWords, lang: Lang): void {
  const h = rulesMessagesFor(lang).help;
  const rules = program.command('rules').description(h.command.rules);
  const common = (cmd: Command): Command => cmd.option('--json', h.option.json).addOption(langOption(w));
  const ref = `[id|${w.placeholder.file}]`;

  common(rules.command('list').description(h.command.list)).action(
    wording(async (flags: RulesFlags) => {
      const { lang: l, m, print, style } = await context(flags);
      const { listRulesets } = await import('../commands/rules/inspect.js');
      const list = listRulesets(l);
      if (flags.json) json(list);
      else await outPaged(print.formatRulesetList(style, m, list));
    }),
  );

  common(rules.command('show').description(h.command.show))
    .argument(ref, h.argument.ref)
    .action(
      wording(async (name: string | undefined, flags: RulesFlags) => {
        const { lang: l, m, print, style } = await context(flags);
        const { showChain } = await import('../commands/rules/inspect.js');
        const chain = showChain({ rules: name, lang: l });
        if (flags.json) json(chain);
        else await outPaged(print.formatChain(style, m, chain));
      }),
    );

  common(rules.command('validate').description(h.command.validate))
    .argument(`<${w.placeholder.file}>`, h.argument.file)
    .action(
      wording(async (file: string, flags: RulesFlags) => {
        const { lang: l, m } = await context(flags);
        const { validateRules } = await import('../commands/rules/inspect.js');
        const result = validateRules({ file, lang: l });
        if (flags.json) {
          const { detailText } = await import('../ui/messages/errors/catalogue.js');
          const wordingOf = { lang: l, cmd: 'zorgroute' };
          json({ ...result, problems: result.problems.map((p) => ({ file: p.file, path: p.path ?? '', kind: p.problem.kind, params: p.problem.params, message: detailText(wordingOf, { problem: p.problem }) })) });
          if (!result.valid) process.exitCode = EXIT.usage;
          return;
        }
        if (!result.valid) {
          const files = [...new Set(result.problems.map((p) => p.file))];
          const details = files.flatMap((f) => result.problems.filter((p) => p.file === f).map((p) => (files.length > 1 || f !== result.file ? { ...p, label: `${f}: ` } : p)));
          throw new UserError(m.invalid(result.file, result.problems.length), { details, hint: m.invalidHint });
        }
        out(m.valid(result.file, result.casesFile));
      }),
    );

  common(rules.command('test').description(h.command.test))
    .argument(ref, h.argument.ref)
    .action(
      wording(async (name: string | undefined, flags: RulesFlags) => {
        const { lang: l, m, print, style } = await context(flags);
        const { runRulesTest } = await import('../commands/rules/test.js');
        const result = runRulesTest({ rules: name, lang: l });
        if (flags.json) json(result);
        else await outPaged(print.formatRulesTest(style, m, result));
        if (!result.ok) process.exitCode = 1; // a failing case or an uncovered rule, as a test runner does
      }),
    );

  common(rules.command('diff').description(h.command.diff))
    .argument(`<${h.placeholder.old}>`, h.argument.old)
    .argument(`<${h.placeholder.new}>`, h.argument.new)
    .option('--against-log', h.option.againstLog)
    .addOption(dbOption(w))
    .action(
      wording(async (before: string, after: string, flags: RulesFlags & { againstLog?: boolean; db?: string }) => {
        if (flags.db !== undefined && !flags.againstLog) throw new RulesProblem({ kind: 'db-needs-against-log' });
        const { lang: l, m, print, style } = await context(flags);
        const [{ runRulesDiff }, { resolveDbLocation }] = await Promise.all([import('../commands/rules/diff.js'), import('../io/db/db-path.js')]);
        const result = runRulesDiff({ before, after, againstLog: flags.againstLog ? resolveDbLocation(flags.db, env) : null, lang: l });
        if (flags.json) {
          const base = { before: result.before, after: result.after, rules: result.changes };
          json(result.log === null ? base : { ...base, changed: result.log.changed, unchanged: result.log.unchanged, unreadable: result.log.unreadable });
        } else await outPaged(print.formatRulesDiff(style, m, result));
        if (result.log !== null && result.log.changed.length > 0) process.exitCode = EXIT.escalation;
      }),
    );

  common(rules.command('graph').description(h.command.graph))
    .argument(ref, h.argument.ref)
    .addOption(new Option(`--format <${w.placeholder.format}>`, h.option.format).choices(['mermaid', 'dot']).default('mermaid'))
    .action(
      wording(async (name: string | undefined, flags: RulesFlags & { format: 'mermaid' | 'dot' }) => {
        const { lang: l, m, msgs } = await context(flags);
        const [{ graphRules }, { formatMermaid, formatDot }] = await Promise.all([import('../commands/rules/graph.js'), import('../ui/print/rules-graph.js')]);
        const { graph, file, title, parties } = graphRules({ rules: name, lang: l });
        const names = new Map(parties.map((p) => [p.id, p.name]));
        const party = (id: string): string => names.get(id) ?? id;
        if (flags.json) json({ file, title, graph });
        else process.stdout.write((flags.format === 'dot' ? formatDot : formatMermaid)(graph, { words: m.graph, party, involve: (v: string) => (Object.hasOwn(msgs.involve, v) ? (msgs.involve as Record<string, string>)[v]! : v) }));
      }),
    );
}
