// A worker process of `kehoach check --jobs N` (see pool.ts): checks one file per request.
import { provideVietnameseDictionary } from '../node/dictionary.js';
import { analyzeFile } from './analyze.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';

provideVietnameseDictionary();

process.on('message', (request: WorkerRequest) => {
  // The parent is gone (killed, Ctrl-C): the files still queued here are left as they are, unfixed.
  if (!process.connected) process.exit(1);
  const response: WorkerResponse = { id: request.id, result: analyzeFile(request.task, request.displayPath) };
  // A failed send means the parent is gone: end here rather than fix the files still queued.
  process.send!(response, undefined, undefined, (error) => {
    if (error) process.exit(1);
  });
});
// Nobody is left to read the results: end after the file being fixed, whole.
process.on('disconnect', () => process.exit(1));
