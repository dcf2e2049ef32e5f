// The print preview as HTML: one A4 sheet laid out as Phụ lục I of Nghị định 30/2020/NĐ-CP
// prescribes. Every character of the draft is escaped, so HTML written in a draft shows as text;
// styling lives in one <style> element and class names only, so a strict Content-Security-Policy
// (no inline styles, no inline handlers) applies to the page.
import type { CheckResult } from '../engine/check.js';
import type { Locale, Severity } from '../engine/types.js';
import { bytesToBase64 } from './protocol.js';
import { type Block, type Inline, type LayoutProblem, type Paragraph, type PrintLayout, layoutPlan } from './layout.js';
import {
  BODY_LINE_SPACING,
  CLOSING_COLUMNS_MM,
  FIRST_LINE_INDENT_MM,
  FONT_FALLBACKS,
  FONT_FAMILY,
  HEADER_COLUMNS_MM,
  PAGE,
  PAGE_NUMBER_PT,
  PARAGRAPH_SPACING_PT,
  ROLE_STYLES,
  type Role,
  SIGNATURE_GAP_PT,
} from './style.js';

export interface PageOptions {
  /** Mark problems on the page (wavy underline, message on hover). */
  problems?: boolean;
  locale?: Locale;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The sheet: `<article class="kh-page">` with the header, title, body and closing block. */
export function renderPage(layout: PrintLayout, options: PageOptions = {}): string {
  const r = new PageRenderer(layout, options);
  return r.page();
}

class PageRenderer {
  constructor(
    private readonly layout: PrintLayout,
    private readonly options: PageOptions,
  ) {}

  page(): string {
    const { layout } = this;
    // The sheet is the draft's text, Vietnamese whatever the interface language.
    const parts = [
      `<article class="kh-page kh-variant-${layout.variant}" lang="vi">`,
      '<table class="kh-columns kh-header" role="presentation"><colgroup><col class="kh-col-header-left"><col class="kh-col-header-right"></colgroup><tr>',
      `<td class="kh-header-left">${this.paragraphs(layout.header.left)}</td>`,
      `<td class="kh-header-right">${this.paragraphs(layout.header.right)}</td>`,
      '</tr></table>',
      layout.headerNotes.length > 0 ? `<div class="kh-header-notes">${this.blocks(layout.headerNotes)}</div>` : '',
      `<header class="kh-title">${this.paragraphs(layout.title)}</header>`,
      `<section class="kh-body">${this.blocks(layout.body)}</section>`,
      '<table class="kh-columns kh-closing" role="presentation"><colgroup><col class="kh-col-closing-left"><col class="kh-col-closing-right"></colgroup><tr>',
      `<td class="kh-recipients">${this.paragraphs(layout.closing.recipients)}</td>`,
      `<td class="kh-signature">${this.paragraphs(layout.closing.signature)}</td>`,
      '</tr></table>',
      layout.after.length > 0 ? `<section class="kh-after">${this.blocks(layout.after)}</section>` : '',
      '</article>',
    ];
    return parts.join('');
  }

  private blocks(blocks: Block[]): string {
    return blocks.map((block) => (block.kind === 'table' ? this.table(block.rows, block.line) : this.paragraph(block))).join('');
  }

  private table(rows: Paragraph[][], line: number): string {
    const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${this.paragraph(cell)}</td>`).join('')}</tr>`).join('');
    return `<table class="kh-table" data-line="${line}">${body}</table>`;
  }

  private paragraphs(paragraphs: Paragraph[]): string {
    return paragraphs.map((p) => this.paragraph(p)).join('');
  }

  private paragraph(p: Paragraph): string {
    const classes = ['kh-p', `kh-role-${p.role}`];
    if (p.bold) classes.push('kh-bold');
    if (p.italic) classes.push('kh-italic');
    if (p.placeholder) classes.push('kh-placeholder');
    if (p.ruleBelow) classes.push(`kh-rule-${p.ruleBelow}`);
    const line = p.line === undefined ? '' : ` data-line="${p.line}"`;
    let content = p.inlines.map((inline) => this.inline(inline)).join('');
    if (p.ruleBelow === 'text') content = `<span class="kh-ruled">${content}</span>`;
    const notes = this.options.problems && p.notes.length > 0 ? this.note(p.notes) : '';
    return `<p class="${classes.join(' ')}"${line}>${notes}${content}</p>`;
  }

