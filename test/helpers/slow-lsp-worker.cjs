// A stand-in for the server's worker thread in test/lsp-relay.test.ts: it answers
// textDocument/hover only after holding its thread for 4 s (as a long check does), any other
// request at once, and ends its thread on `exit`.
const { parentPort } = require('node:worker_threads');
const { PortMessageReader, PortMessageWriter } = require('vscode-languageserver/node');

const reader = new PortMessageReader(parentPort);
const writer = new PortMessageWriter(parentPort);
reader.listen((message) => {
  if (message.method === 'exit') process.exit(0);
  if (message.id === undefined || message.method === undefined) return;
  if (message.method === 'textDocument/hover') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4000);
  void writer.write({ jsonrpc: '2.0', id: message.id, result: { answered: message.method } });
});
