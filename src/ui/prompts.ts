// The intake's questions on a terminal: the only importer of inquirer. It turns typed text into
// situation values (coerceFieldText, the same conversion as CSV cells), asks again with a message
// when a value cannot be taken, and returns answers; it decides nothing. Prompts are drawn on
// stderr, so stdout carries only the result (`zorgroute intake --json > case.json` works).
// Ctrl-C (or a closed input) at any prompt becomes PromptCancelled.
import { checkbox, input, select } from '@inquirer/prompts';
import type { Lang } from '../core/routing/compile.js';
import {
  PromptCancelled,
  type FieldPrompt,
  type IntakeAsker,
  type IntakeConfirm,
  type IntakeNotice,
  type IntakeReview,
  type ReviewChoice,
} from '../core/intake/asker.js';
import { FIXED_FIELDS, type TopicId } from '../core/intake/plan.js';
import { FIELD_KINDS, type SituationField } from '../core/routing/situation.js';
import { coerceFieldText } from '../core/text-values.js';
import { intakeMessagesFor } from './messages/intake.js';
import { humanDate } from './human-date.js';
import { defaultText, formatAnswer, formatAnsweredLine, formatFactsLine, formatIntakeReview } from './print/intake.js';
import { wrap, wrapAfter } from './layout.js';
import { formatDecision } from './print/decision.js';
import type { Style } from './style.js';
import { widthOf, type Width } from './terminal.js';

/** One column stays free: inquirer adds an empty line after a line that fills the terminal. */
const room = (width: Width): Width => (width === null ? null : width - 1);

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

async function answer<T>(prompt: Promise<T>): Promise<T> {
  try {
    return await prompt;
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new PromptCancelled();
    throw error;
  }
}

/**
 * inquirer's look in our colours, its key help in the user's language. The question is wrapped
 * here, under itself after the `? ` (inquirer's own wrapping can start a line with a stray space).
 * Once it is answered, `answer` draws the question and the answer after the `✔`, so the question
 * is left out of inquirer's line then (every prompt drops an undefined part; the text prompt keeps
 * an empty one). `width` is read at each drawing, a resized terminal included.
 */
function promptTheme(style: Style, lang: Lang, message: string, width: () => Width) {
  const m = intakeMessagesFor(lang);
  const c = style.color;
  // inquirer names the keys in English; the same action word means "tick" on space and "choose" on Enter.
  const keysHelpTip = (keys: [string, string][]): string =>
    wrap(
      keys
        .map(([key, action]) => {
          const word = key === 'space' ? m.keys.toggle : key === '⏎' ? (action === 'select' ? m.keys.choose : m.keys.submit) : m.keys[action];
          // a no-break space: a key and what it does stay on one line
          return `${c.bold(m.keys[key] ?? key)}\u00a0${c.dim(word ?? action)}`;
        })
        .join(c.dim(' • ')),
      room(width()),
    );
  const theme = {
    prefix: { idle: c.blue('?'), done: c.green('✔') },
    style: {
      answer: (t: string) => formatAnsweredLine(style, width(), message, t),
      message: (t: string, status: string) => (status === 'done' ? (undefined as unknown as string) : wrapAfter(c.bold(t), room(width()), 2)),
      error: (t: string) => c.red(`> ${t}`),
      defaultAnswer: (t: string) => c.dim(`(${t})`),
      help: (t: string) => c.dim(t),
      highlight: (t: string) => c.cyan(t),
      description: (t: string) => c.cyan(t),
      keysHelpTip,
    },
    icon: { checked: c.green('◉'), unchecked: '◯', cursor: '❯' },
    indexMode: 'number' as const,
  };
  return theme;
}

const CHANGEABLE_WHEN_SKIPPED: readonly SituationField[] = ['educationType'];

const STDIO: PromptStreams = { input: process.stdin, output: process.stderr };

/**
 * Choices laid out by us: a name too long for the line is wrapped under itself, after the mark
 * inquirer draws before it (`❯ 4. ` in a menu, `❯◉ ` in a list to tick), where inquirer's own
 * wrapping would go on at the left edge or after a stray space. `short`, the answer shown once
 * chosen, stays whole.
 */
