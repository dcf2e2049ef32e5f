// A worker thread of the workspace indexer (indexer.ts): reads and summarises the files of each
// batch it is sent and answers with their packed summaries.
import { parentPort } from 'node:worker_threads';
import { type ReadResult, type WorkerBatch, readForWorker } from './indexer.js';

parentPort?.on('message', ({ files, maxFileSize }: WorkerBatch) => {
  const results: ReadResult[] = files.map((file) => readForWorker(file, maxFileSize));
  parentPort!.postMessage(results);
});
