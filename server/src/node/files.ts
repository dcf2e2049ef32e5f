// What the Node shells (CLI, language server, folder index) need of the file system that the
// engine must not do itself: finding and reading .kehoach.json (a binary file is told by
// engine/binary.ts). The engine takes the text and the parsed configuration from here.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, type ResolvedConfig, parseConfig } from '../engine/config.js';
import type { Locale } from '../engine/types.js';

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
