// Finds citations of other documents in a line: type word, number/symbol, date and issuer.
import type { FoundDate } from './dates.js';
import { DASHES, parseSymbol, planSymbol } from './extract/number.js';
import type { Citation, PlanModel } from './model.js';
import { DOCUMENT_TYPES, TYPE_WORD_PATTERN, documentTypeOf } from './vocabulary.js';

/**
 * A citation found in a line. When the line wraps inside its paragraph, the date and the issuer
 * may be on the next line: positions past the line's end and date indices past its dates are then
 * in the next line, read as if joined to this one with one space.
 */
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

/** The next line of the same paragraph, where a wrapped citation goes on. */
export interface NextLine {
  text: string;
  dates: FoundDate[];
}

// A code has at least two capitals ("KH", "TTg", "CTr", "GD&ĐT", "QH14"): "12 - Tổ chức" is no symbol.
const CODE = String.raw`[\p{Lu}](?=[\p{Ll}&]*[\p{Lu}])[\p{L}&]*\d*`;
const SEP = String.raw`\s*[/\-${DASHES}]\s*`;
// Number, optional year (legal documents), then codes joined by "/" or "-", spaces tolerated
// so that "23/KH- LĐLĐ" is recognised (and reported as badly formatted).
const SYMBOL = String.raw`\d+(?:${SEP}\d{4}(?=${SEP}\p{Lu}))?${SEP}${CODE}(?:${SEP}${CODE})*`;
const GENERIC_WORDS = 'văn bản|công văn';
const SO = String.raw`[sS][ốỐ]\s*:?\s*`;

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
  String.raw`(?<![\p{L}])(?:(${caseless(TYPE_WORD_PATTERN)}|${caseless(GENERIC_WORDS)})\s+)?(${SO})?(${SYMBOL})`,
  'gu',
);

// "Kế hoạch số 298 KH/TWĐTN ngày 14/7/2011", "số 03 – KH UBH ngày", "Thông tư 01/2016/TT-BGD ĐT ngày":
// a symbol whose groups a space separates. Only taken with a type word or "số" before it, two
// codes and a date after it; the symbol is then reported as miswritten (KH406).
const LOOSE_SEP = String.raw`(?:${SEP}|\s+)`;
// It starts at a digit, so that the search skips most of a line at once; what comes before is checked after.
const LOOSE_SYMBOL = new RegExp(String.raw`(?<![\d\p{L}])\d+(?:${SEP}\d{4})?(?:${LOOSE_SEP}${CODE}){2,}(?=[\s,]*${caseless('ngày')}\s*\d)`, 'gu');
const LOOSE_OPENING = new RegExp(String.raw`(?<![\p{L}])(?:(${caseless(TYPE_WORD_PATTERN)})\s+(${SO})?|(${SO}))$`, 'u');
/** What a loose symbol has and a well-formed one has not: a letter or digit, spaces, a letter or digit. */
const SPACE_AS_SEPARATOR = /[\p{L}\d]\s+[\p{L}\d]/u;

