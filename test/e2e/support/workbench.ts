// Drives the VS Code workbench in Chromium the way a person does: keyboard shortcuts, the command
// palette, the Problems view. Every step waits for what it needs to see (no fixed pauses), and
// what the workbench shows can be read back as text for assertions and failure reports.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type FrameLocator, type Locator, type Page, chromium } from 'playwright-core';
import { ARTIFACTS, CHROMIUM, ROOT, SCREENSHOTS_FOR_DOCS } from './paths';

/**
 * Elements as read inside the page; the project compiles without the DOM library. (Callbacks
 * run in the page are serialised, so they can use types but no function of this module.)
 */
export interface RenderedElement {
  innerText: string;
  getAttribute(name: string): string | null;
  getAnimations(options: { subtree: boolean }): Array<{ finished: Promise<unknown> }>;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Screenshots committed under docs/ must stay small. */
const MAX_DOC_SCREENSHOT_BYTES = 150 * 1024;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface Problem {
  file: string;
  rule: string;
  line: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/** "Kehoach: Fix All Auto-fixable Problems": the palette label of one of the extension's commands. */
export function commandTitle(command: string): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { commands: Array<{ command: string; title: string; category?: string }> };
  };
  const strings = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const localize = (text: string): string => text.replace(/^%(.+)%$/, (_, key: string) => strings[key] ?? text);
  const entry = manifest.contributes.commands.find((item) => item.command === command);
  if (!entry) throw new Error(`package.json contributes no command ${command}`);
  return entry.category ? `${localize(entry.category)}: ${localize(entry.title)}` : localize(entry.title);
}

