// The language server with a workspace folder of plans (a copy of test/fixtures/workspace/office),
// driven over stdio like an editor: indexing with progress and a disk cache, cross-file
// diagnostics, definition, references, code lens, workspace symbols, hover, the signing report,
// and diagnostics that follow when a cited plan is edited, deleted or renamed.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeLens, Diagnostic, Hover, Location, MarkupContent, Position, SymbolInformation } from 'vscode-languageserver-protocol';
import type { SigningReportResult } from '../server/src/lsp/workspace-protocol';
import { CAPABILITIES, LspClient, SERVER, type StartOptions, at, buildServer, fileUri } from './lsp-harness';
import { FIXTURES } from './helpers/fixtures';
import { plan } from './helpers/workspace';

const FILE_CREATED = 1;
const FILE_DELETED = 3;

interface Progress {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; percentage?: number; message?: string };
}

/** A client that accepts progress tokens and code lens refreshes, as VS Code does. */
async function startInFolder(folder: string, cacheDir: string, locale = 'vi'): Promise<{ client: LspClient; progress: Progress[]; refreshes: () => number }> {
  buildServer();
  const child: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const options: StartOptions = { settings: { debounceMs: 0 }, workspaceFolder: folder };
  const client = new LspClient(child, options);
  const progress: Progress[] = [];
  let refreshes = 0;
  client.connection.onRequest('window/workDoneProgress/create', () => null);
  client.connection.onRequest('workspace/codeLens/refresh', () => {
    refreshes++;
    return null;
  });
  client.connection.onNotification('$/progress', (params: Progress) => {
    progress.push(params);
    client.notifications.push({ method: '$/progress', params });
  });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: fileUri(folder),
    workspaceFolders: [{ uri: fileUri(folder), name: 'office' }],
    capabilities: { ...CAPABILITIES, window: { workDoneProgress: true }, workspace: { ...CAPABILITIES.workspace, codeLens: { refreshSupport: true } } },
    locale,
    initializationOptions: { indexCacheDir: cacheDir },
  });
  await client.connection.sendNotification('initialized', {});
  await client.waitFor(() => progress.some((item) => item.value.kind === 'end'), 'the end of indexing');
  return { client, progress, refreshes: () => refreshes };
}

const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.map((diagnostic) => String(diagnostic.code));

