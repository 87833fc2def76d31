// The thread behind `batch --log`: writes each chunk's decisions to the case log in one
// transaction, while the main thread goes on reading and deciding the export (the two together
// keep both cores busy). Messages: { id, parts } → { id, added, skipped } or { id, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../core/errors.js';
import type { Problem } from '../../core/problems.js';
import { ProblemError, type Problem as OutputProblem } from '../../core/output-problems.js';
import { openCaseStore } from '../../io/db/case-store.js';
import { unpackEntries, type PackedEntries } from './log-entries.js';

export interface LogWorkerData {
  path: string;
  ownFolder: boolean;
}
export type LogRequest = { kind: 'chunk'; id: number; parts: PackedEntries[] } | { kind: 'close' };
export type LogReply =
  | { id: number; added: number; skipped: number }
  | { id: number; error: { message: string; problem: Problem | undefined; hint: Problem | string | undefined; user: boolean; output?: OutputProblem | undefined } };

const port = parentPort!;
const { path, ownFolder } = workerData as LogWorkerData;
const store = openCaseStore(path, { ownFolder, durability: 'normal' });

port.on('message', (request: LogRequest) => {
  if (request.kind === 'close') {
    store.close();
    port.close();
    return;
  }
  try {
    const { added, skipped } = store.recordPrepared(unpackEntries(request.parts));
    port.postMessage({ id: request.id, added, skipped } satisfies LogReply);
  } catch (error) {
    const user = error instanceof UserError;
    port.postMessage({
      id: request.id,
      error: {
        message: (error as Error).message,
        problem: user ? error.problem : undefined,
        hint: user ? error.hint : undefined,
        user,
        // A full disk (db-write-failed, exit 74) crosses the thread as the problem it is.
        output: error instanceof ProblemError ? error.output : undefined,
      },
    } satisfies LogReply);
  }
});
