// Section and header rules beyond their fixtures: per-section severities and configuration, the
// exact text of fixes in every Markdown form, line endings, the seed plans, and a property check
// that these rules' fixes never lose a word and reach a fixed point.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckOptions, checkText } from '../server/src/engine/check.js';
import { parseConfig } from '../server/src/engine/config.js';
import { fixAll } from '../server/src/engine/fixes.js';
import { headerRules } from '../server/src/engine/rules/header/index.js';
import { sectionsRules } from '../server/src/engine/rules/sections/index.js';
import { SEEDS, hasSeeds } from './helpers/fixtures.js';

const RULES = [...sectionsRules, ...headerRules];
const only = (...ids: string[]) => RULES.filter((rule) => ids.includes(rule.meta.id));

function check(text: string, options: CheckOptions = {}) {
  return checkText(text, { rules: RULES, ...options }).diagnostics;
}

function fixed(text: string, ...ids: string[]): string {
  return fixAll(text, (current) => checkText(current, { rules: only(...ids) }).diagnostics).text;
}

const PLAN = `UBND QUẬN HÀ ĐÔNG
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 1305/KH-PGDĐT

Hà Đông, ngày 05 tháng 01 năm 2026

KẾ HOẠCH
Tổ chức Hội khỏe Phù Đổng cấp quận năm học 2025-2026

Thực hiện Kế hoạch số 215/KH-SGDĐT ngày 15/12/2025 của Sở Giáo dục và Đào tạo Hà Nội;

I. MỤC ĐÍCH, YÊU CẦU

Đẩy mạnh phong trào rèn luyện thân thể trong học sinh.

II. NỘI DUNG

Thi đấu điền kinh, bơi lội, cờ vua.

III. CHẾ ĐỘ BÁO CÁO

Các trường báo cáo kết quả trước ngày 30/3/2026.

Nơi nhận:
- Các trường;
- Lưu: VT.

TRƯỞNG PHÒNG

Nguyễn Thị Hoa
`;

