// Where running text breaks the capitalisation rules of Nghị định 30/2020/NĐ-CP, Phụ lục II, in the
// cases where the right form is certain from the words alone. A case that needs to know what a name
// refers to (a ward named after a person keeps "Phường", a plural "các trường" is generic) is left
// alone: a missed fault costs less than a false alarm. Read on one line's NFC text.
import { PLACE_WORDS } from './agency-names.js';
import { compareKey } from './text.js';

export type CapitalFaultKind = 'place-word' | 'place-number' | 'fixed-name' | 'agency-type' | 'law-name' | 'article';

/** One letter to change: its index in the line's NFC text and the letter to write. */
export interface LetterEdit {
  at: number;
  letter: string;
}

export interface CapitalFault {
  kind: CapitalFaultKind;
  start: number;
  end: number;
  written: string;
  correct: string;
  edits: LetterEdit[];
}

const WORD = String.raw`[\p{L}\p{M}]+`;
const NOT_AFTER_LETTER = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const NOT_BEFORE_LETTER = String.raw`(?![\p{L}\p{M}\p{N}])`;

const PLACE_ALTERNATIVES = [...PLACE_WORDS].sort((a, b) => b.length - a.length).join('|');

/** "Huyện Phú Xuyên" in mid-sentence: the common noun of a place is not capitalised (III.1.a). */
const CAPITALISED_PLACE = new RegExp(`${NOT_AFTER_LETTER}(${capitalisedAlternatives(PLACE_WORDS)})\\s+(\\p{Lu}${WORD})(?:\\s+\\p{Lu}${WORD})*`, 'gu');
/** "quận 8": a place named by a number capitalises its common noun (III.1.b). */
const NUMBERED_PLACE = new RegExp(`${NOT_AFTER_LETTER}(${PLACE_ALTERNATIVES})\\s+\\d{1,2}(?![\\p{L}\\p{N}/]|[.,]\\d)`, 'gu');
/** "Ủy Ban Nhân Dân": only the first word of these fixed names is capitalised (IV.1.a). */
const FIXED_NAME = new RegExp(`${NOT_AFTER_LETTER}(Ủy|Uỷ|Hội)\\s+(ban|Ban|đồng|Đồng)(\\s+(?:nhân|Nhân)\\s+(?:dân|Dân))?${NOT_BEFORE_LETTER}`, 'gu');
/** A named agency whose type word is in lower case: "phòng GDĐT", "ủy ban nhân dân huyện Ba Vì" (IV.1.a). */
const LOWER_AGENCY = new RegExp(
  `${NOT_AFTER_LETTER}(?:` +
    // The people's councils and committees, followed by the place they govern.
    `((?:ủy|uỷ) ban nhân dân|hội đồng nhân dân)\\s+(?:${PLACE_ALTERNATIVES})\\s+(?:\\p{Lu}|\\d)` +
    // A department named by its field or its abbreviation.
    `|(phòng|sở)\\s+\\p{Lu}` +
    // A school named by its level and its own name: "trường THCS Buôn Trấp".
    `|(trường)\\s+\\p{Lu}{2,}\\s+(?:chuyên\\s+)?\\p{Lu}` +
    `)`,
  'gu',
);
/** A law named by its title: "luật Giáo dục" (V.6). */
const LOWER_LAW = new RegExp(`${NOT_AFTER_LETTER}(bộ luật|luật|điều lệ|hiến pháp|pháp lệnh)\\s+\\p{Lu}`, 'gu');
/** An article of a named document: "điều 5 của Luật", "tại điều 12" (V.7). */
const LOWER_ARTICLE = new RegExp(`${NOT_AFTER_LETTER}(?:(?<=(?:tại|theo|khoản \\d{1,3})\\s+)(điều|chương)\\s+\\d{1,3}${NOT_BEFORE_LETTER}|(điều|chương)\\s+\\d{1,3}(?=,?\\s+(?:của\\s+)?\\p{Lu}))`, 'gu');

