// The words of `zorgroute rules` (list, show, validate, test, diff, graph) in Dutch and English:
// its --help texts, what it prints and its problems (core/ruleset-tools/rules-problem.ts).
import type { Lang } from '../../../core/routing/compile.js';
import type { RuleState } from '../../../core/ruleset-tools/chain-view.js';
import type { RulesProblemKind } from '../../../core/ruleset-tools/rules-problem.js';
import type { Mismatch } from '../../../core/ruleset-tools/rule-cases.js';
import type { RuleAspect } from '../../../core/ruleset-tools/rules-diff.js';

export interface RulesHelp {
  command: Record<'rules' | 'list' | 'show' | 'validate' | 'test' | 'diff' | 'graph', string>;
  argument: Record<'ref' | 'file' | 'old' | 'new', string>;
  option: Record<'json' | 'againstLog' | 'format', string>;
  placeholder: Record<'old' | 'new', string>;
}

export interface RulesMessages {
  help: RulesHelp;
  state: Record<RuleState, string>;
  aspect: Record<RuleAspect, string>;
  listHead: string[];
  isDefault: string;
  showHead: string[];
  layer: (id: string, version: string, file: string) => string;
  showSummary: (rules: number, on: number, off: number, binding: number) => string;
  switchedBy: (state: string, layer: string) => string;
  partiesLine: (list: string) => string;
  valid: (file: string, cases: string | null) => string;
  invalid: (file: string, count: number) => string;
  invalidHint: string;
  // test
  noCasesFile: (layer: string, file: string) => string;
  casesOf: (layer: string, file: string, count: number) => string;
  mismatch: (m: Mismatch) => string;
  coverageTitle: (covered: number, total: number) => string;
  uncovered: (id: string, layer: string, fired: number) => string;
  testSummary: (passed: number, failed: number, uncovered: number) => string;
  // diff
  diffTitle: (before: string, after: string) => string;
  noRuleChanges: string;
  layerHead: (id: string) => string;
  added: (id: string, state: string) => string;
  removed: (id: string) => string;
  switched: (id: string, from: string, to: string) => string;
  changed: (id: string, aspects: string) => string;
  logHead: string[];
  nothing: string;
  routeParents: (involve: string) => string;
  logSummary: (changed: number, unchanged: number, unreadable: number) => string;
  // graph
  graph: { facts: string; parties: string; binding: string; off: string };
  problem: (p: RulesProblemKind) => { message: string; hint?: string };
}

