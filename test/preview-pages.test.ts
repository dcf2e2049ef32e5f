// The preview webview lays the sheet out on A4 pages with Paged.js, as it prints: the long seed plan
// sent as the extension sends it gives several pages, no number on the first, "2" centred at the
// top of the second (in the margin boxes, and read back by pdftotext from the pages printed to PDF),
// the pages scaled to a narrow panel, the problem underlines still on them, the cursor still
// followed, and the strict policy never broken (Paged.js's own styles carry the page's nonce).
// KEHOACH_PREVIEW_SCREENSHOTS=1 also writes docs/preview/page-1.png and page-2.png from this run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import type { ToWebview } from '../server/src/preview/protocol.js';
import { previewResult } from '../server/src/preview/service.js';
import { webviewPage } from '../server/src/preview/webview.js';
import { SEEDS, hasSeeds } from './helpers/fixtures.js';

const CHROMIUM = process.env.KEHOACH_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const PDFTOTEXT = '/usr/bin/pdftotext';
if (!hasChromium) console.warn(`preview-pages: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-core, or set KEHOACH_CHROMIUM)`);

const ROOT = join(__dirname, '..');
const LONG_SEED = '354-KH-PGDDT_cam-pha_2021-05-11.md';
const ORIGIN = 'https://kehoach.test';
const CSP_SOURCE = 'https://webview.kehoach.test';
const PAGED_URI = `${CSP_SOURCE}/pagedjs/paged.min.js`;
const PAGED_SCRIPT = readFileSync(join(ROOT, 'node_modules', 'pagedjs', 'dist', 'paged.min.js'), 'utf8');