function laidOut<C extends { name: string }>(choices: C[], width: Width, kind: 'menu' | 'ticks'): (C & { short: string })[] {
  const mark = (i: number): number => (kind === 'menu' ? `❯ ${i + 1}. `.length : '❯◉ '.length);
  return choices.map((choice, i) => ({ ...choice, name: wrapAfter(choice.name, width, mark(i)), short: choice.name }));
}

/** The screen lines a list of laid-out choices takes (inquirer's page size counts lines). */
const linesOf = (choices: { name: string }[]): number => choices.reduce((n, c) => n + c.name.split('\n').length, 0);

/** The prompts' terminal width now (it may have been resized since the start), else the style's. */
const widthNow = (style: Style, streams: PromptStreams) => (): Width => widthOf(streams.output as { isTTY?: boolean; columns?: number }) ?? style.width;

/**
 * A yes-or-no on the terminal before something the user may regret (closing a case with open
 * deadlines, recording what the rules advised against): the safe answer first, so Enter takes it.
 */
export async function confirmOnTerminal(style: Style, lang: Lang, q: { message: string; yes: string; no: string }, streams: PromptStreams = STDIO): Promise<boolean> {
  const width = widthNow(style, streams);
  const choices = laidOut(
    [
      { value: false, name: q.no },
      { value: true, name: q.yes },
    ],
    width(),
    'menu',
  );
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  return answer(select({ message: q.message, choices, loop: false, theme: promptTheme(style, lang, q.message, width) }, context));
}

