// The words of the problems in core/problems.ts, in Dutch and English: a message and a hint.
import type { Lang } from '../../core/routing/compile.js';
import type { DbOrigin, Problem } from '../../core/output-problems.js';
import { shownValues } from '../../core/privacy.js';

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
    SQLITE_FULL: 'de schijf is vol',
    SQLITE_IOERR: 'invoer/uitvoerfout van het apparaat',
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
    SQLITE_FULL: 'the disk is full',
    SQLITE_IOERR: 'an input/output error of the device',
  },
};

const errnoText = (lang: Lang, code: string): string => {
  const words = ERRNO[lang][code] ?? ERRNO[lang][code.replace(/^(SQLITE_IOERR).*/, '$1')];
  return words ? `${words} (${code})` : code;
};

const ORIGIN: Record<Lang, Record<DbOrigin, string>> = {
  nl: { flag: 'gekozen met --db', env: 'uit ZORGROUTE_DB', default: 'de standaardplek' },
  en: { flag: 'given with --db', env: 'from ZORGROUTE_DB', default: 'the default place' },
};

const nl: Wording = {
  'db-write-failed': (p) => ({
    message: `schrijven in het casuslogboek ${p.path} mislukt: ${errnoText('nl', p.code)}`,
    hint: 'er is niets half vastgelegd: maak ruimte vrij en geef dezelfde opdracht opnieuw (wat al vastgelegd is, wordt niet dubbel vastgelegd)',
  }),
  'out-is-input': (p) => ({ message: `--out ${p.path} is hetzelfde bestand als de invoer ${p.input}`, hint: 'schrijven zou de export vervangen die gelezen wordt: kies een andere naam voor --out' }),
  'out-dangling-link': (p) => ({ message: `--out ${p.path} is een symbolische koppeling naar ${p.target}, en dat bestand bestaat niet`, hint: 'verwijder of herstel de koppeling, of kies een andere naam voor --out' }),
  'db-missing': (p) => ({
    message: `het casuslogboek ${p.path} (${ORIGIN.nl[p.origin]}) bestaat niet`,
    hint: 'controleer --db en ZORGROUTE_DB; alleen een opdracht die schrijft (route --log, intake, batch --log) maakt een logboek aan',
  }),
  'db-empty': (p) => ({ message: `het casuslogboek ${p.path} (${ORIGIN.nl[p.origin]}) is leeg (0 bytes), geen logboek van zorgroute`, hint: 'controleer --db en ZORGROUTE_DB; er is niets gewijzigd' }),
  'db-not-a-log': (p) => ({ message: `${p.path} (${ORIGIN.nl[p.origin]}) is geen casuslogboek van zorgroute`, hint: 'controleer --db en ZORGROUTE_DB; er is niets gewijzigd' }),
  'db-foreign-owner': (p) => ({
    message: `${p.path} is van gebruiker ${p.owner}, niet van ${p.user}: zorgroute gebruikt geen casuslogboek dat van een ander is (die kan de leerlingnummers lezen)`,
    hint: `kies een eigen bestand met --db, of laat de beheerder het overdragen: chown ${p.user} ${p.path} && chmod 600 ${p.path}`,
  }),
  'db-mode-open': (p) => ({ message: `${p.path} heeft rechten ${p.mode}: groep of anderen kunnen het lezen, en zorgroute kan dat niet afsluiten`, hint: `maak het alleen voor uzelf leesbaar: chmod 600 ${p.path}` }),
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
  'db-write-failed': (p) => ({
    message: `writing to the case log ${p.path} failed: ${errnoText('en', p.code)}`,
    hint: 'nothing was half recorded: free some space and give the same command again (what was recorded is not recorded twice)',
  }),
  'out-is-input': (p) => ({ message: `--out ${p.path} is the same file as the input ${p.input}`, hint: 'writing would replace the export being read: choose another name for --out' }),
  'out-dangling-link': (p) => ({ message: `--out ${p.path} is a symbolic link to ${p.target}, which does not exist`, hint: 'remove or repair the link, or choose another name for --out' }),
  'db-missing': (p) => ({
    message: `the case log ${p.path} (${ORIGIN.en[p.origin]}) does not exist`,
    hint: 'check --db and ZORGROUTE_DB; only a command that writes (route --log, intake, batch --log) creates a log',
  }),
  'db-empty': (p) => ({ message: `the case log ${p.path} (${ORIGIN.en[p.origin]}) is empty (0 bytes), not a zorgroute log`, hint: 'check --db and ZORGROUTE_DB; nothing was changed' }),
  'db-not-a-log': (p) => ({ message: `${p.path} (${ORIGIN.en[p.origin]}) is not a zorgroute case log`, hint: 'check --db and ZORGROUTE_DB; nothing was changed' }),
  'db-foreign-owner': (p) => ({
    message: `${p.path} belongs to user ${p.owner}, not to ${p.user}: zorgroute does not use a case log that is somebody else's (they could read the student numbers)`,
    hint: `choose a file of your own with --db, or have the administrator hand it over: chown ${p.user} ${p.path} && chmod 600 ${p.path}`,
  }),
  'db-mode-open': (p) => ({ message: `${p.path} has mode ${p.mode}: its group or others can read it, and zorgroute cannot close that`, hint: `make it readable by you alone: chmod 600 ${p.path}` }),
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
  return wording[problem.kind]!(shownValues(problem)); // paths and labels: no BSN, no control character
}
