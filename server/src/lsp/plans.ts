// The workspace's other plans, for the cross-file rules (a citation checked against the cited
// plan), navigation between plans and completing recipients. Built in the background from the
// disk cache and worker threads (node/indexer.ts), so that typing is never held up
// by a scan; kept current from file-watcher events and, for open plans, from their buffers.
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { escapePath, glob } from 'tinyglobby';
import type { WorkspaceView } from '../engine/rule.js';
import { looksLikePlan } from '../engine/detect.js';
import type { Localized } from '../engine/types.js';
import { cachePathFor } from '../node/cache.js';
import { CACHE_MIN_FILES, DEFAULT_IGNORE, type IndexProblem, fileUri, indexFolders, summarizeFile } from '../node/indexer.js';
import { PlanIndex } from '../engine/workspace/plan-index.js';
import { type PlanSummary, summarizePlan } from '../engine/workspace/summary.js';
import { pathOfUri } from './configs.js';
import { summaryIdentity, symbolsTouched } from './index-changes.js';

/** Log lines about unreadable files per scan; the rest are counted. */
const MAX_LOGGED_PROBLEMS = 100;
/** At most this many indexing threads (fewer on fewer cores): past it, reading the disk is the limit. */
const INDEX_WORKERS = 4;
/** Quiet time after the last keystroke before an open plan's buffer is summarised again. */
const BUFFER_DEBOUNCE_MS = 300;

export interface ScanProgress {
  /** `fraction` of the work is done (0 to 1); `message` counts the files. */
  report(fraction: number, message: string): void;
  done(): void;
}

export interface WorkspacePlansOptions {
  log(message: string): void;
  /**
   * The index changed: checks that use it are stale. `touched` holds the symbol keys whose plans
   * or citations changed, in the plan `source`; both undefined after a scan, when every check is stale.
   */
  changed(touched?: ReadonlySet<string>, source?: string): void;
  /** Glob patterns to leave out of a folder (its .kehoach.json "ignore"). */
  ignoreOf(folder: string): string[];
  maxFileSize(folder: string): number;
  /** Folder for the index cache files (the editor's storage); the user's cache folder when absent. */
  cacheDir?: string;
  /** Shows the scan's progress to the user. */
  beginProgress?(): Promise<ScanProgress>;
  problemText?(message: Localized): string;
}

export class WorkspacePlans {
  readonly index = new PlanIndex();
  private folders: string[] = [];
  private scanning: AbortController | undefined;
  private scanned = false;
  /** Open plans in the folders (index URI -> pending summary timer): their buffers, not the disk, are indexed. */
  private readonly open = new Map<string, NodeJS.Timeout | undefined>();
  private readonly workerScript = join(__dirname, 'index-worker.js');
  /** File events still being applied, in order. */
  private events: Promise<void> = Promise.resolve();

  constructor(private readonly options: WorkspacePlansOptions) {}