export function makeIntakeAsker(style: Style, lang: Lang, streams: PromptStreams = STDIO): IntakeAsker {
  const m = intakeMessagesFor(lang);
  const c = style.color;
  const context = { input: streams.input, output: streams.output, clearPromptOnDone: false };
  const width = widthNow(style, streams);
  const theme = (message: string) => promptTheme(style, lang, message, width);
  const menu = <C extends { name: string }>(choices: C[]) => laidOut(choices, width(), 'menu');
  const ticks = <C extends { name: string }>(choices: C[]) => laidOut(choices, width(), 'ticks');
  const write = (text: string): void => {
    streams.output.write(`${text}\n`);
  };

  async function askText(prompt: FieldPrompt): Promise<unknown> {
    const { field } = prompt;
    const kind = FIELD_KINDS[field].kind;
    const toValue = (text: string): { value: unknown } | { problem: string } => {
      const coerced = coerceFieldText(field, text);
      if (coerced === undefined) {
        return field === 'schoolYearsCompleted' ? { value: undefined } : { problem: m.problem(kind, 'required') };
      }
      if (!coerced.ok) return { problem: m.problem(kind, coerced.problem.kind === 'not-a-calendar-date' ? 'notInCalendar' : 'invalid') };
      const problem = prompt.check(coerced.value);
      return problem ? { problem: m.problem(kind, problem) } : { value: coerced.value };
    };
    const text = await answer(
      input(
        {
          message: m.fields[field].question,
          default: defaultText(field, prompt.initial, lang),
          validate: (t: string) => {
            const r = toValue(t);
            return 'problem' in r ? r.problem : true;
          },
          // A student number that looks like a BSN must not stay on the screen to be corrected.
          theme: { ...theme(m.fields[field].question), validationFailureMode: kind === 'studentRef' ? ('clear' as const) : ('keep' as const) },
        },
        context,
      ),
    );
    const r = toValue(text);
    return 'value' in r ? r.value : undefined;
  }

  async function field(prompt: FieldPrompt): Promise<unknown> {
    const { field: name } = prompt;
    const kind = FIELD_KINDS[name];
    const message = m.fields[name].question;
    if (kind.kind === 'enum' || kind.kind === 'nullableBoolean') {
      const values: unknown[] = kind.kind === 'enum' ? [...kind.values] : [true, false, null];
      const choices = menu(values.map((value) => ({ value, name: formatAnswer(name, value, lang) })));
      // loop: false, so an arrow key past the last choice does not silently wrap to another answer
      return answer(select({ message, choices, default: prompt.initial, loop: false, theme: theme(message) }, context));
    }
    if (kind.kind === 'enumList') {
      const initial = (prompt.initial as string[] | undefined) ?? [];
      const choices = ticks(kind.values.map((value) => ({ value, name: m.values[value] ?? value, checked: initial.includes(value) })));
      return answer(checkbox({ message, choices, loop: false, theme: theme(message) }, context));
    }
    return askText(prompt);
  }

  async function topics(offered: readonly TopicId[], checked: readonly TopicId[]): Promise<TopicId[]> {
    const choices = ticks(offered.map((t) => ({ value: t, name: m.topics[t], checked: checked.includes(t) })));
    return answer(checkbox({ message: m.topicsQuestion, choices, pageSize: linesOf(choices), loop: false, theme: theme(m.topicsQuestion) }, context));
  }

  function notice(n: IntakeNotice): void {
    const text = n.kind === 'facts' ? c.dim(formatFactsLine(n.facts, lang)) : c.yellow(m.openCases(n.studentRef, n.caseIds.join(', ')));
    write(wrap(text, style.width, '', '  '));
  }

  async function confirm(q: IntakeConfirm): Promise<boolean> {
    const [message, yes, no] =
      q.kind === 'referenceDate'
        ? [m.referenceDateQuestion(q.warning, humanDate(q.referenceDate)), m.referenceDateKeep, m.referenceDateRetype]
        : q.kind === 'birthDate'
          ? [m.birthDateQuestion(humanDate(q.known), humanDate(q.typed), q.caseId), m.birthDateKeep(humanDate(q.typed)), m.birthDateRetype]
          : [m.quitQuestion(q.questions), m.quitYes, m.quitNo];
    // Going back is the safe answer, so it comes first (Enter takes it) for quitting and for a birth date.
    const choices = menu(q.kind !== 'referenceDate' ? [{ value: false, name: no }, { value: true, name: yes }] : [{ value: true, name: yes }, { value: false, name: no }]);
    return answer(select({ message, choices, loop: false, theme: theme(message) }, context));
  }

  async function review(r: IntakeReview): Promise<ReviewChoice> {
    write(`\n${formatIntakeReview(style, lang, r)}`);
    type Action = 'save' | 'saveNew' | 'rules' | 'change' | 'quit';
    const saving: { value: Action; name: string }[] =
      r.openCaseId === null
        ? [{ value: 'save', name: m.save }]
        : [
            { value: 'save', name: m.saveToOpen(r.openCaseId) },
            { value: 'saveNew', name: m.saveNew },
          ];
    for (;;) {
      const action = await answer(
        select<Action>(
          {
            message: m.whatNext,
            choices: menu<{ value: Action; name: string }>([...saving, { value: 'rules', name: m.showRules }, { value: 'change', name: m.change }, { value: 'quit', name: m.quit }]),
            loop: false,
            theme: theme(m.whatNext),
          },
          context,
        ),
      );
      if (action === 'rules') {
        // The whole decision, rule ids and the rule set's sha256 included, then the menu again.
        write(`\n${formatDecision(style, r.decision, { ids: true })}\n`);
        continue;
      }
      if (action === 'save') return { kind: 'save', newCase: r.openCaseId === null };
      if (action === 'saveNew') return { kind: 'save', newCase: true };
      if (action === 'quit') return { kind: 'quit' };
      // The answers in the order they were asked (the topics after the three opening questions), then
      // the pre-filled ones, then those kept but no longer counting: every value can be corrected.
      const fields: (SituationField | 'topics')[] = [...r.answered];
      if (r.offeredTopics.length > 0) fields.splice(r.answered.filter((f) => FIXED_FIELDS.includes(f)).length, 0, 'topics');
      fields.push(...r.given, ...r.kept);
      // The school type is the school's: never asked when it cannot change the outcome, but a primary
      // school must be able to say it is one (it is remembered for the next intake).
      for (const f of CHANGEABLE_WHEN_SKIPPED) if (r.skipped.includes(f) && !fields.includes(f)) fields.push(f);
      const s = r.situation as unknown as Record<string, unknown>;
      const topicsText = r.topics.map((t) => m.topics[t]).join('; ') || m.topicsNone;
      const choices = menu<{ value: SituationField | 'topics' | 'back'; name: string }>([
        ...fields.map((f) =>
          f === 'topics' ? { value: f, name: `${m.topicsLabel}: ${topicsText}` } : { value: f, name: `${m.fields[f].label}: ${formatAnswer(f, s[f], lang)}` },
        ),
        { value: 'back', name: m.back },
      ]);
      const which = await answer(select({ message: m.whichAnswer, choices, pageSize: Math.min(linesOf(choices), 15), theme: theme(m.whichAnswer) }, context));
      if (which !== 'back') return { kind: 'change', field: which };
    }
  }

  return { field, topics, notice, confirm, review };
}
