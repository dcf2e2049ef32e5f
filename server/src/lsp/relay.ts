// The thread that reads messages. The server itself (server.ts, every check) runs in a worker
// thread; this thread only passes messages between the client and that worker, so it is always
// free to read. A document request still unanswered when the client changes or closes that
// document (a long check of a large plan is holding the worker) is answered here at once with
// ContentModified, which tells the client to ask again about the new text; the worker's late
// answer is then dropped. Messages pass through unchanged: the ids are the client's and the
// worker's own.
import { Worker } from 'node:worker_threads';
import {
  LSPErrorCodes,
  type Message,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  PortMessageReader,
  PortMessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

export interface RelayOptions {
  /** The client's side of the transport (stdio or Node IPC). */
  reader: MessageReader;
  writer: MessageWriter;
  /** The worker thread's script, which serves LSP over its parent port. */
  workerScript: string;
  /** The process ends: the client's `exit`, its input closing, or the worker failing. */
  exit(code: number): void;
  log(message: string): void;
}

/** Starts the worker and relays messages until the client or the worker ends. */
export function relay(options: RelayOptions): void {
  const { reader, writer } = options;
  const worker = new Worker(options.workerScript);
  const toWorker = new PortMessageWriter(worker);
  const fromWorker = new PortMessageReader(worker);
  /** The client's document requests the worker has not answered yet: their method and document. */
  const waiting = new Map<number | string, { method: string; uri: string }>();
  /** Requests refused here: the worker's late answers to them are dropped. */
  const refused = new Set<number | string>();
  let shutdownAsked = false;
  let ended = false;

  const end = (code: number): void => {
    if (ended) return;
    ended = true;
    void worker.terminate().finally(() => options.exit(code));
  };

  reader.listen((message: Message) => {
    if (isRequest(message)) {
      if (message.method === 'shutdown') shutdownAsked = true;
      const uri = documentOf(message);
      if (uri !== undefined) waiting.set(message.id, { method: message.method, uri });
    } else if (isDocumentChange(message)) {
      const uri = documentOf(message);
      for (const [id, request] of waiting) {
        if (request.uri !== uri) continue;
        waiting.delete(id);
        refused.add(id);
        void writer.write(contentModified(id, request.method));
      }
    } else if (isCancel(message)) {
      // The client gave up on a request already refused here: the worker never hears of it again.
      const id = (message.params as { id?: number | string } | undefined)?.id;
      if (id !== undefined && refused.has(id)) return;
    }
    void toWorker.write(message);
  });
  reader.onClose(() => end(shutdownAsked ? 0 : 1));
  reader.onError((error) => options.log(`Reading from the client failed: ${error.message}`));

  fromWorker.listen((message: Message) => {
    if (isResponse(message) && message.id !== null) {
      if (refused.delete(message.id)) return;
      waiting.delete(message.id);
    }
    void writer.write(message);
  });

  // The worker ends on the client's `exit` (the LSP library exits its thread): so does the process.
  worker.on('exit', (code) => end(code));
  worker.on('error', (error) => {
    options.log(`The language server's worker thread failed: ${error.stack ?? String(error)}`);
    end(1);
  });
}

function isRequest(message: Message): message is RequestMessage & { id: number | string } {
  const candidate = message as RequestMessage;
  return typeof candidate.method === 'string' && (typeof candidate.id === 'number' || typeof candidate.id === 'string');
}

function isResponse(message: Message): message is ResponseMessage {
  const candidate = message as ResponseMessage & { method?: string };
  return candidate.method === undefined && candidate.id !== undefined;
}

function isCancel(message: Message): message is NotificationMessage {
  return (message as NotificationMessage).method === '$/cancelRequest';
}

function isDocumentChange(message: Message): message is NotificationMessage {
  const { method } = message as NotificationMessage;
  return method === 'textDocument/didChange' || method === 'textDocument/didClose';
}

/** The document a textDocument/ message is about. */
function documentOf(message: RequestMessage | NotificationMessage): string | undefined {
  if (!message.method.startsWith('textDocument/')) return undefined;
  const uri = (message.params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

function contentModified(id: number | string, method: string): ResponseMessage {
  return {
    jsonrpc: '2.0',
    id,
    error: { code: LSPErrorCodes.ContentModified, message: `${method}: the document changed while the server was busy; ask again.` },
  };
}