export class Workbench {
  private step = 0;

  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator('.explorer-folders-view').waitFor();
  }

  /** Opens a file of the workspace with Quick Open (Ctrl+P). */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    await this.page.keyboard.type(name);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
    await this.editor.locator('.view-lines').waitFor();
  }

  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Runs a command from the palette (Ctrl+Shift+P) by its full label. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Moves the cursor with Go to Line (Ctrl+G), both 1-based. */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
  }

  get problemsView(): Locator {
    return this.page.locator('.markers-panel');
  }

  async showProblems(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+M');
    await this.problemsView.waitFor();
  }

  /** The rows of the Problems view, read as the person sees them (file rows group the problems below them). */
  async problems(): Promise<Problem[]> {
    const rows = await this.problemsView.locator('.monaco-list-row').evaluateAll((elements) =>
      elements.map((element) => ({
        level: (element as unknown as RenderedElement).getAttribute('aria-level'),
        label: (element as unknown as RenderedElement).getAttribute('aria-label') ?? '',
        text: (element as unknown as RenderedElement).innerText,
      })),
    );
    const problems: Problem[] = [];
    let file = '';
    for (const row of rows) {
      if (row.level === '1') {
        file = row.text.split('\n')[0]!.trim();
        continue;
      }
      const position = /\b(KH\d{3})\b[\s\S]*\[Ln (\d+), Col \d+\]/.exec(row.text);
      const severity = /^(Error|Warning|Info)\b/.exec(row.label)?.[1]?.toLowerCase();
      if (!position || !severity) continue;
      problems.push({ file, rule: position[1]!, line: Number(position[2]), severity: severity as Problem['severity'], message: row.text.split('\n')[0]! });
    }
    return problems;
  }

  /** Rule and line of each problem of one file, sorted by line then rule. */
  async problemsOf(file: string): Promise<Array<{ rule: string; line: number }>> {
    return (await this.problems())
      .filter((problem) => problem.file === file)
      .map(({ rule, line }) => ({ rule, line }))
      .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
  }

  /** Focuses the Problems view and moves down with the arrow keys to the first row of `rule`. */
  async selectProblem(rule: string): Promise<void> {
    await this.showProblems();
    const rows = this.problemsView.locator('.monaco-list-row');
    const count = await rows.count();
    await this.problemsView.locator('.monaco-list').focus();
    for (let moves = 0; moves <= count; moves++) {
      const focused = this.problemsView.locator('.monaco-list-row.focused');
      if ((await focused.count()) > 0 && (await focused.innerText()).includes(rule)) return;
      await this.page.keyboard.press(moves === 0 && (await focused.count()) === 0 ? 'Home' : 'ArrowDown');
    }
    throw new Error(`No row of ${rule} in the Problems view:\n${await this.problemsView.innerText()}`);
  }

  get statusItem(): Locator {
    return this.page.locator('.statusbar-item[id$="kehoach.status"]');
  }

  /** The document of the visible webview (webviews sit in an iframe inside an iframe). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
  }

  /** Waits until the element's animations (the fade-in of hovers and menus) have finished. */
  async settled(locator: Locator): Promise<void> {
    await locator.evaluate(async (element) => {
      await Promise.all((element as unknown as RenderedElement).getAnimations({ subtree: true }).map((animation) => animation.finished));
    });
  }

  /** Screenshot of the current step into test/artifacts/e2e, numbered in order. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    this.step += 1;
    const path = join(ARTIFACTS, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /**
   * With KEHOACH_DOC_SCREENSHOTS=1, also writes docs/screenshots/<name>.png (the README's
   * pictures), cut to the smallest rectangle around `areas` to stay small.
   */
  async documentationScreenshot(name: string, ...areas: Locator[]): Promise<void> {
    if (process.env.KEHOACH_DOC_SCREENSHOTS !== '1') return;
    mkdirSync(SCREENSHOTS_FOR_DOCS, { recursive: true });
    const path = join(SCREENSHOTS_FOR_DOCS, `${name}.png`);
    const boxes = (await Promise.all(areas.map((area) => area.boundingBox()))).filter((box) => box !== null);
    const clip =
      boxes.length > 0
        ? (() => {
            const x = Math.min(...boxes.map((box) => box.x));
            const y = Math.min(...boxes.map((box) => box.y));
            const width = Math.max(...boxes.map((box) => box.x + box.width)) - x;
            const height = Math.max(...boxes.map((box) => box.y + box.height)) - y;
            return { x, y, width, height };
          })()
        : undefined;
    await this.page.screenshot({ path, clip });
    const bytes = statSync(path).size;
    if (bytes > MAX_DOC_SCREENSHOT_BYTES) throw new Error(`${path} is ${bytes} bytes; documentation screenshots must stay under ${MAX_DOC_SCREENSHOT_BYTES}.`);
  }

  /** What the workbench shows, as text, for a failure report. */
  async describe(): Promise<string> {
    const read = async (title: string, locator: Locator, attribute?: string): Promise<string> => {
      const texts = await locator.evaluateAll(
        (elements, name) => elements.map((element) => (name ? (element as unknown as RenderedElement).getAttribute(name) : (element as unknown as RenderedElement).innerText)?.trim() ?? '').filter(Boolean),
        attribute,
      );
      return texts.length > 0 ? `--- ${title}\n${texts.join('\n')}` : '';
    };
    const parts = await Promise.all([
      read('Problems view', this.problemsView),
      read('Editor', this.editor.locator('.view-lines')),
      read('Notifications', this.page.locator('.notifications-toasts, .notification-list-item')),
      read('Quick input', this.page.locator('.quick-input-widget:visible')),
      read('Action widget', this.page.locator('.action-widget')),
      read('Hover', this.page.locator('.monaco-hover:visible')),
      read('Status bar', this.page.locator('.statusbar-item'), 'aria-label'),
      this.webview()
        .locator('body')
        .innerText({ timeout: 1000 })
        .then((text) => `--- Webview\n${text.trim()}`)
        .catch(() => ''),
    ]);
    return parts.filter(Boolean).join('\n');
  }
}

/** Writes the page text next to its failure screenshot. */
export function writeArtifact(name: string, content: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, content);
  return path;
}
