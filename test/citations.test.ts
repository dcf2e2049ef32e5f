// The citation extractor on every form of anatomy §6: type word, number/symbol, date, issuer,
// the symbol's parts and the ways it can be miswritten.
import { describe, expect, it } from 'vitest';
import { checkText } from '../server/src/engine/check.js';
import { citationName, citedDocuments, findCitations } from '../server/src/engine/citations.js';
import { normalizeSymbol, parseSymbol } from '../server/src/engine/extract/number.js';
import { findDates } from '../server/src/engine/dates.js';
import { buildModel } from '../server/src/engine/extract.js';
import { fixAll } from '../server/src/engine/fixes.js';
import { citationIncomplete } from '../server/src/engine/rules/citations/KH402-citation-incomplete.js';
import { citationConflict } from '../server/src/engine/rules/citations/KH404-citation-conflict.js';
import { citationFormat } from '../server/src/engine/rules/citations/KH406-citation-format.js';
import { undefinedAbbreviation } from '../server/src/engine/rules/text/KH701-undefined-abbreviation.js';

const cite = (text: string) => {
  const dates = findDates(text);
  return findCitations(text, dates).map((c) => ({
    ...c,
    date: c.dateIndex !== undefined ? dates[c.dateIndex]!.raw : undefined,
    typed: c.typeStart !== undefined ? text.slice(c.typeStart, c.typeStart + c.typeWord.length) : undefined,
    written: text.slice(c.start, c.end),
  }));
};
const one = (text: string) => {
  const found = cite(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('findCitations: the forms plans use', () => {
  it('reads a state citation with a comma before the date and a long issuer', () => {
    const c = one('Thực hiện Kế hoạch số 121/KH-LĐLĐ, ngày 12/5/2021 của Ban Thường vụ Liên đoàn Lao động tỉnh về thực hiện Chương trình');
    expect(c).toMatchObject({ typeWord: 'Kế hoạch', hasSoWord: true, symbol: '121/KH-LĐLĐ', number: '121', typeCode: 'KH', issuerCode: 'LĐLĐ', form: 'state', formatProblems: [] });
    expect(c.date).toBe('12/5/2021');
    expect(c.issuer).toBe('Ban Thường vụ Liên đoàn Lao động tỉnh');
    expect(c.written).toBe('Kế hoạch số 121/KH-LĐLĐ, ngày 12/5/2021 của Ban Thường vụ Liên đoàn Lao động tỉnh');
  });

  it('reads a citation without "số"', () => {
    const c = one('(2.5) Kế hoạch 215/KH-UBND ngày 17/9/2019 của UBND tỉnh về triển khai Đề án');
    expect(c).toMatchObject({ typeWord: 'Kế hoạch', hasSoWord: false, symbol: '215/KH-UBND', issuer: 'UBND tỉnh' });
    expect(c.date).toBe('17/9/2019');
  });

  it('reads a date written in words', () => {
    const c = one('Quyết định số 782/QĐ-TTg ngày 27 tháng 5 năm 2021 của Thủ tướng Chính phủ phê duyệt');
    expect(c).toMatchObject({ typeCode: 'QĐ', issuerCode: 'TTg', issuer: 'Thủ tướng Chính phủ' });
    expect(c.date).toBe('ngày 27 tháng 5 năm 2021');
  });

  it('reads the year inside a legal document\'s number', () => {
    expect(one('Nghị định 56/2017/NĐ-CP ngày 09/5/2017 của Chính phủ')).toMatchObject({ form: 'legal', number: '56', numberYear: 2017, typeCode: 'NĐ', issuerCode: 'CP', issuer: 'Chính phủ' });
    const c = one('Triển khai Thông tư số 13/2021/TT-BLĐTBXH ngày 30 tháng 9 năm 2021 của Bộ trưởng');
    expect(c).toMatchObject({ form: 'legal', numberYear: 2021, typeCode: 'TT', issuerCode: 'BLĐTBXH' });
  });

  it('reads Party symbols', () => {
    const c = one('theo tinh thần Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị về tăng cường');
    expect(c).toMatchObject({ form: 'party', number: '20', typeCode: 'CT', issuerCode: 'TW', issuer: 'Bộ Chính trị' });
    expect(one('Kế hoạch số 45-KH/TU ngày 20/02/2013 của Tỉnh ủy')).toMatchObject({ form: 'party', typeCode: 'KH', issuerCode: 'TU' });
    expect(one('Quy định số 08-QĐi/TW')).toMatchObject({ form: 'party', typeCode: 'QĐi' });
  });

  it('reads laws and National Assembly resolutions, whose symbols carry no type code', () => {
    expect(cite('Căn cứ Luật Trẻ em năm 2016;')).toEqual([]);
    const c = one('Luật số 102/2016/QH13');
    expect(c).toMatchObject({ form: 'legal', numberYear: 2016, issuerCode: 'QH13', formatProblems: [] });
    expect(c.typeCode).toBeUndefined();
  });

  it('reads a Công văn, whose symbol has no type code', () => {
    expect(one('Công văn số 3134/SGDDĐT-CTTT ngày 18/11/2020 của Sở GDĐT về việc')).toMatchObject({ typeWord: 'Công văn', typeCode: 'SGDDĐT', issuer: 'Sở GDĐT' });
  });

  it('reads the type and issuer written before the number', () => {
    const c = one('Thực hiện Kế hoạch của UBND huyện số 12/KH-UBND ngày 05/3/2021 về');
    expect(c).toMatchObject({ typeWord: 'Kế hoạch', issuer: 'UBND huyện', symbol: '12/KH-UBND' });
    expect(c.date).toBe('05/3/2021');
    expect(c.written).toBe('Kế hoạch của UBND huyện số 12/KH-UBND ngày 05/3/2021');
  });

  it('reads "do ... ban hành" as the issuer', () => {
    expect(one('Quyết định số 12/QĐ-UBND ngày 05/3/2021 do UBND tỉnh ban hành')).toMatchObject({ issuer: 'UBND tỉnh' });
  });

  it('ends the issuer before the subject, even capitalised', () => {
    expect(one('Kế hoạch số 54/KH-UBND ngày 13/3/2020 của UBND tỉnh Thực hiện Đề án hỗ trợ')).toMatchObject({ issuer: 'UBND tỉnh' });
    expect(one('Kế hoạch số 902/KH-SGDĐT ngày 01/4/2021 của Sở Giáo dục và Đào tạo Kế hoạch Chương trình')).toMatchObject({ issuer: 'Sở Giáo dục và Đào tạo' });
    expect(one('Kế hoạch số 99/KH-UBND ngày 31/03/2021 của Ủy ban nhân dân thành phố, Kế hoạch thực hiện')).toMatchObject({ issuer: 'Ủy ban nhân dân thành phố' });
  });

  it('keeps the Ministry of Labour\'s name whole', () => {
    expect(one('Thông tư số 13/2021/TT-BLĐTBXH ngày 30/9/2021 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội ban hành')).toMatchObject({
      issuer: 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội',
    });
  });

  it('reads a lower-case type word', () => {
    expect(one('Thực hiện kế hoạch số 23/KH- LĐLĐ ngày 23/8/2021 của Liên đoàn lao động huyện Thanh Oai về')).toMatchObject({ typeWord: 'kế hoạch', symbol: '23/KH-LĐLĐ' });
  });
});

describe('findCitations: shapes of real published plans', () => {
  it('takes the issuer named before the type: "của ... tại Tờ trình số"', () => {
    const text = 'Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 164/TTr- SKHCN ngày 17/12/2025.';
    const c = one(text);
    expect(c).toMatchObject({ typeWord: 'Tờ trình', symbol: '164/TTr-SKHCN', issuer: 'Sở Khoa học và Công nghệ' });
    expect(text.slice(c.issuerStart, c.issuerEnd)).toBe('Sở Khoa học và Công nghệ');
    expect(c.date).toBe('17/12/2025');
    // An issuer after the number is the one taken.
    expect(one('Theo đề nghị của Sở Tài chính tại Tờ trình số 164/TTr-SNV ngày 17/12/2025 của Sở Nội vụ.')).toMatchObject({ issuer: 'Sở Nội vụ' });
  });

  it('gives each item of a list the type and the issuer of its head', () => {
    const text = 'Căn cứ các Quyết định của Thủ tướng Chính phủ: số 1/QĐ-TTg ngày 03/01/2022 phê duyệt Đề án; số 2/QĐ-TTg ngày 04/01/2022;';
    const found = cite(text);
    expect(found.map((c) => [c.typeWord, c.symbol, c.date, c.issuer, c.written])).toEqual([
      ['Quyết định', '1/QĐ-TTg', '03/01/2022', 'Thủ tướng Chính phủ', 'số 1/QĐ-TTg ngày 03/01/2022'],
      ['Quyết định', '2/QĐ-TTg', '04/01/2022', 'Thủ tướng Chính phủ', 'số 2/QĐ-TTg ngày 04/01/2022'],
    ]);
    expect(text.slice(found[1]!.issuerStart, found[1]!.issuerEnd)).toBe('Thủ tướng Chính phủ');
    // A sentence ends the list; a citation with its own type word too.
    expect(cite('Các Quyết định: số 1/QĐ-TTg ngày 03/01/2022. Báo cáo số 2/BC-UBND ngày 04/01/2022').map((c) => c.typeWord)).toEqual(['Quyết định', 'Báo cáo']);
    expect(cite('các Quyết định: số 1/QĐ-TTg; Kế hoạch số 5/KH-UBND; số 6/KH-UBND').map((c) => c.typeWord)).toEqual(['Quyết định', 'Kế hoạch', '']);
  });

  it('reads a law cited with its name, and keeps the name out of the issuer', () => {
    const c = one('Căn cứ Luật Dược số 105/2016/QH13;');
    expect(c).toMatchObject({ typeWord: 'Luật', symbol: '105/2016/QH13', form: 'legal', written: 'Luật Dược số 105/2016/QH13' });
    expect(c.issuer).toBeUndefined();
    const named = one('Luật Phòng, chống tác hại của rượu, bia số 44/2019/QH14');
    expect(named).toMatchObject({ typeWord: 'Luật', symbol: '44/2019/QH14' });
    expect(named.issuer).toBeUndefined();
  });

  it('reads an issuer code that carries the legislature\'s number', () => {
    expect(one('Nghị quyết 653/NQ-UBTVQH14 ngày 12/3/2019 của Ủy ban thường vụ Quốc hội')).toMatchObject({ form: 'state', typeCode: 'NQ', issuerCode: 'UBTVQH14', formatProblems: [] });
    expect(parseSymbol('12-NQ/ĐUQH15')).toMatchObject({ form: 'party', issuerCode: 'ĐUQH15', formatProblems: [] });
  });

  it('reads the Youth Union\'s spaced hyphen as a Party-form symbol with stray spaces', () => {
    expect(one('Kế hoạch số 225 - KH/TWĐTN-CTTN ngày 05/01/2011 của Ban Bí thư Trung ương Đoàn')).toMatchObject({
      form: 'party', symbol: '225-KH/TWĐTN-CTTN', formatProblems: ['spaces'], issuer: 'Ban Bí thư Trung ương Đoàn',
    });
  });

  it('recognises a citation whose symbol a space breaks, when a date follows', () => {
    const party = one('Căn cứ Kế hoạch số 298 KH/TWĐTN ngày 14/7/2011 của Ban Chấp hành Trung ương Đoàn;');
    expect(party).toMatchObject({ typeWord: 'Kế hoạch', symbolRaw: '298 KH/TWĐTN', symbol: '298 KH/TWĐTN', form: 'unknown', issuer: 'Ban Chấp hành Trung ương Đoàn' });
    expect(party.formatProblems).toContain('separators');
    expect(party.date).toBe('14/7/2011');
    const bare = one('- Căn cứ số 03 – KH UBH ngày 21/9/2015 của Hội LHTN Thị xã Phước Long.');
    expect(bare).toMatchObject({ typeWord: '', hasSoWord: true, symbolRaw: '03 – KH UBH', symbol: '03-KH UBH', issuer: 'Hội LHTN Thị xã Phước Long' });
    expect(bare.formatProblems).toContain('separators');
    expect(bare.date).toBe('21/9/2015');
    const legal = one('Thông tư 01/2016/TT-BGD ĐT ngày 15/01/2016 của Bộ trưởng');
    expect(legal).toMatchObject({ symbolRaw: '01/2016/TT-BGD ĐT', symbol: '01/2016/TT-BGDĐT', form: 'legal', formatProblems: ['spaces'], issuer: 'Bộ trưởng' });
    expect(legal.date).toBe('15/01/2016');
  });

  it('does not take a broken symbol without a date, nor a code that only follows a symbol', () => {
    expect(cite('Kế hoạch số 298 KH/TWĐTN về đại hội')).toEqual([]);
    expect(one('Kế hoạch số 12/KH-UBND UBND tỉnh giao ngày 05/3/2021')).toMatchObject({ symbolRaw: '12/KH-UBND', formatProblems: [] });
  });
});

describe('citations wrapped across the lines of a paragraph', () => {
  const plan = (body: string) =>
    ['UBND TỈNH QUẢNG NAM', '', 'Số: 41/KH-UBND', '', 'Quảng Nam, ngày 13 tháng 7 năm 2023', '', 'KẾ HOẠCH', '', 'Giám sát giảm nghèo năm 2023', '', body, ''].join('\n');

  it('reads the date and the issuer on the next line, with their ranges there', () => {
    const model = buildModel(plan('thực hiện các chương trình; Quyết định số 90/QĐ-TTg ngày\n18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình;'));
    const [c] = model.citations;
    expect(c).toMatchObject({ symbol: '90/QĐ-TTg', issuer: 'Thủ tướng Chính phủ' });
    expect(c!.date).toMatchObject({ kind: 'citation', day: 18, month: 1, year: 2022 });
    expect(c!.date!.range).toEqual({ start: { line: 11, character: 0 }, end: { line: 11, character: 10 } });
    expect(c!.issuerRange).toEqual({ start: { line: 11, character: 15 }, end: { line: 11, character: 34 } });
    expect(c!.range).toEqual({ start: { line: 10, character: 28 }, end: { line: 11, character: 34 } });
    expect(model.dates.filter((d) => d.raw === '18/01/2022')).toHaveLength(1);
  });

  it('reads a capitalised "Của" that opens the next line', () => {
    const model = buildModel(plan('Triển khai thực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023\nCủa Ban Thường vụ Tỉnh ủy khóa XX về Chuyển đổi số'));
    expect(model.citations[0]).toMatchObject({ symbol: '13-NQ/TU', issuer: 'Ban Thường vụ Tỉnh ủy khóa XX' });
    expect(model.citations[0]!.issuerRange!.start).toEqual({ line: 11, character: 4 });
  });

  it('does not read on into another paragraph, nor past the words after a citation', () => {
    const apart = buildModel(plan('Quyết định số 90/QĐ-TTg ngày\n\n18/01/2022 của Thủ tướng Chính phủ'));
    expect(apart.citations[0]!.date).toBeUndefined();
    expect(apart.citations[0]!.issuer).toBeUndefined();
    const subject = buildModel(plan('Kế hoạch số 52/KH-UBND về việc giám sát\nngày 20/3/2023 của UBND tỉnh.'));
    expect(subject.citations[0]!.date).toBeUndefined();
  });

  it('counts a later, miswritten mention of a cited symbol as a later mention', () => {
    const model = buildModel(
      plan('Thông tư số 01/2016/TT-BGDĐT , ngày 15/01/2016 của Bộ trưởng Bộ GD&ĐT;\n\nCăn cứ Thông tư 01/2016/TT-BGD ĐT ngày 15/01/2016 của Bộ trưởng Bộ GD&ĐT.'),
    );
    expect(model.citations.map((c) => [c.symbol, c.firstMention])).toEqual([
      ['01/2016/TT-BGDĐT', true],
      ['01/2016/TT-BGDĐT', false],
    ]);
  });
});

describe('findCitations: text that is not a citation', () => {
  it.each([
    ['a date', 'Hội nghị ngày 12/5/2021 tại hội trường'],
    ['a fraction before a word', 'số 5/Tết thiếu nhi'],
    ['a number, a dash and a word', 'Kế hoạch số 12 - Tổ chức hội thi'],
    ['a bare symbol without "số" or a type word', 'mẫu 12/KH-UBND kèm theo'],
    ['a law named without number', 'các quy định của Luật Trẻ em, Luật Bình đẳng giới'],
  ])('%s', (_name, text) => {
    expect(cite(text)).toEqual([]);
  });
});

describe('parseSymbol: how a symbol can be miswritten', () => {
  it('finds stray spaces', () => {
    expect(parseSymbol('23/KH- LĐLĐ')).toMatchObject({ symbol: '23/KH-LĐLĐ', form: 'state', formatProblems: ['spaces'] });
    expect(parseSymbol('56 /KH-UBND')).toMatchObject({ symbol: '56/KH-UBND', formatProblems: ['spaces'] });
  });

  it('finds dash lookalikes', () => {
    expect(parseSymbol('12/KH–UBND')).toMatchObject({ symbol: '12/KH-UBND', form: 'state', formatProblems: ['dash'] });
    expect(parseSymbol('56/2017/NĐ—CP')).toMatchObject({ symbol: '56/2017/NĐ-CP', form: 'legal', formatProblems: ['dash'] });
  });

  it('finds separators that fit no form', () => {
    expect(parseSymbol('12-KH-UBND')).toMatchObject({ form: 'unknown', formatProblems: ['separators'] });
    expect(parseSymbol('56/2017/NĐ/CP')).toMatchObject({ form: 'unknown', formatProblems: ['separators'] });
  });

  it('ends a complete symbol before " - " and the words after it', () => {
    const c = one('(Kế hoạch số 12/KH-LĐLĐ - LĐLĐ huyện Thanh Oai)');
    expect(c).toMatchObject({ symbolRaw: '12/KH-LĐLĐ', formatProblems: [] });
    expect(one('Quyết định số 12 / QĐ - UBND ngày 05/3/2021')).toMatchObject({ symbol: '12/QĐ-UBND', formatProblems: ['spaces'] });
  });

  it('tells an incomplete symbol from a miswritten one', () => {
    expect(parseSymbol('5/KH')).toMatchObject({ form: 'unknown', formatProblems: ['shape'] });
  });

  it('accepts joint and Party codes', () => {
    expect(parseSymbol('06/2010/TTLT-BGDĐT-BTC')).toMatchObject({ form: 'legal', typeCode: 'TTLT', issuerCode: 'BGDĐT-BTC', formatProblems: [] });
    expect(parseSymbol('1234/BGDĐT-GDTrH')).toMatchObject({ form: 'state', typeCode: 'BGDĐT', issuerCode: 'GDTrH', formatProblems: [] });
  });

  it('normalises without touching letters', () => {
    expect(normalizeSymbol('830/QĐ- TTg')).toBe('830/QĐ-TTg');
    expect(normalizeSymbol('12 / KH – UBND')).toBe('12/KH-UBND');
  });
});

describe('citations in the plan model', () => {
  const source = [
    'Số: 15/KH-PGDĐT',
    '',
    'Hà Đông, ngày 05 tháng 3 năm 2026',
    '',
    'KẾ HOẠCH',
    '',
    'Tổ chức Ngày hội đọc sách năm 2026',
    '',
    'Thực hiện Kế hoạch số 88/KH-UBND ngày 10/02/2026 của UBND quận về phát triển văn hóa đọc;',
    '',
    'I. NHIỆM VỤ',
    '',
    'Triển khai Kế hoạch số 88/KH-UBND; báo cáo theo Kế hoạch số 15/KH-PGDĐT này.',
    '',
  ].join('\n');
  const model = buildModel(source);

  it('marks the basis and the first mention', () => {
    expect(model.citations.map((c) => [c.symbol, c.inBasis, c.firstMention])).toEqual([
      ['88/KH-UBND', true, true],
      ['88/KH-UBND', false, false],
      ['15/KH-PGDĐT', false, true],
    ]);
    expect(model.citations[0]!.date).toMatchObject({ kind: 'citation', day: 10, month: 2, year: 2026 });
  });

  it('leaves the plan\'s own number out of the cited documents', () => {
    expect(citedDocuments(model).map((c) => c.symbol)).toEqual(['88/KH-UBND', '88/KH-UBND']);
  });

  it('names a citation with its canonical type', () => {
    expect(citationName({ typeName: 'Kế hoạch', typeWord: 'kế hoạch', symbol: '23/KH-LĐLĐ' })).toBe('Kế hoạch số 23/KH-LĐLĐ');
    expect(citationName({ typeWord: 'văn bản', symbol: '12/UBND-VX' })).toBe('Văn bản số 12/UBND-VX');
    expect(citationName({ typeWord: '', symbol: '12/UBND-VX' })).toBe('Văn bản số 12/UBND-VX');
  });
});

describe('citation rules: messages name the thing', () => {
  const plan = (body: string) =>
    ['UBND THÀNH PHỐ CẨM PHẢ', '', 'Số: 354/KH-PGDĐT', '', 'Cẩm Phả, ngày 11 tháng 5 năm 2021', '', 'KẾ HOẠCH', '', 'Thực hiện Chương trình vì trẻ em', '', body, ''].join('\n');

  it('KH404 reports the later mention and points at the earlier one', () => {
    const source = plan('Thực hiện Kế hoạch số 215/KH-UBND ngày 17/9/2019 của UBND tỉnh;\n\nI. NHIỆM VỤ\n\n- Thực hiện Kế hoạch số 215/KH-UBND ngày 17/10/2019.');
    const [d] = checkText(source, { rules: [citationConflict] }).diagnostics;
    expect(d!.message.vi).toBe('Kế hoạch số 215/KH-UBND được dẫn với ngày 17/10/2019, nhưng lần dẫn trước ghi ngày 17/9/2019');
    expect(d!.range.start.line).toBe(14);
    expect(d!.related?.[0]?.range.start.line).toBe(10);
  });

  it('KH404 takes abbreviated and longer names of one issuer as the same', () => {
    const source = plan('Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 12/5/2021 của Ban Thường vụ Liên đoàn Lao động tỉnh;\n\nI. NHIỆM VỤ\n\n- Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 12/05/2021 của LĐLĐ tỉnh.');
    expect(checkText(source, { rules: [citationConflict] }).diagnostics).toEqual([]);
  });

  it('KH406 fixes only spaces and dashes, and names the corrected symbol', () => {
    const source = plan('Thực hiện Kế hoạch số 23/KH- LĐLĐ ngày 23/8/2021 của LĐLĐ huyện;');
    const [d] = checkText(source, { rules: [citationFormat] }).diagnostics;
    expect(d!.message.vi).toBe('Số, ký hiệu "23/KH- LĐLĐ" có khoảng trắng thừa; viết đúng: 23/KH-LĐLĐ');
    expect(d!.fix?.edits.map((edit) => edit.newText)).toEqual(['23/KH-LĐLĐ']);
  });

  it('KH406 fixes a symbol written in decomposed Unicode without composing it', () => {
    const source = plan('Thực hiện Kế hoạch số 23/KH- LĐLĐ ngày 23/8/2021;'.normalize('NFD'));
    const fixed = fixAll(source, (text) => checkText(text, { rules: [citationFormat] }).diagnostics).text;
    expect(fixed).toBe(source.replace('23/KH- ', '23/KH-'));
  });

  it('KH402 points at a later, complete mention', () => {
    const source = plan('Thực hiện Kế hoạch số 68/KH-UBND về trẻ em;\n\nI. NHIỆM VỤ\n\n- Theo Kế hoạch số 68/KH-UBND ngày 14/3/2019 của UBND tỉnh.');
    const [d] = checkText(source, { rules: [citationIncomplete] }).diagnostics;
    expect(d!.message.vi).toBe('Lần dẫn đầu tiên của Kế hoạch số 68/KH-UBND thiếu ngày ban hành và cơ quan ban hành');
    expect(d!.related?.[0]?.range.start.line).toBe(14);
  });
});

describe('KH701 on the definitions real plans give', () => {
  const plan = (agency: string, body: string) =>
    [agency, '', 'Số: 34/KH-LĐLĐ', '', 'Yên Định, ngày 06 tháng 12 năm 2021', '', 'KẾ HOẠCH', '', 'Tổ chức Tết sum vầy năm 2022', '', body, ''].join('\n');
  const reported = (source: string) => checkText(source, { rules: [undefinedAbbreviation] }).diagnostics.map((d) => source.split('\n')[d.range.start.line]!.slice(d.range.start.character, d.range.end.character));

  it('takes a bracket of several abbreviations as the definition of each', () => {
    expect(reported(plan('UBND HUYỆN YÊN ĐỊNH', 'Công tác phổ cập giáo dục, xóa mù chữ (PCGD XMC); kết quả PCGD, XMC và (CMC, PCTH) được báo cáo.'))).toEqual([]);
  });

  it('knows GD&ĐT', () => {
    expect(reported(plan('UBND HUYỆN YÊN ĐỊNH', 'Phối hợp với Phòng GD&ĐT và Sở GDĐT.'))).toEqual([]);
  });

  it('takes the issuer\'s name in the header as the definition of its initials, from three letters on', () => {
    const body = 'Thực hiện Kế hoạch của LĐLĐ tỉnh; mỗi LĐ và mỗi CNVCLĐ nhận quà.';
    expect(reported(plan('LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN ĐỊNH', body))).toEqual(['LĐ', 'CNVCLĐ']);
    expect(reported(plan('UBND HUYỆN YÊN ĐỊNH', body))).toEqual(['LĐLĐ', 'LĐ', 'CNVCLĐ']);
  });
});
