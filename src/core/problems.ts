// What can go wrong, as data: a problem is a `kind` with typed `params`, never a sentence.
// core/, io/ and commands/ return or throw problems; ui/messages/errors/*.ts words them in Dutch
// and English (a kind without both translations is a type error there). How to add one: see the
// comment at the top of ui/messages/errors/catalogue.ts.
//
// Params hold names the user typed (file names, flags, field paths, header cells) and numbers,
// never a personal value from the data (a date of birth, a cell's text): the catalogue may print
// every param.

/** Where in the input something is: `file` ('-' is stdin), then line/column or a record index. */
export interface Location {
  file?: string;
  line?: number;
  column?: number;
  /** The n-th element of a JSON array (0-based). */
  index?: number;
}

/** Reading and writing files; `errno` is Node's code (ENOENT, EACCES, …) or undefined. */
export interface FileProblems {
  'cannot-read': { file: string; errno: string | undefined; what?: 'ruleset' | 'column-map' | 'csv' | 'input' };
  'cannot-write': { file: string; errno: string | undefined };
  'not-a-file': { file: string };
  'input-empty': { file: string };
  'csv-empty': { file: string };
  'expected-array': { file: string };
  'invalid-json': { at: Location; end: boolean; char?: string };
  'csv-unclosed-quote': { at: Location };
  /** A cell (no quote in it) longer than the reader takes: no student system writes one. */
  'csv-cell-too-long': { at: Location; mib: number };
  'csv-invalid': { at: Location; code: string | undefined };
  'ruleset-invalid': { file: string; count: number };
  'column-map-invalid': { file: string; count: number };
  'situation-invalid': { file: string };
  'more-problems': { count: number };
  'header-does-not-fit': { file: string; line: number };
  'column-missing': { header: string; field: string };
  'columns-conflict': { headers: [string, string]; field: string };
  'headers-found': { headers: string[] };
}

/** The command line (flags and what a command needs). */
export interface CliProblems {
  'route-needs-input': Record<string, never>;
  'db-needs-log': Record<string, never>;
  'intake-needs-tty': Record<string, never>;
  'threads-invalid': Record<string, never>;
  'out-needs-format': Record<string, never>;
  'batch-stdin-empty': Record<string, never>;
  'reference-date-invalid': Record<string, never>;
  'no-input-needs': { flags: string[] };
  'prefill-invalid': Record<string, never>;
  'set-expected-field-value': Record<string, never>;
  'set-unknown-field': { known: string[] };
  'set-use-flag': { flag: string };
  'not-valid-for-field': { field: string };
  'answers-invalid': Record<string, never>;
  /** commander's own errors (unknown option, missing argument, …), re-worded. */
  'cli-unknown-option': { flag: string; suggestion?: string };
  'cli-unknown-command': { command: string; suggestion?: string };
  'cli-missing-argument': { name: string };
  'cli-option-missing-argument': { flags: string };
  'cli-invalid-choice': { flags: string; value: string; choices: string[] };
  /** An argument with a fixed set of values (`completion <shell>`) given another. */
  'cli-invalid-argument-choice': { name: string; value: string; choices: string[] };
  'cli-too-many-arguments': { command?: string; expected: number; got: number };
  'cli-missing-option': { flags: string };
  'cli-other': { text: string };
}

export interface CasesProblems {
  'case-id-not-number': Record<string, never>;
  'flag-not-a-date': { flag: string };
  'no-such-case': { id: number };
  'within-invalid': Record<string, never>;
  'done-needs-action': { id: number };
  'detail-done-command': { id: number; label: string };
  'date-in-future': { flag: string };
  'action-ambiguous': { id: number; candidates: string[] };
  'note-needs-text': Record<string, never>;
  'case-already': { id: number; status: 'open' | 'closed' };
  /** Closing a case whose escalations or to-dos are not all done (`--force` closes it anyway). */
  'close-has-open': { id: number; count: number };
  /** One open item: `to:type`, with its deadline (YYYY-MM-DD) when it has one. */
  'detail-open-item': { label: string; deadline: string | null };
  'export-needs-one': Record<string, never>;
}

/** The settings file (core/settings.ts): `file` is its path, `origin` how it was found. */
export interface SettingsProblems {
  'settings-cannot-read': { file: string; errno: string | undefined };
  'settings-invalid': { file: string; count: number };
  'settings-empty': { file: string };
  'unknown-setting': { known: string[]; hidden?: boolean };
  'hint-settings': Record<string, never>;
}

