// The workspace index on disk and in memory: packed summaries read back equal, a warm start
// reads only what changed, unreadable, binary and oversized files are reported and skipped, the
// configured globs are left out, and worker threads give the same index as the caller's thread.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CACHE_VERSION, cachePathFor, packSummary, unpackSummary, userCacheDir } from '../server/src/node/cache.js';
import { fileUri, indexFiles, indexFolders, listMarkdownFiles } from '../server/src/node/indexer.js';
import { summarizePlan } from '../server/src/engine/workspace/summary.js';
import { FIXTURES, SEEDS, hasSeeds } from './helpers/fixtures.js';
import { plan } from './helpers/workspace.js';
import { ROOT, buildServer } from './lsp-harness.js';
import { looksBinary } from '../server/src/engine/binary.js';

function markdownFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) files.push(join(entry.parentPath, entry.name));
  }
  return files;
}

describe('packed summaries', () => {
  const sources = [...markdownFiles(join(FIXTURES, 'rules')), ...(hasSeeds ? markdownFiles(SEEDS) : [])];

  it.each(sources.map((path) => [path.slice(ROOT.length + 1), path]))('%s reads back equal', (_name, path) => {
    const summary = summarizePlan(readFileSync(path, 'utf8'));
    const packed = JSON.parse(JSON.stringify(packSummary(summary)));
    expect(unpackSummary(packed)).toEqual(summary);
  });

  it('keeps a plan with every field', () => {
    const summary = summarizePlan(plan(12, { cites: [[3, '01/6']] }));
    expect(summary.symbol).toBe('12/KH-PGDĐT');
    expect(summary.citations).toHaveLength(1);
    expect(summary.citations[0]!.issuer).toBe('Phòng Giáo dục và Đào tạo');
    expect(unpackSummary(packSummary(summary))).toEqual(summary);
  });
});

describe('binary detection while indexing', () => {
  /** The rule looksBinary implements, by decoding: a NUL byte, or many replacement characters near the start. */
  function byDecoding(bytes: Uint8Array): boolean {
    const sample = bytes.subarray(0, 8000);
    if (sample.includes(0)) return true;
    const replacements = new TextDecoder('utf-8').decode(sample).split('\uFFFD').length - 1;
    return replacements > sample.length / 100 + 2;
  }

  it('agrees with decoding on text cut anywhere in a character, and on arbitrary bytes', () => {
    const vietnamese = fc.string({ unit: fc.constantFrom('a', ' ', 'ậ', 'Đ', 'ư', '\n', '🙂', 'ệ', '1') , minLength: 7990, maxLength: 8010 });
    fc.assert(fc.property(vietnamese, (text) => looksBinary(Buffer.from(text)) === byDecoding(Buffer.from(text))), { numRuns: 200 });
    fc.assert(fc.property(fc.uint8Array({ minLength: 0, maxLength: 9000 }), (bytes) => looksBinary(bytes) === byDecoding(bytes)), { numRuns: 300 });
    // Text ending in a cut or broken character.
    const tails = fc.tuple(fc.string({ minLength: 0, maxLength: 200 }), fc.uint8Array({ minLength: 1, maxLength: 3 }).map((tail) => tail.map((byte) => byte | 0x80)));
    fc.assert(fc.property(tails, ([text, tail]) => {
      const bytes = Buffer.concat([Buffer.from(text), Buffer.from(tail)]);
      return looksBinary(bytes) === byDecoding(bytes);
    }), { numRuns: 1000 });
    for (const tail of [[0xf0, 0x80, 0x80], [0xe0, 0x80], [0xf0, 0x9f, 0x99], [0xe1, 0xba]]) {
      for (const length of [0, 97, 98, 100, 7997]) {
        const bytes = Buffer.concat([Buffer.alloc(length, 0x61), Buffer.from(tail)]);
        expect(looksBinary(bytes), `${length} + ${tail}`).toBe(byDecoding(bytes));
      }
    }
    const mostlyText = fc.tuple(fc.string({ minLength: 7990, maxLength: 8000 }), fc.uint8Array({ minLength: 1, maxLength: 40 }));
    fc.assert(fc.property(mostlyText, ([text, noise]) => {
      const bytes = Buffer.concat([Buffer.from(text.slice(0, 4000)), Buffer.from(noise), Buffer.from(text.slice(4000))]);
      return looksBinary(bytes) === byDecoding(bytes);
    }), { numRuns: 200 });
  });
});

describe('cache location', () => {
  it('is one file per folder set, under the given folder or the XDG cache folder', () => {
    expect(cachePathFor(['/a', '/b'], '/store')).toBe(cachePathFor(['/b', '/a'], '/store'));
    expect(cachePathFor(['/a'], '/store')).not.toBe(cachePathFor(['/b'], '/store'));
    expect(cachePathFor(['/a'], '/store').startsWith('/store/index-')).toBe(true);
    const saved = process.env.XDG_CACHE_HOME;
    try {
      process.env.XDG_CACHE_HOME = '/xdg';
      expect(userCacheDir()).toBe('/xdg/kehoach');
      // A relative XDG_CACHE_HOME is invalid and ignored (XDG base directory specification).
      process.env.XDG_CACHE_HOME = 'relative';
      expect(userCacheDir().endsWith('/.cache/kehoach')).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = saved;
    }
  });
});

