// An output format. Results arrive one file at a time, in path order, and are written at once,
// so memory stays flat however many files are checked.
import type { Locale } from '../../engine/types.js';
import type { FileReport, Summary } from '../results.js';

export interface ReporterOptions {
  write(text: string): void;
  /** Language of the format's own words (summary, severities). */
  locale: Locale;
  color: boolean;
  /** The working folder: paths in the output are relative to it. */
  cwd: string;
}

export interface Reporter {
  begin(): void;
  file(report: FileReport): void;
  end(summary: Summary): void;
}

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMATS)[number];