  private inline(inline: Inline): string {
    switch (inline.kind) {
      case 'break':
        return '<br>';
      case 'raw':
        return `<code class="kh-raw">${escapeHtml(inline.text)}</code>`;
      case 'text': {
        const text = escapeHtml(inline.text);
        if (!this.options.problems || inline.problems.length === 0) return text;
        const problems = inline.problems.map((i) => this.layout.problems[i]!);
        return `<span class="kh-problem kh-sev-${worst(problems)}" data-rules="${escapeHtml(ruleIds(problems))}" title="${escapeHtml(tooltip(problems))}">${text}</span>`;
      }
    }
  }

  /** A marker for problems that point at no visible character (something missing). */
  private note(indices: number[]): string {
    const problems = indices.map((i) => this.layout.problems[i]!);
    return `<span class="kh-note kh-sev-${worst(problems)}" data-rules="${escapeHtml(ruleIds(problems))}" title="${escapeHtml(tooltip(problems))}" aria-label="${escapeHtml(tooltip(problems))}"></span>`;
  }
}

function worst(problems: LayoutProblem[]): Severity {
  return SEVERITY_ORDER.find((severity) => problems.some((p) => p.severity === severity)) ?? 'info';
}

function ruleIds(problems: LayoutProblem[]): string {
  return [...new Set(problems.map((p) => p.ruleId))].join(' ');
}

function tooltip(problems: LayoutProblem[]): string {
  return problems.map((p) => `${p.ruleId}: ${p.message}`).join('\n');
}

/** "2 lỗi, 1 cảnh báo" — the counts shown above the sheet. */
export function problemSummary(problems: readonly LayoutProblem[], locale: Locale = 'vi'): string {
  const count = (severity: Severity): number => problems.filter((p) => p.severity === severity).length;
  const [errors, warnings, infos] = [count('error'), count('warning'), count('info')];
  if (locale === 'en') {
    if (problems.length === 0) return 'No problems';
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    return [plural(errors, 'error'), plural(warnings, 'warning'), plural(infos, 'info')].join(', ');
  }
  if (problems.length === 0) return 'Không có vấn đề nào';
  return `${errors} lỗi, ${warnings} cảnh báo, ${infos} thông tin`;
}

function cssFont(): string {
  return [FONT_FAMILY, ...FONT_FALLBACKS].map((name) => (name === 'serif' ? name : `"${name}"`)).join(', ');
}

function roleCss(role: Role): string {
  const style = ROLE_STYLES[role];
  const rules = [`font-size: ${style.size}pt`, `text-align: ${style.align}`];
  if (style.bold) rules.push('font-weight: bold');
  if (style.italic) rules.push('font-style: italic');
  if (style.upper) rules.push('text-transform: uppercase');
  if (style.indent) rules.push(`text-indent: ${FIRST_LINE_INDENT_MM}mm`);
  if (style.mono) rules.push('font-family: "Noto Sans Mono", "Liberation Mono", "DejaVu Sans Mono", monospace', 'white-space: pre-wrap', 'text-indent: 0');
  return `.kh-role-${role} { ${rules.join('; ')}; }`;
}

