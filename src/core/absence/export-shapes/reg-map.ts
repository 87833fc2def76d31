// A registrations column map (`--reg-map`): which column of a student system's export feeds which
// registration field. Two forms: the short one, `{ "Stamnr": "leerlingnummer", "Omschrijving": null }`
// (a header → a field, or null to ignore it), and the long one the shipped presets use, which also
// says where the shape comes from and can read a file without a header line by position:
//   { "title": "…", "source": "…", "check": "…", "header": false,
//     "columns": ["leerlingnummer", "datum", "begintijd", …, null] }
import { looksLikeData } from '../../privacy.js';
import { foldHeader } from '../../rows/columns.js';
import { REGISTRATION_FIELDS, type RegistrationField } from './registration-fields.js';

export interface RegistrationMap {
  /** folded header → field (null: ignore the column). */
  byHeader: Map<string, RegistrationField | null>;
  /** A file without a header line: the field of each column by position. */
  byPosition: (RegistrationField | null)[] | undefined;
  title: string | undefined;
}

export type RegMapIssue =
  | { kind: 'reg-map-not-object' }
  | { kind: 'reg-map-target'; header: string }
  | { kind: 'reg-map-position'; position: number }
  | { kind: 'reg-map-columns' };

const META_KEYS = new Set(['title', 'source', 'check', 'header', 'columns']);

const isField = (v: unknown): v is RegistrationField | null => v === null || (REGISTRATION_FIELDS as readonly unknown[]).includes(v);

/** A header that may be named in a message: not one that looks like a personal value. */
const shown = (header: string): string => (looksLikeData(header) ? '(…)' : header);

export function parseRegistrationMap(data: unknown): { ok: true; map: RegistrationMap } | { ok: false; issue: RegMapIssue } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, issue: { kind: 'reg-map-not-object' } };
  const object = data as Record<string, unknown>;
  const long = 'columns' in object;
  const title = long && typeof object.title === 'string' ? object.title : undefined;
  const byHeader = new Map<string, RegistrationField | null>();
  if (!long) {
    for (const [header, target] of Object.entries(object)) {
      if (!isField(target)) return { ok: false, issue: { kind: 'reg-map-target', header: shown(header) } };
      byHeader.set(foldHeader(header), target);
    }
    return { ok: true, map: { byHeader, byPosition: undefined, title } };
  }
  for (const key of Object.keys(object)) if (!META_KEYS.has(key)) return { ok: false, issue: { kind: 'reg-map-target', header: shown(key) } };
  const columns = object.columns;
  if (object.header === false) {
    if (!Array.isArray(columns)) return { ok: false, issue: { kind: 'reg-map-columns' } };
    const bad = columns.findIndex((c) => !isField(c));
    if (bad >= 0) return { ok: false, issue: { kind: 'reg-map-position', position: bad + 1 } };
    return { ok: true, map: { byHeader, byPosition: columns as (RegistrationField | null)[], title } };
  }
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) return { ok: false, issue: { kind: 'reg-map-columns' } };
  for (const [header, target] of Object.entries(columns)) {
    if (!isField(target)) return { ok: false, issue: { kind: 'reg-map-target', header: shown(header) } };
    byHeader.set(foldHeader(header), target);
  }
  return { ok: true, map: { byHeader, byPosition: undefined, title } };
}

/** The header cells a file without a header line is given: the field of each position (or `kolom N`). */
export function positionalHeaders(columns: readonly (RegistrationField | null)[], width: number): string[] {
  return Array.from({ length: Math.max(width, columns.length) }, (_, i) => columns[i] ?? `(${i + 1})`);
}
