import type { TextLine } from '../../model.js';
import { defineRule } from '../../rule.js';
import { type Speller, TONES, splitTone, vietnameseSpeller, withToneOnEachVowel } from '../../spelling.js';
import { compareKey, isVietnameseSyllable } from '../../text.js';
import type { Localized, Range } from '../../types.js';
import { lineRange, within } from '../../extract/lines.js';
import { lineTextCache } from '../../line-cache.js';

type FaultKind = 'unknown' | 'tone-position' | 'telex' | 'vni' | 'doubled';

/** A fault found in one line's NFC text; kept per line text so that unchanged lines are not read again. */
interface LineFault {
  kind: FaultKind;
  start: number;
  end: number;
  word: string;
  /** The correction when it is certain from the fault's kind (Telex, VNI, tone position). */
  correction?: string;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
/** Addresses and e-mails are not words. */
const LINK = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gu;
/** Words never written twice in a row; a doubled content word ("nhà nhà, người người") may be meant. */
const FUNCTION_WORDS = new Set(['của', 'và', 'các', 'những', 'được', 'trong', 'cho', 'với', 'là', 'để', 'theo', 'tại', 'đã', 'sẽ', 'thì', 'mà', 'này', 'đó', 'về', 'từ', 'có', 'không', 'một', 'đến', 'bị', 'do', 'vào', 'ra', 'trên', 'dưới']);
const TELEX_TONE_KEYS: Record<string, string> = { s: TONES[0]!, f: TONES[1]!, r: TONES[2]!, x: TONES[3]!, j: TONES[4]! };
const TELEX_LETTERS: Array<[RegExp, string]> = [[/dd/gu, 'đ'], [/aa/gu, 'â'], [/ee/gu, 'ê'], [/oo/gu, 'ô'], [/aw/gu, 'ă'], [/ow/gu, 'ơ'], [/uw/gu, 'ư'], [/w/gu, 'ư']];
const VNI_MARKS: Record<string, [RegExp, string]> = { '6': [/[aeo]$/u, '\u0302'], '7': [/[ou]$/u, '\u031b'], '8': [/a$/u, '\u0306'], '9': [/d$/u, 'đ'] };

/** The word a Telex typist meant ("tieengs" → "tiếng"), when the keys spell a dictionary word. */
function fromTelex(token: string, speller: Speller): string | undefined {
  const last = token[token.length - 1]!;
  const tone = TELEX_TONE_KEYS[last];
  let letters = tone ? token.slice(0, -1) : token;
  for (const [keys, letter] of TELEX_LETTERS) letters = letters.replace(keys, letter);
  if (letters === token || /[fjwz]/u.test(letters)) return undefined;
  return tone ? withToneOnEachVowel(letters, tone).find((word) => speller.correct(word)) : speller.correct(letters) ? letters : undefined;
}

/** The word a VNI typist meant ("tie6ng1" → "tiếng"): digits 1-5 are tones, 6-9 the other marks. */
function fromVni(token: string, speller: Speller): string | undefined {
  let letters = '';
  let tone = '';
  for (const ch of token) {
    if (/[1-5]/u.test(ch)) tone = TONES[Number(ch) - 1]!;
    else if (VNI_MARKS[ch]) {
      const [after, mark] = VNI_MARKS[ch];
      const at = letters.search(new RegExp(`${after.source.slice(0, -1)}[^aeoud]*$`, 'u'));
      if (at < 0) return undefined;
      letters = mark === 'đ' ? `${letters.slice(0, at)}đ${letters.slice(at + 1)}` : `${letters.slice(0, at + 1)}${mark}${letters.slice(at + 1)}`.normalize('NFC');
    } else if (/\p{N}/u.test(ch)) return undefined;
    else letters += ch;
  }
  if (!tone) return speller.correct(letters) ? letters : undefined;
  return withToneOnEachVowel(letters, tone).find((word) => speller.correct(word));
}

function faultOf(token: string, speller: Speller): Omit<LineFault, 'start' | 'end' | 'word'> | undefined {
  if (/\p{N}/u.test(token)) {
    const correction = /\p{L}/u.test(token) ? fromVni(token, speller) : undefined;
    return correction ? { kind: 'vni', correction } : undefined;
  }
  if (speller.correct(token)) return undefined;
  const telex = fromTelex(token, speller);
  if (telex) return { kind: 'telex', correction: telex };
  // Not a Vietnamese syllable at all: a foreign word ("online", "website"), not a misspelling.
  if (!isVietnameseSyllable(token)) return undefined;
  const { toneless, tone } = splitTone(token);
  const moved = tone ? withToneOnEachVowel(toneless, tone).find((word) => speller.correct(word)) : undefined;
  return moved ? { kind: 'tone-position', correction: moved } : { kind: 'unknown' };
}

function faultsOfLine(text: string, speller: Speller): LineFault[] {
  const links = [...text.matchAll(LINK)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const faults: LineFault[] = [];
  let previous: { word: string; end: number } | undefined;
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0];
    const start = m.index!;
    const end = start + word.length;
    const lowerCase = word === word.toLowerCase() && /^\p{Ll}/u.test(word);
    if (!lowerCase || links.some(([a, b]) => start >= a && start < b)) {
      previous = undefined;
      continue;
    }
    if (previous && previous.word === word && FUNCTION_WORDS.has(word) && /^[ \t]+$/u.test(text.slice(previous.end, start))) {
      faults.push({ kind: 'doubled', start, end, word });
    } else {
      const fault = faultOf(word, speller);
      if (fault) faults.push({ ...fault, start, end, word });
    }
    previous = { word, end };
  }
  return faults;
}

