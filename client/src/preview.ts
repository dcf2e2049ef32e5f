// The print preview beside the editor and the export command. The language server renders: it
// already holds the checked plan for the document's current version (with the editor's settings,
// .kehoach.json and the workspace rules), so the preview shows exactly the editor's problems and
// the client bundle carries neither the engine nor the .docx writer.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { looksLikePlan } from '../../server/src/engine/detect';
import {
  EXPORT_REQUEST,
  type ExportFormatName,
  type ExportParams,
  type ExportResult,
  type FromWebview,
  PREVIEW_REQUEST,
  type PreviewParams,
  type PreviewResult,
  type ToWebview,
  base64ToBytes,
} from '../../server/src/preview/protocol';
import { PAGED_SCRIPT, webviewPage } from '../../server/src/preview/webview';
import { newNonce } from './nonce';

const VIEW_TYPE = 'kehoach.preview';
/** Quiet time after a keystroke before the sheet is rendered again. */
const UPDATE_DELAY_MS = 300;

/** Context key for the editor title buttons: the active editor holds something that looks like a plan. */
const PLAN_CONTEXT = 'kehoach.activeEditorIsPlan';
/** looksLikePlan reads only the head of a draft. */
const HEAD_LINES = 60;

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  const preview = new PrintPreview(client, context.extensionUri);
  const updatePlanContext = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const isPlan = document?.languageId === 'markdown' && looksLikePlan(document.getText(new vscode.Range(0, 0, HEAD_LINES, 0)));
    void vscode.commands.executeCommand('setContext', PLAN_CONTEXT, isPlan);
  };
  updatePlanContext();
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('kehoach.showPreview', (uri?: vscode.Uri) => preview.show(uri)),
    vscode.commands.registerCommand('kehoach.exportDocx', (uri?: vscode.Uri) => exportPlan(client, uri ?? preview.documentUri)),
    vscode.window.onDidChangeActiveTextEditor(updatePlanContext),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document && event.contentChanges.some((change) => change.range.start.line < HEAD_LINES)) updatePlanContext();
    }),
  );
}

/** One preview panel that follows the active Markdown editor, as VS Code's own Markdown preview does. */
class PrintPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private readonly listeners: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Number of the latest request; answers to older ones are dropped. */
  private sequence = 0;

  constructor(
    private readonly client: LanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {}

  get documentUri(): vscode.Uri | undefined {
    return this.document?.uri;
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (document?.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan (a Markdown file) first.'));
      return;
    }
    this.document = document;
    if (this.panel) {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
      this.setTitle();
      void this.update();
      return;
    }
    // The webview may read one folder of the extension: Paged.js's.
    const pagedScript = vscode.Uri.joinPath(this.extensionUri, ...PAGED_SCRIPT);
    const localResourceRoots = [vscode.Uri.joinPath(this.extensionUri, ...PAGED_SCRIPT.slice(0, -1))];
    this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots });
    this.setTitle();
    this.panel.webview.html = webviewPage({
      pagedScriptUri: this.panel.webview.asWebviewUri(pagedScript).toString(),
      cspSource: this.panel.webview.cspSource,
      nonce: newNonce(),
      loadingText: vscode.l10n.t('Rendering the print preview…'),
      title: vscode.l10n.t('Print preview'),
    });
    this.listeners.push(
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
      this.panel.onDidDispose(() => this.closed()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document) this.scheduleUpdate();
      }),
      // Settings or .kehoach.json changed: the server republishes the diagnostics.
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (this.document && event.uris.some((changed) => changed.toString() === this.document!.uri.toString())) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.post({ type: 'reveal', line: event.selections[0]!.active.line });
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === 'markdown' && editor.document !== this.document) {
          this.document = editor.document;
          this.setTitle();
          void this.update();
        }
      }),
    );
  }

  private setTitle(): void {
    if (!this.panel || !this.document) return;
    const name = this.document.uri.path.split('/').pop() ?? '';
    this.panel.title = vscode.l10n.t('Print preview: {0}', name);
  }

  private onMessage(message: FromWebview): void {
    if (message?.type === 'ready') void this.update();
    else if (message?.type === 'reveal-source' && typeof message.line === 'number') void this.revealSource(message.line);
  }

  private async revealSource(line: number): Promise<void> {
    if (!this.document) return;
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const position = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private scheduleUpdate(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    const document = this.document;
    if (!this.panel || !document) return;
    const sequence = ++this.sequence;
    let result: PreviewResult | null;
    try {
      const params: PreviewParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
      result = await this.client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, params);
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.client.outputChannel.appendLine(`Print preview: ${error instanceof Error ? error.message : String(error)}`);
      this.post({ type: 'message', text: vscode.l10n.t('The print preview could not be rendered; see the Kehoach output.') });
      return;
    }
    if (sequence !== this.sequence || document !== this.document) return;
    if (!result) {
      this.post({ type: 'message', text: vscode.l10n.t('This document is not checked as a plan.') });
      return;
    }
    const severity = result.errors > 0 ? 'error' : result.warnings > 0 ? 'warning' : result.infos > 0 ? 'info' : 'none';
    this.post({ type: 'update', html: result.html, status: result.status, severity });
    const editor = vscode.window.visibleTextEditors.find((visible) => visible.document === document);
    if (editor) this.post({ type: 'reveal', line: editor.selection.active.line });
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private closed(): void {
    this.panel = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const listener of this.listeners.splice(0)) listener.dispose();
  }

  dispose(): void {
    this.panel?.dispose();
    this.closed();
  }
}

