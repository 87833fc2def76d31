// The mentor and the class of a student: columns of the students file that route nothing but say
// who does the work (the *Te doen* list per mentor, `cases due --mentor`). Text from a file: held to
// the privacy guard (a BSN or a control character in a cell drops the value, never shows it).
import { unsafeCharacter } from '../privacy.js';
import { foldHeader } from './columns.js';
import { mayHoldBsn } from './row-fast.js';
import { containsBsn } from '../bsn.js';

export const LABEL_FIELDS = ['mentor', 'klas'] as const;
export type LabelField = (typeof LABEL_FIELDS)[number];

/** Folded header → label field: the usual names in Dutch student systems. */
const LABEL_HEADERS: ReadonlyMap<string, LabelField> = new Map(
  (
    [
      ['mentor', 'mentor'],
      ['mentornaam', 'mentor'],
      ['mentor_naam', 'mentor'],
      ['mentor_afkorting', 'mentor'],
      ['coach', 'mentor'],
      ['studieloopbaanbegeleider', 'mentor'],
      ['slb', 'mentor'],
      ['klas', 'klas'],
      ['stamklas', 'klas'],
      ['klascode', 'klas'],
      ['stamgroep', 'klas'],
      ['groep', 'klas'],
      ['class', 'klas'],
    ] as const
  ).map(([h, f]) => [foldHeader(h), f]),
);

export function labelFieldOf(header: string): LabelField | undefined {
  return LABEL_HEADERS.get(foldHeader(header));
}

export type StudentLabels = Partial<Record<LabelField, string>>;

const MAX_LABEL = 64;

/** A cell as a label, or undefined when empty or refused by the privacy guard. */
export function labelOf(cell: string | undefined): string | undefined {
  const text = (cell ?? '').normalize('NFKC').trim();
  if (text === '' || text.length > MAX_LABEL) return undefined;
  // the privacy guard (textProblem), with the BSN test only on text that can hold one
  if (unsafeCharacter(text) !== undefined || (mayHoldBsn(text) && containsBsn(text))) return undefined;
  return text;
}
