// The language server in a web worker (out/browser-server.js), started by the web client
// (client/src/browser.ts): the same connection layer and service as the Node server, over the
// browser host (open documents only), talking LSP by postMessage.
import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { provideDictionary } from '../engine/spelling.js';
import { browserHost } from './browser-host.js';
import { startServer } from './server.js';

type WorkerScope = ConstructorParameters<typeof BrowserMessageReader>[0];
/** The worker's synchronous request: the engine asks for the dictionary as text, without waiting on a promise. */
interface SynchronousRequest {
  open(method: 'GET', url: string, async: false): void;
  send(): void;
  readonly status: number;
  readonly responseText: string;
}
declare const XMLHttpRequest: new () => SynchronousRequest;

const scope = globalThis as unknown as WorkerScope & { location: { href: string } };
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));

/** A file shipped beside the worker's script (the dictionary, GPL, stays out of the MIT bundle). */
function readBeside(path: string): string {
  const url = new URL(path, scope.location.href).href;
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  request.send();
  if (request.status !== 200) throw new Error(`Vietnamese dictionary not found at ${url} (HTTP ${request.status})`);
  return request.responseText;
}

provideDictionary(() => ({ aff: readBeside('dictionaries/vi/index.aff'), dic: readBeside('dictionaries/vi/index.dic') }));
startServer(connection, browserHost);
