// The plan model: each part is recognised by its text whatever Markdown shape it takes (anatomy
// §3), and each range points at exactly that text in the source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../server/src/engine/extract.js';
import type { Part } from '../server/src/engine/model.js';
import { LineIndex, compareKey } from '../server/src/engine/text.js';
import type { Range } from '../server/src/engine/types.js';
import { SEEDS, hasSeeds } from './helpers/fixtures.js';

function textAt(source: string, range: Range): string {
  const index = new LineIndex(source);
  return source.slice(index.offsetAt(range.start), index.offsetAt(range.end));
}

const PLAIN = `UBND QUẬN HÀ ĐÔNG
PHÒNG GIÁO DỤC VÀ ĐÀO TẠO

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 1217/KH-PGDĐT

Hà Đông, ngày 03 tháng 12 năm 2021

KẾ HOẠCH

Thực hiện Chương trình phòng ngừa lao động trẻ em giai đoạn 2021 - 2025

Thực hiện Kế hoạch số 3186/KH-SGDĐT ngày 09/8/2021 của Sở Giáo dục và Đào tạo Hà Nội về phòng ngừa;

I. MỤC TIÊU

1. Mục tiêu chung

Nội dung.

II. NHIỆM VỤ VÀ GIẢI PHÁP

Nội dung.

Nơi nhận:
- Sở GDĐT Hà Nội (b/c);
- Lưu: VT.

KT. TRƯỞNG PHÒNG
PHÓ TRƯỞNG PHÒNG

Bạch Ngọc Lợi
`;

