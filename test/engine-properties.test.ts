// Property-based tests: whatever the text, the engine does not throw, every range lies inside the
// document, fixes are idempotent and never remove a word of the author's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { fixAll } from '../server/src/engine/fixes.js';
import { LineIndex } from '../server/src/engine/text.js';
import type { Range } from '../server/src/engine/types.js';
import { authorWords } from './helpers/words.js';

const FRAGMENTS = [
  'ỦY BAN NHÂN DÂN QUẬN 8',
  'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Số: 354/KH-PGDĐT',
  'Số 45-KH/TU',
  'Số:   /KH-UBND',
  'Cẩm Phả, ngày 11 tháng 5 năm 2021',
  'Hà Nội ngày 3/2/2021',
  'KẾ HOẠCH',
  'Thực hiện Chương trình hành động vì trẻ em giai đoạn 2021-2030',
  'Thực hiện Kế hoạch số 121/KH-LĐLĐ, ngày 12/5/2021 của Ban Thường vụ Liên đoàn Lao động tỉnh;',
  'Căn cứ Nghị định 56/2017/NĐ-CP ngày 09/5/2016 của Chính phủ;',
  'Thực hiện kế hoạch số 23/KH- LĐLĐ ngày 23/8/2021 của Liên đoàn lao động huyện;',
  'Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị',
  'Quyết định số 3640/QĐ-UBND ngày 27 tháng 10 năm 2022 về việc',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'II. MỤC TIÊU',
  'III. NHIỆM VỤ, GIẢI PHÁP',
  'III. KINH PHÍ THỰC HIỆN',
  'V. TỔ CHỨC THỰC HIỆN',
  'IV. CHẾ ĐỘ BÁO CÁO.',
  'A. PHẦN CHUNG',
  '1. Mục đích',
  '3. Yêu cầu',
  '1.1. Bộ phận CTTT',
  'a) Mục tiêu 1: phòng ngừa',
  '- Báo cáo về Phòng GDĐT trước ngày 31/02/2021.',
  '- Trước ngày 18/11 hàng năm, các đơn vị báo cáo.',
  'trước ngày 05 tháng 5 và ngày 05 tháng 11 năm 2023',
  'đạt 99,8% vào năm 2025; gọi 0243.525.662',
  'Phòng Giáo dục và Đào tạo (GDĐT) xây dựng kế hoạch; CNVCLĐ tham gia.',
  'Trên đây là Kế hoạch ... ./.',
  'Nơi nhận:',
  '- Sở GDĐT (b/c);',
  '- Các CĐCS; (để thực hiện)',
  'UBND quận',
  '- Lưu: VT, CTTT.',
  '- Lưu CDN.',
  'KT. TRƯỞNG PHÒNG',
  'PHÓ TRƯỞNG PHÒNG',
  'TM. BAN THƯỜNG VỤ',
  'T/M BAN THƯỜNG VỤ',
  'CHỦ TỊCH',
  'TS. Lê Thị Lan',
  'Hoàng Thế Tranh',
  '<!-- kehoach-disable KH502 -->',
  '<!-- kehoach-disable-next-line -->',
  '<!-- kehoach-enable -->',
  '| Số: 12/KH-UBND | Hà Nội, ngày 05 tháng 01 năm 2026 |',
  '|---|---|',
  '| **Nơi nhận:**<br>- A;<br>- Lưu: VT. | **KT. GIÁM ĐỐC**<br>**PHÓ GIÁM ĐỐC** |',
  '```',
  '> trích dẫn',
  '---',
  '***',
  '',
];

const decorated = fc
  .tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom('', '# ', '## ', '#### ', '**', '***', '*', '- ', '1. ', '> '), fc.constantFrom('', '  ', '\r', '\u0301', ' \\'))
  .map(([text, decoration, tail]) => {
    if (decoration === '**' || decoration === '***' || decoration === '*') return `${decoration}${text}${decoration}${tail}`;
    return `${decoration}${text}${tail}`;
  });

const planLike = fc.array(decorated, { minLength: 0, maxLength: 40 }).chain((lines) =>
  fc.boolean().map((nfd) => {
    const text = lines.join('\n');
    return nfd ? text.normalize('NFD') : text;
  }),
);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.array(fc.constantFrom('#', '*', '_', '|', '-', '\n', ' ', '<!--', '-->', '[', ']', '(', ')', '`', 'KẾ HOẠCH', 'Số:', '1.', 'I.', 'ngày 31/02/2021', 'Nơi nhận:', '\t', '\r\n', '\u0000', '\uD800'), { maxLength: 200 }).map((parts) => parts.join('')),
  planLike,
);

function insideDocument(index: LineIndex, range: Range): boolean {
  const { start, end } = range;
  const valid = (p: Range['start']): boolean =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < index.lineCount && p.character >= 0 && p.character <= index.lineText(p.line).length + 1;
  const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
  return valid(start) && valid(end) && ordered;
}

const check = (text: string) => checkText(text).diagnostics;

describe('engine properties', () => {
  it('never throws, and every range lies inside the document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { diagnostics, model } = checkText(text);
        const index = new LineIndex(text);
        for (const diagnostic of diagnostics) {
          expect(insideDocument(index, diagnostic.range), `${diagnostic.ruleId} ${JSON.stringify(diagnostic.range)}`).toBe(true);
          for (const edit of diagnostic.fix?.edits ?? []) expect(insideDocument(index, edit.range)).toBe(true);
          for (const related of diagnostic.related ?? []) if (!related.uri) expect(insideDocument(index, related.range)).toBe(true);
        }
        for (const section of model.allSections) expect(insideDocument(index, section.range)).toBe(true);
        for (const date of model.dates) expect(insideDocument(index, date.range)).toBe(true);
        for (const citation of model.citations) expect(insideDocument(index, citation.range)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('fixes keep every word of the author and are idempotent', () => {
    fc.assert(
      fc.property(planLike, (text) => {
        const once = fixAll(text, check).text;
        const before = authorWords(text);
        const after = authorWords(once);
        for (const [word, count] of before) expect(after.get(word) ?? 0, `lost "${word}"`).toBeGreaterThanOrEqual(count);
        const twice = fixAll(once, check).text;
        expect(twice).toBe(once);
      }),
      { numRuns: 250 },
    );
  });
});
