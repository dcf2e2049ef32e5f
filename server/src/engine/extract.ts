// Builds the plan model from TextLines: header, preamble, sections, dates, citations,
// recipients, signature, abbreviations and disable comments. One pass per concern, no re-parse.
import { findCitations } from './citations.js';
import { dateProblem, findDates } from './dates.js';
import { TextLineBuilder, frontMatterEnd, parseMarkdown } from './markdown.js';
import type {
  AbbreviationDefinition,
  AbbreviationUse,
  Citation,
  DateMention,
  HeadingForm,
  Part,
  PlaceDate,
  PlanHeader,
  PlanModel,
  PlanNumber,
  ProfileName,
  RecipientEntry,
  Recipients,
  Section,
  Signature,
  Suppression,
  TextLine,
} from './model.js';
import { PROFILES, type Profile } from './profile.js';
import { LineIndex, compareKey, isUpperCaseText, romanToNumber, toNfc } from './text.js';
import type { Range } from './types.js';
import { ACADEMIC_TITLES, UPPER_CASE_NAME, documentTypeOf } from './vocabulary.js';

export interface BuildOptions {
  /** Chooses the profile once the draft's own kind is known (configured profile, or the detected one). */
  profileFor?: (detected: ProfileName) => Profile;
}

export function buildModel(source: string, options: BuildOptions = {}): PlanModel {
  const index = new LineIndex(source);
  const fmEnd = frontMatterEnd(source);
  // Front matter is blanked (same length, same line breaks) so offsets stay true.
  const markdown = fmEnd > 0 ? source.slice(0, fmEnd).replace(/[^\r\n]/g, ' ') + source.slice(fmEnd) : source;
  const lines = new TextLineBuilder(source).build(parseMarkdown(markdown));
  for (const line of lines) {
    line.line = index.positionAt(line.offsets[0]!).line;
    const nfc = toNfc(line.text);
    line.nfc = nfc.text;
    line.nfcMap = nfc.map;
  }
  const ctx = new Extraction(source, index, lines);
  const frontMatter = fmEnd > 0 ? ctx.frontMatter(fmEnd) : undefined;
  const header = ctx.header();
  const closing = ctx.closing(header.endTextLine);
  const sectionsFound = ctx.sections(header.endTextLine, closing.start);
  const firstSectionLine = sectionsFound.all[0]?.textLine ?? closing.start;
  const basisLines = { start: header.endTextLine, end: firstSectionLine };
  const { dates, citations } = ctx.datesAndCitations(header, basisLines);
  const detectedProfile = detectProfile(header, closing.signature);
  const profile = options.profileFor?.(detectedProfile) ?? PROFILES[detectedProfile];
  assignSectionKeys(sectionsFound.all, profile);
  return {
    source,
    index,
    lines,
    frontMatter,
    header,
    basisLines,
    sections: sectionsFound.top,
    allSections: sectionsFound.all,
    dates,
    citations,
    recipients: closing.recipients,
    signature: closing.signature,
    abbreviations: ctx.abbreviations(header.endTextLine, closing.start, citations),
    suppressions: ctx.suppressions(),
    detectedProfile,
    closingStart: closing.start,
  };
}

/** Source range of characters [start, end) of a line's NFC text. */
export function lineRange(index: LineIndex, line: TextLine, start = 0, end = line.nfc.length): Range {
  const toText = (i: number): number => (line.nfcMap ? line.nfcMap[i]! : i);
  const a = toText(Math.max(0, Math.min(start, line.nfc.length)));
  const b = toText(Math.max(0, Math.min(end, line.nfc.length)));
  const startOffset = line.offsets[a]!;
  const endOffset = b > 0 && b > a ? line.offsets[b - 1]! + 1 : startOffset;
  return index.range(startOffset, Math.max(startOffset, endOffset));
}

