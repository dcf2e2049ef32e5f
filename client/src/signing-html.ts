// The "check before signing" page: the server's report (engine/workspace/signing.ts) as HTML for
// a webview. Pure string building, no VS Code API, so it is tested on its own. Every text from a
// plan is escaped; the page runs only its own nonce'd script, which turns a click on a problem
// into a message asking the editor to open that place.
import type { Locale, Localized, Severity } from '../../server/src/engine/types';
import type { PlanRole, SigningArea, SigningPlan, SigningProblem } from '../../server/src/engine/workspace/signing';
import type { SigningReportResult } from '../../server/src/lsp/workspace-protocol';

export interface SigningPageOptions {
  nonce: string;
  /** How a plan's URI is shown: a path relative to the workspace, or the file name. */
  label(uri: string): string;
}

/** What the page's script sends to the extension. */
export type SigningPageMessage = { type: 'open'; uri: string; line: number; character: number } | { type: 'refresh' };

const TEXT = {
  title: { vi: 'Kiểm tra trước khi ký', en: 'Check before signing' },
  passed: { vi: 'Đạt', en: 'Passed' },
  failed: { vi: 'Chưa đạt', en: 'Not passed' },
  verdictPassed: { vi: 'Có thể trình ký: không còn lỗi.', en: 'Ready to sign: no errors left.' },
  verdictFailed: { vi: 'Chưa nên ký: còn lỗi cần sửa.', en: 'Not ready to sign: errors remain.' },
  indexNotReady: {
    vi: 'Thư mục đang được lập chỉ mục: phần đối chiếu với các kế hoạch khác có thể chưa đủ. Hãy làm mới sau ít phút.',
    en: 'The folder is still being indexed: the comparison with other plans may be incomplete. Refresh in a moment.',
  },
  refresh: { vi: 'Làm mới', en: 'Refresh' },
  plansChecked: { vi: 'Các kế hoạch được kiểm tra', en: 'Plans checked' },
  areas: { vi: 'Kết quả theo phần', en: 'Results by area' },
  role: { vi: 'Vai trò', en: 'Role' },
  number: { vi: 'Số, ký hiệu', en: 'Number' },
  summary: { vi: 'Trích yếu', en: 'Summary' },
  date: { vi: 'Ngày', en: 'Date' },
  result: { vi: 'Kết quả', en: 'Result' },
  noNumber: { vi: '(chưa có số)', en: '(no number)' },
  rulesRun: { vi: 'Quy tắc đã chạy', en: 'Rules run' },
  noProblem: { vi: 'Không có vấn đề nào.', en: 'No problems.' },
  roles: {
    self: { vi: 'Kế hoạch này', en: 'This plan' },
    cited: { vi: 'Được kế hoạch này trích dẫn', en: 'Cited by this plan' },
    citing: { vi: 'Trích dẫn kế hoạch này', en: 'Cites this plan' },
  } satisfies Record<PlanRole, Localized>,
  severities: {
    error: { vi: 'lỗi', en: 'error' },
    warning: { vi: 'cảnh báo', en: 'warning' },
    info: { vi: 'gợi ý', en: 'note' },
  } satisfies Record<Severity, Localized>,
  counts: (errors: number, warnings: number, infos: number): Localized => ({
    vi: `${errors} lỗi, ${warnings} cảnh báo, ${infos} gợi ý`,
    en: `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} note${infos === 1 ? '' : 's'}`,
  }),
  notChecked: { vi: 'Không kiểm tra được', en: 'Not checked' },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function renderSigningPage(result: SigningReportResult, options: SigningPageOptions): string {
  const { report, locale } = result;
  const t = (text: Localized): string => escapeHtml(text[locale]);
  const self = report.plans.find((plan) => plan.role === 'self');
  const heading = `${t(TEXT.title)}: ${escapeHtml(self?.symbol ?? options.label(report.uri))}`;
  const totals = report.areas.reduce((sum, area) => ({ errors: sum.errors + area.errors, warnings: sum.warnings + area.warnings, infos: sum.infos + area.infos }), {
    errors: 0,
    warnings: 0,
    infos: 0,
  });
  const body = [
    `<header><h1>${heading}</h1><button type="button" id="refresh">${t(TEXT.refresh)}</button></header>`,
    `<p class="verdict ${report.passed ? 'pass' : 'fail'}">${t(report.passed ? TEXT.verdictPassed : TEXT.verdictFailed)} ${t(TEXT.counts(totals.errors, totals.warnings, totals.infos))}</p>`,
    result.indexReady ? '' : `<p class="note">${t(TEXT.indexNotReady)}</p>`,
    `<h2>${t(TEXT.plansChecked)}</h2>`,
    plansTable(report.plans, locale, options),
    `<h2>${t(TEXT.areas)}</h2>`,
    ...report.areas.map((area) => areaSection(area, locale, options)),
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${escapeHtml(options.nonce)}'; script-src 'nonce-${escapeHtml(options.nonce)}';">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${heading}</title>`,
    `<style nonce="${escapeHtml(options.nonce)}">${STYLE}</style>`,
    '</head>',
    `<body>\n${body}\n<script nonce="${escapeHtml(options.nonce)}">${SCRIPT}</script>\n</body>`,
    '</html>',
  ].join('\n');
}

function plansTable(plans: SigningPlan[], locale: Locale, options: SigningPageOptions): string {
  const t = (text: Localized): string => escapeHtml(text[locale]);
  const rows = plans.map((plan) => {
    const result = plan.notChecked ? t(plan.notChecked) : t(TEXT.counts(plan.errors, plan.warnings, plan.infos));
    const date = plan.date ? `${plan.date.day}/${plan.date.month}/${plan.date.year}` : '';
    return [
      `<tr class="${plan.notChecked ? 'unchecked' : plan.errors > 0 ? 'fail' : 'pass'}">`,
      `<td>${t(TEXT.roles[plan.role])}</td>`,
      `<td>${link(plan.uri, 0, 0, plan.symbol ?? TEXT.noNumber[locale])} <span class="file">${escapeHtml(options.label(plan.uri))}</span></td>`,
      `<td>${escapeHtml(plan.summary ?? '')}</td>`,
      `<td>${date}</td>`,
      `<td>${result}</td>`,
      '</tr>',
    ].join('');
  });
  const head = [TEXT.role, TEXT.number, TEXT.summary, TEXT.date, TEXT.result].map((text) => `<th>${t(text)}</th>`).join('');
  return `<table class="plans"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function areaSection(area: SigningArea, locale: Locale, options: SigningPageOptions): string {
  const t = (text: Localized): string => escapeHtml(text[locale]);
  const verdict = area.passed ? TEXT.passed : TEXT.failed;
  const problems = area.problems.length === 0 ? `<p class="none">${t(TEXT.noProblem)}</p>` : `<ul class="problems">\n${area.problems.map((problem) => problemItem(problem, locale, options)).join('\n')}\n</ul>`;
  return [
    `<section class="area ${area.passed ? 'pass' : 'fail'}" data-area="${area.area}">`,
    `<h3><span class="mark">${area.passed ? '✓' : '✗'}</span> ${t(area.title)} — <span class="verdict-word">${t(verdict)}</span> <small>(${t(TEXT.counts(area.errors, area.warnings, area.infos))})</small></h3>`,
    problems,
    `<p class="rules">${t(TEXT.rulesRun)}: ${area.ruleIds.map(escapeHtml).join(', ')}</p>`,
    '</section>',
  ].join('\n');
}

function problemItem(problem: SigningProblem, locale: Locale, options: SigningPageOptions): string {
  const { line, character } = problem.range.start;
  const where = `${options.label(problem.uri)}:${line + 1}:${character + 1}`;
  const related = (problem.related ?? []).map((item) => {
    const uri = item.uri ?? problem.uri;
    return `<li>${link(uri, item.range.start.line, item.range.start.character, `${options.label(uri)}:${item.range.start.line + 1}`)} ${escapeHtml(item.message[locale])}</li>`;
  });
  return [
    `<li class="${problem.severity}">`,
    `${link(problem.uri, line, character, where)} `,
    `<span class="severity">${escapeHtml(TEXT.severities[problem.severity][locale])}</span> `,
    `${escapeHtml(problem.message[locale])} <code>${escapeHtml(problem.ruleId)}</code>`,
    related.length > 0 ? `<ul class="related">${related.join('')}</ul>` : '',
    '</li>',
  ].join('');
}

function link(uri: string, line: number, character: number, text: string): string {
  return `<a href="#" data-uri="${escapeHtml(uri)}" data-line="${line}" data-character="${character}">${escapeHtml(text)}</a>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family, sans-serif); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; line-height: 1.45; }
