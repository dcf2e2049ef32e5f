// Editing latency of the language server: the time from a didChange to the publishDiagnostics
// of that version, for a 30 KB plan with the debounce at 0, against a bare remark-parse of the
// same texts in the same run, and against the engine's checkText in process (what the server
// adds on top of the check). Drives the built out/server.js over stdio like an editor.
//   node scripts/bench-lsp.mjs [--no-build] [--edits N] [--plan file.md] [--json]
// Exported as benchLsp() for scripts/bench.mjs. Prints figures against the target; never fails
// on a missed target (timings on a shared machine are noisy), only when something breaks.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { ensureCorpus } from './corpus/generate.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'out', 'server.js');
/** didChange -> diagnostics over bare parse, at the median. */
export const TARGET_RATIO = 1.5;
const WARMUP = 20;

/**
 * checkText and bare remark-parse (the engine adds the GFM table extension), bundled as the CLI and
 * the server are, to time them in this process. Shared with bench.mjs.
 */
export async function bundleEngine() {
  const outfile = join(ROOT, '.bench', 'lsp-engine.cjs');
  await esbuild({
    stdin: {
      contents: [
        "export { checkText } from './server/src/engine/check.ts';",
        "export { ChunkCache } from './server/src/engine/markdown.ts';",
        "export { fixAll } from './server/src/engine/fixes.ts';",
        "export { parseConfig } from './server/src/engine/config.ts';",
        "export { provideDictionary } from './server/src/engine/spelling.ts';",
        "export { unified } from 'unified';",
        "export { default as remarkParse } from 'remark-parse';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  return require(outfile);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * Where the edits go: inside a sentence of body text past the middle of the plan, at the start of
 * a word, so that typing there changes no structure (no title, number or date).
 */
function editPoint(document) {
  const lines = document.getText().split('\n');
  for (let line = Math.floor(lines.length / 2); line < lines.length; line++) {
    const text = lines[line];
    if (text.length < 60 || !/^(?:[-+*]\s+)?\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(text)) continue;
    const space = text.indexOf(' ', Math.floor(text.length / 2));
    if (space > 0) return { line, character: space + 1 };
  }
  throw new Error('the plan has no body sentence to type into');
}

/** Types a letter at the point, then deletes it: the text keeps its size and its structure. */
function editAt(point, step) {
  return step % 2 === 0
    ? { range: { start: point, end: point }, text: 'a' }
    : { range: { start: point, end: { line: point.line, character: point.character + 1 } }, text: '' };
}

/**
 * @param {{ plan?: string, edits?: number, build?: boolean }} options
 * @returns {Promise<{ bytes: number, edits: number, lsp: Figures, parse: Figures, check: Figures, ratio: Figures, overCheck: Figures }>}
 * with Figures = { p50: number, p99: number }: milliseconds, or ratios for ratio (over bare parse) and overCheck (over checkText).
 */
export async function benchLsp({ plan, edits = 200, build = true } = {}) {
  if (build) {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the build failed:\n${result.stderr || result.stdout}`);
  }
  const text = readFileSync(plan ?? ensureCorpus(join(ROOT, '.bench')).plan30k, 'utf8');
  const engine = await bundleEngine();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = 'untitled:bench-30k.md';
  /** version -> resolve of the wait for its diagnostics */
  const waiting = new Map();
  const published = new Set();
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({ debounceMs: 0 })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri !== uri) return;
    published.add(params.version);
    waiting.get(params.version)?.();
  });
  connection.listen();
  const diagnosticsOf = (version) =>
    new Promise((resolve) => {
      if (published.has(version)) resolve();
      else waiting.set(version, resolve);
    });

  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, locale: 'vi' });
    await connection.sendNotification('initialized', {});
    let document = TextDocument.create(uri, 'markdown', 1, text);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await diagnosticsOf(1);

    const point = editPoint(document);
    const processor = engine.unified().use(engine.remarkParse);
    const lsp = [];
    const parse = [];
    const check = [];
    for (let step = 0; step < WARMUP + edits; step++) {
      const change = editAt(point, step);
      document = TextDocument.update(document, [change], document.version + 1);
      const version = document.version;
      const sent = performance.now();
      const received = diagnosticsOf(version);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await received;
      const latency = performance.now() - sent;
      const parseStart = performance.now();
      processor.parse(document.getText());
      const parseTime = performance.now() - parseStart;
      const checkStart = performance.now();
      engine.checkText(document.getText());
      const checkTime = performance.now() - checkStart;
      if (step >= WARMUP) {
        lsp.push(latency);
        parse.push(parseTime);
        check.push(checkTime);
      }
    }
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    const summary = (values) => ({ p50: percentile(values, 0.5), p99: percentile(values, 0.99) });
    const lspSummary = summary(lsp);
    const parseSummary = summary(parse);
    const checkSummary = summary(check);
    return {
      bytes: Buffer.byteLength(text),
      edits,
      lsp: lspSummary,
      parse: parseSummary,
      check: checkSummary,
      ratio: { p50: lspSummary.p50 / parseSummary.p50, p99: lspSummary.p99 / parseSummary.p99 },
      overCheck: { p50: lspSummary.p50 / checkSummary.p50, p99: lspSummary.p99 / checkSummary.p99 },
    };
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
}

export function formatBenchLsp(result) {
  const ms = (value) => `${value.toFixed(2).padStart(7)} ms`;
  const times = (value) => `${value.toFixed(2).padStart(7)} × `;
  const mark = result.ratio.p50 <= TARGET_RATIO ? '✓' : '✗';
  return [
    `language server, ${(result.bytes / 1000).toFixed(1)} KB plan, ${result.edits} edits, debounce 0:`,
    `  didChange → publishDiagnostics  p50 ${ms(result.lsp.p50)}   p99 ${ms(result.lsp.p99)}`,
    `  bare remark-parse, same texts   p50 ${ms(result.parse.p50)}   p99 ${ms(result.parse.p99)}`,
    `  checkText in process            p50 ${ms(result.check.p50)}   p99 ${ms(result.check.p99)}`,
    `  over bare parse                 p50 ${times(result.ratio.p50)}   p99 ${times(result.ratio.p99)}   (target p50 ≤ ${TARGET_RATIO}× ${mark})`,
    `  over checkText (server's share) p50 ${times(result.overCheck.p50)}   p99 ${times(result.overCheck.p99)}`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const result = await benchLsp({ plan: option('--plan'), edits: Number(option('--edits') ?? 200), build: !args.includes('--no-build') });
  process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${formatBenchLsp(result)}\n`);
}
