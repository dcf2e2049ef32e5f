// Preloaded by `npm run bench` into the processes it measures (NODE_OPTIONS=--import), and so also
// into the CLI's worker processes: on exit, appends one JSON line with the process's peak resident
// set size and CPU time to the file named by KEHOACH_BENCH_USAGE. Read inside each process, so the
// figures are its own, not guessed from outside.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.KEHOACH_BENCH_USAGE;
if (out && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = { pid: process.pid, ppid: process.ppid, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    appendFileSync(out, `${JSON.stringify(line)}\n`);
  });
}
