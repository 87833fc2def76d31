// The words of the problems in core/problems.ts, in Dutch and English: a message and a hint.
import type { Lang } from '../../core/routing/compile.js';
import type { Problem } from '../../core/output-problems.js';

export interface ProblemText {
  message: string;
  hint?: string;
}

type Wording = { [K in Problem['kind']]: (p: Extract<Problem, { kind: K }>) => ProblemText };

/** What an errno code means, in words (the code itself is shown too, for the IT staff). */
const ERRNO: Record<Lang, Record<string, string>> = {
  nl: {
    ENOSPC: 'de schijf is vol',
    EDQUOT: 'de schijfruimte (quota) is op',
    EFBIG: 'het bestand wordt te groot',
    EIO: 'invoer/uitvoerfout van het apparaat',
    EACCES: 'geen toestemming',
    EPERM: 'niet toegestaan',
    ENOENT: 'de map bestaat niet',
    ENOTDIR: 'een deel van het pad is geen map',
    EROFS: 'alleen-lezen bestandssysteem',
    EBADF: 'de uitvoer is gesloten',
  },
  en: {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file grows too large',
    EIO: 'an input/output error of the device',
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'part of the path is not a folder',
    EROFS: 'a read-only file system',
    EBADF: 'the output is closed',
  },
};

const errnoText = (lang: Lang, code: string): string => (ERRNO[lang][code] ? `${ERRNO[lang][code]} (${code})` : code);

const nl: Wording = {
  'out-is-directory': (p) => ({ message: `--out ${p.path} is een map, geen bestand`, hint: `geef een bestandsnaam in die map, bijvoorbeeld --out ${p.path.replace(/[\\/]+$/, '')}/resultaat.csv` }),
  'out-not-writable': (p) => ({ message: `kan niet schrijven naar ${p.path}: ${errnoText('nl', p.code)}`, hint: 'geef --out een bestand in een map die bestaat en waarin u mag schrijven' }),
  'output-failed': (p) => ({ message: `schrijven naar ${p.target} mislukt: ${errnoText('nl', p.code)}`, hint: 'maak ruimte vrij of schrijf naar een andere plek; de uitvoer is niet compleet' }),
  'format-extension-mismatch': (p) => ({
    message: `--format ${p.format} past niet bij --out ${p.path} (een .${p.extension}-bestand)`,
    hint: `gebruik --format ${p.extension === 'jsonl' ? 'ndjson' : p.extension} voor dit bestand, of een bestandsnaam die op .${p.format} eindigt`,
  }),
  'not-csv': (p) => ({
    message: `${p.label} is geen CSV-bestand maar ${{ xlsx: 'een Excel-werkmap (.xlsx)', xls: 'een oud Excel-bestand (.xls)', pdf: 'een PDF', zip: 'een zip-archief', utf16: 'Unicode-tekst (UTF-16)' }[p.found]}`,
    hint: p.found === 'pdf' || p.found === 'zip' ? 'exporteer de leerlingen uit het leerlingvolgsysteem als CSV' : 'open het in Excel en sla op als CSV (puntkomma-gescheiden) (*.csv)',
  }),
  'db-symlink': (p) => ({ message: `${p.path} is een symbolische koppeling; zorgroute opent geen casuslogboek via een koppeling`, hint: 'geef het echte bestand met --db, of verwijder de koppeling; er is niets gewijzigd' }),
  'db-folder-missing': (p) => ({ message: `de map ${p.folder} van het casuslogboek ${p.path} bestaat niet`, hint: 'maak de map eerst aan (zorgroute maakt alleen zijn eigen standaardmap), of kies een ander bestand met --db' }),
};

const en: Wording = {
  'out-is-directory': (p) => ({ message: `--out ${p.path} is a folder, not a file`, hint: `give a file name in that folder, e.g. --out ${p.path.replace(/[\\/]+$/, '')}/results.csv` }),
  'out-not-writable': (p) => ({ message: `cannot write ${p.path}: ${errnoText('en', p.code)}`, hint: 'give --out a file in a folder that exists and that you may write to' }),
  'output-failed': (p) => ({ message: `writing to ${p.target} failed: ${errnoText('en', p.code)}`, hint: 'free some space or write elsewhere; the output is incomplete' }),
  'format-extension-mismatch': (p) => ({
    message: `--format ${p.format} does not fit --out ${p.path} (a .${p.extension} file)`,
    hint: `use --format ${p.extension === 'jsonl' ? 'ndjson' : p.extension} for this file, or a file name ending in .${p.format}`,
  }),
  'not-csv': (p) => ({
    message: `${p.label} is not a CSV file but ${{ xlsx: 'an Excel workbook (.xlsx)', xls: 'an old Excel file (.xls)', pdf: 'a PDF', zip: 'a zip archive', utf16: 'Unicode text (UTF-16)' }[p.found]}`,
    hint: p.found === 'pdf' || p.found === 'zip' ? 'export the students from the student system as CSV' : 'open it in Excel and choose Save As → CSV (semicolon delimited) (*.csv)',
  }),
  'db-symlink': (p) => ({ message: `${p.path} is a symbolic link; zorgroute does not open a case log through a link`, hint: 'give the real file with --db, or remove the link; nothing was changed' }),
  'db-folder-missing': (p) => ({ message: `the folder ${p.folder} of the case database ${p.path} does not exist`, hint: 'create the folder first (zorgroute creates only its own default folder), or choose another file with --db' }),
};

export function problemText(lang: Lang, problem: Problem): ProblemText {
  const wording = (lang === 'en' ? en : nl) as unknown as Record<string, (p: Problem) => ProblemText>;
  return wording[problem.kind]!(problem);
}
