// Which CSV column feeds which situation field. Student systems name their columns differently
// (and people retype them), so headers are compared folded: case, spaces, underscores, hyphens and
// accents do not matter. The default names are the Dutch ones of the shipped example; a mapping
// file (`--map`) adds or overrides names for other exports.
import { z } from 'zod';
import { looksLikeData } from '../privacy.js';
import { problem, type FieldIssue } from '../problems.js';
import { SITUATION_FIELDS, type ParseResult, type SituationField } from '../routing/situation.js';
import { zodIssues } from '../zod-problems.js';

/** The default header for each situation field, as in data/examples/verzuimexport.csv. */
export const DEFAULT_HEADERS: { readonly [K in SituationField]: string } = {
  studentRef: 'leerlingnummer',
  birthDate: 'geboortedatum',
  referenceDate: 'peildatum',
  educationType: 'onderwijssoort',
  enrolled: 'ingeschreven',
  startkwalificatie: 'startkwalificatie',
  exemption: 'vrijstelling',
  schoolYearsCompleted: 'schooljaren_voltooid',
  unexcusedHours4w: 'ongeoorloofd_verzuim_uren_4wk',
  unexcusedHoursReachedOn: '16_uur_bereikt_op',
  unexcusedWeeks: 'aaneengesloten_weken_afwezig',
  luxuryAbsence: 'luxeverzuim',
  sickReports12w: 'ziekmeldingen_12wk',
  sickDaysInRow: 'ziektedagen_aaneengesloten',
  lateArrivalsSchoolYear: 'te_laat_schooljaar',
  lateArrivals4w: 'te_laat_4wk',
  unexcusedHoursSchoolYear: 'ongeoorloofd_verzuim_uren_schooljaar',
  removalsSchoolYear: 'verwijderd_schooljaar',
  sickReportsSchoolYear: 'ziekmeldingen_schooljaar',
  reachedOn: 'signaal_bereikt_op',
  deregistered: 'uitgeschreven',
  enrolledElsewhere: 'ingeschreven_elders',
  weeksWithoutPlace: 'weken_zonder_plek',
  placeProspect: 'uitzicht_op_plek',
  truancyOnly: 'alleen_eigen_motivatie',
  supportNeed: 'ondersteuningsbehoefte',
  schoolCanSupport: 'school_kan_ondersteunen',
  suitablePlaceFound: 'passende_plek_gevonden',
  swvInvolved: 'swv_betrokken',
  sensoryNeed: 'clusterbehoefte',
  medicalCareFunding: 'medische_zorg_bekostiging',
  danger: 'reeel_gevaar',
  abuseSuspected: 'vermoeden_mishandeling',
  studentAllowsParents: 'leerling_wil_ouders_betrekken',
};

/** Other names recognised without a mapping file (short forms people use). */
const EXTRA_ALIASES: Readonly<Record<string, SituationField>> = {
  zorgbehoefte: 'supportNeed',
  gevaar: 'danger',
  // DUO's verzuimloket calls the day the 16 hours are reached the einddatum of the report.
  datum_16_uur_bereikt: 'unexcusedHoursReachedOn',
  keer_te_laat: 'lateArrivalsSchoolYear',
  te_laat: 'lateArrivalsSchoolYear',
  te_laat_4_weken: 'lateArrivals4w',
  uit_de_les_gestuurd: 'removalsSchoolYear',
  verwijderingen_schooljaar: 'removalsSchoolYear',
  verzuim_uren_schooljaar: 'unexcusedHoursSchoolYear',
  ziekmeldingen_dit_schooljaar: 'sickReportsSchoolYear',
  bereikt_op: 'reachedOn',
};

/** Columns without which a row cannot be decided: the file stops before any row when one is missing. */
export const REQUIRED_FIELDS: readonly SituationField[] = ['studentRef', 'birthDate'];

/** `Ongeoorloofd verzuim-uren (4 wk)` and `ongeoorloofdverzuimuren4wk` compare equal. */
export function foldHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_\-()]+/g, '');
}

/** Folded default header (and every situation field name, for exports built from the JSON contract) → field. */
function defaultIndex(): Map<string, SituationField> {
  const index = new Map<string, SituationField>();
  for (const field of SITUATION_FIELDS) {
    index.set(foldHeader(field), field);
    index.set(foldHeader(DEFAULT_HEADERS[field]), field);
  }
  for (const [name, field] of Object.entries(EXTRA_ALIASES)) index.set(foldHeader(name), field);
  return index;
}

const DEFAULT_INDEX = defaultIndex();

/** A field name (`birthDate`) or a default header (`geboortedatum`) → the field, else undefined. */
export function fieldForName(name: string): SituationField | undefined {
  return DEFAULT_INDEX.get(foldHeader(name));
}

/** The `--map` file: `{ "<header in your export>": "<field or default header>" | null }` (null: ignore). */
export const columnMapSchema = z.record(z.string().min(1, { error: 'must-not-be-empty' }), z.union([z.string(), z.null()]), {
  error: 'expected-column-map',
});

/** Folded header → field, or null for a column to ignore. */
export type ColumnMap = ReadonlyMap<string, SituationField | null>;

/** Validates a mapping file's JSON: the shape, then every target, all problems at once with their paths. */
/** The long form the shipped presets use: where the shape comes from, then the map under `columns`. */
const PRESET_KEYS = new Set(['title', 'source', 'check', 'columns']);

