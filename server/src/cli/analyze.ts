// Checking (and with --fix, fixing) one file. Runs in the main process or in a worker process;
// either way only the small FileResult leaves this module.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkText } from '../engine/check.js';
import type { ResolvedConfig } from '../engine/config.js';
import { looksLikePlan } from '../engine/detect.js';
import { fixAll, isAppliedByFixAll } from '../engine/fixes.js';
import type { WorkspaceView } from '../engine/rule.js';
import type { Diagnostic, Locale, Range } from '../engine/types.js';
import { displayPath } from './discover.js';
import { UsageError } from './errors.js';
import { messages } from './i18n.js';
import type { FileResult, FileTask, ReportedDiagnostic, SkipReason } from './results.js';
import { workspaceFor } from './workspace.js';
import { encodingLabel, readPlanBytes, writePlanText } from '../node/encoding.js';
import { writeFileSafely } from '../node/write.js';

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

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}

/** The text of a plan the user named (export, new); a file that holds none is a usage error naming why. */
export function planTextOf(bytes: Uint8Array, shownPath: string, locale: Locale): string {
  const read = readPlanBytes(bytes);
  if (read.kind === 'text') return read.text;
  throw new UsageError(messages.unchecked(shownPath, read.kind === 'binary' ? messages.whyBinary(locale) : read.guess[locale], true, locale));
}

/** Why a path is no regular file, or undefined for one; follows links (a loop is ELOOP). */
function notRegularFile(path: string, locale: Locale): string | undefined {
  const stats = statSync(path);
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return messages.whyNoMarkdown(locale);
  return messages.whySpecialFile(stats.isFIFO() ? 'fifo' : stats.isSocket() ? 'socket' : 'device', locale);
}

export function analyzeFile(task: FileTask, displayPath: string): FileResult {
  const { path, config, locale } = task;
  const skip = (reason: SkipReason, why: string): FileResult => ({
    isPlan: false,
    diagnostics: [],
    skipped: { reason, message: messages.unchecked(displayPath, why, task.refuseUnchecked, locale) },
  });
  let bytes: Buffer;
  try {
    // A FIFO or a device is never opened: reading one would wait for a writer that never comes.
    const special = notRegularFile(path, locale);
    if (special) return skip('special', special);
    const { size } = statSync(path);
    if (size > config.maxFileSize) return skip('too-large', messages.whyTooLarge(size, config.maxFileSize, locale));
    bytes = readFileSync(path);
  } catch (error) {
    if (errorText(error) === 'ELOOP') return skip('symlink-loop', messages.whySymlinkLoop(locale));
    return skip('unreadable', messages.whyUnreadable(errorText(error), locale));
  }
  const read = readPlanBytes(bytes);
  if (read.kind === 'binary') return skip('binary', messages.whyBinary(locale));
  if (read.kind === 'legacy') return skip('not-utf8', read.guess[locale]);
  if (!task.explicit && !looksLikePlan(read.text)) return { isPlan: false, diagnostics: [] };
  const workspace = task.index ? workspaceFor(task.index, path) : undefined;
  let checked: TextCheck;
  try {
    checked = analyzeText(read.text, config, locale, task.fix && read.lossless, workspace);
  } catch (error) {
    return { isPlan: true, diagnostics: [], skipped: { reason: 'failed', message: messages.skippedFailed(displayPath, errorText(error), locale) } };
  }
  const result: FileResult = { isPlan: true, diagnostics: checked.diagnostics };
  if (!task.fix) return result;
  if (!read.lossless) return { ...result, fixed: 0, fixNotWritten: messages.fixNotWrittenEncoding(displayPath, encodingLabel(read.encoding), locale) };
  if (checked.fixedText === undefined) return { ...result, fixed: 0 };
  // The file keeps its problems when the fixes cannot be written: report those of its actual text.
  const unfixed = (why: string): FileResult => ({
    isPlan: true,
    diagnostics: analyzeText(read.text, config, locale, false, workspace).diagnostics,
    fixed: 0,
    fixNotWritten: why,
  });
  try {
    // Never overwrite an edit someone made while we were checking.
    if (!readFileSync(path).equals(bytes)) return unfixed(messages.fixNotWrittenChanged(displayPath, locale));
    writeFileSafely(path, writePlanText(checked.fixedText, read.encoding));
  } catch (error) {
    return unfixed(messages.fixNotWrittenError(displayPath, errorText(error), locale));
  }
  return { ...result, fixed: checked.fixed };
}
