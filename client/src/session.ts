// What the desktop client (extension.ts, the Node server over IPC) and the web client (browser.ts,
// the server in a web worker) share once their language client is made: the options, the status
// bar, the commands, the preview and the check before signing.
import * as vscode from 'vscode';
import { type BaseLanguageClient, type LanguageClientOptions, State } from 'vscode-languageclient';
import { type DocumentStatus, type InitializationOptions, STATUS_NOTIFICATION } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { registerPreview } from './preview';
import { registerSigning } from './signing';
import { PlanStatusBar } from './status';

export function clientOptions(initializationOptions: InitializationOptions): LanguageClientOptions {
  return {
    // Every scheme: untitled drafts and virtual workspaces are checked too (without .kehoach.json).
    documentSelector: [{ language: 'markdown' }],
    // Settings changes: the server registers for them and pulls "kehoach.*" per document.
    initializationOptions,
    diagnosticCollectionName: 'kehoach',
    outputChannelName: vscode.l10n.t('Kehoach'),
  };
}

/** Registers what the extension shows and runs over `client`, then starts it. */
export async function startSession(context: vscode.ExtensionContext, client: BaseLanguageClient, restart: () => Promise<void>): Promise<void> {
  const status = new PlanStatusBar();
  context.subscriptions.push(status);
  client.onNotification(STATUS_NOTIFICATION, (documentStatus: DocumentStatus) => status.update(documentStatus));
  client.onDidChangeState(({ newState }) => {
    if (newState !== State.Running) status.clear();
  });
  registerCommands(context, client, restart);
  registerPreview(context, client);
  registerSigning(context, client);
  await client.start();
}