describe.skipIf(!hasChromium || !hasSeeds)('the preview webview on A4 pages', () => {
  let browser: Browser;
  let page: Page;
  /** The long seed plan, as the extension sends it. */
  let update: ToWebview;
  const violations: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    // A panel about as wide as an A4 page, so the screenshots show the pages unscaled.
    page = await browser.newPage({ viewport: { width: 860, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.exposeFunction('__recordViolation', (violation: string) => violations.push(violation));
    await page.addInitScript(`
      window.acquireVsCodeApi = () => ({ postMessage: () => {} });
      document.addEventListener('securitypolicyviolation', (event) => window.__recordViolation(event.violatedDirective + ' ' + event.blockedURI));
    `);
    const html = webviewPage({ cspSource: CSP_SOURCE, nonce: 'cGFnZXMtdGVzdC1ub25jZQ==', loadingText: 'Đang dựng bản xem trước…', title: 'Xem trước bản in', pagedScriptUri: PAGED_URI });
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/preview.html`) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else if (url === PAGED_URI) await route.fulfill({ status: 200, contentType: 'text/javascript', body: PAGED_SCRIPT });
      else await route.abort();
    });
    await page.goto(`${ORIGIN}/preview.html`);
    const result = previewResult({ uri: 'file:///plan.md', version: 1, check: checkText(readFileSync(join(SEEDS, LONG_SEED), 'utf8')), locale: 'vi' });
    const severity = result.errors > 0 ? 'error' : result.warnings > 0 ? 'warning' : result.infos > 0 ? 'info' : 'none';
    update = { type: 'update', html: result.html, status: result.status, severity };
    await post(update);
    await page.locator('#kh-root .pagedjs_page').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** What VS Code does with webview.postMessage: a message event in the page. */
  async function post(message: ToWebview): Promise<void> {
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  }

  /** Sends the sheet again as updates, `times` in a row, and waits until the pages on screen are new ones. */
  async function relayout(times: number): Promise<void> {
    await page.evaluate(`document.querySelector('#kh-root .pagedjs_pages').setAttribute('data-old', '')`);
    for (let i = 0; i < times; i++) await post(update);
    await expect.poll(() => page.locator('#kh-root .pagedjs_pages:not([data-old])').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.locator('.kh-staging').count()).toBe(0);
  }

  /** A property of the computed style of the first element a selector finds. */
  async function computedStyle(selector: string, property: string, pseudo?: string): Promise<string> {
    return page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}), ${JSON.stringify(pseudo ?? null)}).getPropertyValue(${JSON.stringify(property)})`);
  }

  /** What the top-centre margin box of a page shows: its generated content and that page's number. */
  async function topCenter(index: number): Promise<{ content: string; pageNumber: string | null }> {
    const pageElement = page.locator('#kh-root .pagedjs_page').nth(index);
    return {
      content: await computedStyle(`#kh-root .pagedjs_page:nth-child(${index + 1}) .pagedjs_margin-top-center > .pagedjs_margin-content`, 'content', '::after'),
      pageNumber: await pageElement.getAttribute('data-page-number'),
    };
  }

  it('cuts the sheet into A4 pages, numbered from the second at the top centre', async () => {
    const pages = page.locator('#kh-root .pagedjs_page');
    expect(await pages.count()).toBeGreaterThan(1);
    const size = await pages.first().boundingBox();
    // 210 × 297 mm at 96 px per inch, the panel being wide enough not to scale the pages.
    expect(size!.width).toBeCloseTo((210 / 25.4) * 96, 0);
    expect(size!.height).toBeCloseTo((297 / 25.4) * 96, 0);
    expect(await topCenter(0)).toEqual({ content: 'none', pageNumber: '1' });
    expect(await topCenter(1)).toEqual({ content: 'counter(page)', pageNumber: '2' });
    // The whole plan is on the pages: its header on the first, its signature on the last.
    expect(await pages.first().locator('.kh-title').innerText()).toMatch(/^KẾ HOẠCH\n/u);
    expect(await pages.last().locator('.kh-signature').count()).toBe(1);
  });

  it.runIf(existsSync(PDFTOTEXT))('shows the number "2" on the second page, and none on the first (read back from the pages printed to PDF)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kehoach-pages-'));
    try {
      const pdf = join(folder, 'pages.pdf');
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
      const [first, second] = execFileSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' })
        .split('\f')
        .map((text) => text.split('\n').map((line) => line.trim()).filter(Boolean));
      expect(first![0]).not.toMatch(/^\d+$/u);
      expect(second![0]).toBe('2');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('scales the pages to a narrow panel', async () => {
    await page.setViewportSize({ width: 480, height: 1000 });
    await expect.poll(async () => (await page.locator('#kh-root .pagedjs_page').first().boundingBox())!.width).toBeLessThan(480);
    await page.setViewportSize({ width: 860, height: 1000 });
    await expect.poll(async () => (await page.locator('#kh-root .pagedjs_page').first().boundingBox())!.width).toBeCloseTo((210 / 25.4) * 96, 0);
  });

  it('keeps the problem underlines and their messages on the pages', async () => {
    const problems = page.locator('#kh-root .pagedjs_page .kh-problem');
    expect(await problems.count()).toBeGreaterThan(0);
    expect(await problems.first().getAttribute('title')).toMatch(/^KH\d{3}: /u);
    expect(await computedStyle('#kh-root .pagedjs_page .kh-problem', 'text-decoration-style')).toBe('wavy');
  });

  it('follows the cursor onto a later page, and keeps the place when the sheet is laid out again', async () => {
    const lastPage = page.locator('#kh-root .pagedjs_page').last();
    const line = Number(await lastPage.locator('[data-line]').first().getAttribute('data-line'));
    await post({ type: 'reveal', line });
    await expect.poll(() => lastPage.locator('.kh-current').count()).toBeGreaterThan(0);
    expect(await lastPage.locator('.kh-current').first().isVisible()).toBe(true);
    const scrollY = await page.evaluate<number>('window.scrollY');
    expect(scrollY).toBeGreaterThan(0);

    const before = await page.locator('#kh-root .pagedjs_page').count();
    // Two updates at once, as typing sends them: only the last one's pages stay.
    await relayout(2);
    expect(await page.locator('#kh-root .pagedjs_pages').count()).toBe(1);
    expect(await page.locator('#kh-root .pagedjs_page').count()).toBe(before);
    expect(await page.evaluate<number>('window.scrollY')).toBe(scrollY);
    expect(await lastPage.locator('.kh-current').count()).toBeGreaterThan(0);
    // Styles of the pages laid out before are gone, not piled up.
    const inserted = await page.locator('style[data-pagedjs-inserted-styles]').count();
    await relayout(1);
    expect(await page.locator('style[data-pagedjs-inserted-styles]').count()).toBe(inserted);
  });

  it('breaks no rule of the Content-Security-Policy', () => {
    expect(violations).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it.runIf(process.env.KEHOACH_PREVIEW_SCREENSHOTS)('writes docs/preview/page-1.png and page-2.png', async () => {
    await post({ type: 'reveal', line: -1 });
    // The sticky status line would cover the top of a page scrolled under it.
    await page.evaluate(`document.getElementById('kh-status').hidden = true`);
    const folder = join(ROOT, 'docs', 'preview');
    mkdirSync(folder, { recursive: true });
    const pages = page.locator('#kh-root .pagedjs_page');
    await pages.nth(0).screenshot({ path: join(folder, 'page-1.png') });
    await pages.nth(1).screenshot({ path: join(folder, 'page-2.png') });
  });
});
