// The date extractor on every form of anatomy §5, the calendar check, and text that only looks
// like a date (phone numbers, percentages, amounts, section numbers).
import { describe, expect, it } from 'vitest';
import { compareDates, dateProblem, findDates, formatDate, issueDateOf } from '../server/src/engine/dates.js';
import { checkText } from '../server/src/engine/check.js';
import { buildModel } from '../server/src/engine/extract.js';
import { invalidDate } from '../server/src/engine/rules/dates/KH205-invalid-date.js';
import { citationAfterIssue } from '../server/src/engine/rules/dates/KH301-citation-after-issue.js';
import { deadlineBeforeIssue } from '../server/src/engine/rules/dates/KH302-deadline-before-issue.js';
import { periodOrder } from '../server/src/engine/rules/dates/KH303-period-order.js';

const only = (text: string) => {
  const dates = findDates(text);
  expect(dates).toHaveLength(1);
  return dates[0]!;
};

describe('findDates: the forms plans use', () => {
  it('reads "ngày 18 tháng 5 năm 2021"', () => {
    expect(only('Thái Bình, ngày 18 tháng 5 năm 2021')).toMatchObject({ kind: 'date', day: 18, month: 5, year: 2021, numeric: false, raw: 'ngày 18 tháng 5 năm 2021' });
  });

  it('reads "ngày 12/5/2021" and "ngày 31/03/2021"', () => {
    expect(only('Kế hoạch số 121/KH-LĐLĐ, ngày 12/5/2021 của')).toMatchObject({ kind: 'date', day: 12, month: 5, year: 2021, numeric: true, raw: '12/5/2021' });
    expect(only('ngày 31/03/2021')).toMatchObject({ day: 31, month: 3, year: 2021 });
  });

  it('reads dotted and hyphenated dates with a four-digit year', () => {
    expect(only('ngày 01.02.2021')).toMatchObject({ day: 1, month: 2, year: 2021 });
    expect(only('ngày 15-6-2021')).toMatchObject({ day: 15, month: 6, year: 2021 });
  });

  it('reads "trước ngày 16/9/2021" as a deadline', () => {
    expect(only('gửi về công đoàn trước ngày 16/9/2021, số ĐT')).toMatchObject({ kind: 'deadline', day: 16, month: 9, year: 2021 });
  });

  it('reads the other deadline phrasings', () => {
    expect(only('chậm nhất ngày 20/6/2021')).toMatchObject({ kind: 'deadline' });
    expect(only('Hạn nộp: ngày 10/6/2021')).toMatchObject({ kind: 'deadline' });
    expect(only('trước ngày 05 tháng 6 năm 2021')).toMatchObject({ kind: 'deadline', day: 5, month: 6, year: 2021 });
    expect(only('Thời hạn hoàn thành: 30/6/2021')).toMatchObject({ kind: 'deadline' });
    expect(only('Hội nghị tổ chức ngày 30/6/2021')).toMatchObject({ kind: 'date' });
  });

  it('reads "trước ngày 18/11 hàng năm" as yearly, without a year', () => {
    const date = only('Báo cáo trước ngày 18/11 hàng năm');
    expect(date).toMatchObject({ kind: 'yearly', day: 18, month: 11 });
    expect(date.year).toBeUndefined();
    expect(only('ngày 05 tháng 5 hằng năm')).toMatchObject({ kind: 'yearly', day: 5, month: 5 });
  });

  it('shares the year in "ngày 05 tháng 5 và ngày 05 tháng 11 năm 2023", both deadlines after "trước"', () => {
    const dates = findDates('báo cáo kết quả trước ngày 05 tháng 5 và ngày 05 tháng 11 năm 2023 qua mail');
    expect(dates.map((d) => [d.kind, d.day, d.month, d.year, d.sharedYear ?? false])).toEqual([
      ['deadline', 5, 5, 2023, true],
      ['deadline', 5, 11, 2023, false],
    ]);
  });

  it('reads "Tháng 12/2013" and "tháng 5 năm 2021" as months', () => {
    expect(only('Tháng 12/2013')).toMatchObject({ kind: 'month', month: 12, year: 2013, numeric: true });
    expect(only('trong tháng 5 năm 2021')).toMatchObject({ kind: 'month', month: 5, year: 2021, numeric: false });
  });

  it('reads "năm 2023" as a year', () => {
    expect(only('Ngành giáo dục trên địa bàn Quận 8 năm 2023')).toMatchObject({ kind: 'year', year: 2023 });
  });

  it('reads school years and periods', () => {
    expect(only('năm học 2020-2021')).toMatchObject({ kind: 'period', year: 2020, endYear: 2021 });
    expect(only('giai đoạn 2021-2030')).toMatchObject({ kind: 'period', year: 2021, endYear: 2030 });
    expect(only('giai đoạn 2021 – 2030')).toMatchObject({ kind: 'period', year: 2021, endYear: 2030 });
    expect(only('từ năm 2021 đến năm 2025')).toMatchObject({ kind: 'period', year: 2021, endYear: 2025 });
  });

  it('reads "giai đoạn 2021 - 2025, định hướng đến năm 2030" as a period and a target year', () => {
    const dates = findDates('giai đoạn 2021 - 2025, định hướng đến năm 2030');
    expect(dates.map((d) => [d.kind, d.year, d.endYear])).toEqual([
      ['period', 2021, 2025],
      ['target-year', 2030, undefined],
    ]);
  });

  it('reads "đến năm 2025", "vào năm 2025" as target years', () => {
    expect(only('đạt 99,8% vào năm 2025')).toMatchObject({ kind: 'target-year', year: 2025 });
    expect(only('duy trì 100% đến năm 2025')).toMatchObject({ kind: 'target-year', year: 2025 });
  });

  it('keeps a mistyped long year so that it can be reported ("04/12/20219")', () => {
    expect(only('Chỉ thị số 31/CT-TTg ngày 04/12/20219 của Thủ tướng')).toMatchObject({ day: 4, month: 12, year: 20219 });
    expect(only('ngày 04 tháng 12 năm 20219')).toMatchObject({ year: 20219 });
  });
});

