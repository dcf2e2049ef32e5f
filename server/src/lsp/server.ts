// The kehoach language server's connection layer: reads what the client supports, builds the
// plan service (service.ts) over the editor's documents and the folder index, and wires LSP
// messages to the check scheduler (scheduler.ts) and to the features (features/), which answer
// each request with one call to the service.
import { basename } from 'node:path';
import {
  CodeLensRefreshRequest,
  type Connection,
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
import { CONFIG_FILE_NAME } from '../engine/config.js';
import { SettingsSource } from './client-settings.js';
import { ConfigStore, pathOfUri } from './configs.js';
import type { ClientSupport } from './features/feature.js';
import { FEATURES } from './features/index.js';
import { pick } from './messages.js';
import { NAVIGATION_MESSAGES } from './navigation.js';
import { nodeWorkspace } from './node-workspace.js';
import { WorkspacePlans } from './plans.js';
import type { InitializationOptions } from './protocol.js';
import { DiagnosticPublisher } from './publish.js';
import { CheckScheduler } from './scheduler.js';
import { createPlanService } from './service.js';
import { DEFAULT_SETTINGS, chooseLocale } from './settings.js';
import type { IndexInitializationOptions } from './workspace-protocol.js';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let support: ClientSupport;
  const client = (): ClientSupport => support;
  const publisher = new DiagnosticPublisher(connection, client);
  const configs = new ConfigStore((file, problem) => publisher.configProblem(file, problem));
  const log = (message: string): void => connection.console.log(message);
  let plans: WorkspacePlans;
  let settings: SettingsSource;
  let service: ReturnType<typeof createPlanService>;
  let scheduler: CheckScheduler;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions & IndexInitializationOptions;
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
    const locale = chooseLocale(DEFAULT_SETTINGS, undefined, params.locale);
    plans = new WorkspacePlans({
      log,
      changed: (touched, source) => scheduler.indexChanged(touched, source),
      ignoreOf: (folder) => configs.forFolder(folder, locale).config.ignore,
      maxFileSize: (folder) => configs.forFolder(folder, locale).config.maxFileSize,
      cacheDir: typeof options.indexCacheDir === 'string' ? options.indexCacheDir : undefined,
      beginProgress: async () => {
        const progress = await connection.window.createWorkDoneProgress();
        progress.begin(pick(locale, NAVIGATION_MESSAGES.indexingTitle), 0, undefined, false);
        return { report: (fraction, message) => progress.report(Math.floor(fraction * 100), message), done: () => progress.done() };
      },
      problemText: (message) => pick(locale, message),
    });
    plans.setFolders(workspaceFolderPaths(params));
    settings = new SettingsSource(connection, support.pullConfiguration, options.settings);
    service = createPlanService({
      workspace: nodeWorkspace(documents, plans, configs),
      settings,
      log,
      clientLocale: params.locale,
      isScheduled: (uri) => scheduler.isScheduled(uri),
    });
    scheduler = new CheckScheduler({
      service,
      openDocuments: () => documents.all().map((document) => document.uri),
      indexUri: (uri) => plans.indexUri(uri),
      debounceMs: (uri) => settings.current(uri).debounceMs,
      checked: (analysis) => publisher.publish(analysis),
      indexSettled: () => {
        // Code lenses count the citing plans: let the editor ask for them again.
        if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      },
      log,
    });
    for (const feature of FEATURES) feature.register({ connection, service, client });
    return {
      capabilities: Object.assign(
        {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          workspace: {
            workspaceFolders: { supported: true, changeNotifications: true },
            fileOperations: {
              didRename: { filters: [{ scheme: 'file', pattern: { glob: '**/*.{md,markdown}', matches: 'file' } }, { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } }] },
            },
          },
        },
        ...FEATURES.map((feature) => feature.capabilities),
      ),
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

  documents.onDidChangeContent(({ document }) => {
    // Requests still waiting for an older version are obsolete: the editor asks again.
    service.changed(document.uri);
    scheduler.schedule(document.uri);
    plans.documentEdited(document.uri, () => documents.get(document.uri)?.getText() ?? document.getText());
  });

  documents.onDidClose(({ document }) => {
    service.closed(document.uri);
    scheduler.cancel(document.uri);
    settings.forget(document.uri);
    plans.documentClosed(document.uri);
    publisher.clear(document.uri);
  });

  // Configuration changes: every open plan is checked again.

  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    settings.changed(pushed);
    configs.invalidate();
    service.invalidate();
    scheduler.scheduleAll();
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
      service.invalidate();
      scheduler.scheduleAll();
    }
  });

  connection.workspace.onDidRenameFiles(({ files }) => {
    for (const { oldUri, newUri } of files) {
      const from = pathOfUri(oldUri);
      const to = pathOfUri(newUri);
      if (from && to) plans.fileRenamed(from, to);
    }
  });

  documents.listen(connection);
  connection.listen();
}

function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(pathOfUri).filter((path): path is string => path !== undefined);
}