export interface DbProblems {
  'bsn-student-ref-not-stored': Record<string, never>;
  'bsn-in-text-not-stored': Record<string, never>;
  'not-a-case-db': { file: string; why: 'not-sqlite' | 'other-program' | 'not-a-file' | 'unreadable' | 'other-programs-db' };
  'db-newer-schema': { file: string; version: number; latest: number };
  'db-cannot-open': { file: string; errno: string | undefined };
  'db-locked': { file: string };
  'db-cannot-use': { file: string; errno: string | undefined };
  'case-log-not-written': { cause: Problem };
  'worker-out-of-memory': { mb: number };
}

/** One field's value (JSON input, CSV cells, prompts, rule and mapping files). */
export interface FieldProblems {
  'expected-iso-date': Record<string, never>;
  'expected-clock-time': Record<string, never>;
  'not-a-calendar-date': Record<string, never>;
  'expected-student-ref': Record<string, never>;
  'must-not-be-empty': Record<string, never>;
  'at-most-chars': { max: number };
  'looks-like-bsn': Record<string, never>;
  /** A control character or a broken (lone surrogate) character in a text that is stored or shown. */
  'unsafe-text': Record<string, never>;
  'has-control-char': Record<string, never>;
  'has-broken-char': Record<string, never>;
  /** A number above the field's bound (core/routing/situation.ts NUMBER_LIMITS). */
  'at-most': { max: number };
  /** A day (unexcusedHoursReachedOn) further back from the reference date than it can be. */
  'days-before-reference': { days: number };
  /** A day (unexcusedHoursReachedOn) after the reference date. */
  'after-reference-date': Record<string, never>;
  'expected-count': Record<string, never>;
  'expected-amount': Record<string, never>;
  'at-most-school-years': { max: number };
  'birth-after-reference': Record<string, never>;
  /** `hidden`: keys that look like data (a BSN, a date of birth), counted but never shown. */
  'unknown-fields': { keys: string[]; hidden?: number };
  'expected-type': { expected: string };
  'expected-one-of': { values: string[] };
  'expected-list-of': { values: string[] };
  'too-small': { minimum: number | string; inclusive: boolean; what: 'number' | 'items' | 'chars' };
  'too-big': { maximum: number | string; inclusive: boolean; what: 'number' | 'items' | 'chars' };
  'expected-kebab-id': Record<string, never>;
  'expected-text': Record<string, never>;
  'expected-column-map': Record<string, never>;
  'invalid-value': Record<string, never>;
  // text typed in a CSV cell or at a prompt
  'text-not-a-date': Record<string, never>;
  'text-expected-yes-no': Record<string, never>;
  'text-expected-yes-no-unknown': Record<string, never>;
  'text-not-a-number': Record<string, never>;
  'cell-required-empty': Record<string, never>;
  'cell-without-header': Record<string, never>;
  'cell-has-bsn': Record<string, never>;
  'not-allowed': Record<string, never>;
  // rule sets and column maps
  'unknown-fact': { fact: string; known: string[] };
  'operator-not-for-fact': { op: string; fact: string; type: string };
  'operator-takes-no-value': { op: string };
  'operator-needs-value': { op: string };
  'operator-needs-list': { op: string };
  'operator-takes-one-value': { op: string };
  'not-a-value-of': { value: string; fact: string; values: string[] };
  'fact-is-number': { fact: string };
  'fact-is-boolean': { fact: string; nullable: boolean };
  'parents-via-inform': Record<string, never>;
  'unknown-party': { party: string; known: string[] };
  'unknown-target': { target: string; known: string[] };
  'rule-needs-effect': Record<string, never>;
  'duplicate-rule-id': { id: string; first: number };
  'duplicate-todo': { todo: string; first: number };
  'conditions-too-deep': { depth: number; max: number };
  'needs-parents-default': Record<string, never>;
  /** A term counted from `reachedOn` on a rule whose conditions name no counted fact. */
  'reached-on-counts-nothing': { rule: string };
  /** A term on an inform that is no to-do. */
  'deadline-needs-todo': Record<string, never>;
  /** A rule on a school's own count that escalates to leerplicht or the RMC (only a lateness report, type overig-verzuim, may). */
  'school-count-escalates': { rule: string; fact: string; to: string };
  // rule layers (core/routing/layers.ts, io/rules/read-ruleset.ts)
  /** `layer`: the layer whose `disable` names it; `ruleLayer`: the layer holding the rule; `source`: the law that makes it binding. */
  'binding-rule-disabled': { layer: string; rule: string; ruleLayer: string; source: string };
  'binding-rule-off': { rule: string };
  'rule-shadows-base': { id: string; layer: string };
  'unknown-base-rule': { id: string };
  'enable-and-disable': { id: string };
  /** `layer`: where the party was declared first. */
  'duplicate-party': { party: string; layer: string };
  'base-needs-counting': Record<string, never>;
  'base-needs-parties': Record<string, never>;
  'counting-set-by-base': { field: string; value: number; base: string; source: string };
  /** `chain`: the files from the one named to the one that closes the loop. */
  'extends-cycle': { chain: string[] };
  /** `file`: where the base was looked for. */
  'base-not-found': { base: string; file: string; errno: string | undefined };
  'chain-too-deep': { max: number };
  'extends-needs-file': { base: string };
  /** A rule condition on a counted fact whose number is not the rule set's counting number (core/routing/counting.ts). */
  'counting-contradicts': { rule: string; fact: string; op: string; value: number; counting: { field: string; value: number }[]; expected: string[] };
  'same-header-as': { earlier: string };
  /** The earlier header looks like data: not repeated. */
  'same-header-as-earlier': Record<string, never>;
  /** `target` is left out when it looks like data. */
  'unknown-map-field': { target?: string; known: string[] };
}

