import { describe, expect, it } from 'vitest';
import { resolveDbLocation } from '../../../src/io/db/db-path.js';

describe('resolveDbLocation', () => {
  it('takes --db first, then ZORGROUTE_DB', () => {
    expect(resolveDbLocation('/srv/zorg/cases.db', { ZORGROUTE_DB: '/x.db' }, 'linux', '/home/a')).toEqual({ path: '/srv/zorg/cases.db', origin: 'flag' });
    expect(resolveDbLocation(undefined, { ZORGROUTE_DB: '/x.db' }, 'linux', '/home/a')).toEqual({ path: '/x.db', origin: 'env' });
    expect(resolveDbLocation(':memory:', {}, 'linux', '/home/a').path).toBe(':memory:');
  });

  it('uses XDG_DATA_HOME when absolute, else the platform’s data folder', () => {
    expect(resolveDbLocation(undefined, { XDG_DATA_HOME: '/data' }, 'linux', '/home/a')).toEqual({ path: '/data/zorgroute/cases.db', origin: 'default' });
    expect(resolveDbLocation(undefined, { XDG_DATA_HOME: 'relative' }, 'linux', '/home/a').path).toBe('/home/a/.local/share/zorgroute/cases.db');
    expect(resolveDbLocation(undefined, {}, 'darwin', '/Users/a').path).toBe('/Users/a/Library/Application Support/zorgroute/cases.db');
    expect(resolveDbLocation(undefined, { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a').path).toBe('C:\\Users\\a\\AppData\\Roaming\\zorgroute\\cases.db');
    expect(resolveDbLocation(undefined, {}, 'win32', 'C:\\Users\\a').path).toBe('C:\\Users\\a\\AppData\\Roaming\\zorgroute\\cases.db');
  });
});
