// Finds sentences in the wrong language in what zorgroute prints: English under a Dutch LANG, and
// Dutch under an English one. A sentence gives itself away by its function words ("the", "is not",
// "must" / "de", "niet", "moet"); names the user typed, ids, flags, paths, quoted text and the
// technical words both languages share (JSON, CSV, BSN, SQLite, stdin, …) are taken out first.

/** Common English words that are not Dutch words too (so "is", "in", "of", "argument" are left out). */
const ENGLISH = new Set(
  (
    'the a an and or not no nor must cannot can\'t could should would will shall may expected expect found invalid ' +
    'option options missing unknown required error errors hint file files folder with without for from this that these those ' +
    'there their only give given use used display displays shows lists every each all any none ' +
    'usage command commands default choices choose number date too many more less than already which does did you your ' +
    'mean meant was were has have had been be being into onto out about after before when where why how what who ' +
    'see also same other another none nothing something such yes true false run read write written reads writes ' +
    'empty ends starts never always here check name names help allowed least most whole'
  ).split(' '),
);

/** Common Dutch words that are not English words too ("in", "is", "tip", "data" are left out). */
const DUTCH = new Set(
  (
    'de het een niet geen moet moeten kan kunnen van voor met zonder naar uit bij ook nog tot als maar dat deze dit die ' +
    'wordt worden zijn heeft hebben bestand bestanden verwacht verwachte ongeldig ongeldige onbekend onbekende optie opties ' +
    'ontbreekt verplicht gebruik toon toont hulp standaard keuzes kies waarde regel kolom fout gevonden leeg lege ' +
    'welke elke alle iets niets hier er wat wie waar waarom hoe al meer minder dan eerst eerder later vandaag gedaan ' +
    'geef laat lijst lees schrijf geschreven gelezen staat staan mag mogen hoogstens minstens bedoelt u uw'
  ).split(' '),
);

/** Technical words both languages use, never counted. */
const SHARED = new Set([
  ...['json', 'csv', 'ndjson', 'bsn', 'sqlite', 'stdin', 'stdout', 'readme', 'npx', 'zorgroute', 'utf8'],
  // the commands' own names
  ...['route', 'intake', 'cases', 'batch', 'list', 'show', 'due', 'done', 'note', 'close', 'reopen', 'export', 'help'],
  ...['config', 'calendar', 'init', 'check', 'completion', 'rules', 'validate', 'test', 'diff', 'graph'],
]);

/** Values typed after a flag (`--status all`, `--lang en`, `--threads 1`): words of neither language. */
const FLAG_VALUE = /^([A-Z0-9…=.,|_-]+|all|open|closed|nl|en|csv|json|ndjson|tab|utf8)$/;

/** What is not a sentence word: quoted text, flags, paths, ids and names with digits, hyphens or dots. */
function words(text: string): string[] {
  const stripped = text
    .replace(/"[^"\n]*"|“[^”\n]*”|'[^'\n]*'/g, ' ') // quoted: names the user typed, README section titles
    .replace(/\{[^}\n]*\}/g, ' ') // a JSON example
    .replace(/(^|[\s(])--?[\w-]+(\s+(\S+))?/g, (_, lead: string, after: string | undefined, value: string | undefined) =>
      value !== undefined && !FLAG_VALUE.test(value) ? `${lead} ${after ?? ''}` : `${lead} `,
    ) // flags with the value typed after them
    .replace(/[\w.-]*\/[\w./-]*/g, ' ') // paths
    .replace(/\S*(\w\.\w|\w\[)\S*/g, ' ') // file names and field paths (`nope.json`, `rules[0].when.fact`)
    .replace(/<[^>\n]*>|\[[^\]\n]*\]/g, ' '); // placeholders and rule ids in brackets
  return stripped
    .split(/[\s│|;:,()]+/u)
    .filter((t) => !/[\d_=]/.test(t)) // student numbers, line numbers, column names, field=value
    .flatMap((t) => t.split(/[^\p{L}'’-]+/u))
    .filter((w) => w !== '' && !/[-’]/.test(w) && !/[A-Z].*[A-Z]/.test(w.slice(1)) && !/^[a-z]+[A-Z]/.test(w)) // ids, camelCase fields
    .map((w) => w.toLowerCase());
}

function hits(text: string, vocabulary: ReadonlySet<string>): string[] {
  return words(text).filter((w) => vocabulary.has(w) && !SHARED.has(w));
}

/** The lines of `text` that read as English, each with the words that give it away. */
export function englishLines(text: string): { line: string; words: string[] }[] {
  return linesWith(text, ENGLISH);
}

/** The lines of `text` that read as Dutch. */
export function dutchLines(text: string): { line: string; words: string[] }[] {
  return linesWith(text, DUTCH);
}

function linesWith(text: string, vocabulary: ReadonlySet<string>): { line: string; words: string[] }[] {
  return text
    .split('\n')
    .map((line) => ({ line, words: hits(line, vocabulary) }))
    .filter((l) => l.words.length > 0);
}
