// Checking files in parallel worker processes. Each worker gets a path and its configuration,
// reads, checks and (with --fix) writes the file itself, and sends back only the small result.
//
// Processes rather than worker_threads: remark-parse allocates heavily, and the parallel GC
// threads of several isolates in one process compete for the same cores. On an idle 2-core
// machine, 2 processes with --single-threaded-gc ran 1.8x faster than one, 2 threads 1.5x.
// On a busy machine no variant helps (parallel runs only add start-up work), hence --jobs 1 by default.
import { type ChildProcess, fork } from 'node:child_process';
import type { FileResult, FileTask } from './results.js';

export interface FileJob {
  task: FileTask;
  displayPath: string;
}

export interface WorkerRequest extends FileJob {
  id: number;
}

export interface WorkerResponse {
  id: number;
  result: FileResult;
}

/** Jobs sent ahead to each worker, so it never waits for the next path while a result travels back. */
const JOBS_AHEAD = 2;

/**
 * Runs the jobs on `size` worker processes; `onResult` gets each result with the job's index,
 * in completion order. Rejects when a worker dies.
 */
export function runInWorkers(workerScript: string, jobs: readonly FileJob[], size: number, onResult: (index: number, result: FileResult) => void): Promise<void> {
  if (jobs.length === 0) return Promise.resolve();
  return new Promise((resolvePool, rejectPool) => {
    const workers: ChildProcess[] = [];
    let next = 0;
    let done = 0;
    let settled = false;

    const send = (worker: ChildProcess) => {
      if (next >= jobs.length) return;
      const request: WorkerRequest = { id: next, ...jobs[next]! };
      next++;
      worker.send(request);
    };
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      for (const worker of workers) {
        if (error) worker.kill();
        else if (worker.connected) worker.disconnect();
      }
      if (error) rejectPool(error);
      else resolvePool();
    };

    for (let i = 0; i < Math.min(size, jobs.length); i++) {
      const worker = fork(workerScript, [], { execArgv: ['--single-threaded-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      workers.push(worker);
      worker.on('message', (message: WorkerResponse) => {
        onResult(message.id, message.result);
        if (++done === jobs.length) finish();
        else send(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code, signal) => {
        if (!settled) finish(new Error(signal ? `signal ${signal}` : `exit code ${code}`));
      });
      for (let ahead = 0; ahead < JOBS_AHEAD; ahead++) send(worker);
    }
  });
}
