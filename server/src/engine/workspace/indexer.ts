// Builds the index of every plan under some folders, reusing a disk cache keyed by each file's
// size and modification time, so a warm start reads only what changed.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { DEFAULT_MAX_FILE_SIZE } from '../config.js';
import { looksBinary, looksLikePlan } from '../detect.js';
import { PlanIndex } from './plan-index.js';
import { type PlanSummary, summarizePlan } from './summary.js';

/** Bump when PlanSummary or the summarizer changes: old cache entries are then ignored. */
const CACHE_VERSION = 1;

interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** undefined: the file was read and is not a plan. */
  summary?: PlanSummary;
}

interface CacheFile {
  version: number;
  entries: Record<string, CacheEntry>;
}

export interface IndexProblem {
  path: string;
  message: { vi: string; en: string };
}

export interface IndexOptions {
  /** Glob patterns (relative to each folder) of files to leave out, besides node_modules and .git. */
  ignore?: string[];
  maxFileSize?: number;
  /** Where the cache lives; no cache when undefined. */
  cachePath?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface IndexResult {
  index: PlanIndex;
  problems: IndexProblem[];
  stats: { files: number; plans: number; fromCache: number; read: number };
}

export const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**'];

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
  const files = await listMarkdownFiles(folders, options.ignore);
  const cache = options.cachePath ? readCache(options.cachePath) : { version: CACHE_VERSION, entries: {} };
  const fresh: CacheFile = { version: CACHE_VERSION, entries: {} };
  const index = new PlanIndex();
  const problems: IndexProblem[] = [];
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let fromCache = 0;
  let read = 0;
  files.forEach((path, i) => {
    try {
      const stat = statSync(path);
      const cached = cache.entries[path];
      let entry: CacheEntry;
      if (cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs) {
        entry = cached;
        fromCache++;
      } else {
        read++;
        entry = { size: stat.size, mtimeMs: stat.mtimeMs, summary: readSummary(path, stat.size, maxFileSize, problems) };
      }
      fresh.entries[path] = entry;
      if (entry.summary) index.set(fileUri(path), entry.summary);
    } catch (error) {
      problems.push({ path, message: { vi: `Không đọc được tệp: ${(error as Error).message}`, en: `Cannot read the file: ${(error as Error).message}` } });
    }
    if (options.onProgress && (i % 200 === 0 || i === files.length - 1)) options.onProgress(i + 1, files.length);
  });
  if (options.cachePath && read > 0) writeCache(options.cachePath, fresh);
  return { index, problems, stats: { files: files.length, plans: index.size, fromCache, read } };
}

function readSummary(path: string, size: number, maxFileSize: number, problems: IndexProblem[]): PlanSummary | undefined {
  if (size > maxFileSize) {
    problems.push({ path, message: { vi: `Bỏ qua: tệp lớn hơn ${maxFileSize} byte`, en: `Skipped: the file is larger than ${maxFileSize} bytes` } });
    return undefined;
  }
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) {
    problems.push({ path, message: { vi: 'Bỏ qua: tệp nhị phân', en: 'Skipped: binary file' } });
    return undefined;
  }
  const text = bytes.toString('utf8');
  return looksLikePlan(text) ? summarizePlan(text) : undefined;
}

function readCache(path: string): CacheFile {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
    if (data.version === CACHE_VERSION && data.entries) return data;
  } catch {
    // No cache yet, or an unreadable one: start cold.
  }
  return { version: CACHE_VERSION, entries: {} };
}

function writeCache(path: string, cache: CacheFile): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(cache));
    renameSync(temp, path);
  } catch {
    // A cache that cannot be written only costs the next start its speed.
  }
}
