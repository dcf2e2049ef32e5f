// Turning command-line arguments into files: a file is taken as named, a folder is walked for
// Markdown, anything else is a glob. node_modules and .git are never entered.
import { lstatSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line, so checked even when it does not look like a plan. */
  explicit: boolean;
}

export interface Discovery {
  targets: Target[];
  /** Arguments that named no existing file or folder and matched nothing as a glob. */
  unmatched: string[];
  /** Folders named on the command line that hold no Markdown file. */
  emptyFolders: string[];
}

const NEVER_ENTERED = ['**/node_modules/**', '**/.git/**'];
const MARKDOWN = ['**/*.md', '**/*.markdown'];

/** A path that exists but is no folder (a FIFO, a device, a symbolic link loop) is a 'file': checking it says why it cannot be read. */
function kindOf(path: string): 'file' | 'folder' | undefined {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'file';
  } catch {
    try {
      return lstatSync(path).isSymbolicLink() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }
}

export async function discover(args: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Map<string, boolean>();
  const add = (path: string, explicit: boolean) => found.set(path, explicit || found.get(path) === true);
  const unmatched: string[] = [];
  const emptyFolders: string[] = [];
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const kind = kindOf(path);
    if (kind === 'file') {
      add(path, true);
      continue;
    }
    const matches =
      kind === 'folder'
        ? await glob(MARKDOWN, { cwd: path, absolute: true, ignore: NEVER_ENTERED, caseSensitiveMatch: false })
        : isDynamicPattern(arg)
          ? await glob(arg.split(sep).join('/'), { cwd, absolute: true, ignore: NEVER_ENTERED })
          : [];
    if (matches.length === 0) (kind === 'folder' ? emptyFolders : unmatched).push(kind === 'folder' ? path : arg);
    for (const match of matches) add(resolve(match), false);
  }
  return { targets: [...found].map(([path, explicit]) => ({ path, explicit })), unmatched, emptyFolders };
}

/** The path shown to the user: relative to the working folder, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  return (relative(cwd, path) || '.').split(sep).join('/');
}

/** Plain code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
