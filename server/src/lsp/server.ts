// The kehoach language server: checks open plans as they are typed and answers the editor's
// questions about them. Checks are debounced per document; a check whose document has moved on
// is dropped, so typing never queues work.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  CodeLensRefreshRequest,
  CodeActionTriggerKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { CONFIG_FILE_NAME, type ConfigError } from '../engine/config.js';
import { ruleDocsUrl } from '../engine/rule.js';
import type { Diagnostic, Locale, Severity, TextEdit } from '../engine/types.js';
import { registerPreviewRequests } from '../preview/service.js';
import { type Analysis, Analyzer, type PlanAnalysis, SettingsSource } from './analysis.js';
import { concernsPlan } from './index-changes.js';
import { NAVIGATION_MESSAGES, citedPlanHover, citedPlans, registerNavigation } from './navigation.js';
import { registerSigningReport } from './signing-report.js';
import type { IndexInitializationOptions } from './workspace-protocol.js';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, fixAllAction, quickFixes, wantsKind } from './codeActions.js';
import { completionsAt } from './completion.js';
import { ConfigStore, pathOfUri } from './configs.js';
import { versionedEdit } from './edits.js';
import { hoverAt } from './hover.js';
import { MESSAGES, pick } from './messages.js';
import { documentSymbols, foldingRanges, symbolInformation } from './outline.js';
import { type RecipientCounts, WorkspacePlans, addRecipients } from './plans.js';
import {
  type DocumentStatus,
  type EditOutcome,
  type InitializationOptions,
  type InsertSectionArgs,
  MISSING_SECTIONS_REQUEST,
  type MissingSectionsParams,
  type MissingSectionsResult,
  SERVER_COMMANDS,
  STATUS_NOTIFICATION,
  type VersionedDocument,
} from './protocol.js';
import { insertSectionEdits, missingSections, requirementLevel } from './sections.js';
import { DEFAULT_SETTINGS, chooseLocale } from './settings.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