/**
 * A place named after a person or an event capitalises its common noun (III.1.b: "Phường Điện
 * Biên Phủ"); a name that starts with a family name or such a word may be one, so it is let be.
 * "Hồ" also covers "Thành phố Hồ Chí Minh", written so by III.1.c.
 */
const MAY_NAME_A_PERSON = new Set(
  ['nguyễn', 'trần', 'lê', 'phạm', 'hoàng', 'huỳnh', 'phan', 'vũ', 'võ', 'đặng', 'bùi', 'đỗ', 'hồ', 'ngô', 'dương', 'lý', 'đinh', 'lương', 'trương', 'mạc', 'chu', 'tô', 'cao', 'đào', 'hai', 'quang', 'điện', 'ba', 'thống', 'độc', 'giải', 'cách', 'tháng'].map(compareKey),
);
/** "Huyện ủy", "Tỉnh đoàn", "Xã hội": these words after a place noun make another word, not a place. */
const NOT_A_PLACE_NAME = new Set(['hội', 'ủy', 'đoàn', 'đội', 'đảng', 'bộ'].map(compareKey));
/** Words before a type word that make it generic: "các phòng", "những điều". */
const GENERIC = ['các', 'những', 'mỗi', 'từng', 'mọi'];
/**
 * Words before a lower-case type word that make it generic or part of another word: "cơ sở",
 * "nhà trường", "Công đoàn trường" (the school's union, whose name this is not), "kỷ luật".
 */
const NOT_A_TYPE_AFTER: Record<'agency-type' | 'law-name' | 'article', ReadonlySet<string>> = {
  'agency-type': new Set(
    [...GENERIC, 'cơ', 'trụ', 'văn', 'dự', 'quốc', 'hội', 'thị', 'môi', 'nhà', 'hiện', 'lập', 'quảng', 'chiến', 'công', 'phi', 'đấu', 'thương', 'đoàn', 'đội', 'bộ', 'ủy', 'đại', 'ngoại'].map(compareKey),
  ),
  'law-name': new Set([...GENERIC, 'pháp', 'kỷ', 'quy', 'dự', 'luật'].map(compareKey)),
  article: new Set(GENERIC.map(compareKey)),
};

function capitalisedAlternatives(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1))
    // "Thị Xã", "Thành Phố" as well as "Thị xã".
    .flatMap((word) => (word.includes(' ') ? [word, word.replace(/ (\p{Ll})/gu, (_, letter: string) => ` ${letter.toLocaleUpperCase('vi')}`)] : [word]))
    .join('|');
}

/**
 * Whether `at` starts a sentence, where Phụ lục II, I, capitalises: at the start of the line
 * (a heading, list item, table cell or wrapped line) or after . ? ! : ;, past an enumerator
 * ("a)", "1.", "-") and an opening bracket; and after an opening quote, which may open a title.
 */
export function startsSentence(text: string, at: number): boolean {
  return /(?:(?:^|[.?!:;…])[\s\-–—+•*]*(?:(?:[\p{L}\d]{1,4}|[IVXLC]+)[.)]\s*)*[\s\-–—+•*]*["“‘'(\[«]*|["“‘«][\s(]*)\s*$/u.test(text.slice(0, at));
}

/** The word before `at`, as a comparison key; '' at the line start. */
function wordBefore(text: string, at: number): { key: string; capitalised: boolean } {
  const m = /([\p{L}\p{M}]+)[\s]+$/u.exec(text.slice(0, at));
  return m ? { key: compareKey(m[1]!), capitalised: /^\p{Lu}/u.test(m[1]!) } : { key: '', capitalised: false };
}

/** The end of the name whose first letter is before `at`: its word and the capitalised words after it ("Buôn Trấp"). */
function nameEnd(text: string, at: number): number {
  const rest = /^[\p{L}\p{M}\p{N}]*(?:\s+(?:chuyên\s+)?\p{Lu}[\p{L}\p{M}\p{N}]*)*/u.exec(text.slice(at))![0];
  return at + rest.length;
}

