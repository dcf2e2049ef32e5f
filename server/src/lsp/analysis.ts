// One analysis per document text and version: settings and .kehoach.json resolved, the plan parsed and
// checked once, the result kept for code actions, hover, symbols and completion until the next
// edit or configuration change. Everything outside the document comes from an injected workspace.
import { type CheckResult, checkText } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import { looksLikePlan } from '../engine/detect.js';
import { ChunkCache } from '../engine/markdown.js';
import { fixAll } from '../engine/fixes.js';
import type { WorkspaceView } from '../engine/rule.js';
import { RULES_WITH_SAFE_FIXES } from '../engine/rules/index.js';
import type { Locale, TextEdit } from '../engine/types.js';
import type { PlanIndex } from '../engine/workspace/plan-index.js';
import { minimalEdit } from './edits.js';
import type { DocumentState } from './protocol.js';
import { type Settings, chooseLocale, effectiveConfig } from './settings.js';
import { looksBinary } from '../engine/binary.js';

export interface PlanAnalysis {
  state: 'plan';
  uri: string;
  version: number;
  /** The text analysed: the server's own fingerprint of the document, so a reused or backward version number never matches another text. */
  text: string;
  check: CheckResult;
  config: ResolvedConfig;
  locale: Locale;
}

export interface SkippedAnalysis {
  state: Exclude<DocumentState, 'plan'>;
  uri: string;
  version: number;
  text: string;
  locale: Locale;
  /** For too-large: the document's size and the limit, in bytes. */
  size?: number;
  limit?: number;
  /** For failed: what went wrong. */
  error?: string;
}

export type Analysis = PlanAnalysis | SkippedAnalysis;

/** An open document as the editor holds it. */
export interface PlanDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

/**
 * What the analyses read of the world around a document, injected so that they do no file I/O of
 * their own: the open documents, the folder's plan index and each plan's configuration.
 */
export interface PlanWorkspace {
  /** The open document with this URI; undefined when it is not open. */
  document(uri: string): PlanDocument | undefined;
  /** The folder's plans (open ones from their buffers), by number and by cited number. */
  readonly index: PlanIndex;
  /** The index's URI for a document (file URIs are spelt the way the indexer spells them). */
  indexUri(uri: string): string;
  /** Whether the first scan of the folders is over (before it, counts would be too low). */
  readonly ready: boolean;
  /** The text of a plan of the index: its open buffer, else the file; undefined when unreadable, binary or over `maxSize` bytes. */
  readText(indexUri: string, maxSize: number): string | undefined;
  /** The configuration governing a document: its .kehoach.json, or the defaults. */
  config(uri: string, locale: Locale): ResolvedConfig;
}

/** The "kehoach" settings of each document. */
export interface SettingsProvider {
  get(uri: string): Promise<Settings>;
  /** The last settings known for a document, without waiting (for the debounce delay). */
  current(uri: string): Settings;
}

export class Analyzer {
  private readonly cache = new Map<string, Analysis>();
  /** Each open document's parsed chunks, so that an edit re-parses only the chunks it changed; dropped on close. */
  private readonly chunks = new Map<string, ChunkCache>();
  private readonly fixAllEdits = new WeakMap<PlanAnalysis, TextEdit | null>();
  /** Bumped when settings or a config file change: every cached analysis is then stale. */
  private generation = 0;
  private readonly generations = new WeakMap<Analysis, number>();

  constructor(
    readonly settings: SettingsProvider,
    private readonly workspace: PlanWorkspace,
    private readonly clientLocale: string | undefined,
    private readonly log: (message: string) => void,
    /** Told of every fresh analysis, so requests waiting for that version can be answered. */
    private readonly analyzed: (analysis: Analysis) => void,
  ) {}

  /** Analysis of the document's current text, computed at most once per text and version. */
  async analyze(document: PlanDocument): Promise<Analysis> {
    let settings: Settings;
    let generation: number;
    do {
      generation = this.generation;
      settings = await this.settings.get(document.uri);
    } while (generation !== this.generation);
    // The document may have changed while the settings were fetched: analyse what it is now.
    const cached = this.cache.get(document.uri);
    if (cached && analyses(cached, document) && this.generations.get(cached) === generation) return cached;
    const analysis = this.compute(document, settings);
    this.generations.set(analysis, generation);
    this.cache.set(document.uri, analysis);
    this.analyzed(analysis);
    return analysis;
  }

