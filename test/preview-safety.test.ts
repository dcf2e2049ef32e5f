// A draft full of HTML and script, rendered by the preview and loaded in a real headless Chromium
// with the webview's exact page and Content-Security-Policy: no script of the draft runs, no
// dialog opens, nothing is fetched, and the draft's HTML is on the page as visible text. A control
// case proves the detectors fire when script does run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import type { ToWebview } from '../server/src/preview/protocol.js';
import { exportCsp, renderDocument, renderPlanPage } from '../server/src/preview/render.js';
import { webviewPage } from '../server/src/preview/webview.js';
import { FIXTURES } from './helpers/fixtures.js';

const CHROMIUM = process.env.KEHOACH_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`preview-safety: skipped, no Chromium at ${CHROMIUM} (apt-get install -y chromium fonts-noto-core fonts-noto-mono, or set KEHOACH_CHROMIUM)`);
}

const ORIGIN = 'https://kehoach.test';
/** What the webview's cspSource looks like: the origin of the webview's own resources. */
const CSP_SOURCE = 'https://webview.kehoach.test';
const UNSAFE = readFileSync(join(FIXTURES, 'preview', 'unsafe.md'), 'utf8');
/** Paged.js as the webview loads it: a resource of the extension, served at cspSource. */
const PAGED_URI = `${CSP_SOURCE}/pagedjs/paged.min.js`;
const PAGED_SCRIPT = readFileSync(join(__dirname, '..', 'node_modules', 'pagedjs', 'dist', 'paged.min.js'), 'utf8');

interface Observed {
  page: Page;
  dialogs: string[];
  requests: string[];
  posted: unknown[];
}

describe.skipIf(!hasChromium)(`preview safety in headless Chromium (${CHROMIUM})`, () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Loads a document at ORIGIN; every other request is recorded and refused. */
  async function load(html: string): Promise<Observed> {
    const page = await browser.newPage();
    const observed: Observed = { page, dialogs: [], requests: [], posted: [] };
    page.on('dialog', (dialog) => {
      observed.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.exposeFunction('__recordPost', (message: unknown) => observed.posted.push(message));
    // The webview API VS Code gives the page (acquireVsCodeApi): its postMessage is recorded here.
    await page.addInitScript('window.acquireVsCodeApi = () => ({ postMessage: (message) => window.__recordPost(message) });');
    await page.route('**/*', async (route) => {
      if (route.request().url() === `${ORIGIN}/preview.html`) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      else if (route.request().url() === PAGED_URI) await route.fulfill({ status: 200, contentType: 'text/javascript', body: PAGED_SCRIPT });
      else {
        observed.requests.push(route.request().url());
        await route.abort();
      }
    });
    await page.goto(`${ORIGIN}/preview.html`);
    return observed;
  }

  /** What VS Code does with webview.postMessage: a message event in the page. */
  async function postToWebview(page: Page, message: ToWebview): Promise<void> {
    await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
  }

  /** Gives handlers of the draft (onerror, onload) every chance to run before looking. */
  async function settle(page: Page): Promise<void> {
    await page.mouse.move(200, 300);
    await page.mouse.click(200, 300);
    await page.evaluate('new Promise((resolve) => setTimeout(resolve, 300))');
  }

  async function expectNothingRan({ page, dialogs, requests }: Observed): Promise<void> {
    await settle(page);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    const root = page.locator('#kh-root');
    expect(await root.locator('script, img, iframe, svg, a, style, b, div[onclick], object, embed').count()).toBe(0);
    expect(await page.locator('body').isVisible()).toBe(true);
  }

  async function expectDraftHtmlAsText(page: Page): Promise<void> {
    const text = await page.locator('#kh-root').innerText();
    expect(text).toContain(`<script>window.__pwned = 'block'; alert('block')</script>`);
    expect(text).toContain(`<img src=x onerror="window.__pwned='img'; alert('img')">`);
    expect(text).toContain('<a href="javascript:alert(1)">liên kết thô</a>');
    expect(text).toContain(`<div onclick="window.__pwned='div'">Khối HTML thô</div>`);
    expect(text).toContain('5 < 6 && 7 > 3');
    const block = page.locator('code.kh-raw', { hasText: `window.__pwned = 'block'` });
    expect(await block.isVisible()).toBe(true);
  }

  it('control: the detectors see a script that does run', async () => {
    const observed = await load(`<!DOCTYPE html><html><body><img src="x" onerror="window.__pwned='img'; alert('ran')"></body></html>`);
    await settle(observed.page);
    expect(await observed.page.evaluate('window.__pwned')).toBe('img');
    expect(observed.dialogs).toEqual(['ran']);
    expect(observed.requests).toEqual([`${ORIGIN}/x`]);
    await observed.page.close();
  });

  it('the webview page runs only its own script, and the draft arrives as inert text', async () => {
    const nonce = 'dGVzdC1ub25jZS0xMjM0NQ==';
    const observed = await load(webviewPage({ cspSource: CSP_SOURCE, nonce, loadingText: 'Đang dựng bản xem trước…', title: 'Xem trước', pagedScriptUri: PAGED_URI }));
    const { page } = observed;
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(`default-src 'none'; style-src ${CSP_SOURCE} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${CSP_SOURCE} data:`);
    // Our script ran under the policy: it announced itself to the extension.
    await expect.poll(() => observed.posted).toEqual([{ type: 'ready' }]);

    const { html } = renderPlanPage(checkText(UNSAFE), { problems: true, placeholders: true });
    await postToWebview(page, { type: 'update', html, status: '1 lỗi', severity: 'error' });
    await page.locator('#kh-root .kh-page').waitFor();
    expect(await page.locator('#kh-status').innerText()).toBe('1 lỗi');
    await expectNothingRan(observed);
    await expectDraftHtmlAsText(page);

    // The sheet follows the cursor and sends double-clicks back to the editor.
    await postToWebview(page, { type: 'reveal', line: 22 });
    await expect.poll(() => page.locator('.kh-current').getAttribute('data-line')).toBe('21');
    await page.locator('p[data-line="21"]').dblclick();
    await expect.poll(() => observed.posted).toContainEqual({ type: 'reveal-source', line: 21 });
    await expectNothingRan(observed);
    await page.close();
  });

  it('the exported page, which carries no script at all', async () => {
    const { html } = renderPlanPage(checkText(UNSAFE), { problems: true });
    const observed = await load(renderDocument(html, { title: 'Xuất', csp: await exportCsp() }));
    expect(await observed.page.locator('script').count()).toBe(0);
    await expectNothingRan(observed);
    await expectDraftHtmlAsText(observed.page);
    // The stylesheet is allowed by its hash: the sheet is laid out, not bare text.
    expect(await observed.page.evaluate(`getComputedStyle(document.querySelector('.kh-page')).fontFamily`)).toContain('Times New Roman');
    await observed.page.close();
  });

  it('escaping alone keeps the draft inert, without any policy', async () => {
    const { html } = renderPlanPage(checkText(UNSAFE), { problems: true, placeholders: true });
    const observed = await load(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><main id="kh-root">${html}</main></body></html>`);
    await expectNothingRan(observed);
    await expectDraftHtmlAsText(observed.page);
    await observed.page.close();
  });
});
