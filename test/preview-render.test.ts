// The print preview renderer: where each part of a plan lands on the page, how it is styled, that
// the draft's text is escaped and kept whole, and that every problem is shown where it occurs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { buildModel } from '../server/src/engine/extract.js';
import type { Diagnostic } from '../server/src/engine/types.js';
import { type Paragraph, type PrintLayout, layoutPlan } from '../server/src/preview/layout.js';
import { escapeHtml, exportCsp, pageStyles, renderDocument, renderPlanPage, webviewCsp } from '../server/src/preview/render.js';
import { FIXTURES, SEEDS, hasSeeds, seedFiles } from './helpers/fixtures.js';

const fixture = (name: string): string => readFileSync(join(FIXTURES, 'preview', name), 'utf8');

function textOf(p: Paragraph): string {
  return p.inlines.map((inline) => (inline.kind === 'break' ? '\n' : inline.text)).join('');
}

function roles(paragraphs: Paragraph[]): string[] {
  return paragraphs.map((p) => p.role);
}

function layoutOf(source: string, diagnostics: Diagnostic[] = []): PrintLayout {
  return layoutPlan(buildModel(source), { diagnostics });
}

/** The inner HTML of the first element with the class, for elements that do not nest in themselves. */
function cell(html: string, className: string): string {
  const match = new RegExp(`<td class="${className}">([\\s\\S]*?)</td>`).exec(html);
  if (!match) throw new Error(`no ${className} cell`);
  return match[1]!;
}

/** Visible text of an HTML fragment built by the renderer. */
function visibleText(html: string): string {
  return html
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&');
}

function diagnostic(ruleId: string, line: number, start: number, end: number, vi: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return {
    ruleId,
    slug: ruleId.toLowerCase(),
    severity,
    message: { vi, en: `${vi} (en)` },
    range: { start: { line, character: start }, end: { line, character: end } },
  };
}