// One cache of line faults per speller: another dictionary finds other faults.
const faultsBySpeller = new WeakMap<Speller, (text: string) => LineFault[]>();

function cachedFaults(line: TextLine, speller: Speller): LineFault[] {
  let faults = faultsBySpeller.get(speller);
  if (!faults) faultsBySpeller.set(speller, (faults = lineTextCache((text) => faultsOfLine(text, speller))));
  return faults(line.nfc);
}

function messageOf(fault: LineFault, speller: Speller): Localized {
  const { word, correction } = fault;
  switch (fault.kind) {
    case 'doubled':
      return { vi: `Chữ "${word}" bị lặp hai lần liền nhau`, en: `The word "${word}" is written twice in a row` };
    case 'telex':
      return { vi: `"${word}" là phím gõ Telex còn sót; có phải "${correction}"?`, en: `"${word}" is left-over Telex typing; did you mean "${correction}"?` };
    case 'vni':
      return { vi: `"${word}" là phím gõ VNI còn sót; có phải "${correction}"?`, en: `"${word}" is left-over VNI typing; did you mean "${correction}"?` };
    case 'tone-position':
      return { vi: `Dấu thanh của "${word}" đặt sai nguyên âm; viết "${correction}"`, en: `The tone mark of "${word}" is on the wrong vowel; write "${correction}"` };
    case 'unknown': {
      // Only the cheap guess goes in the message; Hunspell's suggestions wait for the quick fix.
      const guess = speller.sameLetters(word)[0];
      return guess
        ? { vi: `"${word}" không có trong từ điển tiếng Việt; có phải "${guess}"?`, en: `"${word}" is not in the Vietnamese dictionary; did you mean "${guess}"?` }
        : { vi: `"${word}" không có trong từ điển tiếng Việt`, en: `"${word}" is not in the Vietnamese dictionary` };
    }
  }
}

export const spelling = defineRule({
  meta: {
    id: 'KH703',
    slug: 'spelling',
    area: 'text',
    defaultSeverity: 'info',
    title: { vi: 'Lỗi chính tả', en: 'Spelling mistake' },
    description: {
      vi: 'Mỗi âm tiết viết thường được tra trong từ điển tiếng Việt (Hunspell, gói dictionary-vi), chấp nhận cả cách đặt dấu cũ và mới ("hoà"/"hòa"). Nhận ra riêng các lỗi gõ thường gặp: phím Telex hay VNI còn sót ("tieengs"), dấu thanh đặt sai nguyên âm, một hư từ gõ lặp. Tên riêng, chữ viết tắt, số, ký hiệu văn bản, địa chỉ thư và trang web, phần đầu văn bản và các từ của cơ quan (khóa "words" trong .kehoach.json) không bị kiểm tra. Sửa nhanh đưa ra từ đúng; không bao giờ được áp dụng tự động.',
      en: 'Each lower-case syllable is looked up in a Vietnamese dictionary (Hunspell, the dictionary-vi package), in the old or the new tone placement ("hoà"/"hòa"). Common typing faults get their own message: left-over Telex or VNI keys ("tieengs"), a tone mark on the wrong vowel, a function word typed twice. Proper names, abbreviations, numbers, document symbols, e-mail and web addresses, the header, and the office\'s own words ("words" in .kehoach.json) are not checked. The quick fix offers the right word; it is never applied automatically.',
    },
    fixes: ['review'],
  },
  check({ model, officeWords, report }) {
    const speller = vietnameseSpeller();
    if (!speller) return;
    const symbolRanges = new Map<number, Range[]>();
    for (const citation of model.citations) symbolRanges.set(citation.textLine, [...(symbolRanges.get(citation.textLine) ?? []), citation.symbolRange]);
    for (const line of model.lines.slice(model.header.endTextLine)) {
      if (line.kind === 'html') continue;
      for (const fault of cachedFaults(line, speller)) {
        // The office's words are known words; a doubled one is still a typing fault.
        if (fault.kind !== 'doubled' && officeWords.has(compareKey(fault.word))) continue;
        const range = lineRange(model.index, line, fault.start, fault.end);
        if (symbolRanges.get(line.index)?.some((symbol) => within(range, symbol))) continue;
        report({
          range,
          message: messageOf(fault, speller),
          unknownWord: fault.kind === 'unknown' ? fault.word : undefined,
          fix: fault.kind === 'doubled' ? undefined : () => {
            const replacement = fault.correction ?? speller.suggest(fault.word)[0];
            if (!replacement) return undefined;
            return { title: { vi: `Sửa thành "${replacement}"`, en: `Change to "${replacement}"` }, edits: [{ range, newText: replacement }], safety: 'review' };
          },
        });
      }
    }
  },
});