describe('KH101 missing-section', () => {
  it('reports each missing section with the severity its profile gives it', () => {
    const found = check(PLAN, { rules: only('KH101') }).map((d) => [d.severity, d.message.vi]);
    expect(found).toEqual([
      ['warning', 'Thiếu mục KINH PHÍ THỰC HIỆN (đặt trước mục III. CHẾ ĐỘ BÁO CÁO)'],
      ['error', 'Thiếu mục TỔ CHỨC THỰC HIỆN (đặt trước mục III. CHẾ ĐỘ BÁO CÁO)'],
    ]);
  });

  it('uses the severity the user configured for the rule over the per-section ones', () => {
    const config = parseConfig('{ "rules": { "KH101": "info" } }', '.kehoach.json');
    expect(check(PLAN, { rules: only('KH101'), config }).map((d) => d.severity)).toEqual(['info', 'info']);
  });

  it('follows configured sections: titles, aliases, optional ones and their order', () => {
    const config = parseConfig(
      JSON.stringify({
        sections: [
          { key: 'purpose', title: 'MỤC ĐÍCH, YÊU CẦU' },
          { key: 'content', title: 'NỘI DUNG', severity: 'warning' },
          { key: 'schedule', title: 'THỜI GIAN, ĐỊA ĐIỂM' },
          { key: 'reporting', title: 'CHẾ ĐỘ BÁO CÁO', severity: 'off' },
        ],
      }),
      '.kehoach.json',
    );
    const diagnostics = check(PLAN, { rules: only('KH101'), config });
    expect(diagnostics.map((d) => [d.severity, d.message.vi])).toEqual([['error', 'Thiếu mục THỜI GIAN, ĐỊA ĐIỂM (đặt trước mục III. CHẾ ĐỘ BÁO CÁO)']]);
    expect(fixed(PLAN, 'KH101').includes('III. KINH PHÍ THỰC HIỆN')).toBe(true);
    const withConfig = fixAll(PLAN, (text) => checkText(text, { rules: only('KH101'), config }).diagnostics).text;
    expect(withConfig).toContain('II. NỘI DUNG\n\nThi đấu điền kinh, bơi lội, cờ vua.\n\nIII. THỜI GIAN, ĐỊA ĐIỂM\n\nIV. CHẾ ĐỘ BÁO CÁO\n');
  });

  it('inserts both missing sections in profile order and renumbers what follows', () => {
    const text = fixed(PLAN, 'KH101');
    expect(text).toContain('II. NỘI DUNG\n\nThi đấu điền kinh, bơi lội, cờ vua.\n\nIII. KINH PHÍ THỰC HIỆN\n\nIV. TỔ CHỨC THỰC HIỆN\n\nV. CHẾ ĐỘ BÁO CÁO\n');
    expect(check(text, { rules: only('KH101', 'KH102', 'KH103') })).toEqual([]);
  });

  it('keeps Windows line endings', () => {
    const text = fixed(PLAN.replace(/\n/g, '\r\n'), 'KH101');
    expect(text).toContain('III. KINH PHÍ THỰC HIỆN\r\n\r\nIV. TỔ CHỨC THỰC HIỆN\r\n\r\nV. CHẾ ĐỘ BÁO CÁO\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('separates the inserted title from a paragraph written right above the next section', () => {
    const headings = PLAN.replace(/^([IV]+\. )/gmu, '## $1').replace('Thi đấu điền kinh, bơi lội, cờ vua.\n\n', 'Thi đấu điền kinh, bơi lội, cờ vua.\n');
    const text = fixed(headings, 'KH101');
    expect(text).toContain('Thi đấu điền kinh, bơi lội, cờ vua.\n\n## III. KINH PHÍ THỰC HIỆN\n\n## IV. TỔ CHỨC THỰC HIỆN\n\n## V. CHẾ ĐỘ BÁO CÁO\n');
  });

  it('reports without a fix when sections are grouped under letters', () => {
    const grouped = PLAN.replace('I. MỤC ĐÍCH, YÊU CẦU', 'A. PHẦN CHUNG\n\nI. MỤC ĐÍCH, YÊU CẦU');
    const diagnostics = check(grouped, { rules: only('KH101') });
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics.every((d) => d.fix === undefined)).toBe(true);
  });

  it('offers no fix at the end of a draft that has no closing part yet', () => {
    const draft = 'KẾ HOẠCH\nTổ chức Tết Trung thu năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nVui Tết an toàn.\n';
    const diagnostics = check(draft, { rules: only('KH101') });
    expect(diagnostics.map((d) => d.message.vi)).toEqual([
      'Thiếu mục NHIỆM VỤ, GIẢI PHÁP (đặt sau mục I. MỤC ĐÍCH, YÊU CẦU)',
      'Thiếu mục KINH PHÍ THỰC HIỆN (đặt sau mục I. MỤC ĐÍCH, YÊU CẦU)',
      'Thiếu mục TỔ CHỨC THỰC HIỆN (đặt sau mục I. MỤC ĐÍCH, YÊU CẦU)',
    ]);
    // Whatever the fixes do, a second pass changes nothing.
    const once = fixed(draft, 'KH101');
    expect(fixed(once, 'KH101')).toBe(once);
  });
});