/** Asks where to save, then writes the server's rendering of the plan (unsaved edits included). */
async function exportPlan(client: LanguageClient, uri: vscode.Uri | undefined): Promise<void> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (document?.languageId !== 'markdown') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan (a Markdown file) first.'));
    return;
  }
  const target = await vscode.window.showSaveDialog({
    defaultUri: defaultExportUri(document),
    filters: { [vscode.l10n.t('Word document')]: ['docx'], [vscode.l10n.t('Web page')]: ['html'] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export the printed form of the plan'),
  });
  if (!target) return;
  if (target.toString() === document.uri.toString()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Choose a file other than the plan itself.'));
    return;
  }
  const format: ExportFormatName = /\.html?$/i.test(target.path) ? 'html' : 'docx';
  const params: ExportParams = { uri: client.code2ProtocolConverter.asUri(document.uri), format };
  let result: ExportResult | null;
  try {
    result = await client.sendRequest<ExportResult | null>(EXPORT_REQUEST, params);
  } catch (error) {
    client.outputChannel.appendLine(`Export: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage(vscode.l10n.t('The plan could not be exported; see the Kehoach output.'));
    return;
  }
  if (!result) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document is not checked as a plan.'));
    return;
  }
  try {
    await vscode.workspace.fs.writeFile(target, base64ToBytes(result.base64));
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', target.fsPath, error instanceof Error ? error.message : String(error)));
    return;
  }
  const name = target.path.split('/').pop() ?? target.fsPath;
  const open = vscode.l10n.t('Open');
  const message =
    result.errors > 0
      ? vscode.l10n.t('Exported {0}. The plan still has {1} error(s).', name, result.errors)
      : vscode.l10n.t('Exported {0}.', name);
  const choice = await (result.errors > 0 ? vscode.window.showWarningMessage(message, open) : vscode.window.showInformationMessage(message, open));
  if (choice === open) await vscode.env.openExternal(target);
}

/** Beside the plan, named after it; for an unsaved draft, in the first workspace folder. */
function defaultExportUri(document: vscode.TextDocument): vscode.Uri | undefined {
  if (document.uri.scheme !== 'untitled') return document.uri.with({ path: document.uri.path.replace(/\.[^/.]*$/, '') + '.docx' });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, 'ke-hoach.docx') : undefined;
}
