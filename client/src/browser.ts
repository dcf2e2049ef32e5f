// The web side of kehoach (VS Code for the Web, package.json's "browser"): the language server runs
// in a web worker (out/browser-server.js) over the editor's open documents; session.ts adds the
// status bar and the commands, the same as on the desktop.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, startSession } from './session';

/** The browser's Worker constructor (the extension's TypeScript library has no DOM). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'out', 'browser-server.js');
  const worker = new Worker(serverMain.toString(true));
  // The id "kehoach" makes the client read its trace level from the "kehoach.trace.server" setting.
  client = new LanguageClient('kehoach', vscode.l10n.t('Kehoach language server'), clientOptions({ statusNotifications: true }), worker);
  const started = client;
  await startSession(context, started, async () => {
    await started.stop();
    await started.start();
  });
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