describe('KH105 empty-section', () => {
  it('weighs an empty profile section as its absence: inserting the recommended funding section never makes an error', () => {
    const text = 'KẾ HOẠCH\nThử\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\nII. NHIỆM VỤ, GIẢI PHÁP\n\nNội dung.\n\nIII. TỔ CHỨC THỰC HIỆN\n\nNội dung.\n';
    const missing = checkText(text).diagnostics.filter((d) => d.ruleId === 'KH101');
    expect(missing.map((d) => d.severity)).toEqual(['warning']);
    const fixed = fixAll(text, (current) => checkText(current).diagnostics).text;
    const empty = checkText(fixed).diagnostics.filter((d) => d.ruleId === 'KH105');
    expect(empty.map((d) => [d.message.vi, d.severity])).toEqual([['Mục III. KINH PHÍ THỰC HIỆN chưa có nội dung', 'warning']]);
    const organisation = checkText(fixed.replace(/(IV\. TỔ CHỨC THỰC HIỆN\n\n)Nội dung\.\n/, '$1')).diagnostics.filter((d) => d.ruleId === 'KH105');
    expect(organisation.map((d) => d.severity)).toEqual(['warning', 'error']);
  });
});

describe('KH104 heading-level fixes', () => {
  const plan = (titles: string[]) =>
    `KẾ HOẠCH\nTổ chức hội thi năm 2026\n\n${titles.map((title) => `${title}\n\nNội dung của mục.\n`).join('\n')}`;

  it('turns a bold line into a heading of the majority level, keeping the bold marks', () => {
    const text = plan(['## I. MỤC ĐÍCH, YÊU CẦU', '## II. NỘI DUNG', '**III. TỔ CHỨC THỰC HIỆN**']);
    expect(fixed(text, 'KH104')).toBe(text.replace('**III.', '## **III.'));
  });

  it('turns a heading into a bold line, and a bold heading into a plain line', () => {
    const bold = plan(['**I. MỤC ĐÍCH, YÊU CẦU**', '**II. NỘI DUNG**', '### III. TỔ CHỨC THỰC HIỆN']);
    expect(fixed(bold, 'KH104')).toBe(bold.replace('### III. TỔ CHỨC THỰC HIỆN', '**III. TỔ CHỨC THỰC HIỆN**'));
    const plain = plan(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG', '### **III. TỔ CHỨC THỰC HIỆN**']);
    expect(fixed(plain, 'KH104')).toBe(plain.replace('### **III. TỔ CHỨC THỰC HIỆN**', 'III. TỔ CHỨC THỰC HIỆN'));
  });

  it('names both forms in the message', () => {
    const text = plan(['#### I. MỤC ĐÍCH, YÊU CẦU', '#### II. NỘI DUNG', '**III. TỔ CHỨC THỰC HIỆN**']);
    expect(check(text, { rules: only('KH104') }).map((d) => d.message.vi)).toEqual([
      'Mục III. TỔ CHỨC THỰC HIỆN viết bằng dòng in đậm (**...**), các mục cùng cấp viết bằng tiêu đề cấp 4 (####)',
    ]);
  });
});

describe('header rules', () => {
  it('KH202: a wrong type code is an error, a format slip a warning', () => {
    const plan = (number: string) => `UBND XÃ KIM THƯ\n\n${number}\n\nKim Thư, ngày 12 tháng 8 năm 2026\n\nKẾ HOẠCH\nTổ chức Tết Trung thu\n`;
    expect(check(plan('Số: 27/QĐ-UBND'), { rules: only('KH202') }).map((d) => d.severity)).toEqual(['error']);
    expect(check(plan('Số 27/KH-UBND'), { rules: only('KH202') }).map((d) => d.severity)).toEqual(['warning']);
    expect(fixed(plan('Số. 7/kh-UBND'), 'KH202')).toContain('\nSố: 07/KH-UBND\n');
    expect(fixed(plan('Số:     / KH-UBND'), 'KH202')).toContain('\nSố:     /KH-UBND\n');
  });

  it('KH204: spells a numeric date out after an existing "ngày"', () => {
    const plan = 'UBND XÃ KIM THƯ\n\nSố: 27/KH-UBND\n\nKim Thư, ngày 5/2/2026\n\nKẾ HOẠCH\nTổ chức Tết Trung thu\n';
    expect(fixed(plan, 'KH204')).toContain('\nKim Thư, ngày 05 tháng 02 năm 2026\n');
  });

  it('KH204: leaves an impossible numeric date for KH205 and offers no rewrite', () => {
    const plan = 'UBND XÃ KIM THƯ\n\nSố: 27/KH-UBND\n\nKim Thư, 31/02/2026\n\nKẾ HOẠCH\nTổ chức Tết Trung thu\n';
    const diagnostics = check(plan, { rules: only('KH204') });
    expect(diagnostics.map((d) => d.message.vi)).toEqual(['Dòng địa danh, ngày tháng “Kim Thư, 31/02/2026” sai thể thức: ngày viết bằng số “31/02/2026”']);
    expect(diagnostics[0]!.fix).toBeUndefined();
  });

  it('KH206: a lower-case type is a warning with a fix, a missing summary an error', () => {
    const lower = check('# Kế hoạch tổ chức Tết Trung thu năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n', { rules: only('KH206') });
    expect(lower.map((d) => [d.severity, d.message.vi])).toEqual([['warning', 'Tên loại văn bản viết in hoa: “KẾ HOẠCH”, không phải “Kế hoạch”']]);
    const noSummary = check('KẾ HOẠCH\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n', { rules: only('KH206') });
    expect(noSummary.map((d) => d.severity)).toEqual(['error']);
  });
});

// What the lead pins for the seed plans, checked here rule by rule with the messages.
const SEED_FINDINGS: Record<string, string[]> = {
  '1217-KH-PGDDT_ha-dong_2021-12-03.md': [
    '2 KH207 error Thiếu tên cơ quan, tổ chức ban hành; thiếu Quốc hiệu và Tiêu ngữ “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc”',
  ],
  '354-KH-PGDDT_cam-pha_2021-05-11.md': [
    '2 KH207 error Thiếu tên cơ quan, tổ chức ban hành; thiếu Quốc hiệu và Tiêu ngữ “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc”',
  ],
  '84-KH-CDN_thai-binh_2021-05-18.md': [
    '2 KH207 error Thiếu tên cơ quan, tổ chức ban hành; thiếu Quốc hiệu và Tiêu ngữ “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc”',
    '32 KH104 warning Mục III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU viết bằng tiêu đề cấp 3 (###), các mục cùng cấp viết bằng tiêu đề cấp 4 (####)',
    '48 KH101 warning Thiếu mục KINH PHÍ THỰC HIỆN (đặt trước mục IV. TỔ CHỨC THỰC HIỆN)',
  ],
  'kim-thu_tet-trung-thu_2021-09-01.md': [
    '2 KH207 error Thiếu tên cơ quan, tổ chức ban hành; thiếu Quốc hiệu và Tiêu ngữ “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM – Độc lập - Tự do - Hạnh phúc”',
    '4 KH201 error Thiếu dòng số, ký hiệu (Số: .../KH-...)',
    '32 KH104 warning Mục 2. Tổ chức các hoạt động truyền thông, giáo dục… viết bằng tiêu đề cấp 2 (##), các mục cùng cấp viết bằng tiêu đề cấp 5 (#####)',
    '42 KH104 warning Mục 3. Huy động nguồn lực xã hội viết bằng tiêu đề cấp 2 (##), các mục cùng cấp viết bằng tiêu đề cấp 5 (#####)',
    '46 KH101 warning Thiếu mục KINH PHÍ THỰC HIỆN (đặt trước mục III. TỔ CHỨC THỰC HIỆN)',
    '46 KH104 warning Mục III. TỔ CHỨC THỰC HIỆN viết bằng tiêu đề cấp 2 (##), các mục cùng cấp viết bằng tiêu đề cấp 4 (####)',
  ],
  'quan-8_binh-dang-gioi_2023.md': [
    '2 KH207 error Không thấy phần đầu văn bản: tên cơ quan ban hành, Quốc hiệu và Tiêu ngữ, số và ký hiệu, địa danh và ngày tháng',
    '74 KH101 warning Thiếu mục KINH PHÍ THỰC HIỆN (đặt trước mục III. TỔ CHỨC THỰC HIỆN)',
    '74 KH103 warning Mục III đánh số lặp lại: đáng lẽ là IV',
    '88 KH103 warning Mục IV nối tiếp số sai của mục trước: đáng lẽ là V',
  ],
};

describe.skipIf(!hasSeeds)('section and header rules on the seed plans', () => {
  it.each(Object.entries(SEED_FINDINGS))('%s', (file, expected) => {
    const found = check(readFileSync(join(SEEDS, file), 'utf8')).map((d) => `${d.range.start.line} ${d.ruleId} ${d.severity} ${d.message.vi}`);
    expect(found).toEqual(expected);
  });

  it('renumbers quan-8 III, III, IV as IV and V', () => {
    const text = fixed(readFileSync(join(SEEDS, 'quan-8_binh-dang-gioi_2023.md'), 'utf8'), 'KH103');
    const titles = text.split('\n').filter((line) => /^[IVX]+\. /u.test(line));
    expect(titles).toEqual(['I. MỤC ĐÍCH YÊU CẦU', 'II. MỘT SỐ CHỈ TIÊU CHỦ YẾU', 'III. NỘI DUNG HOẠT ĐỘNG', 'IV. TỔ CHỨC THỰC HIỆN', 'V. CHẾ ĐỘ BÁO CÁO.']);
  });

  it('inserts the funding section of seed 84 in its place and form', () => {
    const text = fixed(readFileSync(join(SEEDS, '84-KH-CDN_thai-binh_2021-05-18.md'), 'utf8'), 'KH101');
    expect(text).toContain('#### **IV. KINH PHÍ THỰC HIỆN**\n\n#### **V. TỔ CHỨC THỰC HIỆN**');
  });
});

const FRAGMENTS = [
  'UBND QUẬN HÀ ĐÔNG',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Số: 5 / KH - UBND',
  'Số 45-KH/TU',
  'Số:   /KH-UBND',
  'Số: 12/kh-UBND',
  'Hà Nội ngày 3/2/2021',
  'Kim Thư, ngày 5 tháng 06 năm 2026',
  'KẾ HOẠCH',
  'Kế hoạch',
  'Tổ chức Tết Trung thu năm 2026',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'II. MỤC TIÊU',
  'III. NHIỆM VỤ, GIẢI PHÁP',
  'III. KINH PHÍ THỰC HIỆN',
  'V. TỔ CHỨC THỰC HIỆN',
  'IV. CHẾ ĐỘ BÁO CÁO.',
  'A. PHẦN CHUNG',
  '1. Mục đích',
  '3. Yêu cầu',
  'Nội dung của mục.',
  'Trên đây là Kế hoạch ... ./.',
  'Nơi nhận:',
  '- Lưu: VT.',
  'TRƯỞNG PHÒNG',
  'Hoàng Thế Tranh',
  '',
];

const planLike = fc
  .array(
    fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom('', '# ', '## ', '#### ', '**', '- ', '> '), fc.constantFrom('', '\r', '  ')).map(([text, mark, tail]) =>
      mark === '**' ? `**${text}**${tail}` : `${mark}${text}${tail}`,
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

/** The author's words, case-insensitive; numerals (1, 05, IV) are numbers a fix may rewrite. */
function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (/^\d+$/u.test(word) || /^[ivxl]+$/u.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

describe('fixes of the section and header rules', () => {
  it('keep every word of the author and reach a fixed point', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const run = (current: string) => checkText(current, { rules: RULES }).diagnostics;
        const once = fixAll(text, run).text;
        const after = words(once);
        for (const [word, count] of words(text)) expect(after.get(word) ?? 0, `lost "${word}"`).toBeGreaterThanOrEqual(count);
        expect(fixAll(once, run).text).toBe(once);
      }),
      { numRuns: 120 },
    );
  });
});
