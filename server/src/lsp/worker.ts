// The language server's worker thread (out/server-worker.js), started by main.ts: the whole server
// runs here, talking LSP over the thread's parent port, so long checks never hold up the thread
// that reads the client's messages (relay.ts).
import { parentPort } from 'node:worker_threads';
import { format } from 'node:util';
import { ProposedFeatures, PortMessageReader, PortMessageWriter, createConnection } from 'vscode-languageserver/node';
import { provideVietnameseDictionary } from '../node/dictionary.js';
import { nodeHost } from './node-host.js';
import { startServer } from './server.js';

if (!parentPort) throw new Error('out/server-worker.js runs as the worker thread of out/server.js');
const connection = createConnection(ProposedFeatures.all, new PortMessageReader(parentPort), new PortMessageWriter(parentPort));
// A worker's standard output reaches the process's, which may carry the protocol: print to the client's log instead.
console.log = (...values: unknown[]) => connection.console.log(format(...values));
console.info = (...values: unknown[]) => connection.console.info(format(...values));
console.warn = (...values: unknown[]) => connection.console.warn(format(...values));
console.error = (...values: unknown[]) => connection.console.error(format(...values));
// A bug in one handler must not take the server down: log it and go on serving.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));
provideVietnameseDictionary();
startServer(connection, nodeHost);
