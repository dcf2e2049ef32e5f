// Completion where a plan has a fixed vocabulary: section titles of the profile (numbered for
// the place), document types after "Thực hiện" / "Căn cứ", signing prefixes, and recipients
// already used by the workspace's plans.
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
} from 'vscode-languageserver';
import type { CheckResult } from '../engine/check.js';
import type { OfficeConfig } from '../engine/config.js';
import { signingBlock } from '../engine/operations/draft.js';
import type { SectionRequirement } from '../engine/profile.js';
import { lineRange } from '../engine/extract/lines.js';
import { hasSection, newSectionTitle, presentSectionKeys, renumberSections } from '../engine/operations/sections.js';
import { romanSequences } from '../engine/rules/sections/layout.js';
import { compareKey } from '../engine/text.js';
import type { Locale, Position, Range } from '../engine/types.js';
import { DOCUMENT_TYPES, type DocumentType } from '../engine/vocabulary.js';
import { MESSAGES, pick } from './messages.js';
import type { RecipientCounts } from './recipients.js';
import type { SectionRequirementLevel } from './protocol.js';

export interface CompletionRequest {
  check: CheckResult;
  position: Position;
  /** Text of the position's line up to the position. */
  linePrefix: string;
  locale: Locale;
  snippets: boolean;
  triggerKind: CompletionTriggerKind;
  /** The office of .kehoach.json: its signer is offered first in the signing block. */
  office?: OfficeConfig;
  /** Recipient entries used by other plans, with the number of plans using each. */
  recipients: () => { counts: RecipientCounts; complete: boolean };
}

export function completionsAt(request: CompletionRequest): CompletionList | null {
  return recipientCompletions(request) ?? basisCompletions(request) ?? signingCompletions(request) ?? sectionCompletions(request);
}

const typedByCharacter = (request: CompletionRequest): boolean => request.triggerKind === CompletionTriggerKind.TriggerCharacter;

function rangeBack(position: Position, length: number): Range {
  return { start: { line: position.line, character: position.character - length }, end: position };
}

/** Letters without their marks, so "ke hoach" finds "Kế hoạch". */
function plain(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

function recipientCompletions(request: CompletionRequest): CompletionList | null {
  const { check, position, linePrefix } = request;
  const recipients = check.model.recipients;
  if (!recipients) return null;
  const lastLine = recipients.entries.length > 0 ? recipients.entries[recipients.entries.length - 1]!.range.end.line : recipients.heading.range.end.line;
  if (position.line <= recipients.heading.range.start.line || position.line > lastLine + 2) return null;
  // An entry starts with a dash; a line without one is the signature or the text after the list.
  const typed = /^\s*([-+•–]\s*[^;:|]*)$/u.exec(linePrefix);
  if (!typed || (typedByCharacter(request) && !/^[-+•–]\s$/u.test(typed[1]!))) return null;
  const present = new Set(recipients.entries.map((entry) => compareKey(entry.name)));
  const { counts, complete } = request.recipients();
  const items: CompletionItem[] = [];
  for (const { text: body, count } of counts.values()) {
    const name = body.replace(/\s*\([^)]*\)\s*/gu, ' ').trim();
    if (present.has(compareKey(name))) continue;
    const archive = /^lưu\b/iu.test(body);
    const text = `- ${body}${archive ? '.' : ';'}`;
    items.push({
      label: body,
      kind: CompletionItemKind.Reference,
      detail: pick(request.locale, MESSAGES.completion.recipientUses(count)),
      textEdit: { range: rangeBack(position, typed[1]!.length), newText: text },
      filterText: `${text} ${plain(body)}`,
      // Most used first; the archive entry ("Lưu: VT") last, as in the list itself.
      sortText: `${archive ? 1 : 0}${String(99_999 - Math.min(count, 99_999)).padStart(5, '0')}${body}`,
    });
  }
  return items.length > 0 || !complete ? { isIncomplete: !complete, items } : null;
}

