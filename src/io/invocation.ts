// How the user can call zorgroute from where they are, for the commands shown in hints:
// `zorgroute` when a `zorgroute` is on PATH (a global install: `npm install -g .` or `npm link`),
// `npx zorgroute` inside the checkout it runs from (npx finds a package's own bin there), else
// the shim it was started by, or `node <path of bin/zorgroute.js>`: both work from anywhere.
import { accessSync, constants, statSync } from 'node:fs';
import { basename, delimiter, isAbsolute, join, relative } from 'node:path';
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

function shellWord(path: string): string {
  return /[\s'"$`\\]/.test(path) ? `"${path.replace(/(["$`\\])/g, '\\$1')}"` : path;
}

/**
 * `zorgroute` (on PATH), `npx zorgroute` (in the checkout), the path it was started by when that is
 * a `zorgroute` shim (`~/tools/bin/zorgroute`), else `node /path/to/bin/zorgroute.js`.
 * `argv1` is process.argv[1].
 */
export function invocationFor(env: NodeJS.ProcessEnv, cwd: string, argv1: string | undefined): string {
  const root = packageRoot();
  if (isOnPath('zorgroute', env)) return 'zorgroute';
  if (isInside(cwd, root)) return 'npx zorgroute';
  if (argv1 !== undefined && basename(argv1) === 'zorgroute' && isExecutableFile(argv1)) return shellWord(argv1);
  return `node ${shellWord(join(root, 'bin', 'zorgroute.js'))}`;
}

let cached: string | undefined;

/** invocationFor() this process, computed once, when a hint needs it. */
export function invocationCommand(env: NodeJS.ProcessEnv): string {
  cached ??= invocationFor(env, process.cwd(), process.argv[1]);
  return cached;
}
