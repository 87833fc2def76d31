import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, settingFlag } from '../../src/core/settings.js';

const parse = (data: unknown) => parseSettings(data, '/etc/school', path.posix);

describe('the settings file (core)', () => {
  it('takes the eight keys; paths count from the file’s folder, shipped names stay names', () => {
    const { settings, issues } = parse({
      rules: 'landelijk',
      calendar: 'kalender.json',
      region: 'zuid',
      codes: '../codes/codes.csv',
      map: 'maps/lvs.json',
      regMap: 'magister',
      db: '/var/lib/zorgroute/cases.db',
      lang: 'en',
    });
    expect(issues).toEqual([]);
    expect(settings).toEqual({
      rules: 'landelijk',
      calendar: '/etc/school/kalender.json',
      region: 'zuid',
      codes: '/etc/codes/codes.csv',
      map: '/etc/school/maps/lvs.json',
      regMap: 'magister',
      db: '/var/lib/zorgroute/cases.db',
      lang: 'en',
    });
  });

  it('a rules file given as a path is a path, also without a folder', () => {
    expect(parse({ rules: 'eigen.json' }).settings.rules).toBe('/etc/school/eigen.json');
    expect(parse({ rules: './regels/eigen' }).settings.rules).toBe('/etc/school/regels/eigen');
  });

  it('names every problem at once, each with its key', () => {
    const { issues } = parse({ calender: 'x.json', region: 'west', lang: 3, db: '' });
    expect(issues.map((i) => [i.key, i.problem.kind])).toEqual([
      ['calender', 'unknown-setting'],
      ['region', 'expected-one-of'],
      ['lang', 'expected-type'],
      ['db', 'must-not-be-empty'],
    ]);
  });

  it('refuses a BSN-like value like any other input, and never repeats a key that looks like data', () => {
    const { issues } = parse({ map: '111222333', '111222333': 'x' });
    expect(issues.map((i) => [i.key, i.problem.kind])).toEqual(
      expect.arrayContaining([
        ['map', 'looks-like-bsn'],
        ['', 'unknown-setting'],
      ]),
    );
    expect(issues).toHaveLength(2);
    expect(JSON.stringify(issues)).not.toContain('111222333');
  });

  it('wants an object', () => {
    expect(parse([]).issues[0]?.problem.kind).toBe('expected-type');
    expect(parse(null).issues[0]?.problem.kind).toBe('expected-type');
  });

  it('names the flag of a key', () => {
    expect(settingFlag('regMap')).toBe('--reg-map');
    expect(settingFlag('db')).toBe('--db');
  });
});
