// Which command a hint shows (issue 11): what the user can type from where they are.
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invocationFor, isOnPath } from '../../src/io/invocation.js';
import { packageRoot } from '../../src/io/package-root.js';

const dir = mkdtempSync(join(tmpdir(), 'zorgroute-invocation-'));
const binDir = join(dir, 'bin');
const outside = join(dir, 'elsewhere');


mkdirSync(binDir);
mkdirSync(outside);
symlinkSync(join(packageRoot(), 'bin', 'zorgroute.js'), join(binDir, 'zorgroute'));
const plainDir = join(dir, 'plain');
mkdirSync(plainDir);
writeFileSync(join(plainDir, 'zorgroute'), '#!/bin/sh\n');
chmodSync(join(plainDir, 'zorgroute'), 0o644); // not executable: not a command

describe('invocationFor', () => {
  it('says zorgroute when a zorgroute is on PATH (a global install)', () => {
    expect(invocationFor({ PATH: `/nonexistent:${binDir}` }, outside, undefined)).toBe('zorgroute');
  });
  it('says npx zorgroute inside the checkout when it is not on PATH', () => {
    expect(invocationFor({ PATH: '/nonexistent' }, packageRoot(), undefined)).toBe('npx zorgroute');
    expect(invocationFor({ PATH: '/nonexistent' }, join(packageRoot(), 'data'), undefined)).toBe('npx zorgroute');
  });
  it('elsewhere: the zorgroute shim it was started by, else node and the path of the script', () => {
    expect(invocationFor({ PATH: '/nonexistent' }, outside, join(binDir, 'zorgroute'))).toBe(join(binDir, 'zorgroute'));
    expect(invocationFor({ PATH: '/nonexistent' }, outside, join(packageRoot(), 'bin', 'zorgroute.js'))).toMatch(/^node .*bin[/\\]zorgroute\.js"?$/);
  });
  it('a file named zorgroute that is not executable is not on PATH', () => {
    expect(isOnPath('zorgroute', { PATH: plainDir })).toBe(false);
    expect(isOnPath('zorgroute', {})).toBe(false);
  });
});
