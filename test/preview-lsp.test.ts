// The preview and export requests of the real language server (out/server.js over stdio): the
// sheet is rendered from the server's analysis of the current version, so it marks exactly the
// diagnostics the editor shows, follows edits, and honours the user's rule settings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_REQUEST, type ExportResult, PREVIEW_REQUEST, type PreviewResult } from '../server/src/preview/protocol.js';
import { LspClient } from './lsp-harness';

const PLAN = readFileSync(join(__dirname, 'fixtures', 'preview', 'state-plan.md'), 'utf8');
let counter = 0;
const newUri = (): string => `untitled:preview-${++counter}.md`;

function markedRules(html: string): string[] {
  return [...new Set([...html.matchAll(/data-rules="([^"]*)"/g)].flatMap((m) => m[1]!.split(' ')))].sort();
}

/** The names of the files in a zip archive (a .docx is one). */
function zipEntries(archive: Buffer): string[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let entry = archive.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = archive.readUInt16LE(end + 10); i > 0; i--) {
    const nameLength = archive.readUInt16LE(entry + 28);
    names.push(archive.toString('utf8', entry + 46, entry + 46 + nameLength));
    entry += 46 + nameLength + archive.readUInt16LE(entry + 30) + archive.readUInt16LE(entry + 32);
  }
  return names;
}

describe('kehoach/preview and kehoach/export over stdio', () => {
  let client: LspClient;

  beforeAll(async () => {
    client = (await LspClient.start({ settings: { debounceMs: 0 } })).client;
  });

  afterAll(async () => {
    await client.stop();
  });

  it('renders the current version and marks the diagnostics the editor received', async () => {
    const uri = newUri();
    await client.open(uri, PLAN);
    const diagnostics = await client.diagnosticsFor(uri);
    const preview = await client.connection.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, { uri });
    expect(preview).not.toBeNull();
    expect(preview!.version).toBe(1);
    expect(preview!.html).toContain('<td class="kh-header-left">');
    expect(preview!.html).toContain('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(markedRules(preview!.html)).toEqual([...new Set(diagnostics.map((d) => String(d.code)))].sort());
    expect(preview!.errors).toBe(diagnostics.filter((d) => d.severity === 1).length);
    expect(preview!.status).toMatch(/^\d+ lỗi, \d+ cảnh báo, \d+ thông tin$|^Không có vấn đề nào$/);
    expect(preview!.title).toBe('Kế hoạch 215/KH-PGDĐT — Tổ chức Ngày hội đọc sách năm 2024');
  });

  it('follows edits: a new version, its text and its problems', async () => {
    const uri = newUri();
    await client.open(uri, PLAN);
    await client.diagnosticsFor(uri);
    const version = await client.change(uri, PLAN.replace('Số: 215/KH-PGDĐT', '').replace('Nguyễn Văn An', 'Trần Thị Bích'));
    const diagnostics = await client.diagnosticsFor(uri, version);
    const preview = await client.connection.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri });
    expect(preview.version).toBe(version);
    expect(preview.html).toContain('Trần Thị Bích');
    expect(preview.html).not.toContain('Nguyễn Văn An');
    expect(preview.html).toContain('[Số: …/KH-…]');
    expect(markedRules(preview.html)).toEqual([...new Set(diagnostics.map((d) => String(d.code)))].sort());
    expect(markedRules(preview.html)).toContain('KH201');
  });

  it('leaves out the rules the user turned off', async () => {
    const quiet = (await LspClient.start({ settings: { debounceMs: 0, rules: { KH201: 'off' } } })).client;
    try {
      const uri = newUri();
      await quiet.open(uri, PLAN.replace('Số: 215/KH-PGDĐT', ''));
      await quiet.diagnosticsFor(uri);
      const preview = await quiet.connection.sendRequest<PreviewResult>(PREVIEW_REQUEST, { uri });
      expect(markedRules(preview.html)).not.toContain('KH201');
    } finally {
      await quiet.stop();
    }
  });

  it('answers null for a document that is not a plan or not open, and for bad parameters', async () => {
    const uri = newUri();
    await client.open(uri, '# Ghi chú\n\nKhông phải kế hoạch.\n');
    expect(await client.connection.sendRequest(PREVIEW_REQUEST, { uri })).toBeNull();
    expect(await client.connection.sendRequest(PREVIEW_REQUEST, { uri: 'untitled:never-opened.md' })).toBeNull();
    expect(await client.connection.sendRequest(PREVIEW_REQUEST, {})).toBeNull();
    expect(await client.connection.sendRequest(EXPORT_REQUEST, { uri, format: 'pdf' })).toBeNull();
  });

  it('exports the current text, unsaved edits included, as .docx and as HTML', async () => {
    const uri = newUri();
    await client.open(uri, PLAN);
    const version = await client.change(uri, PLAN.replace('Nguyễn Văn An', 'Phạm Văn Đức'));
    const docx = await client.connection.sendRequest<ExportResult>(EXPORT_REQUEST, { uri, format: 'docx' });
    expect(docx.version).toBe(version);
    const archive = Buffer.from(docx.base64, 'base64');
    expect(zipEntries(archive)).toContain('word/document.xml');
    const html = await client.connection.sendRequest<ExportResult>(EXPORT_REQUEST, { uri, format: 'html' });
    const page = Buffer.from(html.base64, 'base64').toString('utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('Phạm Văn Đức');
    expect(page).not.toContain('<script');
  });
});
