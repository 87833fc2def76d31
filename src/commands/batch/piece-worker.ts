// The entry point of a batch worker thread (started by commands/batch/parallel.ts; a second entry point of
// the esbuild bundle, so it sits next to the CLI's chunks): pieces of the export in, results out.
// An exception here is a bug: it ends the thread, and the main thread reports it as one.
import { parentPort, workerData } from 'node:worker_threads';
import { PieceProcessor, transferablesOf, type PieceSettings, type PieceTask } from './piece.js';

const port = parentPort;
if (!port) throw new Error('piece-worker.js runs as a worker thread of zorgroute batch');
const processor = new PieceProcessor(workerData as PieceSettings);
port.on('message', (task: PieceTask) => {
  const result = processor.process(task);
  port.postMessage(result, transferablesOf(result));
});