const nl: RulesMessages = {
  help: {
    command: {
      rules: 'regelsets: list, show, validate, test, diff, graph — de regels per laag bekijken, testen, vergelijken en tekenen',
      list: 'de meegeleverde regelsets en hun lagen',
      show: 'de regels van een keten: per regel de laag, aan/uit/bindend, titel en bron',
      validate: 'controleer een regelbestand (en de testgevallen ernaast): elk probleem met zijn pad (eindcode 2)',
      test: 'draai de testgevallen naast elke laag (<id>.cases.json) en meet de dekking: elke regel moet eens vuren en eens zwijgen (eindcode 1 als niet)',
      diff: 'wat verandert er tussen twee regelsets: regels erbij, eraf, aan/uit en gewijzigd, per laag; met --against-log ook de gelogde casussen (eindcode 3 als er een verandert)',
      graph: 'teken de keten: feiten en voorwaarden → partijen en escalaties, per laag (Mermaid of Graphviz)',
    },
    argument: {
      ref: 'id van een meegeleverde regelset, of een bestand (standaard: de standaardregelset)',
      file: 'het regelbestand, of het id van een meegeleverde regelset',
      old: 'de oude regelset (id of bestand)',
      new: 'de nieuwe regelset (id of bestand)',
    },
    option: {
      json: 'uitvoer voor machines als JSON',
      againstLog: 'beslis elke gelogde situatie opnieuw onder beide regelsets en toon de casussen waarvan de route verandert',
      format: 'mermaid (standaard) of dot (Graphviz)',
    },
    placeholder: { old: 'oud', new: 'nieuw' },
  },
  state: { on: 'aan', off: 'uit', binding: 'bindend' },
  aspect: { condition: 'voorwaarde', effect: 'gevolg', source: 'bron', title: 'titel' },
  listHead: ['id', 'lagen', 'versie', 'regels', 'titel'],
  isDefault: '(standaard)',
  showHead: ['regel', 'laag', 'staat'],
  layer: (id, version, file) => `laag ${id} ${version} (${file})`,
  showSummary: (rules, on, off, binding) => `${rules} regels: ${on} aan, waarvan ${binding} bindend; ${off} uit`,
  switchedBy: (state, layer) => `${state}gezet door laag ${layer}`,
  partiesLine: (list) => `partijen: ${list}`,
  valid: (file, cases) => `${file} is in orde${cases ? `, de testgevallen in ${cases} ook` : ''}`,
  invalid: (file, count) => `${file}: ${count === 1 ? '1 probleem' : `${count} problemen`}`,
  invalidHint: 'het regelformaat staat in docs/reference/rules-format.md; zorgroute rules validate toont elk probleem met zijn pad',
  noCasesFile: (layer, file) => `laag ${layer}: geen testgevallen (${file} bestaat niet)`,
  casesOf: (layer, file, count) => `laag ${layer}: ${count} ${count === 1 ? 'testgeval' : 'testgevallen'} uit ${file}`,
  mismatch: (m) => {
    const what = { escalation: 'escalatie', inform: 'informeren', todo: 'to-do', parents: 'ouders' }[m.what];
    if (m.what === 'parents') return m.present ? `ouders: verwacht ${m.item}, de beslissing zegt ${m.actual}` : `ouders: mag niet ${m.item} zijn, en is het wel`;
    return m.present ? `${what} ${m.item} ontbreekt` : `${what} ${m.item} hoort er niet bij, maar staat erin`;
  },
  coverageTitle: (covered, total) => `Dekking: ${covered} van ${total} regels vuren in een geval en zwijgen in een ander`,
  uncovered: (id, layer, fired) => `niet gedekt: ${id} (laag ${layer}): ${fired === 0 ? 'vuurt in geen enkel geval' : 'zwijgt in geen enkel geval'}`,
  testSummary: (passed, failed, uncovered) =>
    `${passed} geslaagd, ${failed} mislukt${uncovered > 0 ? `; ${uncovered} ${uncovered === 1 ? 'regel' : 'regels'} niet gedekt` : ''}`,
  diffTitle: (before, after) => `${before} → ${after}`,
  noRuleChanges: 'geen verschil in de regels',
  layerHead: (id) => `laag ${id}:`,
  added: (id, state) => `+ ${id} (nieuw, ${state})`,
  removed: (id) => `- ${id} (verdwenen)`,
  switched: (id, from, to) => `~ ${id}: ${from} → ${to}`,
  changed: (id, aspects) => `* ${id}: ${aspects} gewijzigd`,
  logHead: ['casus', 'leerling', 'was', 'wordt'],
  nothing: '(niets)',
  routeParents: (involve) => `ouders: ${involve}`,
  logSummary: (changed, unchanged, unreadable) =>
    `${changed} ${changed === 1 ? 'casus verandert' : 'casussen veranderen'} van route, ${unchanged} ${unchanged === 1 ? 'blijft' : 'blijven'} gelijk${unreadable > 0 ? `; ${unreadable} gelogde situaties niet meer leesbaar` : ''}`,
  graph: { facts: 'feiten en voorwaarden', parties: 'partijen', binding: 'bindend', off: 'uit' },
  problem: (p) => {
    switch (p.kind) {
      case 'cases-invalid':
        return { message: `de testgevallen in ${p.file} kloppen niet (${p.count === 1 ? '1 probleem' : `${p.count} problemen`})`, hint: 'elk geval is { "name", "situation", "expect" }; een situatie heeft een referenceDate en is zoals route hem leest' };
      case 'cases-unreadable':
        return { message: `kan ${p.file} niet lezen (${p.errno ?? '?'})` };
      case 'db-missing':
        return { message: `het casuslogboek ${p.file} bestaat niet`, hint: 'geef het logboek met --db (of ZORGROUTE_DB); er is niets aangemaakt' };
      case 'db-needs-against-log':
        return { message: '--db is het logboek dat --against-log leest: geef ook --against-log' };
    }
  },
};

