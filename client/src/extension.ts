// The desktop side of kehoach: starts the language server (out/server.js) over IPC for Markdown
// documents; session.ts adds the status bar and the commands. The web's is browser.ts.
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { type InitializationOptions, SERVER_NODE_FLAGS } from '../../server/src/lsp/protocol';
import type { IndexInitializationOptions } from '../../server/src/lsp/workspace-protocol';
import { clientOptions, startSession } from './session';

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
  // The id "kehoach" makes the client read its trace level from the "kehoach.trace.server" setting.
  const started = new LanguageClient('kehoach', vscode.l10n.t('Kehoach language server'), serverOptions, clientOptions(initializationOptions));
  client = started;
  await startSession(context, started, () => started.restart());
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
