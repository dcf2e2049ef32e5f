// The Vietnamese speller: a Hunspell dictionary (dictionary-vi, read by nspell) behind the engine's
// own keys. The engine reads no file: a shell provides the dictionary's text once at start
// (provideDictionary), and the dictionary is parsed on the first word that needs it.
import nspell from 'nspell';
import { oldTonePlacement } from './text.js';

export interface DictionaryText {
  aff: string;
  dic: string;
}

export interface Speller {
  /** Whether a lower-case NFC syllable is a Vietnamese word, whichever tone placement it uses. */
  correct(word: string): boolean;
  /** Dictionary words with the same letters once marks are removed ("hoach" → "hoạch"): cheap. */
  sameLetters(word: string): string[];
  /** Corrections, best first: words with the same letters once marks are removed, then Hunspell's. */
  suggest(word: string): string[];
}

/** The five tone marks as combining characters: sắc, huyền, hỏi, ngã, nặng. */
export const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** The letters of a word without any mark: "hoạch" and "hoach" share "hoach"; đ stays a letter of its own. */
function bareLetters(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Where a suggestion is looked for: the bare letters, with i and y as one letter ("qui" finds "quy"). */
function suggestionKey(word: string): string {
  return bareLetters(word).replace(/y/gu, 'i');
}

/** Syllables in use in plans that dictionary-vi 3.0.0 lacks ("nòng cốt"). */
const MISSING_FROM_DICTIONARY = ['nòng'];

/** The word without its tone mark, and the tone mark (a combining character) or '' when it has none. */
export function splitTone(word: string): { toneless: string; tone: string } {
  const decomposed = word.normalize('NFD');
  const tone = TONE_MARK.exec(decomposed)?.[0] ?? '';
  return { toneless: decomposed.replace(TONE_MARK, '').normalize('NFC'), tone };
}

/** Every way of putting a tone mark on one vowel of a toneless word. */
export function withToneOnEachVowel(toneless: string, tone: string): string[] {
  const letters = [...toneless];
  const results: string[] = [];
  letters.forEach((letter, i) => {
    if (!/[aăâeêioôơuưy]/u.test(letter)) return;
    const marked = [...letters];
    marked[i] = (letter + tone).normalize('NFC');
    results.push(marked.join(''));
  });
  return results;
}

function createSpeller(text: DictionaryText): Speller {
  const hunspell = nspell(text.aff, text.dic);
  const byBareLetters = new Map<string, string[]>();
  for (const word of MISSING_FROM_DICTIONARY) hunspell.add(word);
  const entries = text.dic.split('\n').slice(1).map((entry) => entry.split('/')[0]!.trim().normalize('NFC'));
  for (const word of [...entries, ...MISSING_FROM_DICTIONARY]) {
    if (word === '' || word !== word.toLowerCase()) continue;
    const key = suggestionKey(word);
    byBareLetters.set(key, [...(byBareLetters.get(key) ?? []), word]);
  }
  const known = new Map<string, boolean>();
  return {
    correct(word) {
      let answer = known.get(word);
      if (answer === undefined) {
        answer = hunspell.correct(oldTonePlacement(word));
        known.set(word, answer);
      }
      return answer;
    },
    sameLetters(word) {
      const { tone } = splitTone(word);
      const candidates = (byBareLetters.get(suggestionKey(word)) ?? []).filter((candidate) => candidate !== word);
      // The tone the author typed is more likely right than the letters around it ("quí" → "quý").
      return [...candidates.filter((c) => splitTone(c).tone === tone), ...candidates.filter((c) => splitTone(c).tone !== tone)];
    },
    suggest(word) {
      return [...new Set([...this.sameLetters(word), ...hunspell.suggest(oldTonePlacement(word))])].slice(0, 6);
    },
  };
}

let provided: (() => DictionaryText) | undefined;
let speller: Speller | undefined;

/** Given by each shell at start (the CLI, the server, the tests): how to read the dictionary's text. */
export function provideDictionary(read: () => DictionaryText): void {
  provided = read;
  speller = undefined;
}

/** The speller, built on first use; undefined when no shell provided a dictionary (the spelling rule then stays silent). */
export function vietnameseSpeller(): Speller | undefined {
  if (!speller && provided) speller = createSpeller(provided());
  return speller;
}