export function parseColumnMap(json: unknown): ParseResult<ColumnMap> {
  const long = typeof json === 'object' && json !== null && !Array.isArray(json) && 'columns' in json && Object.keys(json).every((k) => PRESET_KEYS.has(k));
  const body = long ? (json as { columns: unknown }).columns : json;
  const shaped = columnMapSchema.safeParse(body);
  if (!shaped.success) {
    // A key that looks like data (a BSN, a date) is named by its place here too, never quoted.
    const keys = body !== null && typeof body === 'object' ? Object.keys(body) : [];
    const issues = zodIssues(shaped.error).map((i) => (looksLikeData(i.path) ? { ...i, path: `(entry ${keys.indexOf(i.path) + 1})` } : i));
    return { ok: false, issues };
  }
  const issues: FieldIssue[] = [];
  const map = new Map<string, SituationField | null>();
  const firstKey = new Map<string, string>();
  let entry = 0;
  for (const [header, target] of Object.entries(shaped.data)) {
    entry += 1;
    // A header or target that looks like data (a BSN, a date) is named by its place, never quoted.
    const path = looksLikeData(header) ? `(entry ${entry})` : header;
    const folded = foldHeader(header);
    const earlier = firstKey.get(folded);
    if (earlier !== undefined) {
      issues.push({ path, problem: looksLikeData(earlier) ? problem('same-header-as-earlier') : problem('same-header-as', { earlier }) });
      continue;
    }
    firstKey.set(folded, header);
    if (target === null) {
      map.set(folded, null);
      continue;
    }
    const field = fieldForName(target);
    if (field === undefined) {
      issues.push({ path, problem: problem('unknown-map-field', { ...(looksLikeData(target) ? {} : { target }), known: [...SITUATION_FIELDS] }) });
    } else map.set(folded, field);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: map };
}

export interface PlannedColumn {
  /** Position in the record (0-based). */
  index: number;
  /** The header as written in the file, for messages and error records. */
  header: string;
  field: SituationField;
}

export interface ColumnPlan {
  /** Mapped columns, left to right. */
  columns: PlannedColumn[];
  /** The header as written, per position (for naming any cell, also unknown ones). */
  headers: string[];
  /** Headers that map to nothing (and were not ignored on purpose), except those that look like data. */
  unknown: string[];
  /** Columns (1-based) whose header cell looks like data (core/privacy.ts): never shown, ignored. */
  dataLike: number[];
  /** Positions of the columns not mapped to a field (unknown or ignored): still screened for a BSN. */
  unmapped: number[];
  /** The header of each mapped field. */
  headerOf: Partial<Record<SituationField, string>>;
  /** The position of each field's column, -1 when the export has none. */
  indexOf: { readonly [K in SituationField]: number };
}

function indexOfFields(columns: readonly PlannedColumn[]): { [K in SituationField]: number } {
  const index = Object.fromEntries(SITUATION_FIELDS.map((f) => [f, -1])) as { [K in SituationField]: number };
  for (const col of columns) index[col.field] = col.index;
  return index;
}

export type ColumnProblem =
  | { kind: 'missing'; field: SituationField; header: string }
  | { kind: 'conflict'; field: SituationField; headers: [string, string] };

/**
 * A header cell as people will recognise it in a message: empty ones get their position, and so do
 * those that look like data (a BSN, a date, a student number: a header line that is missing or
 * shifted) — a message or an error record never repeats a personal value.
 */
export function displayHeader(header: string, index: number): string {
  const trimmed = header.replace(/^\uFEFF/, '').trim();
  // `#3`: the same in every language (the header is data and is never translated); a cell that
  // looks like data is named by its place too.
  return trimmed === '' || looksLikeData(trimmed) ? `#${index + 1}` : trimmed;
}

/**
 * Maps the header row to fields. Problems are every missing required column and every field fed by
 * two columns; `unknown` lists the columns that will be ignored with a warning.
 */
export function planColumns(
  headerCells: readonly string[],
  map: ColumnMap = new Map(),
): { ok: true; plan: ColumnPlan } | { ok: false; problems: ColumnProblem[]; headers: string[]; dataLike: number[] } {
  const headers = headerCells.map(displayHeader);
  const columns: PlannedColumn[] = [];
  const unknown: string[] = [];
  const dataLike: number[] = [];
  const unmapped: number[] = [];
  const headerOf: Partial<Record<SituationField, string>> = {};
  const problems: ColumnProblem[] = [];
  headerCells.forEach((cell, index) => {
    const folded = foldHeader(cell);
    const header = headers[index]!;
    const field = map.has(folded) ? map.get(folded)! : DEFAULT_INDEX.get(folded);
    if (field === null || field === undefined) {
      unmapped.push(index);
      if (field === undefined) {
        // null: ignored on purpose in the mapping file
        if (cell.trim() !== '' && looksLikeData(cell.replace(/^\uFEFF/, ''))) dataLike.push(index + 1);
        else unknown.push(header);
      }
      return;
    }
    const earlier = headerOf[field];
    if (earlier !== undefined) {
      problems.push({ kind: 'conflict', field, headers: [earlier, header] });
      return;
    }
    headerOf[field] = header;
    columns.push({ index, header, field });
  });
  for (const field of REQUIRED_FIELDS) {
    if (headerOf[field] === undefined) problems.push({ kind: 'missing', field, header: DEFAULT_HEADERS[field] });
  }
  return problems.length > 0
    ? { ok: false, problems, headers, dataLike }
    : { ok: true, plan: { columns, headers, unknown, dataLike, unmapped, headerOf, indexOf: indexOfFields(columns) } };
}
