// The exported page as it prints: a long seed plan printed by headless Chromium to PDF gives
// several A4 pages, with no number on the first and the page number centred at the top of the
// others (Phụ lục I, I.7). pdftotext (poppler-utils) reads each page back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { renderStandaloneHtml } from '../server/src/preview/render.js';
import { SEEDS, hasSeeds } from './helpers/fixtures.js';

const CHROMIUM = process.env.KEHOACH_CHROMIUM ?? '/usr/bin/chromium';
const PDFTOTEXT = '/usr/bin/pdftotext';
const canPrint = existsSync(CHROMIUM) && existsSync(PDFTOTEXT);
if (!canPrint) console.warn(`print-pages: skipped, needs ${CHROMIUM} and ${PDFTOTEXT} (apt-get install -y chromium poppler-utils)`);

const LONG_SEED = '354-KH-PGDDT_cam-pha_2021-05-11.md';

describe.skipIf(!canPrint || !hasSeeds)('the exported page printed to PDF', () => {
  let browser: Browser;
  const folder = mkdtempSync(join(tmpdir(), 'kehoach-print-'));

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** The text of each printed page, its lines trimmed and blank ones dropped. */
  async function printedPages(markdown: string): Promise<string[][]> {
    const page = await browser.newPage();
    await page.setContent(await renderStandaloneHtml(checkText(markdown), { title: 'plan' }));
    const pdf = join(folder, 'plan.pdf');
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
    await page.close();
    const text = execFileSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' });
    return text
      .split('\f')
      .map((pageText) => pageText.split('\n').map((line) => line.trim()).filter(Boolean))
      .filter((lines) => lines.length > 0);
  }

  it('numbers the pages from the second, at the top, and not the first', async () => {
    const pages = await printedPages(readFileSync(join(SEEDS, LONG_SEED), 'utf8'));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]![0]).not.toMatch(/^\d+$/u);
    pages.slice(1).forEach((lines, i) => expect(lines[0]).toBe(String(i + 2)));
  });
});
