// What a header holds besides its parts: the national motto and tagline, the Party's or the Youth
// Union's header, and
// the rules drawn under them. The one place that knows their words.
import { compareKey } from '../text.js';

export type HeaderWords = 'motto' | 'tagline' | 'partyHeader' | 'youthHeader';

const HEADER_WORDS: Record<string, HeaderWords> = {
  'cộng hòa xã hội chủ nghĩa việt nam': 'motto',
  'độc lập tự do hạnh phúc': 'tagline',
  'đảng cộng sản việt nam': 'partyHeader',
  'đoàn tncs hồ chí minh': 'youthHeader',
  'đoàn thanh niên cộng sản hồ chí minh': 'youthHeader',
  'đội tntp hồ chí minh': 'youthHeader',
  'đội thiếu niên tiền phong hồ chí minh': 'youthHeader',
};
// Keyed as compareKey spells them; OCR splits words ("CHỦ N GHĨA"): compared without spaces as well.
const WORDS = new Map(Object.entries(HEADER_WORDS).map(([words, kind]) => [compareKey(words), kind]));
const WORDS_WITHOUT_SPACES = new Map([...WORDS].map(([words, kind]) => [words.replace(/ /g, ''), kind]));

/** Which of the fixed header lines `text` is, if any. */
export function headerWordsOf(text: string): HeaderWords | undefined {
  // Each starts with C or Đ and is short: most lines are turned away before the key is made.
  if (text.length < 18 || text.length > 60 || !/^[*_\s]*[CcĐđ]/u.test(text)) return undefined;
  const key = compareKey(text);
  return WORDS.get(key) ?? WORDS_WITHOUT_SPACES.get(key.replace(/ /g, ''));
}

/** Where a fixed header line starts inside a longer line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …"). */
export const HEADER_WORDS_INSIDE = /CỘNG\s+H[OÒ]À\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐỘC\s+LẬP\s*[-–—]\s*TỰ\s+DO\s*[-–—]\s*HẠNH\s+PHÚC|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM/u;

/** A rule drawn under an agency or the tagline: "-----", "_____", "***". */
export function isRule(text: string): boolean {
  return /^[_\-–—=.*\s]+$/u.test(text);
}
