// "Thêm vào từ của cơ quan": a word the spelling rule (KH703) does not know is written into the
// "words" list of the .kehoach.json governing the document (created beside the document when there
// is none), so the whole office stops seeing it reported. jsonc-parser's modify keeps the file's
// comments and layout, which a JSON.parse/stringify round trip would lose.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, modify, parse } from 'jsonc-parser';
import { type CodeAction, CodeActionKind, type Diagnostic as LspDiagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../../engine/config.js';
import { findConfigFile } from '../../node/files.js';
import { DIAGNOSTIC_SOURCE } from '../codeActions.js';
import { pathOfUri } from '../configs.js';
import type { Locale, Range } from '../../engine/types.js';
import { pick } from '../messages.js';

const SPELLING_RULE = 'KH703';

/** The edit that appends `word` to the "words" of the config file at `file` (created when missing). */
export function addWordEdit(file: string, word: string): WorkspaceEdit {
  const uri = pathToFileURL(file).href;
  const exists = existsSync(file);
  const text = exists ? readFileSync(file, 'utf8') : '{}\n';
  const document = TextDocument.create(uri, 'json', 0, text);
  // A new "words" key is laid out like the rest of the file; appending to an existing list keeps the
  // list's own layout (jsonc-parser's formatter would re-indent its items).
  const hasWords = Array.isArray((parse(text) as { words?: unknown } | undefined)?.words);
  const formattingOptions = hasWords ? undefined : { insertSpaces: true, tabSize: 2, eol: '\n' };
  const changes = modify(text, ['words', -1], word, { formattingOptions });
  const start = { line: 0, character: 0 };
  if (!exists) {
    return {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: applyEdits(text, changes) }] },
      ],
    };
  }
  const edits = changes.map((edit) => ({
    range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) },
    newText: edit.content,
  }));
  return { changes: { [uri]: edits } };
}

/** Whether a diagnostic the client sent is a spelling finding of a word no dictionary knows (not a doubled word, a Telex leftover …). */
function isUnknownWord(sent: LspDiagnostic): boolean {
  return sent.source === DIAGNOSTIC_SOURCE && sent.code === SPELLING_RULE && typeof (sent.data as { unknownWord?: unknown } | undefined)?.unknownWord === 'string';
}

/** One action per KH703 diagnostic of an unknown word the client sent: the word added to the office's words. */
export async function officeWordActions(
  uri: string,
  diagnostics: readonly LspDiagnostic[],
  textAt: (range: Range) => Promise<{ text: string; locale: Locale } | undefined>,
): Promise<CodeAction[]> {
  const path = pathOfUri(uri);
  if (!path) return [];
  const actions: CodeAction[] = [];
  for (const sent of diagnostics) {
    if (!isUnknownWord(sent)) continue;
    const found = await textAt(sent.range);
    if (!found?.text) continue;
    const { text: word, locale } = found;
    const file = findConfigFile(dirname(path)) ?? join(dirname(path), CONFIG_FILE_NAME);
    const title = pick(locale, { vi: `Thêm "${word}" vào từ của cơ quan`, en: `Add "${word}" to the office's words` });
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [sent], edit: addWordEdit(file, word) });
  }
  return actions;
}
