import type { Position, Range } from './types.js';

// The one notion of a line, LSP's: "\r\n", "\n" and a lone "\r" each end a line. Every line
// number and column the project emits (engine, CLI, SARIF, server) is counted against it.

/** Length of the line break at `at`: 2 for "\r\n", 1 for "\n" or a lone "\r", 0 when there is none. */
export function lineBreakLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 10) return 1;
  if (code === 13) return text.charCodeAt(at + 1) === 10 ? 2 : 1;
  return 0;
}

/** The lines of a text, without their line breaks. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Front matter at the very start ("---" lines around it): its end offset, or 0 when there is none. */
export function frontMatterEnd(source: string): number {
  const match = /^---[ \t]*(?:\r\n|\r|\n)[\s\S]*?(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/.exec(source);
  return match ? match[0].length : 0;
}

/** Converts between string offsets and LSP positions of one source text. */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    // indexOf jumps from break to break: a loop over every character was the largest single cost of a check in the CPU profile.
    const starts = [0];
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      const next = cr >= 0 && (lf < 0 || cr < lf) ? cr + (cr + 1 === lf ? 2 : 1) : lf + 1;
      starts.push(next);
      if (lf >= 0 && lf < next) lf = text.indexOf('\n', next);
      if (cr >= 0 && cr < next) cr = text.indexOf('\r', next);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1]!;
    return next - (this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? 2 : 1);
  }

  /**
   * The line break that ends a line, for a line inserted after it: its own, or for the last line
   * (which has none) the one before it ("\n" in a text of one line).
   */
  lineBreak(line: number): string {
    const own = Math.min(line, this.lineStarts.length - 2);
    return own < 0 ? '\n' : this.text.slice(this.lineEnd(own), this.lineStarts[own + 1]);
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line]!, this.lineEnd(line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

// Old-style tone placement ("hoà", "thuỷ") written the modern way ("hòa", "thủy"), so that both
// spellings compare equal. Applied after NFC and lower-casing.
const OLD_TONE_PLACEMENT: Array<[RegExp, string]> = [
  [/oà/g, 'òa'], [/oá/g, 'óa'], [/oả/g, 'ỏa'], [/oã/g, 'õa'], [/oạ/g, 'ọa'],
  [/oè/g, 'òe'], [/oé/g, 'óe'], [/oẻ/g, 'ỏe'], [/oẽ/g, 'õe'], [/oẹ/g, 'ọe'],
  [/uỳ/g, 'ùy'], [/uý/g, 'úy'], [/uỷ/g, 'ủy'], [/uỹ/g, 'ũy'], [/uỵ/g, 'ụy'],
];

// The table read backwards, at the end of a syllable only: the two styles differ in open syllables
// ("hòa"/"hoà"); in a closed one the tone has one place ("hoàn", never "hòan").
const MODERN_TONE_PLACEMENT: Array<[RegExp, string]> = OLD_TONE_PLACEMENT.map(([old, modern]) => [new RegExp(`${modern}$`), old.source]);

/** A lower-case NFC syllable with its tone mark placed the old way ("hòa" → "hoà", "thủy" → "thuỷ"). */
export function oldTonePlacement(syllable: string): string {
  for (const [pattern, replacement] of MODERN_TONE_PLACEMENT) if (pattern.test(syllable)) return syllable.replace(pattern, replacement);
  return syllable;
}

/**
 * The comparison key of a Vietnamese phrase: NFC, lower case, modern tone placement, punctuation
 * and markup removed, white space collapsed. "MỤC ĐÍCH, YÊU CẦU" and "**Mục đích yêu cầu**" share a key.
 */
export function compareKey(text: string): string {
  let key = text.normalize('NFC').toLowerCase();
  if (/[ou][\u00e0-\u1ef9]/.test(key)) {
    for (const [pattern, replacement] of OLD_TONE_PLACEMENT) key = key.replace(pattern, replacement);
  }
  return key
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const UPPER = 1;
const LOWER = 2;
const UNCASED = 3;
// The case of each BMP character, learnt on first sight. isUpperCaseText runs on most lines several
// times per check; asking toLowerCase and toUpperCase of every character made two strings each.
const BMP_CASE = new Uint8Array(0x10000);

function caseOf(ch: string): number {
  if (ch.toLowerCase() !== ch) return UPPER;
  if (ch.toUpperCase() !== ch) return LOWER;
  return UNCASED;
}

/** True when the text has letters and (nearly) all of them are upper case. */
export function isUpperCaseText(text: string, tolerance = 0): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let kind: number;
    const low = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    if (low >= 0xdc00 && low <= 0xdfff) {
      // A surrogate pair is one character, as in `for...of`.
      kind = caseOf(text.slice(i, i + 2));
      i++;
    } else {
      kind = BMP_CASE[code] || (BMP_CASE[code] = caseOf(text[i]!));
    }
    if (kind === UPPER) upper++;
    else if (kind === LOWER) lower++;
  }
  return upper > 0 && lower <= tolerance * (upper + lower);
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

/** Value of a Roman numeral (I..C range), or NaN when the string is not a well-formed numeral. */
export function romanToNumber(roman: string): number {
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i]!];
    const next = ROMAN_VALUES[roman[i + 1] ?? ''] ?? 0;
    if (value === undefined) return Number.NaN;
    total += value < next ? -value : value;
  }
  return toRoman(total) === roman ? total : Number.NaN;
}

export function toRoman(value: number): string {
  const table: Array<[number, string]> = [
    [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/**
 * NFC form of a text with, for each NFC character, the index of the original character it came
 * from. `map` is undefined when the text is already NFC (the common case).
 */
export function toNfc(text: string): { text: string; map?: Int32Array } {
  const nfc = text.normalize('NFC');
  if (nfc === text) return { text };
  const map = new Int32Array(nfc.length + 1);
  let out = 0;
  let i = 0;
  while (i < text.length) {
    // A cluster is one base character with the combining marks after it.
    let j = i + 1;
    while (j < text.length && /[\u0300-\u036f]/.test(text[j]!)) j++;
    const normalized = text.slice(i, j).normalize('NFC');
    for (let k = 0; k < normalized.length && out < nfc.length; k++) map[out++] = i;
    i = j;
  }
  while (out <= nfc.length) map[out++] = text.length;
  return { text: nfc, map };
}

const VOWELS = 'aăâeêioôơuưyáắấéếíóốớúứýàằầèềìòồờùừỳảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ';
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[${VOWELS}]{1,3}(?:ng|nh|ch|[cmnpt])?$`, 'u');

/** Whether a word can be one Vietnamese syllable ("LAO", "tỉnh"); abbreviations ("UBND", "THCS") cannot. */
export function isVietnameseSyllable(word: string): boolean {
  return SYLLABLE.test(word.normalize('NFC').toLowerCase());
}
