// The chunked parse (chunks.ts, markdownLines with a ChunkCache) against the reference, one parse
// of the whole text: the same TextLines (visible text, source map, block kind, numbering) on every
// plan we have, in each line ending, and on generated documents built from the Markdown shapes
// whose blocks cross blank lines or depend on the lines around them.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockBoundaries, chunkStarts } from '../server/src/engine/chunks.js';
import { ChunkCache, markdownLines } from '../server/src/engine/markdown.js';
import type { TextLine } from '../server/src/engine/model.js';
import { LineIndex } from '../server/src/engine/text.js';
import { FIXTURES, SEEDS, seedFiles } from './helpers/fixtures.js';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

const plans = [...seedFiles().map((file) => join(SEEDS, file)), ...markdownFiles(FIXTURES)].sort();

// Compared as JSON first (typed arrays included) since a deep equality of every line is slow; the
// deep comparison runs only to show a difference.
function expectSameLines(actual: TextLine[], expected: TextLine[], name?: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, name).toEqual(expected);
}

const whole = (text: string) => markdownLines(text, new LineIndex(text));
const chunked = (text: string, cache = new ChunkCache()) => markdownLines(text, new LineIndex(text), cache);

describe('chunked parse', () => {
  it('gives the whole parse\'s TextLines on every seed, fixture and real plan, with LF, CRLF and lone CR', () => {
    let cut = 0;
    for (const path of plans) {
      const text = readFileSync(path, 'utf8');
      const reference = whole(text);
      // Cut at every block boundary: the most cuts chunkStarts could ever choose.
      expectSameLines(chunked(text, new ChunkCache(blockBoundaries)), reference, path);
      if (!path.startsWith(join(FIXTURES, 'rules'))) {
        expectSameLines(chunked(text), reference, path);
        for (const variant of [text.replace(/\r?\n/g, '\r\n'), text.replace(/\r?\n/g, '\r')]) {
          expectSameLines(chunked(variant, new ChunkCache(blockBoundaries)), whole(variant), path);
        }
      }
      if ((blockBoundaries(text)?.length ?? 1) > 1) cut++;
    }
    // The plans long enough to be cut are cut: the comparison is not of one chunk with itself.
    expect(cut).toBeGreaterThan(10);
  });

  it('gives the whole parse\'s TextLines on generated documents', () => {
    const word = fc.constantFrom('Kế hoạch', 'a', 'b **c**', '*d*', 'Căn cứ', '`x`', 'e\\', 'f  ', '[g](h)', '<br>', 'i | j', '&amp;', 'CỘNG HÒA');
    const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    const line = fc.oneof(
      { weight: 6, arbitrary: text },
      { weight: 3, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constant('   ') },
      fc.tuple(fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '-', '  - ', '    - ', '   1. ', '> ', '> - ', '>'), text).map(([m, t]) => m + t),
      fc.tuple(fc.constantFrom('  ', '    ', '\t', ' ', '      '), text).map(([m, t]) => m + t),
      fc.constantFrom('```', '~~~', '````', '```js', '``` a`b', '  ```', '    ```', '- ```', '> ```', '~~~~'),
      fc.constantFrom('<!--', '-->', '<!-- x -->', '<!-->', '<div>', '</div>', '<span>', '<script>', '</script>', '  <!--', '<?x', '?>', '<!X', '>', '<![CDATA[', ']]>', '<pre>', '<p>'),
      fc.constantFrom('===', '---', '***', '# Tiêu đề', '## II. NỘI DUNG', '| a | b |', '|---|---|', '| c | d |', 'a | b', '--- | ---', '|-|'),
    );
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    const document = fc
      .array(fc.tuple(line, ending), { minLength: 1, maxLength: 60 })
      .map((lines) => lines.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(document, (source) => {
        expectSameLines(chunked(source, new ChunkCache(blockBoundaries)), whole(source));
      }),
      { numRuns: 400 },
    );
  });

  it('parses again only the chunks whose text changed', () => {
    const path = plans.find((p) => (chunkStarts(readFileSync(p, 'utf8'))?.length ?? 0) > 4);
    expect(path).toBeDefined();
    const text = readFileSync(path!, 'utf8');
    const cache = new ChunkCache();
    chunked(text, cache);
    const chunks = cache.parsed;
    const at = text.lastIndexOf('\n\n') - 1;
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    expectSameLines(chunked(edited, cache), whole(edited));
    expect(cache.parsed).toBe(1);
    expect(cache.reused).toBe(chunks - 1);
  });

  it('parses a document with link reference definitions whole, since a reference anywhere may use them', () => {
    expect(chunkStarts('[a]\n\ntext\n\n[a]: http://x\n')).toBeUndefined();
  });
});
