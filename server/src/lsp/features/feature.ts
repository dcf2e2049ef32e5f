// A feature of the language server: what it announces at initialization and the LSP messages it
// answers, each by one call to the plan service. server.ts registers every feature the same way.
import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { HostWorkspace } from '../host.js';
import type { PlanService } from '../service.js';

/** What the client said it supports, read once from InitializeParams. */
export interface ClientSupport {
  pullConfiguration: boolean;
  watchFiles: boolean;
  configurationChanges: boolean;
  workspaceFolders: boolean;
  hierarchicalSymbols: boolean;
  snippets: boolean;
  relatedInformation: boolean;
  statusNotifications: boolean;
  codeLensRefresh: boolean;
}

export interface FeatureContext {
  connection: Connection;
  service: PlanService;
  host: HostWorkspace;
  /** Read when a request arrives: set by the initialize request. */
  client(): ClientSupport;
}

export interface Feature {
  capabilities: ServerCapabilities;
  register(context: FeatureContext): void;
}