describe('plan model', () => {
  it('recognises the header parts written as plain lines', () => {
    const model = buildModel(PLAIN);
    const { header } = model;
    expect(header.parentAgency?.text).toBe('UBND QUẬN HÀ ĐÔNG');
    expect(header.agency?.text).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(header.motto?.text).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(header.tagline?.text).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(header.number?.value).toBe('1217/KH-PGDĐT');
    expect(header.number?.typeCode).toBe('KH');
    expect(textAt(PLAIN, header.number!.valueRange)).toBe('1217/KH-PGDĐT');
    expect(header.placeDate?.place).toBe('Hà Đông');
    expect(header.placeDate?.date).toMatchObject({ kind: 'issue', day: 3, month: 12, year: 2021 });
    expect(header.title?.text).toBe('KẾ HOẠCH');
    expect(header.summary?.text).toMatch(/^Thực hiện Chương trình phòng ngừa/);
  });

  it('builds the section tree with keys, and the closing parts', () => {
    const model = buildModel(PLAIN);
    expect(model.sections.map((s) => [s.number, s.key])).toEqual([
      ['I', 'goals'],
      ['II', 'tasks'],
    ]);
    expect(model.sections[0]!.children.map((s) => s.title)).toEqual(['Mục tiêu chung']);
    expect(model.recipients?.entries.map((e) => [e.name, e.terminator, e.annotations])).toEqual([
      ['Sở GDĐT Hà Nội', ';', ['b/c']],
      ['Lưu: VT', '.', []],
    ]);
    expect(model.signature?.prefix?.text).toBe('KT.');
    expect(model.signature?.authority?.text).toBe('TRƯỞNG PHÒNG');
    expect(model.signature?.title?.text).toBe('PHÓ TRƯỞNG PHÒNG');
    expect(model.signature?.name?.text).toBe('Bạch Ngọc Lợi');
  });

  it('finds the basis citation with its date and issuer, and exact ranges', () => {
    const model = buildModel(PLAIN);
    const [citation] = model.citations;
    expect(citation).toMatchObject({ typeWord: 'Kế hoạch', symbol: '3186/KH-SGDĐT', typeCode: 'KH', issuer: 'Sở Giáo dục và Đào tạo Hà Nội', inBasis: true, firstMention: true });
    expect(citation!.date).toMatchObject({ kind: 'citation', day: 9, month: 8, year: 2021 });
    expect(textAt(PLAIN, citation!.symbolRange)).toBe('3186/KH-SGDĐT');
    expect(textAt(PLAIN, citation!.issuerRange!)).toBe('Sở Giáo dục và Đào tạo Hà Nội');
  });

  it('reads a header laid out as a two-column table with <br> breaks', () => {
    const source = [
      '| UBND HUYỆN THANH TRÌ<br>**PHÒNG GIÁO DỤC VÀ ĐÀO TẠO** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |',
      '|---|---|',
      '| Số: 15/KH-PGDĐT | *Thanh Trì, ngày 06 tháng 01 năm 2026* |',
      '',
      '**KẾ HOẠCH**',
      '',
      '**Triển khai công tác an toàn giao thông năm 2026**',
    ].join('\n');
    const { header } = buildModel(source);
    expect(header.parentAgency?.text).toBe('UBND HUYỆN THANH TRÌ');
    expect(header.agency?.text).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(header.motto).toBeDefined();
    expect(header.number?.value).toBe('15/KH-PGDĐT');
    expect(textAt(source, header.number!.range)).toBe('Số: 15/KH-PGDĐT');
    expect(header.placeDate?.date).toMatchObject({ day: 6, month: 1, year: 2026 });
    expect(textAt(source, header.placeDate!.date!.range)).toBe('ngày 06 tháng 01 năm 2026');
    expect(header.summary?.text).toBe('Triển khai công tác an toàn giao thông năm 2026');
  });

  it('recognises section titles in every Markdown form and records the form', () => {
    const source = [
      'KẾ HOẠCH',
      'Tổ chức hội thi',
      '',
      '#### **I. MỤC ĐÍCH, YÊU CẦU**',
      'Nội dung.',
      '',
      '**II. NHIỆM VỤ, GIẢI PHÁP**',
      'Nội dung.',
      '',
      '## III. TỔ CHỨC THỰC HIỆN',
      'Nội dung.',
      '',
      'IV. KINH PHÍ',
      'Nội dung.',
    ].join('\n');
    const model = buildModel(source);
    expect(model.sections.map((s) => [s.number, s.key, s.form])).toEqual([
      ['I', 'purpose', { kind: 'heading', depth: 4, strong: true }],
      ['II', 'tasks', { kind: 'bold' }],
      ['III', 'organisation', { kind: 'heading', depth: 2, strong: false }],
      ['IV', 'funding', { kind: 'plain' }],
    ]);
    expect(textAt(source, model.sections[0]!.numberRange)).toBe('I');
    expect(textAt(source, model.sections[0]!.titleRange)).toBe('MỤC ĐÍCH, YÊU CẦU');
  });

  it('reads a signature joined by hard breaks and a recipient list beside it in a table', () => {
    const source = [
      'KẾ HOẠCH',
      '',
      '| **Nơi nhận:**<br>- Sở GDĐT (b/c);<br>- Lưu: VT. | **KT. GIÁM ĐỐC**<br>**PHÓ GIÁM ĐỐC**<br><br>**Trần Văn An** |',
      '|---|---|',
    ].join('\n');
    const model = buildModel(source);
    expect(model.recipients?.entries.map((e) => e.name)).toEqual(['Sở GDĐT', 'Lưu: VT']);
    expect(model.signature).toMatchObject({ prefix: { text: 'KT.' }, authority: { text: 'GIÁM ĐỐC' }, title: { text: 'PHÓ GIÁM ĐỐC' }, name: { text: 'Trần Văn An' } });

    const hardBreaks = 'KẾ HOẠCH\n\nNơi nhận:  \n- A;  \n- Lưu: VT.\n\nTM. BAN THƯỜNG VỤ  \nCHỦ TỊCH\n\nHoàng Thế Tranh\n';
    const closing = buildModel(hardBreaks);
    expect(closing.recipients?.entries).toHaveLength(2);
    expect(closing.signature).toMatchObject({ prefix: { text: 'TM.' }, authority: { text: 'BAN THƯỜNG VỤ' }, title: { text: 'CHỦ TỊCH' }, name: { text: 'Hoàng Thế Tranh' } });
  });

  it('maps ranges back to the source in NFD drafts and through escapes', () => {
    const source = 'KẾ HOẠCH\n\nThực hiện Kế hoạch số 12/KH\\-UBND ngày 05/01/2026 của UBND huyện;\n'.normalize('NFD');
    const model = buildModel(source);
    const [citation] = model.citations;
    expect(citation?.symbol).toBe('12/KH-UBND');
    expect(textAt(source, citation!.date!.range)).toBe('05/01/2026');
    expect(model.header.title?.text).toBe('KẾ HOẠCH');
  });

  it('takes a citing line under the title as the summary unless it reads like the basis', () => {
    const summary = buildModel('KẾ HOẠCH\n\nThực hiện Chỉ thị số 20-CT/TW của Bộ Chính trị về công tác trẻ em\n');
    expect(summary.header.summary?.text).toBe('Thực hiện Chỉ thị số 20-CT/TW của Bộ Chính trị về công tác trẻ em');
    for (const basis of [
      'Căn cứ Chỉ thị số 20-CT/TW ngày 05/11/2012 của Bộ Chính trị;',
      '*Thực hiện Kế hoạch số 12/KH-UBND của UBND huyện*',
    ]) {
      expect(buildModel(`KẾ HOẠCH\n\n${basis}\n`).header.summary, basis).toBeUndefined();
    }
  });

  it('reads disable comments and front matter', () => {
    const source = '---\nkehoach: true\n---\n<!-- kehoach-disable KH502, KH503 -->\ntext\n<!-- kehoach-disable-next-line -->\n\nline\n';
    const model = buildModel(source);
    expect(model.frontMatter?.kehoach).toBe(true);
    expect(model.suppressions).toEqual([
      expect.objectContaining({ kind: 'disable', ruleIds: ['KH502', 'KH503'], line: 3 }),
      expect.objectContaining({ kind: 'disable-next-line', ruleIds: [], line: 5, targetLine: 7 }),
    ]);
  });

  it('compares Vietnamese names in NFC, case-, punctuation- and tone-placement-insensitively', () => {
    expect(compareKey('MỤC ĐÍCH, YÊU CẦU')).toBe(compareKey('**Mục đích yêu cầu**'));
    expect(compareKey('Hoà bình'.normalize('NFD'))).toBe(compareKey('HÒA BÌNH'));
    expect(compareKey('thuỷ lợi')).toBe(compareKey('thủy lợi'));
  });
});

