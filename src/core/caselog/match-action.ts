// How `cases done ID ACTION…` says what was done, read against the case's own escalations and
// to-dos. A person types what they did ("verzuimmelding gedaan", "Veilig Thuis gebeld",
// "leerplichtambtenaar"), not an id: the first words are matched — exactly, as `target:type`, by a
// type's first words, by a target or party (Dutch and English names too) — and only an unambiguous
// match ticks something off. Pure.
import type { Party } from '../routing/vocabulary.js';
import type { DoneMark, EscalationRef, EscalationState, PeriodRef, TodoRef, TodoState } from './timeline.js';

export type ActionMatch =
  /** `picked`: a plain party name with several open items took the most urgent of them. */
  | { kind: 'escalation'; escalation: EscalationRef; picked?: boolean }
  | { kind: 'todo'; todo: TodoRef; picked?: boolean }
  | { kind: 'party'; party: Party }
  | { kind: 'free' }
  | { kind: 'ambiguous'; candidates: string[] };

/**
 * Other words people use for the national parties, folded (lower case, no spaces or hyphens) → the
 * party id. The parties themselves, their ids and their names are the rule set's (matchAction's
 * `parties`); these words only help find one of them.
 */
const PARTY_WORDS: Readonly<Record<string, Party>> = {
  leerplichtambtenaar: 'leerplicht',
  leerplichtambtenaren: 'leerplicht',
  lpa: 'leerplicht',
  leerplichtofficer: 'leerplicht',
  veiligthuis: 'veilig-thuis',
  samenwerkingsverband: 'swv',
  ouder: 'ouders',
  verzorgers: 'ouders',
  oudersverzorgers: 'ouders',
  parents: 'ouders',
  student: 'leerling',
  pupil: 'leerling',
  ggd: 'jeugdarts',
  schoolarts: 'jeugdarts',
  schooldoctor: 'jeugdarts',
  onderwijsconsulenten: 'onderwijsconsulent',
  ouderenjeugdsteunpunt: 'steunpunt',
  cluster1: 'cluster-1',
  cluster2: 'cluster-2',
};

/** A party of the rule set as matchAction() reads it: its id and its names in every language. */
export interface NamedParty {
  id: string;
  name: { nl: string; en: string };
}

const fold = (text: string): string => text.toLowerCase().replace(/[\s\-/_]+/g, '');

/** What can be ticked off: the case's escalations and to-dos, with whether each is done. */
interface Item {
  kind: 'escalation' | 'todo';
  to: Party;
  type: string;
  done: DoneMark | null;
  period?: PeriodRef | undefined;
  /** The deadline (null: as soon as possible, or a to-do without a term). */
  deadline?: string | null;
}

export const itemLabel = (item: { to: string; type: string }): string => `${item.to}:${item.type}`;

function toMatch(item: Item): ActionMatch {
  const period = item.period ? { period: item.period } : {};
  return item.kind === 'escalation'
    ? { kind: 'escalation', escalation: { to: item.to as EscalationRef['to'], type: item.type, ...period } }
    : { kind: 'todo', todo: { party: item.to, type: item.type, ...period } };
}

/** The soonest deadline first, those without one after them, then the earlier period. */
const byUrgency = (a: Item, b: Item): number => {
  const [da, db] = [a.deadline ?? null, b.deadline ?? null];
  return da === db ? ((a.period?.from ?? '') < (b.period?.from ?? '') ? -1 : 1) : da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
};

/**
 * One hit is the answer; among several, the only open one; several open ones of the same target and
 * type (a dossier's meldingen, one per period) are one choice: the most urgent; else the choice is
 * the user's.
 */
function pick(hits: readonly Item[]): ActionMatch | undefined {
  if (hits.length === 0) return undefined;
  const open = hits.filter((h) => !h.done);
  if (open.length === 1) return toMatch(open[0]!);
  if (open.length > 1 && new Set(open.map(itemLabel)).size === 1) return toMatch([...open].sort(byUrgency)[0]!);
  if (hits.length === 1) return toMatch(hits[0]!);
  if (open.length === 0 && new Set(hits.map(itemLabel)).size === 1) return toMatch(hits[0]!);
  return { kind: 'ambiguous', candidates: [...new Set((open.length > 0 ? open : hits).map(itemLabel))] };
}