interface ClientSupport {
  pullConfiguration: boolean;
  watchFiles: boolean;
  configurationChanges: boolean;
  workspaceFolders: boolean;
  hierarchicalSymbols: boolean;
  snippets: boolean;
  relatedInformation: boolean;
  statusNotifications: boolean;
  codeLensRefresh: boolean;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const timers = new Map<string, { cancel(): void }>();
  /** Requests waiting for the scheduled check of a document version. */
  const waiters = new Map<string, Array<{ version: number; resolve: (analysis: Analysis | undefined) => void }>>();
  /** Documents whose last publication said nothing (not a plan): no need to say it again. */
  const quiet = new Set<string>();
  let support: ClientSupport;
  let analyzer: Analyzer;
  let plans: WorkspacePlans;
  let configs: ConfigStore;
  const log = (message: string): void => connection.console.log(message);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    support = {
      pullConfiguration: capabilities.workspace?.configuration === true,
      watchFiles: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      configurationChanges: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      workspaceFolders: capabilities.workspace?.workspaceFolders === true,
      hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
      snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
      relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true,
      statusNotifications: options.statusNotifications === true,
      codeLensRefresh: capabilities.workspace?.codeLens?.refreshSupport === true,
    };
    configs = new ConfigStore(publishConfigProblem);
    const locale = chooseLocale(DEFAULT_SETTINGS, undefined, params.locale);
    const indexOptions = (params.initializationOptions ?? {}) as IndexInitializationOptions;
    plans = new WorkspacePlans({
      log,
      changed: indexChanged,
      ignoreOf: (folder) => configs.forFolder(folder, locale).config.ignore,
      maxFileSize: (folder) => configs.forFolder(folder, locale).config.maxFileSize,
      cacheDir: typeof indexOptions.indexCacheDir === 'string' ? indexOptions.indexCacheDir : undefined,
      beginProgress: async () => {
        const progress = await connection.window.createWorkDoneProgress();
        progress.begin(pick(locale, NAVIGATION_MESSAGES.indexingTitle), 0, undefined, false);
        return { report: (fraction, message) => progress.report(Math.floor(fraction * 100), message), done: () => progress.done() };
      },
      problemText: (message) => pick(locale, message),
    });
    plans.setFolders(workspaceFolderPaths(params));
    const settings = new SettingsSource(connection, support.pullConfiguration, options.settings);
    analyzer = new Analyzer(settings, configs, plans, params.locale, log, (analysis) => settleWaiters(analysis.uri, analysis.version, analysis));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'kehoach' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '] },
        executeCommandProvider: { commands: [SERVER_COMMANDS.fixAll, SERVER_COMMANDS.insertSection] },
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        workspace: {
          workspaceFolders: { supported: true, changeNotifications: true },
          fileOperations: { didRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*.{md,markdown}', matches: 'file' } }, { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } }] } },
        },
      },
      serverInfo: { name: 'kehoach', version },
    };
  });

  connection.onInitialized(() => {
    if (support.watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.{md,markdown}' }],
      });
    }
    if (support.configurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kehoach' });
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((folder) => pathOfUri(folder.uri)));
        const kept = plans.folderPaths.filter((folder) => !gone.has(folder));
        const fresh = added.map((folder) => pathOfUri(folder.uri)).filter((path): path is string => path !== undefined);
        plans.setFolders([...kept, ...fresh]);
        plans.start();
      });
    }
    plans.start();
  });

  // Checking: debounced per document, newest version only.

  documents.onDidChangeContent(({ document }) => {
    // Requests still waiting for an older version are obsolete: the editor asks again.
    settleWaiters(document.uri, document.version);
    schedule(document.uri);
    plans.documentEdited(document.uri, () => documents.get(document.uri)?.getText() ?? document.getText());
  });

  documents.onDidClose(({ document }) => {
    settleWaiters(document.uri, Number.POSITIVE_INFINITY);
    timers.get(document.uri)?.cancel();
    timers.delete(document.uri);
    analyzer.forget(document.uri);
    plans.documentClosed(document.uri);
    quiet.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  function schedule(uri: string): void {
    timers.get(uri)?.cancel();
    const delay = analyzer.settings.current(uri).debounceMs;
    const run = (): void => {
      timers.delete(uri);
      runCheck(uri).catch((error: unknown) => log(`Check of ${uri} failed: ${(error as Error).stack ?? String(error)}`));
    };
    if (delay === 0) {
      const immediate = setImmediate(run);
      timers.set(uri, { cancel: () => clearImmediate(immediate) });
    } else {
      const timeout = setTimeout(run, delay);
      timers.set(uri, { cancel: () => clearTimeout(timeout) });
    }
  }

  async function runCheck(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const analysis = await analyzer.analyze(document);
    // Publish only after pending input is read: an edit that arrived during the check makes it stale.
    setImmediate(() => {
      if (documents.get(uri)?.version !== analysis.version || analyzer.cached(uri, analysis.version) !== analysis) return;
      publish(analysis);
    });
  }

  /**
   * The workspace index changed: once the burst of file events is over, re-check the open plans
   * it concerns (all of them after a scan) and let the editor ask for code lenses again.
   */
  let indexTimer: NodeJS.Timeout | undefined;
  /** Changes since the last re-check; undefined when every plan is concerned. */
  let indexChanges: Array<{ touched: ReadonlySet<string>; source: string }> | undefined = [];
  function indexChanged(touched?: ReadonlySet<string>, source?: string): void {
    if (!touched || source === undefined) indexChanges = undefined;
    else indexChanges?.push({ touched, source });
    clearTimeout(indexTimer);
    indexTimer = setTimeout(() => {
      const changes = indexChanges;
      indexChanges = [];
      if (!changes) {
        analyzer.invalidate();
        recheckAll();
      } else {
        for (const analysis of [...analyzer.openPlans()]) {
          // A plan's own entry never changes its own findings: the cross-file rules skip it.
          const self = plans.indexUri(analysis.uri);
          if (!changes.some((change) => change.source !== self && concernsPlan(analysis.check.model, change.touched))) continue;
          analyzer.stale(analysis.uri);
          schedule(analysis.uri);
        }
      }
      if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, 100);
  }

  function recheckAll(): void {
    for (const document of documents.all()) schedule(document.uri);
  }

  function publish(analysis: Analysis): void {
    const diagnostics = lspDiagnostics(analysis);
    const silent = diagnostics.length === 0 && analysis.state !== 'plan';
    if (silent && quiet.has(analysis.uri)) return;
    if (silent) quiet.add(analysis.uri);
    else quiet.delete(analysis.uri);
    void connection.sendDiagnostics({ uri: analysis.uri, version: analysis.version, diagnostics });
    if (support.statusNotifications) void connection.sendNotification(STATUS_NOTIFICATION, statusOf(analysis, diagnostics));
  }

  function lspDiagnostics(analysis: Analysis): LspDiagnostic[] {
    const t = (text: { vi: string; en: string }): string => pick(analysis.locale, text);
    const documentStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    switch (analysis.state) {
      case 'plan':
        return analysis.check.diagnostics.map((diagnostic) => toLspDiagnostic(analysis, diagnostic));
      case 'too-large':
        return [{ range: documentStart, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message: t(MESSAGES.tooLarge(analysis.size!, analysis.limit!)) }];
      case 'failed':
        return [{ range: documentStart, severity: DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, message: t(MESSAGES.checkFailed(analysis.error ?? '')) }];
      default:
        return [];
    }
  }

  function toLspDiagnostic(analysis: PlanAnalysis, diagnostic: Diagnostic): LspDiagnostic {
    const result: LspDiagnostic = {
      range: diagnostic.range,
      severity: SEVERITY[diagnostic.severity],
      code: diagnostic.ruleId,
      codeDescription: { href: ruleDocsUrl(diagnostic.ruleId) },
      source: DIAGNOSTIC_SOURCE,
      message: pick(analysis.locale, diagnostic.message),
    };
    if (support.relatedInformation && diagnostic.related?.length) {
      result.relatedInformation = diagnostic.related.map((related) => ({
        location: { uri: related.uri ?? analysis.uri, range: related.range },
        message: pick(analysis.locale, related.message),
      }));
    }
    return result;
  }

  function statusOf(analysis: Analysis, diagnostics: LspDiagnostic[]): DocumentStatus {
    const count = (severity: DiagnosticSeverity): number => (analysis.state === 'plan' ? diagnostics.filter((d) => d.severity === severity).length : 0);
    return {
      uri: analysis.uri,
      version: analysis.version,
      state: analysis.state,
      errors: count(DiagnosticSeverity.Error),
      warnings: count(DiagnosticSeverity.Warning),
      infos: count(DiagnosticSeverity.Information),
    };
  }

  function publishConfigProblem(file: string, problem: { error: ConfigError; locale: Locale } | undefined): void {
    const diagnostics: LspDiagnostic[] = [];
    if (problem) {
      const { error, locale } = problem;
      diagnostics.push({
        range: { start: { line: error.line, character: error.column }, end: { line: error.line, character: Math.max(error.column, lineLengthOf(file, error.line)) } },
        severity: DiagnosticSeverity.Error,
        source: DIAGNOSTIC_SOURCE,
        message: pick(locale, MESSAGES.configProblem(error.key, error.detail)),
      });
    }
    void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics });
  }

  // Configuration changes re-check every open plan.

  connection.onDidChangeConfiguration(({ settings }) => {
    analyzer.settings.changed(settings);
    configs.invalidate();
    analyzer.invalidate();
    recheckAll();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let configChanged = false;
    for (const change of changes) {
      const path = pathOfUri(change.uri);
      if (!path) continue;
      if (basename(path) === CONFIG_FILE_NAME) {
        configChanged = true;
        if (change.type === FileChangeType.Deleted) configs.deleted(path);
      } else if (/\.(?:md|markdown)$/i.test(path)) {
        void plans.fileChanged(path, change.type === FileChangeType.Deleted);
      }
    }
    if (configChanged) {
      configs.invalidate();
      analyzer.invalidate();
      recheckAll();
    }
  });

  connection.workspace.onDidRenameFiles(({ files }) => {
    for (const { oldUri, newUri } of files) {
      const from = pathOfUri(oldUri);
      const to = pathOfUri(newUri);
      if (from && to) plans.fileRenamed(from, to);
    }
  });

  // Questions about a plan, answered from the analysis of its current version.

  /**
   * The analysis of the document's current version. While a check is scheduled the request waits
   * for it instead of parsing on its own, so outline, folding and lightbulb requests sent during
   * typing add no work; it is answered with nothing if the document changes meanwhile.
   */
  async function planAnalysis(uri: string): Promise<PlanAnalysis | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const ready = analyzer.cached(uri, document.version);
    const analysis =
      ready ??
      (timers.has(uri)
        ? await new Promise<Analysis | undefined>((resolve) => {
            const list = waiters.get(uri) ?? [];
            list.push({ version: document.version, resolve });
            waiters.set(uri, list);
          })
        : await analyzer.analyze(document));
    return analysis?.state === 'plan' ? analysis : undefined;
  }

  /** Answers the requests waiting for `version` with its analysis, and those for older versions with nothing. */
  function settleWaiters(uri: string, version: number, analysis?: Analysis): void {
    const list = waiters.get(uri);
    if (!list) return;
    const waiting = list.filter((waiter) => waiter.version > version || (waiter.version === version && !analysis));
    for (const waiter of list) {
      if (waiting.includes(waiter)) continue;
      waiter.resolve(waiter.version === version ? analysis : undefined);
    }
    if (waiting.length > 0) waiters.set(uri, waiting);
    else waiters.delete(uri);
  }

  connection.onCodeAction(async ({ textDocument, context }) => {
    const analysis = await planAnalysis(textDocument.uri);
    if (!analysis) return null;
    const target = { uri: analysis.uri, version: analysis.version, check: analysis.check, locale: analysis.locale };
    const actions: CodeAction[] = [];
    if (wantsKind(context.only, CodeActionKind.QuickFix)) actions.push(...quickFixes(target, context.diagnostics));
    const askedForFixAll = wantsKind(context.only, FIX_ALL_KIND, true);
    // The lightbulb asks on every cursor move; fix-all is computed only when a person opens the menu.
    const menuOpened = context.triggerKind !== CodeActionTriggerKind.Automatic && wantsKind(context.only, CodeActionKind.QuickFix);
    const safeFixHere = actions.some((action) => action.isPreferred);
    if (askedForFixAll || (menuOpened && safeFixHere)) {
      const edit = analyzer.fixAllEdit(analysis);
      if (edit) actions.push(fixAllAction(target, edit, askedForFixAll ? FIX_ALL_KIND : CodeActionKind.QuickFix));
    }
    return actions;
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const analysis = await planAnalysis(textDocument.uri);
    if (!analysis) return null;
    const symbols = documentSymbols(analysis.check.model, analysis.locale);
    return support.hierarchicalSymbols ? symbols : symbolInformation(symbols, analysis.uri);
  });

  connection.onFoldingRanges(async ({ textDocument }) => {
    const analysis = await planAnalysis(textDocument.uri);
    return analysis ? foldingRanges(analysis.check.model) : null;
  });

  connection.onHover(async ({ textDocument, position }) => {
    const analysis = await planAnalysis(textDocument.uri);
    if (!analysis) return null;
    const context = { index: plans.index, self: plans.indexUri(analysis.uri) };
    return hoverAt(analysis.check.model, position, analysis.locale, (citation) => citedPlanHover(citedPlans(analysis.check.model, citation, context), analysis.locale));
  });

  connection.onCompletion(async ({ textDocument, position, context }) => {
    const analysis = await planAnalysis(textDocument.uri);
    if (!analysis) return null;
    const { index } = analysis.check.model;
    if (position.line < 0 || position.line >= index.lineCount) return null;
    const linePrefix = index.lineText(position.line).slice(0, position.character);
    return completionsAt({
      check: analysis.check,
      position,
      linePrefix,
      locale: analysis.locale,
      snippets: support.snippets,
      triggerKind: context?.triggerKind ?? 1,
      recipients: () => workspaceRecipients(analysis.uri),
    });
  });

  /** Recipients of the other plans: open ones from their buffers, the rest from the index. */
  function workspaceRecipients(uri: string): { counts: RecipientCounts; complete: boolean } {
    plans.start();
    const counts: RecipientCounts = new Map();
    const open = new Set<string>();
    for (const analysis of analyzer.openPlans()) {
      open.add(plans.viewFor(analysis.uri).uri);
      if (analysis.uri !== uri) addRecipients(counts, analysis.check.model.recipients?.entries.map((entry) => entry.text) ?? []);
    }
    plans.collectRecipients(counts, open);
    return { counts, complete: plans.ready };
  }

  connection.onRequest(MISSING_SECTIONS_REQUEST, async (params: MissingSectionsParams): Promise<MissingSectionsResult | null> => {
    if (typeof params?.uri !== 'string') return null;
    const analysis = await planAnalysis(params.uri);
    if (!analysis) return null;
    return {
      version: analysis.version,
      sections: missingSections(analysis.check).map((section) => ({ key: section.key, title: section.title, requirement: requirementLevel(section) })),
    };
  });

  // The print preview and export of the VS Code client (server/src/preview/service.ts).
  registerPreviewRequests(connection, planAnalysis);

  // Between plans: navigation (navigation.ts) and the check before signing (signing-report.ts).
  registerNavigation(connection, {
    planAnalysis,
    context: (uri) => ({ index: plans.index, self: plans.indexUri(uri) }),
    ready: () => plans.ready,
  });
  registerSigningReport(connection, {
    planAnalysis,
    plans: () => plans,
    openText: (indexUri) => documents.all().find((document) => plans.indexUri(document.uri) === indexUri)?.getText(),
    configFor: (uri) => analyzer.configFor(uri),
  });

  // Commands that edit: refused when the document is not at the version the edit was chosen for.

  connection.onExecuteCommand(async ({ command, arguments: args }): Promise<EditOutcome | null> => {
    const target = args?.[0] as Partial<InsertSectionArgs> | undefined;
    if (typeof target?.uri !== 'string' || typeof target.version !== 'number') return null;
    const document: VersionedDocument = { uri: target.uri, version: target.version };
    switch (command) {
      case SERVER_COMMANDS.fixAll:
        return applyAt(document, MESSAGES.fixAll, (analysis) => {
          const edit = analyzer.fixAllEdit(analysis);
          return edit ? [edit] : [];
        });
      case SERVER_COMMANDS.insertSection:
        return applyAt(document, MESSAGES.insertSectionLabel, (analysis) => {
          const requirement = analysis.check.profile.sections.find((section) => section.key === target.key);
          return requirement ? insertSectionEdits(analysis.check, requirement) : 'unknown-section';
        });
      default:
        return null;
    }
  });

  async function applyAt(
    target: VersionedDocument,
    label: { vi: string; en: string },
    build: (analysis: PlanAnalysis) => TextEdit[] | 'unknown-section',
  ): Promise<EditOutcome> {
    const document = documents.get(target.uri);
    if (!document || document.version !== target.version) return { applied: false, reason: 'stale' };
    const analysis = await analyzer.analyze(document);
    if (analysis.version !== target.version) return { applied: false, reason: 'stale' };
    if (analysis.state !== 'plan') return { applied: false, reason: 'not-plan' };
    const edits = build(analysis);
    if (edits === 'unknown-section') return { applied: false, reason: 'unknown-section' };
    if (edits.length === 0) return { applied: false, reason: 'nothing' };
    const result = await connection.workspace.applyEdit({ label: pick(analysis.locale, label), edit: versionedEdit(target.uri, target.version, edits) });
    return result.applied ? { applied: true } : { applied: false, reason: 'rejected' };
  }

  documents.listen(connection);
  connection.listen();
}

/** Length of one line of a file, for a range that underlines the rest of the line. */
function lineLengthOf(file: string, line: number): number {
  try {
    return readFileSync(file, 'utf8').split('\n')[line]?.replace(/\r$/, '').length ?? 0;
  } catch {
    return 0;
  }
}

function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(pathOfUri).filter((path): path is string => path !== undefined);
}
