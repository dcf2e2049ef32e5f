// The language server built for VS Code for the Web (out/browser-server.js) run as a real web
// worker in headless Chromium, driven by LSP messages over postMessage as the web client does:
// each plan opened there gets the diagnostics the engine gives the same text checked alone (rule,
// range, severity, message). The browser host has no folder index and no .kehoach.json, so the
// comparison is with the single-file check (no workspace, default configuration); the dictionary
// is fetched from beside the worker's script, so KH703 is compared too.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { looksLikePlan } from '../server/src/engine/detect.js';
import { FIXTURES, SEEDS, hasSeeds } from './helpers/fixtures.js';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'out');
const CHROMIUM = process.env.KEHOACH_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`web-worker: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set KEHOACH_CHROMIUM)`);
if (hasChromium && !hasSeeds) console.warn(`web-worker: seed plans absent (${SEEDS}), only the project's real plans are compared`);

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

interface Finding {
  code: string;
  range: string;
  severity: number;
  message: string;
}

interface LspDiagnostic {
  code?: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  message: string;
}

/** A JSON-RPC message from the worker, as far as the test reads it. */
interface Message {
  id?: number;
  method?: string;
  params?: any;
}

/** The page's Worker, typed without the DOM library. */
interface PageWorker {
  onerror: (event: { message: string }) => void;
  onmessage: (event: { data: Message }) => void;
  postMessage(message: unknown): void;
  terminate(): void;
}

const rangeText = ({ start, end }: LspDiagnostic['range']): string => `${start.line}:${start.character}-${end.line}:${end.character}`;
const byPlace = (a: Finding, b: Finding): number => a.range.localeCompare(b.range) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);

/** What the engine reports on the text checked alone, as the server publishes it (nothing for a document that is not a plan). */
function expectedFindings(text: string): Finding[] {
  if (!looksLikePlan(text)) return [];
  return checkText(text)
    .diagnostics.map((d) => ({ code: d.ruleId, range: rangeText(d.range), severity: SEVERITY[d.severity], message: d.message.vi }))
    .sort(byPlace);
}

/** Plans to open: some of the project's real plans, and every seed plan when the seeds are there. */
function plans(): { name: string; uri: string; text: string }[] {
  const real = readdirSync(join(FIXTURES, 'real'))
    .filter((name) => name.endsWith('.md') && name !== 'SOURCES.md')
    .sort()
    .slice(0, 8)
    .map((name) => join(FIXTURES, 'real', name));
  const seeds = hasSeeds ? readdirSync(SEEDS).filter((name) => name.endsWith('.md')).sort().map((name) => join(SEEDS, name)) : [];
  return [...real, ...seeds].map((path, position) => ({
    name: path.slice(path.lastIndexOf('/') + 1),
    uri: `file:///plans/${position}.md`,
    text: readFileSync(path, 'utf8'),
  }));
}

/** Serves out/ over HTTP: a worker's script and the dictionary beside it need an origin (a file: page may start no worker). */
function serveOut(): Promise<Server> {
  const types: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.aff': 'text/plain', '.dic': 'text/plain' };
  const server = createServer((request, response) => {
    const path = normalize(join(OUT, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>kehoach</title>');
    } else if (path.startsWith(OUT) && existsSync(path)) {
      response.writeHead(200, { 'content-type': `${types[extname(path)] ?? 'application/octet-stream'}; charset=utf-8` }).end(readFileSync(path));
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(!hasChromium)('the language server in a web worker', () => {
  let browser: Browser;
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    server = await serveOut();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('publishes, for each plan opened, the findings of the engine on that plan checked alone', async () => {
    const opened = plans();
    const published = await page.evaluate(
      async ({ documents }) => {
        const worker = new (globalThis as unknown as { Worker: new (url: string) => PageWorker }).Worker('/browser-server.js');
        const diagnostics: Record<string, unknown[]> = {};
        const errors: string[] = [];
        let initialized = false;
        worker.onerror = (event: { message: string }) => errors.push(event.message);
        worker.onmessage = ({ data }: { data: Message }) => {
          if (data.id === 1) initialized = true;
          if (data.method === 'textDocument/publishDiagnostics') diagnostics[data.params.uri] = data.params.diagnostics;
          if (data.method === 'window/logMessage' && data.params.type === 1) errors.push(data.params.message);
        };
        worker.postMessage({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, locale: 'vi', capabilities: {} } });
        const waitFor = async (done: () => boolean): Promise<void> => {
          const deadline = Date.now() + 90_000;
          while (!done() && errors.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        };
        await waitFor(() => initialized);
        worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
        for (const { uri, text } of documents) {
          worker.postMessage({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
        }
        await waitFor(() => documents.every(({ uri }) => diagnostics[uri]));
        worker.terminate();
        return { diagnostics, errors };
      },
      { documents: opened.map(({ uri, text }) => ({ uri, text })) },
    );
    expect(published.errors).toEqual([]);
    for (const { name, uri, text } of opened) {
      const found = ((published.diagnostics[uri] ?? []) as LspDiagnostic[])
        .map((d) => ({ code: String(d.code), range: rangeText(d.range), severity: d.severity ?? 0, message: d.message }))
        .sort(byPlace);
      expect({ name, findings: found }).toEqual({ name, findings: expectedFindings(text) });
    }
    // The comparison means something: plans with findings, spelling among them (the dictionary reached the worker).
    const codes = opened.flatMap(({ text }) => expectedFindings(text).map((finding) => finding.code));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes).toContain('KH703');
  }, 120_000);
});
