// The language server as an editor sees it: the built out/server.js over stdio, a plan opened,
// diagnostics received, fixes requested and applied, navigation, completion, configuration.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  Position,
  Range,
  TextDocumentEdit,
} from 'vscode-languageserver-protocol';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';
import { SEEDS, hasSeeds, seedFiles } from './helpers/fixtures';
import { LspClient, at, fileUri, lineOf } from './lsp-harness';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'lsp', 'plan.md'), 'utf8');
const WITHOUT_NUMBER = PLAN.replace('Số: 125/KH-PGDĐT\n\n', '');
/** Two fixable problems: no leading zero in the issue date, a recipient without its ";". */
const FIXABLE = PLAN.replace('ngày 18 tháng 5 năm 2021', 'ngày 8 tháng 5 năm 2021').replace('trung học cơ sở;', 'trung học cơ sở');
/** The funding section taken out and the sections after it renumbered. */
const WITHOUT_FUNDING = PLAN.replace('III. KINH PHÍ THỰC HIỆN\n\nKinh phí do các trường tự cân đối.\n\n', '').replace('IV. TỔ CHỨC', 'III. TỔ CHỨC');

let documentCounter = 0;
const newUri = (name: string): string => `untitled:${name}-${++documentCounter}.md`;

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('kehoach language server over stdio', () => {
  let client: LspClient;
  let capabilities: Record<string, unknown>;

  beforeAll(async () => {
    const started = await LspClient.start({ settings: { debounceMs: 0 } });
    client = started.client;
    capabilities = started.initialize.capabilities as Record<string, unknown>;
    expect(started.initialize.serverInfo?.name).toBe('kehoach');
  });

  afterAll(async () => {
    await client.stop();
  });

  async function openPlan(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = newUri(name);
    await client.open(uri, text);
    return { uri, diagnostics: await client.diagnosticsFor(uri) };
  }

  async function codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only, triggerKind: 1 },
    });
  }

  function editOf(action: CodeAction): TextDocumentEdit {
    const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
    expect(changes).toHaveLength(1);
    return changes![0]!;
  }

  it('announces incremental sync, code actions with fix-all, commands, symbols, folding, hover and completion', () => {
    expect(capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(capabilities.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.kehoach', 'refactor.kehoach.draft'] });
    expect(capabilities.executeCommandProvider).toMatchObject({ commands: ['kehoach.server.fixAll', 'kehoach.server.insertSection'] });
    expect(capabilities).toMatchObject({ documentSymbolProvider: expect.anything(), foldingRangeProvider: true, hoverProvider: true, completionProvider: expect.anything() });
  });

  it('publishes a plan\'s diagnostics with rule code, documentation link and source', async () => {
    const { uri, diagnostics } = await openPlan('no-number', WITHOUT_NUMBER);
    expect(diagnostics).toEqual([
      {
        range: { start: { line: lineOf(WITHOUT_NUMBER, 'KẾ HOẠCH'), character: 0 }, end: { line: lineOf(WITHOUT_NUMBER, 'KẾ HOẠCH'), character: 8 } },
        severity: 1,
        code: 'KH201',
        codeDescription: { href: 'https://github.com/kehoach/kehoach/blob/main/docs/rules/KH201.md' },
        source: 'kehoach',
        message: 'Thiếu dòng số, ký hiệu (Số: .../KH-...)',
      },
    ]);
    const status = await client.waitFor(
      () => client.notifications.find((n) => n.method === 'kehoach/status' && (n.params as { uri: string }).uri === uri)?.params,
      'status notification',
    );
    expect(status).toEqual({ uri, version: 1, state: 'plan', errors: 1, warnings: 0, infos: 0 });
  });

  it('finds nothing to report in a complete plan', async () => {
    const { diagnostics } = await openPlan('complete', PLAN);
    expect(diagnostics).toEqual([]);
  });

  it('leaves Markdown that is not a plan alone', async () => {
    const { diagnostics } = await openPlan('readme', '# Ghi chú\n\nDanh sách việc cần làm trong tuần.\n');
    expect(diagnostics).toEqual([]);
    const uri = newUri('readme-hover');
    await client.open(uri, '# Ghi chú ngày 12/5/2021\n');
    expect(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 16 } })).toBeNull();
  });

  it('applies a rule\'s quick fix, and the diagnostic goes away', async () => {
    const { uri, diagnostics } = await openPlan('fixable', FIXABLE);
    const dateFormat = diagnostics.find((d) => d.code === 'KH204')!;
    expect(dateFormat).toBeDefined();
    const actions = await codeActions(uri, [dateFormat], ['quickfix']);
    const fix = actions.find((action) => action.isPreferred)!;
    expect(fix.kind).toBe('quickfix');
    expect(editOf(fix).textDocument).toEqual({ uri, version: 1 });
    expect(editOf(fix).edits).toEqual([{ range: { start: { line: 10, character: 13 }, end: { line: 10, character: 14 } }, newText: '08' }]);
    expect(client.apply(fix.edit!)).toEqual({ applied: true });
    const after = await client.diagnosticsFor(uri, 2);
    expect(after.map((d) => d.code)).not.toContain('KH204');
    expect(client.text(uri)).toContain('Quận 8, ngày 08 tháng 5 năm 2021');
  });

  it('disables a rule for one line with a comment above it, and the diagnostic goes away', async () => {
    const { uri, diagnostics } = await openPlan('disable', WITHOUT_NUMBER);
    const actions = await codeActions(uri, diagnostics, ['quickfix']);
    const disable = actions.find((action) => action.title === 'Tắt KH201 cho dòng này')!;
    expect(disable).toBeDefined();
    client.apply(disable.edit!);
    expect(await client.diagnosticsFor(uri, 2)).toEqual([]);
    expect(client.text(uri)).toContain('\n<!-- kehoach-disable-next-line KH201 -->\nKẾ HOẠCH\n');
  });

  it('puts the disable comment for a list item inside the list, which stays whole', async () => {
    const { uri, diagnostics } = await openPlan('disable-list', FIXABLE);
    const recipient = diagnostics.find((d) => d.code === 'KH502')!;
    const actions = await codeActions(uri, [recipient], ['quickfix']);
    const disable = actions.find((action) => action.title === 'Tắt KH502 cho dòng này')!;
    client.apply(disable.edit!);
    const after = await client.diagnosticsFor(uri, 2);
    expect(after.map((d) => d.code)).toEqual(diagnostics.map((d) => d.code).filter((code) => code !== 'KH502'));
    expect(client.text(uri)).toContain('- Ủy ban nhân dân Quận 8 (b/c);\n  <!-- kehoach-disable-next-line KH502 -->\n- Các trường');
  });

  it('fixes everything safe in one edit for source.fixAll.kehoach (editor.codeActionsOnSave)', async () => {
    const { uri, diagnostics } = await openPlan('fix-all', FIXABLE);
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['KH204', 'KH301', 'KH502']);
    const actions = await codeActions(uri, [], ['source.fixAll.kehoach']);
    expect(actions).toHaveLength(1);
    expect(actions[0]!.kind).toBe('source.fixAll.kehoach');
    expect(editOf(actions[0]!).edits).toHaveLength(1);
    client.apply(actions[0]!.edit!);
    const after = await client.diagnosticsFor(uri, 2);
    // KH301 is not fixable: the cited plan's date is for a person to check.
    expect(after.map((d) => d.code)).toEqual(['KH301']);
    expect(client.text(uri)).toBe(PLAN.replace('ngày 18 tháng 5', 'ngày 08 tháng 5'));
  });

  it('counts a lone CR as a line break, as LSP does: a CR-only plan reads as with LF, its fix-all keeps CR', async () => {
    const asCr = (text: string): string => text.replace(/\n/g, '\r');
    const shape = (d: Diagnostic): string => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
    const lf = await openPlan('line-feed', FIXABLE);
    const cr = await openPlan('carriage-return', asCr(FIXABLE));
    expect(cr.diagnostics.map(shape)).toEqual(lf.diagnostics.map(shape));
    const outline = (uri: string) => client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(await outline(cr.uri)).toEqual(await outline(lf.uri));
    const folds = (uri: string) => client.connection.sendRequest<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    expect(await folds(cr.uri)).toEqual(await folds(lf.uri));
    const [fixAll] = await codeActions(cr.uri, [], ['source.fixAll.kehoach']);
    client.apply(fixAll!.edit!);
    await client.diagnosticsFor(cr.uri, 2);
    expect(client.text(cr.uri)).toBe(asCr(PLAN.replace('ngày 18 tháng 5', 'ngày 08 tháng 5')));
  });

  it('offers no fix-all when it is not asked for and the lightbulb asks automatically', async () => {
    const { uri, diagnostics } = await openPlan('automatic', FIXABLE);
    const actions: CodeAction[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics, triggerKind: 2 },
    });
    expect(actions.some((action) => action.title.startsWith('Sửa mọi lỗi'))).toBe(false);
    expect(actions.filter((action) => action.isPreferred).length).toBe(2);
  });

  it('refuses a fix-all command for a version the document has left, and applies it at the current one', async () => {
    const { uri } = await openPlan('stale', FIXABLE);
    const oldActions = await codeActions(uri, [], ['source.fixAll.kehoach']);
    const version = await client.change(uri, `${FIXABLE}\n`);
    await client.diagnosticsFor(uri, version);
    // The code action's edit names version 1: a client refuses it now.
    expect(editOf(oldActions[0]!).textDocument.version).toBe(1);
    expect(client.apply(oldActions[0]!.edit!)).toEqual({ applied: false, failureReason: 'version mismatch' });

    const editsBefore = client.applyEditRequests.length;
    const stale = await client.connection.sendRequest('workspace/executeCommand', { command: 'kehoach.server.fixAll', arguments: [{ uri, version: 1 }] });
    expect(stale).toEqual({ applied: false, reason: 'stale' });
    expect(client.applyEditRequests.length).toBe(editsBefore);

    const applied = await client.connection.sendRequest('workspace/executeCommand', { command: 'kehoach.server.fixAll', arguments: [{ uri, version }] });
    expect(applied).toEqual({ applied: true });
    expect(client.applyEditRequests.length).toBe(editsBefore + 1);
    expect(client.text(uri)).toBe(`${PLAN.replace('ngày 18 tháng 5', 'ngày 08 tháng 5')}\n`);
  });

  it('outlines the header, the basis, the section tree, recipients and signature', async () => {
    const { uri } = await openPlan('outline', PLAN);
    const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    // The names of every part are pinned in process (plan-service.test.ts); here, that they arrive whole.
    expect(symbols).toHaveLength(8);
    expect(symbols[0]!.children!.map((s) => s.name)).toEqual([
      'ỦY BAN NHÂN DÂN QUẬN 8',
      'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 125/KH-PGDĐT',
      'Quận 8, ngày 18 tháng 5 năm 2021',
      'KẾ HOẠCH: Triển khai công tác bình đẳng giới trong trường học năm 2021',
    ]);
    expect(symbols[1]!.children!.map((s) => s.name)).toEqual(['Kế hoạch 121/KH-UBND']);
    expect(symbols[2]!.children!.map((s) => s.name)).toEqual(['1. Mục đích', '2. Yêu cầu']);
    expect(symbols[6]!.children!.map((s) => s.name)).toEqual(['Ủy ban nhân dân Quận 8', 'Các trường mầm non, tiểu học, trung học cơ sở', 'Lưu: VT']);
    // Breadcrumbs need every selection inside its range and every child inside its parent.
    const check = (symbol: DocumentSymbol): void => {
      expect(contains(symbol.range, symbol.selectionRange)).toBe(true);
      for (const child of symbol.children ?? []) {
        expect(contains(symbol.range, child.range)).toBe(true);
        check(child);
      }
    };
    symbols.forEach(check);
    expect(symbols[2]!.range).toEqual({ start: { line: 18, character: 0 }, end: { line: 26, character: 43 } });
  });

  it.skipIf(!hasSeeds)('outlines and folds the real seed plans with every range inside its parent', async () => {
    for (const file of seedFiles()) {
      const text = readFileSync(join(SEEDS, file), 'utf8');
      const { uri } = await openPlan(`seed-${file}`, text);
      const symbols: DocumentSymbol[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      expect(symbols.length, file).toBeGreaterThan(2);
      const check = (symbol: DocumentSymbol): void => {
        expect(symbol.name.trim(), file).not.toBe('');
        expect(contains(symbol.range, symbol.selectionRange), `${file}: ${symbol.name}`).toBe(true);
        for (const child of symbol.children ?? []) {
          expect(contains(symbol.range, child.range), `${file}: ${child.name} in ${symbol.name}`).toBe(true);
          check(child);
        }
      };
      symbols.forEach(check);
      const lineCount = text.split('\n').length;
      const ranges: FoldingRange[] = await client.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
      for (const range of ranges) expect(range.startLine < range.endLine && range.endLine < lineCount, `${file}: ${range.startLine}-${range.endLine}`).toBe(true);
    }
  });

  it('explains a citation on hover: type, number, date, issuer and its date against the plan\'s', async () => {
    const { uri } = await openPlan('hover', PLAN);
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(PLAN, '121/KH-UBND', 2) });
    expect((hover.contents as MarkupContent).value).toBe(
      [
        '**Văn bản được dẫn** · văn bản hành chính',
        '',
        '- Loại văn bản: Kế hoạch',
        '- Số, ký hiệu: `121/KH-UBND`',
        '- Ngày ban hành: 12/5/2021 (Thứ Tư)',
        '- Cơ quan ban hành: Ủy ban nhân dân Quận 8',
        '',
        'Ban hành 6 ngày trước kế hoạch này (18/5/2021).',
      ].join('\n'),
    );
    expect(hover.range!.start).toEqual({ line: 16, character: 10 });
  });

  it('completes section titles of the profile, missing ones first, numbered for the place', async () => {
    const text = WITHOUT_FUNDING.replace('Tổ chức tập huấn cho giáo viên chủ nhiệm.\n\n', 'Tổ chức tập huấn cho giáo viên chủ nhiệm.\n\n\n\n');
    const { uri } = await openPlan('complete-section', text);
    const line = lineOf(text, 'Tổ chức tập huấn') + 2;
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 0 },
      context: { triggerKind: 1 },
    });
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(sorted.map((item) => `${item.label} | ${item.detail}`)).toEqual([
      'III. KINH PHÍ THỰC HIỆN | Chưa có — nên có',
      'III. MỤC TIÊU | Chưa có — tùy chọn',
      'III. CHẾ ĐỘ BÁO CÁO | Chưa có — tùy chọn',
      'III. MỤC ĐÍCH, YÊU CẦU | Đã có (mục I)',
      'III. NHIỆM VỤ, GIẢI PHÁP | Đã có (mục II)',
      'III. TỔ CHỨC THỰC HIỆN | Đã có (mục III)',
    ]);
    const funding = sorted[0]!;
    expect(funding.textEdit).toEqual({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: 'III. KINH PHÍ THỰC HIỆN' });
    // The section below moves one number up.
    const below = lineOf(text, 'III. TỔ CHỨC');
    expect(funding.additionalTextEdits).toEqual([{ range: { start: { line: below, character: 0 }, end: { line: below, character: 3 } }, newText: 'IV' }]);
  });

  it('completes recipients used by the other open plans, leaving out those already listed', async () => {
    const other = PLAN.replace('- Ủy ban nhân dân Quận 8 (b/c);', '- Ủy ban nhân dân Quận 8 (b/c);\n- Sở Giáo dục và Đào tạo (b/c);');
    await openPlan('other', other);
    const text = PLAN.replace('- Ủy ban nhân dân Quận 8 (b/c);\n', '- Ủy ban nhân dân Quận 8 (b/c);\n- \n');
    const { uri } = await openPlan('complete-recipient', text);
    const line = lineOf(text, '- Ủy ban') + 1;
    const list: CompletionList = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 2 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    const labels = list.items.map((item: CompletionItem) => item.label);
    expect(labels).toContain('Sở Giáo dục và Đào tạo (b/c)');
    expect(labels).not.toContain('Ủy ban nhân dân Quận 8 (b/c)');
    const item = list.items.find((candidate) => candidate.label === 'Sở Giáo dục và Đào tạo (b/c)')!;
    expect(item.textEdit).toEqual({ range: { start: { line, character: 0 }, end: { line, character: 2 } }, newText: '- Sở Giáo dục và Đào tạo (b/c);' });
  });

  it('lists the missing sections and inserts one where the profile puts it, renumbering the rest', async () => {
    const { uri } = await openPlan('insert', WITHOUT_FUNDING);
    const missing = await client.connection.sendRequest('kehoach/missingSections', { uri });
    expect(missing).toEqual({
      version: 1,
      sections: [
        { key: 'funding', title: 'KINH PHÍ THỰC HIỆN', requirement: 'recommended' },
        { key: 'goals', title: 'MỤC TIÊU', requirement: 'optional' },
        { key: 'reporting', title: 'CHẾ ĐỘ BÁO CÁO', requirement: 'optional' },
      ],
    });
    const outcome = await client.connection.sendRequest('workspace/executeCommand', {
      command: 'kehoach.server.insertSection',
      arguments: [{ uri, version: 1, key: 'funding' }],
    });
    expect(outcome).toEqual({ applied: true });
    expect(client.text(uri)).toBe(WITHOUT_FUNDING.replace('III. TỔ CHỨC THỰC HIỆN', 'III. KINH PHÍ THỰC HIỆN\n\nIV. TỔ CHỨC THỰC HIỆN'));
    const stale = await client.connection.sendRequest('workspace/executeCommand', {
      command: 'kehoach.server.insertSection',
      arguments: [{ uri, version: 1, key: 'reporting' }],
    });
    expect(stale).toEqual({ applied: false, reason: 'stale' });
  });

  it('appends a section the profile places last, before the closing sentence', async () => {
    const { uri } = await openPlan('insert-last', PLAN);
    const outcome = await client.connection.sendRequest('workspace/executeCommand', {
      command: 'kehoach.server.insertSection',
      arguments: [{ uri, version: 1, key: 'reporting' }],
    });
    expect(outcome).toEqual({ applied: true });
    expect(client.text(uri)).toBe(PLAN.replace('Trên đây là', 'V. CHẾ ĐỘ BÁO CÁO\n\nTrên đây là'));
  });
});

