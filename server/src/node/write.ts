// Writing a plan back (check --fix) or an export, never leaving half a file or a temporary one
// behind. The new content is first written whole to a temporary file beside the target and
// flushed; then it replaces the target by a rename (atomic), or, for a plan that is a hard link
// or reached through a symbolic link, is copied into the target in place so every link keeps
// pointing at the plan. Temporary files are removed on every exit the process survives (an
// error, exit, SIGINT, SIGTERM, SIGHUP); one left by a killed run carries its process id in its
// name, and the next write beside it removes it once that process is gone.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:os';
import { closeSync, copyFileSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.kehoach-tmp';
const pending = new Set<string>();
let cleanupInstalled = false;

/** Replaces (or creates) `path` with `content`. Throws the file system's error; no temporary file stays. */
export function writeFileSafely(path: string, content: Uint8Array): void {
  const existing = statOrUndefined(path);
  const target = existing ? realpathSync(path) : path;
  const inPlace = existing !== undefined && (existing.nlink > 1 || lstatSync(path).isSymbolicLink());
  removeStaleTemporaries(target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  installCleanup();
  pending.add(temp);
  try {
    const fd = openSync(temp, 'wx', existing?.mode ?? 0o666);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (inPlace) {
      // Opens the target with truncation: the same inode, so hard links and symbolic links still reach it.
      copyFileSync(temp, target);
      const fd = openSync(target, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      rmSync(temp, { force: true });
    } else {
      renameSync(temp, target);
    }
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** Temporary files of `target` whose writing process is gone (killed before it could clean up). */
function removeStaleTemporaries(target: string): void {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
    const owner = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length, -TEMP_SUFFIX.length));
    if (!owner) continue;
    const pid = Number(owner[1]);
    const path = join(dirname(target), name);
    if ((pid === process.pid && !pending.has(path)) || !isRunning(pid)) rmSync(path, { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', removePending);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // Kept, not once: a signal repeated while ending must not meet the default action half-way.
    process.on(signal, () => {
      removePending();
      // Ends as the signal's default action would (status 128 + its number). Raising the signal
      // again from its own listener is not enough: Node still holds the signal then, and the run went on.
      process.exit(128 + constants.signals[signal]);
    });
  }
}

function removePending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
