import { describe, expect, it } from 'vitest';
import { DEFAULT_HEADERS, fieldForName, foldHeader, parseColumnMap, planColumns } from '../../../src/core/rows/columns.js';
import { SITUATION_FIELDS } from '../../../src/core/routing/situation.js';

describe('foldHeader', () => {
  it('ignores case, spaces, underscores, hyphens, brackets, accents and a BOM', () => {
    expect(foldHeader('Ongeoorloofd verzuim-uren (4 wk)')).toBe('ongeoorloofdverzuimuren4wk');
    expect(foldHeader('ongeoorloofd_verzuim_uren_4wk')).toBe(foldHeader('ONGEOORLOOFD VERZUIM UREN 4WK'));
    expect(foldHeader('\uFEFFReëel gevaar')).toBe('reeelgevaar');
    expect(foldHeader('  leerling_nummer ')).toBe('leerlingnummer');
  });
});

describe('fieldForName', () => {
  it('knows every field by its own name and by its default Dutch header', () => {
    for (const field of SITUATION_FIELDS) {
      expect(fieldForName(field)).toBe(field);
      expect(fieldForName(DEFAULT_HEADERS[field])).toBe(field);
    }
    expect(fieldForName('Zorgbehoefte')).toBe('supportNeed');
    expect(fieldForName('gevaar')).toBe('danger');
    expect(fieldForName('leerjaar')).toBeUndefined();
  });
});

describe('planColumns', () => {
  it('maps the default headers case- and space-insensitively and lists unknown columns', () => {
    const planned = planColumns(['Leerlingnummer', 'Geboorte datum', 'leerjaar', 'Peil-datum', '']);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plan.columns.map((c) => [c.index, c.field])).toEqual([
      [0, 'studentRef'],
      [1, 'birthDate'],
      [3, 'referenceDate'],
    ]);
    expect(planned.plan.unknown).toEqual(['leerjaar', '#5']);
    expect(planned.plan.headerOf.birthDate).toBe('Geboorte datum');
  });

  it('names every missing required column and lists the headers found', () => {
    const planned = planColumns(['naam', 'klas']);
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.problems).toEqual([
      { kind: 'missing', field: 'studentRef', header: 'leerlingnummer' },
      { kind: 'missing', field: 'birthDate', header: 'geboortedatum' },
    ]);
    expect(planned.headers).toEqual(['naam', 'klas']);
  });

  it('refuses two columns for one field', () => {
    const planned = planColumns(['leerlingnummer', 'geboortedatum', 'gevaar', 'reeel_gevaar']);
    expect(planned.ok).toBe(false);
    if (planned.ok) return;
    expect(planned.problems).toEqual([{ kind: 'conflict', field: 'danger', headers: ['gevaar', 'reeel_gevaar'] }]);
  });

  it('lets a mapping add names, override defaults and ignore columns', () => {
    const map = parseColumnMap({ Stamnr: 'studentRef', 'Geb. datum': 'geboortedatum', leerlingnummer: null, Klas: null });
    expect(map.ok).toBe(true);
    if (!map.ok) return;
    const planned = planColumns(['Stamnr', 'Geb. datum', 'Leerlingnummer', 'klas', 'Onbekend'], map.value);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    expect(planned.plan.columns.map((c) => c.field)).toEqual(['studentRef', 'birthDate']);
    expect(planned.plan.unknown).toEqual(['Onbekend']);
  });
});

describe('parseColumnMap', () => {
  it('reports every problem with the header as its path', () => {
    const parsed = parseColumnMap({ Stamnr: 'leerlingnr', 'Geb. datum': 5, stamnr: 'studentRef' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path)).toEqual(['Geb. datum']);
  });

  it('reports unknown targets and duplicate headers after the shape is right', () => {
    const parsed = parseColumnMap({ Stamnr: 'leerlingnr', STAMNR: 'studentRef' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      { path: 'Stamnr', problem: expect.objectContaining({ kind: 'unknown-map-field', params: expect.objectContaining({ target: 'leerlingnr' }) }) },
      { path: 'STAMNR', problem: { kind: 'same-header-as', params: { earlier: 'Stamnr' } } },
    ]);
  });

  it('wants an object', () => {
    expect(parseColumnMap(['studentRef']).ok).toBe(false);
  });
});
