// The kehoach language server's connection layer: reads what the client supports, builds the
// plan service (service.ts) over the editor's documents and what the host (host.ts: Node or
// browser) knows of the workspace, and wires LSP messages to the check scheduler (scheduler.ts)
// and to the features (features/), which answer each request with one call to the service.
import {
  CodeLensRefreshRequest,
  type Connection,
  DidChangeConfigurationNotification,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../../package.json';
import { SettingsSource } from './client-settings.js';
import type { ClientSupport } from './features/feature.js';
import { FEATURES } from './features/index.js';
import type { HostWorkspace, ServerHost } from './host.js';
import type { InitializationOptions } from './protocol.js';
import { DiagnosticPublisher } from './publish.js';
import { CheckScheduler } from './scheduler.js';
import { createPlanService } from './service.js';
import { DEFAULT_SETTINGS, chooseLocale } from './settings.js';

export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  let support: ClientSupport;
  const client = (): ClientSupport => support;
  const publisher = new DiagnosticPublisher(connection, client);
  const log = (message: string): void => connection.console.log(message);
  let hosted: HostWorkspace;
  let settings: SettingsSource;
  let service: ReturnType<typeof createPlanService>;
  let scheduler: CheckScheduler;

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
    hosted = host.attach({
      connection,
      documents,
      params,
      support,
      locale: chooseLocale(DEFAULT_SETTINGS, undefined, params.locale),
      publisher,
      log,
      indexChanged: (touched, source) => scheduler.indexChanged(touched, source),
      configsChanged: () => {
        service.invalidate();
        scheduler.scheduleAll();
      },
    });
    settings = new SettingsSource(connection, support.pullConfiguration, options.settings);
    service = createPlanService({
      workspace: hosted.workspace,
      settings,
      log,
      clientLocale: params.locale,
      isScheduled: (uri) => scheduler.isScheduled(uri),
    });
    scheduler = new CheckScheduler({
      service,
      openDocuments: () => documents.all().map((document) => document.uri),
      indexUri: (uri) => hosted.workspace.indexUri(uri),
      debounceMs: (uri) => settings.current(uri).debounceMs,
      checked: (analysis) => publisher.publish(analysis),
      indexSettled: () => {
        // Code lenses count the citing plans: let the editor ask for them again.
        if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      },
      log,
    });
    for (const feature of FEATURES) feature.register({ connection, service, host: hosted, client });
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
    hosted.start();
    if (support.configurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kehoach' });
  });

  documents.onDidChangeContent(({ document }) => {
    // Requests still waiting for an older version are obsolete: the editor asks again.
    service.changed(document.uri);
    scheduler.schedule(document.uri);
    hosted.documentEdited(document.uri, () => documents.get(document.uri)?.getText() ?? document.getText());
  });

  documents.onDidClose(({ document }) => {
    service.closed(document.uri);
    scheduler.cancel(document.uri);
    settings.forget(document.uri);
    hosted.documentClosed(document.uri);
    publisher.clear(document.uri);
  });

  // Configuration changes: every open plan is checked again.
  connection.onDidChangeConfiguration(({ settings: pushed }) => {
    settings.changed(pushed);
    hosted.settingsChanged();
    service.invalidate();
    scheduler.scheduleAll();
  });

  documents.listen(connection);
  connection.listen();
}