const NUMBER_LINE = /^(Số)\s*(?::|\.)?\s*(.*)$/u;
// A draft may leave the day blank until signing: "Hà Nội, ngày    tháng 5 năm 2026".
const PLACE_DATE = /^(.{1,60}?)\s*,?\s*(ngày\s+(?:\d|\.|…|_|tháng\b)|\d{1,2}\/\d{1,2}\/\d{2,5})/iu;
const SECTION_ROMAN = /^([IVXL]+)\s*([.)/:-])\s*(\S.*)$/u;
const SECTION_GROUP = /^([A-HK-UW-Z]|Đ)\s*([.)])\s+(\S.*)$/u;
const ITEM_ARABIC = /^(\d{1,2})\s*([.)])\s+(\S.*)$/u;
const ITEM_DECIMAL = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/u;
const ITEM_LETTER = /^([a-zđ])\s*([),.])\s+(\S.*)$/u;
const SIGNING_PREFIX = /^(TM|KT|TL|TUQ|Q|T\/M|K\/T|T\/L)\s*(\.|(?<=\/\p{Lu})\s)\s*/u;
/** The number of a numbered recipient entry: "1. ", "2) ". */
const ENTRY_NUMBER = /^\d{1,2}[.)]\s+/u;
const NAME_LINE = /^(?:(?:GS|PGS|TS|ThS|TSKH|BS|KS|CN|NGND|NGƯT)\.?\s*(?:TS\.?\s*)?)?\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,6}$/u;

class Extraction {
  constructor(
    private readonly source: string,
    private readonly index: LineIndex,
    private readonly lines: TextLine[],
  ) {}

  part(line: TextLine, start = 0, end = line.nfc.length): Part {
    return { text: line.nfc.slice(start, end), range: lineRange(this.index, line, start, end), line: line.line };
  }

  frontMatter(end: number): PlanModel['frontMatter'] {
    const block = this.source.slice(0, end);
    const flag = /^kehoach\s*:\s*(true|false|yes|no)\s*$/imu.exec(block);
    return {
      kehoach: flag ? flag[1] === 'true' || flag[1] === 'yes' : undefined,
      range: this.index.range(0, end),
    };
  }

  header(): PlanHeader {
    const lines = this.lines;
    const header: PlanHeader = { endTextLine: 0 };
    const limit = Math.min(lines.length, 60);
    let titleIndex = -1;
    for (let i = 0; i < limit; i++) {
      const line = lines[i]!;
      if (line.kind === 'html') continue;
      // A heading or a line of its own may spell the type in lower case ("# Kế hoạch tổ chức ..."); KH206 reports the case.
      const title =
        /^(KẾ\s+HOẠCH)(?=$|[\s:*]|\p{P})/u.exec(line.nfc) ??
        (line.kind === 'heading' || compareKey(line.nfc) === 'kế hoạch' ? /^(kế\s+hoạch)(?=$|[\s:*]|\p{P})(?!\s+(?:số|\d))/iu.exec(line.nfc) : null);
      if (title) {
        titleIndex = i;
        header.title = this.part(line, 0, title[1]!.length);
        break;
      }
      if (SECTION_ROMAN.test(line.nfc) && isUpperCaseText(line.nfc.replace(/^\S+/, ''), 0.1) && i > 0) break;
    }
    const zoneEnd = titleIndex >= 0 ? titleIndex : this.firstBodyLine(limit);
    for (let i = 0; i < zoneEnd; i++) this.headerLine(lines[i]!, header);
    // Tables at the top may hold header parts even after the title (a two-column layout).
    let end = zoneEnd;
    if (titleIndex >= 0) {
      const titleLine = lines[titleIndex]!;
      end = titleIndex + 1;
      const rest = titleLine.nfc.slice(header.title!.text.length).replace(/^[\s:–-]+/u, '');
      if (rest) {
        const start = titleLine.nfc.length - rest.length;
        header.summary = this.part(titleLine, start);
      } else {
        const summary: TextLine[] = [];
        for (let i = titleIndex + 1; i < lines.length && summary.length < 4; i++) {
          const line = lines[i]!;
          if (line.kind === 'html') continue;
          if (summary.length === 0 && (this.isBasisNotSummary(line) || line.kind === 'tableCell' || /^nơi\s+nhận\b/u.test(compareKey(line.nfc)))) break;
          if (summary.length > 0 && line.block !== summary[0]!.block) break;
          if (SECTION_ROMAN.test(line.nfc) && summary.length === 0) break;
          summary.push(line);
        }
        if (summary.length > 0) {
          const first = summary[0]!;
          const last = summary[summary.length - 1]!;
          header.summary = {
            text: summary.map((line) => line.nfc).join(' '),
            range: { start: lineRange(this.index, first).start, end: lineRange(this.index, last).end },
            line: first.line,
          };
          end = last.index + 1;
        }
      }
      // Number and date lines written just under the title still belong to the header.
      for (let i = end; i < Math.min(lines.length, end + 3); i++) {
        const line = lines[i]!;
        if (!header.number && NUMBER_LINE.test(line.nfc) && /\d|\.{2,}|…|\//u.test(line.nfc)) {
          this.headerLine(line, header);
          end = i + 1;
        } else if (!header.placeDate && PLACE_DATE.test(line.nfc) && line.nfc.length < 90 && !this.looksLikeBasis(line)) {
          this.headerLine(line, header);
          end = i + 1;
        }
      }
    }
    header.endTextLine = end;
    return header;
  }

