// The catalogue (see messages/errors.ts): reading and writing files, and the command line.
import type { CliProblems, FileProblems } from '../../core/problems.js';
import type { Bilingual } from './errors-types.js';

const WHAT_NL = { ruleset: 'de regelset ', 'column-map': 'het koppelbestand ', csv: '', input: '' } as const;
const WHAT_EN = { ruleset: 'the rule set ', 'column-map': 'the mapping file ', csv: '', input: '' } as const;
const nlCount = (n: number) => (n === 1 ? '1 probleem' : `${n} problemen`);
const enCount = (n: number) => (n === 1 ? '1 problem' : `${n} problems`);

export const fileTexts: Bilingual<FileProblems> = {
  nl: {
    'cannot-read': (p, w) => `kan ${p.what ? WHAT_NL[p.what] : ''}${p.file === '-' ? 'stdin' : p.file} niet lezen: ${w.errno(p.errno)}`,
    'cannot-write': (p, w) => `kan ${p.file} niet schrijven: ${w.errno(p.errno)}`,
    'not-a-file': (p) => `kan ${p.file} niet lezen: dit is geen bestand`,
    'input-empty': (p) => `${p.file === '-' ? 'stdin' : p.file} is leeg: verwacht een situatie als JSON`,
    'csv-empty': (p) => `${p.file === '-' ? 'stdin' : p.file} is leeg: verwacht een kopregel en rijen`,
    'expected-array': (p) => `${p.file === '-' ? 'stdin' : p.file}: verwacht een lijst (array) van situaties`,
    'invalid-json': (p, w) => `${w.at(p.at)}: geen geldige JSON (${p.end ? 'de JSON houdt te vroeg op' : `onverwacht teken ${p.char ?? ''}`})`,
    'csv-unclosed-quote': (p, w) => `${w.at(p.at)}: hier begint een cel met een aanhalingsteken dat nergens wordt gesloten`,
    'csv-invalid': (p, w) => `${w.at(p.at)}: geen geldige CSV (${p.code ?? 'leesfout'})`,
    'ruleset-invalid': (p) => `de regelset ${p.file} is niet geldig (${nlCount(p.count)})`,
    'column-map-invalid': (p) => `het koppelbestand ${p.file} is niet geldig (${nlCount(p.count)})`,
    'situation-invalid': (p) => `ongeldige situatie in ${p.file === '-' ? 'stdin' : p.file}`,
    'more-problems': (p) => `… en nog ${p.count}`,
    'header-does-not-fit': (p) => `${p.file === '-' ? 'stdin' : p.file}: de kopregel (regel ${p.line}) past niet`,
    'column-missing': (p) => `kolom "${p.header}" (${p.field}) ontbreekt; die is verplicht`,
    'columns-conflict': (p) => `de kolommen "${p.headers[0]}" en "${p.headers[1]}" geven allebei ${p.field}`,
    'headers-found': (p) => `gevonden koppen: ${p.headers.map((h) => `"${h}"`).join(', ')}`,
  },
  en: {
    'cannot-read': (p, w) => `cannot read ${p.what ? WHAT_EN[p.what] : ''}${p.file === '-' ? 'stdin' : p.file}: ${w.errno(p.errno)}`,
    'cannot-write': (p, w) => `cannot write ${p.file}: ${w.errno(p.errno)}`,
    'not-a-file': (p) => `cannot read ${p.file}: not a file`,
    'input-empty': (p) => `${p.file === '-' ? 'stdin' : p.file} is empty: expected a situation as JSON`,
    'csv-empty': (p) => `${p.file === '-' ? 'stdin' : p.file} is empty: expected a header line and rows`,
    'expected-array': (p) => `${p.file === '-' ? 'stdin' : p.file}: expected an array of situations`,
    'invalid-json': (p, w) => `${w.at(p.at)}: invalid JSON (${p.end ? 'the JSON ends too early' : `unexpected character ${p.char ?? ''}`})`,
    'csv-unclosed-quote': (p, w) => `${w.at(p.at)}: a quoted cell starts here and is never closed`,
    'csv-invalid': (p, w) => `${w.at(p.at)}: not valid CSV (${p.code ?? 'parse error'})`,
    'ruleset-invalid': (p) => `the rule set ${p.file} is not valid (${enCount(p.count)})`,
    'column-map-invalid': (p) => `the mapping file ${p.file} is not valid (${enCount(p.count)})`,
    'situation-invalid': (p) => `invalid situation in ${p.file === '-' ? 'stdin' : p.file}`,
    'more-problems': (p) => `… and ${p.count} more`,
    'header-does-not-fit': (p) => `${p.file === '-' ? 'stdin' : p.file}: the header row (line ${p.line}) does not fit`,
    'column-missing': (p) => `missing column "${p.header}" (${p.field}), required`,
    'columns-conflict': (p) => `columns "${p.headers[0]}" and "${p.headers[1]}" both give ${p.field}`,
    'headers-found': (p) => `headers found: ${p.headers.map((h) => `"${h}"`).join(', ')}`,
  },
};

