// npm run bench:index: the workspace index on the ~10,000-plan corpus of `npm run bench`
// (scripts/corpus/, cached in .bench/): a cold start (no cache), a warm start (from the cache),
// re-indexing one changed file, and the language server's memory with the corpus indexed, then
// after typing in one of its plans.
// The server figures come from the built out/server.js over stdio, started as the VS Code client
// starts it, with an index cache folder of its own; the one-file figure from the code the server
// runs for a file event (summarizeFile, then PlanIndex.set).
// Prints figures with their targets (✓/✗); never fails on a missed target, since timings on a
// shared machine are noisy; exits non-zero only when something breaks.
//   npx vite-node scripts/bench-index.ts [--no-build] [--runs N]
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ProtocolConnection, StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/protocol.js';
import { fileUri, indexFolders, summarizeFile } from '../server/src/node/indexer.js';
import { ensureCorpus } from './corpus/generate.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, '.bench');
const SERVER = join(ROOT, 'out', 'server.js');
const WORKER = join(ROOT, 'out', 'index-worker.js');
const args = process.argv.slice(2);
const RUNS = Math.max(1, Number(args[args.indexOf('--runs') + 1]) || 1);

const TARGETS = { coldMs: 5000, warmMs: 1000, oneFileMs: 20, rssMB: 300 };
const mark = (ok: boolean): string => (ok ? '✓' : '✗');
const ms = (value: number): string => `${value.toFixed(value < 100 ? 2 : 0).padStart(8)} ms`;