  private firstBodyLine(limit: number): number {
    for (let i = 0; i < limit; i++) {
      const text = this.lines[i]!.nfc;
      if (SECTION_ROMAN.test(text) || this.looksLikeBasis(this.lines[i]!)) return i;
    }
    return Math.min(limit, 12);
  }

  private looksLikeBasis(line: TextLine): boolean {
    // (?=\s) rather than \b: \b does not see "ứ" as a word character.
    return /^(?:căn\s+cứ|thực\s+hiện|triển\s+khai|theo)(?=\s)/iu.test(line.nfc) && /\d+\s*[/-]\s*\d*\s*[\p{Lu}]/u.test(line.nfc);
  }

  /**
   * Under the title, "Thực hiện Chỉ thị số 20-CT/TW ..." may be the summary itself. It is the basis
   * when it reads like one: dated, ending with ";" or ",", or in italics as ND30 sets the basis.
   */
  private isBasisNotSummary(line: TextLine): boolean {
    return this.looksLikeBasis(line) && (/[;,]$/u.test(line.nfc) || /ngày\s+\d/iu.test(line.nfc) || (line.emphasized && !line.strong));
  }

  private headerLine(line: TextLine, header: PlanHeader): void {
    const text = line.nfc;
    const key = compareKey(text);
    if (key === 'cộng hòa xã hội chủ nghĩa việt nam') {
      header.motto = this.part(line);
      return;
    }
    if (key === 'độc lập tự do hạnh phúc') {
      header.tagline = this.part(line);
      return;
    }
    if (key === 'đảng cộng sản việt nam') {
      header.partyHeader = this.part(line);
      return;
    }
    const number = NUMBER_LINE.exec(text);
    // The number itself is often left blank until registration: "Số:      /KH-UBND".
    if (number && !header.number && (number[2]!.length === 0 || /^[\d.…_ /]/u.test(number[2]!))) {
      header.number = this.planNumber(line, number[1]!.length, text.length - number[2]!.length);
      return;
    }
    const placeDate = PLACE_DATE.exec(text);
    if (placeDate && !header.placeDate) {
      const place = placeDate[1]!.replace(/[\s,*]+$/u, '');
      const pd: PlaceDate = { ...this.part(line), place };
      header.placeDate = pd;
      return;
    }
    if (/^[_\-–—=.*\s]+$/u.test(text)) return;
    if (isUpperCaseText(text, 0.05) && text.length <= 120) {
      if (!header.agency) header.agency = this.part(line);
      else if (!header.parentAgency) {
        header.parentAgency = header.agency;
        header.agency = this.part(line);
      } else header.agency = { ...header.agency, text: `${header.agency.text} ${text}`, range: { start: header.agency.range.start, end: this.part(line).range.end } };
    }
  }