// Verbs also stop the issuer when capitalised ("của UBND tỉnh Thực hiện Đề án ..."); nouns only in
// lower case, since "Tổ chức" may begin an issuer's name. " - " ends it, except inside the name of
// the Ministry of Labour ("Bộ Lao động - Thương binh và Xã hội").
const ISSUER_STOP = new RegExp(
  String.raw`\s+(?:về\s|v\/v|về việc|[Bb]an hành|quy định|hướng dẫn|[Tt]riển khai|[Tt]hực hiện|tổ chức|[Pp]hê duyệt|kèm theo|đã|nhằm|(?:${TYPE_WORD_PATTERN})(?=\s))|[;.():]|,\s|\s-\s(?!Thương\s+binh)|$`,
  'u',
);
// "Kế hoạch của Ban Thường vụ Liên đoàn Lao động tỉnh số 121/KH-LĐLĐ": type and issuer before the number.
const TYPE_AND_ISSUER_BEFORE = new RegExp(String.raw`(?<![\p{L}])(${TYPE_WORD_PATTERN})\s+(?:của|do)\s+([^,;.()]{2,80}?)\s+$`, 'diu');
// "các Quyết định của Thủ tướng Chính phủ: số 1/QĐ-TTg ...; số 2/QĐ-TTg ...": one type and issuer for a list.
const LIST_HEAD = new RegExp(
  String.raw`(?<![\p{L}])${caseless('các')}\s+(${caseless(TYPE_WORD_PATTERN)})(?:\s+(?:của|do)\s+([^,;.():]{2,80}?))?\s*:\s*$`,
  'du',
);
/** Between two items of a list: their subjects, then ";" or ",", and no end of sentence. */
const LIST_GAP = /^[^.:]*[;,]\s*(?:và\s+)?$/u;
// "Luật Dược số 105/2016/QH13": a law named before its number; the name is no issuer.
const NAMED_LAW_BEFORE = new RegExp(String.raw`(?<![\p{L}])(${caseless('luật|pháp lệnh')})\s+\p{Lu}[^;.()]{0,100}?\s+$`, 'du');
// "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 164/TTr-SKHCN": the issuer before the type.
const ISSUER_BEFORE_TYPE = /(?:^|\s)(?:của|do)\s+([^,;.()]{2,80}?)\s+tại\s+$/diu;
/** What may end a line whose citation goes on in the next line: nothing, or "ngày", "của", a comma. */
const WRAPPED_TAIL = /^[\s,*]*(?:(?:ban hành\s+)?ngày|của|do)?[\s*]*$/iu;
const LOOK_BACK = 160;

interface Head {
  typeWord: string;
  typeStart: number;
  issuer?: string;
  issuerStart?: number;
}

export function findCitations(text: string, dates: FoundDate[], next?: NextLine): FoundCitation[] {
  if (!/\d/.test(text)) return [];
  const found: FoundCitation[] = [];
  const loose: { start: number; end: number }[] = [];
  LOOSE_SYMBOL.lastIndex = 0;
  for (let m = LOOSE_SYMBOL.exec(text); m; m = LOOSE_SYMBOL.exec(text)) {
    const symbolRaw = m[0];
    if (!SPACE_AS_SEPARATOR.test(symbolRaw)) continue;
    const symbolStart = m.index;
    const from = Math.max(0, symbolStart - 30);
    const opening = LOOSE_OPENING.exec(text.slice(from, symbolStart));
    if (!opening) continue;
    loose.push({ start: symbolStart, end: symbolStart + symbolRaw.length });
    const typeWord = opening[1] ?? '';
    const start = from + opening.index;
    found.push(citationOf(text, dates, next, typeWord, typeWord ? start : undefined, start, opening[2] !== undefined || opening[3] !== undefined, symbolRaw, symbolStart));
  }
  /** The open list ("các Quyết định của ...: số ...; số ..."): its head, and where its last item ends. */
  let list: { head: Head; end: number } | undefined;
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) {
    const symbolStart = m.index + m[0].length - m[3]!.length;
    if (loose.some((span) => symbolStart >= span.start && symbolStart < span.end)) continue;
    let head: Head | undefined = m[1] ? { typeWord: m[1], typeStart: m.index } : undefined;
    if (head) list = undefined;
    const hasSoWord = m[2] !== undefined;
    let listed = false;
    if (!head && hasSoWord) {
      const from = Math.max(0, m.index - LOOK_BACK);
      const before = text.slice(from, m.index);
      // Each opening is looked for only where its last characters are there: a line has many "số".
      const opensList = /:\s*$/u.test(before) ? LIST_HEAD.exec(before) : null;
      const opening = opensList ?? TYPE_AND_ISSUER_BEFORE.exec(before) ?? (/[lL]uật|[pP]háp lệnh/u.test(before) ? NAMED_LAW_BEFORE.exec(before) : null);
      if (opening) {
        head = { typeWord: opening[1]!, typeStart: from + opening.indices![1]![0] };
        if (opening[2]) {
          head.issuer = opening[2];
          head.issuerStart = from + opening.indices![2]![0];
        }
        if (opensList) list = { head, end: m.index };
        listed = opensList !== null;
      } else if (list && LIST_GAP.test(text.slice(list.end, m.index))) {
        head = list.head;
        listed = true;
      }
    }
    // A bare "12/5" or a number with letters but no type word and no "số" is not a citation.
    if (!head && !hasSoWord) continue;
    // The symbol must not run on into a word ("5/Tết" is not a symbol).
    if (/^[\p{Ll}]/u.test(text.slice(symbolStart + m[3]!.length))) continue;
    // An item of a list starts at its "số"; the head it shares is not part of it.
    const start = head && !listed ? head.typeStart : m.index;
    const citation = citationOf(text, dates, next, head?.typeWord ?? '', head?.typeStart, start, hasSoWord, withoutRunOn(m[3]!), symbolStart, head);
    if (listed) list!.end = citation.end;
    found.push(citation);
  }
  if (loose.length > 0) found.sort((a, b) => a.start - b.start);
  return found;
}

