// Random edit sequences on real plans: after each edit, checkText with the document's ChunkCache
// (as the language server keeps it) gives exactly the diagnostics of a fresh check of the new text,
// fixes included.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { ChunkCache } from '../server/src/engine/markdown.js';
import { FIXTURES, SEEDS, seedFiles } from './helpers/fixtures.js';

const REAL = join(FIXTURES, 'real');
const plans = [
  ...seedFiles().map((file) => join(SEEDS, file)),
  ...readdirSync(REAL).filter((file) => file.endsWith('.md') && file !== 'SOURCES.md').sort().map((file) => join(REAL, file)),
].map((path) => readFileSync(path, 'utf8'));

/** An edit as a share of the text's length, so that one edit fits any text. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.constantFrom('', 'x', ' ', '\n', '\n\n', '\r\n', '\r', '- ', '1. ', '**', '```\n', '<!--', '-->', '|', '# ', 'ngày 5 tháng 3 năm 2024', 'Căn cứ Kế hoạch số 12/KH-UBND', '\n\nII. NỘI DUNG\n'),
});

describe('incremental re-check', () => {
  it('gives after each edit exactly the diagnostics of a fresh check', () => {
    fc.assert(
      fc.property(fc.nat({ max: plans.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 8 }), (plan, edits) => {
        let text = plans[plan]!;
        const chunks = new ChunkCache();
        checkText(text, { chunks });
        for (const { at, remove, insert } of edits) {
          const start = Math.floor(at * text.length);
          text = text.slice(0, start) + insert + text.slice(start + remove);
          const incremental = JSON.stringify(checkText(text, { chunks }).diagnostics);
          if (incremental !== JSON.stringify(checkText(text).diagnostics)) expect(JSON.parse(incremental)).toEqual(checkText(text).diagnostics);
        }
      }),
      { numRuns: 25 },
    );
  });
});
