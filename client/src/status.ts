// Status bar item for the active plan: its number of problems; a click opens the Problems view.
import * as vscode from 'vscode';
import type { DocumentStatus } from '../../server/src/lsp/protocol';

export class PlanStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('kehoach.status', vscode.StatusBarAlignment.Left, 100);
  private readonly statuses = new Map<string, DocumentStatus>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.item.name = vscode.l10n.t('Kehoach plan check');
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidCloseTextDocument((document) => this.statuses.delete(document.uri.toString())),
    ];
  }

  update(status: DocumentStatus): void {
    this.statuses.set(status.uri, status);
    this.refresh();
  }

  /** The server stopped: what it said no longer holds. */
  clear(): void {
    this.statuses.clear();
    this.refresh();
  }

  private refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document ? this.statuses.get(document.uri.toString()) : undefined;
    if (!status || status.state === 'not-plan' || status.state === 'disabled' || status.state === 'binary') {
      this.item.hide();
      return;
    }
    if (status.state === 'too-large' || status.state === 'failed') {
      this.item.text = `$(warning) ${vscode.l10n.t('Plan not checked')}`;
      this.item.tooltip =
        status.state === 'too-large'
          ? vscode.l10n.t('This plan is larger than the size limit (maxFileSize in .kehoach.json) and is not checked.')
          : vscode.l10n.t('The check of this plan failed; see the log (Kehoach: Show Log).');
    } else {
      const counts = [
        status.errors > 0 ? `$(error) ${status.errors}` : '',
        status.warnings > 0 ? `$(warning) ${status.warnings}` : '',
        status.infos > 0 ? `$(info) ${status.infos}` : '',
      ].filter(Boolean);
      this.item.text = `$(checklist) ${vscode.l10n.t('Plan')} ${counts.length > 0 ? counts.join(' ') : '$(check)'}`;
      this.item.tooltip =
        counts.length > 0
          ? vscode.l10n.t('This plan has {0} error(s), {1} warning(s) and {2} note(s). Click to open the Problems view.', status.errors, status.warnings, status.infos)
          : vscode.l10n.t('No problems found in this plan.');
    }
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
