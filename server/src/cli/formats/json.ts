// The JSON format, a stable contract for scripts and CI (version 1; fields may be added, never
// renamed). One file per line, so the output streams and diffs well:
//   {"version":1,"files":[
//   {"path":"a/ke-hoach.md","isPlan":true,"diagnostics":[...]},
//   ...
//   ],"summary":{"files":2,"plans":1,"errors":1,"warnings":0,"infos":0,"skipped":0}}
// A file that was not read has `"skipped":{"reason":...,"message":...}`, the reason one of binary, not-utf8,
// too-large, unreadable, symlink-loop, special, no-markdown (a folder named that holds none), failed;
// with --fix each file has `"fixed":n` (fixes written) and, when they could not be written, `"fixNotWritten":message`.
// A diagnostic may have `"related":[{"path":...,"range":...,"message":...}]`: other places it concerns, such as
// the cited plan's number (no "path": the same file).
import type { FileReport, Summary } from '../results.js';
import type { Reporter, ReporterOptions } from './reporter.js';

export function jsonReporter({ write }: ReporterOptions): Reporter {
  let first = true;
  return {
    begin() {
      write('{"version":1,"files":[');
    },
    file(report: FileReport) {
      const { path, isPlan, diagnostics, skipped, fixed, fixNotWritten } = report;
      write((first ? '\n' : ',\n') + JSON.stringify({ path, isPlan, diagnostics, skipped, fixed, fixNotWritten }));
      first = false;
    },
    end(summary: Summary) {
      write(`\n],"summary":${JSON.stringify(summary)}}\n`);
    },
  };
}
