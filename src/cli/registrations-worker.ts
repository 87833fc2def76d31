// The entry point of a `batch --registrations` worker thread (started by
// commands/batch/registrations/parallel.ts with the URL that cli/registrations.ts passes down; an
// entry point of the esbuild bundle of its own, next to the CLI's chunks): pieces of the
// registrations file in, the book of their rows out; then chunks of students in, their encoded records out. An exception here is a bug: it ends the thread,
// and the main thread reports it as one.
import { parentPort, workerData } from 'node:worker_threads';
import { runRegistrationsWorker, type RegistrationsWorkerData } from '../commands/batch/registrations/parallel.js';

if (!parentPort) throw new Error('registrations-worker.js runs as a worker thread of zorgroute batch --registrations');
runRegistrationsWorker(parentPort, workerData as RegistrationsWorkerData);