describe('language server with a workspace folder', () => {
  let root: string;
  let folder: string;
  let cacheDir: string;
  let client: LspClient;
  let progress: Progress[];
  let refreshes: () => number;
  const path = (name: string): string => join(folder, name);
  const uri = (name: string): string => fileUri(path(name));
  const text = (name: string): string => readFileSync(path(name), 'utf8');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kehoach-lsp-ws-'));
    folder = join(root, 'office');
    cacheDir = join(root, 'storage');
    cpSync(join(FIXTURES, 'workspace', 'office'), folder, { recursive: true });
    // Enough plans for the index cache (small folders get none), numbered apart from the office's.
    mkdirSync(join(folder, 'luu-tru'));
    for (let number = 1001; number <= 1200; number++) writeFileSync(join(folder, 'luu-tru', `${number}-KH-PGDDT.md`), plan(number));
    // Made here: git does not keep node_modules folders. A plan in it that cites 121 must not count.
    mkdirSync(join(folder, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'pkg', '300-KH-CDN.md'), readFileSync(join(folder, '85-KH-CDN.md'), 'utf8').replace('85/KH-CĐN', '300/KH-CĐN'));
    ({ client, progress, refreshes } = await startInFolder(folder, cacheDir));
  });

  afterAll(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /** Opens the file unless it is open already; its diagnostics for the version open. */
  async function openFile(name: string): Promise<Diagnostic[]> {
    if (!client.documents.has(uri(name))) await client.open(uri(name), text(name));
    return client.diagnosticsFor(uri(name));
  }

  it('indexes the folder with progress in the client language, leaving out node_modules and the ignored globs', async () => {
    expect(progress[0]!.value).toMatchObject({ kind: 'begin', title: 'Kế hoạch: lập chỉ mục thư mục' });
    expect(progress.at(-1)!.value.kind).toBe('end');
    expect(new Set(progress.map((item) => item.token)).size).toBe(1);
    expect(client.logs.some((line) => /^Indexed 204 plans \(205 Markdown files, 0 from the cache\)/.test(line))).toBe(true);
    expect(readdirSync(cacheDir).filter((name) => /^index-[0-9a-f]+\.json$/.test(name))).toHaveLength(1);
  });

  it('reports a citation that disagrees with the cited plan, with the plan as related information', async () => {
    const diagnostics = await openFile('84-KH-CDN.md');
    const kh405 = diagnostics.find((diagnostic) => diagnostic.code === 'KH405');
    expect(kh405?.message).toBe('Kế hoạch số 121/KH-LĐLĐ được ghi ngày 20/5/2021, nhưng kế hoạch đó ban hành ngày 12/5/2021 (121-KH-LDLD.md)');
    expect(kh405?.relatedInformation?.[0]?.location).toEqual({ uri: uri('121-KH-LDLD.md'), range: { start: at(text('121-KH-LDLD.md'), '121/KH'), end: at(text('121-KH-LDLD.md'), '121/KH', 11) } });
  });

  it('goes from a citation to the cited plan, at its number', async () => {
    const source = text('85-KH-CDN.md');
    await openFile('85-KH-CDN.md');
    const locations: Location[] = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('85-KH-CDN.md') }, position: at(source, '121/KH-LĐLĐ', 3) });
    expect(locations).toEqual([{ uri: uri('121-KH-LDLD.md'), range: { start: at(text('121-KH-LDLD.md'), '121/KH'), end: at(text('121-KH-LDLD.md'), '121/KH', 11) } }]);
    const nothing = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('85-KH-CDN.md') }, position: at(source, 'MỤC ĐÍCH') });
    expect(nothing).toBeNull();
  });

  it('lists the plans citing a plan from its Số line, and from a citation of it', async () => {
    const source = text('121-KH-LDLD.md');
    await openFile('121-KH-LDLD.md');
    const fromNumber: Location[] = await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('121-KH-LDLD.md') },
      position: at(source, 'Số:'),
      context: { includeDeclaration: false },
    });
    expect(fromNumber.map((location) => location.uri).sort()).toEqual([uri('84-KH-CDN.md'), uri('85-KH-CDN.md')]);
    expect(fromNumber.find((location) => location.uri === uri('85-KH-CDN.md'))!.range.start).toEqual(at(text('85-KH-CDN.md'), 'Kế hoạch số 121'));
    const fromCitation: Location[] = await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('85-KH-CDN.md') },
      position: at(text('85-KH-CDN.md'), '121/KH-LĐLĐ', 2),
      context: { includeDeclaration: true },
    });
    expect(fromCitation.map((location) => location.uri).sort()).toEqual([uri('121-KH-LDLD.md'), uri('84-KH-CDN.md'), uri('85-KH-CDN.md')]);
  });

  it('says above the number how many plans cite it, and shows them on click', async () => {
    await openFile('121-KH-LDLD.md');
    const lenses: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('121-KH-LDLD.md') } });
    expect(lenses).toHaveLength(1);
    expect(lenses[0]!.range.start).toEqual(at(text('121-KH-LDLD.md'), '121/KH'));
    expect(lenses[0]!.command?.title).toBe('Được 2 kế hoạch trích dẫn');
    expect(lenses[0]!.command?.command).toBe('kehoach.showReferences');
    const [lensUri, position, locations] = lenses[0]!.command!.arguments as [string, Position, Location[]];
    expect(lensUri).toBe(uri('121-KH-LDLD.md'));
    expect(position).toEqual(lenses[0]!.range.start);
    expect(locations.map((location) => location.uri).sort()).toEqual([uri('84-KH-CDN.md'), uri('85-KH-CDN.md')]);
    const uncited: CodeLens[] = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('85-KH-CDN.md') } });
    expect(uncited.map((lens) => [lens.command?.title, lens.command?.command])).toEqual([['Chưa có kế hoạch nào trích dẫn', '']]);
  });

  it('finds plans by number and by words of their title', async () => {
    const byNumber: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: '121/KH' });
    expect(byNumber.map((symbol) => symbol.name)).toEqual(['121/KH-LĐLĐ — Thực hiện Chương trình hành động quốc gia vì trẻ em giai đoạn 2021-2030']);
    expect(byNumber[0]!.location.uri).toBe(uri('121-KH-LDLD.md'));
    const byWords: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'thiếu nhi' });
    expect(byWords.map((symbol) => symbol.location.uri)).toEqual([uri('90-KH-CDN.md')]);
    const unaccented: SymbolInformation[] = await client.connection.sendRequest('workspace/symbol', { query: 'ngay hoi thieu nhi' });
    expect(unaccented.map((symbol) => symbol.location.uri)).toEqual([uri('90-KH-CDN.md')]);
  });

  it('adds the cited plan of the folder to the hover of a citation', async () => {
    await openFile('85-KH-CDN.md');
    const hover: Hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri('85-KH-CDN.md') }, position: at(text('85-KH-CDN.md'), '121/KH', 2) });
    const value = (hover.contents as MarkupContent).value;
    expect(value).toContain('**Kế hoạch trong thư mục** · `121-KH-LDLD.md`');
    expect(value).toContain('- Trích yếu: Thực hiện Chương trình hành động quốc gia vì trẻ em giai đoạn 2021-2030');
    expect(value).toContain('- Ngày ban hành: 12/5/2021');
    expect(value).toContain('- Cơ quan ban hành: LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH');
  });

  it('reports before signing: the plan, what it cites and what cites it, by area', async () => {
    await openFile('84-KH-CDN.md');
    const result: SigningReportResult = await client.connection.sendRequest('kehoach/signingReport', { uri: uri('84-KH-CDN.md') });
    expect(result.locale).toBe('vi');
    expect(result.indexReady).toBe(true);
    const { report } = result;
    expect(report.uri).toBe(uri('84-KH-CDN.md'));
    expect(report.plans.map((plan) => [plan.role, plan.uri, plan.symbol])).toEqual([
      ['self', uri('84-KH-CDN.md'), '84/KH-CĐN'],
      ['cited', uri('121-KH-LDLD.md'), '121/KH-LĐLĐ'],
      ['citing', uri('90-KH-CDN.md'), '90/KH-CĐN'],
    ]);
    expect(report.areas.map((area) => area.area)).toEqual(['sections', 'header', 'dates', 'citations', 'recipients', 'signature', 'text']);
    const citations = report.areas.find((area) => area.area === 'citations')!;
    expect(citations.passed).toBe(false);
    expect(citations.problems.map((problem) => [problem.ruleId, problem.uri])).toEqual([['KH405', uri('84-KH-CDN.md')]]);
    expect(report.areas.find((area) => area.area === 'dates')!.problems.map((problem) => problem.ruleId)).toEqual(['KH301']);
    expect(report.areas.find((area) => area.area === 'sections')!.passed).toBe(true);
    expect(report.passed).toBe(false);
    const notPlan = await client.connection.sendRequest('kehoach/signingReport', { uri: 'untitled:nothing.md' });
    expect(notPlan).toBeNull();
  });

  it('follows unsaved edits of an open cited plan: the citing plans are checked again', async () => {
    await openFile('84-KH-CDN.md');
    await openFile('121-KH-LDLD.md');
    const count = client.publicationCount(uri('84-KH-CDN.md'));
    // The cited plan now says 20/5, as the citation does.
    await client.change(uri('121-KH-LDLD.md'), text('121-KH-LDLD.md').replace('ngày 12 tháng 5 năm 2021', 'ngày 20 tháng 5 năm 2021'));
    const after = await client.nextDiagnostics(uri('84-KH-CDN.md'), count);
    expect(codes(after)).not.toContain('KH405');
    // Back as on disk.
    const again = client.publicationCount(uri('84-KH-CDN.md'));
    await client.change(uri('121-KH-LDLD.md'), text('121-KH-LDLD.md'));
    expect(codes(await client.nextDiagnostics(uri('84-KH-CDN.md'), again))).toContain('KH405');
    expect(refreshes()).toBeGreaterThan(0);
  });

  it('updates the citing plans when the cited plan is deleted, then renamed back into the folder', async () => {
    await openFile('84-KH-CDN.md');
    const cited = path('121-KH-LDLD.md');
    const saved = readFileSync(cited, 'utf8');
    // Closed, so the file on disk is what counts.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('121-KH-LDLD.md') } });
    client.documents.delete(uri('121-KH-LDLD.md'));
    let count = client.publicationCount(uri('84-KH-CDN.md'));
    rmSync(cited);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(cited), type: FILE_DELETED }] });
    expect(codes(await client.nextDiagnostics(uri('84-KH-CDN.md'), count))).not.toContain('KH405');

    // A rename arrives as a deletion and a creation.
    count = client.publicationCount(uri('84-KH-CDN.md'));
    const renamed = path('121-KH-LDLD-ban-chinh.md');
    writeFileSync(renamed, saved);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(renamed), type: FILE_CREATED }] });
    const back = await client.nextDiagnostics(uri('84-KH-CDN.md'), count);
    const kh405 = back.find((diagnostic) => diagnostic.code === 'KH405');
    expect(kh405?.message).toContain('(121-KH-LDLD-ban-chinh.md)');
    expect(kh405?.relatedInformation?.[0]?.location.uri).toBe(fileUri(renamed));

    // workspace/didRenameFiles, as VS Code sends after a rename in its explorer.
    count = client.publicationCount(uri('84-KH-CDN.md'));
    renameSync(renamed, cited);
    await client.connection.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: fileUri(renamed), newUri: fileUri(cited) }] });
    const moved = await client.nextDiagnostics(uri('84-KH-CDN.md'), count);
    expect(moved.find((diagnostic) => diagnostic.code === 'KH405')?.relatedInformation?.[0]?.location.uri).toBe(fileUri(cited));
  });

  it('keeps a plan created in an ignored folder out of the index, as the scan does', async () => {
    await openFile('121-KH-LDLD.md');
    const draft = path('nhap/201-KH-CDN.md');
    writeFileSync(draft, text('85-KH-CDN.md').replace('85/KH-CĐN', '201/KH-CĐN'));
    const inFolder = path('86-KH-CDN.md');
    writeFileSync(inFolder, text('85-KH-CDN.md').replace('85/KH-CĐN', '86/KH-CĐN'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: fileUri(draft), type: FILE_CREATED },
        { uri: fileUri(inFolder), type: FILE_CREATED },
      ],
    });
    const citing = (): Promise<Location[]> =>
      client.connection.sendRequest('textDocument/references', { textDocument: { uri: uri('121-KH-LDLD.md') }, position: at(text('121-KH-LDLD.md'), 'Số:'), context: { includeDeclaration: false } });
    // File events apply in order: once the plan in the folder is there, the draft was seen before it.
    let locations = await citing();
    for (let tries = 0; !locations.some((location) => location.uri === fileUri(inFolder)) && tries < 500; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      locations = await citing();
    }
    expect(locations.map((location) => location.uri).sort()).toEqual([uri('84-KH-CDN.md'), uri('85-KH-CDN.md'), fileUri(inFolder)].sort());
    rmSync(inFolder);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(inFolder), type: FILE_DELETED }] });
  });

  it('starts warm from the cache, with progress in English for an English client', async () => {
    const second = await startInFolder(folder, cacheDir, 'en');
    try {
      expect(second.progress[0]!.value).toMatchObject({ kind: 'begin', title: 'Kehoach: indexing the folder' });
      expect(second.client.logs.find((line) => line.startsWith('Indexed'))).toMatch(/^Indexed 204 plans \(205 Markdown files, 204 from the cache\)/);
    } finally {
      await second.client.stop();
    }
  });
});
