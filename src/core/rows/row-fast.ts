// The fast path from CSV cells to a situation. Running zod on every row of a million-row export
// costs more than parsing the CSV itself, so valid rows are read here: plain checks for the common
// spellings (`ja`, `0`, `12,5`, `01-10-2025`), coerceFieldText for any other cell, the schema's
// range checks by hand, and one object literal per row (all rows share one shape). It may only
// *accept*: whatever it does not accept goes to row-situation's slow path (coerceFieldText + zod).
// test/core/row-situation.test.ts checks on generated rows that whatever it accepts equals what
// coerceFieldText + parseSituation give.
//
// It also screens for a BSN: a cell the fast readers accept (a date, ja/nee, a number of at most
// eight characters, an enum word) cannot hold nine digits; every other cell — the student number,
// columns not mapped, cells read by coerceFieldText — is checked. The student number is also held
// to the privacy guard's character check and every number to its field's upper bound, as in the
// schema (core/routing/situation.ts), once per row after the cells are read (cheaper than in each
// read), so that the slow path gives the message.
import { containsBsn, isBsnLike } from '../bsn.js';
import { isNormalStudentRef } from '../student-ref.js';
import type { ColumnPlan } from './columns.js';
import { daysInMonth } from '../dates.js';
import { unsafeCharacter } from '../privacy.js';
import { FIELD_KINDS, NUMBER_LIMITS as MAX, reachedOnProblem, situationInputSchema, type FieldKind, type Situation, type SituationField } from '../routing/situation.js';
import { coerceFieldText } from '../text-values.js';

export const MAX_STUDENT_REF = 64;

/**
 * Cheap pre-check: a BSN needs nine digits, and most cells have far fewer. A character outside
 * ASCII may be another script's digit: containsBsn decides.
 */
export function mayHoldBsn(text: string): boolean {
  if (text.length < 9) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || (c >= 48 && c <= 57 && ++digits === 9)) return true;
  }
  return false;
}

function holdsBsn(text: string): boolean {
  return mayHoldBsn(text) && containsBsn(text);
}

/** "Not one of the common spellings (ask coerceFieldText)", or, from a reader, "not valid". */
const ASK = Symbol('ask');
type Fast = unknown;

function digitAt(t: string, i: number): number {
  const c = t.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100000;
}

function isoOf(year: number, month: number, day: number): string | typeof ASK {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return ASK;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** `dd-mm-jjjj` and `jjjj-mm-dd`, exactly ten characters; anything else is asked. */
function fastDate(t: string): Fast {
  if (t.length !== 10) return t === '' ? undefined : ASK;
  if (t.charCodeAt(2) === 45 && t.charCodeAt(5) === 45) {
    const day = digitAt(t, 0) * 10 + digitAt(t, 1);
    const month = digitAt(t, 3) * 10 + digitAt(t, 4);
    const year = digitAt(t, 6) * 1000 + digitAt(t, 7) * 100 + digitAt(t, 8) * 10 + digitAt(t, 9);
    return day < 0 || month < 0 || year < 0 ? ASK : isoOf(year, month, day);
  }
  if (t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    const year = digitAt(t, 0) * 1000 + digitAt(t, 1) * 100 + digitAt(t, 2) * 10 + digitAt(t, 3);
    const month = digitAt(t, 5) * 10 + digitAt(t, 6);
    const day = digitAt(t, 8) * 10 + digitAt(t, 9);
    return day < 0 || month < 0 || year < 0 ? ASK : isoOf(year, month, day);
  }
  return ASK;
}

function fastBoolean(t: string): Fast {
  switch (t) {
    case 'ja':
    case 'j':
    case '1':
    case 'true':
      return true;
    case 'nee':
    case 'n':
    case '0':
    case 'false':
      return false;
    case '':
      return undefined;
    default:
      return ASK;
  }
}

/**
 * Up to eight characters of digits with at most one decimal comma or point inside (`7`, `12,5`):
 * the value parseDecimalText gives. Too short to hold a BSN. Anything else is asked.
 */
function fastNumber(t: string): Fast {
  const n = t.length;
  if (n === 0) return undefined;
  if (n > 8) return ASK;
  let value = 0;
  let separator = -1;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if ((c === 44 || c === 46) && separator < 0 && i > 0 && i < n - 1) separator = i;
    else return ASK;
  }
  if (separator < 0) return value;
  return Number(`${t.slice(0, separator)}.${t.slice(separator + 1)}`);
}

