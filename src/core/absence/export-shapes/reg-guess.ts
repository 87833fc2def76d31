// When a registrations export lacks a column zorgroute needs, which of its headers is probably meant
// (`Stamnr`, `Lln.nr.` → leerlingnummer; `Datum`, `Begin` → datum) — a suggestion shown to the user
// with a `--reg-map` skeleton to save and edit, never a mapping used silently.
import { looksLikeData } from '../../privacy.js';
import { foldHeader } from '../../rows/columns.js';
import type { RegistrationField } from './registration-fields.js';

/** Folded names and name parts per field, the likeliest first (public export shapes, EXPORTS.md). */
const HINTS: Readonly<Record<RegistrationField, readonly string[]>> = {
  leerlingnummer: ['stamnr', 'stamnummer', 'llnr', 'llnnr', 'leerlingnr', 'leerlingid', 'leerling', 'deelnemernr', 'deelnemer', 'studentnr', 'studentnummer', 'student', 'nummer'],
  datum: ['datum', 'begindatum', 'startdatum', 'datumvan', 'begin', 'start', 'dag', 'van', 'moment'],
  code: ['code', 'afkorting', 'absentiecode', 'verzuimcode', 'redencode', 'reden', 'absentiereden', 'verantwoording', 'soort'],
  lesuur: ['lesuur', 'beginlesuur', 'uur', 'les'],
  eindlesuur: ['eindlesuur', 'totlesuur'],
  einddatum: ['einddatum', 'datumtot', 'tot', 'einde', 'eind'],
  begintijd: ['begintijd', 'starttijd', 'tijdvan', 'vanaf'],
  eindtijd: ['eindtijd', 'tijdtot', 'totdat'],
  minuten: ['minuten', 'duur', 'minutes'],
  geoorloofd: ['geoorloofd', 'gewettigd', 'toegestaan'],
  begin: ['begindatumtijd', 'startdatumtijd', 'begin', 'start'],
  eind: ['einddatumtijd', 'eind'],
};

function score(folded: string, hints: readonly string[]): number {
  let best = 0;
  hints.forEach((hint, rank) => {
    const weight = hints.length - rank;
    if (folded === hint) best = Math.max(best, 100 + weight);
    else if (hint.length >= 3 && (folded.startsWith(hint) || folded.endsWith(hint))) best = Math.max(best, 50 + weight);
    else if (hint.length >= 4 && folded.includes(hint)) best = Math.max(best, 20 + weight);
  });
  return best;
}

/**
 * For each field in `wanted`, the index of the header that most likely holds it, or undefined.
 * Headers already taken (`taken`) and headers that look like data are never suggested.
 */
export function guessRegistrationColumns(headers: readonly string[], wanted: readonly RegistrationField[], taken: ReadonlySet<number> = new Set()): Map<RegistrationField, number> {
  const used = new Set(taken);
  const guesses = new Map<RegistrationField, number>();
  for (const field of wanted) {
    let best = -1;
    let bestScore = 0;
    headers.forEach((h, i) => {
      if (used.has(i) || looksLikeData(h)) return;
      const s = score(foldHeader(h).replace(/[^a-z0-9]/g, ''), HINTS[field]);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    if (best >= 0) {
      guesses.set(field, best);
      used.add(best);
    }
  }
  return guesses;
}

/**
 * A `--reg-map` to save and edit: every header of the file with the field it feeds now or is
 * guessed to feed, or null (ignored). Headers that look like data are left out (never repeated).
 */
export function registrationMapSkeleton(headers: readonly string[], known: ReadonlyMap<number, RegistrationField>, guesses: ReadonlyMap<RegistrationField, number>): Record<string, RegistrationField | null> {
  const byIndex = new Map<number, RegistrationField>(known);
  for (const [field, i] of guesses) byIndex.set(i, field);
  const skeleton: Record<string, RegistrationField | null> = {};
  headers.forEach((h, i) => {
    if (looksLikeData(h) || h === '') return;
    skeleton[h] = byIndex.get(i) ?? null;
  });
  return skeleton;
}
