// Code actions: the rule's own fix for each diagnostic, a comment that disables the rule for one
// line (or one table), and "fix all" for editor.codeActionsOnSave (an edit) and the quick-fix menu
// (a command). Each edit names the version it was computed against.
import { type CodeAction, CodeActionKind, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { CheckResult } from '../engine/check.js';
import { isAppliedByFixAll } from '../engine/fixes.js';
import type { Diagnostic, Locale, Range, TextEdit } from '../engine/types.js';
import { editsAreDisjoint, lineBreakOf, versionedEdit } from './edits.js';
import { MESSAGES, pick } from './messages.js';
import { SERVER_COMMANDS, type VersionedDocument } from './protocol.js';

export const DIAGNOSTIC_SOURCE = 'kehoach';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kehoach`;

export interface ActionTarget {
  uri: string;
  version: number;
  check: CheckResult;
  locale: Locale;
}

/**
 * Quick fixes for the diagnostics the client sent, matched to the current check by rule and range:
 * only their fixes are computed (a fix may be computed on first read), not the whole plan's.
 */
export function quickFixes(target: ActionTarget, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const disableOffered = new Set<string>();
  const { index } = target.check.model;
  for (const sent of diagnostics) {
    if (sent.source !== DIAGNOSTIC_SOURCE || typeof sent.code !== 'string') continue;
    // A diagnostic of an older version finds no match here; the client asks again once it has the new ones.
    const found = target.check.diagnostics.find((item) => item.ruleId === sent.code && sameRange(item.range, sent.range));
    if (!found) continue;
    if (found.fix && found.fix.edits.length > 0 && editsAreDisjoint(index, found.fix.edits)) {
      actions.push({
        title: pick(target.locale, found.fix.title),
        kind: CodeActionKind.QuickFix,
        diagnostics: [sent],
        isPreferred: isAppliedByFixAll(found.fix),
        edit: versionedEdit(target.uri, target.version, found.fix.edits),
      });
    }
    const line = found.range.start.line;
    if (disableOffered.has(`${found.ruleId}:${line}`)) continue;
    disableOffered.add(`${found.ruleId}:${line}`);
    const disable = disableAction(target, found);
    actions.push({ ...disable, kind: CodeActionKind.QuickFix, diagnostics: [sent] });
  }
  return actions;
}

/** Fix-all for `source.fixAll` (editor.codeActionsOnSave): the edit itself, computed once per analysis. */
export function fixAllAction(target: ActionTarget, edit: TextEdit): CodeAction {
  return { title: pick(target.locale, MESSAGES.fixAll), kind: FIX_ALL_KIND, edit: versionedEdit(target.uri, target.version, [edit]) };
}

/**
 * Fix-all in the quick-fix menu: the server's fix-all command for this version, so the menu costs
 * only the fixes of its own lines and the whole plan is fixed only if the person chooses it.
 */
export function fixAllCommandAction(target: ActionTarget): CodeAction {
  const title = pick(target.locale, MESSAGES.fixAll);
  const document: VersionedDocument = { uri: target.uri, version: target.version };
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: SERVER_COMMANDS.fixAll, arguments: [document] } };
}

/** Whether a code action request (its `only` filter) asks for actions of `kind`. */
export function wantsKind(only: readonly string[] | undefined, kind: string, explicitOnly = false): boolean {
  if (!only) return !explicitOnly;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * "<!-- kehoach-disable-next-line KHnnn -->" above the diagnostic's line, written so that it keeps
 * the Markdown structure: inside the same blockquote and list item, added to an existing comment
 * for that line, and around the whole table for a line inside a table.
 */
function disableAction(target: ActionTarget, diagnostic: Diagnostic): Pick<CodeAction, 'title' | 'edit'> {
  const { model } = target.check;
  const id = diagnostic.ruleId;
  const line = diagnostic.range.start.line;
  const eol = lineBreakOf(model.source);
  const edit = (edits: TextEdit[]): CodeAction['edit'] => versionedEdit(target.uri, target.version, edits);
  const title = pick(target.locale, MESSAGES.disableForLine(id));

  const existing = model.suppressions.find((item) => item.kind === 'disable-next-line' && item.targetLine === line && item.ruleIds.length > 0);
  if (existing) {
    const closeAt = { line: existing.range.end.line, character: existing.range.end.character - 3 };
    const before = model.index.lineText(closeAt.line)[closeAt.character - 1] ?? ' ';
    return { title, edit: edit([{ range: { start: closeAt, end: closeAt }, newText: /\s/.test(before) ? `${id} ` : ` ${id}` }]) };
  }

  const table = tableAround(target.check, line);
  if (table) {
    const start = { line: table.first, character: 0 };
    const end = { line: table.last, character: model.index.lineText(table.last).length };
    return {
      title: pick(target.locale, MESSAGES.disableForTable(id)),
      edit: edit([
        { range: { start, end: start }, newText: `<!-- kehoach-disable ${id} -->${eol}` },
        { range: { start: end, end }, newText: `${eol}<!-- kehoach-enable ${id} -->` },
      ]),
    };
  }

  const text = model.index.lineText(line);
  let prefix = /^[ \t>]*/.exec(text)![0];
  const listMarker = /^(?:[-+*]|\d{1,9}[.)])[ \t]+/.exec(text.slice(prefix.length));
  // Between two items of a list the comment belongs to the item above, or it would split the list.
  if (listMarker && line > 0 && model.index.lineText(line - 1).trim() !== '') prefix += ' '.repeat(listMarker[0].length);
  const at = { line, character: 0 };
  return { title, edit: edit([{ range: { start: at, end: at }, newText: `${prefix}<!-- kehoach-disable-next-line ${id} -->${eol}` }]) };
}

/**
 * First and last source lines of the table holding `line`, when `line` is below the table's first
 * row (a comment line there would cut the table in two).
 */
function tableAround(check: CheckResult, line: number): { first: number; last: number } | undefined {
  const { model } = check;
  const cell = model.lines.find((item) => item.line === line && item.table);
  if (!cell?.table) return undefined;
  const rows = model.lines.filter((item) => item.table?.table === cell.table!.table).map((item) => item.line);
  let first = Math.min(...rows);
  let last = Math.max(...rows);
  // Rows without text (an empty header row, the delimiter row) have no text lines of their own.
  const isRow = (n: number): boolean => n >= 0 && n < model.index.lineCount && model.index.lineText(n).trim() !== '' && model.index.lineText(n).includes('|');
  while (isRow(first - 1)) first--;
  while (isRow(last + 1)) last++;
  return line > first ? { first, last } : undefined;
}