// Section shapes from real published plans (test/fixtures/real/): each is read as a clerk reads it.
describe('section tree on the shapes of real plans', () => {
  const HEADER = 'ỦY BAN NHÂN DÂN XÃ A\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 12/KH-UBND\n\nA, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\n\nChuyển đổi số năm 2026\n\n';
  const read = (body: string) => buildModel(HEADER + body);
  const outline = (body: string) => read(body).allSections.map((s) => [s.scheme, s.rank, s.number, s.separator, s.key ?? null]);

  it('reads titles and items on the soft-broken lines of a draft without blank lines', () => {
    const body = [
      'Thực hiện Kế hoạch số 50/KH-UBND ngày 11/3/2024 của UBND huyện về chuyển đổi số;',
      'I. MỤC TIÊU',
      'Các cơ sở dữ liệu dùng chung được kết nối trên toàn tỉnh, giai đoạn 2021 -',
      '25. Nội dung này là phần tiếp của câu trên.',
      '1. Mục tiêu cơ bản đến năm 2025',
      'a) Về chuyển đổi số trong hoạt động của các cơ quan',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      'Triển khai nền tảng số.',
    ].join('\n');
    expect(outline(body)).toEqual([
      ['roman', 1, 'I', '.', 'goals'],
      ['arabic', 2, '1', '.', null],
      ['letter', 3, 'a', ')', null],
      ['roman', 1, 'II', '.', 'tasks'],
    ]);
  });

  it('reads titles without a dot, with a dash and a colon, and items without a space', () => {
    const body = 'I MỤC ĐÍCH - YÊU CẦU\n\n1.Mục đích\n\n2.2.Yêu cầu cụ thể\n\nIII – NHIỆM VỤ TRỌNG TÂM:\n\nNội dung.\n';
    expect(outline(body)).toEqual([
      ['roman', 1, 'I', '', 'purpose'],
      ['arabic', 2, '1', '.', null],
      ['decimal', 3, '2.2', '.', null],
      ['roman', 1, 'III', '–', 'tasks'],
    ]);
    // Without a dot a numeral is read only in sequence: "VI PHẠM" is a word, not section VI.
    expect(outline('I MỤC ĐÍCH\n\nNội dung.\n\nVI PHẠM HÀNH CHÍNH BỊ XỬ LÝ\n').map((s) => s[2])).toEqual(['I']);
    // In sentence case, only where the plan numbers its titles without a separator.
    expect(outline('I MỤC ĐÍCH\n\nNội dung.\n\nII Thời gian thực hiện\n\nNội dung.\n').map((s) => s[2])).toEqual(['I', 'II']);
    expect(outline('I. MỤC ĐÍCH\n\nNội dung.\n\nII Thời gian thực hiện\n\nNội dung.\n').map((s) => s[2])).toEqual(['I']);
  });

  it('reads a sentence-case Roman title when it is a section name, whatever the case', () => {
    expect(outline('I. Mục đích, yêu cầu\n\nNội dung.\n\nII. Mục đích của hội thi là tạo sân chơi\n')).toEqual([['roman', 1, 'I', '.', 'purpose']]);
  });

  it('reads top-level sections numbered 1., 2. when the plan has no Roman sections', () => {
    const body = '1. Mục đích yêu cầu\n\nNội dung.\n\n2. Tổ chức thực hiện\n\n2.1. Phòng Văn hóa chủ trì.\n';
    const model = read(body);
    expect(model.sections.map((s) => [s.scheme, s.rank, s.number, s.key])).toEqual([
      ['arabic', 1, '1', 'purpose'],
      ['arabic', 1, '2', 'organisation'],
    ]);
    expect(model.sections[1]!.children.map((s) => s.number)).toEqual(['2.1']);
    // With a Roman section the same lines are items.
    expect(outline(`I. MỤC ĐÍCH, YÊU CẦU\n\n${body}`).map((s) => s[1])).toEqual([1, 2, 2, 3]);
  });

  it('reads "Phần" groupings above the Roman sections', () => {
    const model = read('PHẦN THỨ NHẤT: MỤC ĐÍCH, YÊU CẦU\n\nNội dung.\n\nPhần II. Nội dung kế hoạch\n\nI. HỘI THI\n\nNội dung.\n');
    expect(model.sections.map((s) => [s.scheme, s.rank, s.number, s.ordinal, s.key])).toEqual([
      ['group', 0, 'PHẦN THỨ NHẤT', 1, 'purpose'],
      ['group', 0, 'Phần II', 2, 'tasks'],
    ]);
    expect(model.sections[1]!.children.map((s) => s.number)).toEqual(['I']);
  });

  it('matches title variants: a plural word before it, a sentence after it, the accepted aliases', () => {
    const body = 'I. YÊU CẦU\n\nNội dung.\n\nII. CÁC NỘI DUNG HOẠT ĐỘNG\n\nNội dung.\n\nIII. NỘI DUNG THI. Gồm 3 phần.\n\nIV. HÌNH THỨC THỰC HIỆN\n\nNội dung.\n\nV. THỂ LỆ THI (Có thể lệ kèm theo)\n';
    expect(outline(body).map((s) => s[4])).toEqual(['purpose', 'tasks', 'tasks', 'tasks', null]);
  });

  it('takes a basis written as section I as the basis: its citations are the basis, the profile starts after it', () => {
    const body = 'I – CĂN CỨ LẬP KẾ HOẠCH\n\n- Căn cứ Kế hoạch số 50/KH-UBND ngày 11/3/2024 của UBND huyện.\n\nII – MỤC ĐÍCH, YÊU CẦU\n\nThực hiện Kế hoạch số 60/KH-UBND ngày 12/3/2024 của UBND huyện.\n';
    const model = read(body);
    expect(model.sections.map((s) => [s.number, s.key ?? null])).toEqual([
      ['I', null],
      ['II', 'purpose'],
    ]);
    expect(model.basisLines.end).toBe(model.sections[1]!.textLine);
    expect(model.citations.map((c) => [c.symbol, c.inBasis])).toEqual([
      ['50/KH-UBND', true],
      ['60/KH-UBND', false],
    ]);
  });
});

