// Fix-all's output pinned on every plan we have, as the fixing loop before issue 15 produced it
// (digests of the fixed text and the number of fixes applied), so a faster fix-all is held to the
// same result: the real plans, every rule fixture, their decomposed (NFD) copies, and the seeds.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { applyFixes, fixAll } from '../server/src/engine/fixes.js';
import { LineIndex } from '../server/src/engine/text.js';
import type { Diagnostic, FixSafety } from '../server/src/engine/types.js';
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
  // Some 500 texts checked two or three times each: more than the default budget on a busy machine.
  it('on the real plans and the rule fixtures, as written and in NFD', { timeout: 120_000 }, async () => {
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

describe('one pass of fix-all', () => {
  const TEXT = 'một hai ba\nbốn năm sáu\n';
  const index = new LineIndex(TEXT);
  /** A finding whose fix makes the given edits, as [start offset, end offset, new text]. */
  const finding = (edits: Array<[number, number, string]>, safety: FixSafety = 'safe'): Diagnostic => ({
    ruleId: 'KH702',
    slug: 'unicode-normalization',
    severity: 'warning',
    message: { vi: 'x', en: 'x' },
    range: index.range(edits[0]![0], edits[0]![1]),
    fix: { title: { vi: 'x', en: 'x' }, safety, edits: edits.map(([start, end, newText]) => ({ range: index.range(start, end), newText })) },
  });

  it('applies every fix that touches no earlier one, in one build', () => {
    expect(applyFixes(TEXT, [finding([[0, 3, 'MỘT']]), finding([[3, 7, ' HAI']]), finding([[11, 14, 'BỐN'], [15, 18, 'NĂM']])])).toEqual({
      text: 'MỘT HAI ba\nBỐN NĂM sáu\n',
      applied: 3,
    });
  });

  it('leaves out a fix overlapping an earlier one, whole, and skips fixes that are not safe', () => {
    const result = applyFixes(TEXT, [finding([[4, 7, 'HAI']]), finding([[0, 3, 'MỘT'], [5, 10, 'x']]), finding([[8, 10, 'BA']], 'review')]);
    expect(result).toEqual({ text: 'một HAI ba\nbốn năm sáu\n', applied: 1 });
  });

  it('counts an insertion at the edge of a replacement, or at another insertion, as a clash', () => {
    expect(applyFixes(TEXT, [finding([[0, 3, 'MỘT']]), finding([[3, 3, '!']])]).applied).toBe(1);
    expect(applyFixes(TEXT, [finding([[3, 3, '!']]), finding([[0, 3, 'MỘT']])]).applied).toBe(1);
    expect(applyFixes(TEXT, [finding([[3, 3, '!']]), finding([[3, 3, '?']])])).toEqual({ text: 'một! hai ba\nbốn năm sáu\n', applied: 1 });
    expect(applyFixes(TEXT, [finding([[3, 3, '!']]), finding([[4, 7, 'HAI']])]).applied).toBe(2);
  });

  it('applies the fix left out on the next pass, against the re-checked text', () => {
    // A check that offers the same two clashing fixes while their words are still in lower case.
    const check = (text: string): Diagnostic[] => {
      const found: Diagnostic[] = [];
      const local = new LineIndex(text);
      for (const word of ['hai', 'hai ba']) {
        const at = text.indexOf(word);
        if (at < 0) continue;
        found.push({ ...finding([[0, 0, '']]), range: local.range(at, at + word.length), fix: { title: { vi: 'x', en: 'x' }, safety: 'safe', edits: [{ range: local.range(at, at + word.length), newText: word.toUpperCase() }] } });
      }
      return found;
    };
    expect(fixAll(TEXT, check)).toEqual({ text: 'một HAI ba\nbốn năm sáu\n', applied: 1 });
    expect(fixAll('một hai  ba hai ba', check)).toEqual({ text: 'một HAI  ba HAI BA', applied: 2 });
  });

  it('stops after the pass bound with the text fixed so far', () => {
    let checks = 0;
    const growing = (text: string): Diagnostic[] => {
      checks++;
      const end = new LineIndex(text).range(text.length, text.length);
      return [{ ...finding([[0, 0, '']]), range: end, fix: { title: { vi: 'x', en: 'x' }, safety: 'safe', edits: [{ range: end, newText: '.' }] } }];
    };
    expect(fixAll('a', growing, { maxPasses: 3 })).toEqual({ text: 'a...', applied: 3 });
    expect(checks).toBe(3);
  });

  it('uses the diagnostics given for the first pass instead of checking again', () => {
    const seen: string[] = [];
    const check = (text: string): Diagnostic[] => {
      seen.push(text);
      return [];
    };
    expect(fixAll(TEXT, check, { checked: [finding([[0, 3, 'MỘT']])] })).toEqual({ text: 'MỘT hai ba\nbốn năm sáu\n', applied: 1 });
    expect(seen).toEqual(['MỘT hai ba\nbốn năm sáu\n']);
  });
});
