// What `zorgroute rules` prints for people: the list, a chain rule by rule (within 80 columns),
// a test run with its coverage, and a diff. The graph text is drawn in print/rules-graph.ts.
import type { ShippedRuleset, ShownChain } from '../../commands/rules/inspect.js';
import type { RulesTestResult } from '../../commands/rules/test.js';
import type { RulesDiffResult } from '../../commands/rules/diff.js';
import type { Routing } from '../../core/ruleset-tools/rules-diff.js';
import { changedLayers } from '../../core/ruleset-tools/rules-diff.js';
import type { RuleState } from '../../core/ruleset-tools/chain-view.js';
import { isAbsolute, relative } from 'node:path';
import { wrapLines } from '../layout.js';
import type { RulesMessages } from '../messages/rules/rules.js';
import type { Style } from '../style.js';
import { formatTable } from './decision.js';

/** Text from a rule file reaches the terminal without its control characters. */
export const shownText = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '�');

/** A file as the reader can find it: relative to the working folder when it lies within it. */
export function shownFile(file: string): string {
  const rel = relative(process.cwd(), file);
  return shownText(rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file);
}

/** `rules show` fits 80 columns on a terminal and off one (a page to read or to print). */
const SHOW_WIDTH = 80;

export function formatRulesetList(style: Style, m: RulesMessages, list: readonly ShippedRuleset[]): string {
  const rows = list.map((r) => [r.id, r.chain.join(' → '), r.version, String(r.rules), `${shownText(r.title)}${r.isDefault ? ` ${m.isDefault}` : ''}`]);
  return formatTable(style, m.listHead, rows, { right: [3] });
}

function stateText(style: Style, m: RulesMessages, state: RuleState): string {
  const c = style.color;
  return state === 'binding' ? c.bold(m.state.binding) : state === 'off' ? c.dim(m.state.off) : m.state.on;
}

export function formatChain(style: Style, m: RulesMessages, chain: ShownChain): string {
  const width = Math.min(style.width ?? SHOW_WIDTH, SHOW_WIDTH);
  const c = style.color;
  const out: string[] = [...wrapLines(c.bold(shownText(chain.title)), width)];
  const stateWidth = Math.max(...Object.values(m.state).map((s) => s.length));
  for (const layer of chain.layers) {
    out.push('', ...wrapLines(c.bold(m.layer(layer.id, layer.version, shownFile(layer.file))), width, '', '  '));
    const parties = chain.parties.filter((p) => p.layer === layer.id).map((p) => `${shownText(p.name)} (${p.id})`);
    if (parties.length > 0) out.push(...wrapLines(m.partiesLine(parties.join(', ')), width, '  ', '    '));
    for (const rule of chain.rules.filter((r) => r.layer === layer.id)) {
      const pad = ' '.repeat(stateWidth - m.state[rule.state].length);
      const switched = rule.switchedBy === null ? '' : `  ${c.dim(`(${m.switchedBy(rule.state === 'off' ? m.state.off : m.state.on, rule.switchedBy)})`)}`;
      out.push(`  ${stateText(style, m, rule.state)}${pad}  ${c.cyan(rule.id)}${switched}`);
      const indent = ' '.repeat(stateWidth + 4);
      out.push(...wrapLines(shownText(rule.title), width, indent, indent));
      out.push(...wrapLines(c.dim(shownText(rule.source)), width, indent, indent));
    }
  }
  const count = (s: RuleState): number => chain.rules.filter((r) => r.state === s).length;
  out.push('', ...wrapLines(m.showSummary(chain.rules.length, count('on') + count('binding'), count('off'), count('binding')), width));
  return out.join('\n');
}

export function formatRulesTest(style: Style, m: RulesMessages, result: RulesTestResult): string {
  const c = style.color;
  const out: string[] = [];
  for (const layer of result.layers) {
    out.push(...wrapLines(layer.count === null ? c.yellow(m.noCasesFile(layer.layer, shownFile(layer.file))) : c.bold(m.casesOf(layer.layer, shownFile(layer.file), layer.count)), style.width, '', '  '));
    for (const r of result.cases.filter((x) => x.layer === layer.layer)) {
      out.push(...wrapLines(`${r.passed ? c.green('✓') : c.red('✗')} ${shownText(r.name)}`, style.width, '  ', '    '));
      for (const mm of r.mismatches) out.push(...wrapLines(c.red(m.mismatch(mm)), style.width, '      ', '      '));
    }
  }
  const covered = result.coverage.filter((x) => x.covered).length;
  out.push('', ...wrapLines(c.bold(m.coverageTitle(covered, result.coverage.length)), style.width));
  for (const u of result.uncovered) out.push(...wrapLines(c.red(m.uncovered(u.id, u.layer, u.fired)), style.width, '  ', '    '));
  const summary = m.testSummary(result.cases.length - result.failed, result.failed, result.uncovered.length);
  out.push(...wrapLines(result.ok ? c.green(summary) : c.red(summary), style.width));
  return out.join('\n');
}

function routingText(style: Style, m: RulesMessages, r: Routing): string {
  const parts = [...r.escalations.map((e) => `→ ${e}`), ...r.todos.map((t) => `☐ ${t}`)];
  const informs = r.informs.filter((p) => !r.escalations.some((e) => e.startsWith(`${p}:`)));
  if (informs.length > 0) parts.push(informs.join(', '));
  parts.push(m.routeParents(style.msgs.involve[r.parents]));
  return parts.join('; ');
}

export function formatRulesDiff(style: Style, m: RulesMessages, result: RulesDiffResult): string {
  const c = style.color;
  const out: string[] = [...wrapLines(c.bold(m.diffTitle(shownFile(result.before.file), shownFile(result.after.file))), style.width, '', '  ')];
  if (result.changes.length === 0) out.push(m.noRuleChanges);
  for (const layer of changedLayers(result.changes)) {
    out.push(c.bold(m.layerHead(layer)));
    for (const ch of result.changes.filter((x) => x.layer === layer)) {
      const line =
        ch.kind === 'added'
          ? c.green(m.added(ch.id, m.state[ch.state]))
          : ch.kind === 'removed'
            ? c.red(m.removed(ch.id))
            : ch.kind === 'switched'
              ? c.yellow(m.switched(ch.id, m.state[ch.from], m.state[ch.to]))
              : m.changed(ch.id, ch.aspects.map((a) => m.aspect[a]).join(', '));
      out.push(...wrapLines(line, style.width, '  ', '    '));
    }
  }
  const log = result.log;
  if (log !== null) {
    if (log.changed.length > 0) {
      const rows = log.changed.map((x) => [`#${x.caseId}`, shownText(x.studentRef), routingText(style, m, x.before), routingText(style, m, x.after)]);
      out.push('', formatTable(style, m.logHead, rows));
    }
    out.push('', ...wrapLines(m.logSummary(log.changed.length, log.unchanged, log.unreadable), style.width));
  }
  return out.join('\n');
}
