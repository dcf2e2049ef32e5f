// The closing part of a plan: the recipient list and the signature in every Markdown shape drafts
// use, and the comparison of agency names written in full or abbreviated.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../server/src/engine/extract.js';
import { nameHasCode, namesEqual, namesSameAgency } from '../server/src/engine/agency-names.js';
import { ACADEMIC_TITLES, DEPUTY_TITLE, UPPER_CASE_NAME } from '../server/src/engine/vocabulary.js';

const BODY = 'KẾ HOẠCH\nTổ chức Ngày hội đọc sách\n\nI. MỤC ĐÍCH, YÊU CẦU\n\nNội dung./.\n\n';

function closing(source: string) {
  const model = buildModel(BODY + source);
  const s = model.signature;
  return {
    entries: model.recipients?.entries.map((e) => [e.name, e.hasDash, e.terminator, e.isArchive]),
    signature: s && [s.prefix?.text, s.authority?.text, s.title?.text, s.name?.text],
    closingStart: model.lines[model.closingStart]?.text,
  };
}

describe('recipients and signature', () => {
  it('reads a table with one entry per row beside the signature lines', () => {
    const result = closing(
      ['| Nơi nhận: | KT. TRƯỞNG PHÒNG |', '|---|---|', '| - UBND quận (b/c); | PHÓ TRƯỞNG PHÒNG |', '| - Lưu: VT, PGDĐT. | Nguyễn Văn An |'].join('\n'),
    );
    expect(result.entries).toEqual([
      ['UBND quận', true, ';', false],
      ['Lưu: VT, PGDĐT', true, '.', true],
    ]);
    expect(result.signature).toEqual(['KT.', 'TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG', 'Nguyễn Văn An']);
  });

  it('reads escaped dashes joined by hard breaks, and entries without a dash', () => {
    const result = closing('Nơi nhận:  \n\\- UBND quận (b/c);  \nCác trường  \n\\- Lưu: VT.\n\nHIỆU TRƯỞNG\n\nNguyễn Văn An\n');
    expect(result.entries).toEqual([
      ['UBND quận', true, ';', false],
      ['Các trường', false, '', false],
      ['Lưu: VT', true, '.', true],
    ]);
    expect(result.signature).toEqual([undefined, undefined, 'HIỆU TRƯỞNG', 'Nguyễn Văn An']);
  });

  it('reads a numbered list of recipients, without the numbers in the names', () => {
    const result = closing('Nơi nhận:\n\n1. Sở GDĐT (b/c);\n2. Lưu: VT.\n\nHIỆU TRƯỞNG\n\nNguyễn Văn An\n');
    expect(result.entries).toEqual([
      ['Sở GDĐT', false, ';', false],
      ['Lưu: VT', false, '.', true],
    ]);
  });

  it('finds a signature written above "Nơi nhận:" and ends the body before it', () => {
    const result = closing('**TM. BAN CHẤP HÀNH**  \n**CHỦ TỊCH**\n\n**Nguyễn Thúy Nga**\n\n*Nơi nhận:*\n- Các tổ công đoàn;\n- Lưu: VT.\n');
    expect(result.signature).toEqual(['TM.', 'BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Nguyễn Thúy Nga']);
    expect(result.closingStart).toBe('TM. BAN CHẤP HÀNH');
  });

  it('reads "TM." with a nested "KT." as the collective, then the deputy signing for its head', () => {
    const result = closing('Nơi nhận:\n- Các xã;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN  \nKT. CHỦ TỊCH  \nPHÓ CHỦ TỊCH\n\nTrần Văn Bình\n');
    expect(result.signature).toEqual(['TM.', 'ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH', 'Trần Văn Bình']);
  });

  it('takes a name typed in capitals as the name, but not a collective that starts like a surname', () => {
    expect(closing('Nơi nhận:\n- Lưu: VT.\n\nHIỆU TRƯỞNG\n\nNGUYỄN VĂN AN\n').signature).toEqual([undefined, undefined, 'HIỆU TRƯỞNG', 'NGUYỄN VĂN AN']);
    expect(closing('Nơi nhận:\n- Lưu: VT.\n\nTM. ĐOÀN CHỦ TỊCH  \nCHỦ TỊCH\n\nĐoàn Văn Bình\n').signature).toEqual(['TM.', 'ĐOÀN CHỦ TỊCH', 'CHỦ TỊCH', 'Đoàn Văn Bình']);
  });

  it('without recipients, finds "Q. HIỆU TRƯỞNG" but never takes a section title for a signature', () => {
    expect(closing('Q. HIỆU TRƯỞNG\n\nTrần Văn A\n').signature).toEqual(['Q.', 'HIỆU TRƯỞNG', undefined, 'Trần Văn A']);
    expect(closing('II. TỔ CHỨC THỰC HIỆN\n').signature).toBeUndefined();
  });

  it('does not count the words of an upper-case phrase as abbreviations', () => {
    const model = buildModel(`${BODY}Tổ chức TẾT TRUNG THU cho con CNVCLĐ và học sinh THCS.\n`);
    expect(model.abbreviations.uses.map((use) => use.abbreviation)).toEqual(['CNVCLĐ', 'THCS']);
  });
});

