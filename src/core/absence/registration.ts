// One row of a registrations export → a registration, or the one problem that stops it (with its
// column). Columns are found by header as in the students file (folded: case, spaces, _ and -
// do not count), with a mapping of the school's own headers.
import { containsBsn } from '../bsn.js';
import { normalizeDate, parseIsoDate, toDayNumber } from '../dates.js';
import { foldHeader, displayHeader } from '../rows/columns.js';
import { parseBooleanText, parseDecimalText } from '../text-values.js';
import { foldCode } from './codes.js';

export const REGISTRATION_FIELDS = ['leerlingnummer', 'datum', 'lesuur', 'code', 'einddatum', 'begintijd', 'eindtijd', 'minuten', 'geoorloofd'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];
const REQUIRED: readonly RegistrationField[] = ['leerlingnummer', 'datum', 'code'];

/** A few names other systems use, recognised without a mapping. */
const ALIASES: Readonly<Record<string, RegistrationField>> = {
  studentref: 'leerlingnummer',
  stamnummer: 'leerlingnummer',
  deelnemernummer: 'leerlingnummer',
  begindatum: 'datum',
  reden: 'code',
  afkorting: 'code',
};

export interface RegistrationPlan {
  headers: string[];
  index: { readonly [K in RegistrationField]: number };
  unknown: string[];
}

export type RegistrationPlanProblem =
  | { kind: 'reg-missing-column'; column: RegistrationField }
  | { kind: 'reg-duplicate-column'; column: RegistrationField; headers: [string, string] };

/** `map`: folded header → registration field (or null: ignore). */
export function planRegistrationColumns(headerCells: readonly string[], map: ReadonlyMap<string, RegistrationField | null> = new Map()): { ok: true; plan: RegistrationPlan } | { ok: false; problems: RegistrationPlanProblem[]; headers: string[] } {
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
  for (const f of REQUIRED) if (index[f] < 0) problems.push({ kind: 'reg-missing-column', column: f });
  return problems.length > 0 ? { ok: false, problems, headers } : { ok: true, plan: { headers, index, unknown } };
}

export interface Registration {
  studentRef: string;
  day: number;
  /** Same as `day` for a registration of one day. */
  endDay: number;
  /** 0: the whole day. */
  lesuur: number;
  /** Minutes of absence when given (minuten, or eindtijd − begintijd); undefined otherwise. */
  minutes: number | undefined;
  code: string;
  /** The geoorloofd cell, when filled: wins over the code table. */
  excused: boolean | undefined;
}

export type RegistrationProblemKind = 'empty-required' | 'bad-date' | 'bad-lesuur' | 'bad-time' | 'bad-minutes' | 'bad-excused' | 'end-before-start' | 'bsn' | 'beyond-header' | 'bad-student-ref';

export type RegistrationRow = { ok: true; registration: Registration } | { ok: false; column: string; problem: RegistrationProblemKind; studentRef: string | undefined };

const TIME = /^(\d{1,2}):?(\d{2})$/;
const MAX_REF = 64;

/** `8:30`, `08:30` or `0830` → minutes after midnight. */
export function parseClockTime(text: string): number | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : undefined;
}

function dayOfText(text: string): number | undefined {
  const iso = normalizeDate(text.length === 8 && /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : text);
  return iso === undefined ? undefined : toDayNumber(parseIsoDate(iso)!);
}

export function readRegistration(cells: readonly string[], plan: RegistrationPlan): RegistrationRow {
  const cell = (f: RegistrationField): string => (plan.index[f] < 0 ? '' : (cells[plan.index[f]] ?? '').trim());
  const header = (f: RegistrationField): string => plan.headers[plan.index[f]] ?? f;
  const refText = cell('leerlingnummer');
  const usableRef = refText !== '' && refText.length <= MAX_REF && !containsBsn(refText) ? refText : undefined;
  const fail = (column: string, problem: RegistrationProblemKind): RegistrationRow => ({ ok: false, column, problem, studentRef: usableRef });
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c.length >= 9 && containsBsn(c)) return fail(plan.headers[i] ?? `(column ${i + 1})`, 'bsn');
  }
  for (let i = plan.headers.length; i < cells.length; i++) if (cells[i]!.trim() !== '') return fail(`(column ${i + 1})`, 'beyond-header');
  for (const f of REQUIRED) if (cell(f) === '') return fail(header(f), 'empty-required');
  if (usableRef === undefined) return fail(header('leerlingnummer'), 'bad-student-ref');
  const day = dayOfText(cell('datum'));
  if (day === undefined) return fail(header('datum'), 'bad-date');
  let endDay = day;
  if (cell('einddatum') !== '') {
    const end = dayOfText(cell('einddatum'));
    if (end === undefined) return fail(header('einddatum'), 'bad-date');
    if (end < day) return fail(header('einddatum'), 'end-before-start');
    endDay = end;
  }
  let lesuur = 0;
  if (cell('lesuur') !== '') {
    const n = Number(cell('lesuur'));
    if (!Number.isInteger(n) || n < 1 || n > 16) return fail(header('lesuur'), 'bad-lesuur');
    lesuur = n;
  }
  let minutes: number | undefined;
  if (cell('minuten') !== '') {
    const n = parseDecimalText(cell('minuten'));
    if (n === undefined || n <= 0 || n > 24 * 60) return fail(header('minuten'), 'bad-minutes');
    minutes = n;
  } else if (cell('begintijd') !== '' || cell('eindtijd') !== '') {
    const from = parseClockTime(cell('begintijd'));
    if (from === undefined) return fail(header('begintijd'), 'bad-time');
    const to = parseClockTime(cell('eindtijd'));
    if (to === undefined) return fail(header('eindtijd'), 'bad-time');
    if (to <= from) return fail(header('eindtijd'), 'end-before-start');
    minutes = to - from;
  }
  let excused: boolean | undefined;
  if (cell('geoorloofd') !== '') {
    excused = parseBooleanText(cell('geoorloofd'));
    if (excused === undefined) return fail(header('geoorloofd'), 'bad-excused');
  }
  return { ok: true, registration: { studentRef: usableRef, day, endDay, lesuur, minutes, code: foldCode(cell('code')), excused } };
}