describe('findDates: text that is not a date', () => {
  it.each([
    ['a phone number with dots', 'Trung tâm Cung cấp dịch vụ công tác xã hội Hà Nội-0243.525.662 để'],
    ['a mobile number', 'số ĐT zalo: 0355.921.312 ./.'],
    ['hotlines', 'tổng đài 1900545559, 18009069 và 111'],
    ['percentages with decimal commas', 'đạt 99,1% và dưới 0,05 % trẻ em'],
    ['an age range', 'trẻ em từ 5 đến 17 tuổi'],
    ['an amount with thousand separators', 'hỗ trợ 12.500.000 đồng mỗi suất'],
    ['a decimal item number', '1.1. Bộ phận CTTT'],
    ['a three-part item number', '2.3.10. Tổ chức hội thi'],
    ['numbers joined by hyphens', 'nghỉ giải lao 5-10-15 phút'],
    ['a fraction', 'khoảng 1/3 số học sinh'],
    ['a count after "năm" (five)', 'mỗi năm 15000 lượt người'],
    ['a disease name', 'phòng, chống dịch Covid-19'],
    ['a day and month without a year', 'ngày Quốc tế thiếu nhi 1/6'],
  ])('%s', (_name, text) => {
    expect(findDates(text).filter((d) => d.kind !== 'year')).toEqual([]);
  });
});

describe('dateProblem', () => {
  it.each([
    [{ day: 31, month: 2, year: 2021 }, 'tháng 2/2021 không có ngày 31'],
    [{ day: 29, month: 2, year: 2023 }, 'tháng 2/2023 không có ngày 29'],
    [{ day: 31, month: 4, year: 2021 }, 'tháng 4/2021 không có ngày 31'],
    [{ day: 15, month: 13, year: 2021 }, 'không có tháng 13'],
    [{ day: 0, month: 5, year: 2021 }, 'không có ngày 0'],
    [{ day: 4, month: 12, year: 20219 }, 'năm 20219 không có 4 chữ số'],
    [{ day: 30, month: 2 }, 'tháng 2 không có ngày 30'],
  ])('%o: %s', (date, reason) => {
    expect(dateProblem(date)?.vi).toBe(reason);
    expect(dateProblem(date)?.en.length).toBeGreaterThan(0);
  });

  it('accepts real dates, leap days and a yearly 29/2', () => {
    expect(dateProblem({ day: 29, month: 2, year: 2024 })).toBeUndefined();
    expect(dateProblem({ day: 29, month: 2, year: 2000 })).toBeUndefined();
    expect(dateProblem({ day: 29, month: 2 })).toBeUndefined();
    expect(dateProblem({ day: 31, month: 12, year: 2021 })).toBeUndefined();
    expect(dateProblem({ year: 2021, endYear: 2030 })).toBeUndefined();
  });
});

