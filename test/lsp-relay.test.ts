// The thread that reads messages (server/src/lsp/relay.ts) against a worker that holds its thread
// as a long check does: a document request the client has since changed the document under is
// answered ContentModified at once, the worker's late answer never reaches the client, and other
// messages pass through unchanged.
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LSPErrorCodes, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-languageserver/node';
import { relay } from '../server/src/lsp/relay';

function start() {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const exited = new Promise<number>((resolve) =>
    relay({
      reader: new StreamMessageReader(toServer),
      writer: new StreamMessageWriter(toClient),
      workerScript: join(__dirname, 'helpers', 'slow-lsp-worker.cjs'),
      exit: resolve,
      log: () => undefined,
    }),
  );
  let output = '';
  toClient.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  connection.listen();
  return { connection, exited, output: () => output };
}

const document = { textDocument: { uri: 'file:///plan.md' }, position: { line: 0, character: 0 } };

describe('the relay between the client and the server thread', () => {
  it('refuses a request the busy worker holds once its document changes, and drops the late answer', async () => {
    const { connection, exited, output } = start();
    const outcome = (request: Promise<unknown>) => request.then((answer) => answer, (error: { code: number }) => error.code);
    const hover = outcome(connection.sendRequest('textDocument/hover', document));
    const otherDocument = outcome(connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///other.md' } }));
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: document.textDocument.uri, version: 2 }, contentChanges: [{ text: 'x' }] });
    expect(await hover).toBe(LSPErrorCodes.ContentModified);
    // The request about a document that did not change waits for the worker and gets its own answer.
    expect(await otherDocument).toEqual({ answered: 'textDocument/documentSymbol' });
    // The hover's late answer was dropped: the next answer is the next request's own.
    expect(await connection.sendRequest('textDocument/foldingRange', { textDocument: document.textDocument })).toEqual({ answered: 'textDocument/foldingRange' });
    expect(output()).not.toContain('"answered":"textDocument/hover"');
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
    connection.dispose();
  });

  it('passes a request that is not about a document through to the worker and its answer back', async () => {
    const { connection, exited } = start();
    expect(await connection.sendRequest('workspace/executeCommand', { command: 'x' })).toEqual({ answered: 'workspace/executeCommand' });
    await connection.sendNotification('exit');
    expect(await exited).toBe(0);
    connection.dispose();
  });

  it('ends the process when the client closes its input, with 1 when no shutdown was asked', async () => {
    const { connection, exited } = start();
    connection.end();
    connection.dispose();
    expect(await exited).toBe(1);
  });
});
