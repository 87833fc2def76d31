// Issue 11: after `npm install -g .` (the README's way to put zorgroute on PATH) `zorgroute` runs from
// any folder, and the hints show what the user can type there. The install goes into a temporary
// prefix, offline and without scripts: a folder installs as a link to this checkout (its
// node_modules and the dist/ that `npm test` built), so it takes a second or two and no network.
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const prefix = mkdtempSync(join(tmpdir(), 'zorgroute-global-'));
const elsewhere = mkdtempSync(join(tmpdir(), 'zorgroute-cwd-'));
const bin = join(prefix, 'bin', 'zorgroute');
// PATH holds only node (the shebang is `/usr/bin/env node`), so that no other zorgroute is found
const nodeOnly = join(prefix, 'node-only');

const env = (path: string) => ({ PATH: path, NO_COLOR: '1', LANG: 'nl_NL.UTF-8', LC_ALL: '', HOME: elsewhere });

beforeAll(async () => {
  const npm = await execa('npm', ['install', '--global', '--prefix', prefix, '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '.'], {
    cwd: root,
    reject: false,
  });
  expect(npm.exitCode, npm.stderr).toBe(0);
  mkdirSync(nodeOnly);
  symlinkSync(process.execPath, join(nodeOnly, 'node'));
});

describe('a global install (npm install -g .)', () => {
  it('puts a zorgroute on PATH that runs from any folder', async () => {
    const r = await execa('zorgroute', ['--version'], { cwd: elsewhere, env: env(`${join(prefix, 'bin')}:${nodeOnly}`), extendEnv: false, reject: false });
    expect(r).toMatchObject({ exitCode: 0, stdout: (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version });
    expect(realpathSync(bin)).toBe(realpathSync(join(root, 'bin', 'zorgroute.js')));
  });

  it('hints say zorgroute … when it is on PATH', async () => {
    const r = await execa('zorgroute', ['cases', 'reopen', 'abc', '--db', join(elsewhere, 'c.db')], { cwd: elsewhere, env: env(`${join(prefix, 'bin')}:${nodeOnly}`), extendEnv: false, reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('tip: zorgroute cases list toont de casussen');
  });

  it('hints say npx zorgroute … in the checkout, and the script’s path elsewhere, when it is not on PATH', async () => {
    const inCheckout = await execa(process.execPath, [join(root, 'bin', 'zorgroute.js'), 'cases', 'reopen', 'abc'], { cwd: root, env: env(nodeOnly), extendEnv: false, reject: false });
    expect(inCheckout.stderr).toContain('tip: npx zorgroute cases list toont de casussen');
    const byPath = await execa(bin, ['cases', 'reopen', 'abc'], { cwd: elsewhere, env: env(nodeOnly), extendEnv: false, reject: false });
    expect(byPath.stderr).toContain(`tip: ${bin} cases list toont de casussen`);
    expect(dirname(bin)).toBe(join(prefix, 'bin'));
  });
});