/** The stylesheet of the sheet; the same numbers as the .docx export (see style.ts). */
export function pageStyles(): string {
  const { marginMm } = PAGE;
  const margins = `${marginMm.top}mm ${marginMm.right}mm ${marginMm.bottom}mm ${marginMm.left}mm`;
  return [
    // Printed page numbers as the .docx has them (PAGE_NUMBER_PT): none on the first page.
    `@page { size: A4; margin: ${margins}; @top-center { content: counter(page); font-family: ${cssFont()}; font-size: ${PAGE_NUMBER_PT}pt; font-style: normal; font-weight: normal; } }`,
    '@page :first { @top-center { content: none; } }',
    // Around the sheet: the editor's own colours inside VS Code, a neutral grey elsewhere.
    'html { background: var(--vscode-editorWidget-background, #d9d9d9); }',
    'body { margin: 0; padding: 12px 0; }',
    `.kh-page { box-sizing: border-box; width: ${PAGE.widthMm}mm; min-height: ${PAGE.heightMm}mm; margin: 0 auto; padding: ${margins}; background: #fff; color: #000; font-family: ${cssFont()}; font-size: 14pt; line-height: 1.2; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.35); zoom: var(--kh-zoom, 1); }`,
    '.kh-p { margin: 0; overflow-wrap: break-word; }',
    '.kh-columns { width: 100%; border-collapse: collapse; table-layout: fixed; }',
    '.kh-columns > tbody > tr > td { vertical-align: top; padding: 0; }',
    `.kh-col-header-left { width: ${HEADER_COLUMNS_MM.left}mm; }`,
    `.kh-col-header-right { width: ${HEADER_COLUMNS_MM.right}mm; }`,
    `.kh-col-closing-left { width: ${CLOSING_COLUMNS_MM.left}mm; }`,
    `.kh-col-closing-right { width: ${CLOSING_COLUMNS_MM.right}mm; }`,
    '.kh-header .kh-role-number, .kh-header .kh-role-placeDate { margin-top: 6pt; }',
    '.kh-header-notes { margin-top: 6pt; }',
    '.kh-title { margin: 18pt 0 12pt; }',
    `.kh-body .kh-p, .kh-after .kh-p { margin-bottom: ${PARAGRAPH_SPACING_PT}pt; line-height: ${BODY_LINE_SPACING + 0.05}; }`,
    '.kh-closing { margin-top: 12pt; }',
    '.kh-recipients .kh-p { line-height: 1.15; }',
    '.kh-signature .kh-p { line-height: 1.2; }',
    `.kh-signature .kh-role-signName { margin-top: ${SIGNATURE_GAP_PT}pt; }`,
    '.kh-signature .kh-role-signNote + .kh-role-signName { margin-top: 12pt; }',
    ...(Object.keys(ROLE_STYLES) as Role[]).map(roleCss),
    '.kh-bold { font-weight: bold; }',
    '.kh-italic { font-style: italic; }',
    '.kh-ruled { display: inline-block; padding-bottom: 2pt; border-bottom: 1px solid #000; }',
    '.kh-rule-short::after { content: ""; display: block; width: 33%; margin: 3pt auto 0; border-bottom: 1px solid #000; }',
    '.kh-table { width: 100%; border-collapse: collapse; margin: 0 0 6pt; }',
    '.kh-table td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }',
    '.kh-body .kh-table .kh-p, .kh-after .kh-table .kh-p { margin: 0; }',
    '.kh-raw { font-family: "Noto Sans Mono", "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 0.75em; font-weight: normal; font-style: normal; text-transform: none; color: #444; background: #f2f2f2; white-space: pre-wrap; }',
    '.kh-placeholder { color: #8a8a8a; }',
    '.kh-problem { text-decoration-line: underline; text-decoration-style: wavy; text-decoration-skip-ink: none; text-decoration-thickness: 1px; text-underline-offset: 2px; cursor: help; }',
    '.kh-problem.kh-sev-error { text-decoration-color: #e51400; }',
    '.kh-problem.kh-sev-warning { text-decoration-color: #bf8803; }',
    '.kh-problem.kh-sev-info { text-decoration-color: #1a85ff; }',
    '.kh-note { display: inline-block; width: 0.55em; height: 0.55em; margin-right: 0.25em; border-radius: 50%; vertical-align: 0.3em; text-indent: 0; cursor: help; }',
    '.kh-note.kh-sev-error { background: #e51400; }',
    '.kh-note.kh-sev-warning { background: #bf8803; }',
    '.kh-note.kh-sev-info { background: #1a85ff; }',
    '.kh-current { background: rgba(255, 213, 0, 0.28); box-shadow: -6pt 0 0 rgba(255, 213, 0, 0.28), 6pt 0 0 rgba(255, 213, 0, 0.28); }',
    '.kh-status { position: sticky; top: 0; z-index: 1; margin: -12px 0 12px; padding: 4px 12px; font: 12px system-ui, sans-serif; color: var(--vscode-foreground, #333); background: var(--vscode-sideBar-background, #f3f3f3); border-bottom: 1px solid var(--vscode-panel-border, #c8c8c8); }',
    '.kh-status-error { color: var(--vscode-errorForeground, #a1260d); }',
    '.kh-status-warning { color: var(--vscode-editorWarning-foreground, #7a5200); }',
    // The preview's A4 pages, made by Paged.js from the @page rules above: the page box holds the margins.
    '#kh-root > .pagedjs_pages { zoom: var(--kh-zoom, 1); }',
    '.pagedjs_page { margin: 0 auto 12px; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.35); }',
    '.pagedjs_page .kh-page { width: auto; min-height: 0; padding: 0; box-shadow: none; zoom: 1; }',
    // Where the next pages are laid out, unscaled and unseen, while the current ones stay on screen.
    '.kh-staging { position: absolute; top: 0; left: 0; visibility: hidden; pointer-events: none; }',
  ].join('\n');
}