describe.skipIf(!hasSeeds)('plan model on the seed plans', () => {
  const seed = (name: string): string => readFileSync(join(SEEDS, name), 'utf8');
  const parts = (part: Part | undefined): string | undefined => part?.text;

  it('reads seed 354 (Cẩm Phả)', () => {
    const model = buildModel(seed('354-KH-PGDDT_cam-pha_2021-05-11.md'));
    expect(model.header.number?.value).toBe('354/KH-PGDĐT');
    expect(model.sections.map((s) => s.key)).toEqual(['purpose', 'goals', 'tasks', 'funding', 'organisation']);
    expect(parts(model.signature?.prefix)).toBe('KT.');
    expect(model.recipients?.entries.at(-1)?.isArchive).toBe(true);
  });

  it('reads seed quan-8 with its repeated section number', () => {
    const model = buildModel(seed('quan-8_binh-dang-gioi_2023.md'));
    expect(model.header.number).toBeUndefined();
    expect(model.sections.map((s) => s.number)).toEqual(['I', 'II', 'III', 'III', 'IV']);
    expect(model.sections.map((s) => s.key)).toEqual(['purpose', 'goals', 'tasks', 'organisation', 'reporting']);
    const deadlines = model.dates.filter((d) => d.kind === 'deadline');
    expect(deadlines.map((d) => [d.day, d.month, d.year])).toEqual([
      [5, 5, 2023],
      [5, 11, 2023],
    ]);
  });
});