/** Only printable ASCII at the edges: trim() also removes Unicode spaces, so those are asked. */
function fastValue(kind: FieldKind, t: string): Fast {
  switch (kind.kind) {
    case 'date':
      return fastDate(t);
    case 'boolean':
      return fastBoolean(t);
    case 'count':
    case 'amount':
      return fastNumber(t);
    case 'studentRef':
      if (t === '') return undefined;
      return isNormalStudentRef(t) ? t : ASK;
    case 'enum':
      if (t === '') return undefined;
      return kind.values.includes(t) ? t : ASK;
    case 'nullableBoolean':
      return t === '' ? null : fastBoolean(t);
    case 'enumList':
      return t === '' ? undefined : ASK;
  }
}

function slowValue(field: SituationField, text: string): unknown {
  const coerced = coerceFieldText(field, text);
  if (coerced === undefined) return undefined;
  return coerced.ok ? coerced.value : ASK;
}

/** What coerceFieldText gives for `text` (via the fast readers where they apply); a symbol when the text is wrong. */
export function cellValue(field: SituationField, text: string): unknown {
  const fast = fastValue(FIELD_KINDS[field], text);
  return fast !== ASK ? fast : slowValue(field, text);
}

/**
 * The value of `field` in this row: `fallback` when there is no column or the cell is empty, ASK
 * when the cell is wrong, holds a BSN (screened unless a fast reader vouches for it) or is out of
 * the schema's range.
 */
function read(cells: readonly string[], at: number, field: SituationField, kind: FieldKind, fallback: unknown): unknown {
  if (at < 0) return fallback;
  const text = cells[at] ?? '';
  let value = fastValue(kind, text);
  if (value === ASK || kind.kind === 'studentRef') {
    if (holdsBsn(text)) return ASK;
    if (value === ASK) value = slowValue(field, text);
  }
  if (value === undefined) return fallback;
  if (value === ASK) return ASK;
  switch (kind.kind) {
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? value : ASK;
    case 'amount':
      return Number.isFinite(value) && (value as number) >= 0 ? value : ASK;
    case 'studentRef':
      return (value as string).length <= MAX_STUDENT_REF && !isBsnLike(value as string) ? value : ASK;
    default:
      return value; // dates, booleans and enums come out of the readers valid
  }
}

const D = situationInputSchema.parse({ studentRef: 'x', birthDate: '2000-01-01' });
const K = FIELD_KINDS;