/**
 * What printing changes, in a stylesheet of its own: Paged.js applies the @media print rules of the
 * sheets it lays out, and the preview's pages must keep their underlines and highlight on screen.
 */
export function printStyles(): string {
  return '@media print { html { background: none; } body { padding: 0; } .kh-page { width: auto; min-height: 0; padding: 0; box-shadow: none; zoom: 1; } .pagedjs_page { box-shadow: none; } .kh-status, .kh-note { display: none; } .kh-problem { text-decoration: none; } .kh-current { background: none; box-shadow: none; } }';
}

export interface DocumentOptions {
  title: string;
  /** The Content-Security-Policy of the page, put in a <meta> element. */
  csp: string;
  /** Nonce of the <style> and <script> elements, when the policy uses one. */
  nonce?: string;
  /** Script run in the page (the webview's messaging); none in exports. */
  script?: string;
  /** Scripts loaded before it, by URL (Paged.js in the webview), with the same nonce. */
  scriptSources?: string[];
  /** A line above the sheet (problem counts, configuration errors), already escaped HTML. */
  statusHtml?: string;
}

/** A complete HTML document around a rendered sheet. */
export function renderDocument(pageHtml: string, options: DocumentOptions): string {
  const nonce = options.nonce ? ` nonce="${escapeHtml(options.nonce)}"` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style${nonce}>${pageStyles()}</style>`,
    `<style${nonce}>${printStyles()}</style>`,
    '</head>',
    '<body>',
    options.statusHtml !== undefined ? `<div class="kh-status" id="kh-status">${options.statusHtml}</div>` : '',
    `<main id="kh-root">${pageHtml}</main>`,
    ...(options.scriptSources ?? []).map((source) => `<script${nonce} src="${escapeHtml(source)}"></script>`),
    options.script ? `<script${nonce}>${options.script}</script>` : '',
    '</body>',
    '</html>',
  ].join('\n');
}

/** The policy of the VS Code webview: nothing remote, only nonce-bearing style and script. */
export function webviewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src ${cspSource} data:`;
}

/** The policy of an exported page: no script at all, only its own stylesheets (by hash). */
export async function exportCsp(): Promise<string> {
  // Web Crypto: the same digest in Node and in the browser's language server.
  const digest = async (css: string): Promise<string> => bytesToBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css))));
  const hashes = await Promise.all([pageStyles(), printStyles()].map(async (css) => `'sha256-${await digest(css)}'`));
  return `default-src 'none'; style-src ${hashes.join(' ')}; img-src data:`;
}

export interface RenderPlanOptions extends PageOptions {
  placeholders?: boolean;
}

/** The sheet of a checked plan. */
export function renderPlanPage(check: Pick<CheckResult, 'model' | 'diagnostics'>, options: RenderPlanOptions = {}): { html: string; layout: PrintLayout } {
  const layout = layoutPlan(check.model, { diagnostics: check.diagnostics, locale: options.locale, placeholders: options.placeholders });
  return { html: renderPage(layout, options), layout };
}

/** A standalone HTML file of the plan, as printed (what `kehoach export --format html` writes). */
export async function renderStandaloneHtml(check: Pick<CheckResult, 'model' | 'diagnostics'>, options: { title: string; problems?: boolean; locale?: Locale }): Promise<string> {
  const { html } = renderPlanPage(check, { problems: options.problems, locale: options.locale });
  return renderDocument(html, { title: options.title, csp: await exportCsp() });
}