  /** The cached analysis if it is still the one of the document as it is now. */
  cached(document: PlanDocument): Analysis | undefined {
    const analysis = this.cache.get(document.uri);
    return analysis && analyses(analysis, document) && this.generations.get(analysis) === this.generation ? analysis : undefined;
  }

  /** Settings, a config file or the workspace index changed. */
  invalidate(): void {
    this.generation++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.chunks.delete(uri);
  }

  /** The effective configuration of any plan of the workspace: its .kehoach.json and the settings for it. */
  async configFor(uri: string): Promise<ResolvedConfig> {
    const settings = await this.settings.get(uri);
    return effectiveConfig(this.workspace.config(uri, chooseLocale(settings, undefined, this.clientLocale)), settings);
  }

  /** One document's analysis is stale (a plan it cites changed); the others stay valid. */
  stale(uri: string): void {
    this.cache.delete(uri);
  }

  /** Open plans as last analysed, for recipient completion. */
  *openPlans(): IterableIterator<PlanAnalysis> {
    for (const analysis of this.cache.values()) if (analysis.state === 'plan') yield analysis;
  }

  /** One edit applying every safe fix, re-checking between passes; null when nothing changes. */
  fixAllEdit(analysis: PlanAnalysis): TextEdit | null {
    let edit = this.fixAllEdits.get(analysis);
    if (edit === undefined) {
      const source = analysis.check.model.source;
      const workspace = this.viewFor(analysis.uri);
      // The analysis's own check is the first pass: the fix-all edit is made from the published findings.
      const check = (text: string) => checkText(text, { config: analysis.config, rules: RULES_WITH_SAFE_FIXES, workspace }).diagnostics;
      const fixed = fixAll(source, check, { checked: analysis.check.diagnostics });
      edit = minimalEdit(source, fixed.text) ?? null;
      this.fixAllEdits.set(analysis, edit);
    }
    return edit;
  }

  /** The view the cross-file rules get for one document: the index, and which entry is the document itself. */
  private viewFor(uri: string): WorkspaceView {
    return { uri: this.workspace.indexUri(uri), index: this.workspace.index };
  }

  private compute(document: PlanDocument, settings: Settings): Analysis {
    const { uri, version } = document;
    const text = document.getText();
    const base = { uri, version, text };
    if (!settings.enable) return { ...base, state: 'disabled', locale: chooseLocale(settings, undefined, this.clientLocale) };
    const preliminaryLocale = chooseLocale(settings, undefined, this.clientLocale);
    const config = effectiveConfig(this.workspace.config(uri, preliminaryLocale), settings);
    const locale = chooseLocale(settings, config, this.clientLocale);
    if (looksBinary(new TextEncoder().encode(text.slice(0, 8000)))) return { ...base, state: 'binary', locale };
    if (!settings.checkAllMarkdown && !looksLikePlan(text)) return { ...base, state: 'not-plan', locale };
    const size = new TextEncoder().encode(text).length;
    if (size > config.maxFileSize) return { ...base, state: 'too-large', locale, size, limit: config.maxFileSize };
    try {
      let chunks = this.chunks.get(uri);
      if (!chunks) this.chunks.set(uri, (chunks = new ChunkCache()));
      const check = checkText(text, { config, workspace: this.viewFor(uri), chunks });
      return { ...base, state: 'plan', check, config, locale };
    } catch (error) {
      // The engine must not throw on any text; if it does, say so on the document and keep serving.
      this.log(`Checking ${uri} (version ${version}) failed: ${(error as Error).stack ?? String(error)}`);
      return { ...base, state: 'failed', locale, error: (error as Error).message ?? String(error) };
    }
  }
}

/**
 * Whether the analysis was made of the document as it is now: same version and same text. The
 * buffer keeps one string until it changes, so an unchanged document compares by identity.
 */
export function analyses(analysis: Analysis, document: PlanDocument): boolean {
  return analysis.version === document.version && analysis.text === document.getText();
}
