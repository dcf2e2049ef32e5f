// The workspace's other plans, for the cross-file rules (a citation checked against the cited
// plan) and for completing recipients. Built in the background one file at a time, so that
// typing is never held up by a scan, and kept current from file-watcher events.
import { readFile, stat } from 'node:fs/promises';
import { looksBinary, looksLikePlan } from '../engine/detect.js';
import type { WorkspaceView } from '../engine/rule.js';
import { compareKey } from '../engine/text.js';
import { fileUri, listMarkdownFiles } from '../engine/workspace/indexer.js';
import { PlanIndex } from '../engine/workspace/plan-index.js';
import { summarizePlan } from '../engine/workspace/summary.js';
import { pathOfUri } from './configs.js';

/** A workspace bigger than this is indexed only in part (and the log says so). */
const MAX_FILES = 5000;

export interface WorkspacePlansOptions {
  log(message: string): void;
  /** The index changed after the scan or a file event: checks that use it are stale. */
  changed(): void;
  /** Glob patterns to leave out of a folder (its .kehoach.json "ignore"). */
  ignoreOf(folder: string): string[];
  maxFileSize(folder: string): number;
}

export class WorkspacePlans {
  readonly index = new PlanIndex();
  private folders: string[] = [];
  /** Bumped when the folders change, so an older scan stops. */
  private generation = 0;
  private scanning: Promise<void> | undefined;
  private scanned = false;

  constructor(private readonly options: WorkspacePlansOptions) {}

  /** Whether the first scan of the current folders has finished. */
  get ready(): boolean {
    return this.scanned;
  }

  get folderPaths(): readonly string[] {
    return this.folders;
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.generation++;
    this.scanned = false;
    this.scanning = undefined;
  }

  /** Starts the background scan unless it is running or done. */
  start(): void {
    if (this.scanning || this.scanned) return;
    const generation = this.generation;
    this.scanning = this.scan(generation).catch((error: unknown) => this.options.log(`Workspace scan failed: ${String(error)}`));
  }

  /** The view the rules get for one document: the index, and which entry is the document itself. */
  viewFor(uri: string): WorkspaceView {
    const path = pathOfUri(uri);
    return { uri: path ? fileUri(path) : uri, index: this.index };
  }

  /** A Markdown file was created, changed or deleted on disk. */
  async fileChanged(path: string, deleted: boolean): Promise<void> {
    const folder = this.folders.find((candidate) => path.startsWith(candidate.endsWith('/') ? candidate : `${candidate}/`));
    if (!folder) return;
    const uri = fileUri(path);
    const summary = deleted ? undefined : await this.read(path, this.options.maxFileSize(folder));
    const had = this.index.get(uri) !== undefined;
    if (summary) this.index.set(uri, summary);
    else this.index.delete(uri);
    if (summary || had) this.options.changed();
  }

  /**
   * Adds the recipient entries of the indexed plans ("Sở GDĐT (b/c)", "Lưu: VT, CTTT") to `counts`,
   * leaving out the plans in `skip` (the open ones, counted from their buffers).
   */
  collectRecipients(counts: RecipientCounts, skip: ReadonlySet<string>): void {
    for (const { uri, summary } of this.index.entries()) {
      if (!skip.has(uri)) addRecipients(counts, summary.recipients);
    }
  }

  private async scan(generation: number): Promise<void> {
    const started = Date.now();
    let plans = 0;
    for (const folder of this.folders) {
      const files = await listMarkdownFiles([folder], this.options.ignoreOf(folder));
      if (files.length > MAX_FILES) this.options.log(`${folder}: ${files.length} Markdown files; only the first ${MAX_FILES} are indexed.`);
      for (const path of files.slice(0, MAX_FILES)) {
        // Each read yields to the event loop: an edit arriving meanwhile is handled first.
        const summary = await this.read(path, this.options.maxFileSize(folder));
        if (generation !== this.generation) return;
        if (summary) {
          this.index.set(fileUri(path), summary);
          plans++;
        }
      }
    }
    this.scanned = true;
    this.options.log(`Indexed ${plans} plans in ${this.folders.length} folder(s) in ${Date.now() - started} ms.`);
    this.options.changed();
  }

  private async read(path: string, maxFileSize: number): Promise<ReturnType<typeof summarizePlan> | undefined> {
    try {
      const info = await stat(path);
      if (!info.isFile() || info.size > maxFileSize) return undefined;
      const bytes = await readFile(path);
      if (looksBinary(bytes)) return undefined;
      const text = bytes.toString('utf8');
      return looksLikePlan(text) ? summarizePlan(text) : undefined;
    } catch {
      // Deleted or unreadable meanwhile: not a plan of the workspace.
      return undefined;
    }
  }
}

/** Recipient entry key -> the entry as first written and the number of plans using it. */
export type RecipientCounts = Map<string, { text: string; count: number }>;

/** Counts each recipient once per plan, keyed so that spelling variants of one entry meet. */
export function addRecipients(counts: RecipientCounts, entries: readonly string[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const text = recipientBody(entry);
    const key = compareKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { text, count: 1 });
  }
}

/** An entry without its leading dash and closing punctuation: "- Sở GDĐT (b/c);" -> "Sở GDĐT (b/c)". */
export function recipientBody(entry: string): string {
  return entry
    .replace(/^[-+•–*]\s*/u, '')
    .replace(/(?:\.\/\.|[;.,:\s])+$/u, '')
    .trim();
}
