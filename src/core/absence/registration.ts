// One row of a registrations export → a registration, or the one problem that stops it (with its
// column). Columns are found by header as in the students file (folded: case, spaces, _ and -
// do not count), with a mapping of the school's own headers.
import { containsBsn } from '../bsn.js';
import { mayHoldBsn } from '../rows/row-fast.js';
import { normalizeDate, parseIsoDate, toDayNumber } from '../dates.js';
import { foldHeader, displayHeader } from '../rows/columns.js';
import { parseBooleanText, parseDecimalText } from '../text-values.js';
import { foldCode } from './codes.js';
import { REGISTRATION_FIELDS, type RegistrationField } from './export-shapes/registration-fields.js';
import { parseMoment, type Moment } from './export-shapes/date-time.js';
import { guessRegistrationColumns, registrationMapSkeleton } from './export-shapes/reg-guess.js';

/** Required in every row; `datum` may come from `begin` (a date with a time: SOMtoday, Magister). */
const REQUIRED: readonly RegistrationField[] = ['leerlingnummer', 'code'];

/** A few names other systems use, recognised without a mapping. */
const ALIASES: Readonly<Record<string, RegistrationField>> = {
  studentref: 'leerlingnummer',
  stamnummer: 'leerlingnummer',
  deelnemernummer: 'leerlingnummer',
  begindatum: 'datum',
  reden: 'code',
  afkorting: 'code',
  beginlesuur: 'lesuur',
  begindatumtijd: 'begin',
  einddatumtijd: 'eind',
};

export interface RegistrationPlan {
  headers: string[];
  index: { readonly [K in RegistrationField]: number };
  unknown: string[];
}

export type RegistrationPlanProblem =
  /** `guess`: the header that probably holds it (shown as a suggestion, never used silently). */
  | { kind: 'reg-missing-column'; column: RegistrationField; guess?: string }
  | { kind: 'reg-duplicate-column'; column: RegistrationField; headers: [string, string] };

export type RegistrationPlanResult =
  | { ok: true; plan: RegistrationPlan }
  /** `skeleton`: a `--reg-map` with the guesses filled in, to save and edit (headers that look like data left out). */
  | { ok: false; problems: RegistrationPlanProblem[]; headers: string[]; skeleton: Record<string, RegistrationField | null> | undefined };

/** `map`: folded header → registration field (or null: ignore). */
export function planRegistrationColumns(headerCells: readonly string[], map: ReadonlyMap<string, RegistrationField | null> = new Map()): RegistrationPlanResult {
  const headers = headerCells.map(displayHeader);
  const index = Object.fromEntries(REGISTRATION_FIELDS.map((f) => [f, -1])) as { [K in RegistrationField]: number };
  const unknown: string[] = [];
  const problems: RegistrationPlanProblem[] = [];
  headerCells.forEach((cell, i) => {
    const folded = foldHeader(cell);
    const field = map.has(folded) ? map.get(folded)! : (REGISTRATION_FIELDS.find((f) => foldHeader(f) === folded) ?? ALIASES[folded]);
    if (field === null) return;
    if (field === undefined) {
      unknown.push(headers[i]!);
      return;
    }
    if (index[field] >= 0) problems.push({ kind: 'reg-duplicate-column', column: field, headers: [headers[index[field]]!, headers[i]!] });
    else index[field] = i;
  });
  const missing = REQUIRED.filter((f) => index[f] < 0);
  if (index.datum < 0 && index.begin < 0) missing.splice(1, 0, 'datum');
  if (missing.length > 0) {
    const known = new Map<number, RegistrationField>();
    for (const f of REGISTRATION_FIELDS) if (index[f] >= 0) known.set(index[f], f);
    const guesses = guessRegistrationColumns(headers, missing, new Set(known.keys()));
    for (const f of missing) {
      const at = guesses.get(f);
      problems.push(at === undefined ? { kind: 'reg-missing-column', column: f } : { kind: 'reg-missing-column', column: f, guess: headers[at]! });
    }
    // the skeleton also guesses the optional fields the file seems to have (Uur → lesuur)
    const taken = new Set([...known.keys(), ...guesses.values()]);
    const optional = REGISTRATION_FIELDS.filter((f) => index[f] < 0 && !missing.includes(f) && !(f === 'begin' && missing.includes('datum')));
    const more = guessRegistrationColumns(headers, optional, taken);
    return { ok: false, problems, headers, skeleton: registrationMapSkeleton(headers, known, new Map([...guesses, ...more])) };
  }
  return problems.length > 0 ? { ok: false, problems, headers, skeleton: undefined } : { ok: true, plan: { headers, index, unknown } };
}

