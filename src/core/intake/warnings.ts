// What a professional should be warned about before an intake is saved, as data (the UI words it).
// Pure: today is passed in.

/** A reference date in the future, or more than a year back, is most likely a typing error. */
export type ReferenceDateWarning = 'future' | 'longAgo';

/** `referenceDate` and `today` are ISO dates (YYYY-MM-DD). */
export function referenceDateWarning(referenceDate: string, today: string): ReferenceDateWarning | undefined {
  if (referenceDate > today) return 'future';
  // One year back is the same day of the month a year earlier (29 February compares as 28/29: the
  // text comparison of `YYYY-02-29` still orders correctly against every real date).
  const yearAgo = `${String(Number(today.slice(0, 4)) - 1).padStart(4, '0')}${today.slice(4)}`;
  if (referenceDate < yearAgo) return 'longAgo';
  return undefined;
}