describe('compareDates', () => {
  it('orders at the precision both dates give', () => {
    expect(compareDates({ day: 20, month: 5, year: 2021 }, { day: 18, month: 5, year: 2021 })).toBeGreaterThan(0);
    expect(compareDates({ day: 1, month: 4, year: 2021 }, { day: 11, month: 5, year: 2021 })).toBeLessThan(0);
    expect(compareDates({ month: 5, year: 2021 }, { day: 18, month: 5, year: 2021 })).toBe(0);
    expect(compareDates({ year: 2022 }, { day: 18, month: 5, year: 2021 })).toBeGreaterThan(0);
  });

  it('cannot order a date without a year or one that does not exist', () => {
    expect(compareDates({ day: 18, month: 11 }, { day: 18, month: 5, year: 2021 })).toBeUndefined();
    expect(compareDates({ day: 4, month: 12, year: 20219, invalid: { vi: 'x', en: 'x' } }, { day: 1, month: 1, year: 2021 })).toBeUndefined();
  });

  it('formats without leading zeros', () => {
    expect(formatDate({ day: 9, month: 5, year: 2017 })).toBe('9/5/2017');
  });
});

describe('issueDateOf', () => {
  it('is the complete date of the place-and-date line', () => {
    const model = buildModel('Số: 12/KH-UBND\n\nHà Đông, ngày 05 tháng 3 năm 2026\n\nKẾ HOẠCH\n\nTổ chức Tết Trung thu\n');
    expect(issueDateOf(model)).toMatchObject({ kind: 'issue', day: 5, month: 3, year: 2026 });
  });

  it('is absent for a date left blank for the clerk', () => {
    const model = buildModel('Số: 12/KH-UBND\n\nHà Đông, ngày    tháng 3 năm 2026\n\nKẾ HOẠCH\n\nTổ chức Tết Trung thu\n');
    expect(issueDateOf(model)).toBeUndefined();
  });
});

describe('date rules: messages name the thing', () => {
  const plan = (dateLine: string, body: string) =>
    ['LIÊN ĐOÀN LAO ĐỘNG TỈNH THÁI BÌNH', '', 'Số: 84/KH-CĐN', '', dateLine, '', 'KẾ HOẠCH', '', 'Thực hiện Chương trình vì trẻ em giai đoạn 2021-2030', '', body, ''].join('\n');

  it('KH301 names the cited plan, its date and the plan\'s own date, and points at the issue date', () => {
    const source = plan('Thái Bình, ngày 18 tháng 5 năm 2021', 'Thực hiện Kế hoạch số 121/KH-LĐLĐ ngày 20/5/2021 của Ban Thường vụ Liên đoàn Lao động tỉnh;');
    const [d] = checkText(source, { rules: [citationAfterIssue] }).diagnostics;
    expect(d!.message).toEqual({
      vi: 'Kế hoạch số 121/KH-LĐLĐ ngày 20/5/2021 được ban hành sau kế hoạch này (18/5/2021)',
      en: 'Kế hoạch số 121/KH-LĐLĐ dated 20/5/2021 was issued after this plan (18/5/2021)',
    });
    expect(d!.related?.[0]?.range.start.line).toBe(4);
  });

  it('KH302 names the deadline and the issue date', () => {
    const source = plan('Thái Bình, ngày 18 tháng 5 năm 2021', 'I. TỔ CHỨC THỰC HIỆN\n\nCác đơn vị báo cáo trước ngày 15/5/2021.');
    expect(checkText(source, { rules: [deadlineBeforeIssue] }).diagnostics.map((d) => d.message.vi)).toEqual([
      'Thời hạn 15/5/2021 trước ngày ban hành kế hoạch (18/5/2021)',
    ]);
  });

  it('KH205 quotes the date as written and says why it cannot exist', () => {
    const source = plan('Thái Bình, ngày 18 tháng 5 năm 2021', 'Hội thi tổ chức ngày 31/02/2021.');
    expect(checkText(source, { rules: [invalidDate] }).diagnostics.map((d) => d.message)).toEqual([
      { vi: 'Ngày tháng không có thật "31/02/2021": tháng 2/2021 không có ngày 31', en: '"31/02/2021" is not a real date: month 2/2021 has no day 31' },
    ]);
  });

  it('KH303 names the target year and the plan\'s period', () => {
    const source = plan('Thái Bình, ngày 18 tháng 5 năm 2021', 'I. MỤC TIÊU\n\nĐạt 100% đến năm 2035.');
    expect(checkText(source, { rules: [periodOrder] }).diagnostics.map((d) => d.message.vi)).toEqual([
      'Năm mục tiêu 2035 ("đến năm 2035") nằm ngoài giai đoạn của kế hoạch (2021-2030)',
    ]);
  });
});
