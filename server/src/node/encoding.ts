// Plan files as offices save them: UTF-8 with or without a byte order mark, and UTF-16 with one
// (Word's "Unicode text", Notepad's "Unicode"). Every shell reads a plan's bytes through
// readPlanBytes, so the CLI, the export, the folder index and the language server agree on what
// a file holds; writePlanText gives the bytes back in the file's own encoding. Other 8-bit text
// (the legacy Vietnamese encodings) is named with a guess, never converted: no well-kept library
// decodes TCVN3 or VNI, and a wrong conversion would put the plan's words at risk.
import { looksBinary } from '../engine/binary.js';
import type { Localized } from '../engine/types.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface PlanEncoding {
  name: TextEncodingName;
  /** Saved with a byte order mark, kept when the file is written back. */
  bom: boolean;
}

export type PlanBytes =
  | {
      kind: 'text';
      /** Without the byte order mark: editors do not count it in positions. */
      text: string;
      encoding: PlanEncoding;
      /** Encoding the text again gives back the same bytes, so writing it back loses nothing. */
      lossless: boolean;
    }
  | { kind: 'binary' }
  /** Text in an 8-bit encoding that is not UTF-8; `guess` names the likeliest one. */
  | { kind: 'legacy'; guess: Localized };

const BOM = '\uFEFF';

export function readPlanBytes(bytes: Uint8Array): PlanBytes {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    const text = new TextDecoder(utf16, { ignoreBOM: true }).decode(bytes.subarray(2));
    // Decoded, a binary file would show what looksBinary looks for in UTF-8: NUL or replacements.
    if (looksBinary(Buffer.from(text.slice(0, 8000), 'utf8'))) return { kind: 'binary' };
    const encoding: PlanEncoding = { name: utf16, bom: true };
    return { kind: 'text', text, encoding, lossless: Buffer.from(writePlanText(text, encoding)).equals(bytes) };
  }
  if (looksBinary(bytes)) return isLegacyText(bytes) ? { kind: 'legacy', guess: guessLegacyEncoding(bytes) } : { kind: 'binary' };
  const decoded = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bom = decoded.startsWith(BOM);
  const text = bom ? decoded.slice(1) : decoded;
  return { kind: 'text', text, encoding: { name: 'utf-8', bom }, lossless: !decoded.includes('\uFFFD') || Buffer.from(decoded, 'utf8').equals(bytes) };
}

export function writePlanText(text: string, encoding: PlanEncoding): Uint8Array {
  const full = encoding.bom ? BOM + text : text;
  if (encoding.name === 'utf-8') return Buffer.from(full, 'utf8');
  const bytes = Buffer.from(full, 'utf16le');
  return encoding.name === 'utf-16be' ? bytes.swap16() : bytes;
}

/** "UTF-16 LE", "UTF-8 BOM": how editors name an encoding in their status bar. */
export function encodingLabel(encoding: PlanEncoding): string {
  const name = encoding.name === 'utf-8' ? 'UTF-8' : encoding.name === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
  return encoding.name === 'utf-8' && encoding.bom ? `${name} BOM` : name;
}

/** No NUL and few control characters near the start: words in some 8-bit encoding, not a binary file. */
function isLegacyText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8000);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return controls <= sample.length / 100;
}

const ASCII_VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)));
/** Windows-1258 writes â ê ô ă ơ ư (and capitals) as one byte and the tone as a combining byte after the vowel. */
const CP1258_VOWELS = new Set([0xe2, 0xea, 0xf4, 0xe3, 0xf5, 0xfd, 0xc2, 0xca, 0xd4, 0xc3, 0xd5, 0xdd]);
const CP1258_TONES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2]);
/** VNI writes every mark as a byte after the plain vowel. */
const VNI_MARKS = new Set([0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe8, 0xe9, 0xea, 0xeb, 0xef, 0xf5, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc]);

/**
 * Which legacy Vietnamese encoding the bytes most likely use, from where their high bytes sit:
 * Windows-1258 puts a tone byte after a vowel, VNI a mark byte after a plain vowel, TCVN3 (ABC)
 * one byte for the whole letter, mostly after a consonant. A guess for the notice only.
 */
function guessLegacyEncoding(bytes: Uint8Array): Localized {
  let high = 0;
  let cp1258 = 0;
  let vni = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x80) continue;
    high++;
    const before = bytes[i - 1] ?? 0;
    if (CP1258_TONES.has(byte) && (ASCII_VOWELS.has(before) || CP1258_VOWELS.has(before))) cp1258++;
    else if (VNI_MARKS.has(byte) && ASCII_VOWELS.has(before)) vni++;
  }
  const name = cp1258 + vni < high / 5 ? 'TCVN3 (ABC)' : cp1258 >= vni ? 'Windows-1258' : 'VNI';
  return {
    vi: `không phải UTF-8, có lẽ là bảng mã cũ ${name}; hãy lưu lại tệp dưới dạng UTF-8`,
    en: `not UTF-8, probably the legacy ${name} encoding; save the file again as UTF-8`,
  };
}
