// The section tree: letter groups (A., B.), Roman sections (I., II.), then items (1., 1.1., a)).
import type { HeadingForm, Section, TextLine } from '../model.js';
import type { Profile } from '../profile.js';
import { compareKey, isUpperCaseText, romanToNumber } from '../text.js';
import { type PlanLines, lineRange } from './lines.js';

export const SECTION_ROMAN = /^([IVXL]+)\s*([.)/:-])\s*(\S.*)$/u;
export const SECTION_GROUP = /^([A-HK-UW-Z]|Đ)\s*([.)])\s+(\S.*)$/u;
const ITEM_ARABIC = /^(\d{1,2})\s*([.)])\s+(\S.*)$/u;
const ITEM_DECIMAL = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u;
const ITEM_LETTER = /^([a-zđ])\s*([),.])\s+(\S.*)$/u;

/** An upper-case Roman section title: "II. NỘI DUNG". */
export function isRomanSectionTitle(text: string): boolean {
  return SECTION_ROMAN.test(text) && isUpperCaseText(text.replace(/^\S+/, ''), 0.1);
}

/** A section title line that is not a signing title: "V. TỔ CHỨC THỰC HIỆN", "B. NHIỆM VỤ". */
export function isSectionTitleText(text: string): boolean {
  return SECTION_ROMAN.test(text) || SECTION_GROUP.test(text);
}

export interface SectionTree {
  top: Section[];
  all: Section[];
}

/** Sections between TextLines [start, end), with their profile keys. */
export function readSections(plan: PlanLines, start: number, end: number, profile: Profile): SectionTree {
  const all: Section[] = [];
  const top: Section[] = [];
  const stack: Section[] = [];
  const keyOf = sectionKeys(profile);
  let sawRoman = false;
  for (let i = start; i < end; i++) {
    const line = plan.lines[i]!;
    const section = sectionAt(plan, line, sawRoman, keyOf);
    if (!section) {
      if (stack.length > 0 && line.kind !== 'html') stack[stack.length - 1]!.bodyLineCount++;
      continue;
    }
    if (section.scheme === 'roman') sawRoman = true;
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
  return { top, all };
}

function sectionAt(plan: PlanLines, line: TextLine, sawRoman: boolean, keyOf: (title: string) => string | undefined): Section | undefined {
  if (line.kind === 'html' || line.kind === 'tableCell' || (!line.firstInBlock && line.kind !== 'heading')) {
    // A title is the first line of its block; hard-broken continuation lines are body text.
    if (!(line.kind === 'paragraph' && line.strong)) return undefined;
  }
  const text = line.nfc;
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
      key: rank <= 1 ? keyOf(title) : undefined,
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
  const roman = SECTION_ROMAN.exec(text);
  // A Roman title is upper case, or set apart as a heading or bold line ("## II. Nội dung").
  const romanTitle = roman && (isUpperCaseText(roman[3]!, 0.15) || ((line.kind === 'heading' || line.strong) && roman[3]!.length <= 120));
  if (roman && romanTitle && line.listDepth === 0 && !Number.isNaN(romanToNumber(roman[1]!))) {
    return make('roman', 1, roman[1]!, romanToNumber(roman[1]!), roman[2]!, text.length - roman[3]!.length);
  }
  const group = SECTION_GROUP.exec(text);
  if (group && line.listDepth === 0 && isUpperCaseText(group[3]!, 0.15) && group[3]!.length > 3) {
    const ordinal = 'ABCDĐEFGHIKLMNOPQRSTUVXY'.indexOf(group[1]!) + 1;
    return make('group', 0, group[1]!, ordinal, group[2]!, text.length - group[3]!.length);
  }
  if (!sawRoman) return undefined;
  const decimal = ITEM_DECIMAL.exec(text);
  if (decimal && line.listDepth <= 1) {
    const parts = decimal[1]!.split('.');
    return make('decimal', 3, decimal[1]!, Number(parts[parts.length - 1]), '.', text.length - decimal[2]!.length);
  }
  const arabic = ITEM_ARABIC.exec(text);
  if (arabic && line.listDepth <= 1) return make('arabic', 2, arabic[1]!, Number(arabic[1]), arabic[2]!, text.length - arabic[3]!.length);
  const letter = ITEM_LETTER.exec(text);
  if (letter && line.listDepth <= 1 && (letter[3]!.length < 160 || line.strong)) {
    const ordinal = 'abcdđeghiklmnopqrstuvxy'.indexOf(letter[1]!) + 1;
    if (ordinal > 0) return make('letter', 3, letter[1]!, ordinal, letter[2]!, text.length - letter[3]!.length);
  }
  return undefined;
}

function headingForm(line: TextLine): HeadingForm {
  if (line.kind === 'heading') return { kind: 'heading', depth: line.headingDepth ?? 1, strong: line.strong };
  if (line.strong) return { kind: 'bold' };
  return { kind: 'plain' };
}

/** The profile key of a section title: its title or an alias, exactly or as the start of a longer title. */
function sectionKeys(profile: Profile): (title: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const requirement of profile.sections) {
    for (const name of [requirement.title, ...requirement.aliases]) byName.set(compareKey(name), requirement.key);
  }
  return (title) => {
    const key = compareKey(title);
    const exact = byName.get(key);
    if (exact) return exact;
    let best: { length: number; key: string } | undefined;
    for (const [name, sectionKey] of byName) {
      if (key.startsWith(`${name} `) && (!best || name.length > best.length)) best = { length: name.length, key: sectionKey };
    }
    return best?.key;
  };
}
