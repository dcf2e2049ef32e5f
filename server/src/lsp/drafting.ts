// Drafting a plan implementing another from the editor: the code actions offering it (on a
// citation that resolves to a plan of the folder, and in the header of a numbered plan) and the
// draft itself, written by engine/operations/draft.ts for the office of the configuration.
import { type CodeAction, CodeActionKind } from 'vscode-languageserver';
import type { ResolvedConfig } from '../engine/config.js';
import { DraftError, draftForOffice, draftSnippet, draftText } from '../engine/operations/draft.js';
import { planSymbol } from '../engine/extract/number.js';
import type { Locale, Range } from '../engine/types.js';
import type { PlanAnalysis } from './analysis.js';
import { MESSAGES, pick } from './messages.js';
import { type NavigationContext, citationAt, citedPlans } from './navigation.js';
import { DRAFT_COMMAND, type DraftParams, type DraftResult } from './protocol.js';

/** Not a fix: shown with the refactorings, so it never takes the place of a quick fix. */
export const DRAFT_KIND = `${CodeActionKind.Refactor}.kehoach.draft`;

/** "Soạn kế hoạch thực hiện …" where `range` starts: on a resolved citation, and in a numbered plan's header. */
export function draftingActions(analysis: PlanAnalysis, range: Range, context: NavigationContext): CodeAction[] {
  const { model } = analysis.check;
  const actions: CodeAction[] = [];
  const citation = citationAt(model, range.start);
  const cited = citation ? citedPlans(model, citation, context) : [];
  // Two plans under one number is KH208's finding: drafting from either would guess.
  if (citation && cited.length === 1) {
    actions.push(draftAction(pick(analysis.locale, MESSAGES.drafting.fromCitation(citation.symbol)), { parent: cited[0]!.uri, office: analysis.uri }));
  }
  const symbol = planSymbol(model.header.number);
  const inHeader = model.lines.slice(0, model.header.endTextLine).some((line) => line.line === range.start.line);
  if (symbol && inHeader) actions.push(draftAction(pick(analysis.locale, MESSAGES.drafting.fromThisPlan), { parent: analysis.uri, office: analysis.uri }));
  return actions;
}

function draftAction(title: string, params: DraftParams): CodeAction {
  return { title, kind: DRAFT_KIND, command: { title, command: DRAFT_COMMAND, arguments: [params] } };
}

/** The draft implementing `parentText` for the office of `config`, dated today. */
export function draftFrom(parentText: string, config: ResolvedConfig, locale: Locale, today = new Date()): DraftResult {
  try {
    const pieces = draftForOffice(parentText, config, { day: today.getDate(), month: today.getMonth() + 1, year: today.getFullYear() });
    return { snippet: draftSnippet(pieces), text: draftText(pieces) };
  } catch (error) {
    if (error instanceof DraftError) return { error: error.reason[locale] };
    throw error;
  }
}
