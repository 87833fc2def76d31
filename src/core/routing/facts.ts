// Derived facts: computed from the situation and the reference date, as the law defines them
// (shared/domain/ROUTING-RULES.md §1). Thresholds here are the law's, not a region's: regional
// choices live in the rule set.
import { ageOn, birthdayAt, parseIsoDate, toDayNumber, type Ymd } from '../dates.js';
import type { Situation } from './situation.js';

export const LEERPLICHT_STATUSES = ['volledig', 'kwalificatieplicht', 'geen'] as const;
export type LeerplichtStatus = (typeof LEERPLICHT_STATUSES)[number];

export interface DerivedFacts {
  age: number;
  leerplicht: LeerplichtStatus;
  leerplichtig: boolean;
  rmc: boolean;
  thuiszitter: boolean;
}

/** Age at which the RMC takes over from leerplicht, and the age at which RMC scope ends. */
const RMC_FROM_AGE = 18;
const RMC_UNTIL_AGE = 23;
/** Leerplichtwet art. 3: volledige leerplicht also ends after twelve full school years. */
export const FULL_SCHOOL_YEARS = 12;
/** A thuiszitter is at home without a place for more than this many weeks. */
export const THUISZITTER_WEEKS = 4;

/** Leerplichtwet art. 2: the first day of the month after the month of the 5th birthday. */
export function leerplichtStartDate(birth: Ymd): Ymd {
  const fifth = birthdayAt(birth, 5);
  return fifth.month === 12 ? { year: fifth.year + 1, month: 1, day: 1 } : { year: fifth.year, month: fifth.month + 1, day: 1 };
}

/** Leerplichtwet art. 3: the end (31 July) of the school year (1 Aug – 31 Jul) in which the student turns 16. */
export function leerplichtEndDate(birth: Ymd): Ymd {
  const sixteenth = birthdayAt(birth, 16);
  return { year: sixteenth.month >= 8 ? sixteenth.year + 1 : sixteenth.year, month: 7, day: 31 };
}

export function deriveFacts(situation: Situation): DerivedFacts {
  const birth = parseIsoDate(situation.birthDate);
  const reference = parseIsoDate(situation.referenceDate);
  if (!birth || !reference) throw new TypeError('deriveFacts needs a validated situation');
  const today = toDayNumber(reference);
  const age = ageOn(birth, reference);
  const start = leerplichtStartDate(birth);
  const endByAge = leerplichtEndDate(birth);

  const fullYearsDone = situation.schoolYearsCompleted !== undefined && situation.schoolYearsCompleted >= FULL_SCHOOL_YEARS;
  const inFullPeriod = today >= toDayNumber(start) && today <= toDayNumber(endByAge) && !fullYearsDone;
  const beforeEighteen = age < RMC_FROM_AGE;
  const afterFull = today >= toDayNumber(start) && !inFullPeriod;

  let leerplicht: LeerplichtStatus = 'geen';
  if (inFullPeriod) leerplicht = 'volledig';
  else if (afterFull && beforeEighteen && !situation.startkwalificatie) leerplicht = 'kwalificatieplicht';

  return {
    age,
    leerplicht,
    leerplichtig: leerplicht !== 'geen' && !situation.exemption,
    rmc: age >= RMC_FROM_AGE && age < RMC_UNTIL_AGE && !situation.startkwalificatie,
    thuiszitter: situation.weeksWithoutPlace > THUISZITTER_WEEKS,
  };
}