describe('header and title', () => {
  it('puts agency and number left, motto, tagline and date right, title and summary centred', () => {
    const layout = layoutOf(fixture('state-plan.md'));
    expect(layout.variant).toBe('state');
    expect(roles(layout.header.left)).toEqual(['parentAgency', 'agency', 'number']);
    expect(layout.header.left.map(textOf)).toEqual(['UBND HUYỆN THANH OAI', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 'Số: 215/KH-PGDĐT']);
    expect(roles(layout.header.right)).toEqual(['motto', 'tagline', 'placeDate']);
    expect(layout.header.right.map(textOf)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Thanh Oai, ngày 05 tháng 3 năm 2024']);
    // ND30: a short rule under the agency, a rule as long as the tagline, a short rule under the summary.
    expect(layout.header.left[1]!.ruleBelow).toBe('short');
    expect(layout.header.right[1]!.ruleBelow).toBe('text');
    expect(layout.title.map(textOf)).toEqual(['KẾ HOẠCH', 'Tổ chức Ngày hội đọc sách năm 2024']);
    expect(layout.title[1]!.ruleBelow).toBe('short');
    expect(layout.headerNotes).toEqual([]);
  });

  it('renders the header as a two-cell table holding those parts', () => {
    const { html } = renderPlanPage(checkText(fixture('state-plan.md')));
    const left = cell(html, 'kh-header-left');
    const right = cell(html, 'kh-header-right');
    expect(left).toContain('<p class="kh-p kh-role-agency kh-rule-short" data-line="1">PHÒNG GIÁO DỤC VÀ ĐÀO TẠO</p>');
    expect(left).toContain('data-line="6">Số: 215/KH-PGDĐT</p>');
    expect(right).toContain('<p class="kh-p kh-role-motto" data-line="3">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>');
    expect(right).toContain('<span class="kh-ruled">Độc lập - Tự do - Hạnh phúc</span>');
    expect(right).toContain('data-line="8">Thanh Oai, ngày 05 tháng 3 năm 2024</p>');
    expect(visibleText(left)).not.toContain('CỘNG HÒA');
    expect(visibleText(right)).not.toContain('Số:');
    expect(html).toMatch(/<header class="kh-title"><p class="kh-p kh-role-title" data-line="10">KẾ HOẠCH<\/p><p class="kh-p kh-role-summary kh-rule-short" data-line="11">/);
  });

  it('uses the Party header variant: star under the committee, ĐẢNG CỘNG SẢN VIỆT NAM ruled, no motto', () => {
    const layout = layoutOf(fixture('party-plan.md'));
    expect(layout.variant).toBe('party');
    expect(roles(layout.header.left)).toEqual(['parentAgency', 'agency', 'partyStar', 'number']);
    expect(layout.header.left.map(textOf)).toEqual(['ĐẢNG BỘ TỈNH QUẢNG NINH', 'TỈNH ỦY', '*', 'Số 45-KH/TU']);
    expect(layout.header.left[1]!.ruleBelow).toBeUndefined();
    expect(roles(layout.header.right)).toEqual(['partyHeader', 'placeDate']);
    expect(layout.header.right[0]!.ruleBelow).toBe('text');
  });

  it('takes header parts out of a two-column Markdown table, with <br> as line breaks, not text', () => {
    const layout = layoutOf(fixture('table-layout.md'));
    expect(layout.header.left.map(textOf)).toEqual(['SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'TRƯỜNG THPT CHU VĂN AN', 'Số: 12/KH-THPT']);
    expect(layout.header.right.map(textOf)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày 10 tháng 9 năm 2024']);
    expect(layout.closing.recipients.map(textOf)).toEqual(['Nơi nhận:', '- Sở GDĐT (b/c);', '- Các tổ chuyên môn;', '- Lưu: VT.']);
    expect(roles(layout.closing.signature)).toEqual(['signTitle', 'signName']);
    expect(layout.body.some((block) => block.kind === 'table')).toBe(false);
  });

  it('shows greyed placeholders for missing parts in the preview only', () => {
    const source = 'KẾ HOẠCH\nVề việc thử\n\nI. MỤC TIÊU\n\nNội dung.\n';
    const model = buildModel(source);
    const preview = layoutPlan(model, { placeholders: true });
    expect(preview.header.left.map((p) => [p.role, p.placeholder, textOf(p)])).toEqual([
      ['agency', true, '[Tên cơ quan ban hành]'],
      ['number', true, '[Số: …/KH-…]'],
    ]);
    expect(preview.closing.recipients[0]!.placeholder).toBe(true);
    expect(preview.closing.signature[0]!.placeholder).toBe(true);
    const english = layoutPlan(model, { placeholders: true, locale: 'en' });
    expect(textOf(english.header.right[0]!)).toBe('[National motto]');
    const exported = layoutPlan(model);
    expect(exported.header.left).toEqual([]);
    expect(exported.closing.signature).toEqual([]);
  });
});

describe('lines outside the known parts', () => {
  it('keeps unknown header lines under the header and anything after the signature after it', () => {
    const source = fixture('state-plan.md')
      .replace('Số: 215/KH-PGDĐT', 'Số: 215/KH-PGDĐT\n\n(Dự thảo lần 2)')
      .concat('\nPHỤ LỤC\n\nDanh sách các trường tham gia.\n');
    const layout = layoutOf(source);
    expect(layout.headerNotes.map((b) => (b.kind === 'paragraph' ? [b.role, textOf(b)] : b.kind))).toEqual([['headerNote', '(Dự thảo lần 2)']]);
    expect(layout.after.map((b) => (b.kind === 'paragraph' ? textOf(b) : b.kind))).toEqual(['PHỤ LỤC', 'Danh sách các trường tham gia.']);
    const { html } = renderPlanPage(checkText(source));
    expect(html.indexOf('(Dự thảo lần 2)')).toBeGreaterThan(html.indexOf('kh-header-right'));
    expect(html.indexOf('(Dự thảo lần 2)')).toBeLessThan(html.indexOf('kh-title'));
    expect(html).toMatch(/<section class="kh-after"><p class="kh-p kh-role-body" data-line="\d+">PHỤ LỤC<\/p>/);
  });

  it('writes the number placeholder of a Party plan the Party way', () => {
    const source = fixture('party-plan.md').replace('Số 45-KH/TU\n', '');
    const layout = layoutPlan(buildModel(source), { placeholders: true });
    expect(layout.variant).toBe('party');
    expect(layout.header.left.map(textOf)).toContain('[Số …-KH/…]');
  });
});

describe('body', () => {
  it('prints Roman sections bold in capitals, short numbered items bold, long ones as body text, lettered points italic', () => {
    const layout = layoutOf(fixture('state-plan.md'));
    const paragraphs = layout.body.filter((b): b is Paragraph => b.kind === 'paragraph');
    const byText = (start: string): Paragraph => paragraphs.find((p) => textOf(p).startsWith(start))!;
    expect(byText('I. MỤC ĐÍCH').role).toBe('section');
    expect(byText('II. NHIỆM VỤ').role).toBe('section');
    expect(byText('1. Mục đích').role).toBe('item');
    expect(byText('1. Tổ chức các hoạt động').role).toBe('body');
    expect(byText('a) Hoạt động tại lớp').role).toBe('point');
    expect(byText('- Khuyến khích').role).toBe('body');
    const css = pageStyles();
    expect(css).toMatch(/\.kh-role-section \{[^}]*font-weight: bold[^}]*text-transform: uppercase/);
    expect(css).toMatch(/\.kh-role-body \{[^}]*text-align: justify[^}]*text-indent: 10mm/);
    expect(css).toMatch(/\.kh-role-point \{[^}]*font-style: italic/);
    expect(css).toContain('@page { size: A4; margin: 20mm 15mm 20mm 30mm; @top-center { content: counter(page);');
    expect(css).toContain('@page :first { @top-center { content: none; } }');
    expect(css).toMatch(/font-family: "Times New Roman", "Liberation Serif"/);
  });

  it('prints a lower-case Roman section title in capitals without changing the draft text', () => {
    const { html } = renderPlanPage(checkText('KẾ HOẠCH\nThử\n\n**I. Mục tiêu chung**\n\nNội dung.\n'));
    expect(html).toContain('<p class="kh-p kh-role-section" data-line="3">I. Mục tiêu chung</p>');
  });

  it('keeps Markdown tables of the body as tables', () => {
    const layout = layoutOf(fixture('state-plan.md'));
    const table = layout.body.find((b) => b.kind === 'table');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.rows.map((row) => row.map(textOf))).toEqual([
      ['Thời gian', 'Nội dung', 'Đơn vị thực hiện'],
      ['Tháng 3/2024', 'Phát động', 'Các trường'],
      ['Tháng 4/2024', 'Tổng kết', 'Phòng GDĐT'],
    ]);
    expect(table.rows[0]!.every((p) => p.bold)).toBe(true);
  });

  it('joins soft-wrapped lines with a space and keeps hard breaks', () => {
    const layout = layoutOf('KẾ HOẠCH\nThử\n\nI. MỤC TIÊU\n\nDòng một\ntiếp theo  \nDòng hai\\\nDòng ba\n');
    const paragraph = layout.body[1] as Paragraph;
    expect(textOf(paragraph)).toBe('Dòng một tiếp theo\nDòng hai\nDòng ba');
  });

  it('puts recipients bottom left and the signature bottom right', () => {
    const { html, layout } = renderPlanPage(checkText(fixture('state-plan.md')));
    expect(layout.closing.recipients.map((p) => [p.role, textOf(p)])).toEqual([
      ['recipientsHeading', 'Nơi nhận:'],
      ['recipient', '- Sở GDĐT Hà Nội (b/c);'],
      ['recipient', '- UBND huyện (b/c);'],
      ['recipient', '- Các trường MN, TH, THCS;'],
      ['recipient', '- Lưu: VT.'],
    ]);
    expect(layout.closing.signature.map((p) => [p.role, textOf(p)])).toEqual([
      ['signAuthority', 'KT. TRƯỞNG PHÒNG'],
      ['signTitle', 'PHÓ TRƯỞNG PHÒNG'],
      ['signName', 'Nguyễn Văn An'],
    ]);
    expect(html.indexOf('class="kh-recipients"')).toBeLessThan(html.indexOf('class="kh-signature"'));
    expect(visibleText(cell(html, 'kh-signature'))).toBe('KT. TRƯỞNG PHÒNGPHÓ TRƯỞNG PHÒNGNguyễn Văn An');
    expect(layout.after).toEqual([]);
  });
});

describe('data-line', () => {
  it('names the source line of every paragraph, so the webview can follow the cursor', () => {
    const source = fixture('state-plan.md');
    const lines = source.split('\n');
    const { html } = renderPlanPage(checkText(source));
    const tagged = [...html.matchAll(/<p class="[^"]*" data-line="(\d+)">([\s\S]*?)<\/p>/g)];
    expect(tagged.length).toBeGreaterThan(25);
    for (const [, line, inner] of tagged) {
      const words = visibleText(inner!).split('\n')[0]!.slice(0, 12);
      expect(lines[Number(line)], `line ${line}`).toContain(words);
    }
  });
});

describe('problems', () => {
  const source = fixture('state-plan.md');
  const dateLine = source.split('\n').findIndex((l) => l.includes('31/02/2024'));
  const dateStart = source.split('\n')[dateLine]!.indexOf('31/02/2024');

  it('wraps exactly the reported characters in a span with the rule and message', () => {
    const check = { model: buildModel(source), diagnostics: [diagnostic('KH205', dateLine, dateStart, dateStart + 10, 'Ngày tháng không có thật "31/02/2024"')] };
    const { html } = renderPlanPage(check, { problems: true });
    expect(html).toContain(
      '<span class="kh-problem kh-sev-error" data-rules="KH205" title="KH205: Ngày tháng không có thật &#34;31/02/2024&#34;">31/02/2024</span>',
    );
    const english = renderPlanPage(check, { problems: true, locale: 'en' }).html;
    expect(english).toContain('title="KH205: Ngày tháng không có thật &#34;31/02/2024&#34; (en)"');
    expect(renderPlanPage(check).html).not.toContain('kh-problem');
  });

  it('splits overlapping problems into runs carrying both messages, worst severity first', () => {
    const check = {
      model: buildModel(source),
      diagnostics: [
        diagnostic('KH302', dateLine, dateStart - 5, dateStart + 10, 'Hạn báo cáo trước ngày ban hành', 'warning'),
        diagnostic('KH205', dateLine, dateStart, dateStart + 10, 'Ngày không có thật'),
      ],
    };
    const { html } = renderPlanPage(check, { problems: true });
    expect(html).toContain('<span class="kh-problem kh-sev-warning" data-rules="KH302" title="KH302: Hạn báo cáo trước ngày ban hành">ngày </span>');
    expect(html).toContain('<span class="kh-problem kh-sev-error" data-rules="KH302 KH205" title="KH302: Hạn báo cáo trước ngày ban hành\nKH205: Ngày không có thật">31/02/2024</span>');
  });

  it('marks problems that cover no visible character on the nearest paragraph before them', () => {
    const lines = source.split('\n');
    const titleLine = lines.indexOf('KẾ HOẠCH');
    const blank = lines.indexOf('', titleLine + 2);
    const check = {
      model: buildModel(source),
      diagnostics: [
        diagnostic('KH101', blank, 0, 0, 'Thiếu mục KINH PHÍ THỰC HIỆN', 'warning'),
        diagnostic('KH503', lines.length - 1, 0, 0, 'Thiếu dòng Lưu', 'info'),
      ],
    };
    const { html } = renderPlanPage(check, { problems: true });
    expect(html).toMatch(/data-line="11"><span class="kh-note kh-sev-warning" data-rules="KH101" title="KH101: Thiếu mục KINH PHÍ THỰC HIỆN"/);
    expect(html).toContain('data-rules="KH503"');
  });

  it('shows every problem the engine reports on the real seed plans', { skip: !hasSeeds }, () => {
    for (const file of seedFiles()) {
      const check = checkText(readFileSync(join(SEEDS, file), 'utf8'));
      const { html, layout } = renderPlanPage(check, { problems: true });
      const shown = [...html.matchAll(/data-rules="([^"]*)"/g)].flatMap((m) => m[1]!.split(' '));
      for (const d of check.diagnostics) expect(shown, `${file} ${d.ruleId}`).toContain(d.ruleId);
      expect(layout.problems).toHaveLength(check.diagnostics.length);
    }
  });
});

describe('nothing lost', () => {
  it('prints every visible line of the real seed plans', { skip: !hasSeeds }, () => {
    for (const file of seedFiles()) {
      const source = readFileSync(join(SEEDS, file), 'utf8');
      const check = checkText(source);
      const { html } = renderPlanPage(check);
      for (const line of check.model.lines) {
        if (line.kind === 'html' || /^[_\-–—=.*\s]+$/u.test(line.nfc)) continue;
        expect(html, `${file}: ${line.nfc.slice(0, 40)}`).toContain(escapeHtml(line.nfc));
      }
    }
  });

  it('prints every visible line of the preview fixtures', () => {
    for (const name of ['state-plan.md', 'party-plan.md', 'table-layout.md']) {
      const check = checkText(fixture(name));
      const { html } = renderPlanPage(check);
      for (const line of check.model.lines) expect(html, `${name}: ${line.nfc}`).toContain(escapeHtml(line.nfc));
    }
  });
});

describe('escaping', () => {
  const ALLOWED_TAGS = new Set(['article', 'table', 'colgroup', 'col', 'tr', 'td', 'div', 'header', 'section', 'p', 'span', 'code', 'br']);
  const ALLOWED_ATTRIBUTES = new Set(['class', 'lang', 'role', 'data-line', 'data-rules', 'title', 'aria-label']);

  /** Every tag in the page is one the renderer writes, with only its attributes, all quoted. */
  function expectOnlyRendererMarkup(html: string): void {
    const withoutTags = html.replace(/<\/?([a-z]+)((?:\s[a-z-]+="[^"<>]*")*)>/g, (_, tag: string, attributes: string) => {
      expect(ALLOWED_TAGS, tag).toContain(tag);
      for (const [, name] of attributes.matchAll(/\s([a-z-]+)="/g)) expect(ALLOWED_ATTRIBUTES, name).toContain(name);
      return '';
    });
    expect(withoutTags).not.toMatch(/[<>]/);
  }

  it('renders the HTML of a draft as inert text', () => {
    const source = fixture('unsafe.md');
    const { html } = renderPlanPage(checkText(source), { problems: true, placeholders: true });
    expectOnlyRendererMarkup(html);
    const text = visibleText(html);
    expect(text).toContain(`<script>window.__pwned = 'block'; alert('block')</script>`);
    expect(text).toContain(`<img src=x onerror="window.__pwned='img'; alert('img')">`);
    expect(text).toContain('<a href="javascript:alert(1)">liên kết thô</a>');
    expect(text).toContain(`<b onmouseover="window.__pwned='hover'">chữ đậm</b>`);
    expect(text).toContain(`<div onclick="window.__pwned='div'">Khối HTML thô</div>`);
    expect(text).toContain('Nội dung có ký tự đặc biệt: 5 < 6 && 7 > 3, "ngoặc kép" và \'đơn\'.');
    expect(text).toContain("Kiểm tra an toàn <script>window.__pwned = 'summary'</script>");
    // Link targets are never printed or linked.
    expect(html).not.toContain("javascript:window.__pwned='link'");
    expect(html).toContain('<code class="kh-raw">&#60;script&#62;window.__pwned = &#39;block&#39;');
  });

  it('never lets any text of a draft become markup', () => {
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "'", '&amp;', '<!--', '-->', '<br>', '**', '|', '`', '\\', '\n', '  \n'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.array(piece, { maxLength: 6 }), (bodyParts, headerParts) => {
        const source = `${headerParts.join('')}\nSố: 1/KH-X\n\nKẾ HOẠCH\n${headerParts.join(' ')}\n\nI. MỤC TIÊU\n\n${bodyParts.join('')}\n\nNơi nhận:\n- ${bodyParts.join('')};\n\nGIÁM ĐỐC\n`;
        const check = checkText(source);
        const diagnostics = [...check.diagnostics, diagnostic('KH999', 0, 0, 3, bodyParts.join(''))];
        expectOnlyRendererMarkup(renderPlanPage({ model: check.model, diagnostics }, { problems: true, placeholders: true }).html);
      }),
      { numRuns: 60 },
    );
  });

  it('escapes the title and the policy of the document', () => {
    const doc = renderDocument('<article></article>', { title: '</title><script>x</script>', csp: webviewCsp('https://x"y', 'abc'), nonce: 'abc' });
    expect(doc).toContain('<title>&#60;/title&#62;&#60;script&#62;x&#60;/script&#62;</title>');
    expect(doc).toContain(`content="default-src &#39;none&#39;; style-src https://x&#34;y &#39;nonce-abc&#39;`);
    expect(doc).toContain('<style nonce="abc">');
    expect(doc).not.toContain('<script');
  });

  it('gives exported pages a policy that allows their stylesheet and no script', async () => {
    expect(await exportCsp()).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'; img-src data:$/);
  });
});
