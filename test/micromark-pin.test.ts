// micromark is pinned to 4.0.2 on purpose. In 4.0.3, EditMap.consume makes the document
// tokenizer superlinear in the size of the input: a 10 MB Markdown file takes 37 s and 1.8 GB to
// parse, against 2.7 s on 4.0.2. kehoach parses every draft with remark-parse (which runs
// micromark), so an unpinned upgrade would quietly make large drafts and whole-folder checks
// unusable. Lift the pin only once a fixed release is measured with `npm run bench` (its scaling
// line compares a 1 MB and a 4 MB parse).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const PINNED = '4.0.2';

function readJson(path: string): Record<string, any> {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

describe('micromark pin', () => {
  it(`installs micromark ${PINNED}`, () => {
    expect(readJson('node_modules/micromark/package.json').version).toBe(PINNED);
  });

  it('pins it in package.json overrides, so transitive ranges cannot pull in 4.0.3', () => {
    expect(readJson('package.json').overrides?.micromark).toBe(PINNED);
  });

  it('locks every micromark copy in package-lock.json to the pinned version', () => {
    const packages: Record<string, { version?: string }> = readJson('package-lock.json').packages ?? {};
    const copies = Object.entries(packages).filter(([path]) => /(^|\/)node_modules\/micromark$/.test(path));
    expect(copies.length).toBeGreaterThan(0);
    for (const [path, entry] of copies) expect({ path, version: entry.version }).toEqual({ path, version: PINNED });
  });
});
