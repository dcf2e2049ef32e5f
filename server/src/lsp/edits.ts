// Edits the server hands to the client. Every WorkspaceEdit names the document version it was
// computed for, so the client refuses it once the document has moved on.
import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../engine/text.js';
import type { TextEdit } from '../engine/types.js';

export function versionedEdit(uri: string, version: number, edits: readonly TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri, version }, edits: edits.map((edit): LspTextEdit => ({ range: edit.range, newText: edit.newText })) }] };
}

/**
 * Whether edits can be applied together: no two touch the same text. Insertions at one point are
 * allowed only before a replacement starting there (LSP order rules), never two at once.
 */
export function editsAreDisjoint(index: LineIndex, edits: readonly TextEdit[]): boolean {
  const spans = edits
    .map((edit) => [index.offsetAt(edit.range.start), index.offsetAt(edit.range.end)] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let i = 1; i < spans.length; i++) {
    const [previousStart, previousEnd] = spans[i - 1]!;
    const [start, end] = spans[i]!;
    if (start < previousEnd) return false;
    if (start === previousStart && previousStart === previousEnd && start === end) return false;
  }
  return spans.every(([start, end]) => start <= end);
}

/**
 * One edit turning `before` into `after`: the differing middle between their common prefix and
 * suffix. Never splits a surrogate pair or a CRLF line break.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  while (prefix > 0 && splitsPair(before, prefix)) prefix--;
  while (suffix > 0 && splitsPair(before, before.length - suffix)) suffix--;
  const index = new LineIndex(before);
  return {
    range: { start: index.positionAt(prefix), end: index.positionAt(before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}

/** Whether offset `at` falls inside a surrogate pair or between \r and \n. */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) || (before === 13 && after === 10);
}

/** The line break the document uses first ("\r\n", "\n" or a lone "\r"), for inserted lines. */
export function lineBreakOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}
