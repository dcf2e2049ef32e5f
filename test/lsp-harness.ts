// Drives the built language server (out/server.js) as a real process over stdio, the way an
// editor does: a JSON-RPC connection, open documents with versions, settings answered on request,
// workspace edits applied (and refused, like a client does, when their version is not current).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type ApplyWorkspaceEditParams,
  type ApplyWorkspaceEditResult,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentEdit,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..');
export const SERVER = join(ROOT, 'out', 'server.js');

let built = false;

/** Builds out/server.js once per test process (the build writes its files atomically). */
export function buildServer(): void {
  if (built) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  built = true;
}

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceFolders: true,
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    foldingRange: {},
  },
};

export interface StartOptions {
  /** The "kehoach" settings section answered to workspace/configuration. */
  settings?: Record<string, unknown>;
  locale?: string;
  workspaceFolder?: string;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
}

interface Published {
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly documents = new Map<string, TextDocument>();
  readonly published = new Map<string, Published[]>();
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  readonly logs: string[] = [];
  stderr = '';
  settings: Record<string, unknown>;
  private waiters: Array<() => void> = [];

  constructor(readonly child: ChildProcess, options: StartOptions) {
    this.settings = options.settings ?? {};
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/workspaceFolders', () => (options.workspaceFolder ? [{ uri: fileUri(options.workspaceFolder), name: 'ws' }] : null));
    this.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams): ApplyWorkspaceEditResult => {
      this.applyEditRequests.push(params);
      return this.apply(params.edit);
    });
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.published.get(params.uri) ?? [];
      list.push({ version: params.version, diagnostics: params.diagnostics });
      this.published.set(params.uri, list);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      this.wake();
    });
    this.connection.onUnhandledNotification((message) => {
      this.notifications.push({ method: message.method, params: message.params });
      this.wake();
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<{ client: LspClient; initialize: InitializeResult }> {
    buildServer();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, options);
    const initialize = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolder ? fileUri(options.workspaceFolder) : null,
      workspaceFolders: options.workspaceFolder ? [{ uri: fileUri(options.workspaceFolder), name: 'ws' }] : null,
      capabilities: options.capabilities ?? CAPABILITIES,
      locale: options.locale ?? 'vi',
      initializationOptions: options.initializationOptions ?? { statusNotifications: true },
    });
    await client.connection.sendNotification('initialized', {});
    return { client, initialize };
  }

  /** Resolves when `predicate` holds, re-tested after every message from the server. */
  waitFor<T>(predicate: () => T | undefined | false, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const test = (): boolean => {
        const value = predicate();
        if (value === undefined || value === false) return false;
        resolve(value);
        return true;
      };
      if (test()) return;
      const onExit = (): void => reject(new Error(`server exited while waiting for ${what}\n${this.stderr}`));
      this.child.once('exit', onExit);
      const waiter = (): void => {
        if (test()) {
          this.waiters = this.waiters.filter((item) => item !== waiter);
          this.child.off('exit', onExit);
        }
      };
      this.waiters.push(waiter);
    });
  }

  /** The diagnostics published for exactly this version of the document. */
  diagnosticsFor(uri: string, version = this.documents.get(uri)?.version): Promise<Diagnostic[]> {
    return this.waitFor(() => this.published.get(uri)?.find((item) => item.version === version)?.diagnostics, `diagnostics of ${uri} v${version}`);
  }

  /** Diagnostics published after `count` earlier publications for the document. */
  nextDiagnostics(uri: string, count: number): Promise<Diagnostic[]> {
    return this.waitFor(() => this.published.get(uri)?.[count]?.diagnostics, `publication ${count + 1} for ${uri}`);
  }

  publicationCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  async open(uri: string, text: string): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Sends the whole new text; `version` sends another number than the next one (a client's mistake). */
  async change(uri: string, text: string, version = this.documents.get(uri)!.version + 1): Promise<number> {
    const next = TextDocument.create(uri, 'markdown', version, text);
    this.documents.set(uri, next);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [{ text }] });
    return next.version;
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  /** Applies a workspace edit as a client does: refused when it names another version. */
  apply(edit: ApplyWorkspaceEditParams['edit']): ApplyWorkspaceEditResult {
    for (const change of (edit.documentChanges ?? []) as TextDocumentEdit[]) {
      const document = this.documents.get(change.textDocument.uri);
      if (!document || (change.textDocument.version !== null && change.textDocument.version !== document.version)) {
        return { applied: false, failureReason: 'version mismatch' };
      }
    }
    for (const change of (edit.documentChanges ?? []) as TextDocumentEdit[]) {
      const document = this.documents.get(change.textDocument.uri)!;
      const text = TextDocument.applyEdits(document, change.edits);
      void this.change(change.textDocument.uri, text);
    }
    return { applied: true };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    // A server that no longer answers is killed rather than left behind.
    const killer = setTimeout(() => this.child.kill(), 5000);
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), exited]);
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    clearTimeout(killer);
    this.connection.dispose();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The 0-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((candidate) => candidate.includes(needle));
  if (line < 0) throw new Error(`no line with ${needle}`);
  return line;
}

/** The position of `needle` in `text` (plus `offset` characters). */
export function at(text: string, needle: string, offset = 0): Position {
  const line = lineOf(text, needle);
  return { line, character: text.split('\n')[line]!.indexOf(needle) + offset };
}