export const cliTexts: Bilingual<CliProblems> = {
  nl: {
    'route-needs-input': () => 'route heeft een situatie als JSON nodig',
    'db-needs-log': () => '--db is waar --log naartoe schrijft: geef ook --log',
    'intake-needs-tty': () => 'intake stelt vragen en heeft een terminal nodig, maar stdin is er geen',
    'threads-invalid': () => '--threads moet een heel getal van 1 tot en met 16 zijn',
    'out-needs-format': () => '--out heeft een formaat nodig',
    'batch-stdin-empty': () => 'batch - leest de export van stdin, maar er komt niets binnen',
    'reference-date-invalid': () => '--reference-date is geen datum',
    'no-input-needs': (p) => `--no-input heeft ${p.flags.join(' en ')} nodig`,
    'prefill-invalid': () => 'ongeldige vooraf ingevulde antwoorden',
    'set-expected-field-value': () => 'verwacht veld=waarde',
    'set-unknown-field': (p, w) => `onbekend veld (bekend: ${w.list(p.known)}, of de kolomnamen van de CSV)`,
    'set-use-flag': (p) => `gebruik ${p.flag}`,
    'not-valid-for-field': (p) => `geen geldige waarde voor ${p.field}`,
    'answers-invalid': () => 'de antwoorden vormen geen geldige situatie',
    'cli-unknown-option': (p) => `onbekende optie ${p.flag}${p.suggestion ? ` (bedoelt u ${p.suggestion}?)` : ''}`,
    'cli-unknown-command': (p) => `onbekend commando ${p.command}${p.suggestion ? ` (bedoelt u ${p.suggestion}?)` : ''}`,
    'cli-missing-argument': (p) => `het argument ${p.name} ontbreekt`,
    'cli-option-missing-argument': (p) => `optie ${p.flags}: de waarde ontbreekt`,
    'cli-invalid-choice': (p, w) => `optie ${p.flags}: ${p.value === '' ? 'lege waarde' : `'${p.value}'`} is niet toegestaan; kies uit ${w.list(p.choices.map((c) => `"${c}"`))}`,
    'cli-too-many-arguments': (p) =>
      `te veel argumenten${p.command ? ` voor ${p.command}` : ''}: ${p.expected === 0 ? 'geen' : p.expected} verwacht, ${p.got} gekregen`,
    'cli-missing-option': (p) => `de optie ${p.flags} is verplicht`,
    'cli-other': (p) => p.text,
  },
  en: {
    'route-needs-input': () => 'route needs a situation as JSON',
    'db-needs-log': () => '--db is where --log writes: give --log too',
    'intake-needs-tty': () => 'intake asks questions and needs a terminal, but stdin is not one',
    'threads-invalid': () => '--threads must be a whole number from 1 to 16',
    'out-needs-format': () => '--out needs a format',
    'batch-stdin-empty': () => 'batch - reads the export from stdin, but nothing is piped in',
    'reference-date-invalid': () => '--reference-date is not a date',
    'no-input-needs': (p) => `--no-input needs ${p.flags.join(' and ')}`,
    'prefill-invalid': () => 'invalid pre-filled answers',
    'set-expected-field-value': () => 'expected field=value',
    'set-unknown-field': (p, w) => `unknown field (known: ${w.list(p.known)}, or the CSV column names)`,
    'set-use-flag': (p) => `use ${p.flag}`,
    'not-valid-for-field': (p) => `not a valid value for ${p.field}`,
    'answers-invalid': () => 'the answers do not make a valid situation',
    'cli-unknown-option': (p) => `unknown option ${p.flag}${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}`,
    'cli-unknown-command': (p) => `unknown command ${p.command}${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}`,
    'cli-missing-argument': (p) => `missing required argument ${p.name}`,
    'cli-option-missing-argument': (p) => `option ${p.flags}: the value is missing`,
    'cli-invalid-choice': (p, w) => `option ${p.flags}: ${p.value === '' ? 'an empty value' : `'${p.value}'`} is not allowed; choose from ${w.list(p.choices.map((c) => `"${c}"`))}`,
    'cli-too-many-arguments': (p) =>
      `too many arguments${p.command ? ` for ${p.command}` : ''}: expected ${p.expected === 0 ? 'none' : p.expected}, got ${p.got}`,
    'cli-missing-option': (p) => `the option ${p.flags} is required`,
    'cli-other': (p) => p.text,
  },
};
