// The language server's core without a connection: it keeps one analysis per open document
// version and answers hover, completion, code actions, symbols, navigation and the section
// commands as plain functions of a document URI (and a position). The workspace and settings are
// injected, so the service reads no file itself and runs in process in tests (the connection
// layer, server.ts and features/, only translates LSP messages to these calls).
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionContext,
  CodeActionTriggerKind,
  type CodeLens,
  type CompletionList,
  type CompletionTriggerKind,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Location,
  type Position,
  type SymbolInformation,
  type WorkspaceEdit,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver';
import { insertSection, missingSections } from '../engine/operations/sections.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { Locale, Localized, Range, TextEdit } from '../engine/types.js';
import { relatedPlans, signingReport } from '../engine/workspace/signing.js';
import { type Analysis, Analyzer, analyses, type PlanAnalysis, type PlanWorkspace, type SettingsProvider } from './analysis.js';
import { FIX_ALL_KIND, fixAllAction, fixAllCommandAction, quickFixes, wantsKind } from './codeActions.js';
import { completionsAt, requirementLevel } from './completion.js';
import { versionedEdit } from './edits.js';
import { hoverAt } from './hover.js';
import { MESSAGES, pick } from './messages.js';
import { type NavigationContext, citedPlanHover, citedPlans, codeLenses, definition, referencedSymbol, references, workspaceSymbols } from './navigation.js';
import { draftFrom, draftingActions } from './drafting.js';
import { chooseLocale } from './settings.js';
import { documentSymbols, foldingRanges } from './outline.js';
import { type RecipientCounts, addRecipients } from './recipients.js';
import type { DraftParams, DraftResult, EditOutcome, MissingSectionsResult, SectionRequirementLevel, VersionedDocument } from './protocol.js';
import type { SigningReportResult } from './workspace-protocol.js';

export interface PlanServiceOptions {
  workspace: PlanWorkspace;
  settings: SettingsProvider;
  log(message: string): void;
  /** The editor's display language (InitializeParams.locale), for the "auto" locale. */
  clientLocale?: string;
  /** Whether a check of the document is scheduled: a request then waits for it instead of checking on its own. */
  isScheduled?(uri: string): boolean;
}

export interface CompletionOptions {
  triggerKind: CompletionTriggerKind;
  /** Whether the client takes snippets. */
  snippets: boolean;
}

/** An edit a command makes, for the connection to apply; or why there is none. */
export type CommandEdit = { label: string; edit: WorkspaceEdit } | Extract<EditOutcome, { applied: false }>;

export type PlanService = ReturnType<typeof createPlanService>;

/** Longest time a request waits for the scheduled check before it is refused with ContentModified. */
export const REQUEST_WAIT_MS = 1000;

