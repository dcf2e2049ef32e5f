// Telling a text file from a binary one by its first bytes, for every host: the Node shells read
// the bytes from disk, the language server (Node or browser) checks a buffer's text the same way.

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A file that is not text: a NUL byte, or many bytes that are not valid UTF-8, near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8000);
  if (sample.includes(0)) return true;
  // Valid UTF-8 up to a character cut by the sample's end has at most 3 replacements, too few to
  // count from 100 bytes on; checking that natively spares decoding every file of a folder.
  if (sample.length >= 100 && isUtf8(sample.subarray(0, sample.length - cutCharacterLength(sample)))) return false;
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  const replacements = decoded.split('\uFFFD').length - 1;
  return replacements > sample.length / 100 + 2;
}

/** Bytes at the end of `bytes` that start a multi-byte character without finishing it. */
function cutCharacterLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** Whether the bytes are valid UTF-8 (the strict decoder is native in Node and in browsers). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
