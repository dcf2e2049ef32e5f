// The VS Code side of kehoach: starts the language server (out/server.js) over IPC for Markdown
// documents, shows the active plan's problems in the status bar and registers the commands.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { type DocumentStatus, type InitializationOptions, SERVER_NODE_FLAGS, STATUS_NOTIFICATION } from '../../server/src/lsp/protocol';
import type { IndexInitializationOptions } from '../../server/src/lsp/workspace-protocol';
import { registerCommands } from './commands';
import { registerPreview } from './preview';
import { registerSigning } from './signing';
import { PlanStatusBar } from './status';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6010'] } },
  };
  const initializationOptions: InitializationOptions & IndexInitializationOptions = {
    statusNotifications: true,
    // The workspace index cache lives with the extension's other data (removed with it).
    indexCacheDir: context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined,
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme: untitled drafts and virtual workspaces are checked too (without .kehoach.json).
    documentSelector: [{ language: 'markdown' }],
    // Settings changes: the server registers for them and pulls "kehoach.*" per document.
    initializationOptions,
    diagnosticCollectionName: 'kehoach',
    outputChannelName: vscode.l10n.t('Kehoach'),
  };
  // The id "kehoach" makes the client read its trace level from the "kehoach.trace.server" setting.
  client = new LanguageClient('kehoach', vscode.l10n.t('Kehoach language server'), serverOptions, clientOptions);

  const status = new PlanStatusBar();
  context.subscriptions.push(status);
  client.onNotification(STATUS_NOTIFICATION, (documentStatus: DocumentStatus) => status.update(documentStatus));
  client.onDidChangeState(({ newState }) => {
    if (newState !== State.Running) status.clear();
  });
  registerCommands(context, client);
  registerPreview(context, client);
  registerSigning(context, client);

  await client.start();
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