// Positional arguments and one object literal: this runs for every citation of every line.
function citationOf(
  text: string,
  dates: FoundDate[],
  next: NextLine | undefined,
  typeWord: string,
  typeStart: number | undefined,
  start: number,
  hasSoWord: boolean,
  symbolRaw: string,
  symbolStart: number,
  head?: Head,
): FoundCitation {
  const symbolEnd = symbolStart + symbolRaw.length;
  const citation: FoundCitation = { start, end: symbolEnd, typeWord, typeStart, hasSoWord, symbolRaw, symbolStart, symbolEnd, ...parseSymbol(symbolRaw) };
  if (head?.issuer !== undefined && head.issuerStart !== undefined) {
    citation.issuer = head.issuer;
    citation.issuerStart = head.issuerStart;
    citation.issuerEnd = head.issuerStart + head.issuer.length;
  }
  attachDateAndIssuer(text, citation, dates, citation.symbolEnd);
  const incomplete = citation.dateIndex === undefined || citation.issuer === undefined;
  if (next && incomplete && WRAPPED_TAIL.test(text.slice(citation.end))) {
    const offset = text.length + 1;
    const joined = `${text} ${next.text}`;
    const shifted = next.dates.map((date) => ({ ...date, start: date.start + offset, end: date.end + offset }));
    attachDateAndIssuer(joined, citation, [...dates, ...shifted], citation.end);
  }
  if (citation.issuer === undefined && citation.typeStart !== undefined && /\stại\s+$/u.test(text.slice(Math.max(0, citation.typeStart - 6), citation.typeStart))) {
    const from = Math.max(0, citation.typeStart - LOOK_BACK);
    const before = ISSUER_BEFORE_TYPE.exec(text.slice(from, citation.typeStart));
    if (before) {
      citation.issuer = before[1]!;
      citation.issuerStart = from + before.indices![1]![0];
      citation.issuerEnd = citation.issuerStart + before[1]!.length;
    }
  }
  return citation;
}

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

/** Takes the date and the issuer that follow `from`, each unless the citation has it already. */
function attachDateAndIssuer(text: string, citation: FoundCitation, dates: FoundDate[], from: number): void {
  let cursor = from;
  const takeIssuer = (): void => {
    if (citation.issuer !== undefined) return;
    const rest = text.slice(cursor);
    // "... của UBND tỉnh" or "... do UBND tỉnh ban hành".
    const of = /^\s*,?\s*(?:của|do)\s+/iu.exec(rest);
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
    if (citation.dateIndex !== undefined) return;
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
  takeDate();
}

export function expectedTypeCode(typeWord: string): string | undefined {
  return documentTypeOf(typeWord)?.code;
}

export function canonicalTypeName(typeWord: string): string | undefined {
  return documentTypeOf(typeWord)?.name;
}

export const KNOWN_TYPE_CODES = new Set(DOCUMENT_TYPES.flatMap((type) => (type.code ? [type.code] : [])));

/** The documents a plan implements and answers to: plans and programmes of the level above. */
const IMPLEMENTED_TYPES = new Set(['Kế hoạch', 'Chương trình']);

/** Whether the basis cites this document as the parent the plan implements ("Thực hiện Kế hoạch số …"). */
export function citesParentPlan(citation: Pick<Citation, 'inBasis' | 'typeName'>): boolean {
  return citation.inBasis && IMPLEMENTED_TYPES.has(citation.typeName ?? '');
}

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
