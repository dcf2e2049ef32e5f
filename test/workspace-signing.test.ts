// The signing report without an editor: which plans it checks, how it groups and judges the
// problems, and the page the VS Code client shows for it (escaped, links to every problem).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { DEFAULT_CONFIG } from '../server/src/engine/config.js';
import { RULES } from '../server/src/engine/rules/index.js';
import { fileUri, indexFolders } from '../server/src/node/indexer.js';
import type { PlanIndex } from '../server/src/engine/workspace/plan-index.js';
import { type SigningReport, relatedPlans, signingReport } from '../server/src/engine/workspace/signing.js';
import { renderSigningPage } from '../client/src/signing-html.js';
import { FIXTURES } from './helpers/fixtures.js';

const OFFICE = join(FIXTURES, 'workspace', 'office');
const uriOf = (name: string): string => fileUri(join(OFFICE, name));
const textOf = (name: string): string => readFileSync(join(OFFICE, name), 'utf8');

describe('signing report', () => {
  let index: PlanIndex;

  beforeAll(async () => {
    ({ index } = await indexFolders([OFFICE], { ignore: ['nhap/**'] }));
  });

  const reportFor = (name: string, text = textOf(name), read = (uri: string): string | undefined => readFileSync(new URL(uri), 'utf8')): SigningReport =>
    signingReport({ uri: uriOf(name), text, config: DEFAULT_CONFIG, index, read, configFor: () => DEFAULT_CONFIG });

  it('checks the plan, the plans it cites and the plans citing it, each once', () => {
    const model = checkText(textOf('84-KH-CDN.md')).model;
    expect(relatedPlans(model, index, uriOf('84-KH-CDN.md'))).toEqual({ cited: [uriOf('121-KH-LDLD.md')], citing: [uriOf('90-KH-CDN.md')] });
    const report = reportFor('84-KH-CDN.md');
    expect(report.plans.map((plan) => [plan.role, plan.symbol, plan.errors])).toEqual([
      ['self', '84/KH-CĐN', 2],
      ['cited', '121/KH-LĐLĐ', 0],
      ['citing', '90/KH-CĐN', 0],
    ]);
  });

  it('groups every problem by the area of its rule, and fails an area only on errors', () => {
    const report = reportFor('84-KH-CDN.md');
    expect(report.areas.map((area) => [area.area, area.passed, area.problems.map((problem) => problem.ruleId)])).toEqual([
      ['sections', true, []],
      ['header', true, []],
      ['dates', false, ['KH301']],
      ['citations', false, ['KH405']],
      ['recipients', true, []],
      ['signature', true, []],
      ['text', true, []],
    ]);
    expect(report.passed).toBe(false);
    const ruleIds = report.areas.flatMap((area) => area.ruleIds).sort();
    expect(ruleIds).toEqual(RULES.map((rule) => rule.meta.id).sort());
    const kh405 = report.areas.find((area) => area.area === 'citations')!.problems[0]!;
    expect(kh405.uri).toBe(uriOf('84-KH-CDN.md'));
    expect(kh405.related?.[0]?.uri).toBe(uriOf('121-KH-LDLD.md'));
  });

  it('finds the problems of the related plans too, after the plan about to be signed', () => {
    // Plan 90 drops a required section and is checked as a plan citing 84.
    const broken = textOf('90-KH-CDN.md').replace('IV. TỔ CHỨC THỰC HIỆN', 'IV. PHÂN CÔNG');
    const report = reportFor('84-KH-CDN.md', textOf('84-KH-CDN.md'), (uri) => (uri === uriOf('90-KH-CDN.md') ? broken : readFileSync(new URL(uri), 'utf8')));
    const sections = report.areas.find((area) => area.area === 'sections')!;
    expect(sections.passed).toBe(false);
    expect(sections.problems.map((problem) => [problem.ruleId, problem.uri])).toContainEqual(['KH101', uriOf('90-KH-CDN.md')]);
    expect(report.plans.find((plan) => plan.role === 'citing')!.errors).toBeGreaterThan(0);
  });

  it('passes a plan without errors and says which related plan could not be read', () => {
    const report = reportFor('85-KH-CDN.md', textOf('85-KH-CDN.md'), () => undefined);
    expect(report.passed).toBe(true);
    expect(report.plans.map((plan) => [plan.role, plan.notChecked?.en])).toEqual([
      ['self', undefined],
      ['cited', 'The file cannot be read'],
    ]);
  });

  it('leaves the rules the configuration turns off out of the list of rules run', () => {
    const config = { ...DEFAULT_CONFIG, rules: { KH405: 'off' as const } };
    const report = signingReport({ uri: uriOf('84-KH-CDN.md'), text: textOf('84-KH-CDN.md'), config, index, read: () => undefined, configFor: () => config });
    const citations = report.areas.find((area) => area.area === 'citations')!;
    expect(citations.ruleIds).not.toContain('KH405');
    expect(citations.passed).toBe(true);
  });
});

