// What the Node shells (CLI, language server, folder index) need of the file system that the
// engine must not do itself: telling a text file from a binary one by its bytes, finding and
// reading .kehoach.json. The engine takes the text and the parsed configuration from here.
import { isUtf8 } from 'node:buffer';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, type ResolvedConfig, parseConfig } from '../engine/config.js';
import type { Locale } from '../engine/types.js';

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

/** The nearest .kehoach.json in the folder of `path` or above it. */
export function findConfigFile(path: string): string | undefined {
  const start = resolve(path);
  let dir = isDirectory(start) ? start : dirname(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function loadConfigFile(file: string, locale: Locale = 'vi'): ResolvedConfig {
  return parseConfig(readFileSync(file, 'utf8'), file, locale);
}
