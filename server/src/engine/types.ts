// Core types shared by the engine, its rules and every shell (CLI, language server, preview).
// Positions follow LSP conventions: 0-based line, character counted in UTF-16 code units.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Locale = 'vi' | 'en';

/** A user-facing text in both languages; Vietnamese is the default. */
export interface Localized {
  vi: string;
  en: string;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * How far a fix can be trusted. `safe`: applied by fix-all and `kehoach check --fix`. `review`:
 * offered only as a quick fix, because the right text depends on something a person must judge
 * (a citation's date against the cited plan's: which of the two documents is wrong?).
 */
export type FixSafety = 'safe' | 'review';

export interface Fix {
  title: Localized;
  edits: TextEdit[];
  safety: FixSafety;
}

export interface RelatedInformation {
  /** Absent when the related place is in the same document. */
  uri?: string;
  range: Range;
  message: Localized;
}

/** The area of a plan a rule checks; the "check before signing" report groups by it. */
export type RuleArea = 'sections' | 'header' | 'dates' | 'citations' | 'recipients' | 'signature' | 'text';

export interface RuleMeta {
  id: string;
  slug: string;
  area: RuleArea;
  defaultSeverity: Severity;
  title: Localized;
  description: Localized;
  /** The safety levels of the fixes the rule offers; empty when it offers none. Tested against its fixtures. */
  fixes: readonly FixSafety[];
}

export interface Diagnostic {
  ruleId: string;
  slug: string;
  severity: Severity;
  message: Localized;
  range: Range;
  fix?: Fix;
  related?: RelatedInformation[];
  /** The word no dictionary knows, on a spelling finding that the office's words could silence. */
  unknownWord?: string;
}