const en: RulesMessages = {
  help: {
    command: {
      rules: 'rule sets: list, show, validate, test, diff, graph — look at, test, compare and picture the rules per layer',
      list: 'the shipped rule sets and their layers',
      show: 'the rules of a chain: for each rule its layer, on/off/binding, title and source',
      validate: 'check a rule file (and the test cases beside it): every problem with its path (exit 2)',
      test: 'run the test cases beside each layer (<id>.cases.json) and measure coverage: every rule must fire once and stay silent once (exit 1 if not)',
      diff: 'what changes between two rule sets: rules added, removed, switched and changed, per layer; with --against-log also the logged cases (exit 3 when one changes)',
      graph: 'draw the chain: facts and conditions → parties and escalations, per layer (Mermaid or Graphviz)',
    },
    argument: {
      ref: 'id of a shipped rule set, or a file (default: the default rule set)',
      file: 'the rule file, or the id of a shipped rule set',
      old: 'the old rule set (id or file)',
      new: 'the new rule set (id or file)',
    },
    option: {
      json: 'output for machines as JSON',
      againstLog: 're-decide every logged situation under both rule sets and list the cases whose routing changes',
      format: 'mermaid (the default) or dot (Graphviz)',
    },
    placeholder: { old: 'old', new: 'new' },
  },
  state: { on: 'on', off: 'off', binding: 'binding' },
  aspect: { condition: 'condition', effect: 'effect', source: 'source', title: 'title' },
  listHead: ['id', 'layers', 'version', 'rules', 'title'],
  isDefault: '(default)',
  showHead: ['rule', 'layer', 'state'],
  layer: (id, version, file) => `layer ${id} ${version} (${file})`,
  showSummary: (rules, on, off, binding) => `${rules} rules: ${on} on, ${binding} of them binding; ${off} off`,
  switchedBy: (state, layer) => `switched ${state} by layer ${layer}`,
  partiesLine: (list) => `parties: ${list}`,
  valid: (file, cases) => `${file} is valid${cases ? `, and so are the test cases in ${cases}` : ''}`,
  invalid: (file, count) => `${file}: ${count === 1 ? '1 problem' : `${count} problems`}`,
  invalidHint: 'the rule format is in docs/reference/rules-format.md; zorgroute rules validate shows every problem with its path',
  noCasesFile: (layer, file) => `layer ${layer}: no test cases (${file} does not exist)`,
  casesOf: (layer, file, count) => `layer ${layer}: ${count} test ${count === 1 ? 'case' : 'cases'} from ${file}`,
  mismatch: (m) => {
    if (m.what === 'parents') return m.present ? `parents: expected ${m.item}, the decision says ${m.actual}` : `parents: must not be ${m.item}, and is`;
    return m.present ? `${m.what} ${m.item} is missing` : `${m.what} ${m.item} must not be there, and is`;
  },
  coverageTitle: (covered, total) => `Coverage: ${covered} of ${total} rules fire in one case and stay silent in another`,
  uncovered: (id, layer, fired) => `not covered: ${id} (layer ${layer}): ${fired === 0 ? 'fires in no case' : 'stays silent in no case'}`,
  testSummary: (passed, failed, uncovered) =>
    `${passed} passed, ${failed} failed${uncovered > 0 ? `; ${uncovered} ${uncovered === 1 ? 'rule' : 'rules'} not covered` : ''}`,
  diffTitle: (before, after) => `${before} → ${after}`,
  noRuleChanges: 'no difference in the rules',
  layerHead: (id) => `layer ${id}:`,
  added: (id, state) => `+ ${id} (added, ${state})`,
  removed: (id) => `- ${id} (removed)`,
  switched: (id, from, to) => `~ ${id}: ${from} → ${to}`,
  changed: (id, aspects) => `* ${id}: ${aspects} changed`,
  logHead: ['case', 'student', 'was', 'would be'],
  nothing: '(nothing)',
  routeParents: (involve) => `parents: ${involve}`,
  logSummary: (changed, unchanged, unreadable) =>
    `${changed} ${changed === 1 ? 'case changes' : 'cases change'} routing, ${unchanged} unchanged${unreadable > 0 ? `; ${unreadable} logged situations no longer readable` : ''}`,
  graph: { facts: 'facts and conditions', parties: 'parties', binding: 'binding', off: 'off' },
  problem: (p) => {
    switch (p.kind) {
      case 'cases-invalid':
        return { message: `the test cases in ${p.file} are not valid (${p.count === 1 ? '1 problem' : `${p.count} problems`})`, hint: 'each case is { "name", "situation", "expect" }; a situation has a referenceDate and is what route reads' };
      case 'cases-unreadable':
        return { message: `cannot read ${p.file} (${p.errno ?? '?'})` };
      case 'db-missing':
        return { message: `the case database ${p.file} does not exist`, hint: 'name the log with --db (or ZORGROUTE_DB); nothing was created' };
      case 'db-needs-against-log':
        return { message: '--db is the log --against-log reads: give --against-log too' };
    }
  },
};

export function rulesMessagesFor(lang: Lang): RulesMessages {
  return lang === 'en' ? en : nl;
}
