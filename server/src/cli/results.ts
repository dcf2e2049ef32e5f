// What checking one file yields. Small and plain (no model, no tree), so a worker process can send
// it back cheaply and the main process can stream it to the output without keeping it.
import type { ResolvedConfig } from '../engine/config.js';
import type { Locale, Range, Severity } from '../engine/types.js';

export interface FileTask {
  /** Absolute path. */
  path: string;
  /** Named on the command line: checked even when it does not look like a plan. */
  explicit: boolean;
  config: ResolvedConfig;
  locale: Locale;
  fix: boolean;
  /** Named on the command line without --skip-unreadable: not being able to check it is an error. */
  refuseUnchecked: boolean;
  /** The run's plan index for the cross-file rules (cli/workspace.ts); absent when checked alone. */
  index?: string;
}

export interface ReportedDiagnostic {
  ruleId: string;
  slug: string;
  severity: Severity;
  message: string;
  range: Range;
  /** A safe fix exists (applied by --fix). */
  fixable: boolean;
  /** Other places the problem concerns (the cited plan, the plan with the same number). */
  related?: ReportedRelated[];
}

export interface ReportedRelated {
  /** The other file, as shown to the user; absent when the place is in the same file. */
  path?: string;
  range: Range;
  message: string;
}

export type SkipReason = 'binary' | 'not-utf8' | 'too-large' | 'unreadable' | 'symlink-loop' | 'special' | 'no-markdown' | 'failed';

export interface FileResult {
  /** Checked as a plan: named on the command line, or looks like one. */
  isPlan: boolean;
  diagnostics: ReportedDiagnostic[];
  /** Why the file was not checked; the message is in the task's locale. */
  skipped?: { reason: SkipReason; message: string };
  /** Number of fixes written to the file (with --fix). */
  fixed?: number;
  /** Why fixes were found but not written (with --fix). */
  fixNotWritten?: string;
}

/** A result ready for output: the path as shown to the user. */
export interface FileReport extends FileResult {
  path: string;
}

export interface Summary {
  files: number;
  plans: number;
  errors: number;
  warnings: number;
  infos: number;
  skipped: number;
  /** Fixes written and files changed, with --fix. */
  fixed?: number;
  fixedFiles?: number;
}