export interface Registration {
  studentRef: string;
  day: number;
  /** Same as `day` for a registration of one day. */
  endDay: number;
  /** 0: the whole day. */
  lesuur: number;
  /** How many lessons from `lesuur` on (beginlesuur–eindlesuur); 1 for one lesson, 0 for the whole day. */
  lessons: number;
  /** Minutes of absence when given (minuten, or eindtijd − begintijd); undefined otherwise. */
  minutes: number | undefined;
  /** begintijd in minutes after midnight, when the row has times (with `minutes` = eindtijd − begintijd). */
  startMinute?: number | undefined;
  code: string;
  /** The geoorloofd cell, when filled: wins over the code table. */
  excused: boolean | undefined;
}

export type RegistrationProblemKind = 'empty-required' | 'bad-date' | 'bad-lesuur' | 'bad-time' | 'bad-minutes' | 'bad-excused' | 'end-before-start' | 'bsn' | 'beyond-header' | 'bad-student-ref' | 'bad-moment';

export type RegistrationRow = { ok: true; registration: Registration } | { ok: false; column: string; problem: RegistrationProblemKind; studentRef: string | undefined };

const TIME = /^(\d{1,2}):?(\d{2})$/;
/** A registration from a moment to a moment of 8 hours or more on one day counts as the whole day. */
export const WHOLE_DAY_MINUTES = 8 * 60;
const MAX_REF = 64;

/** `8:30`, `08:30` or `0830` → minutes after midnight. */
export function parseClockTime(text: string): number | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

/** A date cell (trimmed) → its day number, or undefined when it is not a date the reader accepts. */
export function dayOfText(text: string): number | undefined {
  const iso = normalizeDate(text.length === 8 && /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : text);
  return iso === undefined ? undefined : toDayNumber(parseIsoDate(iso)!);
}

/**
 * Reads registration rows of one file. A class, so that a row costs no closures: a board's export
 * has millions of rows. Dates repeat (an export in date order has a few hundred distinct ones), so
 * the last date read is remembered.
 */
export class RegistrationReader {
  private lastDateText = '';
  private lastDay: number | undefined;
  private readonly at: RegistrationPlan['index'];

  constructor(private readonly plan: RegistrationPlan) {
    this.at = plan.index;
  }

  private dayOf(text: string): number | undefined {
    if (text !== this.lastDateText) {
      this.lastDateText = text;
      this.lastDay = dayOfText(text);
    }
    return this.lastDay;
  }

  private cell(cells: readonly string[], field: RegistrationField): string {
    const i = this.at[field];
    if (i < 0) return '';
    const c = cells[i];
    if (c === undefined || c === '') return '';
    const first = c.charCodeAt(0);
    const last = c.charCodeAt(c.length - 1);
    return first <= 32 || last <= 32 ? c.trim() : c;
  }

  private header(field: RegistrationField): string {
    return this.plan.headers[this.at[field]] ?? field;
  }

