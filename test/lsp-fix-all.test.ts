// Fix-all on a large plan through the built language server over stdio: a ~400 KB plan in
// decomposed Unicode, thousands of KH702 fixes. No timing is asserted (npm run bench measures it):
// a hover sent while fix-all is computed is answered, and the fix-all edit leaves no safe fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
// @ts-expect-error: the plan builder is plain JavaScript without types, shared with the benchmark.
import { longDecomposedPlan } from '../scripts/long-plan.mjs';
import { LspClient, at } from './lsp-harness';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'lsp', 'plan.md'), 'utf8');
const LARGE: string = longDecomposedPlan(PLAN, 400_000);

describe('fix-all on a 400 KB plan in the language server', () => {
  let client: LspClient;

  beforeAll(async () => {
    ({ client } = await LspClient.start());
  });

  afterAll(async () => {
    await client.stop();
  });

  const fixAllActions = (uri: string): Promise<CodeAction[]> =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kehoach'], triggerKind: 1 },
    });

  it('answers a hover sent during source.fixAll, and the edit leaves no safe fix', async () => {
    const uri = 'untitled:large-nfd.md';
    await client.open(uri, LARGE);
    expect((await client.diagnosticsFor(uri)).filter((d) => d.code === 'KH702').length).toBeGreaterThan(1000);

    const [actions, hover] = await Promise.all([
      fixAllActions(uri),
      client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(LARGE, '121/KH-UBND', 2) }),
    ]);
    expect((hover?.contents as MarkupContent | undefined)?.value).toContain('`121/KH-UBND`');
    expect(actions.map((action) => action.kind)).toEqual(['source.fixAll.kehoach']);

    expect(client.apply(actions[0]!.edit!)).toEqual({ applied: true });
    const after = await client.diagnosticsFor(uri, 2);
    expect(after.filter((d) => d.code === 'KH702')).toEqual([]);
    expect(client.text(uri)).toBe(LARGE.normalize('NFC'));
    expect(await fixAllActions(uri)).toEqual([]);
  });

  it('offers fix-all in the quick-fix menu as the fix-all command, its edit not computed', async () => {
    const uri = 'untitled:large-nfd-menu.md';
    await client.open(uri, LARGE);
    const decomposed = (await client.diagnosticsFor(uri)).filter((d: Diagnostic) => d.code === 'KH702');
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: decomposed[0]!.range,
      context: { diagnostics: [decomposed[0]], only: ['quickfix'], triggerKind: 1 },
    });
    const fixAll = actions.find((action) => action.title === 'Sửa mọi lỗi sửa tự động được (kehoach)');
    expect(fixAll).toMatchObject({ kind: 'quickfix', command: { command: 'kehoach.server.fixAll', arguments: [{ uri, version: 1 }] } });
    expect(fixAll!.edit).toBeUndefined();
    expect(await client.connection.sendRequest('workspace/executeCommand', fixAll!.command)).toEqual({ applied: true });
    expect(client.text(uri)).toBe(LARGE.normalize('NFC'));
  });
});
