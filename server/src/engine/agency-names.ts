// Comparing names of agencies written in full or abbreviated, as plans do: "Sở Giáo dục và Đào tạo
// Hà Nội" and "Sở GDĐT Hà Nội", "Ủy ban nhân dân Quận 8" and "UBND Q8". An abbreviation is the
// initials of the words it stands for (without "và"); numbers stand for themselves.
import { compareKey, isUpperCaseText, isVietnameseSyllable } from './text.js';

interface NameToken {
  /** The word's comparison key (NFC, lower case, modern tone placement): "ủy", "ban", "gdđt", "8". */
  key: string;
  /**
   * Written in capitals (or capitals with digits), two characters or more, and not a Vietnamese
   * syllable: "UBND", "GD&ĐT", "Q8" are abbreviations; "LAO", "TỈNH" in an all-capitals name are words.
   */
  abbreviation: boolean;
}

/** Words that qualify who inside an agency receives the plan; they do not change the agency. */
const QUALIFIERS = ['các', 'lãnh đạo', 'ban lãnh đạo', 'thường trực', 'ban thường vụ', 'ban chấp hành', 'ban giám đốc', 'ban giám hiệu'].map(
  (phrase) => tokenize(phrase).map((token) => token.key),
);

export function tokenize(name: string): NameToken[] {
  // "GD&ĐT", "LĐ-TB&XH" are one abbreviation each.
  const joined = name.normalize('NFC').replace(/(?<=\p{Lu})[&-](?=\p{Lu})/gu, '');
  return (joined.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [])
    .map((word) => ({
      key: compareKey(word),
      abbreviation: word.length >= 2 && /^[\p{Lu}\p{N}]+$/u.test(word) && /\p{Lu}/u.test(word) && !isVietnameseSyllable(word),
    }))
    // A stray combining mark is not a word.
    .filter((token) => token.key !== '');
}

/** Initials of a run of tokens: first letters of words without tone marks (đ stays), whole abbreviations and numbers. */
function initials(tokens: readonly NameToken[]): string {
  return tokens
    .filter((token) => token.key !== 'và')
    .map((token) => (token.abbreviation || /^\p{N}+$/u.test(token.key) ? token.key : token.key[0]!.normalize('NFD')[0]!))
    .join('');
}

/**
 * Whether every token of `small` is found, in order, in `large`: as the same word, as an
 * abbreviation of a run of words of `large`, or as a run of words `large` abbreviates.
 * With `gaps`, `large` may hold more (a place, a qualifier); without, both must be used up.
 */
function alignsInto(small: readonly NameToken[], large: readonly NameToken[], gaps: boolean): boolean {
  const failed = new Set<number>();
  const visit = (i: number, j: number): boolean => {
    if (i === small.length) return gaps || j === large.length;
    if (j === large.length) return false;
    const state = i * (large.length + 1) + j;
    if (failed.has(state)) return false;
    const s = small[i]!;
    const l = large[j]!;
    const found =
      (s.key === l.key && visit(i + 1, j + 1)) ||
      (s.abbreviation && runs(large, j).some((end) => initials(large.slice(j, end)) === s.key && visit(i + 1, end))) ||
      (l.abbreviation && runs(small, i).some((end) => initials(small.slice(i, end)) === l.key && visit(end, j + 1))) ||
      (gaps && visit(i, j + 1));
    if (!found) failed.add(state);
    return found;
  };
  return visit(0, 0);
}

/** Ends of the runs of two or more tokens starting at `start`. */
function runs(tokens: readonly NameToken[], start: number): number[] {
  const ends: number[] = [];
  for (let end = start + 2; end <= tokens.length; end++) ends.push(end);
  return ends;
}

function withoutQualifier(tokens: NameToken[]): NameToken[] {
  for (const qualifier of QUALIFIERS) {
    if (qualifier.every((key, i) => tokens[i]?.key === key) && tokens.length > qualifier.length) return tokens.slice(qualifier.length);
  }
  return tokens;
}

/**
 * The same agency written two ways, one possibly more precise than the other: "LĐLĐ tỉnh" and
 * "Ban Thường vụ Liên đoàn Lao động tỉnh", "UBND quận" and "Ủy ban nhân dân Quận 8".
 */
export function namesSameAgency(a: string, b: string): boolean {
  const x = withoutQualifier(tokenize(a));
  const y = withoutQualifier(tokenize(b));
  if (x.length === 0 || y.length === 0) return false;
  return alignsInto(x, y, true) || alignsInto(y, x, true);
}

/** Exactly the same recipient, abbreviated or not: "Sở GDĐT" and "Sở Giáo dục và Đào tạo". */
export function namesEqual(a: string, b: string): boolean {
  const key = compareKey(a);
  if (key !== '' && key === compareKey(b)) return true;
  const x = tokenize(a);
  const y = tokenize(b);
  if (x.length === 0 || y.length === 0) return false;
  return alignsInto(x, y, false);
}

/** Whether a recipient name contains an agency code from a symbol ("SGDĐT" in "Sở GDĐT Hà Nội"). */
export function nameHasCode(name: string, code: string): boolean {
  const tokens = tokenize(name);
  const key = tokenize(code).map((token) => token.key).join('');
  if (!key) return false;
  for (let start = 0; start < tokens.length; start++) {
    for (let end = start + 1; end <= tokens.length; end++) {
      const run = tokens.slice(start, end);
      if ((run.length === 1 ? run[0]!.key : initials(run)) === key) return true;
    }
  }
  return false;
}

/** Words after which a place's own name follows ("huyện Tiên Yên"): the name keeps its capitals. */
export const PLACE_WORDS: ReadonlySet<string> = new Set(['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'thị trấn', 'xã', 'phường']);

/**
 * An agency written in capitals in a header ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO QUẬN HÀ ĐÔNG"), as a
 * sentence names it: the first word and the place's name capitalised ("Phòng giáo dục và đào tạo
 * quận Hà Đông"). Other capitals depend on the agency's field, which the author adjusts.
 */
export function agencyInSentence(name: string): string {
  if (!isUpperCaseText(name)) return name;
  const words = name.normalize('NFC').toLocaleLowerCase('vi').split(/\s+/u).filter(Boolean);
  let inPlaceName = false;
  return words
    .map((word, i) => {
      const capitalised = i === 0 || inPlaceName;
      if (PLACE_WORDS.has(word) || PLACE_WORDS.has(`${words[i - 1]} ${word}`)) inPlaceName = true;
      const startsPlaceWord = PLACE_WORDS.has(word) || PLACE_WORDS.has(`${word} ${words[i + 1]}`);
      return capitalised && (i === 0 || !startsPlaceWord) ? word[0]!.toLocaleUpperCase('vi') + word.slice(1) : word;
    })
    .join(' ');
}