function lowerFirst(text: string, at: number): LetterEdit {
  return { at, letter: text.charAt(at).toLocaleLowerCase('vi') };
}

function upperFirst(text: string, at: number): LetterEdit {
  return { at, letter: text.charAt(at).toLocaleUpperCase('vi') };
}

function fault(kind: CapitalFaultKind, text: string, start: number, end: number, edits: LetterEdit[]): CapitalFault {
  const written = text.slice(start, end);
  let correct = written;
  for (const edit of edits) correct = correct.slice(0, edit.at - start) + edit.letter + correct.slice(edit.at - start + 1);
  return { kind, start, end, written, correct, edits };
}

/** Letters after the first of each space-separated word of [start, end) that are capitals. */
function innerCapitals(text: string, start: number, end: number): LetterEdit[] {
  const edits: LetterEdit[] = [];
  for (const m of text.slice(start, end).matchAll(/(?<=\s)\p{Lu}/gu)) edits.push(lowerFirst(text, start + m.index!));
  return edits;
}

function capitalisedPlaces(text: string, faults: CapitalFault[]): void {
  for (const m of text.matchAll(CAPITALISED_PLACE)) {
    const start = m.index!;
    const placeWord = m[1]!;
    const firstName = compareKey(m[2]!);
    if (startsSentence(text, start) || NOT_A_PLACE_NAME.has(firstName) || MAY_NAME_A_PERSON.has(firstName)) continue;
    faults.push(fault('place-word', text, start, start + m[0].length, [lowerFirst(text, start), ...innerCapitals(text, start, start + placeWord.length)]));
  }
}

function numberedPlaces(text: string, faults: CapitalFault[]): void {
  for (const m of text.matchAll(NUMBERED_PLACE)) {
    const start = m.index!;
    if (GENERIC.includes(wordBefore(text, start).key)) continue;
    faults.push(fault('place-number', text, start, start + m[0].length, [upperFirst(text, start)]));
  }
}

function fixedNames(text: string, faults: CapitalFault[]): void {
  for (const m of text.matchAll(FIXED_NAME)) {
    const start = m.index!;
    const end = start + m[0].length;
    const edits = innerCapitals(text, start, end);
    if (edits.length > 0) faults.push(fault('fixed-name', text, start, end, edits));
  }
}

/**
 * A lower-case type word before a name. An agency's fault spans its whole name ("trường THCS Buôn
 * Trấp"); a document's only the type word, since a title's end cannot be told ("luật Giáo dục và …").
 */
function lowerTypes(text: string, pattern: RegExp, kind: keyof typeof NOT_A_TYPE_AFTER, faults: CapitalFault[]): void {
  for (const m of text.matchAll(pattern)) {
    const typeWord = m.slice(1).find(Boolean)!;
    const start = m.index! + m[0].indexOf(typeWord);
    const before = wordBefore(text, start);
    if (before.capitalised || NOT_A_TYPE_AFTER[kind].has(before.key)) continue;
    const end = kind === 'law-name' ? start + typeWord.length : nameEnd(text, m.index! + m[0].length);
    faults.push(fault(kind, text, start, end, [upperFirst(text, start)]));
  }
}

/** The capitalisation faults of one line of running text, in order. */
export function capitalFaults(text: string): CapitalFault[] {
  const faults: CapitalFault[] = [];
  capitalisedPlaces(text, faults);
  numberedPlaces(text, faults);
  fixedNames(text, faults);
  lowerTypes(text, LOWER_AGENCY, 'agency-type', faults);
  lowerTypes(text, LOWER_LAW, 'law-name', faults);
  lowerTypes(text, LOWER_ARTICLE, 'article', faults);
  return faults.sort((a, b) => a.start - b.start);
}