function build(): void {
  if (args.includes('--no-build')) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stderr || result.stdout}`);
}

/** Cold and warm indexing in this process, as the CLI does it (reading threads, disk cache). */
async function inProcess(corpus: string): Promise<{ cold: number; warm: number; plans: number; files: number }> {
  let cold = Number.POSITIVE_INFINITY;
  let warm = Number.POSITIVE_INFINITY;
  let plans = 0;
  let files = 0;
  for (let run = 0; run < RUNS; run++) {
    const cacheDir = mkdtempSync(join(tmpdir(), 'kehoach-bench-index-'));
    const cachePath = join(cacheDir, 'index.json');
    try {
      let started = performance.now();
      const first = await indexFolders([corpus], { cachePath, workers: { script: WORKER, count: cpus().length } });
      cold = Math.min(cold, performance.now() - started);
      if (first.problems.length > 0) throw new Error(`indexing reported problems: ${JSON.stringify(first.problems.slice(0, 3))}`);
      started = performance.now();
      const second = await indexFolders([corpus], { cachePath });
      warm = Math.min(warm, performance.now() - started);
      if (second.stats.fromCache !== second.stats.files) throw new Error(`warm start read ${second.stats.read} files`);
      ({ plans, files } = second.stats);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  return { cold, warm, plans, files };
}

/** Re-indexing one changed file, as the server does on a file event: median of many. */
async function oneFile(corpus: string, file: string): Promise<{ median: number; p95: number }> {
  const { index } = await indexFolders([corpus]);
  const uri = fileUri(file);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    // A new modification time, as an editor's save gives.
    utimesSync(file, new Date(), new Date(Date.now() + i * 1000));
    const started = performance.now();
    const { summary } = summarizeFile(file);
    if (summary) index.set(uri, summary);
    else index.delete(uri);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1]!, p95: times[Math.floor(times.length * 0.95)]! };
}

interface ServerRun {
  /** From `initialized` to the end of the indexing progress. */
  indexMs: number;
  /** Resident memory after indexing, and its peak, in MB. */
  rssMB: number;
  peakMB: number;
  /** Resident memory after editing a plan of the corpus (each edit checked with the cross-file rules). */
  editedMB: number;
  log: string;
}

const EDITS = 40;

/** The language server over stdio on the corpus, with `cacheDir` as its index cache folder; then `edited` is typed in. */
async function serverRun(corpus: string, cacheDir: string, edited: string): Promise<ServerRun> {
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const logs: string[] = [];
  let ended!: () => void;
  const indexed = new Promise<void>((resolve) => (ended = resolve));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounceMs: 0 })));
  const published: Array<{ uri: string; version?: number }> = [];
  let onPublished = (): void => {};
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number }) => {
    published.push(params);
    onPublished();
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onNotification('window/logMessage', (params: { message: string }) => logs.push(params.message));
  connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
    if (params.value.kind === 'end') ended();
  });
  connection.listen();
  try {
    const folder = pathToFileURL(corpus).href;
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'corpus' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true, workspaceFolders: true, codeLens: { refreshSupport: true } } },
      locale: 'vi',
      initializationOptions: { indexCacheDir: cacheDir, statusNotifications: false },
    });
    const started = performance.now();
    await connection.sendNotification('initialized', {});
    await indexed;
    const indexMs = performance.now() - started;
    // Let the index's garbage go, as it does in a session that goes on.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
    const rssMB = kb('VmRSS') / 1024;
    const peakMB = kb('VmHWM') / 1024;
    // Typing in a plan of the corpus: every version is checked against the index.
    const uri = pathToFileURL(edited).href;
    const text = readFileSync(edited, 'utf8');
    const checked = (version: number): Promise<void> =>
      new Promise((resolve) => {
        onPublished = () => {
          if (published.some((item) => item.uri === uri && item.version === version)) resolve();
        };
        onPublished();
      });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await checked(1);
    for (let version = 2; version <= EDITS + 1; version++) {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `${text}\nDòng thêm ${version}.\n` }] });
      await checked(version);
    }
    return { indexMs, rssMB, peakMB, editedMB: kb('VmRSS') / 1024, log: logs.find((line) => line.startsWith('Indexed')) ?? '(no index log line)' };
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}

async function main(): Promise<void> {
  build();
  const { corpusDir, manifest } = ensureCorpus(BENCH) as { corpusDir: string; manifest: { count: number; bytes: number; files: string[] } };
  console.log(`Workspace index on ${manifest.count.toLocaleString('en')} plans (${(manifest.bytes / 1e6).toFixed(0)} MB), ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}`);

  const local = await inProcess(corpusDir);
  console.log(`\nIn process (as kehoach check builds it), best of ${RUNS}: ${local.plans.toLocaleString('en')} plans in ${local.files.toLocaleString('en')} files`);
  console.log(`  cold, no cache        ${ms(local.cold)}   target ≤ ${TARGETS.coldMs} ms  ${mark(local.cold <= TARGETS.coldMs)}`);
  console.log(`  warm, from the cache  ${ms(local.warm)}   target ≤ ${TARGETS.warmMs} ms  ${mark(local.warm <= TARGETS.warmMs)}`);

  const changed = join(BENCH, manifest.files[manifest.files.length >> 1]!);
  const one = await oneFile(corpusDir, changed);
  console.log(`  one changed file      ${ms(one.median)}   p95 ${ms(one.p95)}   target ≤ ${TARGETS.oneFileMs} ms  ${mark(one.median <= TARGETS.oneFileMs)}`);

  const cacheDir = mkdtempSync(join(tmpdir(), 'kehoach-bench-server-'));
  try {
    const cold = await serverRun(corpusDir, cacheDir, changed);
    const warm = await serverRun(corpusDir, cacheDir, changed);
    console.log('\nLanguage server (out/server.js over stdio, initialized to the end of the indexing progress):');
    console.log(`  cold, no cache        ${ms(cold.indexMs)}   target ≤ ${TARGETS.coldMs} ms  ${mark(cold.indexMs <= TARGETS.coldMs)}`);
    console.log(`  warm, from the cache  ${ms(warm.indexMs)}   target ≤ ${TARGETS.warmMs} ms  ${mark(warm.indexMs <= TARGETS.warmMs)}`);
    for (const [name, run] of [['cold', cold], ['warm', warm]] as const) {
      console.log(`  RSS after a ${name} start ${run.rssMB.toFixed(0).padStart(5)} MB (peak ${run.peakMB.toFixed(0)} MB)   target ≤ ${TARGETS.rssMB} MB  ${mark(run.rssMB <= TARGETS.rssMB)}`);
      console.log(`    then ${EDITS} edits of a plan  ${run.editedMB.toFixed(0).padStart(5)} MB   target ≤ ${TARGETS.rssMB} MB  ${mark(run.editedMB <= TARGETS.rssMB)}`);
    }
    console.log(`  server log: ${warm.log}`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
