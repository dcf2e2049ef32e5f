// A worker process of `kehoach check --jobs N` (see pool.ts): checks one file per request.
import { provideVietnameseDictionary } from '../node/dictionary.js';
import { analyzeFile } from './analyze.js';
import type { WorkerRequest, WorkerResponse } from './pool.js';

provideVietnameseDictionary();

process.on('message', (request: WorkerRequest) => {
  const response: WorkerResponse = { id: request.id, result: analyzeFile(request.task, request.displayPath) };
  process.send!(response);
});
