// The plan's outline (Outline view, breadcrumbs, "Go to Symbol") and its folding ranges, read
// from the checked model: header parts, basis, the section tree, recipients and signature.
import { type DocumentSymbol, type FoldingRange, FoldingRangeKind, type SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { lineRange } from '../engine/extract/lines.js';
import type { Part, PlanModel, Section } from '../engine/model.js';
import { sectionLabel } from '../engine/rules/sections/layout.js';
import type { Locale, Range } from '../engine/types.js';
import { MESSAGES, pick } from './messages.js';

export function documentSymbols(model: PlanModel, locale: Locale): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const header = headerSymbol(model, locale);
  if (header) symbols.push(header);
  const basis = model.citations.filter((citation) => citation.inBasis);
  if (basis.length > 0) {
    const children = basis.map((citation) =>
      symbol(`${citation.typeWord ? `${citation.typeWord} ` : ''}${citation.symbolRaw}`, SymbolKind.Key, citation.range, citation.symbolRange, citation.date?.raw),
    );
    symbols.push(group(pick(locale, MESSAGES.outline.basis), SymbolKind.Namespace, children));
  }
  symbols.push(...model.sections.map((section) => sectionSymbol(model, section)));
  const { recipients, signature } = model;
  if (recipients) {
    const entries = recipients.entries.map((entry) => symbol(entry.name || entry.text, SymbolKind.String, entry.range, entry.range));
    symbols.push(group(pick(locale, MESSAGES.outline.recipients), SymbolKind.Array, entries, recipients.heading));
  }
  if (signature) {
    const parts = [signature.prefix, signature.authority, signature.title, signature.name].filter((part): part is Part => part !== undefined);
    const name = parts.map((part) => part.text).join(' ') || pick(locale, MESSAGES.outline.signature);
    symbols.push(symbol(name, SymbolKind.Object, cover(signature.range, parts.map((part) => part.range)), signature.name?.range ?? signature.range, pick(locale, MESSAGES.outline.signature)));
  }
  return symbols;
}

/** The same outline, flat, for clients without hierarchical symbols. */
export function symbolInformation(symbols: readonly DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((item) => [
    { name: item.name, kind: item.kind, location: { uri, range: item.range }, containerName: container },
    ...symbolInformation(item.children ?? [], uri, item.name),
  ]);
}

export function foldingRanges(model: PlanModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number): void => {
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  };
  const headerParts = headerPartsOf(model);
  if (headerParts.length > 1) add(headerParts[0]!.range.start.line, headerParts[headerParts.length - 1]!.range.end.line);
  for (const section of model.allSections) add(section.range.start.line, sectionRange(model, section).end.line);
  const entries = model.recipients?.entries ?? [];
  if (model.recipients && entries.length > 0) add(model.recipients.heading.range.start.line, entries[entries.length - 1]!.range.end.line);
  return ranges;
}

function headerPartsOf(model: PlanModel): Part[] {
  const { header } = model;
  return [header.parentAgency, header.agency, header.motto, header.partyHeader, header.youthHeader, header.tagline, header.number, header.placeDate, header.title, header.summary]
    .filter((part): part is Part => part !== undefined)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function headerSymbol(model: PlanModel, locale: Locale): DocumentSymbol | undefined {
  const { header } = model;
  const children: DocumentSymbol[] = [];
  const add = (part: Part | undefined, kind: SymbolKind): void => {
    if (part) children.push(symbol(part.text, kind, part.range, part.range));
  };
  add(header.parentAgency, SymbolKind.Class);
  add(header.agency, SymbolKind.Class);
  add(header.partyHeader ?? header.youthHeader ?? header.motto, SymbolKind.Constant);
  add(header.number, SymbolKind.Key);
  add(header.placeDate, SymbolKind.Event);
  if (header.title) {
    const range = header.summary ? cover(header.title.range, [header.summary.range]) : header.title.range;
    children.push(symbol(header.summary ? `${header.title.text}: ${header.summary.text}` : header.title.text, SymbolKind.String, range, header.title.range));
  }
  if (children.length === 0) return undefined;
  children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return group(pick(locale, MESSAGES.outline.header), SymbolKind.Namespace, children);
}

function sectionSymbol(model: PlanModel, section: Section): DocumentSymbol {
  const kind = section.rank === 0 ? SymbolKind.Namespace : section.rank === 1 ? SymbolKind.Module : SymbolKind.Field;
  const result = symbol(sectionLabel(section), kind, sectionRange(model, section), section.range);
  result.children = section.children.map((child) => sectionSymbol(model, child));
  return result;
}

/** From the section's title to the end of its last line of text (subsections included). */
function sectionRange(model: PlanModel, section: Section): Range {
  const last = model.lines[section.lastTextLine];
  return last ? cover(section.range, [lineRange(model.index, last)]) : section.range;
}

function symbol(name: string, kind: SymbolKind, range: Range, selectionRange: Range, detail?: string): DocumentSymbol {
  // Editors reject empty names; the selection must lie inside the range.
  return { name: name.trim() || '…', kind, range: cover(range, [selectionRange]), selectionRange, detail };
}

function group(name: string, kind: SymbolKind, children: DocumentSymbol[], selection?: Part): DocumentSymbol {
  const ranges = children.map((child) => child.range);
  const first = selection?.range ?? ranges[0]!;
  const range = cover(first, ranges);
  return { name, kind, range, selectionRange: first, children };
}

/** The smallest range holding all of them. */
function cover(first: Range, others: readonly Range[]): Range {
  let { start, end } = first;
  for (const range of others) {
    if (before(range.start, start)) start = range.start;
    if (before(end, range.end)) end = range.end;
  }
  return { start, end };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