  private planNumber(line: TextLine, labelEnd: number, valueStart: number): PlanNumber {
    const value = line.nfc.slice(valueStart).replace(/[\s*]+$/u, '');
    const compact = value.replace(/\s+/g, '');
    // A blank or dotted number ("…/KH-UBND") is a placeholder: the form is known, the number is not.
    const state = /^(\d+|[.…_]*)\/([\p{L}&]+)-([\p{L}&-]+)$/u.exec(compact);
    const party = /^(\d+|[.…_]*)-([\p{L}&]+)\/([\p{L}&/-]+)$/u.exec(compact);
    const match = state ?? party;
    return {
      ...this.part(line),
      labelRange: lineRange(this.index, line, 0, labelEnd),
      value,
      valueRange: lineRange(this.index, line, valueStart, valueStart + value.length),
      form: state ? 'state' : party ? 'party' : 'unknown',
      number: match?.[1] && /^\d/u.test(match[1]) ? match[1] : undefined,
      typeCode: match?.[2],
      issuerCode: match?.[3],
    };
  }

  closing(headerEnd: number): { start: number; recipients?: Recipients; signature?: Signature } {
    const lines = this.lines;
    let headingIndex = -1;
    for (let i = lines.length - 1; i >= headerEnd; i--) {
      if (/^nơi\s+nhận\b/u.test(compareKey(lines[i]!.nfc)) && lines[i]!.nfc.length < 40) {
        headingIndex = i;
        break;
      }
    }
    let recipients: Recipients | undefined;
    let afterRecipients = lines.length;
    if (headingIndex >= 0) {
      const heading = lines[headingIndex]!;
      const entries: RecipientEntry[] = [];
      let previous = heading;
      const colon = heading.nfc.indexOf(':');
      // "Nơi nhận: - Sở GDĐT;" on one line.
      const inline = colon >= 0 ? heading.nfc.slice(colon + 1).trim() : '';
      if (inline) entries.push(this.recipientEntry(heading, heading.nfc.length - inline.length));
      let i = headingIndex + 1;
      for (; i < lines.length; i++) {
        const line = lines[i]!;
        if (line.kind === 'html') continue;
        if (heading.table && (!line.table || line.table.table !== heading.table.table || line.table.column !== heading.table.column)) {
          if (line.table?.table === heading.table.table) continue;
          break;
        }
        if (!this.isRecipientLine(line, previous, entries)) break;
        entries.push(this.recipientEntry(line, 0));
        previous = line;
      }
      afterRecipients = i;
      recipients = { heading: this.part(heading, 0, colon >= 0 ? colon + 1 : heading.nfc.length), entries };
    }
    const signature = this.signature(headingIndex, afterRecipients, headerEnd);
    const candidates = [headingIndex >= 0 ? headingIndex : lines.length, signature?.firstTextLine ?? lines.length];
    return { start: Math.min(...candidates), recipients, signature };
  }

  private isRecipientLine(line: TextLine, previous: TextLine, entries: RecipientEntry[]): boolean {
    const text = line.nfc;
    if (/^[-+•–*]\s*/u.test(text)) return !SIGNING_PREFIX.test(text.replace(/^[-+•–*]\s*/u, ''));
    if (SIGNING_PREFIX.test(text) || (isUpperCaseText(text, 0.05) && !/[;,]$/u.test(text))) return false;
    const last = entries[entries.length - 1];
    if (last?.isArchive && last.terminator === '.') return false;
    if (line.block === previous.block) return true;
    if (/^lưu\b/iu.test(text)) return true;
    // "1. Sở GDĐT;": a numbered list is still a list of recipients (KH502 asks for dashes).
    if (line.kind === 'listItem' && ENTRY_NUMBER.test(text)) return true;
    return /;$/u.test(text) && !NAME_LINE.test(text);
  }

