// Finds citations of other documents in a line: type word, number/symbol, date and issuer.
import type { FoundDate } from './dates.js';
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

const CODE = String.raw`[\p{Lu}][\p{L}&]*`;
const SEP = String.raw`\s*[/\-–]\s*`;
// Number, optional year (legal documents), then codes joined by "/" or "-", spaces tolerated
// so that "23/KH- LĐLĐ" is recognised (and reported as badly formatted).
const SYMBOL = String.raw`\d+(?:${SEP}\d{4}(?=${SEP}\p{Lu}))?${SEP}${CODE}(?:${SEP}${CODE})*`;
const GENERIC_WORDS = 'văn bản|công văn';
const CITATION = new RegExp(
  String.raw`(?<![\p{L}])(?:(${TYPE_WORD_PATTERN}|${GENERIC_WORDS})\s+)?(số\s*:?\s*)?(${SYMBOL})`,
  'giu',
);

const ISSUER_STOP = new RegExp(
  String.raw`\s+(?:về\s|v\/v|về việc|ban hành|quy định|hướng dẫn|triển khai|thực hiện|tổ chức|phê duyệt|kèm theo|đã|nhằm|(?:${TYPE_WORD_PATTERN})(?=\s))|[;.():]|,\s|\s-\s|$`,
  'u',
);

export function findCitations(text: string, dates: FoundDate[]): FoundCitation[] {
  if (!/\d/.test(text)) return [];
  const found: FoundCitation[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) {
    const typeWord = m[1] ?? '';
    const hasSoWord = m[2] !== undefined;
    // A bare "12/5" or a number with letters but no type word and no "số" is not a citation.
    if (!typeWord && !hasSoWord) continue;
    const symbolRaw = m[3]!;
    const symbolStart = m.index + m[0].length - symbolRaw.length;
    const symbolEnd = symbolStart + symbolRaw.length;
    // The symbol must not run on into a word ("5/Tết" is not a symbol).
    if (/^[\p{Ll}]/u.test(text.slice(symbolEnd))) continue;
    const parsed = parseSymbol(symbolRaw);
    const citation: FoundCitation = {
      start: m.index,
      end: symbolEnd,
      typeWord,
      typeStart: typeWord ? m.index : undefined,
      hasSoWord,
      symbolRaw,
      symbolStart,
      symbolEnd,
      ...parsed,
    };
    attachDateAndIssuer(text, citation, dates);
    found.push(citation);
  }
  return found;
}

export function parseSymbol(raw: string): Pick<FoundCitation, 'symbol' | 'number' | 'numberYear' | 'typeCode' | 'issuerCode' | 'form' | 'formatProblems'> {
  const formatProblems: string[] = [];
  if (/\s/.test(raw)) formatProblems.push('spaces');
  if (/–/.test(raw)) formatProblems.push('en-dash');
  const symbol = raw.replace(/\s+/g, '').replace(/–/g, '-').normalize('NFC');
  const legal = /^(\d+)\/(\d{4})\/([\p{L}&]+)-([\p{L}&-]+)$/u.exec(symbol);
  if (legal) {
    return { symbol, number: legal[1]!, numberYear: Number(legal[2]), typeCode: legal[3], issuerCode: legal[4], form: 'legal', formatProblems };
  }
  const state = /^(\d+)\/([\p{L}&]+)-([\p{L}&-]+)$/u.exec(symbol);
  if (state) return { symbol, number: state[1]!, typeCode: state[2], issuerCode: state[3], form: 'state', formatProblems };
  const party = /^(\d+)-([\p{L}&]+)\/([\p{L}&/-]+)$/u.exec(symbol);
  if (party) return { symbol, number: party[1]!, typeCode: party[2], issuerCode: party[3], form: 'party', formatProblems };
  const number = /^\d+/.exec(symbol)?.[0] ?? '';
  formatProblems.push('shape');
  return { symbol, number, form: 'unknown', formatProblems };
}

function attachDateAndIssuer(text: string, citation: FoundCitation, dates: FoundDate[]): void {
  let cursor = citation.symbolEnd;
  const takeIssuer = (): void => {
    const rest = text.slice(cursor);
    const of = /^\s*,?\s*của\s+/iu.exec(rest);
    if (!of) return;
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
