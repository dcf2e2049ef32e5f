// Drafting over LSP: the built server, with a folder whose .kehoach.json names the office, offers
// "Soạn kế hoạch thực hiện kế hoạch này" in a numbered plan's header, answers the draft request
// with a snippet whose first tab stop is the number to fill in, and in the draft offers drafting
// again on the citation, which resolves to the parent.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { buildModel } from '../server/src/engine/extract.js';
import { DRAFT_COMMAND, DRAFT_REQUEST, type DraftParams, type DraftResult } from '../server/src/lsp/protocol.js';
import { FIXTURES } from './helpers/fixtures.js';
import { LspClient, at, fileUri } from './lsp-harness.js';

const OFFICE = {
  office: {
    agency: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
    name: 'Phòng Giáo dục và Đào tạo huyện Tràng Định',
    parentAgency: 'ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH',
    symbol: 'PGDĐT',
    place: 'Tràng Định',
    signer: { title: 'TRƯỞNG PHÒNG', name: 'Hoàng Văn Minh' },
  },
};

describe('drafting an implementing plan over LSP', () => {
  let folder: string;
  let client: LspClient;
  const parentUri = (): string => fileUri(join(folder, 'parent.md'));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kehoach-draft-lsp-'));
    writeFileSync(join(folder, '.kehoach.json'), JSON.stringify(OFFICE));
    copyFileSync(join(FIXTURES, 'real', 'state-ubnd-tinh-lang-son-2020-dinh-duong.md'), join(folder, 'parent.md'));
    ({ client } = await LspClient.start({ workspaceFolder: folder, settings: { debounceMs: 0 } }));
  });

  afterAll(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  function refactorings(uri: string, line: number, character: number): Promise<CodeAction[]> {
    const position = { line, character };
    const diagnostics: Diagnostic[] = [];
    return client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics, only: ['refactor'] } });
  }

  it('offers the draft in the parent\'s header and writes it as a snippet that starts at the number', async () => {
    const text = readFileSync(join(folder, 'parent.md'), 'utf8');
    await client.open(parentUri(), text);
    const header = at(text, 'Số: 54/KH-UBND');
    const actions = await refactorings(parentUri(), header.line, header.character);
    expect(actions.map((action) => action.title)).toEqual(['Soạn kế hoạch thực hiện kế hoạch này']);
    const params = actions[0]!.command!.arguments![0] as DraftParams;
    // The command the extension contributes and registers (test/lsp-manifest.test.ts).
    expect(actions[0]!.command!.command).toBe(DRAFT_COMMAND);
    expect(JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).contributes.commands.map((command: { command: string }) => command.command)).toContain(DRAFT_COMMAND);
    expect(params).toEqual({ parent: parentUri(), office: parentUri() });

    const draft = (await client.connection.sendRequest(DRAFT_REQUEST, params)) as Exclude<DraftResult, { error: string }>;
    // The first tab stop is the number, left blank until registration.
    expect(draft.snippet).toMatch(/^\| ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH<br>\*\*PHÒNG GIÁO DỤC VÀ ĐÀO TẠO\*\* \| [^\n]*\n\| :---: \| :---: \|\n\| Số: \$\{1: {4}\}\/KH-PGDĐT \|/u);
    expect(draft.snippet.endsWith('$0')).toBe(true);
    const model = buildModel(draft.text);
    expect(model.citations.find((citation) => citation.inBasis)).toMatchObject({ symbol: '54/KH-UBND', date: { day: 27, month: 3, year: 2020 } });
    expect(model.signature?.name?.text).toBe('Hoàng Văn Minh');

    const childUri = fileUri(join(folder, 'child.md'));
    await client.open(childUri, draft.text);
    const basis = at(draft.text, '*Thực hiện Kế hoạch số 54/KH-UBND', 12);
    const onCitation = await refactorings(childUri, basis.line, basis.character);
    expect(onCitation.map((action) => [action.title, action.command!.arguments![0]])).toEqual([['Soạn kế hoạch thực hiện Kế hoạch số 54/KH-UBND', { parent: parentUri(), office: childUri }]]);
  });

  it('says why there is no draft when the office is not configured', async () => {
    const untitled = 'untitled:Untitled-1';
    const result = (await client.connection.sendRequest(DRAFT_REQUEST, { parent: parentUri(), office: untitled })) as DraftResult;
    expect(result).toEqual({ error: 'Chưa khai báo cơ quan soạn thảo: thêm khối "office" (agency, symbol, place, signer) vào .kehoach.json' });
  });
});