describe('messages in the client\'s language and configuration changes', () => {
  let folder: string;
  let client: LspClient;
  let uri: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kehoach-lsp-'));
    writeFileSync(join(folder, 'ke-hoach.md'), WITHOUT_NUMBER);
    ({ client } = await LspClient.start({ locale: 'en', settings: { debounceMs: 0 }, workspaceFolder: folder }));
    uri = fileUri(join(folder, 'ke-hoach.md'));
    await client.open(uri, WITHOUT_NUMBER);
  });

  afterAll(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes messages in English when the editor runs in English', async () => {
    const diagnostics = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => d.message)).toEqual(['Missing the number and symbol line (Số: .../KH-...)']);
  });

  it('re-checks open plans when the settings change', async () => {
    const count = client.publicationCount(uri);
    client.settings = { debounceMs: 0, locale: 'vi', rules: { KH206: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.nextDiagnostics(uri, count)).map((d) => d.message)).toEqual(['Thiếu dòng số, ký hiệu (Số: .../KH-...)']);
    const again = client.publicationCount(uri);
    client.settings = { debounceMs: 0, locale: 'vi', rules: { KH201: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(await client.nextDiagnostics(uri, again)).toEqual([]);
    client.settings = { debounceMs: 0, locale: 'vi' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.published.get(uri)!.at(-1)!.diagnostics.length === 1, 'KH201 back');
  });

  it('re-checks open plans when .kehoach.json changes, and reports a broken one on the file itself', async () => {
    const config = join(folder, '.kehoach.json');
    const configUri = fileUri(config);
    const notify = (type: number): Promise<void> => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type }] });

    let count = client.publicationCount(uri);
    writeFileSync(config, '{\n  // the office numbers its plans elsewhere\n  "rules": { "KH201": "off" }\n}\n');
    await notify(1);
    expect(await client.nextDiagnostics(uri, count)).toEqual([]);

    count = client.publicationCount(uri);
    writeFileSync(config, '{\n  "rules": {\n    "KH201": "sometimes"\n  }\n}\n');
    await notify(2);
    const configDiagnostics = await client.waitFor(() => client.published.get(configUri)?.at(-1)?.diagnostics, 'config diagnostics');
    expect(configDiagnostics).toHaveLength(1);
    expect(configDiagnostics[0]!.range).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 24 } });
    expect(configDiagnostics[0]!.message).toMatch(/^Tệp cấu hình không dùng được \(khóa "rules\.KH201"\): .+\. Các kế hoạch đang được kiểm tra với cấu hình mặc định\.$/);
    // Meanwhile the plan is checked with the defaults.
    expect((await client.nextDiagnostics(uri, count)).map((d) => d.code)).toEqual(['KH201']);

    rmSync(config);
    await notify(3);
    await client.waitFor(() => client.published.get(configUri)!.at(-1)!.diagnostics.length === 0, 'config diagnostics cleared');
  });

  it('checks every Markdown file when kehoach.checkAllMarkdown is on', async () => {
    const notes = fileUri(join(folder, 'notes.md'));
    await client.open(notes, '# Ghi chú\n\nViệc cần làm trong tuần.\n');
    expect(await client.diagnosticsFor(notes, 1)).toEqual([]);
    const count = client.publicationCount(notes);
    client.settings = { debounceMs: 0, checkAllMarkdown: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await client.nextDiagnostics(notes, count)).map((d) => d.code)).toContain('KH207');
  });

  it('completes recipients from the plans on disk in the workspace folder', async () => {
    writeFileSync(join(folder, 'khac.md'), PLAN.replace('- Lưu: VT.', '- Phòng Nội vụ Quận 8;\n- Lưu: VT.'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'khac.md')), type: 1 }] });
    const text = WITHOUT_NUMBER.replace('- Lưu: VT.', '- \n- Lưu: VT.');
    await client.change(uri, text);
    const line = lineOf(text, '- Lưu') - 1;
    const complete = (): Promise<CompletionList | null> =>
      client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 }, context: { triggerKind: 1 } });
    // The index is built and updated in the background, and a request that meets a pending check
    // of an older version gets null: ask again until the answer takes the new file in.
    let result = await complete();
    while (!result || result.isIncomplete || result.items.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      result = await complete();
    }
    expect(result.items.map((item) => item.label)).toEqual(['Phòng Nội vụ Quận 8']);
  });
});

