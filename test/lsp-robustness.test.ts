// The language server under bad input: bytes that are not JSON-RPC, messages with the wrong
// shape, a 10 MB document, binary garbage. Each case runs its own server process, and the
// server must keep answering afterwards.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspClient, SERVER, buildServer } from './lsp-harness';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'lsp', 'plan.md'), 'utf8');
const WITHOUT_NUMBER = PLAN.replace('Số: 125/KH-PGDĐT\n\n', '');

/** Deterministic bytes (xorshift), so a failure can be replayed. */
function garbage(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

function framed(body: string): Buffer {
  const content = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${content.length}\r\n\r\n`, 'ascii'), content]);
}

let client: LspClient | undefined;

afterEach(async () => {
  await client?.stop();
  client = undefined;
});

/** Writes raw bytes to the server's input, between two whole messages. */
function writeRaw(target: LspClient, bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => target.child.stdin!.write(bytes, (error) => (error ? reject(error) : resolve())));
}

/** The server still works: a plan opened now gets its diagnostics and its outline. */
async function stillAnswers(target: LspClient, name: string): Promise<void> {
  const uri = `untitled:${name}.md`;
  await target.open(uri, WITHOUT_NUMBER);
  expect((await target.diagnosticsFor(uri, 1)).map((d) => d.code)).toEqual(['KH201']);
  const symbols: DocumentSymbol[] = await target.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  expect(symbols.length).toBeGreaterThan(3);
  expect(target.child.exitCode).toBeNull();
}

describe('language server robustness', () => {
  it('skips bytes that are not LSP messages and answers the next valid request', async () => {
    ({ client } = await LspClient.start({ settings: { debounceMs: 0 } }));
    await writeRaw(client, garbage(65_536, 0x9e3779b9));
    await writeRaw(client, Buffer.from('Content-Length: many\r\n\r\n', 'ascii'));
    await writeRaw(client, Buffer.from('Content-Type: text/plain\r\nno colon here\r\n\r\n', 'ascii'));
    await writeRaw(client, Buffer.concat([Buffer.from('\x00\xff\r\n\r\n'), garbage(1000, 42)]));
    await stillAnswers(client, 'after-garbage');
    await client.waitFor(() => client!.logs.some((log) => /^Dropped \d+ byte\(s\) of input/.test(log)), 'a log line about dropped input');
  });

  it('survives framed messages that are not JSON, not JSON-RPC, or carry the wrong parameters', async () => {
    ({ client } = await LspClient.start({ settings: { debounceMs: 0 } }));
    await writeRaw(client, framed('{"jsonrpc": "2.0", "id": 1, "method": '));
    await writeRaw(client, framed('[1, 2, 3]'));
    await writeRaw(client, framed('null'));
    await writeRaw(client, framed('{"jsonrpc": "2.0"}'));
    await writeRaw(client, framed('{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": 5}}'));
    await writeRaw(client, framed('{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "untitled:none", "version": 2}, "contentChanges": [{"text": 7}]}}'));
    await expect(client.connection.sendRequest('textDocument/hover', {})).rejects.toThrow();
    await expect(client.connection.sendRequest('kehoach/noSuchMethod', { x: 1 })).rejects.toThrow(/Unhandled method/);
    await expect(client.connection.sendRequest('workspace/executeCommand', { command: 'kehoach.server.fixAll', arguments: ['not an object'] })).resolves.toBeNull();
    await expect(client.connection.sendRequest('kehoach/missingSections', null)).resolves.toBeNull();
    await stillAnswers(client, 'after-bad-messages');
  });

  it('answers after garbage sent before initialize', async () => {
    buildServer();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.write(garbage(10_000, 7));
    client = new LspClient(child, { settings: { debounceMs: 0 } });
    const result = await client.connection.sendRequest<{ serverInfo?: { name: string } }>('initialize', { processId: null, rootUri: null, capabilities: {}, locale: 'vi' });
    expect(result.serverInfo?.name).toBe('kehoach');
    await client.connection.sendNotification('initialized', {});
    await stillAnswers(client, 'after-early-garbage');
  });

  it('does not check a 10 MB plan, says why, and keeps answering', async () => {
    ({ client } = await LspClient.start({ settings: { debounceMs: 0 } }));
    const filler = '\n\nCác trường tổ chức tuyên truyền và báo cáo kết quả trước ngày 30/6/2021.'.repeat(140_000);
    const huge = PLAN.replace('Kinh phí do các trường tự cân đối.', `Kinh phí do các trường tự cân đối.${filler}`);
    expect(huge.length).toBeGreaterThan(10_000_000);
    const uri = 'untitled:huge.md';
    await client.open(uri, huge);
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 3, source: 'kehoach' });
    expect(diagnostics[0]!.message).toMatch(/^Tệp lớn 1\d(?:,\d)? MB, vượt giới hạn 2 MB nên không được kiểm tra/);
    expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 10, character: 10 } })).toBeNull();
    // An edit to the huge document is taken in without a check.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
    });
    await client.waitFor(() => client!.published.get(uri)?.some((item) => item.version === 2), 'version 2 published');
    await stillAnswers(client, 'after-huge');
  });

  it('skips binary garbage and checks printable garbage without failing', async () => {
    ({ client } = await LspClient.start({ settings: { debounceMs: 0, checkAllMarkdown: true } }));
    const binary = 'untitled:binary.md';
    await client.open(binary, garbage(200_000, 1234).toString('latin1'));
    expect(await client.diagnosticsFor(binary, 1)).toEqual([]);
    const status = await client.waitFor(
      () => client!.notifications.find((n) => n.method === 'kehoach/status' && (n.params as { uri: string }).uri === binary)?.params,
      'status of the binary document',
    );
    expect(status).toMatchObject({ state: 'binary' });

    const printable = Array.from(garbage(100_000, 99), (byte) => ' #*_-|>[]()!`\n\t.:;/0123456789IVXKHabcđêôơưĐẾỆ\u0301\u0323'[byte % 50]).join('');
    const noisy = 'untitled:noisy.md';
    await client.open(noisy, `KẾ HOẠCH\n\n${printable}`);
    const diagnostics = await client.diagnosticsFor(noisy, 1);
    expect(diagnostics.every((d) => d.source === 'kehoach' && typeof d.message === 'string')).toBe(true);
    expect(diagnostics.some((d) => d.message.includes('lỗi nội bộ'))).toBe(false);
    await stillAnswers(client, 'after-binary');
  });
});
