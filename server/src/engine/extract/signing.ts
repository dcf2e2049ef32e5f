// How a signing block is written: the signing prefixes of ND30 (TM., KT., TL., TUQ., Q.) and the
// Party's (T/M, K/T), and a signer's name line. The one place that knows them.
import { isUpperCaseText } from '../text.js';

export const SIGNING_PREFIX = /^(TM|KT|TL|TUQ|Q|T\/M|K\/T|T\/L)\s*(\.|(?<=\/\p{Lu})\s)\s*/u;

/** A person's name, with an academic title in front if any: "Nguyễn Văn An", "ThS. Trần Thị Bình". */
export const NAME_LINE = /^(?:(?:GS|PGS|TS|ThS|TSKH|BS|KS|CN|NGND|NGƯT)\.?\s*(?:TS\.?\s*)?)?\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,6}$/u;

/** A line that can belong to a signing block: prefix, upper-case title, name, or "(đã ký)". */
export function isSigningLine(text: string): boolean {
  // "3444/LĐTBXH-VPQ": a line that starts with a figure is a number or a date, never a title.
  if (/^\d/u.test(text)) return false;
  return isUpperCaseText(text, 0.05) || NAME_LINE.test(text) || SIGNING_PREFIX.test(text) || /^\(.*\)$/u.test(text);
}
