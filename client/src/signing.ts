// "Kiểm tra trước khi ký" / "Check before signing": asks the server for the signing report of the
// active plan and shows it in a webview (signing-html.ts) whose links open each problem's place.
// Also the command behind the "Cited by N plans" code lens, which converts the server's
// locations for VS Code's own references view.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  SHOW_REFERENCES_COMMAND,
  SIGNING_REPORT_REQUEST,
  type ShowReferencesArgs,
  type SigningReportParams,
  type SigningReportResult,
} from '../../server/src/lsp/workspace-protocol';
import { newNonce } from './nonce';
import { type SigningPageMessage, renderSigningPage } from './signing-html';

const VIEW_TYPE = 'kehoach.signingReport';

export function registerSigning(context: vscode.ExtensionContext, client: LanguageClient): void {
  let panel: SigningPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand('kehoach.checkBeforeSigning', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document?.languageId !== 'markdown') {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan (a Markdown file) first.'));
        return;
      }
      panel ??= new SigningPanel(client, () => (panel = undefined));
      await panel.show(document.uri);
    }),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, (...args: ShowReferencesArgs) => {
      const [uri, position, locations] = args;
      const converter = client.protocol2CodeConverter;
      return vscode.commands.executeCommand(
        'editor.action.showReferences',
        converter.asUri(uri),
        converter.asPosition(position),
        locations.map((location) => converter.asLocation(location)),
      );
    }),
    { dispose: () => panel?.dispose() },
  );
}

class SigningPanel {
  private readonly panel: vscode.WebviewPanel;
  private target: vscode.Uri | undefined;

  constructor(
    private readonly client: LanguageClient,
    onDispose: () => void,
  ) {
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Check before signing'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { enableScripts: true, localResourceRoots: [] });
    this.panel.onDidDispose(onDispose);
    this.panel.webview.onDidReceiveMessage((message: SigningPageMessage) => {
      if (message?.type === 'open' && typeof message.uri === 'string') void this.open(message.uri, message.line, message.character);
      else if (message?.type === 'refresh' && this.target) void this.show(this.target);
    });
  }

  async show(target: vscode.Uri): Promise<void> {
    this.target = target;
    this.panel.reveal(vscode.ViewColumn.Beside, false);
    const params: SigningReportParams = { uri: this.client.code2ProtocolConverter.asUri(target) };
    let result: SigningReportResult | null;
    try {
      result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking before signing…') }, () =>
        this.client.sendRequest<SigningReportResult | null>(SIGNING_REPORT_REQUEST, params),
      );
    } catch (error) {
      this.client.outputChannel.appendLine(`Signing report failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('The check before signing failed; see the Kehoach output.'));
      return;
    }
    if (!result) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document is not checked as a plan.'));
      return;
    }
    this.panel.title = vscode.l10n.t('Check before signing: {0}', result.report.plans.find((plan) => plan.role === 'self')?.symbol ?? label(target.toString()));
    this.panel.webview.html = renderSigningPage(result, { nonce: newNonce(), label });
  }

  dispose(): void {
    this.panel.dispose();
  }

  private async open(uri: string, line: number, character: number): Promise<void> {
    const position = new vscode.Position(Number.isInteger(line) ? line : 0, Number.isInteger(character) ? character : 0);
    const document = await vscode.workspace.openTextDocument(this.client.protocol2CodeConverter.asUri(uri));
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
  }
}

/** A plan as the report names it: its path in the workspace. */
function label(uri: string): string {
  const parsed = vscode.Uri.parse(uri);
  return parsed.scheme === 'file' ? vscode.workspace.asRelativePath(parsed, false) : parsed.path.slice(parsed.path.lastIndexOf('/') + 1);
}
