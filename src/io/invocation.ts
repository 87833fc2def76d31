// How the user can call zorgroute from where they are, for the commands shown in hints:
// `zorgroute` when a `zorgroute` is on PATH (a global install: `npm install -g .` or `npm link`),
// `npx zorgroute` inside the checkout it runs from (npx finds a package's own bin there), and
// otherwise `node <path of bin/zorgroute.js>`, which works from anywhere.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join, relative, isAbsolute } from 'node:path';
import { packageRoot } from './package-root.js';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function isOnPath(name: string, env: NodeJS.ProcessEnv): boolean {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((d) => d !== '');
  const names = process.platform === 'win32' ? [`${name}.cmd`, `${name}.exe`, name] : [name];
  return dirs.some((dir) => names.some((n) => isExecutableFile(join(dir, n))));
}

function isInside(dir: string, root: string): boolean {
  const rel = relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

let cached: string | undefined;

/** `zorgroute`, `npx zorgroute`, or `node /path/to/bin/zorgroute.js`; computed once, when a hint needs it. */
export function invocationCommand(env: NodeJS.ProcessEnv, cwd = process.cwd()): string {
  if (cached !== undefined) return cached;
  if (isOnPath('zorgroute', env)) cached = 'zorgroute';
  else {
    const root = packageRoot();
    if (isInside(cwd, root)) cached = 'npx zorgroute';
    else {
      const bin = join(root, 'bin', 'zorgroute.js');
      cached = `node ${/[\s'"$`\\]/.test(bin) ? `"${bin.replace(/(["$`\\])/g, '\\$1')}"` : bin}`;
    }
  }
  return cached;
}
