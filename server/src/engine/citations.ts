// Finds citations of other documents in a line: type word, number/symbol, date and issuer.
import type { FoundDate } from './dates.js';
import { DASHES, parseSymbol, planSymbol } from './extract/number.js';
import type { Citation, PlanModel } from './model.js';
import { DOCUMENT_TYPES, TYPE_WORD_PATTERN, documentTypeOf } from './vocabulary.js';

export interface FoundCitation {
  start: number;
  end: number;
  typeWord: string;
  typeStart?: number;
  hasSoWord: boolean;
  symbolRaw: string;
  symbolStart: number;
  symbolEnd: number;
  symbol: string;
  number: string;
  numberYear?: number;
  typeCode?: string;
  issuerCode?: string;
  form: 'state' | 'party' | 'legal' | 'unknown';
  formatProblems: string[];
  dateIndex?: number;
  issuer?: string;
  issuerStart?: number;
  issuerEnd?: number;
}

// A code has at least two capitals ("KH", "TTg", "CTr", "GD&ĐT", "QH14"): "12 - Tổ chức" is no symbol.
const CODE = String.raw`[\p{Lu}](?=[\p{Ll}&]*[\p{Lu}])[\p{L}&]*\d*`;
const SEP = String.raw`\s*[/\-${DASHES}]\s*`;
// Number, optional year (legal documents), then codes joined by "/" or "-", spaces tolerated
// so that "23/KH- LĐLĐ" is recognised (and reported as badly formatted).
const SYMBOL = String.raw`\d+(?:${SEP}\d{4}(?=${SEP}\p{Lu}))?${SEP}${CODE}(?:${SEP}${CODE})*`;
const GENERIC_WORDS = 'văn bản|công văn';

/**
 * A pattern matching its letters in either case. Needed because with the "i" flag \p{Lu} matches
 * lower-case letters too, so type words and symbols cannot share one case-insensitive expression.
 */
export function caseless(pattern: string): string {
  return pattern.replace(/\p{L}/gu, (letter) => {
    const lower = letter.toLowerCase();
    const upper = letter.toUpperCase();
    return lower === upper || upper.length > 1 ? letter : `[${lower}${upper}]`;
  });
}

const CITATION = new RegExp(
  String.raw`(?<![\p{L}])(?:(${caseless(TYPE_WORD_PATTERN)}|${caseless(GENERIC_WORDS)})\s+)?(${caseless('số')}\s*:?\s*)?(${SYMBOL})`,
  'gu',
);

// Verbs also stop the issuer when capitalised ("của UBND tỉnh Thực hiện Đề án ..."); nouns only in
// lower case, since "Tổ chức" may begin an issuer's name. " - " ends it, except inside the name of
// the Ministry of Labour ("Bộ Lao động - Thương binh và Xã hội").
const ISSUER_STOP = new RegExp(
  String.raw`\s+(?:về\s|v\/v|về việc|[Bb]an hành|quy định|hướng dẫn|[Tt]riển khai|[Tt]hực hiện|tổ chức|[Pp]hê duyệt|kèm theo|đã|nhằm|(?:${TYPE_WORD_PATTERN})(?=\s))|[;.():]|,\s|\s-\s(?!Thương\s+binh)|$`,
  'u',
);
// "Kế hoạch của Ban Thường vụ Liên đoàn Lao động tỉnh số 121/KH-LĐLĐ": type and issuer before the number.
const TYPE_AND_ISSUER_BEFORE = new RegExp(String.raw`(?<![\p{L}])(${TYPE_WORD_PATTERN})\s+(?:của|do)\s+([^,;.()]{2,80}?)\s+$`, 'iu');

export function findCitations(text: string, dates: FoundDate[]): FoundCitation[] {
  if (!/\d/.test(text)) return [];
  const found: FoundCitation[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) {
    let typeWord = m[1] ?? '';
    let typeStart = typeWord ? m.index : undefined;
    const hasSoWord = m[2] !== undefined;
    let issuerBefore: { issuer: string; start: number } | undefined;
    if (!typeWord && hasSoWord) {
      const before = TYPE_AND_ISSUER_BEFORE.exec(text.slice(Math.max(0, m.index - 120), m.index));
      if (before) {
        const offset = Math.max(0, m.index - 120) + before.index;
        typeWord = before[1]!;
        typeStart = offset;
        issuerBefore = { issuer: before[2]!, start: offset + before[0].indexOf(before[2]!, before[1]!.length) };
      }
    }
    // A bare "12/5" or a number with letters but no type word and no "số" is not a citation.
    if (!typeWord && !hasSoWord) continue;
    const symbolStart = m.index + m[0].length - m[3]!.length;
    // The symbol must not run on into a word ("5/Tết" is not a symbol).
    if (/^[\p{Ll}]/u.test(text.slice(symbolStart + m[3]!.length))) continue;
    const symbolRaw = withoutRunOn(m[3]!);
    const symbolEnd = symbolStart + symbolRaw.length;
    const parsed = parseSymbol(symbolRaw);
    const citation: FoundCitation = {
      start: typeStart ?? m.index,
      end: symbolEnd,
      typeWord,
      typeStart,
      hasSoWord,
      symbolRaw,
      symbolStart,
      symbolEnd,
      ...parsed,
    };
    if (issuerBefore) {
      citation.issuer = issuerBefore.issuer;
      citation.issuerStart = issuerBefore.start;
      citation.issuerEnd = issuerBefore.start + issuerBefore.issuer.length;
    }
    attachDateAndIssuer(text, citation, dates);
    found.push(citation);
  }
  return found;
}