describe('requests while typing', () => {
  let client: LspClient;

  beforeAll(async () => {
    // A long quiet time, so the scheduled check cannot run while the test talks to the server.
    ({ client } = await LspClient.start({ settings: { debounceMs: 10_000 } }));
  });

  afterAll(async () => {
    await client.stop();
  });

  it('wait for the scheduled check instead of parsing, and are refused with ContentModified once the document moves on', async () => {
    const uri = newUri('typing');
    await client.open(uri, FIXABLE);
    const outdated = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const version = await client.change(uri, `${FIXABLE}\n`);
    await expect(outdated).rejects.toMatchObject({ code: LSPErrorCodes.ContentModified });
    const current = client.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    // An explicit command checks the current version at once; the waiting request shares that check.
    const fixed = await client.connection.sendRequest('workspace/executeCommand', { command: 'kehoach.server.fixAll', arguments: [{ uri, version }] });
    expect(fixed).toEqual({ applied: true });
    // Nothing was published: no version was checked for diagnostics before its quiet time ended.
    expect(client.publicationCount(uri)).toBe(0);
    // Its answer may lose the race with the fix-all edit the command made: then it was about a text the
    // client no longer has, is refused, and asked again, as a client does.
    const symbols = await current.catch(async (error: { code?: number }) => {
      expect(error.code).toBe(LSPErrorCodes.ContentModified);
      return client.connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    });
    expect(symbols!.map((symbol) => symbol.name)).toContain('IV. TỔ CHỨC THỰC HIỆN');
  });
});
