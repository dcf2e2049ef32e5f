// Moving between the plans of the workspace: go to the plan a citation names, list the plans
// citing this one (from its "Số:" line or from a citation), count them in a code lens above the
// number, and find plans by number or by words of their title.
import {
  type CodeLens,
  type Location,
  type Position,
  type Range,
  SymbolKind,
  type SymbolInformation,
} from 'vscode-languageserver';
import type { Citation, PlanModel } from '../engine/model.js';
import { dayNumber, formatDate, issueDateOf } from '../engine/dates.js';
import { plansCitedAs } from '../engine/workspace/resolve.js';
import type { Locale, Localized } from '../engine/types.js';
import type { IndexedPlan, PlanIndex } from '../engine/workspace/plan-index.js';
import { fileName } from '../engine/rules/citations/KH405-citation-unresolved.js';
import type { PlanAnalysis } from './analysis.js';
import { pick } from './messages.js';
import { SHOW_REFERENCES_COMMAND, type ShowReferencesArgs } from './workspace-protocol.js';

/** Workspace symbols returned per query at most; the editor filters further as the person types. */
const MAX_SYMBOLS = 200;

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export const NAVIGATION_MESSAGES = {
  citedBy: (count: number): Localized =>
    count === 0
      ? { vi: 'Chưa có kế hoạch nào trích dẫn', en: 'Not cited by any plan' }
      : { vi: `Được ${count} kế hoạch trích dẫn`, en: `Cited by ${count} plan${count === 1 ? '' : 's'}` },
  indexing: { vi: 'Đang lập chỉ mục các kế hoạch…', en: 'Indexing the plans…' } as Localized,
  indexingTitle: { vi: 'Kế hoạch: lập chỉ mục thư mục', en: 'Kehoach: indexing the folder' } as Localized,
  inFolder: { vi: 'Kế hoạch trong thư mục', en: 'Plan in the folder' } as Localized,
  summary: { vi: 'Trích yếu', en: 'Summary' } as Localized,
  issued: { vi: 'Ngày ban hành', en: 'Issued' } as Localized,
  agency: { vi: 'Cơ quan ban hành', en: 'Issuer' } as Localized,
  unknown: { vi: '(không rõ)', en: '(unknown)' } as Localized,
  sameNumber: (count: number): Localized => ({ vi: `${count} kế hoạch cùng số này`, en: `${count} plans have this number` }),
};

export interface NavigationContext {
  index: PlanIndex;
  /** The index's URI of the document asked about (its own entry is left out of the answers). */
  self: string;
}

/** The plan's number location: its "Số:" value, else the top of the file. */
export function numberLocation(plan: IndexedPlan): Location {
  return { uri: plan.uri, range: plan.summary.numberRange ?? START };
}

/** The plans of the folder a citation can name (several when a number is used twice, KH208). */
export function citedPlans(model: PlanModel, citation: Citation, { index, self }: NavigationContext): IndexedPlan[] {
  const issued = issueDateOf(model);
  return plansCitedAs(index, self, citation.symbol, citation.date?.year, issued ? dayNumber(issued) : undefined);
}

export function citationAt(model: PlanModel, position: Position): Citation | undefined {
  return model.citations.find((citation) => contains(citation.range, position));
}

export function definition(model: PlanModel, position: Position, context: NavigationContext): Location[] | null {
  const citation = citationAt(model, position);
  if (!citation) return null;
  const plans = citedPlans(model, citation, context);
  return plans.length > 0 ? plans.map(numberLocation) : null;
}

/** The symbol references are asked for: the plan's own number on its "Số:" line, or a citation's. */
export function referencedSymbol(model: PlanModel, position: Position): string | undefined {
  const number = model.header.number;
  if (number?.number && position.line === number.range.start.line) return number.value;
  return citationAt(model, position)?.symbol;
}

/** Every citation of the symbol in the workspace's plans, plus the plans numbered so when asked. */
export function references(symbol: string, includeDeclaration: boolean, { index }: NavigationContext): Location[] {
  const citing = index.citationsOf(symbol).map(({ uri, citation }) => ({ uri, range: citation.range }));
  return includeDeclaration ? [...index.plansNumbered(symbol).map(numberLocation), ...citing] : citing;
}

/** The plans citing this one, each once, itself left out. */
export function citingPlanCount(symbol: string, { index, self }: NavigationContext): number {
  return new Set(index.citationsOf(symbol).map((item) => item.uri).filter((uri) => uri !== self)).size;
}

export function codeLenses(analysis: PlanAnalysis, context: NavigationContext, ready: boolean): CodeLens[] {
  const number = analysis.check.model.header.number;
  if (!number?.number) return [];
  const range = number.valueRange;
  if (!ready) return [{ range, command: { title: pick(analysis.locale, NAVIGATION_MESSAGES.indexing), command: '' } }];
  const locations = references(number.value, false, context).filter((location) => location.uri !== context.self);
  return [
    {
      range,
      command: {
        title: pick(analysis.locale, NAVIGATION_MESSAGES.citedBy(citingPlanCount(number.value, context))),
        command: locations.length > 0 ? SHOW_REFERENCES_COMMAND : '',
        arguments: locations.length > 0 ? ([analysis.uri, range.start, locations] satisfies ShowReferencesArgs) : undefined,
      },
    },
  ];
}

/** Plans whose number or title words hold every word of the query. */
export function workspaceSymbols(query: string, index: PlanIndex): SymbolInformation[] {
  return index.search(query, MAX_SYMBOLS).map((plan) => {
    const { symbol, summary, agency, date } = plan.summary;
    const title = summary ?? fileName(plan.uri);
    return {
      name: symbol ? `${symbol} — ${title}` : title,
      kind: SymbolKind.File,
      location: numberLocation(plan),
      containerName: [agency, date ? `${date.day}/${date.month}/${date.year}` : undefined].filter(Boolean).join(', ') || undefined,
    };
  });
}

/** Hover lines for a citation that resolves to plans of the folder: each one's summary, date and issuer. */
export function citedPlanHover(plans: IndexedPlan[], locale: Locale): string | undefined {
  if (plans.length === 0) return undefined;
  const t = (text: Localized): string => pick(locale, text);
  const m = NAVIGATION_MESSAGES;
  const blocks = plans.map(({ uri, summary }) =>
    [
      `**${t(m.inFolder)}** · \`${fileName(uri)}\``,
      '',
      `- ${t(m.summary)}: ${summary.summary ? escapeMarkdown(summary.summary) : t(m.unknown)}`,
      `- ${t(m.issued)}: ${summary.date ? formatDate(summary.date) : t(m.unknown)}`,
      `- ${t(m.agency)}: ${summary.agency ? escapeMarkdown(summary.agency) : t(m.unknown)}`,
    ].join('\n'),
  );
  return [...(plans.length > 1 ? [t(m.sameNumber(plans.length)), ''] : []), blocks.join('\n\n')].join('\n');
}

/** Plan text shown in Markdown must not turn into markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (ch) => `\\${ch}`);
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