/**
 * Reads a number/symbol. `formatProblems` lists what ND30 (Phụ lục I, II.3.c) forbids: 'spaces'
 * inside it, a 'dash' lookalike instead of "-", 'separators' that fit no form ("12-KH-UBND"), or a
 * 'shape' that is not a full symbol at all ("5/KH").
 */
/**
 * "12/KH-LĐLĐ - LĐLĐ huyện": a dash with spaces on both sides after a complete symbol starts the
 * next words, not another group of the symbol.
 */
function withoutRunOn(raw: string): string {
  for (const gap of raw.matchAll(new RegExp(String.raw`\s+[-${DASHES}]\s+`, 'gu'))) {
    const before = raw.slice(0, gap.index);
    if (parseSymbol(before).form !== 'unknown') return before;
  }
  return raw;
}

function attachDateAndIssuer(text: string, citation: FoundCitation, dates: FoundDate[]): void {
  let cursor = citation.symbolEnd;
  const takeIssuer = (): void => {
    const rest = text.slice(cursor);
    // "... của UBND tỉnh" or "... do UBND tỉnh ban hành".
    const of = /^\s*,?\s*(?:của|do)\s+/iu.exec(rest);
    if (!of || citation.issuer !== undefined) return;
    const issuerStart = cursor + of[0].length;
    const tail = text.slice(issuerStart);
    // Stop before a following date too: "của UBND quận ngày 12/5/2021".
    const stop = ISSUER_STOP.exec(tail);
    let length = stop ? stop.index : tail.length;
    const dateInside = /\s+ngày\s+\d/iu.exec(tail.slice(0, length));
    if (dateInside) length = dateInside.index;
    const issuer = tail.slice(0, length).replace(/[\s*_]+$/u, '');
    if (!issuer) return;
    citation.issuer = issuer;
    citation.issuerStart = issuerStart;
    citation.issuerEnd = issuerStart + issuer.length;
    cursor = citation.issuerEnd;
    citation.end = Math.max(citation.end, cursor);
  };
  const takeDate = (): void => {
    const index = dates.findIndex((date) => date.start >= cursor && date.start - cursor <= 12 && date.kind !== 'period');
    if (index === -1) return;
    const between = text.slice(cursor, dates[index]!.start);
    if (!/^[\s,*]*(?:ban hành\s*)?(?:ngày\s*)?$/iu.test(between) && !/^[\s,*]*$/u.test(between)) return;
    const date = dates[index]!;
    if (date.kind !== 'date' && date.kind !== 'deadline' && date.kind !== 'month' && date.kind !== 'year') return;
    citation.dateIndex = index;
    cursor = date.end;
    citation.end = Math.max(citation.end, cursor);
  };
  takeDate();
  takeIssuer();
  if (citation.dateIndex === undefined) takeDate();
}

export function expectedTypeCode(typeWord: string): string | undefined {
  return documentTypeOf(typeWord)?.code;
}

export function canonicalTypeName(typeWord: string): string | undefined {
  return documentTypeOf(typeWord)?.name;
}

export const KNOWN_TYPE_CODES = new Set(DOCUMENT_TYPES.flatMap((type) => (type.code ? [type.code] : [])));

/** How a message names a cited document: "Kế hoạch số 121/KH-LĐLĐ" (type capitalised, symbol normalised). */
export function citationName(citation: Pick<Citation, 'typeName' | 'typeWord' | 'symbol'>): string {
  const type = citation.typeName ?? (citation.typeWord ? citation.typeWord[0]!.toUpperCase() + citation.typeWord.slice(1) : 'Văn bản');
  return `${type} số ${citation.symbol}`;
}

/** Citations of other documents: a mention of the plan's own number ("Kế hoạch số 354/KH-PGDĐT này") is left out. */
export function citedDocuments(model: PlanModel): Citation[] {
  const own = planSymbol(model.header.number);
  return model.citations.filter((citation) => citation.symbol !== own);
}
