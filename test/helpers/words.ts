// The author's words, counted the same way by every test that checks a fix keeps them.

/**
 * The author's words: runs of letters, in NFC. Numbers and Roman numerals are not words here:
 * renumbering sections (KH103) and padding the issue date (KH204) rewrite them on purpose.
 */
export function authorWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/^\d+$/.test(word) || /^[IVXL]+$/.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * Where `after` first loses a letter of `before`, with some text around it; undefined when every
 * letter is still there, in order. Case and spacing may change (a title put in upper case, "BGD ĐT"
 * joined into "BGDĐT"), numbers and Roman numerals may be renumbered; the author's letters may not go.
 */
export function firstLostLetter(before: string, after: string): string | undefined {
  // Roman numerals are numbers too: renumbering sections rewrites them.
  const letters = (text: string): string =>
    text.normalize('NFC').replace(/(?<!\p{L})[IVXLC]+(?!\p{L})/gu, '').toLowerCase().replace(/[^\p{L}]+/gu, '');
  const kept = letters(after);
  const author = letters(before);
  let k = 0;
  for (let i = 0; i < author.length; i++, k++) {
    k = kept.indexOf(author[i]!, k);
    if (k < 0) return author.slice(Math.max(0, i - 20), i + 20);
  }
  return undefined;
}
