// `npm ci` refuses a lock that names an optional dependency without locking it. That happens when
// the lock is regenerated on a machine that only fetched its own platform's builds (rollup and
// esbuild ship one package per platform): the lock then lists only Linux builds and `npm ci`
// fails everywhere, this machine included. Regenerate it from scratch when this test fails:
// `rm -rf node_modules package-lock.json && npm install`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
}

const lock: { packages: Record<string, LockEntry> } = JSON.parse(
  readFileSync(join(__dirname, '..', 'package-lock.json'), 'utf8'),
);

/** Where npm would look for `name` when it is required from the package installed at `from`. */
function resolves(from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (lock.packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

describe('package-lock.json', () => {
  it('locks every optional dependency of every package, for every platform', () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        if (!resolves(path, name)) missing.push(`${path || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('holds the non-Linux builds of rollup and esbuild', () => {
    const names = Object.keys(lock.packages);
    for (const build of ['@rollup/rollup-darwin-arm64', '@rollup/rollup-win32-x64-msvc', '@esbuild/darwin-arm64', '@esbuild/win32-x64']) {
      expect(names.some((path) => path.endsWith(`node_modules/${build}`)), build).toBe(true);
    }
  });
});