export function createPlanService({ workspace, settings, log, clientLocale, isScheduled = () => false }: PlanServiceOptions) {
  /** Requests waiting for the scheduled check of a document's text. */
  const waiters = new Map<string, Waiter[]>();
  const analyzer = new Analyzer(settings, workspace, clientLocale, log, settle);

  interface Waiter {
    text: string;
    resolve(analysis: Analysis): void;
    refuse(): void;
  }

  /** Takes the document's waiters that `leaves` picks out of the list and hands each to `answer`. */
  function release(uri: string, leaves: (waiter: Waiter) => boolean, answer: (waiter: Waiter) => void): void {
    const list = waiters.get(uri);
    if (!list) return;
    const staying = list.filter((waiter) => !leaves(waiter));
    if (staying.length > 0) waiters.set(uri, staying);
    else waiters.delete(uri);
    for (const waiter of list) if (leaves(waiter)) answer(waiter);
  }

  /** Answers the requests waiting for the analysed text. */
  function settle(analysis: Analysis): void {
    release(analysis.uri, (waiter) => waiter.text === analysis.text, (waiter) => waiter.resolve(analysis));
  }

  /** Refuses every request waiting on the document for another text than `current` (its text now). */
  function refuseWaiters(uri: string, current?: string): void {
    release(uri, (waiter) => waiter.text !== current, (waiter) => waiter.refuse());
  }

  /**
   * The analysis of the document as it is now. While a check is scheduled the request waits for it
   * instead of parsing on its own, so outline, folding and lightbulb requests sent during typing add
   * no work; it waits at most REQUEST_WAIT_MS, and is refused with ContentModified (the client asks
   * again) when the wait is over or the document changes meanwhile.
   */
  async function planAnalysis(uri: string): Promise<PlanAnalysis | undefined> {
    const document = workspace.document(uri);
    if (!document) return undefined;
    const analysis =
      analyzer.cached(document) ??
      (isScheduled(uri)
        ? await new Promise<Analysis>((resolve, reject) => {
            const waiter: Waiter = {
              text: document.getText(),
              resolve(result) {
                clearTimeout(timer);
                resolve(result);
              },
              refuse() {
                clearTimeout(timer);
                reject(contentModified());
              },
            };
            const timer = setTimeout(() => release(uri, (other) => other === waiter, (other) => other.refuse()), REQUEST_WAIT_MS);
            waiters.set(uri, [...(waiters.get(uri) ?? []), waiter]);
          })
        : await analyzer.analyze(document));
    return analysis.state === 'plan' ? analysis : undefined;
  }

  function navigationContext(uri: string): NavigationContext {
    return { index: workspace.index, self: workspace.indexUri(uri) };
  }

  /** Recipients of the other plans: open ones from their buffers, the rest from the index. */
  function workspaceRecipients(uri: string): { counts: RecipientCounts; complete: boolean } {
    const counts: RecipientCounts = new Map();
    const open = new Set<string>();
    for (const analysis of analyzer.openPlans()) {
      open.add(workspace.indexUri(analysis.uri));
      if (analysis.uri !== uri) addRecipients(counts, analysis.check.model.recipients?.entries.map((entry) => entry.text) ?? []);
    }
    for (const { uri: planUri, summary } of workspace.index.entries()) if (!open.has(planUri)) addRecipients(counts, summary.recipients);
    return { counts, complete: workspace.ready };
  }

  return {
    planAnalysis,
    /** Checks the document's current version now (or returns the check already made for it). */
    analyze(uri: string): Promise<Analysis> | undefined {
      const document = workspace.document(uri);
      return document && analyzer.analyze(document);
    },
    /** The analysis kept for the open document, if it was made of its text as it is now. */
    cached(uri: string): Analysis | undefined {
      const document = workspace.document(uri);
      return document && analyzer.cached(document);
    },
    /** The document's text changed: requests waiting for another text are refused with ContentModified. */
    changed: (uri: string) => refuseWaiters(uri, workspace.document(uri)?.getText()),
    /** The document was closed. */
    closed(uri: string): void {
      refuseWaiters(uri);
      analyzer.forget(uri);
    },
    /** Settings, a config file or the whole index changed: every analysis is stale. */
    invalidate: () => analyzer.invalidate(),
    /** One document's analysis is stale (a plan it cites changed). */
    stale: (uri: string) => analyzer.stale(uri),
    openPlans: () => analyzer.openPlans(),

    async hover(uri: string, position: Position): Promise<Hover | null> {
      const analysis = await planAnalysis(uri);
      if (!analysis) return null;
      const { model } = analysis.check;
      return hoverAt(model, position, analysis.locale, (citation) => citedPlanHover(citedPlans(model, citation, navigationContext(uri)), analysis.locale));
    },

    async completion(uri: string, position: Position, options: CompletionOptions): Promise<CompletionList | null> {
      const analysis = await planAnalysis(uri);
      if (!analysis) return null;
      const { index } = analysis.check.model;
      if (position.line < 0 || position.line >= index.lineCount) return null;
      return completionsAt({
        check: analysis.check,
        position,
        linePrefix: index.lineText(position.line).slice(0, position.character),
        locale: analysis.locale,
        snippets: options.snippets,
        triggerKind: options.triggerKind,
        office: analysis.config.office,
        recipients: () => workspaceRecipients(uri),
      });
    },

    async codeActions(uri: string, context: CodeActionContext): Promise<CodeAction[] | null> {
      const analysis = await planAnalysis(uri);
      if (!analysis) return null;
      const actions: CodeAction[] = [];
      if (wantsKind(context.only, CodeActionKind.QuickFix)) actions.push(...quickFixes(analysis, context.diagnostics));
      // The lightbulb asks on every cursor move: fix-all is offered only when a person opens the menu
      // on a safe fix, as a command that fixes the whole plan only once chosen.
      const menuOpened = context.triggerKind !== CodeActionTriggerKind.Automatic && wantsKind(context.only, CodeActionKind.QuickFix);
      if (menuOpened && actions.some((action) => action.isPreferred)) actions.push(fixAllCommandAction(analysis));
      if (wantsKind(context.only, FIX_ALL_KIND, true)) {
        const edit = analyzer.fixAllEdit(analysis);
        if (edit) actions.push(fixAllAction(analysis, edit));
      }
      return actions;
    },

    /** The text of the current version at `range` (a word a diagnostic names), in the document's locale. */
    async textAt(uri: string, range: Range): Promise<{ text: string; locale: Locale } | undefined> {
      const analysis = await planAnalysis(uri);
      if (!analysis || range.start.line !== range.end.line) return undefined;
      return { text: analysis.check.model.index.lineText(range.start.line).slice(range.start.character, range.end.character), locale: analysis.locale };
    },

    /** The drafting actions at `range` (lsp/drafting.ts). */
    async draftingActions(uri: string, range: Range): Promise<CodeAction[]> {
      const analysis = await planAnalysis(uri);
      return analysis ? draftingActions(analysis, range, navigationContext(uri)) : [];
    },

    /** The draft implementing `params.parent` for the office of `params.office`'s configuration. */
    async draftImplementingPlan(params: DraftParams): Promise<DraftResult> {
      const office = await analyzer.configFor(params.office);
      const locale = chooseLocale(await settings.get(params.office), office, clientLocale);
      const open = workspace.document(params.parent);
      const parentText = open ? open.getText() : workspace.readText(workspace.indexUri(params.parent), (await analyzer.configFor(params.parent)).maxFileSize);
      if (parentText === undefined) return { error: pick(locale, MESSAGES.drafting.parentUnreadable) };
      return draftFrom(parentText, office, locale);
    },

    async documentSymbols(uri: string): Promise<DocumentSymbol[] | null> {
      const analysis = await planAnalysis(uri);
      return analysis ? documentSymbols(analysis.check.model, analysis.locale) : null;
    },

    async foldingRanges(uri: string): Promise<FoldingRange[] | null> {
      const analysis = await planAnalysis(uri);
      return analysis ? foldingRanges(analysis.check.model) : null;
    },

    async definition(uri: string, position: Position): Promise<Location[] | null> {
      const analysis = await planAnalysis(uri);
      return analysis ? definition(analysis.check.model, position, navigationContext(uri)) : null;
    },

    async references(uri: string, position: Position, includeDeclaration: boolean): Promise<Location[] | null> {
      const analysis = await planAnalysis(uri);
      const symbol = analysis && referencedSymbol(analysis.check.model, position);
      return symbol ? references(symbol, includeDeclaration, navigationContext(uri)) : null;
    },

    async codeLenses(uri: string): Promise<CodeLens[] | null> {
      const analysis = await planAnalysis(uri);
      return analysis ? codeLenses(analysis, navigationContext(uri), workspace.ready) : null;
    },

    workspaceSymbols: (query: string): SymbolInformation[] => workspaceSymbols(query, workspace.index),

    /** The check before signing (engine/workspace/signing.ts), with the other plans read through the workspace. */
    async signingReport(uri: string): Promise<SigningReportResult | null> {
      const analysis = await planAnalysis(uri);
      if (!analysis) return null;
      const self = workspace.indexUri(analysis.uri);
      const related = relatedPlans(analysis.check.model, workspace.index, self);
      const configs = new Map<string, ResolvedConfig>();
      for (const plan of [...related.cited, ...related.citing]) configs.set(plan, await analyzer.configFor(plan));
      const report = signingReport({
        uri: self,
        text: analysis.check.model.source,
        config: analysis.config,
        index: workspace.index,
        read: (plan) => workspace.readText(plan, configs.get(plan)!.maxFileSize),
        configFor: (plan) => configs.get(plan)!,
      });
      // The editor knows the plan by its own URI (which may be spelt differently, or untitled).
      const own = (plan: string): string => (plan === self ? analysis.uri : plan);
      report.uri = analysis.uri;
      for (const plan of report.plans) plan.uri = own(plan.uri);
      for (const area of report.areas) for (const problem of area.problems) problem.uri = own(problem.uri);
      return { version: analysis.version, locale: analysis.locale, indexReady: workspace.ready, report };
    },

    /** The profile's sections the plan lacks, required ones first, for the "insert a section" picker. */
    async missingSections(uri: string): Promise<MissingSectionsResult | null> {
      const analysis = await planAnalysis(uri);
      if (!analysis) return null;
      const rank: Record<SectionRequirementLevel, number> = { required: 0, recommended: 1, optional: 2 };
      const sections = missingSections(analysis.check.model, analysis.check.profile)
        .map(({ requirement }) => ({ key: requirement.key, title: requirement.title, requirement: requirementLevel(requirement) }))
        // A stable sort keeps the profile's order within each level.
        .sort((a, b) => rank[a.requirement] - rank[b.requirement]);
      return { version: analysis.version, sections };
    },

    /** The command inserting a profile section where the profile's order puts it (engine/operations/sections.ts). */
    insertSection: (target: VersionedDocument, key: string): Promise<CommandEdit> =>
      editAt(target, MESSAGES.insertSectionLabel, ({ check }) => {
        if (!check.profile.sections.some((section) => section.key === key)) return 'unknown-section';
        return insertSection(check.model, check.profile, key)?.edits ?? [];
      }),

    /** The command applying every safe fix in one edit. */
    fixAll: (target: VersionedDocument): Promise<CommandEdit> =>
      editAt(target, MESSAGES.fixAll, (analysis) => {
        const edit = analyzer.fixAllEdit(analysis);
        return edit ? [edit] : [];
      }),
  };

  /** An edit for exactly the version the command was chosen at; refused for any other. */
  async function editAt(
    target: VersionedDocument,
    label: Localized,
    build: (analysis: PlanAnalysis) => TextEdit[] | 'unknown-section',
  ): Promise<CommandEdit> {
    const document = workspace.document(target.uri);
    if (!document || document.version !== target.version) return { applied: false, reason: 'stale' };
    const analysis = await analyzer.analyze(document);
    // The edit is made of the analysed text: refused unless that is still the document's text.
    if (!analyses(analysis, document) || analysis.version !== target.version) return { applied: false, reason: 'stale' };
    if (analysis.state !== 'plan') return { applied: false, reason: 'not-plan' };
    const edits = build(analysis);
    if (edits === 'unknown-section') return { applied: false, reason: 'unknown-section' };
    if (edits.length === 0) return { applied: false, reason: 'nothing' };
    return { label: pick(analysis.locale, label), edit: versionedEdit(target.uri, target.version, edits) };
  }
}

/** The LSP refusal telling the client that the document changed under its request, so it asks again. */
function contentModified(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed before the request could be answered.');
}
