// The column maps shipped for the student systems whose export shapes are public (data/maps/):
// `--reg-map magister` and `--map magister` name a preset instead of a file. A value with a folder
// or ending in .json is always a file (`./magister` for a file of that name).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

export type MapKind = 'registraties' | 'leerlingen';

export function mapsFolder(): string {
  return join(packageRoot(), 'data', 'maps');
}

/** The presets shipped for `kind`, by name (`magister`, `somtoday`, `eduarte`). */
export function mapPresets(kind: MapKind): string[] {
  const suffix = `-${kind}.json`;
  try {
    return readdirSync(mapsFolder())
      .filter((f) => f.endsWith(suffix))
      .map((f) => f.slice(0, -suffix.length))
      .sort();
  } catch {
    return [];
  }
}

/** The file a --map/--reg-map value names: a preset's file when it is a preset's name, else the value. */
export function resolveMapFile(value: string, kind: MapKind): string {
  if (/[\\/]/.test(value) || value.toLowerCase().endsWith('.json')) return value;
  const preset = join(mapsFolder(), `${value.toLowerCase()}-${kind}.json`);
  return existsSync(preset) ? preset : value;
}