const BASIS_VERB = /(?:^|[\s(;,:*_])(?:thực\s+hiện|căn\s+cứ)\s+((?:\p{L}+\s)?\p{L}*)$/iu;

function basisCompletions(request: CompletionRequest): CompletionList | null {
  const { position, linePrefix, check } = request;
  const match = BASIS_VERB.exec(linePrefix);
  if (!match || (typedByCharacter(request) && match[1] !== '')) return null;
  const typed = match[1]!;
  const party = check.profile.numberForm === 'party';
  const items = DOCUMENT_TYPES.map((type, order): CompletionItem => {
    const snippet = request.snippets ? citationSnippet(type, party) : undefined;
    return {
      label: type.name,
      kind: CompletionItemKind.Class,
      detail: pick(request.locale, MESSAGES.completion.documentType(type.code)),
      textEdit: { range: rangeBack(position, typed.length), newText: snippet ?? (type.name === 'Luật' ? 'Luật ' : `${type.name} số `) },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      filterText: `${type.name} ${plain(type.name)}`,
      sortText: String(order).padStart(2, '0'),
    };
  });
  return { isIncomplete: false, items };
}

/** A citation template: "Kế hoạch số ${1:số}/KH-${2:cơ quan} ngày ${3:ngày/tháng/năm} của ${4:cơ quan ban hành}". */
function citationSnippet(type: DocumentType, party: boolean): string {
  const date = 'ngày ${3:ngày/tháng/năm} của ${4:cơ quan ban hành}';
  if (type.name === 'Luật') return 'Luật ${1:tên luật} năm ${2:năm}';
  if (type.legal) return `${type.name} số \${1:số}/\${2:năm}/${type.code}-\${3:cơ quan} ngày \${4:ngày/tháng/năm} của \${5:cơ quan ban hành}`;
  if (!type.code) return `${type.name} số \${1:số}/\${2:ký hiệu} ${date}`;
  if (party) return `${type.name} số \${1:số}-${type.code}/\${2:cơ quan} ${date}`;
  return `${type.name} số \${1:số}/${type.code}-\${2:cơ quan} ${date}`;
}

function signingCompletions(request: CompletionRequest): CompletionList | null {
  const { check, position, linePrefix } = request;
  if (typedByCharacter(request)) return null;
  const { model } = check;
  const closingLine = model.lines[model.closingStart]?.line;
  const lastSection = model.allSections[model.allSections.length - 1];
  const bodyEnd = lastSection ? lineRange(model.index, model.lines[lastSection.lastTextLine]!).end.line : undefined;
  const inClosing = (closingLine !== undefined && position.line >= closingLine) || (bodyEnd !== undefined && position.line > bodyEnd);
  if (!inClosing) return null;
  const typed = /(?:^\s*|\|\s*)(?:\*\*)?(\p{Lu}{0,4}\/?\p{Lu}?\.?)$/u.exec(linePrefix);
  if (!typed) return null;
  const prefixes = check.profile.headerKind === 'party' ? ['T/M', 'KT.', 'TL.', 'TUQ.', 'Q.'] : ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'];
  const items = prefixes.map(
    (prefix, order): CompletionItem => ({
      label: prefix,
      kind: CompletionItemKind.Keyword,
      documentation: { kind: MarkupKind.Markdown, value: pick(request.locale, MESSAGES.completion.signing[prefix]!) },
      textEdit: { range: rangeBack(position, typed[1]!.length), newText: `${prefix} ` },
      sortText: String(order),
    }),
  );
  // The block spans lines: offered on a line of its own, not inside a table cell.
  if (request.office && !linePrefix.includes('|')) {
    const { authority, title, name } = request.office.signer;
    items.unshift({
      label: authority ?? title,
      kind: CompletionItemKind.Snippet,
      detail: `${title} · ${name}`,
      textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: signingBlock(request.office) },
      filterText: `${authority ?? title} ${plain(authority ?? title)}`,
      sortText: '/',
    });
  }
  return { isIncomplete: false, items };
}

const SECTION_PREFIX = /^(#{1,6}\s+)?(\*\*)?(?:[IVXLC]+\s*[.)]?\s*)?[\p{L}\s,]{0,40}$/u;
const SECTION_PREFIX_TYPED = /^(?:#{1,6}\s|(?:#{1,6}\s+)?(?:\*\*)?[IVXLC]+[.)]\s)$/u;

function sectionCompletions(request: CompletionRequest): CompletionList | null {
  const { check, position, linePrefix, locale } = request;
  const { model, profile } = check;
  const headerEnd = model.header.title?.range.end.line ?? -1;
  const closingLine = model.lines[model.closingStart]?.line ?? Number.POSITIVE_INFINITY;
  if (position.line <= headerEnd || position.line >= closingLine) return null;
  if (!SECTION_PREFIX.test(linePrefix) || (typedByCharacter(request) && !SECTION_PREFIX_TYPED.test(linePrefix))) return null;
  // The Roman sections numbered as one sequence with the place: the top-level ones, or one letter group's.
  const sequences = romanSequences(model);
  const sequence = sequences.filter((candidate) => candidate[0]!.range.start.line < position.line).pop() ?? sequences[0] ?? [];
  const before = sequence.filter((section) => section.range.start.line < position.line);
  const after = sequence.filter((section) => section.range.start.line > position.line);
  const ordinal = before.length + 1;
  const present = presentSectionKeys(model, profile);
  const items = profile.sections.map((requirement, order): CompletionItem => {
    const { label, line: text } = newSectionTitle(sequence, ordinal, requirement.title);
    const has = hasSection(present, requirement);
    const existing = model.allSections.find((section) => section.key === requirement.key);
    const level = MESSAGES.completion.requirement[requirementLevel(requirement)];
    return {
      label,
      kind: CompletionItemKind.Module,
      detail: pick(locale, has ? MESSAGES.completion.present(existing?.number ?? '?') : MESSAGES.completion.missing(level)),
      documentation: { kind: MarkupKind.Markdown, value: pick(locale, MESSAGES.completion.sectionDoc(profile.name, requirement.aliases)) },
      textEdit: { range: { start: { line: position.line, character: 0 }, end: position }, newText: text },
      additionalTextEdits: renumberSections(after, ordinal),
      filterText: `${text} ${plain(requirement.title)}`,
      // Sections the plan lacks first, required before optional, then the profile's order.
      sortText: `${has ? 1 : 0}${requirementLevel(requirement) === 'optional' ? 1 : 0}${String(order).padStart(2, '0')}`,
    };
  });
  return { isIncomplete: false, items };
}

export function requirementLevel(requirement: SectionRequirement): SectionRequirementLevel {
  return requirement.severity === 'error' ? 'required' : requirement.severity === 'off' ? 'optional' : 'recommended';
}
