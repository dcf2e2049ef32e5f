// One analysis per document version: settings and .kehoach.json resolved, the plan parsed and
// checked once, the result kept for code actions, hover, symbols and completion until the next
// edit or configuration change.
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckResult, checkText } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import { looksBinary, looksLikePlan } from '../engine/detect.js';
import { fixAll } from '../engine/fixes.js';
import { RULES_WITH_SAFE_FIXES } from '../engine/rules/index.js';
import type { Locale, TextEdit } from '../engine/types.js';
import type { ConfigStore } from './configs.js';
import { minimalEdit } from './edits.js';
import type { WorkspacePlans } from './plans.js';
import type { DocumentState } from './protocol.js';
import { DEFAULT_SETTINGS, type Settings, chooseLocale, effectiveConfig, parseSettings } from './settings.js';

export interface PlanAnalysis {
  state: 'plan';
  uri: string;
  version: number;
  check: CheckResult;
  config: ResolvedConfig;
  locale: Locale;
}

export interface SkippedAnalysis {
  state: Exclude<DocumentState, 'plan'>;
  uri: string;
  version: number;
  locale: Locale;
  /** For too-large: the document's size and the limit, in bytes. */
  size?: number;
  limit?: number;
  /** For failed: what went wrong. */
  error?: string;
}

export type Analysis = PlanAnalysis | SkippedAnalysis;

/** The "kehoach" settings, per document, from the client (pulled) or pushed with didChangeConfiguration. */
export class SettingsSource {
  private readonly pulled = new Map<string, Promise<Settings>>();
  private readonly known = new Map<string, Settings>();
  private pushed: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = parseSettings(initial);
  }

  get(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.pulled.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'kehoach' })
        .then(parseSettings, () => this.pushed)
        .then((value) => {
          this.known.set(uri, value);
          return value;
        });
      this.pulled.set(uri, settings);
    }
    return settings;
  }

  /** The last settings seen for a document, without waiting (for the debounce delay). */
  current(uri: string): Settings {
    return this.canPull ? (this.known.get(uri) ?? DEFAULT_SETTINGS) : this.pushed;
  }

  /** workspace/didChangeConfiguration: pushed settings replace the old ones; pulled ones are asked again. */
  changed(pushed: unknown): void {
    if (pushed !== null && typeof pushed === 'object' && 'kehoach' in pushed) this.pushed = parseSettings(pushed.kehoach);
    this.pulled.clear();
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
    this.known.delete(uri);
  }
}

export class Analyzer {
  private readonly cache = new Map<string, Analysis>();
  private readonly fixAllEdits = new WeakMap<PlanAnalysis, TextEdit | null>();
  /** Bumped when settings or a config file change: every cached analysis is then stale. */
  private generation = 0;
  private readonly generations = new WeakMap<Analysis, number>();

  constructor(
    readonly settings: SettingsSource,
    private readonly configs: ConfigStore,
    private readonly plans: WorkspacePlans,
    private readonly clientLocale: string | undefined,
    private readonly log: (message: string) => void,
    /** Told of every fresh analysis, so requests waiting for that version can be answered. */
    private readonly analyzed: (analysis: Analysis) => void,
  ) {}

  /** Analysis of the document's current version, computed at most once per version. */
  async analyze(document: TextDocument): Promise<Analysis> {
    let settings: Settings;
    let generation: number;
    do {
      generation = this.generation;
      settings = await this.settings.get(document.uri);
    } while (generation !== this.generation);
    // The document may have changed while the settings were fetched: analyse what it is now.
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version && this.generations.get(cached) === generation) return cached;
    const analysis = this.compute(document, settings);
    this.generations.set(analysis, generation);
    this.cache.set(document.uri, analysis);
    this.analyzed(analysis);
    return analysis;
  }

  /** The cached analysis if it is still the document's current one. */
  cached(uri: string, version: number): Analysis | undefined {
    const analysis = this.cache.get(uri);
    return analysis && analysis.version === version && this.generations.get(analysis) === this.generation ? analysis : undefined;
  }

  /** Settings, a config file or the workspace index changed. */
  invalidate(): void {
    this.generation++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.settings.forget(uri);
  }

  /** The effective configuration of any plan of the workspace: its .kehoach.json and the settings for it. */
  async configFor(uri: string): Promise<ResolvedConfig> {
    const settings = await this.settings.get(uri);
    const { config } = this.configs.forDocument(uri, chooseLocale(settings, undefined, this.clientLocale));
    return effectiveConfig(config, settings);
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
      const workspace = this.plans.viewFor(analysis.uri);
      const fixed = fixAll(source, (text) => checkText(text, { config: analysis.config, rules: RULES_WITH_SAFE_FIXES, workspace }).diagnostics);
      edit = minimalEdit(source, fixed.text) ?? null;
      this.fixAllEdits.set(analysis, edit);
    }
    return edit;
  }

  private compute(document: TextDocument, settings: Settings): Analysis {
    const { uri, version } = document;
    const base = { uri, version };
    if (!settings.enable) return { ...base, state: 'disabled', locale: chooseLocale(settings, undefined, this.clientLocale) };
    const text = document.getText();
    const preliminaryLocale = chooseLocale(settings, undefined, this.clientLocale);
    const { config: fileConfig } = this.configs.forDocument(uri, preliminaryLocale);
    const config = effectiveConfig(fileConfig, settings);
    const locale = chooseLocale(settings, config, this.clientLocale);
    if (looksBinary(Buffer.from(text.slice(0, 8000), 'utf8'))) return { ...base, state: 'binary', locale };
    if (!settings.checkAllMarkdown && !looksLikePlan(text)) return { ...base, state: 'not-plan', locale };
    const size = Buffer.byteLength(text, 'utf8');
    if (size > config.maxFileSize) return { ...base, state: 'too-large', locale, size, limit: config.maxFileSize };
    try {
      const check = checkText(text, { config, workspace: this.plans.viewFor(uri) });
      return { ...base, state: 'plan', check, config, locale };
    } catch (error) {
      // The engine must not throw on any text; if it does, say so on the document and keep serving.
      this.log(`Checking ${uri} (version ${version}) failed: ${(error as Error).stack ?? String(error)}`);
      return { ...base, state: 'failed', locale, error: (error as Error).message ?? String(error) };
    }
  }
}
