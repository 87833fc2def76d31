// Where the case log lives: --db FILE, else ZORGROUTE_DB, else the user's data folder
// ($XDG_DATA_HOME/zorgroute, ~/.local/share/zorgroute; ~/Library/Application Support/zorgroute on
// macOS; %APPDATA%\zorgroute on Windows). Pure apart from the defaults read from the process.
import { homedir } from 'node:os';
import path from 'node:path';

export const DB_FILE_NAME = 'cases.db';

export interface DbLocation {
  path: string;
  /** How it was chosen; a folder zorgroute chose itself may be tightened to owner-only. */
  origin: 'flag' | 'env' | 'default';
}

export function resolveDbLocation(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): DbLocation {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const given = (value: string): string => (value === ':memory:' ? value : p.resolve(value));
  if (flag !== undefined && flag !== '') return { path: given(flag), origin: 'flag' };
  if (env.ZORGROUTE_DB) return { path: given(env.ZORGROUTE_DB), origin: 'env' };
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  let base: string;
  if (xdg && p.isAbsolute(xdg)) base = xdg;
  else if (platform === 'win32') base = env.APPDATA || p.join(home, 'AppData', 'Roaming');
  else if (platform === 'darwin') base = p.join(home, 'Library', 'Application Support');
  else base = p.join(home, '.local', 'share');
  return { path: p.join(base, 'zorgroute', DB_FILE_NAME), origin: 'default' };
}
