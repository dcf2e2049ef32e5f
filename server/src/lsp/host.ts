// What the language server needs of the machine it runs on, handed to startServer (server.ts): the
// Node host (node-host.ts: the disk, the folder index, .kehoach.json files) or the browser's
// (browser-host.ts: the editor's open documents only). The connection layer and the service are the same.
import type { CodeAction, Connection, Diagnostic as LspDiagnostic, InitializeParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale, Range } from '../engine/types.js';
import type { PlanWorkspace } from './analysis.js';
import type { ClientSupport } from './features/feature.js';
import type { DiagnosticPublisher } from './publish.js';

export interface HostContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  params: InitializeParams;
  support: ClientSupport;
  locale: Locale;
  publisher: DiagnosticPublisher;
  log(message: string): void;
  /** The plan index changed: `touched` symbol keys in plan `source`, both undefined when every check is stale. */
  indexChanged(touched?: ReadonlySet<string>, source?: string): void;
  /** A .kehoach.json changed: every open plan is checked again. */
  configsChanged(): void;
}

export interface HostWorkspace {
  /** What the plan service reads: documents, the plan index, plans' texts, configurations. */
  workspace: PlanWorkspace;
  /** After the client's `initialized`: the host's watchers and the first scan. */
  start(): void;
  documentEdited(uri: string, text: () => string): void;
  documentClosed(uri: string): void;
  /** The client's settings changed: configurations read so far are forgotten. */
  settingsChanged(): void;
  /** Quick fixes that write outside the document (the office's words in .kehoach.json). */
  fileQuickFixes(uri: string, diagnostics: readonly LspDiagnostic[], textAt: (range: Range) => Promise<{ text: string; locale: Locale } | undefined>): Promise<CodeAction[]>;
}

export interface ServerHost {
  /** Called once, at `initialize`. */
  attach(context: HostContext): HostWorkspace;
}