  private recipientEntry(line: TextLine, from: number): RecipientEntry {
    const text = line.nfc.slice(from);
    const dash = /^[-+•–*]\s*/u.exec(text);
    const body = text.slice(dash?.[0].length ?? ENTRY_NUMBER.exec(text)?.[0].length ?? 0);
    const terminatorMatch = /([;.,:]|\.\/\.)?\s*$/u.exec(body);
    const terminator = terminatorMatch?.[1] ?? '';
    const annotations = [...body.matchAll(/\(([^)]+)\)/gu)].map((m) => m[1]!.trim());
    const name = body
      .slice(0, body.length - (terminatorMatch?.[0].length ?? 0))
      .replace(/\s*\([^)]*\)\s*/gu, ' ')
      .replace(/[;,.\s]+$/u, '')
      .trim();
    return {
      ...this.part(line, from),
      name,
      hasDash: dash !== null,
      terminator,
      annotations,
      isArchive: /^lưu\b/iu.test(body),
      textLine: line.index,
    };
  }

  private signature(headingIndex: number, afterRecipients: number, headerEnd: number): Signature | undefined {
    const lines = this.lines;
    if (headingIndex >= 0 && lines[headingIndex]!.table) {
      const table = lines[headingIndex]!.table!.table;
      const candidates = lines.filter((line) => line.table?.table === table && line.table.column !== lines[headingIndex]!.table!.column);
      candidates.push(...lines.slice(afterRecipients).filter((line) => !line.table));
      return this.signatureIn(candidates);
    }
    if (headingIndex >= 0) {
      // Usually after the recipients; some drafts put the signature first, just above "Nơi nhận:".
      return this.signatureIn(lines.slice(afterRecipients)) ?? this.signatureIn(this.signingRunBefore(headingIndex, headerEnd));
    }
    // No recipient list: the signature is the trailing run of upper-case and name lines.
    return this.signatureIn(this.signingRunBefore(lines.length, headerEnd));
  }

  /** The run of upper-case, name and signing lines that ends just before line `end`. */
  private signingRunBefore(end: number, headerEnd: number): TextLine[] {
    let start = end;
    while (start > headerEnd && end - start < 6) {
      const line = this.lines[start - 1]!;
      const text = line.nfc;
      // An upper-case section title ("V. TỔ CHỨC THỰC HIỆN") belongs to the body; "Q. HIỆU TRƯỞNG" does not.
      const sectionTitle = !SIGNING_PREFIX.test(text) && (SECTION_ROMAN.test(text) || SECTION_GROUP.test(text));
      if (!sectionTitle && (line.kind === 'html' || isUpperCaseText(text, 0.05) || NAME_LINE.test(text) || SIGNING_PREFIX.test(text) || /^\(.*\)$/u.test(text))) start--;
      else break;
    }
    return this.lines.slice(start, end);
  }

  private signatureIn(lines: TextLine[]): Signature | undefined {
    const candidates = lines.filter((line) => line.kind !== 'html').slice(0, 8);
    if (candidates.length === 0) return undefined;
    const signature: Signature = { range: lineRange(this.index, candidates[0]!), firstTextLine: candidates[0]!.index };
    const upper: Part[] = [];
    for (const line of candidates) {
      const text = line.nfc;
      const prefix = SIGNING_PREFIX.exec(text);
      if (prefix && !signature.prefix && upper.length === 0) {
        signature.prefix = this.part(line, 0, prefix[0].trimEnd().length);
        const rest = text.slice(prefix[0].length);
        if (rest) upper.push(this.part(line, prefix[0].length));
        continue;
      }
      if (isUpperCaseText(text, 0.05) && !signature.name) {
        // A name typed in capitals under the titles is still the name (KH603 reports the capitals).
        if ((upper.length > 0 || signature.prefix) && UPPER_CASE_NAME.test(text)) {
          signature.name = this.part(line);
          break;
        }
        upper.push(this.part(line));
        continue;
      }
      if (/^\(.*\)$/u.test(text) || /^\[.*\]$/u.test(text)) continue;
      if (!signature.name && (NAME_LINE.test(text) || ACADEMIC_TITLES.test(text)) && text.split(/\s+/).length <= 8) {
        signature.name = this.part(line);
        break;
      }
      if (!signature.name) break;
    }
    if (signature.prefix) {
      if (upper.length >= 2) {
        signature.authority = upper[0];
        signature.title = upper.slice(1).reduce(joinParts);
      } else if (upper.length === 1) signature.authority = upper[0];
    } else if (upper.length >= 1) {
      signature.title = upper[upper.length - 1];
      if (upper.length >= 2) signature.authority = upper.slice(0, -1).reduce(joinParts);
    }
    if (!signature.prefix && !signature.title && !signature.name) return undefined;
    const lastPart = signature.name ?? signature.title ?? signature.authority ?? signature.prefix!;
    signature.range = { start: signature.range.start, end: lastPart.range.end };
    return signature;
  }

  sections(start: number, end: number): { top: Section[]; all: Section[] } {
    const all: Section[] = [];
    const top: Section[] = [];
    const stack: Section[] = [];
    let sawRoman = false;
    for (let i = start; i < end; i++) {
      const line = this.lines[i]!;
      const section = this.sectionAt(line, sawRoman);
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

  private sectionAt(line: TextLine, sawRoman: boolean): Section | undefined {
    if (line.kind === 'html' || line.kind === 'tableCell' || !line.firstInBlock && line.kind !== 'heading') {
      // A title is the first line of its block; hard-broken continuation lines are body text.
      if (!(line.kind === 'paragraph' && line.strong)) return undefined;
    }
    const text = line.nfc;
    const roman = SECTION_ROMAN.exec(text);
    // A Roman title is upper case, or set apart as a heading or bold line ("## II. Nội dung").
    const romanTitle = roman && (isUpperCaseText(roman[3]!, 0.15) || ((line.kind === 'heading' || line.strong) && roman[3]!.length <= 120));
    if (roman && romanTitle && line.listDepth === 0 && !Number.isNaN(romanToNumber(roman[1]!))) {
      return this.section(line, 'roman', 1, roman[1]!, romanToNumber(roman[1]!), roman[2]!, text.length - roman[3]!.length);
    }
    const group = SECTION_GROUP.exec(text);
    if (group && line.listDepth === 0 && isUpperCaseText(group[3]!, 0.15) && group[3]!.length > 3) {
      const ordinal = 'ABCDĐEFGHIKLMNOPQRSTUVXY'.indexOf(group[1]!) + 1;
      return this.section(line, 'group', 0, group[1]!, ordinal, group[2]!, text.length - group[3]!.length);
    }
    if (!sawRoman) return undefined;
    const decimal = ITEM_DECIMAL.exec(text);
    if (decimal && line.listDepth <= 1) {
      const parts = decimal[1]!.split('.');
      return this.section(line, 'decimal', 3, decimal[1]!, Number(parts[parts.length - 1]), '.', text.length - decimal[2]!.length);
    }
    const arabic = ITEM_ARABIC.exec(text);
    if (arabic && line.listDepth <= 1) {
      return this.section(line, 'arabic', 2, arabic[1]!, Number(arabic[1]), arabic[2]!, text.length - arabic[3]!.length);
    }
    const letter = ITEM_LETTER.exec(text);
    if (letter && line.listDepth <= 1 && (letter[3]!.length < 160 || line.strong)) {
      const ordinal = 'abcdđeghiklmnopqrstuvxy'.indexOf(letter[1]!) + 1;
      if (ordinal > 0) return this.section(line, 'letter', 3, letter[1]!, ordinal, letter[2]!, text.length - letter[3]!.length);
    }
    return undefined;
  }

  private section(line: TextLine, scheme: Section['scheme'], rank: number, number: string, ordinal: number, separator: string, titleStart: number): Section {
    const title = line.nfc.slice(titleStart).replace(/[*_\s]+$/u, '');
    const numberStart = line.nfc.indexOf(number);
    return {
      scheme,
      rank,
      number,
      ordinal,
      separator,
      title,
      form: headingForm(line),
      range: lineRange(this.index, line),
      numberRange: lineRange(this.index, line, numberStart, numberStart + number.length),
      titleRange: lineRange(this.index, line, titleStart, titleStart + title.length),
      textLine: line.index,
      lastTextLine: line.index,
      bodyLineCount: 0,
      children: [],
    };
  }

  datesAndCitations(header: PlanHeader, basis: { start: number; end: number }): { dates: DateMention[]; citations: Citation[] } {
    const dates: DateMention[] = [];
    const citations: Citation[] = [];
    const seen = new Set<string>();
    const placeDateLine = header.placeDate?.line;
    for (const line of this.lines) {
      if (line.kind === 'html') continue;
      const found = findDates(line.nfc);
      const mentions = found.map((date): DateMention => {
        const mention: DateMention = {
          kind: date.kind,
          raw: date.raw,
          range: lineRange(this.index, line, date.start, date.end),
          textLine: line.index,
          day: date.day,
          month: date.month,
          year: date.year,
          endYear: date.endYear,
          sharedYear: date.sharedYear,
          numeric: date.numeric,
        };
        mention.invalid = dateProblem(mention);
        return mention;
      });
      if (placeDateLine === line.line && header.placeDate && mentions.length > 0 && line.index < header.endTextLine) {
        const issue = mentions[0]!;
        issue.kind = 'issue';
        header.placeDate.date = issue;
      }
      for (const cite of findCitations(line.nfc, found)) {
        // The plan's own number is not a citation.
        if (header.number && line.line === header.number.line) continue;
        const type = cite.typeWord ? documentTypeOf(cite.typeWord) : undefined;
        const date = cite.dateIndex !== undefined ? mentions[cite.dateIndex] : undefined;
        if (date && date.kind !== 'issue') date.kind = 'citation';
        const firstMention = !seen.has(cite.symbol);
        seen.add(cite.symbol);
        citations.push({
          typeWord: cite.typeWord,
          typeName: type?.name,
          expectedTypeCode: type?.code,
          symbolRaw: cite.symbolRaw,
          symbol: cite.symbol,
          number: cite.number,
          numberYear: cite.numberYear,
          typeCode: cite.typeCode,
          issuerCode: cite.issuerCode,
          form: cite.form,
          formatProblems: cite.formatProblems,
          hasSoWord: cite.hasSoWord,
          date,
          issuer: cite.issuer,
          issuerRange: cite.issuerStart !== undefined ? lineRange(this.index, line, cite.issuerStart, cite.issuerEnd) : undefined,
          range: lineRange(this.index, line, cite.start, cite.end),
          symbolRange: lineRange(this.index, line, cite.symbolStart, cite.symbolEnd),
          typeRange: cite.typeStart !== undefined ? lineRange(this.index, line, cite.typeStart, cite.typeStart + cite.typeWord.length) : undefined,
          textLine: line.index,
          inBasis: line.index >= basis.start && line.index < basis.end,
          firstMention,
        });
      }
      dates.push(...mentions);
    }
    return { dates, citations };
  }

  abbreviations(start: number, end: number, citations: Citation[]): PlanModel['abbreviations'] {
    const definitions: AbbreviationDefinition[] = [];
    const uses: AbbreviationUse[] = [];
    const symbolLines = new Map<number, Citation[]>();
    for (const citation of citations) {
      const list = symbolLines.get(citation.textLine) ?? [];
      list.push(citation);
      symbolLines.set(citation.textLine, list);
    }
    const definition = /\(\s*([\p{Lu}][\p{Lu}&\-]*[\p{Lu}])\s*\)/gu;
    const use = /(?<![\p{L}\p{N}/&-])([\p{Lu}][\p{Lu}&]*[\p{Lu}](?:-[\p{Lu}]+)*)(?![\p{L}\p{N}&])/gu;
    for (let i = start; i < end; i++) {
      const line = this.lines[i]!;
      // Definitions and uses both need two capitals in a row; most lines have none.
      if (line.kind === 'html' || !/\p{Lu}\p{Lu}/u.test(line.nfc) || isUpperCaseText(line.nfc, 0.3)) continue;
      for (const m of line.nfc.matchAll(definition)) {
        const at = m.index! + m[0].indexOf(m[1]!);
        definitions.push({ abbreviation: m[1]!, textLine: i, ...this.part(line, at, at + m[1]!.length) });
      }
      const lineCitations = symbolLines.get(i) ?? [];
      // "TẾT TRUNG THU": the words of an upper-case Vietnamese phrase are words even without tone marks.
      const phrases = [...line.nfc.matchAll(/\p{Lu}+(?:[ \t]+\p{Lu}+)+/gu)].filter((p) => /[^A-ZĐ\s]/u.test(p[0]));
      for (const m of line.nfc.matchAll(use)) {
        const token = m[1]!;
        if (!Number.isNaN(romanToNumber(token))) continue;
        // Only ASCII letters and Đ: upper-case Vietnamese words with tone marks are words, not abbreviations.
        if (/[^A-ZĐ&-]/u.test(token)) continue;
        if (phrases.some((p) => m.index! >= p.index! && m.index! < p.index! + p[0].length)) continue;
        const range = this.part(line, m.index!, m.index! + token.length);
        const insideSymbol = lineCitations.some((c) => within(range.range, c.symbolRange));
        if (insideSymbol) continue;
        uses.push({ abbreviation: token, textLine: i, ...range });
      }
    }
    return { definitions, uses };
  }

  suppressions(): Suppression[] {
    const result: Suppression[] = [];
    // Scanned in the source, so comments inside a paragraph count as well as comment blocks.
    const directive = /<!--\s*kehoach-(disable-next-line|disable|enable)\b([^>]*?)-->/gu;
    for (const m of this.source.matchAll(directive)) {
      const kind = m[1] as Suppression['kind'];
      const ruleIds = (m[2] ?? '').split(/[\s,]+/u).filter((id) => /^KH\d{3}$/iu.test(id)).map((id) => id.toUpperCase());
      const range = this.index.range(m.index!, m.index! + m[0].length);
      const suppression: Suppression = { kind, ruleIds, line: range.start.line, range };
      if (kind === 'disable-next-line') suppression.targetLine = this.nextNonBlankLine(range.end.line + 1);
      result.push(suppression);
    }
    return result;
  }

  private nextNonBlankLine(from: number): number {
    for (let line = from; line < this.index.lineCount; line++) {
      if (this.index.lineText(line).trim() !== '') return line;
    }
    return from;
  }
}

function joinParts(a: Part, b: Part): Part {
  return { text: `${a.text} ${b.text}`, range: { start: a.range.start, end: b.range.end }, line: a.line };
}

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function headingForm(line: TextLine): HeadingForm {
  if (line.kind === 'heading') return { kind: 'heading', depth: line.headingDepth ?? 1, strong: line.strong };
  if (line.strong) return { kind: 'bold' };
  return { kind: 'plain' };
}

function detectProfile(header: PlanHeader, signature: Signature | undefined): ProfileName {
  if (header.partyHeader || header.number?.form === 'party') return 'dang';
  const agencies = [header.parentAgency?.text, header.agency?.text].filter(Boolean).join(' ');
  if (/CÔNG ĐOÀN|LIÊN ĐOÀN LAO ĐỘNG/u.test(agencies)) return 'congdoan';
  const issuer = header.number?.issuerCode ?? '';
  if (/^(CĐ|CDN|CĐN|CĐCS|LĐLĐ|TLĐ)/u.test(issuer)) return 'congdoan';
  if (!agencies && /BAN (CHẤP HÀNH|THƯỜNG VỤ) (CĐCS|CÔNG ĐOÀN)/u.test(signature?.authority?.text ?? '')) return 'congdoan';
  return 'nd30';
}

function assignSectionKeys(sections: Section[], profile: Profile): void {
  const byKey = new Map<string, string>();
  for (const requirement of profile.sections) {
    for (const name of [requirement.title, ...requirement.aliases]) byKey.set(compareKey(name), requirement.key);
  }
  for (const section of sections) {
    if (section.rank > 1) continue;
    const key = compareKey(section.title);
    section.key = byKey.get(key) ?? prefixMatch(key, byKey);
  }
}

function prefixMatch(key: string, byKey: Map<string, string>): string | undefined {
  let best: { length: number; key: string } | undefined;
  for (const [name, sectionKey] of byKey) {
    if ((key.startsWith(`${name} `) || key === name) && (!best || name.length > best.length)) best = { length: name.length, key: sectionKey };
  }
  return best?.key;
}
