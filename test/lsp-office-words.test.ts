// "Thêm vào từ của cơ quan" through the built language server over stdio: a KH703 word is appended
// to the "words" of the folder's .kehoach.json (comments kept), or a .kehoach.json is created beside
// the plan when the folder has none; once the word is there, the rule accepts it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../server/src/engine/check.js';
import { parseConfig } from '../server/src/engine/config.js';
import { FIXTURES } from './helpers/fixtures.js';
import { LspClient, fileUri } from './lsp-harness.js';

const PLAN = readFileSync(join(FIXTURES, 'rules', 'KH703', 'typing-faults.md'), 'utf8');
const CONFIG = '{\n  // từ riêng của phòng\n  "words": ["zalo"]\n}\n';

describe('adding a word to the office words', () => {
  let folder: string;
  let client: LspClient;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kehoach-words-lsp-'));
    writeFileSync(join(folder, '.kehoach.json'), CONFIG);
    ({ client } = await LspClient.start({ workspaceFolder: folder, settings: { debounceMs: 0 } }));
  });

  afterAll(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  async function quickFixes(uri: string, finding: (d: Diagnostic) => boolean): Promise<CodeAction[]> {
    await client.open(uri, PLAN);
    const diagnostic = (await client.diagnosticsFor(uri)).find((d: Diagnostic) => d.code === 'KH703' && finding(d))!;
    return client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'], triggerKind: 1 },
    });
  }

  async function wordActions(uri: string): Promise<CodeAction[]> {
    const actions = await quickFixes(uri, (d) => d.message.includes('"hoach"'));
    return actions.filter((action) => action.title === 'Thêm "hoach" vào từ của cơ quan');
  }

  it('offers no office word for a word typed twice: the word is known, the fault is the typing', async () => {
    const actions = await quickFixes(fileUri(join(folder, 'doubled.md')), (d) => d.message.includes('lặp hai lần'));
    expect(actions.map((action) => action.title).filter((title) => title.includes('vào từ của cơ quan'))).toEqual([]);
  });

  it('appends the word to the words of the existing .kehoach.json, keeping its comment', async () => {
    const [action] = await wordActions(fileUri(join(folder, 'plan.md')));
    const configUri = fileUri(join(folder, '.kehoach.json'));
    const edits = action!.edit!.changes![configUri]!;
    const written = TextDocument.applyEdits(TextDocument.create(configUri, 'json', 0, CONFIG), edits);
    expect(written).toBe('{\n  // từ riêng của phòng\n  "words": ["zalo","hoach"]\n}\n');
    const config = parseConfig(written, '.kehoach.json');
    expect(config.words).toEqual(['zalo', 'hoach']);
    expect(checkText(PLAN, { config }).diagnostics.filter((d) => d.ruleId === 'KH703' && d.message.vi.includes('"hoach"'))).toEqual([]);
  });

  it('creates a .kehoach.json beside a plan whose folders have none', async () => {
    const alone = mkdtempSync(join(tmpdir(), 'kehoach-words-none-'));
    try {
      const [action] = await wordActions(fileUri(join(alone, 'plan.md')));
      const configUri = fileUri(join(alone, '.kehoach.json'));
      const [create, write] = action!.edit!.documentChanges!;
      expect(create).toEqual({ kind: 'create', uri: configUri, options: { ignoreIfExists: true } });
      const { edits } = write as TextDocumentEdit;
      expect(JSON.parse(TextDocument.applyEdits(TextDocument.create(configUri, 'json', 0, ''), edits))).toEqual({ words: ['hoach'] });
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });
});
