// The plan model: everything the rules, the language server and the preview need to know about
// one draft, extracted from a single Markdown parse. Every element carries its source range.
import type { LineIndex } from './text.js';
import type { ReportDeadline } from './extract/reports.js';
import type { Responsibility } from './extract/responsibility.js';
import type { Range } from './types.js';

/** How a block was written in Markdown. */
export type BlockKind = 'heading' | 'paragraph' | 'listItem' | 'tableCell' | 'html';

/**
 * One visual line of text with Markdown markup removed, as the author sees it.
 * `offsets[i]` is the source offset of `text[i]`; `offsets[text.length]` is the end offset.
 */
export interface TextLine {
  index: number;
  text: string;
  offsets: Int32Array;
  /** The text in NFC: every pattern matches against this. Equal to `text` unless the draft is not NFC. */
  nfc: string;
  /** Index in `text` of each character of `nfc`; undefined when `nfc === text`. */
  nfcMap?: Int32Array;
  /** 0-based source line of the first character. */
  line: number;
  kind: BlockKind;
  /** Index of the Markdown block (paragraph, heading, list item, table cell) the line belongs to. */
  block: number;
  /** Whether this is the first line of its block. */
  firstInBlock: boolean;
  /** Heading depth (1-6) when kind is 'heading'. */
  headingDepth?: number;
  /** Every letter of the line is inside **strong** markup. */
  strong: boolean;
  /** Every letter of the line is inside *emphasis* or **strong** markup. */
  emphasized: boolean;
  /** Nesting depth of lists around the line (0 outside lists). */
  listDepth: number;
  /** For table cells: the table's index, row and column. */
  table?: { table: number; row: number; column: number };
}

/** A piece of text recognised in the draft. */
export interface Part {
  text: string;
  range: Range;
  line: number;
}

export type DateKind =
  | 'issue'
  | 'citation'
  | 'deadline'
  | 'period'
  | 'target-year'
  | 'yearly'
  | 'month'
  | 'year'
  | 'date';

export interface DateMention {
  kind: DateKind;
  raw: string;
  range: Range;
  /** Index of the TextLine the date was found on. */
  textLine: number;
  day?: number;
  month?: number;
  year?: number;
  /** Last year of a period ("giai đoạn 2021-2030"). */
  endYear?: number;
  /** The year was taken from a later date in the same phrase ("ngày 05 tháng 5 và ngày 05 tháng 11 năm 2023"). */
  sharedYear?: boolean;
  /** Written as dd/mm/yyyy rather than "ngày .. tháng .. năm ..". */
  numeric: boolean;
  /** Present when the date cannot exist: the reason, in both languages. */
  invalid?: { vi: string; en: string };
}

export interface Citation {
  /** The type word as written ("Kế hoạch", "Quyết định"), or '' when none precedes the number. */
  typeWord: string;
  /** The canonical type ("Kế hoạch") when the type word is known. */
  typeName?: string;
  /** Type code expected for the type word (KH, QĐ ...), undefined for types without a code. */
  expectedTypeCode?: string;
  /** The number/symbol exactly as written, e.g. "23/KH- LĐLĐ". */
  symbolRaw: string;
  /** The number/symbol with stray spaces removed and NFC, e.g. "23/KH-LĐLĐ": the identity of the document. */
  symbol: string;
  number: string;
  /** Year inside the number of legal documents ("56/2017/NĐ-CP"). */
  numberYear?: number;
  /** Type code found in the symbol (KH in "121/KH-LĐLĐ", CT in "20-CT/TW"). */
  typeCode?: string;
  /** Issuing body code(s) in the symbol (LĐLĐ, NĐ-CP's CP, TW). */
  issuerCode?: string;
  form: 'state' | 'party' | 'legal' | 'unknown';
  /** Problems with the way the number/symbol is written (stray spaces, wrong separators). */
  formatProblems: string[];
  hasSoWord: boolean;
  date?: DateMention;
  /** The issuer phrase after "của" ("Ban Thường vụ Liên đoàn Lao động tỉnh"). */
  issuer?: string;
  issuerRange?: Range;
  range: Range;
  symbolRange: Range;
  typeRange?: Range;
  textLine: number;
  /** Cited in the preamble (basis) rather than in the body. */
  inBasis: boolean;
  /** First mention of this symbol in the plan. */
  firstMention: boolean;
}

export type NumberingScheme = 'group' | 'roman' | 'arabic' | 'decimal' | 'letter';

export type HeadingForm =
  | { kind: 'heading'; depth: number; strong: boolean }
  | { kind: 'bold' }
  | { kind: 'plain' };

