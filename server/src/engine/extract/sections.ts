// The section tree: groups (A., B.; Phần I, PHẦN THỨ HAI), Roman sections (I., II.), then items
// (1., 1.1., a)). A plan that numbers its top-level sections 1., 2. has them read at the Roman rank.
import type { HeadingForm, Section, TextLine } from '../model.js';
import type { Profile } from '../profile.js';
import { compareKey, isUpperCaseText, romanToNumber } from '../text.js';
import { type PlanLines, lineRange } from './lines.js';

// C counts from XC up (a long plan's 90th section); a lone "C." is the third group (A., B., C.).
const ROMAN = '(?!C[^IVXLC])[IVXLC]+';
export const SECTION_ROMAN = new RegExp(`^(${ROMAN})\\s*([.)/:\\-–—])\\s*(\\S.*)$`, 'u');
// "I MỤC ĐÍCH - YÊU CẦU": read only in sequence ("VI PHẠM", "XI MĂNG" are words), in upper case, or
// in sentence case where the plan numbers its titles so ("II HÌNH THỨC …" / "III Thời gian thực hiện").
const SECTION_ROMAN_BARE = new RegExp(`^(${ROMAN})\\s+(\\p{Lu}.*)$`, 'u');
export const SECTION_GROUP = /^([A-HK-UW-Z]|Đ)\s*([.)])\s+(\S.*)$/u;
const SECTION_PART = /^(Phần|PHẦN)\s+(THỨ\s+\p{Lu}+|thứ\s+\p{Ll}+|[IVXL]+|\d{1,2})(?:\s*([.:)\-–—])\s*|\s+|$)(.*)$/u;
// "1-" followed by a space is how Party plans often number them.
const ITEM_ARABIC = /^(\d{1,2})\s*(?:([.)]|-(?=\s))\s+|([.)])(?=\p{Lu}))(\S.*)$/u;
const ITEM_DECIMAL = /^(\d{1,2}(?:\.\d{1,2})+)(?:\.?\s+|\.(?=\p{Lu}))(\S.*)$/u;
const ITEM_LETTER = /^([a-zđ])\s*([),.])\s+(\S.*)$/u;
const PART_WORDS = ['nhất', 'hai', 'ba', 'tư', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười'];
const LETTERS = 'ABCDĐEFGHIKLMNOPQRSTUVXY';
// A title ends where a sentence or a bracket follows it on the same line ("NỘI DUNG THI. Gồm 3 phần.").
const AFTER_TITLE = /\s*\(|[.:]\s+(?=\S)/u;

/** An upper-case Roman section title: "II. NỘI DUNG". */
export function isRomanSectionTitle(text: string): boolean {
  return SECTION_ROMAN.test(text) && isUpperCaseText(text.replace(/^\S+/, ''), 0.1);
}

/** A section title line that is not a signing title: "V. TỔ CHỨC THỰC HIỆN", "B. NHIỆM VỤ". */
export function isSectionTitleText(text: string): boolean {
  return SECTION_ROMAN.test(text) || SECTION_GROUP.test(text);
}

/** A section that is the plan's basis ("I. CĂN CỨ PHÁP LÝ", "I – CĂN CỨ LẬP KẾ HOẠCH"), not one of the profile's. */
export function isBasisTitle(title: string): boolean {
  return /^(?:căn cứ|cơ sở)(?:\s|$)/u.test(compareKey(title));
}

export interface SectionTree {
  top: Section[];
  all: Section[];
  /** TextLine where the plan's own sections begin: the first section, or the one after a basis section. */
  bodyStart?: number;
}

interface SectionNames {
  /** The profile key of a title: its head matches a name or an alias, exactly or as the start of a longer title. */
  keyOf(title: string): string | undefined;
  /** The profile key when the whole title is a name or an alias: "Mục đích, yêu cầu", not "Mục đích của hội thi là …". */
  exactKeyOf(title: string): string | undefined;
}

interface Reading {
  names: SectionNames;
  /** Arabic-numbered lines are the top-level sections: the plan has no Roman ones. */
  arabicTop: boolean;
  sawSection: boolean;
  lastRoman: number;
  /** The last Roman section was numbered without a separator. */
  lastRomanBare: boolean;
  previousWasSection: boolean;
}

/** Sections between TextLines [start, end), with their profile keys. */
export function readSections(plan: PlanLines, start: number, end: number, profile: Profile): SectionTree {
  const names = sectionNames(profile);
  const tree = readTree(plan, start, end, names, false);
  if (tree.all.some((section) => section.rank <= 1) || !hasArabicProfileTitle(plan, start, end, names)) return tree;
  return readTree(plan, start, end, names, true);
}

function readTree(plan: PlanLines, start: number, end: number, names: SectionNames, arabicTop: boolean): SectionTree {
  const all: Section[] = [];
  const top: Section[] = [];
  const stack: Section[] = [];
  const reading: Reading = { names, arabicTop, sawSection: false, lastRoman: 0, lastRomanBare: false, previousWasSection: false };
  for (let i = start; i < end; i++) {
    const line = plan.lines[i]!;
    const section = sectionAt(plan, line, reading);
    reading.previousWasSection = section !== undefined;
    if (!section) {
      if (stack.length > 0 && line.kind !== 'html') stack[stack.length - 1]!.bodyLineCount++;
      continue;
    }
    if (section.rank === 1) reading.sawSection = true;
    if (section.scheme === 'roman') {
      reading.lastRoman = section.ordinal;
      reading.lastRomanBare = section.separator === '';
    }
    while (stack.length > 0 && stack[stack.length - 1]!.rank >= section.rank) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(section);
    else top.push(section);
    stack.push(section);
    all.push(section);
  }
  // Each section ends where the next one of the same or a higher rank starts.
  for (let k = 0; k < all.length; k++) {
    const section = all[k]!;
    let last = end - 1;
    for (let n = k + 1; n < all.length; n++) {
      if (all[n]!.rank <= section.rank) {
        last = all[n]!.textLine - 1;
        break;
      }
    }
    section.lastTextLine = last;
  }
  const first = all[0];
  const bodyStart = first && first.scheme === 'roman' && isBasisTitle(first.title) ? first.lastTextLine + 1 : first?.textLine;
  return { top, all, bodyStart };
}

/** Whether an Arabic-numbered line is titled as a profile section ("1. Mục đích yêu cầu"). */
function hasArabicProfileTitle(plan: PlanLines, start: number, end: number, names: SectionNames): boolean {
  for (let i = start; i < end; i++) {
    const line = plan.lines[i]!;
    const arabic = ITEM_ARABIC.exec(line.nfc);
    if (arabic && isTitleLike(arabic[4]!) && line.listDepth <= 1 && line.kind !== 'tableCell' && names.exactKeyOf(arabic[4]!)) return true;
  }
  return false;
}

/** Short, and not a sentence: "Mục đích yêu cầu", "Tổ chức thực hiện:", not "Tạo khí thế thi đua …;". */
function isTitleLike(title: string): boolean {
  return title.length <= 80 && !/[.;,]$/u.test(title.replace(/[*_\s]+$/u, ''));
}

function sectionAt(plan: PlanLines, line: TextLine, reading: Reading): Section | undefined {
  if (line.kind === 'html' || line.kind === 'tableCell') return undefined;
  // A title may stand on any visual line of a block (drafts without blank lines are one paragraph);
  // there it is read only in upper case, or as a profile section's very name.
  const continuation = !line.firstInBlock && line.kind !== 'heading';
  const setApart = line.kind === 'heading' || line.strong;
  const text = line.nfc;
  const { names } = reading;
  const make = (scheme: Section['scheme'], rank: number, number: string, ordinal: number, separator: string, titleStart: number): Section => {
    const title = text.slice(titleStart).replace(/[*_\s]+$/u, '');
    const numberStart = text.indexOf(number);
    return {
      scheme,
      rank,
      number,
      ordinal,
      separator,
      title,
      key: rank <= 1 ? names.keyOf(title) : undefined,
      form: headingForm(line),
      range: lineRange(plan.index, line),
      numberRange: lineRange(plan.index, line, numberStart, numberStart + number.length),
      titleRange: lineRange(plan.index, line, titleStart, titleStart + title.length),
      textLine: line.index,
      lastTextLine: line.index,
      bodyLineCount: 0,
      children: [],
    };
  };
  const upperTitle = (title: string): boolean => isUpperCaseText(titleHead(title), 0.15) || isUpperCaseText(title, 0.15);
  const topLevel = line.listDepth === 0 || continuation;

  const roman = SECTION_ROMAN.exec(text);
  if (roman && topLevel && !Number.isNaN(romanToNumber(roman[1]!))) {
    const title = roman[3]!;
    // A Roman title is upper case, set apart as a heading or bold line ("## II. Nội dung"), or a section's name ("I. Mục đích, yêu cầu").
    if (upperTitle(title) || (setApart && title.length <= 120) || names.exactKeyOf(title)) {
      return make('roman', 1, roman[1]!, romanToNumber(roman[1]!), roman[2]!, text.length - title.length);
    }
  }
  const bare = SECTION_ROMAN_BARE.exec(text);
  if (bare && topLevel) {
    const ordinal = romanToNumber(bare[1]!);
    const title = bare[2]!;
    const sameForm = reading.lastRomanBare && ordinal >= reading.lastRoman && isTitleLike(title);
    if (!Number.isNaN(ordinal) && ordinal <= reading.lastRoman + 1 && (upperTitle(title) || names.exactKeyOf(title) || sameForm)) {
      return make('roman', 1, bare[1]!, ordinal, '', text.length - title.length);
    }
  }
  const part = SECTION_PART.exec(text);
  if (part && topLevel) {
    const ordinal = partOrdinal(part[2]!);
    const title = part[4]!;
    const separated = part[3] !== undefined || title === '';
    if (ordinal > 0 && (isUpperCaseText(text, 0.15) || setApart || (separated && isTitleLike(title)))) {
      const number = `${part[1]} ${part[2]}`;
      return make('group', 0, number, ordinal, part[3] ?? '', text.length - title.length);
    }
  }
  const group = SECTION_GROUP.exec(text);
  if (group && topLevel && isUpperCaseText(group[3]!, 0.15) && group[3]!.length > 3) {
    return make('group', 0, group[1]!, LETTERS.indexOf(group[1]!) + 1, group[2]!, text.length - group[3]!.length);
  }
  if (!reading.sawSection && !reading.arabicTop) return undefined;
  // An item on a continuation line follows the end of a sentence or a title, not a wrapped phrase ("… giai đoạn 2021 -" / "25. …").
  if (continuation && !setApart && !reading.previousWasSection && !/[.:;]$/u.test(plan.lines[line.index - 1]?.nfc ?? '')) return undefined;
  const decimal = ITEM_DECIMAL.exec(text);
  if (decimal && reading.sawSection && line.listDepth <= 1) {
    const parts = decimal[1]!.split('.');
    return make('decimal', 3, decimal[1]!, Number(parts[parts.length - 1]), '.', text.length - decimal[2]!.length);
  }
  const arabic = ITEM_ARABIC.exec(text);
  if (arabic && line.listDepth <= 1) {
    const title = arabic[4]!;
    const separator = arabic[2] ?? arabic[3]!;
    if (reading.arabicTop && isTitleLike(title)) return make('arabic', 1, arabic[1]!, Number(arabic[1]), separator, text.length - title.length);
    if (reading.sawSection) return make('arabic', 2, arabic[1]!, Number(arabic[1]), separator, text.length - title.length);
    return undefined;
  }
  if (!reading.sawSection) return undefined;
  const letter = ITEM_LETTER.exec(text);
  if (letter && line.listDepth <= 1 && (letter[3]!.length < 160 || line.strong)) {
    const ordinal = 'abcdđeghiklmnopqrstuvxy'.indexOf(letter[1]!) + 1;
    if (ordinal > 0) return make('letter', 3, letter[1]!, ordinal, letter[2]!, text.length - letter[3]!.length);
  }
  return undefined;
}

/** "II" → 2, "THỨ NHẤT" → 1, "3" → 3; 0 when the word is not a number. */
function partOrdinal(number: string): number {
  if (/^\d+$/u.test(number)) return Number(number);
  const word = /^thứ (.+)$/u.exec(compareKey(number));
  if (word) return PART_WORDS.indexOf(word[1]!) + 1;
  const roman = romanToNumber(number);
  return Number.isNaN(roman) ? 0 : roman;
}

/** The title without what follows it on its line: "NỘI DUNG THI" of "NỘI DUNG THI. Gồm 3 phần.". */
function titleHead(title: string): string {
  const head = title.split(AFTER_TITLE)[0]!;
  return head.trim() === '' ? title : head;
}

function headingForm(line: TextLine): HeadingForm {
  if (line.kind === 'heading') return { kind: 'heading', depth: line.headingDepth ?? 1, strong: line.strong };
  if (line.strong) return { kind: 'bold' };
  return { kind: 'plain' };
}

function sectionNames(profile: Profile): SectionNames {
  const byName = new Map<string, string>();
  for (const requirement of profile.sections) {
    for (const name of [requirement.title, ...requirement.aliases]) byName.set(compareKey(name), requirement.key);
  }
  // "II. CÁC NỘI DUNG HOẠT ĐỘNG", "NHỮNG NHIỆM VỤ CHỦ YẾU": the plural word is not part of the name.
  const keyText = (title: string): string => compareKey(title).replace(/^(?:các|những) /u, '');
  const exactKeyOf = (title: string): string | undefined => byName.get(compareKey(title)) ?? byName.get(keyText(title));
  const startKeyOf = (key: string): string | undefined => {
    let best: { length: number; key: string } | undefined;
    for (const [name, sectionKey] of byName) {
      if (key.startsWith(`${name} `) && (!best || name.length > best.length)) best = { length: name.length, key: sectionKey };
    }
    return best?.key;
  };
  const keyOf = (title: string): string | undefined => {
    const head = titleHead(title);
    return exactKeyOf(head) ?? exactKeyOf(title) ?? startKeyOf(keyText(head)) ?? startKeyOf(keyText(title));
  };
  return { keyOf, exactKeyOf };
}
