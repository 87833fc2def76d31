// Every sentence of an error, a warning detail or a hint, in Dutch and English: the one catalogue.
//
// How it works: core/, io/ and commands/ throw `new UserError(problem('kind', { params }), { hint,
// details })` or return problems as data (src/core/problems.ts lists every kind with its params).
// This module words a problem in the user's language; src/ui/print/decision.ts formatUserError lays it out;
// the top-level catch in src/cli/main.ts calls that. A batch row problem is worded here too and written
// into the record (its `kind` is the record's stable `code`).
//
// How to add a message:
//   1. add the kind and its params to the right interface in src/core/problems.ts
//      (e.g. `'date-in-future': { flag: string }` in CasesProblems);
//   2. add its Dutch and English words to the catalogue of that interface below or in
//      messages/errors/*.ts (`nl` and `en` are both typed: a missing translation does not compile);
//   3. throw or return `problem('date-in-future', { flag: '--date' })` — never an English string.
// Params are names the user typed and numbers; never put a personal value (a date of birth, a
// cell's text) in them. Hints that show a command use `w.cmd` (how zorgroute can be called here:
// `zorgroute`, or `npx zorgroute` when it is not on PATH; see src/io/invocation.ts).
import type { Lang } from '../../../core/routing/compile.js';
import type { Detail } from '../../../core/errors.js';
import type { Location, Problem, ProblemKind, ProblemParams } from '../../../core/problems.js';
import { shownLabel } from '../../../core/privacy.js';
import type { Catalogue, Words } from './types.js';
import { cliTexts, fileTexts } from './files.js';
import { fieldTexts } from './fields.js';
import { casesTexts, dbTexts, hintTexts } from './cases.js';
import { settingsTexts } from './settings.js';

type Full = Catalogue<ProblemParams>;
const CATALOGUE: Record<Lang, Full> = {
  nl: { ...fileTexts.nl, ...cliTexts.nl, ...casesTexts.nl, ...dbTexts.nl, ...fieldTexts.nl, ...hintTexts.nl, ...settingsTexts.nl },
  en: { ...fileTexts.en, ...cliTexts.en, ...casesTexts.en, ...dbTexts.en, ...fieldTexts.en, ...hintTexts.en, ...settingsTexts.en },
};

/** Node's errno codes as a person reads them; an unknown code is shown as it is. */
const ERRNO: Record<Lang, Record<string, string>> = {
  nl: {
    ENOENT: 'het bestand of de map bestaat niet',
    EACCES: 'geen toestemming (rechten van het bestand of de map)',
    EPERM: 'niet toegestaan (rechten van het bestand of de map)',
    EISDIR: 'dit is een map, geen bestand',
    ENOTDIR: 'een deel van het pad is geen map',
    EMFILE: 'te veel bestanden tegelijk open; probeer het opnieuw',
    ENFILE: 'te veel bestanden tegelijk open op deze computer; probeer het opnieuw',
    ENOSPC: 'de schijf is vol',
    EDQUOT: 'de schijfruimte (quota) is op',
    EROFS: 'het bestandssysteem is alleen-lezen',
    EPIPE: 'het programma dat de uitvoer las is gestopt',
    EBUSY: 'het bestand is in gebruik door een ander programma',
    EEXIST: 'het bestand bestaat al',
    ENAMETOOLONG: 'de bestandsnaam is te lang',
    ELOOP: 'het pad verwijst in een kring naar zichzelf',
    EAGAIN: 'de invoer is nog niet klaar om te lezen',
    EIO: 'lees- of schrijffout van de schijf',
  },
  en: {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied (rights of the file or its folder)',
    EPERM: 'operation not permitted (rights of the file or its folder)',
    EISDIR: 'this is a folder, not a file',
    ENOTDIR: 'part of the path is not a folder',
    EMFILE: 'too many files open at once; try again',
    ENFILE: 'too many files open on this computer; try again',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EPIPE: 'the program reading the output has stopped',
    EBUSY: 'the file is in use by another program',
    EEXIST: 'the file exists already',
    ENAMETOOLONG: 'the file name is too long',
    ELOOP: 'the path refers to itself in a loop',
    EAGAIN: 'the input is not ready to be read yet',
    EIO: 'a disk read or write error',
  },
};

export function errnoText(lang: Lang, code: string | undefined): string {
  if (code === undefined) return lang === 'nl' ? 'onbekende fout van het systeem' : 'unknown system error';
  const known = ERRNO[lang][code];
  return known ? `${known} (${code})` : code;
}

function locationText(lang: Lang, at: Location): string {
  const nl = lang === 'nl';
  // `stdin, regel 2`, `input.json [2]`, `export.csv, regel 3, kolom 5`
  let text = at.file === undefined ? '' : at.file === '-' ? 'stdin' : shownLabel(at.file);
  if (at.index !== undefined) text += `${text === '' ? '' : ' '}[${at.index}]`;
  const parts = text === '' ? [] : [text];
  if (at.line !== undefined) parts.push(`${nl ? 'regel' : 'line'} ${at.line}`);
  if (at.column !== undefined) parts.push(`${nl ? 'kolom' : 'column'} ${at.column}`);
  return parts.join(', ');
}

export interface ProblemWording {
  lang: Lang;
  cmd: string;
}

function wordsFor(wording: ProblemWording): Words {
  const { lang, cmd } = wording;
  const w: Words = {
    lang,
    cmd,
    at: (location) => locationText(lang, location),
    errno: (code) => errnoText(lang, code),
    problem: (p) => problemText(wording, p),
    list: (values) => values.join(', '),
  };
  return w;
}

/** A file name as a message may show it (core/privacy.ts shownLabel: a BSN in it becomes `…`). */
function shownFile(params: unknown): unknown {
  if (typeof params !== 'object' || params === null) return params;
  const { file } = params as { file?: unknown };
  return typeof file === 'string' && file !== '-' ? { ...params, file: shownLabel(file) } : params;
}

export function problemText(wording: ProblemWording, p: Problem): string {
  const say = CATALOGUE[wording.lang][p.kind as ProblemKind] as (params: unknown, w: Words) => string;
  return say(shownFile(p.params), wordsFor(wording));
}

/** One line under an error: `stdin regel 2: unexcusedHours4w: verwacht een getal ≥ 0`. */
export function detailText(wording: ProblemWording, d: Detail): string {
  if (typeof d === 'string') return d;
  const where = d.at ? `${locationText(wording.lang, d.at)}: ` : (d.label ?? '');
  const path = d.path === undefined ? '' : `${d.path === '' ? (wording.lang === 'nl' ? '(het object)' : '(the object)') : d.path}: `;
  return `${where}${path}${problemText(wording, d.problem)}`;
}

/** `… en nog 3` under a list cut short. */
export function moreText(lang: Lang, n: number): string {
  return lang === 'nl' ? `… en nog ${n}` : `… and ${n} more`;
}

/** A problem or an unconverted string, worded. */
export function textOf(wording: ProblemWording, p: Problem | string): string {
  return typeof p === 'string' ? p : problemText(wording, p);
}

/** Row problems of a batch, as written into its records (no hint in them, so no command name). */
export function rowProblemDescriber(lang: Lang): (p: Problem) => string {
  const wording: ProblemWording = { lang, cmd: 'zorgroute' };
  return (p) => problemText(wording, p);
}
