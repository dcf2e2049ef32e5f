// Entry point of the language server (out/server.js, bin kehoach-lsp). VS Code starts it over
// IPC; other editors run `kehoach-lsp --stdio` (stdio is also the default without a flag). This
// thread reads and relays messages (relay.ts); the server runs in a worker thread (worker.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  IPCMessageReader,
  IPCMessageWriter,
  type MessageReader,
  MessageType,
  type MessageWriter,
  type NotificationMessage,
  StreamMessageReader,
  StreamMessageWriter,
  createServerPipeTransport,
  createServerSocketTransport,
} from 'vscode-languageserver/node';
import { version } from '../../../package.json';
import { FramedInput, MAX_BODY } from './framing.js';
import { SERVER_NODE_FLAGS } from './protocol.js';
import { relay } from './relay.js';

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
  const { reader, writer, input } = clientTransport();
  keepReading(input);
  relay({
    reader,
    writer,
    workerScript: join(__dirname, 'server-worker.js'),
    exit: (code) => process.exit(code),
    log: (message) => process.stderr.write(`${message}\n`),
  });
}

/** The client's side: Node IPC (VS Code), a socket or a pipe when asked, standard input and output otherwise. */
function clientTransport(): { reader: MessageReader; writer: MessageWriter; input?: NodeJS.ReadableStream } {
  const transport = (pair: [MessageReader, MessageWriter]) => ({ reader: pair[0], writer: pair[1] });
  if (args.includes('--node-ipc')) return transport([new IPCMessageReader(process), new IPCMessageWriter(process)]);
  const socket = args.find((arg) => arg.startsWith('--socket='));
  if (socket) return transport(createServerSocketTransport(Number.parseInt(socket.slice('--socket='.length), 10)));
  const pipe = args.find((arg) => arg.startsWith('--pipe='));
  if (pipe) return transport(createServerPipeTransport(pipe.slice('--pipe='.length)));
  const writer = new StreamMessageWriter(process.stdout);
  const warn = (message: string): void => {
    void writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: MessageType.Warning, message } } as NotificationMessage);
  };
  const input = process.stdin.pipe(
    new FramedInput({
      dropped: (bytes) => warn(`Dropped ${bytes} byte(s) of input that were not part of an LSP message.`),
      resynchronised: (declared, received) =>
        warn(`A message declared ${declared} byte(s) but the next header came after ${received}: the short message is dropped and reading resumes at that header.`),
      refused: (declared) => warn(`Refused a message of ${declared} byte(s): the limit is ${MAX_BODY} bytes. Its bytes are dropped up to the next header.`),
    }),
  );
  return { reader: new StreamMessageReader(input), writer, input };
}

/**
 * The server ends only on the client's `exit` or its input closing. Node also ends a process whose
 * event loop is empty with code 0, e.g. standard input paused by backpressure at a moment nothing
 * else is pending. That exit is never wanted: say so and read again.
 */
function keepReading(input: NodeJS.ReadableStream | undefined): void {
  process.on('beforeExit', () => {
    if (process.stdin.readableEnded) return;
    process.stderr.write(`Input stopped being read without an exit notification (standard input ${process.stdin.isPaused() ? 'paused' : 'flowing'}); reading again.\n`);
    input?.resume();
    process.stdin.resume();
  });
}