describe('signing page', () => {
  let report: SigningReport;

  beforeAll(async () => {
    const { index } = await indexFolders([OFFICE], { ignore: ['nhap/**'] });
    report = signingReport({
      uri: uriOf('84-KH-CDN.md'),
      text: textOf('84-KH-CDN.md'),
      config: DEFAULT_CONFIG,
      index,
      read: (uri) => readFileSync(new URL(uri), 'utf8'),
      configFor: () => DEFAULT_CONFIG,
    });
  });

  const label = (uri: string): string => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

  it('shows a verdict per area and links every problem to its file, line and column', () => {
    const html = renderSigningPage({ version: 1, locale: 'vi', indexReady: true, report }, { nonce: 'abc', label });
    expect(html).toContain('<h1>Kiểm tra trước khi ký: 84/KH-CĐN</h1>');
    expect(html).toContain('Chưa nên ký: còn lỗi cần sửa.');
    expect(html).toMatch(/<h3><span class="mark">✗<\/span> Trích dẫn văn bản — <span class="verdict-word">Chưa đạt<\/span>/);
    expect(html).toMatch(/<h3><span class="mark">✓<\/span> Bố cục các mục — <span class="verdict-word">Đạt<\/span>/);
    const kh405 = report.areas.find((area) => area.area === 'citations')!.problems[0]!;
    const { line, character } = kh405.range.start;
    expect(html).toContain(`<a href="#" data-uri="${uriOf('84-KH-CDN.md')}" data-line="${line}" data-character="${character}">84-KH-CDN.md:${line + 1}:${character + 1}</a>`);
    // The related plan's header is a link too.
    expect(html).toContain(`data-uri="${uriOf('121-KH-LDLD.md')}" data-line="${kh405.related![0]!.range.start.line}"`);
    expect(html).not.toContain('Thư mục đang được lập chỉ mục');
  });

  it('speaks English when the report does, and warns while the index is incomplete', () => {
    const html = renderSigningPage({ version: 1, locale: 'en', indexReady: false, report }, { nonce: 'abc', label });
    expect(html).toContain('<h1>Check before signing: 84/KH-CĐN</h1>');
    expect(html).toContain('The folder is still being indexed');
    expect(html).toContain('Not passed');
  });

  it('runs no script but its own and shows a hostile plan as text', () => {
    const hostile: SigningReport = structuredClone(report);
    const problem = hostile.areas[3]!.problems[0]!;
    problem.message = { vi: '<img src=x onerror=alert(1)><script>alert(2)</script>', en: '' };
    hostile.plans[0]!.summary = '"><script>alert(3)</script>';
    hostile.plans[0]!.symbol = '<b>84</b>';
    const html = renderSigningPage({ version: 1, locale: 'vi', indexReady: true, report: hostile }, { nonce: 'n0nce', label });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>84</b>');
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';">`);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });
});
