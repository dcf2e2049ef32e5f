// The extension's commands. Edits are made by the server against the version sent here; when
// the document changed meanwhile the server refuses, and the person is told to try again.
import * as vscode from 'vscode';
import { type BaseLanguageClient as LanguageClient, ExecuteCommandRequest } from 'vscode-languageclient';
import {
  DRAFT_REQUEST,
  type DraftParams,
  type DraftResult,
  type EditOutcome,
  type InsertSectionArgs,
  MISSING_SECTIONS_REQUEST,
  type MissingSectionsParams,
  type MissingSectionsResult,
  SERVER_COMMANDS,
  type SectionRequirementLevel,
  type VersionedDocument,
} from '../../server/src/lsp/protocol';

/** `restart` differs by host: the desktop starts a new server process, the web client stops and starts its worker's connection. */
export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, restart: () => Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kehoach.fixAll', () => fixAll(client)),
    vscode.commands.registerCommand('kehoach.insertSection', () => insertSection(client)),
    vscode.commands.registerCommand('kehoach.draftImplementingPlan', (params?: DraftParams) => draftImplementingPlan(client, params)),
    vscode.commands.registerCommand('kehoach.restartServer', restart),
    vscode.commands.registerCommand('kehoach.showLog', () => client.outputChannel.show(true)),
  );
}

function activeMarkdown(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'markdown') return document;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a plan (a Markdown file) first.'));
  return undefined;
}

function runServerCommand(client: LanguageClient, command: string, args: VersionedDocument): Promise<EditOutcome | null> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }) as Promise<EditOutcome | null>;
}

async function fixAll(client: LanguageClient): Promise<void> {
  const document = activeMarkdown();
  if (!document) return;
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  let outcome = await runServerCommand(client, SERVER_COMMANDS.fixAll, { uri, version: document.version });
  // Typing between the command and the server's answer: one more try at the new version.
  if (outcome && !outcome.applied && outcome.reason === 'stale') outcome = await runServerCommand(client, SERVER_COMMANDS.fixAll, { uri, version: document.version });
  report(outcome, vscode.l10n.t('No problem in this plan can be fixed automatically.'));
}

async function insertSection(client: LanguageClient): Promise<void> {
  const document = activeMarkdown();
  if (!document) return;
  const uri = client.code2ProtocolConverter.asUri(document.uri);
  const params: MissingSectionsParams = { uri };
  const missing = await client.sendRequest<MissingSectionsResult | null>(MISSING_SECTIONS_REQUEST, params);
  if (!missing) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document is not checked as a plan.'));
    return;
  }
  if (missing.sections.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The plan already has every section of its profile.'));
    return;
  }
  const choice = await vscode.window.showQuickPick(
    missing.sections.map((section) => ({ label: section.title, description: requirementLabel(section.requirement), key: section.key })),
    { placeHolder: vscode.l10n.t('Section to insert where the profile places it') },
  );
  if (!choice) return;
  const args: InsertSectionArgs = { uri, version: missing.version, key: choice.key };
  report(await runServerCommand(client, SERVER_COMMANDS.insertSection, args), vscode.l10n.t('The section could not be inserted.'));
}

/**
 * A new plan implementing `params.parent` (from a code action) or the active plan (from the
 * palette), in a new editor: inserted as a snippet, so the cursor lands on the number to fill in
 * and Tab goes through the other fields.
 */
async function draftImplementingPlan(client: LanguageClient, params: DraftParams | undefined): Promise<void> {
  if (!params) {
    const document = activeMarkdown();
    if (!document) return;
    const uri = client.code2ProtocolConverter.asUri(document.uri);
    params = { parent: uri, office: uri };
  }
  const draft = await client.sendRequest<DraftResult | null>(DRAFT_REQUEST, params);
  if (!draft || 'error' in draft) {
    void vscode.window.showWarningMessage(draft?.error ?? vscode.l10n.t('The draft could not be written.'));
    return;
  }
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: '' }));
  await editor.insertSnippet(new vscode.SnippetString(draft.snippet));
}

function requirementLabel(level: SectionRequirementLevel): string {
  switch (level) {
    case 'required':
      return vscode.l10n.t('required');
    case 'recommended':
      return vscode.l10n.t('recommended');
    default:
      return vscode.l10n.t('optional');
  }
}

function report(outcome: EditOutcome | null, nothing: string): void {
  if (!outcome || outcome.applied) return;
  switch (outcome.reason) {
    case 'stale':
      void vscode.window.showWarningMessage(vscode.l10n.t('The document changed meanwhile; nothing was edited. Run the command again.'));
      return;
    case 'not-plan':
      void vscode.window.showInformationMessage(vscode.l10n.t('This document is not checked as a plan.'));
      return;
    case 'rejected':
      void vscode.window.showWarningMessage(vscode.l10n.t('The editor refused the edit; nothing was changed.'));
      return;
    default:
      void vscode.window.showInformationMessage(nothing);
  }
}