describe('indexFolders', () => {
  let dir: string;
  let cachePath: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kehoach-index-'));
    cachePath = join(dir, 'cache', 'index.json');
    mkdirSync(join(dir, 'plans'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string | Buffer): string => {
    const path = join(dir, 'plans', name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };

  it('reads every plan cold, none warm, and only the changed one after an edit', async () => {
    write('1.md', plan(1));
    write('2.md', plan(2, { cites: [[1, '10/6']] }));
    const changed = write('3.md', plan(3));
    write('notes.md', '# Ghi chú\n\nKhông phải kế hoạch.\n');
    const folder = join(dir, 'plans');

    const cold = await indexFolders([folder], { cachePath });
    expect(cold.stats).toEqual({ files: 4, plans: 3, fromCache: 0, read: 4 });
    expect(cold.cacheWritten).toBe(true);

    const warm = await indexFolders([folder], { cachePath });
    expect(warm.stats).toEqual({ files: 4, plans: 3, fromCache: 4, read: 0 });
    expect([...warm.index.entries()]).toEqual([...cold.index.entries()]);
    expect(warm.index.citationsOf('1/KH-PGDĐT').map((item) => item.uri)).toEqual([fileUri(join(folder, '2.md'))]);

    writeFileSync(changed, plan(30));
    utimesSync(changed, new Date(), new Date(Date.now() + 5000));
    const edited = await indexFolders([folder], { cachePath });
    expect(edited.stats).toEqual({ files: 4, plans: 3, fromCache: 3, read: 1 });
    expect(edited.index.plansNumbered('30/KH-PGDĐT')).toHaveLength(1);
    expect(edited.index.plansNumbered('3/KH-PGDĐT')).toHaveLength(0);
  });

  it('drops deleted files from the cache', async () => {
    write('1.md', plan(1));
    const gone = write('2.md', plan(2));
    const folder = join(dir, 'plans');
    await indexFolders([folder], { cachePath });
    rmSync(gone);
    const after = await indexFolders([folder], { cachePath });
    expect(after.stats).toEqual({ files: 1, plans: 1, fromCache: 1, read: 0 });
    expect(readFileSync(cachePath, 'utf8')).not.toContain('2.md');
  });

  it('starts cold from a damaged or foreign cache file', async () => {
    write('1.md', plan(1));
    mkdirSync(join(dir, 'cache'));
    writeFileSync(cachePath, `kehoach-index ${CACHE_VERSION}\n"not closed\t1\t2\t0\n{]`);
    const result = await indexFolders([join(dir, 'plans')], { cachePath });
    expect(result.stats).toMatchObject({ plans: 1, read: 1 });
    writeFileSync(cachePath, '{"version":1,"entries":{}}');
    expect((await indexFolders([join(dir, 'plans')], { cachePath })).stats).toMatchObject({ plans: 1, read: 1 });
  });

  it('reports unreadable, binary and oversized files and indexes the rest', async () => {
    write('ok.md', plan(1));
    write('binary.md', Buffer.from([0x4b, 0x00, 0x01, 0x02, 0xff, 0xfe]));
    write('big.md', `${plan(2)}\n${'x'.repeat(5000)}\n`);
    const folder = join(dir, 'plans');
    // Listed, then deleted before it is read.
    const files = [...(await listMarkdownFiles([folder])), join(folder, 'deleted.md')];
    const result = await indexFiles(files, { cachePath, maxFileSize: 4000 });
    expect(result.stats.plans).toBe(1);
    const problems = Object.fromEntries(result.problems.map((problem) => [problem.path.slice(dir.length + 7), problem.message.vi]));
    expect(problems).toEqual({
      'binary.md': 'Bỏ qua: tệp nhị phân',
      'big.md': 'Bỏ qua: tệp lớn hơn 4000 byte',
      'deleted.md': 'Không đọc được tệp: ENOENT',
    });
  });

  it('leaves out node_modules, .git and the configured globs', async () => {
    write('1.md', plan(1));
    write('node_modules/pkg/2.md', plan(2));
    write('.git/3.md', plan(3));
    write('nhap/4.md', plan(4));
    write('5.markdown', plan(5));
    const result = await indexFolders([join(dir, 'plans')], { ignore: ['nhap/**'] });
    expect([...result.index.entries()].map((entry) => entry.uri.slice(entry.uri.lastIndexOf('/') + 1)).sort()).toEqual(['1.md', '5.markdown']);
  });

  it('stops when asked, and writes no partial cache', async () => {
    for (let i = 1; i <= 200; i++) write(`${i}.md`, plan(i));
    const controller = new AbortController();
    let calls = 0;
    const result = await indexFolders([join(dir, 'plans')], {
      cachePath,
      signal: controller.signal,
      onProgress: () => {
        if (++calls === 1) controller.abort();
      },
    });
    expect(result.stats.plans).toBeLessThan(200);
    expect(result.cacheWritten).toBe(false);
  });

  it('gives the same index from worker threads, and reads the files itself when the worker script is missing', async () => {
    buildServer();
    for (let i = 1; i <= 300; i++) write(`${i}.md`, plan(i, { cites: i > 1 ? [[i - 1, '01/6']] : [] }));
    const folder = join(dir, 'plans');
    const progress: number[] = [];
    const inline = await indexFolders([folder]);
    const fromWorkers = await indexFolders([folder], { workers: { script: join(ROOT, 'out', 'index-worker.js'), count: 2 }, onProgress: (done) => progress.push(done) });
    expect(fromWorkers.stats).toEqual(inline.stats);
    const sorted = (result: typeof inline) => [...result.index.entries()].sort((a, b) => a.uri.localeCompare(b.uri));
    expect(sorted(fromWorkers)).toEqual(sorted(inline));
    expect(progress.at(-1)).toBe(300);
    const fallback = await indexFolders([folder], { workers: { script: join(dir, 'missing-worker.js'), count: 2 } });
    expect(fallback.stats).toEqual(inline.stats);
  });
});
