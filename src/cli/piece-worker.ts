// The entry point of a batch worker thread (started by commands/batch/workers.ts with the URL that
// cli/batch.ts passes down; a second entry point of the esbuild bundle, next to the CLI's chunks):
// pieces of the export in, results out. A shell like cli.ts: it gives the PieceProcessor the ui
// catalogue's words for row problems, which commands/ may not import.
// An exception here is a bug: it ends the thread, and the main thread reports it as one.
import { parentPort, workerData } from 'node:worker_threads';
import { PieceProcessor, transferablesOf, type PieceSettings, type PieceTask } from '../commands/batch/piece.js';
import { rowProblemDescriber } from '../ui/messages/errors/catalogue.js';

const port = parentPort;
if (!port) throw new Error('piece-worker.js runs as a worker thread of zorgroute batch');
const settings = workerData as PieceSettings;
const processor = new PieceProcessor(settings, rowProblemDescriber(settings.lang));
port.on('message', (task: PieceTask) => {
  const result = processor.process(task);
  port.postMessage(result, transferablesOf(result));
});