export interface Section {
  scheme: NumberingScheme;
  /** 0 for letter groups (A., B.), 1 for Roman sections, 2 for Arabic items, 3 below. */
  rank: number;
  /** The number as written: "IV", "2", "1.2", "a". */
  number: string;
  /** Numeric value of the number (Roman and Arabic), last component for decimals, letter position for letters. */
  ordinal: number;
  /** The separator written after the number ("." or ")" or ","). */
  separator: string;
  title: string;
  /** Canonical section key from the profile (purpose, goals, tasks ...), when the title matches one. */
  key?: string;
  form: HeadingForm;
  /** Range of the whole title line. */
  range: Range;
  numberRange: Range;
  titleRange: Range;
  textLine: number;
  /** Last TextLine index belonging to the section (title included), before the next section of the same or higher rank. */
  lastTextLine: number;
  /** TextLines of the section's own body, not counting subsections' titles. */
  bodyLineCount: number;
  children: Section[];
}

export interface PlanNumber extends Part {
  /** "Số:" prefix range. */
  labelRange: Range;
  /** The number/symbol after the label, as written. */
  value: string;
  valueRange: Range;
  form: 'state' | 'party' | 'unknown';
  number?: string;
  typeCode?: string;
  issuerCode?: string;
}

export interface PlaceDate extends Part {
  place: string;
  date?: DateMention;
}

export interface PlanHeader {
  parentAgency?: Part;
  agency?: Part;
  motto?: Part;
  tagline?: Part;
  partyHeader?: Part;
  /** "ĐOÀN TNCS HỒ CHÍ MINH" (or the Young Pioneers' "ĐỘI TNTP HỒ CHÍ MINH"): the Youth Union's header in place of the motto. */
  youthHeader?: Part;
  number?: PlanNumber;
  placeDate?: PlaceDate;
  title?: Part;
  summary?: Part;
  /** TextLine index where the header zone ends (exclusive). */
  endTextLine: number;
}

export interface RecipientEntry extends Part {
  /** The entry's words without the leading dash and the trailing punctuation. */
  name: string;
  /** The entry as written, without its dash (or number) and its final punctuation: "Sở GDĐT (b/c)". */
  label: string;
  hasDash: boolean;
  /** The punctuation the entry ends with: ';', '.', ',', ':' or ''. */
  terminator: string;
  /** Annotations in brackets, e.g. "b/c", "p/h", "để thực hiện". */
  annotations: string[];
  /** "Lưu: VT, CTTT." */
  isArchive: boolean;
  textLine: number;
}

export interface Recipients {
  heading: Part;
  entries: RecipientEntry[];
}

export interface Signature {
  /** "KT.", "TM.", "TL.", "TUQ.", "Q.", "T/M" ... as written. */
  prefix?: Part;
  /** The collective or head after the prefix: "BAN THƯỜNG VỤ", "TRƯỞNG PHÒNG". */
  authority?: Part;
  /** The signer's own title: "PHÓ TRƯỞNG PHÒNG", "CHỦ TỊCH". */
  title?: Part;
  name?: Part;
  range: Range;
  firstTextLine: number;
}

export interface AbbreviationDefinition extends Part {
  abbreviation: string;
  textLine: number;
}

export interface AbbreviationUse extends Part {
  abbreviation: string;
  textLine: number;
}

export interface Suppression {
  kind: 'disable' | 'enable' | 'disable-next-line';
  /** Rule IDs; empty means every rule. */
  ruleIds: string[];
  /** 0-based source line of the comment. */
  line: number;
  /** For disable-next-line: the source line it applies to. */
  targetLine?: number;
  range: Range;
}

export type ProfileName = 'nd30' | 'dang' | 'congdoan' | 'doan';

export interface PlanModel {
  source: string;
  index: LineIndex;
  lines: TextLine[];
  frontMatter?: { kehoach?: boolean; range: Range };
  header: PlanHeader;
  /** TextLine index range [start, end) of the preamble between the summary and the first section. */
  basisLines: { start: number; end: number };
  /** Top-level sections (groups or Roman sections) with their subsections. */
  sections: Section[];
  /** Every section and item in document order. */
  allSections: Section[];
  dates: DateMention[];
  citations: Citation[];
  recipients?: Recipients;
  signature?: Signature;
  abbreviations: { definitions: AbbreviationDefinition[]; uses: AbbreviationUse[] };
  suppressions: Suppression[];
  /** The profile the draft looks like (Party header, union agency ...). */
  detectedProfile: ProfileName;
  /** TextLine index where the closing part (recipients, signature) starts; lines.length when absent. */
  closingStart: number;
  /** Units named as leading, supporting or carrying out a task in the body (extract/responsibility.ts). */
  responsibilities: Responsibility[];
  /** Reports asked for by a date, with whom they go to (extract/reports.ts). */
  reports: ReportDeadline[];
}
