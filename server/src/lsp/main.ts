// Entry point of the language server (out/server.js, bin kehoach-lsp). VS Code starts it over
// IPC; other editors run `kehoach-lsp --stdio` (stdio is also the default without a flag).
import { spawn } from 'node:child_process';
import { format } from 'node:util';
import { type Connection, ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { FramedInput, MAX_BODY } from './framing.js';
import { SERVER_NODE_FLAGS } from './protocol.js';
import { provideVietnameseDictionary } from '../node/dictionary.js';
import { startServer } from './server.js';

const USAGE = `kehoach-lsp ${version} — language server for Vietnamese administrative plans (Kế hoạch)

Usage: kehoach-lsp [--stdio | --node-ipc | --socket=<port> | --pipe=<name>]
  --stdio       talk LSP over standard input and output (the default)
  --node-ipc    talk over the Node IPC channel (used by the VS Code extension)
`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${version}\n`);
} else if (!args.includes('--node-ipc') && !SERVER_NODE_FLAGS.every((flag) => process.execArgv.includes(flag))) {
  // Node flags cannot be set once running: start again with them, on the same stdin and stdout.
  // (The VS Code client passes them itself when it forks the server over IPC.)
  const child = spawn(process.execPath, [...process.execArgv, ...SERVER_NODE_FLAGS, ...process.argv.slice(1)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  const otherTransport = args.some((arg) => /^--(?:node-ipc|socket|pipe)\b/.test(arg));
  const connection = otherTransport ? createConnection(ProposedFeatures.all) : stdioConnection();
  keepRunningOnBugs(connection);
  provideVietnameseDictionary();
  startServer(connection);
}

function stdioConnection(): Connection {
  let connection: Connection | undefined;
  const warn = (message: string): void => {
    if (connection) connection.console.warn(message);
    else process.stderr.write(`${message}\n`);
  };
  const input = process.stdin.pipe(
    new FramedInput({
      dropped: (bytes) => warn(`Dropped ${bytes} byte(s) of input that were not part of an LSP message.`),
      resynchronised: (declared, received) =>
        warn(`A message declared ${declared} byte(s) but the next header came after ${received}: the short message is dropped and reading resumes at that header.`),
      refused: (declared) => warn(`Refused a message of ${declared} byte(s): the limit is ${MAX_BODY} bytes. Its bytes are dropped up to the next header.`),
    }),
  );
  connection = createConnection(ProposedFeatures.all, input, process.stdout);
  keepReading(input);
  // Standard output carries the protocol: anything printed goes to the client's log instead.
  const target = connection;
  console.log = (...values: unknown[]) => target.console.log(format(...values));
  console.info = (...values: unknown[]) => target.console.info(format(...values));
  console.warn = (...values: unknown[]) => target.console.warn(format(...values));
  console.error = (...values: unknown[]) => target.console.error(format(...values));
  return target;
}

/** A bug in one handler must not take the server down: log it and go on serving. */
function keepRunningOnBugs(connection: Connection): void {
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${error.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));
}

/**
 * The server ends only on the client's `exit` (or its input closing, which the LSP library turns
 * into an exit itself). Node also ends a process whose event loop is empty with code 0: that is
 * what happens when nothing is being read, e.g. standard input paused by backpressure between the
 * pipe and the framing guard at a moment no timer is pending. That exit is never wanted: say so and
 * read again.
 */
function keepReading(input: NodeJS.ReadableStream): void {
  process.on('beforeExit', () => {
    if (process.stdin.readableEnded) return;
    process.stderr.write(`Input stopped being read without an exit notification (standard input ${process.stdin.isPaused() ? 'paused' : 'flowing'}); reading again.\n`);
    input.resume();
    process.stdin.resume();
  });
}