/** Hints: what the user can do next. `cmd` (how to call zorgroute) is filled in by the ui. */
export interface HintProblems {
  'hint-route-input': Record<string, never>;
  'hint-intake-no-tty': Record<string, never>;
  'hint-threads': Record<string, never>;
  'hint-out-format': Record<string, never>;
  'hint-batch-stdin': Record<string, never>;
  'hint-readme-situation': Record<string, never>;
  'hint-readme-rules': Record<string, never>;
  'hint-rules-file': Record<string, never>;
  'hint-column-map': Record<string, never>;
  'hint-csv-path': Record<string, never>;
  'hint-date-format': Record<string, never>;
  'hint-intake-help': Record<string, never>;
  'hint-no-input-flags': Record<string, never>;
  'hint-cases-list': Record<string, never>;
  'hint-cases-list-all': Record<string, never>;
  'hint-name-target-type': Record<string, never>;
  'hint-reopen': { id: number };
  'hint-close-force': { id: number };
  'hint-threads-one': Record<string, never>;
  /** `subcommands`: the command has commands of its own (`cases`), so its help lists those. */
  'hint-help': { command?: string; subcommands?: boolean };
  'hint-check-write': Record<string, never>;
  'hint-db-untouched': Record<string, never>;
  'hint-no-bsn': Record<string, never>;
  'hint-out-folder': Record<string, never>;
  'hint-header-names': Record<string, never>;
  'hint-export-header': Record<string, never>;
  'hint-csv-quote': Record<string, never>;
  'hint-csv-cell-too-long': Record<string, never>;
  'hint-db-newer': Record<string, never>;
  'hint-db-folder': Record<string, never>;
  'hint-db-locked': Record<string, never>;
  'hint-db-permissions': Record<string, never>;
}

export interface ProblemParams extends FileProblems, CliProblems, CasesProblems, DbProblems, SettingsProblems, FieldProblems, HintProblems {}
export type ProblemKind = keyof ProblemParams;

export type ProblemOf<K extends ProblemKind> = { kind: K; params: ProblemParams[K] };
export type Problem = { [K in ProblemKind]: ProblemOf<K> }[ProblemKind];

type ParamArgs<K extends ProblemKind> = ProblemParams[K] extends Record<string, never> ? [] : [params: ProblemParams[K]];

/** `problem('no-such-case', { id: 3 })`; `problem('note-needs-text')` for a kind without params. */
export function problem<K extends ProblemKind>(kind: K, ...params: ParamArgs<K>): ProblemOf<K> {
  return { kind, params: (params[0] ?? {}) as ProblemParams[K] };
}

/** One line under an error: where (optional), which field (optional), and what is wrong. */
export interface ProblemDetail {
  at?: Location;
  /** @deprecated a finished location text from code written before the catalogue (`stdin line 2: `). */
  label?: string;
  /** A field path (`birthDate`, `rules[3].when.all[1].fact`); '' is the object as a whole. */
  path?: string;
  problem: Problem;
}

/** `birthDate: …`-lines of a validation, each a field path and a problem. */
export interface FieldIssue {
  /** `birthDate`, `supportNeed[1]`, or '' for the object as a whole. */
  path: string;
  problem: Problem;
}
