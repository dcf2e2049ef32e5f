// What a rule is: its metadata next to its check. Each rule lives in its own file under rules/.
import type { PlanModel } from './model.js';
import type { Profile } from './profile.js';
import type { Fix, Localized, Range, RelatedInformation, RuleMeta, Severity } from './types.js';
import type { PlanIndex } from './workspace/plan-index.js';

/** The other plans of the folder, for cross-file rules; absent when a document is checked alone. */
export interface WorkspaceView {
  /** The checked document's own URI, so that it can be told apart from the other indexed plans. */
  uri: string;
  index: PlanIndex;
}

export interface RuleReport {
  range: Range;
  message: Localized;
  /**
   * The fix, or a function computing it when first asked for: a fix that costs a second parse
   * (KH101 checks its insertion reads back as the section) is then paid only by code actions and
   * fix-all, never on every keystroke.
   */
  fix?: Fix | (() => Fix | undefined);
  related?: RelatedInformation[];
  /**
   * Severity of this one report when it differs from the rule's default (KH101: each profile section
   * has its own); a severity the user configured for the rule still wins.
   */
  severity?: Severity;
  /** The word this finding says no dictionary knows (KH703): what "add to the office's words" adds. */
  unknownWord?: string;
}

export interface RuleContext {
  model: PlanModel;
  profile: Profile;
  /** Abbreviations every reader knows, plus the configured ones (upper case). */
  knownAbbreviations: ReadonlySet<string>;
  /** The office's own words (config "words"), as comparison keys: the spelling rule accepts them. */
  officeWords: ReadonlySet<string>;
  /** Cross-file rules do nothing without it. */
  workspace?: WorkspaceView;
  report(problem: RuleReport): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Where a rule's documentation lives, relative to the project root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export const DOCS_BASE_URL = 'https://github.com/kehoach/kehoach/blob/main/';

export function ruleDocsUrl(id: string): string {
  return DOCS_BASE_URL + ruleDocsPath(id);
}

/**
 * Where to report something the plan lacks as a whole: the "KẾ HOẠCH" title, else the first
 * line of text, else the start of the document.
 */
export function documentAnchor(model: PlanModel): Range {
  if (model.header.title) return model.header.title.range;
  const first = model.lines.find((line) => line.kind !== 'html' && line.text.length > 0);
  // The visible text only: not the markup or a comment after it on the same source line.
  if (first) return model.index.range(first.offsets[0]!, first.offsets[first.text.length - 1]! + 1);
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
