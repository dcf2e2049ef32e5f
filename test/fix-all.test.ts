// Fix-all's output pinned on every plan we have, as the fixing loop before issue 15 produced it
// (digests of the fixed text and the number of fixes applied), so a faster fix-all is held to the
// same result: the real plans, every rule fixture, their decomposed (NFD) copies, and the seeds.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { fixAll } from '../server/src/engine/fixes.js';
import { FIXTURES, SEEDS, hasSeeds, seedFiles } from './helpers/fixtures.js';

const PINS = join(FIXTURES, 'fix-all');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md') && !entry.name.endsWith('.fixed.md') && entry.name !== 'SOURCES.md')
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** What fix-all made of each text: "applied sha256-of-fixed-text", one line per input. */
function fixedDigests(inputs: ReadonlyArray<[name: string, text: string]>): string {
  const check = (source: string) => checkText(source).diagnostics;
  return inputs
    .map(([name, text]) => {
      const { text: fixed, applied } = fixAll(text, check);
      return `${name}: ${applied} ${createHash('sha256').update(fixed).digest('hex')}`;
    })
    .join('\n')
    .concat('\n');
}

/** Each text as written and decomposed, the way text pasted from old tools arrives. */
function asWrittenAndDecomposed(files: readonly string[], root: string): Array<[string, string]> {
  return files.flatMap((path): Array<[string, string]> => {
    const name = relative(root, path);
    const text = readFileSync(path, 'utf8');
    return [
      [name, text],
      [`${name} (NFD)`, text.normalize('NFD')],
    ];
  });
}

describe('fix-all gives the pinned result', () => {
  it('on the real plans and the rule fixtures, as written and in NFD', async () => {
    const files = [...markdownFiles(join(FIXTURES, 'real')), ...markdownFiles(join(FIXTURES, 'rules'))];
    await expect(fixedDigests(asWrittenAndDecomposed(files, FIXTURES))).toMatchFileSnapshot(join(PINS, 'fixtures.digests.txt'));
  });

  it.runIf(hasSeeds)('on the seeds, as written, in NFD, and a 100 KB NFD plan of many copies of one seed', async () => {
    const inputs = asWrittenAndDecomposed(seedFiles().map((name) => join(SEEDS, name)), SEEDS);
    const seed = readFileSync(join(SEEDS, '354-KH-PGDDT_cam-pha_2021-05-11.md'), 'utf8').normalize('NFD');
    inputs.push(['354 × 4 (NFD)', Array.from({ length: 4 }, () => seed).join('\n\n')]);
    await expect(fixedDigests(inputs)).toMatchFileSnapshot(join(PINS, 'seeds.digests.txt'));
  });
});