  read(cells: readonly string[]): RegistrationRow {
    const plan = this.plan;
    const refText = this.cell(cells, 'leerlingnummer');
    let usableRef: string | undefined = refText !== '' && refText.length <= MAX_REF ? refText : undefined;
    if (usableRef !== undefined && mayHoldBsn(usableRef) && containsBsn(usableRef)) usableRef = undefined;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (mayHoldBsn(c) && containsBsn(c)) return fail(plan.headers[i] ?? `#${i + 1}`, 'bsn', usableRef);
    }
    for (let i = plan.headers.length; i < cells.length; i++) if (cells[i]!.trim() !== '') return fail(`#${i + 1}`, 'beyond-header', usableRef);
    for (const f of REQUIRED) if (this.cell(cells, f) === '') return fail(this.header(f), 'empty-required', usableRef);
    if (usableRef === undefined) return fail(this.header('leerlingnummer'), 'bad-student-ref', usableRef);
    let day: number | undefined;
    let begin: Moment | undefined;
    const dateText = this.cell(cells, 'datum');
    if (dateText !== '') {
      day = this.dayOf(dateText);
      if (day === undefined) return fail(this.header('datum'), 'bad-date', usableRef);
    } else {
      const beginText = this.cell(cells, 'begin');
      if (beginText === '') return fail(this.header(this.at.datum >= 0 ? 'datum' : 'begin'), 'empty-required', usableRef);
      begin = parseMoment(beginText);
      if (begin === undefined) return fail(this.header('begin'), 'bad-moment', usableRef);
      day = begin.day;
    }
    let endDay = day;
    const endText = this.cell(cells, 'einddatum');
    if (endText !== '') {
      const end = dayOfText(endText);
      if (end === undefined) return fail(this.header('einddatum'), 'bad-date', usableRef);
      if (end < day) return fail(this.header('einddatum'), 'end-before-start', usableRef);
      endDay = end;
    }
    let end: Moment | undefined;
    const endMomentText = this.cell(cells, 'eind');
    if (endMomentText !== '') {
      end = parseMoment(endMomentText);
      if (end === undefined) return fail(this.header('eind'), 'bad-moment', usableRef);
      if (end.day < day || (end.day === day && begin?.minute !== undefined && end.minute !== undefined && end.minute < begin.minute)) return fail(this.header('eind'), 'end-before-start', usableRef);
      // an end at midnight closes the day before it (a sick report 12-10 00:00 – 13-10 00:00 is one day)
      const lastDay = end.day > day && end.minute === 0 ? end.day - 1 : end.day;
      endDay = Math.max(endDay, lastDay);
    }
    let lesuur = 0;
    const lesuurText = this.cell(cells, 'lesuur');
    if (lesuurText !== '') {
      // One digit is the common cell; anything but one or two digits 0–9 (`?`, `@`, `1e1`, `0x3`) is not a lesuur.
      const c = lesuurText.charCodeAt(0) - 48;
      const n = lesuurText.length === 1 ? (c >= 0 && c <= 9 ? c : NaN) : /^\d{1,2}$/.test(lesuurText) ? Number(lesuurText) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > 16) return fail(this.header('lesuur'), 'bad-lesuur', usableRef);
      lesuur = n;
    }
    let lessons = lesuur === 0 ? 0 : 1;
    const lastText = this.cell(cells, 'eindlesuur');
    if (lastText !== '' && lesuur > 0) {
      const n = /^\d{1,2}$/.test(lastText) ? Number(lastText) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > 16) return fail(this.header('eindlesuur'), 'bad-lesuur', usableRef);
      if (n < lesuur) return fail(this.header('eindlesuur'), 'end-before-start', usableRef);
      lessons = n - lesuur + 1;
    }
    let minutes: number | undefined;
    let startMinute: number | undefined;
    const minutesText = this.cell(cells, 'minuten');
    const fromText = this.cell(cells, 'begintijd');
    const toText = this.cell(cells, 'eindtijd');
    if (lessons > 1) {
      // a range of lessons (beginlesuur–eindlesuur) counts its lessons; the times beside it add nothing
    } else if (minutesText !== '') {
      const n = parseDecimalText(minutesText);
      if (n === undefined || n <= 0 || n > 24 * 60) return fail(this.header('minuten'), 'bad-minutes', usableRef);
      minutes = n;
    } else if (fromText !== '' || toText !== '') {
      const from = parseClockTime(fromText);
      if (from === undefined) return fail(this.header('begintijd'), 'bad-time', usableRef);
      const to = parseClockTime(toText);
      if (to === undefined) return fail(this.header('eindtijd'), 'bad-time', usableRef);
      if (to <= from) return fail(this.header('eindtijd'), 'end-before-start', usableRef);
      minutes = to - from;
      startMinute = from;
    } else if (begin?.minute !== undefined && end?.minute !== undefined && end.day === day && endDay === day) {
      // one day with clock times (SOMtoday, Magister): the minutes between them; a span of a whole
      // school day or more (00:00–23:59, 08:00–17:00) is the whole day, as a registration without times
      if (end.minute <= begin.minute) return fail(this.header('eind'), 'end-before-start', usableRef);
      const span = end.minute - begin.minute;
      if (span < WHOLE_DAY_MINUTES) {
        minutes = span;
        startMinute = begin.minute;
      }
    }
    let excused: boolean | undefined;
    const excusedText = this.cell(cells, 'geoorloofd');
    if (excusedText !== '') {
      excused = parseBooleanText(excusedText);
      if (excused === undefined) return fail(this.header('geoorloofd'), 'bad-excused', usableRef);
    }
    return { ok: true, registration: { studentRef: usableRef, day, endDay, lesuur, lessons, minutes, startMinute, code: foldCode(this.cell(cells, 'code')), excused } };
  }
}

function fail(column: string, problem: RegistrationProblemKind, studentRef: string | undefined): RegistrationRow {
  return { ok: false, column, problem, studentRef };
}

/** One row on its own (tests; a file is read with a RegistrationReader). */
export function readRegistration(cells: readonly string[], plan: RegistrationPlan): RegistrationRow {
  return new RegistrationReader(plan).read(cells);
}
