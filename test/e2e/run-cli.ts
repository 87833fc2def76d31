// Spawns the built binary the way a user or a pipeline does.
import { execa } from 'execa';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/zorgroute.js', import.meta.url));
export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** An empty config folder: a settings file of the machine running the tests must not change them. */
export const EMPTY_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'zorgroute-noconfig-'));

export async function runCli(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  const result = await execa(process.execPath, [BIN, ...args], {
    reject: false,
    input: options.input ?? '',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { NO_COLOR: '1', LANG: 'nl_NL.UTF-8', LC_ALL: '', XDG_CONFIG_HOME: EMPTY_CONFIG_HOME, ...options.env },
    extendEnv: true,
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
