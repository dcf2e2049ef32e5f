// The plans a `kehoach check` run checks, indexed once for the cross-file rules (KH208, KH404
// across files, KH405). The main process builds the index, with the disk cache for folders big
// enough to gain from it; worker processes (--jobs) load the same index from that file instead
// of reading every plan again.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceView } from '../engine/rule.js';
import { IndexCache, Interner, cachePathFor, packSummary, unpackSummary } from '../node/cache.js';
import { CACHE_MIN_FILES, fileUri, indexFiles } from '../node/indexer.js';
import { PlanIndex } from '../engine/workspace/plan-index.js';

/** Indexes loaded in this process, by snapshot path (the main process registers its own). */
const loaded = new Map<string, PlanIndex>();

export interface CheckIndex {
  /** Names the index for workspaceFor; with --jobs, the file worker processes load it from. */
  snapshot: string;
  /** Removes a snapshot that is not the cache. */
  dispose(): void;
}

/**
 * Indexes the files to check. `key` names the run (the resolved arguments) so that each set of
 * folders has its own cache; `jobs` > 1 makes the reading use that many threads.
 */
export async function indexForCheck(files: readonly string[], options: { key: string[]; jobs: number; maxFileSize: number }): Promise<CheckIndex> {
  const cachePath = cachePathFor(options.key);
  const result = await indexFiles(files, {
    cachePath,
    cacheFrom: CACHE_MIN_FILES,
    maxFileSize: options.maxFileSize,
    workers: options.jobs > 1 ? { script: join(__dirname, 'index-worker.js'), count: options.jobs } : undefined,
  });
  if (result.cacheWritten) {
    loaded.set(cachePath, result.index);
    return { snapshot: cachePath, dispose: () => loaded.delete(cachePath) };
  }
  // No cache (a small run, or one that could not be written): a file of this run only, for workers.
  const snapshot = join(tmpdir(), `kehoach-index-${process.pid}-${Date.now()}.json`);
  loaded.set(snapshot, result.index);
  const remove = (): void => rmSync(snapshot, { force: true });
  if (options.jobs > 1) {
    writeSnapshot(snapshot, result.index);
    // Also when the run ends early (its output closed, an error).
    process.once('exit', remove);
  }
  return {
    snapshot,
    dispose: () => {
      loaded.delete(snapshot);
      remove();
      process.off('exit', remove);
    },
  };
}

/** The view the rules get for one file of the run. */
export function workspaceFor(snapshot: string, path: string): WorkspaceView {
  let index = loaded.get(snapshot);
  if (!index) {
    index = loadSnapshot(snapshot);
    loaded.set(snapshot, index);
  }
  return { uri: fileUri(path), index };
}

function writeSnapshot(path: string, index: PlanIndex): void {
  const snapshot = IndexCache.read(undefined);
  // Sizes and times are not compared when a snapshot is loaded: it is read whole, by this run.
  for (const { uri, summary } of index.entries()) snapshot.put(fileURLToPath(uri), 0, 0, packSummary(summary));
  snapshot.write(path);
}

/** Every plan of a snapshot or cache file; an unreadable file gives an empty index (no cross-file findings). */
function loadSnapshot(path: string): PlanIndex {
  const index = new PlanIndex();
  const intern = new Interner();
  for (const [file, packed] of IndexCache.read(path).summaries()) index.set(fileUri(file), unpackSummary(packed, intern));
  return index;
}
