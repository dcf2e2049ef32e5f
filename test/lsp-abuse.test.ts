// A client's mistakes against the built server over stdio: a version number reused or going
// backwards with a new text, a burst of edits at debounce 0. The server keeps its own copy of each
// text, so it never hands out an edit made for another text and never leaves a request unanswered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentSymbol, LSPErrorCodes } from 'vscode-languageserver-protocol';
import { authorWords } from './helpers/words';
import { LspClient } from './lsp-harness';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'lsp', 'plan.md'), 'utf8');
/** Two fixable problems: no leading zero in the issue date, a recipient without its ";". */
const FIXABLE = PLAN.replace('ngày 18 tháng 5 năm 2021', 'ngày 8 tháng 5 năm 2021').replace('trung học cơ sở;', 'trung học cơ sở');
/** Another text of the same plan: the funding section gone, more words in the first one. */
const OTHER = FIXABLE.replace('Kinh phí do các trường tự cân đối.', 'Kinh phí do các trường tự cân đối, báo cáo sở trước ngày 30 tháng 6.');

let client: LspClient;
let next = 0;
const newUri = (name: string): string => `untitled:abuse-${name}-${next++}.md`;

beforeAll(async () => {
  ({ client } = await LspClient.start({ settings: { debounceMs: 0 } }));
});

afterAll(async () => {
  await client.stop();
});

/** A request answered with a result, or refused with ContentModified (then asked again, as VS Code does). */
async function answered<T>(send: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if ((error as { code?: number }).code !== LSPErrorCodes.ContentModified) throw error;
    }
  }
}

describe('a client reusing or lowering version numbers', () => {
  it('gets a fix-all edit made for the text it sent last, not for the old text of that version', async () => {
    const uri = newUri('reused');
    await client.open(uri, FIXABLE);
    await client.diagnosticsFor(uri, 1);
    // Version 1 again, with another text.
    await client.change(uri, OTHER, 1);
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'kehoach.server.fixAll', arguments: [{ uri, version: 1 }] });
    expect(result).toEqual({ applied: true });
    const fixed = await client.waitFor(() => client.documents.get(uri)!.version === 2 && client.text(uri), 'the fixed text');
    const lost = [...authorWords(OTHER)].filter(([word, count]) => (authorWords(fixed).get(word) ?? 0) < count);
    expect(lost).toEqual([]);
    expect(fixed).toContain('báo cáo sở trước ngày 30 tháng 6');
  });

  it('answers a document symbol request after the version went backwards', async () => {
    const uri = newUri('backward');
    await client.open(uri, FIXABLE);
    await client.change(uri, OTHER, 5);
    await client.change(uri, FIXABLE.replace('III. KINH PHÍ THỰC HIỆN', 'III. KINH PHÍ'), 3);
    const symbols = await answered(() => client.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }));
    expect(symbols!.map((symbol) => symbol.name)).toContain('III. KINH PHÍ');
  });
});

describe('a burst of edits at debounce 0', () => {
  it('is not checked once per edit, and a hover sent after it is answered', async () => {
    const uri = newUri('burst');
    await client.open(uri, FIXABLE);
    await client.diagnosticsFor(uri, 1);
    const before = client.publicationCount(uri);
    const edits = 200;
    let text = FIXABLE;
    for (let i = 0; i < edits; i++) {
      text = `${text}x`;
      void client.change(uri, text);
    }
    const hover = await answered(() => client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }));
    expect(hover === null || typeof hover === 'object').toBe(true);
    await client.diagnosticsFor(uri, edits + 1);
    // Checks run only when the input is idle: far fewer publications than edits.
    expect(client.publicationCount(uri) - before).toBeLessThan(edits / 4);
  });
});
