// KH704's reading of running text (engine/capitals.ts): each case of Nghị định 30/2020/NĐ-CP,
// Phụ lục II it reports, with the exact corrected words, and the look-alikes it must leave alone.
// Then the rule's quick fix applied to a whole plan gives exactly the corrected text, and changes
// letters only: the author's words stay.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capitalFaults, startsSentence } from '../server/src/engine/capitals.js';
import { checkText } from '../server/src/engine/check.js';
import { applyEdits } from '../server/src/engine/fixes.js';
import { capitalization } from '../server/src/engine/rules/text/KH704-capitalization.js';
import { FIXTURES } from './helpers/fixtures.js';

const corrections = (text: string) => capitalFaults(text).map((fault) => `${fault.kind}: ${fault.written} → ${fault.correct}`);

describe('capitalisation faults in a line', () => {
  it.each([
    ['của UBND Huyện Phú Xuyên về việc', ['place-word: Huyện Phú Xuyên → huyện Phú Xuyên']],
    ['Hội LHTN Thị xã Phước Long tổ chức', ['place-word: Thị xã Phước Long → thị xã Phước Long']],
    ['tại Thị Xã Phước Long', ['place-word: Thị Xã Phước Long → thị xã Phước Long']],
    ['Đảng bộ Thành phố Hà Nội; căn cứ', ['place-word: Thành phố Hà Nội → thành phố Hà Nội']],
    ['về Ủy ban nhân dân quận 8 trước ngày', ['place-number: quận 8 → Quận 8']],
    ['đại biểu Hội đồng Nhân dân các cấp', ['fixed-name: Hội đồng Nhân dân → Hội đồng nhân dân']],
    ['mời Ủy Ban Nhân Dân xã dự', ['fixed-name: Ủy Ban Nhân Dân → Ủy ban nhân dân']],
    ['Uỷ Ban Kiểm tra', ['fixed-name: Uỷ Ban → Uỷ ban']],
    ['báo cáo về phòng GDĐT trước ngày', ['agency-type: phòng GDĐT → Phòng GDĐT']],
    ['Giám đốc sở Giáo dục và Đào tạo', ['agency-type: sở Giáo → Sở Giáo']],
    ['của trường THPT chuyên Lê Quý Đôn xây dựng', ['agency-type: trường THPT chuyên Lê Quý Đôn → Trường THPT chuyên Lê Quý Đôn']],
    ['theo chỉ đạo của ủy ban nhân dân tỉnh Quảng Ninh', ['agency-type: ủy ban nhân dân tỉnh Quảng Ninh → Ủy ban nhân dân tỉnh Quảng Ninh']],
    ['quy định của luật Giáo dục năm 2019', ['law-name: luật → Luật']],
    ['thực hiện điều 12 của Luật Trẻ em', ['article: điều 12 → Điều 12']],
    ['theo khoản 2 điều 3 nêu trên', ['article: điều 3 → Điều 3']],
  ])('%s', (text, expected) => {
    expect(corrections(text)).toEqual(expected);
  });

  it.each([
    // A sentence, a list item, a line, a heading's text or a quoted title starts with a capital.
    'Huyện Phú Xuyên có 27 xã.',
    'Năm nay. Thành phố Thái Nguyên đăng cai',
    '- Huyện Phú Xuyên chỉ đạo',
    'a) Quận Sơn Trà tổ chức',
    '2.1. Phường Mông Dương phối hợp',
    'chủ đề “Thành phố Đà Nẵng trong em”',
    // Written so by Phụ lục II, III.1.b and c.
    'cán bộ Thành phố Hồ Chí Minh và Quận 8',
    'tại Phường Trần Phú và Quận Hai Bà Trưng',
    // Another word, not a place: "Huyện ủy", "Tỉnh Đoàn", "Xã hội".
    'phối hợp với Huyện ủy, Tỉnh Đoàn và Bộ Lao động - Thương binh và Xã Hội',
    // Generic or plural, part of another word, or of a bigger name.
    'các phòng Giáo dục và Đào tạo',
    'trên cơ sở Kế hoạch số 12',
    'Đoàn trường THPT Ba Gia và Công đoàn trường THCS Vân Từ',
    'Hoạt động ở trường THPT nhằm giúp học sinh',
    'ủy ban nhân dân các xã, phường',
    'ủy ban nhân dân huyện có trách nhiệm',
    'các phường 1, 2 và 3',
    'kỷ luật Đảng',
    'những điều 5 năm qua',
    // Header capitals are not words of a sentence.
    'ỦY BAN NHÂN DÂN HUYỆN PHÚ XUYÊN',
  ])('leaves alone: %s', (text) => {
    expect(corrections(text)).toEqual([]);
  });
});

describe('where a sentence starts', () => {
  it.each([
    ['Huyện', 0, true],
    ['Năm nay. Huyện', 9, true],
    ['a) Huyện', 3, true],
    ['(Huyện', 1, true],
    ['của Huyện', 4, false],
    ['TX. Phước Long; Huyện', 16, true],
  ])('%s at %i: %s', (text, at, expected) => {
    expect(startsSentence(text, at)).toBe(expected);
  });
});

describe('the quick fix', () => {
  it('corrects exactly the letters it names, and no other character', () => {
    const path = join(FIXTURES, 'rules', 'KH704', 'names-wrongly-capitalised.md');
    const text = readFileSync(path, 'utf8');
    const diagnostics = checkText(text, { rules: [capitalization] }).diagnostics;
    const edits = diagnostics.flatMap((d) => (d.fix && typeof d.fix === 'object' ? d.fix.edits : []));
    expect(edits.every((edit) => edit.newText.length === 1), 'one letter per edit').toBe(true);
    const fixed = applyEdits(text, edits).text;
    expect(fixed.toLowerCase(), 'the same words, in other case').toBe(text.toLowerCase());
    const changedLines = fixed.split('\n').filter((line, i) => line !== text.split('\n')[i]);
    expect(changedLines).toEqual([
      'Thực hiện Kế hoạch số 45/KH-UBND ngày 01/02/2026 của UBND huyện Phú Xuyên về chăm sóc sức khỏe trẻ em, Trường Mầm non Vân Từ xây dựng kế hoạch như sau: <!-- expect KH704 -->',
      'Phối hợp với Trạm y tế xã và Hội đồng nhân dân xã Vân Từ trong việc khám sức khỏe cho trẻ. <!-- expect KH704 -->',
      'Thực hiện đúng Điều 5 của Luật Trẻ em và các quy định của Luật Giáo dục về chăm sóc trẻ. <!-- expect KH704 --> <!-- expect KH704 -->',
      'Nhà trường mời đại diện Phòng GDĐT, Trường THCS Vân Từ và Ủy ban nhân dân xã tham dự. <!-- expect KH704 --> <!-- expect KH704 --> <!-- expect KH704 -->',
      'Báo cáo kết quả về Ủy ban nhân dân huyện Phú Xuyên và gửi bản sao cho Trường Mầm non Quận 8 trước ngày 30/4/2026./. <!-- expect KH704 --> <!-- expect KH704 -->',
    ]);
    expect(checkText(fixed, { rules: [capitalization] }).diagnostics, 'nothing left to report').toEqual([]);
  });
});