type PartyWords = ReadonlyMap<string, Party>;

/** The rule set's parties by id and by name, then the other words for a party the rule set declares. */
function partyWords(parties: readonly NamedParty[]): PartyWords {
  const words = new Map<string, Party>();
  for (const p of parties) for (const w of [p.id, p.name.nl, p.name.en]) if (!words.has(fold(w))) words.set(fold(w), p.id);
  const declared = new Set(parties.map((p) => p.id));
  for (const [w, id] of Object.entries(PARTY_WORDS)) if (declared.has(id) && !words.has(w)) words.set(w, id);
  return words;
}

/**
 * A plain party name ("Veilig Thuis gebeld") under pressure: of its open items the most urgent — an
 * escalation before a to-do (a melding holds the consult), the earliest deadline first — and the
 * match says it was picked, so that the confirmation names it.
 */
function pickMostUrgent(hits: readonly Item[]): ActionMatch | undefined {
  const open = hits.filter((h) => !h.done);
  if (open.length <= 1) return pick(hits);
  const rank = (i: Item): string => `${i.kind === 'escalation' ? 0 : 1}${i.deadline ?? '0000-00-00'}`; // asap (null) is the most urgent
  const first = [...open].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0))[0]!;
  return { ...toMatch(first), picked: true } as ActionMatch;
}

/** A type named by itself, or by its first words (`verzuimmelding` for `verzuimmelding-16-uur`). */
function byType(phrase: string, items: readonly Item[]): ActionMatch | undefined {
  const t = phrase.replace(/\s+/g, '-');
  return pick(items.filter((i) => i.type === t)) ?? (t.length >= 4 ? pick(items.filter((i) => i.type.startsWith(`${t}-`))) : undefined);
}

function matchPhrase(words: readonly string[], items: readonly Item[], partyOf: (word: string) => Party | undefined): ActionMatch | undefined {
  const phrase = words.join(' ');
  // `target:type` (or `target/type`), or two words: a target and a type of its own.
  const pair = /^([a-z0-9-]+)\s*[:/]\s*([a-z0-9-]+)$/.exec(phrase) ?? (words.length === 2 ? [phrase, words[0]!, words[1]!] : null);
  if (pair) {
    const party = partyOf(pair[1]!);
    if (party) {
      const own = items.filter((i) => i.to === party);
      const hit = byType(pair[2]!, own);
      if (hit) return hit;
    }
  }
  const typed = byType(phrase, items);
  if (typed) return typed;
  const party = partyOf(phrase);
  if (party) return pickMostUrgent(items.filter((i) => i.to === party)) ?? { kind: 'party', party };
  return undefined;
}

/**
 * `escalations` and `todos` are the case's own (escalationStates(), todoStates()); `parties` the
 * rule set's (their ids and names are what a person may type). The first three
 * words are tried, then the first two, then the first, so that "leerplicht melding via DUO",
 * "veilig thuis gebeld" and "ouders gebeld" read naturally. A party without an escalation or to-do
 * in the case records that the party was informed; anything else is a free-text action that ticks
 * nothing off.
 */
export function matchAction(
  text: string,
  escalations: readonly EscalationState[],
  todos: readonly TodoState[] = [],
  parties: readonly NamedParty[] = [],
): ActionMatch {
  const known = partyWords(parties);
  // A party of the case itself is known by its id even when the rule set no longer declares it.
  for (const i of [...escalations.map((e) => e.to), ...todos.map((t) => t.party)]) if (!known.has(fold(i))) (known as Map<string, Party>).set(fold(i), i);
  const partyOf = (word: string): Party | undefined => known.get(fold(word));
  const items: Item[] = [
    ...escalations.map((e): Item => ({ kind: 'escalation', to: e.to, type: e.type, done: e.done, period: e.period, deadline: e.deadline })),
    ...todos.map((t): Item => ({ kind: 'todo', to: t.party, type: t.type, done: t.done, period: t.period, deadline: t.deadline ?? null })),
  ];
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const found = matchPhrase(words.slice(0, n), items, partyOf);
    if (found) return found;
  }
  return { kind: 'free' };
}
