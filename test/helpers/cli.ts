// The built CLI run as a real process: its exit code and both streams, read whole.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', 'out', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `kehoach args` in `cwd` with `env` over the process's own, writing `input` (or nothing) to
 * its stdin. Colour is left to the CLI's own choice for a pipe unless `env` sets FORCE_COLOR or
 * NO_COLOR (the test runner's own setting would otherwise leak into the output).
 */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string | Buffer }): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A command that does not read stdin may close it before the input is written.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}