header { display: flex; align-items: center; gap: 1em; }
header h1 { flex: 1; font-size: 1.4em; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 0.35em 0.9em; cursor: pointer; }
button:hover { background: var(--vscode-button-hoverBackground); }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; }
.verdict { font-weight: bold; padding: 0.5em 0.8em; border-left: 4px solid; }
.verdict.pass, .area.pass .mark { color: var(--vscode-testing-iconPassed, #388a34); }
.verdict.fail, .area.fail .mark { color: var(--vscode-testing-iconFailed, #c72e0f); }
.note { color: var(--vscode-editorWarning-foreground); }
table.plans { border-collapse: collapse; width: 100%; }
table.plans th, table.plans td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid var(--vscode-panel-border, #8884); vertical-align: top; }
.file, .rules, small { color: var(--vscode-descriptionForeground); }
.area { margin: 0.6em 0 1.2em; }
.area h3 { font-size: 1.05em; margin-bottom: 0.3em; }
.problems { margin: 0.2em 0; padding-left: 1.4em; }
.problems > li { margin: 0.25em 0; }
.severity { font-weight: bold; }
li.error .severity { color: var(--vscode-errorForeground); }
li.warning .severity { color: var(--vscode-editorWarning-foreground); }
li.info .severity { color: var(--vscode-editorInfo-foreground); }
.related { padding-left: 1.2em; font-size: 0.92em; }
code { font-family: var(--vscode-editor-font-family, monospace); }
`;

const SCRIPT = `
(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('a[data-uri]') : null;
    if (!target) return;
    event.preventDefault();
    if (vscode) vscode.postMessage({ type: 'open', uri: target.getAttribute('data-uri'), line: Number(target.getAttribute('data-line')), character: Number(target.getAttribute('data-character')) });
  });
  var refresh = document.getElementById('refresh');
  if (refresh) refresh.addEventListener('click', function () { if (vscode) vscode.postMessage({ type: 'refresh' }); });
})();`;
