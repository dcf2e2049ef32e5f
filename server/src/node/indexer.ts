// Builds the index of every plan under some folders, reusing a disk cache keyed by each file's
// size and modification time, so a warm start reads only what changed. The files to read are
// summarised in worker threads when the caller names the worker script (the bundled shells do),
// so a cold start uses every core and the caller's thread stays free; otherwise in small chunks
// that yield between them. A file that cannot be read is a reported problem, never a failure.
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { glob } from 'tinyglobby';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/config.js';
import { looksLikePlan } from '../engine/detect.js';
import type { Localized } from '../engine/types.js';
import { IndexCache, Interner, type PackedSummary, packSummary, unpackSummary } from './cache.js';
import { PlanIndex } from '../engine/workspace/plan-index.js';
import { type PlanSummary, summarizePlan } from '../engine/workspace/summary.js';
import { readPlanBytes } from './encoding.js';

export interface IndexProblem {
  path: string;
  message: Localized;
}

export interface IndexOptions {
  /** Glob patterns (relative to each folder) of files to leave out, besides node_modules and .git. */
  ignore?: string[];
  maxFileSize?: number;
  /** Where the cache lives; no cache when undefined. */
  cachePath?: string;
  /** No cache is read or kept for fewer files than this: reading them all is as fast, and leaves no file behind. */
  cacheFrom?: number;
  onProgress?: (done: number, total: number) => void;
  /** Fill this index (plans already in it stay) instead of a new one. */
  index?: PlanIndex;
  /** Stops the work between two chunks; the result then holds what was indexed so far. */
  signal?: AbortSignal;
  /** Summarise in worker threads running this script (out/index-worker.js); at most `count` of them. */
  workers?: { script: string; count: number };
}

export interface IndexResult {
  index: PlanIndex;
  problems: IndexProblem[];
  stats: { files: number; plans: number; fromCache: number; read: number };
  /** Whether the cache file now holds every indexed file (false without a cache or when it could not be written). */
  cacheWritten: boolean;
}

/** What reading one file gives: its summary when it is a plan, or why it was skipped. */
export interface FileSummary {
  summary?: PlanSummary;
  problem?: Localized;
}

/** A read file, in the form worker threads send back. */
export interface ReadResult {
  path: string;
  size: number;
  mtimeMs: number;
  summary: PackedSummary | null;
  problem?: Localized;
  /** Not to be cached: the next start should try again (unreadable). */
  transient?: boolean;
}

export const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**'];

/** Below this many files a cache gains nothing: the shells pass it as `cacheFrom`. */
export const CACHE_MIN_FILES = 200;

/** Files stat'ed or read between two yields to the event loop. */
const CHUNK = 64;
/** Fewer files than this to read are read in the caller's thread: starting workers costs more. */
const WORKER_THRESHOLD = 256;
/** Files per message to a worker thread. */
const WORKER_BATCH = 128;
const WORKER_YOUNG_GENERATION_MB = 32;

export function fileUri(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

/** Every Markdown file under the folders, as absolute paths, sorted. */
export async function listMarkdownFiles(folders: string[], ignore: string[] = []): Promise<string[]> {
  const files = new Set<string>();
  for (const folder of folders) {
    const found = await glob(['**/*.md', '**/*.markdown'], { cwd: folder, absolute: true, ignore: [...DEFAULT_IGNORE, ...ignore], dot: false, followSymbolicLinks: false });
    for (const file of found) files.add(resolve(file));
  }
  return [...files].sort();
}

export async function indexFolders(folders: string[], options: IndexOptions = {}): Promise<IndexResult> {
  return indexFiles(await listMarkdownFiles(folders, options.ignore), options);
}

/** Indexes exactly these files (absolute paths): the CLI passes the files it checks. */
export async function indexFiles(files: readonly string[], options: IndexOptions = {}): Promise<IndexResult> {
  const cachePath = files.length >= (options.cacheFrom ?? 0) ? options.cachePath : undefined;
  const cache = IndexCache.read(cachePath);
  const intern = new Interner();
  const index = options.index ?? new PlanIndex();
  const problems: IndexProblem[] = [];
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const stats = { files: files.length, plans: 0, fromCache: 0, read: 0 };
  let done = 0;
  const progress = (): void => options.onProgress?.(done, files.length);
  const add = (path: string, summary: PlanSummary | undefined): void => {
    if (!summary) return;
    index.set(fileUri(path), summary);
    stats.plans++;
  };

  const toRead: Array<{ path: string; size: number; mtimeMs: number }> = [];
  for (let start = 0; start < files.length; start += CHUNK) {
    if (options.signal?.aborted) break;
    for (const path of files.slice(start, start + CHUNK)) {
      let size: number;
      let mtimeMs: number;
      try {
        const stat = statSync(path);
        if (!stat.isFile()) {
          done++;
          continue;
        }
        ({ size, mtimeMs } = stat);
      } catch (error) {
        problems.push({ path, message: unreadable(error) });
        done++;
        continue;
      }
      const cached = cache.lookup(path, size, mtimeMs);
      if (cached !== undefined) {
        stats.fromCache++;
        add(path, cached ? unpackSummary(cached, intern) : undefined);
        done++;
      } else if (size > maxFileSize) {
        problems.push({ path, message: tooLarge(maxFileSize) });
        done++;
      } else {
        toRead.push({ path, size, mtimeMs });
      }
    }
    progress();
    await nextTurn();
  }

  const take = (result: ReadResult, summary: PlanSummary | undefined): void => {
    done++;
    stats.read++;
    if (result.problem) problems.push({ path: result.path, message: result.problem });
    if (!result.transient) cache.put(result.path, result.size, result.mtimeMs, result.summary);
    add(result.path, summary);
  };
  let remaining = toRead;
  if (options.workers && toRead.length >= WORKER_THRESHOLD && !options.signal?.aborted) {
    remaining = await readInWorkers(options.workers, toRead, maxFileSize, options.signal, (result) => {
      take(result, result.summary ? unpackSummary(result.summary, intern) : undefined);
      if (done % CHUNK === 0) progress();
    });
    progress();
  }
  for (let start = 0; start < remaining.length; start += CHUNK) {
    if (options.signal?.aborted) break;
    for (const file of remaining.slice(start, start + CHUNK)) {
      const { summary, problem, transient } = readFile(file.path, maxFileSize);
      take({ ...file, summary: summary ? packSummary(summary) : null, problem, transient }, summary);
    }
    progress();
    await nextTurn();
  }

  const cacheWritten = cachePath !== undefined && !options.signal?.aborted && (!cache.changed || cache.write(cachePath));
  return { index, problems, stats, cacheWritten };
}

/** Reads and summarises one file; never throws. */
export function summarizeFile(path: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): FileSummary {
  const { summary, problem } = readFile(path, maxFileSize);
  return { summary, problem };
}

function readFile(path: string, maxFileSize: number): FileSummary & { transient?: boolean } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { problem: unreadable(error), transient: true };
  }
  if (bytes.length > maxFileSize) return { problem: tooLarge(maxFileSize), transient: true };
  const read = readPlanBytes(bytes);
  if (read.kind === 'binary') return { problem: { vi: 'Bỏ qua: tệp nhị phân', en: 'Skipped: binary file' } };
  if (read.kind === 'legacy') return { problem: { vi: `Bỏ qua: ${read.guess.vi}`, en: `Skipped: ${read.guess.en}` } };
  try {
    const { text } = read;
    return { summary: looksLikePlan(text) ? summarizePlan(text) : undefined };
  } catch (error) {
    // The summarizer must not throw on any text; if it does, the file is left out, not the folder.
    const detail = (error as Error).message ?? String(error);
    return { problem: { vi: `Không đọc được nội dung kế hoạch: ${detail}`, en: `Cannot read the plan: ${detail}` }, transient: true };
  }
}