describe('agency names, full or abbreviated', () => {
  it.each([
    ['Sở GDĐT Hà Nội', 'Sở Giáo dục và Đào tạo Hà Nội'],
    ['LĐLĐ tỉnh', 'Ban Thường vụ Liên đoàn Lao động tỉnh'],
    ['UBND quận', 'Ủy ban nhân dân Quận 8'],
    ['UBND Q8', 'Ủy ban nhân dân Quận 8'],
    ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
    ['SGDĐT', 'Sở Giáo dục và Đào tạo'],
    ['Phòng LĐ-TB&XH', 'Phòng Lao động - Thương binh và Xã hội'],
    ['Lãnh đạo UBND thành phố', 'Ủy ban nhân dân thành phố'],
  ])('"%s" is the same agency as "%s"', (a, b) => {
    expect(namesSameAgency(a, b)).toBe(true);
    expect(namesSameAgency(b, a)).toBe(true);
  });

  it.each([
    ['UBND tỉnh', 'UBND quận Hà Đông'],
    ['Phòng GDĐT', 'Sở Giáo dục và Đào tạo'],
    ['CB, GV, NV', 'Liên đoàn Lao động huyện Thanh Oai'],
    ['Công an thành phố', 'Ủy ban nhân dân thành phố'],
    ['Phòng LĐ&TBXH Q8', 'Ủy ban nhân dân Quận 8'],
    ['Các đơn vị trực thuộc', 'Sở Giáo dục và Đào tạo'],
  ])('"%s" is not "%s"', (a, b) => {
    expect(namesSameAgency(a, b)).toBe(false);
  });

  it('calls two recipients equal only when nothing is left over', () => {
    expect(namesEqual('Sở GDĐT', 'Sở Giáo dục và Đào tạo')).toBe(true);
    expect(namesEqual('UBND quận', 'ủy ban nhân dân quận')).toBe(true);
    expect(namesEqual('Sở GDĐT', 'Sở GDĐT Hà Nội')).toBe(false);
    expect(namesEqual('Các trường TH', 'Các trường THCS')).toBe(false);
  });

  it('finds the issuer code of a symbol in a recipient name', () => {
    expect(nameHasCode('Sở GDĐT Hà Nội', 'SGDĐT')).toBe(true);
    expect(nameHasCode('Ủy ban nhân dân quận', 'UBND')).toBe(true);
    expect(nameHasCode('Phòng GDĐT', 'SGDĐT')).toBe(false);
  });

  it('ignores a stray combining mark', () => {
    expect(namesEqual('Báo cáo.\u0301', 'Báo cáo')).toBe(true);
  });
});

describe('signing vocabulary', () => {
  it('matches Vietnamese words that end in a non-ASCII letter', () => {
    expect(DEPUTY_TITLE.test('PHÓ TRƯỞNG PHÒNG')).toBe(true);
    expect(DEPUTY_TITLE.test('PHÒNG GIÁO DỤC')).toBe(false);
    expect(ACADEMIC_TITLES.test('Tiến sĩ Lê Văn Minh')).toBe(true);
    expect(ACADEMIC_TITLES.test('NGƯT Nguyễn Thị Lan')).toBe(true);
    expect(ACADEMIC_TITLES.test('Cao Văn Sĩ')).toBe(false);
    expect(UPPER_CASE_NAME.test('ĐƯƠNG VĂN DÂN')).toBe(true);
    expect(UPPER_CASE_NAME.test('PHÓ TRƯỞNG PHÒNG')).toBe(false);
  });
});
