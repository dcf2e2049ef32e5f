// Checking (and with --fix, fixing) one file. Runs in the main process or in a worker process;
// either way only the small FileResult leaves this module.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkText } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import { looksLikePlan } from '../engine/detect.js';
import { fixAll, isAppliedByFixAll } from '../engine/fixes.js';
import type { WorkspaceView } from '../engine/rule.js';
import type { Diagnostic, Locale, Range } from '../engine/types.js';
import { displayPath } from './discover.js';
import { messages } from './i18n.js';
import type { FileResult, FileTask, ReportedDiagnostic } from './results.js';
import { workspaceFor } from './workspace.js';
import { looksBinary } from '../node/files.js';

const BOM = '\uFEFF';

export interface DecodedText {
  text: string;
  hasBom: boolean;
  /** Encoding the text again gives back the same bytes, so writing it back loses nothing. */
  lossless: boolean;
}

/** Decodes UTF-8, keeping the byte order mark aside: editors do not count it in positions. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const hasBom = decoded.startsWith(BOM);
  const text = hasBom ? decoded.slice(1) : decoded;
  return { text, hasBom, lossless: !decoded.includes('\uFFFD') || Buffer.from(decoded, 'utf8').equals(bytes) };
}

export function encodeText(text: string, hasBom: boolean): Buffer {
  return Buffer.from(hasBom ? BOM + text : text, 'utf8');
}

/** A range rebuilt, so the output never carries extra fields a rule may have left on it. */
const plainRange = (range: Range): Range => ({
  start: { line: range.start.line, character: range.start.character },
  end: { line: range.end.line, character: range.end.character },
});

function report(diagnostic: Diagnostic, locale: Locale): ReportedDiagnostic {
  const reported: ReportedDiagnostic = {
    ruleId: diagnostic.ruleId,
    slug: diagnostic.slug,
    severity: diagnostic.severity,
    message: diagnostic.message[locale],
    range: plainRange(diagnostic.range),
    fixable: isAppliedByFixAll(diagnostic.fix),
  };
  if (diagnostic.related?.length) {
    reported.related = diagnostic.related.map((related) => ({
      ...(related.uri ? { path: displayPath(fileURLToPath(related.uri), process.cwd()) } : {}),
      range: plainRange(related.range),
      message: related.message[locale],
    }));
  }
  return reported;
}

export interface TextCheck {
  diagnostics: ReportedDiagnostic[];
  /** The text after every safe fix, when fixing was asked and something changed. */
  fixedText?: string;
  fixed: number;
}

/**
 * Checks a text as a plan; with `fix`, applies the safe fixes first and reports what is left.
 * `workspace` (the other plans of the run) enables the cross-file rules.
 */
export function analyzeText(text: string, config: ResolvedConfig, locale: Locale, fix: boolean, workspace?: WorkspaceView): TextCheck {
  let lastText: string | undefined;
  let lastDiagnostics: Diagnostic[] = [];
  const check = (source: string) => {
    lastText = source;
    lastDiagnostics = checkText(source, { config, workspace }).diagnostics;
    return lastDiagnostics;
  };
  if (!fix) return { diagnostics: check(text).map((d) => report(d, locale)), fixed: 0 };
  const result = fixAll(text, check);
  // fixAll's last check usually ran on the final text already; check again only when it did not.
  const remaining = lastText === result.text ? lastDiagnostics : check(result.text);
  return {
    diagnostics: remaining.map((d) => report(d, locale)),
    fixedText: result.text === text ? undefined : result.text,
    fixed: result.text === text ? 0 : result.applied,
  };
}

/**
 * Replaces a file's content atomically: a temporary file in the same folder (same file system),
 * flushed, then renamed over the original, so a reader never sees half a plan. Follows symbolic
 * links so the link itself stays in place.
 */
export function writeFileAtomic(path: string, content: Uint8Array): void {
  const target = realpathSync(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.kehoach-tmp`);
  const { mode } = statSync(target);
  try {
    const fd = openSync(temp, 'wx', mode);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

export function analyzeFile(task: FileTask, displayPath: string): FileResult {
  const { path, config, locale } = task;
  let bytes: Buffer;
  try {
    const { size } = statSync(path);
    if (size > config.maxFileSize) {
      return skip('too-large', messages.skippedTooLarge(displayPath, size, config.maxFileSize, locale));
    }
    bytes = readFileSync(path);
  } catch (error) {
    return skip('unreadable', messages.skippedUnreadable(displayPath, errorText(error), locale));
  }
  if (looksBinary(bytes)) return skip('binary', messages.skippedBinary(displayPath, locale));
  const decoded = decodeText(bytes);
  if (!task.explicit && !looksLikePlan(decoded.text)) return { isPlan: false, diagnostics: [] };
  const workspace = task.index ? workspaceFor(task.index, path) : undefined;
  let checked: TextCheck;
  try {
    checked = analyzeText(decoded.text, config, locale, task.fix && decoded.lossless, workspace);
  } catch (error) {
    return { ...skip('failed', messages.skippedFailed(displayPath, errorText(error), locale)), isPlan: true };
  }
  const result: FileResult = { isPlan: true, diagnostics: checked.diagnostics };
  if (!task.fix) return result;
  if (!decoded.lossless) return { ...result, fixed: 0, fixNotWritten: messages.fixNotWrittenEncoding(displayPath, locale) };
  if (checked.fixedText === undefined) return { ...result, fixed: 0 };
  // The file keeps its problems when the fixes cannot be written: report those of its actual text.
  const unfixed = (why: string): FileResult => ({
    isPlan: true,
    diagnostics: analyzeText(decoded.text, config, locale, false, workspace).diagnostics,
    fixed: 0,
    fixNotWritten: why,
  });
  try {
    // Never overwrite an edit someone made while we were checking.
    if (!readFileSync(path).equals(bytes)) return unfixed(messages.fixNotWrittenChanged(displayPath, locale));
    writeFileAtomic(path, encodeText(checked.fixedText, decoded.hasBom));
  } catch (error) {
    return unfixed(messages.fixNotWrittenError(displayPath, errorText(error), locale));
  }
  return { ...result, fixed: checked.fixed };
}

function skip(reason: NonNullable<FileResult['skipped']>['reason'], message: string): FileResult {
  return { isPlan: false, diagnostics: [], skipped: { reason, message } };
}