/** The fast path: a situation, or undefined to ask the slow path (which gives the message). */
export function fastSituation(cells: readonly string[], plan: ColumnPlan, fallbackDate: string): Situation | undefined {
  for (const at of plan.unmapped) if (at < cells.length && holdsBsn(cells[at]!)) return undefined;
  const at = plan.indexOf;
  // One variable per field and one literal at the end: no keyed stores, one shape for every row.
  const studentRef = read(cells, at.studentRef, 'studentRef', K.studentRef, ASK);
  const birthDate = read(cells, at.birthDate, 'birthDate', K.birthDate, ASK);
  const referenceDate = read(cells, at.referenceDate, 'referenceDate', K.referenceDate, fallbackDate);
  const educationType = read(cells, at.educationType, 'educationType', K.educationType, D.educationType);
  const enrolled = read(cells, at.enrolled, 'enrolled', K.enrolled, D.enrolled);
  const startkwalificatie = read(cells, at.startkwalificatie, 'startkwalificatie', K.startkwalificatie, D.startkwalificatie);
  const exemption = read(cells, at.exemption, 'exemption', K.exemption, D.exemption);
  const schoolYearsCompleted = read(cells, at.schoolYearsCompleted, 'schoolYearsCompleted', K.schoolYearsCompleted, undefined);
  const unexcusedHours4w = read(cells, at.unexcusedHours4w, 'unexcusedHours4w', K.unexcusedHours4w, D.unexcusedHours4w);
  const unexcusedHoursReachedOn = read(cells, at.unexcusedHoursReachedOn, 'unexcusedHoursReachedOn', K.unexcusedHoursReachedOn, undefined);
  const unexcusedWeeks = read(cells, at.unexcusedWeeks, 'unexcusedWeeks', K.unexcusedWeeks, D.unexcusedWeeks);
  const luxuryAbsence = read(cells, at.luxuryAbsence, 'luxuryAbsence', K.luxuryAbsence, D.luxuryAbsence);
  const sickReports12w = read(cells, at.sickReports12w, 'sickReports12w', K.sickReports12w, D.sickReports12w);
  const sickDaysInRow = read(cells, at.sickDaysInRow, 'sickDaysInRow', K.sickDaysInRow, D.sickDaysInRow);
  const lateArrivalsSchoolYear = read(cells, at.lateArrivalsSchoolYear, 'lateArrivalsSchoolYear', K.lateArrivalsSchoolYear, D.lateArrivalsSchoolYear);
  const lateArrivals4w = read(cells, at.lateArrivals4w, 'lateArrivals4w', K.lateArrivals4w, D.lateArrivals4w);
  const unexcusedHoursSchoolYear = read(cells, at.unexcusedHoursSchoolYear, 'unexcusedHoursSchoolYear', K.unexcusedHoursSchoolYear, D.unexcusedHoursSchoolYear);
  const removalsSchoolYear = read(cells, at.removalsSchoolYear, 'removalsSchoolYear', K.removalsSchoolYear, D.removalsSchoolYear);
  const sickReportsSchoolYear = read(cells, at.sickReportsSchoolYear, 'sickReportsSchoolYear', K.sickReportsSchoolYear, D.sickReportsSchoolYear);
  const reachedOn = read(cells, at.reachedOn, 'reachedOn', K.reachedOn, undefined);
  const deregistered = read(cells, at.deregistered, 'deregistered', K.deregistered, D.deregistered);
  const enrolledElsewhere = read(cells, at.enrolledElsewhere, 'enrolledElsewhere', K.enrolledElsewhere, D.enrolledElsewhere);
  const weeksWithoutPlace = read(cells, at.weeksWithoutPlace, 'weeksWithoutPlace', K.weeksWithoutPlace, D.weeksWithoutPlace);
  const placeProspect = read(cells, at.placeProspect, 'placeProspect', K.placeProspect, D.placeProspect);
  const truancyOnly = read(cells, at.truancyOnly, 'truancyOnly', K.truancyOnly, D.truancyOnly);
  const supportNeed = read(cells, at.supportNeed, 'supportNeed', K.supportNeed, []);
  const schoolCanSupport = read(cells, at.schoolCanSupport, 'schoolCanSupport', K.schoolCanSupport, D.schoolCanSupport);
  const suitablePlaceFound = read(cells, at.suitablePlaceFound, 'suitablePlaceFound', K.suitablePlaceFound, D.suitablePlaceFound);
  const swvInvolved = read(cells, at.swvInvolved, 'swvInvolved', K.swvInvolved, D.swvInvolved);
  const sensoryNeed = read(cells, at.sensoryNeed, 'sensoryNeed', K.sensoryNeed, D.sensoryNeed);
  const medicalCareFunding = read(cells, at.medicalCareFunding, 'medicalCareFunding', K.medicalCareFunding, D.medicalCareFunding);
  const danger = read(cells, at.danger, 'danger', K.danger, D.danger);
  const abuseSuspected = read(cells, at.abuseSuspected, 'abuseSuspected', K.abuseSuspected, D.abuseSuspected);
  const studentAllowsParents = read(cells, at.studentAllowsParents, 'studentAllowsParents', K.studentAllowsParents, D.studentAllowsParents);
  if (
    studentRef === ASK ||
    birthDate === ASK ||
    referenceDate === ASK ||
    educationType === ASK ||
    enrolled === ASK ||
    startkwalificatie === ASK ||
    exemption === ASK ||
    schoolYearsCompleted === ASK ||
    unexcusedHours4w === ASK ||
    unexcusedHoursReachedOn === ASK ||
    unexcusedWeeks === ASK ||
    luxuryAbsence === ASK ||
    sickReports12w === ASK ||
    sickDaysInRow === ASK ||
    lateArrivalsSchoolYear === ASK ||
    lateArrivals4w === ASK ||
    unexcusedHoursSchoolYear === ASK ||
    removalsSchoolYear === ASK ||
    sickReportsSchoolYear === ASK ||
    reachedOn === ASK ||
    deregistered === ASK ||
    enrolledElsewhere === ASK ||
    weeksWithoutPlace === ASK ||
    placeProspect === ASK ||
    truancyOnly === ASK ||
    supportNeed === ASK ||
    schoolCanSupport === ASK ||
    suitablePlaceFound === ASK ||
    swvInvolved === ASK ||
    sensoryNeed === ASK ||
    medicalCareFunding === ASK ||
    danger === ASK ||
    abuseSuspected === ASK ||
    studentAllowsParents === ASK
  )
    return undefined;
  if ((birthDate as string) > (referenceDate as string)) return undefined;
  if (
    (unexcusedHours4w as number) > MAX.unexcusedHours4w ||
    (unexcusedWeeks as number) > MAX.unexcusedWeeks ||
    (weeksWithoutPlace as number) > MAX.weeksWithoutPlace ||
    (sickReports12w as number) > MAX.sickReports12w ||
    (sickDaysInRow as number) > MAX.sickDaysInRow ||
    (lateArrivalsSchoolYear as number) > MAX.lateArrivalsSchoolYear ||
    (lateArrivals4w as number) > MAX.lateArrivals4w ||
    (unexcusedHoursSchoolYear as number) > MAX.unexcusedHoursSchoolYear ||
    (removalsSchoolYear as number) > MAX.removalsSchoolYear ||
    (sickReportsSchoolYear as number) > MAX.sickReportsSchoolYear ||
    (schoolYearsCompleted !== undefined && (schoolYearsCompleted as number) > MAX.schoolYearsCompleted) ||
    unsafeCharacter(studentRef as string) !== undefined
  )
    return undefined;
  // Out of bounds: the slow path gives the message.
  if (unexcusedHoursReachedOn !== undefined && reachedOnProblem(unexcusedHoursReachedOn as string, referenceDate as string)) return undefined;
  if (reachedOn !== undefined && reachedOnProblem(reachedOn as string, referenceDate as string)) return undefined;
  const situation = {
    studentRef,
    referenceDate,
    birthDate,
    educationType,
    enrolled,
    startkwalificatie,
    exemption,
    unexcusedHours4w,
    unexcusedWeeks,
    luxuryAbsence,
    sickReports12w,
    sickDaysInRow,
    lateArrivalsSchoolYear,
    lateArrivals4w,
    unexcusedHoursSchoolYear,
    removalsSchoolYear,
    sickReportsSchoolYear,
    deregistered,
    enrolledElsewhere,
    weeksWithoutPlace,
    placeProspect,
    truancyOnly,
    supportNeed,
    schoolCanSupport,
    suitablePlaceFound,
    swvInvolved,
    sensoryNeed,
    medicalCareFunding,
    danger,
    abuseSuspected,
    studentAllowsParents,
  } as Situation;
  if (schoolYearsCompleted !== undefined) situation.schoolYearsCompleted = schoolYearsCompleted as number;
  if (unexcusedHoursReachedOn !== undefined) situation.unexcusedHoursReachedOn = unexcusedHoursReachedOn as string;
  if (reachedOn !== undefined) situation.reachedOn = reachedOn as string;
  return situation;
}