  /** Whether the first scan of the current folders has finished. */
  get ready(): boolean {
    return this.scanned;
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  /** Replaces the folders; plans of folders no longer there leave the index. Call start() after. */
  setFolders(folders: string[]): void {
    this.scanning?.abort();
    this.scanning = undefined;
    this.folders = folders;
    this.scanned = false;
    for (const { uri } of [...this.index.entries()]) {
      const path = pathOfUri(uri);
      if (!path || !this.folderOf(path)) this.index.delete(uri);
    }
  }

  /** Starts the background scan unless it is running or done. */
  start(): void {
    if (this.scanning || this.scanned) return;
    const controller = new AbortController();
    this.scanning = controller;
    this.scan(controller.signal).catch((error: unknown) => this.options.log(`Workspace scan failed: ${(error as Error).stack ?? String(error)}`));
  }

  /** The view the rules get for one document: the index, and which entry is the document itself. */
  viewFor(uri: string): WorkspaceView {
    return { uri: this.indexUri(uri), index: this.index };
  }

  /** The index's URI for a document (file URIs are spelt the way the indexer spells them). */
  indexUri(uri: string): string {
    const path = pathOfUri(uri);
    return path ? fileUri(path) : uri;
  }

  /**
   * A Markdown file was created, changed or deleted on disk. An open plan keeps its buffer's
   * summary; a file the scan leaves out (node_modules, .git, the "ignore" globs) stays out.
   * Events apply in the order they came (a creation then a deletion leaves nothing).
   */
  fileChanged(path: string, deleted: boolean): Promise<void> {
    this.events = this.events.then(() => this.applyFileChange(path, deleted)).catch((error: unknown) => this.options.log(`Indexing ${path} failed: ${String(error)}`));
    return this.events;
  }

  private async applyFileChange(path: string, deleted: boolean): Promise<void> {
    const folder = this.folderOf(path);
    if (!folder) return;
    const uri = fileUri(path);
    if (this.open.has(uri)) return;
    const summary = deleted || !(await this.takesIn(folder, path)) ? undefined : summarizeFile(path, this.options.maxFileSize(folder)).summary;
    if (!this.open.has(uri)) this.update(uri, summary);
  }

  /** A file or folder was renamed (workspace/didRenameFiles): its plans keep their summaries under the new name. */
  fileRenamed(fromPath: string, toPath: string): void {
    const from = fileUri(fromPath);
    const to = fileUri(toPath);
    const moves = [...this.index.entries()].filter(({ uri }) => uri === from || uri.startsWith(`${from}/`));
    for (const { uri, summary } of moves) {
      const target = to + uri.slice(from.length);
      const targetPath = pathOfUri(target);
      this.index.delete(uri);
      // A plan moved out of the folders leaves the index; one moved in is read by fileChanged.
      if (targetPath && this.folderOf(targetPath)) this.index.set(target, summary);
      // The citing plans name the file in their messages.
      this.options.changed(symbolsTouched(summary, undefined), target);
    }
    if (moves.length === 0 && this.folderOf(toPath) && /\.(?:md|markdown)$/i.test(toPath)) void this.fileChanged(toPath, false);
  }

  /** An open document's text changed (or it was opened): its summary is taken from the buffer, debounced. */
  documentEdited(documentUri: string, text: () => string): void {
    const path = pathOfUri(documentUri);
    if (!path || !this.folderOf(path)) return;
    const uri = fileUri(path);
    clearTimeout(this.open.get(uri));
    this.open.set(
      uri,
      setTimeout(async () => {
        if (!this.open.has(uri)) return;
        this.open.set(uri, undefined);
        const source = text();
        const folder = this.folderOf(path);
        const summary = folder && (await this.takesIn(folder, path)) ? summaryOfBuffer(source) : undefined;
        if (this.open.has(uri)) this.update(uri, summary);
      }, BUFFER_DEBOUNCE_MS),
    );
  }

  /** An open document was closed: unsaved edits are gone, so the file on disk counts again. */
  documentClosed(documentUri: string): void {
    const path = pathOfUri(documentUri);
    if (!path) return;
    const uri = fileUri(path);
    if (!this.open.has(uri)) return;
    clearTimeout(this.open.get(uri));
    this.open.delete(uri);
    void this.fileChanged(path, !existsSync(path));
  }

  /** Whether the scan of `folder` takes this file in: the same globs, asked of this one path. */
  private async takesIn(folder: string, path: string): Promise<boolean> {
    const pattern = escapePath(relative(folder, path).split(sep).join('/'));
    const found = await glob([pattern], { cwd: folder, ignore: [...DEFAULT_IGNORE, ...this.options.ignoreOf(folder)], dot: false, followSymbolicLinks: false });
    return found.length > 0;
  }

  private folderOf(path: string): string | undefined {
    return this.folders.find((candidate) => path.startsWith(candidate.endsWith('/') ? candidate : `${candidate}/`));
  }

  /** Puts a plan's new summary (undefined: no longer a plan) and says which symbols it touched. */
  private update(uri: string, summary: PlanSummary | undefined): void {
    const before = this.index.get(uri);
    if (summary) this.index.set(uri, summary);
    else this.index.delete(uri);
    if (summaryIdentity(before) !== summaryIdentity(summary)) this.options.changed(symbolsTouched(before, summary), uri);
  }

  private async scan(signal: AbortSignal): Promise<void> {
    const started = Date.now();
    // A client that refuses the progress token still gets its index.
    const progress = await this.options.beginProgress?.().catch(() => undefined);
    const totals = { plans: 0, files: 0, fromCache: 0 };
    const problems: IndexProblem[] = [];
    try {
      const folders = [...this.folders];
      for (const [position, folder] of folders.entries()) {
        const result = await indexFolders([folder], {
          ignore: this.options.ignoreOf(folder),
          maxFileSize: this.options.maxFileSize(folder),
          cachePath: cachePathFor([folder], this.options.cacheDir),
          cacheFrom: CACHE_MIN_FILES,
          signal,
          workers: existsSync(this.workerScript) ? { script: this.workerScript, count: INDEX_WORKERS } : undefined,
          // Several folders share one bar: each takes an equal part of it.
          onProgress: (done, total) => progress?.report((position + done / Math.max(total, 1)) / folders.length, `${done}/${total}`),
        });
        if (signal.aborted) return;
        this.replaceFolder(folder, result.index);
        problems.push(...result.problems);
        totals.plans += result.stats.plans;
        totals.files += result.stats.files;
        totals.fromCache += result.stats.fromCache;
        if (!result.cacheWritten && result.stats.files >= CACHE_MIN_FILES) this.options.log(`${folder}: the index cache could not be written.`);
      }
    } finally {
      progress?.done();
    }
    this.scanned = true;
    this.scanning = undefined;
    const text = this.options.problemText ?? ((message: Localized) => message.en);
    for (const problem of problems.slice(0, MAX_LOGGED_PROBLEMS)) this.options.log(`${problem.path}: ${text(problem.message)}`);
    if (problems.length > MAX_LOGGED_PROBLEMS) this.options.log(`… and ${problems.length - MAX_LOGGED_PROBLEMS} more files not indexed.`);
    this.options.log(
      `Indexed ${totals.plans} plans (${totals.files} Markdown files, ${totals.fromCache} from the cache) in ${this.folders.length} folder(s) in ${Date.now() - started} ms.`,
    );
    this.options.changed();
    // The scan's garbage (read buffers, packed summaries) sits in the old generation, which V8
    // would keep until it next fills; with 10,000 plans that is some 50 MB more resident memory.
    (globalThis as { gc?: () => void }).gc?.();
  }

  /** The folder's plans become the scan's, except open plans, whose buffers stay authoritative. */
  private replaceFolder(folder: string, scanned: PlanIndex): void {
    const prefix = fileUri(folder).replace(/\/?$/, '/');
    for (const { uri } of [...this.index.entries()]) {
      if (uri.startsWith(prefix) && !this.open.has(uri) && !scanned.get(uri)) this.index.delete(uri);
    }
    for (const { uri, summary } of scanned.entries()) if (!this.open.has(uri)) this.index.set(uri, summary);
  }
}

/** A buffer that no longer looks like a plan is not one, as for files on disk. */
function summaryOfBuffer(text: string): PlanSummary | undefined {
  return looksLikePlan(text) ? summarizePlan(text) : undefined;
}
