// Preloaded by `npm run bench` into the CLI and its worker processes (NODE_OPTIONS=--import): on
// exit, appends "<pid> <ppid> <peak RSS in KB>" to the file named by KEHOACH_BENCH_RSS, so the bench
// reads each process's own peak instead of guessing it from outside.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.KEHOACH_BENCH_RSS;
if (out && isMainThread) {
  process.on('exit', () => appendFileSync(out, `${process.pid} ${process.ppid} ${process.resourceUsage().maxRSS}\n`));
}