/** What a worker thread does with one file (index-worker.ts). */
export function readForWorker(file: { path: string; size: number; mtimeMs: number }, maxFileSize: number): ReadResult {
  const { summary, problem, transient } = readFile(file.path, maxFileSize);
  return { ...file, summary: summary ? packSummary(summary) : null, problem, transient };
}

export interface WorkerBatch {
  files: Array<{ path: string; size: number; mtimeMs: number }>;
  maxFileSize: number;
}

/**
 * Summarises the files on worker threads, each taking the next batch when done. Resolves with
 * the files left unread: none, or those of batches that did not finish because a worker failed
 * to start or died (the caller reads them itself) or the work was stopped.
 */
function readInWorkers(
  workers: { script: string; count: number },
  files: ReadonlyArray<{ path: string; size: number; mtimeMs: number }>,
  maxFileSize: number,
  signal: AbortSignal | undefined,
  onResult: (result: ReadResult) => void,
): Promise<Array<{ path: string; size: number; mtimeMs: number }>> {
  const batches: WorkerBatch['files'][] = [];
  for (let start = 0; start < files.length; start += WORKER_BATCH) batches.push(files.slice(start, start + WORKER_BATCH));
  const unfinished: WorkerBatch['files'][] = [];
  const count = Math.max(1, Math.min(workers.count, availableParallelism(), batches.length));
  return new Promise((resolveAll) => {
    let running = 0;
    const startWorker = (): void => {
      let current: WorkerBatch['files'] | undefined;
      let received = 0;
      let worker: Worker;
      try {
        // A small young generation: the summarizer's garbage is short-lived, and the language
        // server's own larger setting (--max-semi-space-size) would otherwise apply to each thread.
        worker = new Worker(workers.script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      } catch {
        return;
      }
      running++;
      const next = (): void => {
        current = signal?.aborted ? undefined : batches.shift();
        received = 0;
        if (current) worker.postMessage({ files: current, maxFileSize } satisfies WorkerBatch);
        else void worker.terminate();
      };
      worker.on('message', (results: ReadResult[]) => {
        for (const result of results) onResult(result);
        received += results.length;
        if (current && received >= current.length) next();
      });
      // A worker that fails leaves its batch to the caller; the others go on.
      worker.on('error', () => {
        if (current) unfinished.push(current.slice(received));
        current = undefined;
      });
      worker.on('exit', () => {
        if (current) unfinished.push(current.slice(received));
        if (--running === 0) resolveAll([...unfinished, ...batches].flat());
      });
      next();
    };
    for (let i = 0; i < count; i++) startWorker();
    if (running === 0) resolveAll([...files]);
  });
}

function unreadable(error: unknown): Localized {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : (error as Error)?.message ?? String(error);
  return { vi: `Không đọc được tệp: ${code}`, en: `Cannot read the file: ${code}` };
}

function tooLarge(maxFileSize: number): Localized {
  return { vi: `Bỏ qua: tệp lớn hơn ${maxFileSize} byte`, en: `Skipped: the file is larger than ${maxFileSize} bytes` };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
