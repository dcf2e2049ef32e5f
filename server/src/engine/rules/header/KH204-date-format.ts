import { lineRange } from '../../extract/lines.js';
import { defineRule } from '../../rule.js';
import type { Localized, TextEdit } from '../../types.js';
import { textLineOf } from './header-lines.js';

export const dateFormat = defineRule({
  meta: {
    id: 'KH204',
    slug: 'date-format',
    area: 'header',
    defaultSeverity: 'warning',
    title: { vi: 'Ngày ban hành sai thể thức', en: 'Issue date not in the standard form' },
    description: {
      vi: 'Dòng địa danh, thời gian ban hành viết đầy đủ "ngày ... tháng ... năm ...", không viết 05/3/2026; ngày nhỏ hơn 10 và tháng 1, 2 có số 0 phía trước (ngày 05 tháng 01, nhưng tháng 6); sau địa danh có dấu phẩy (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4). Sửa nhanh: thêm số 0, thêm dấu phẩy, viết ngày bằng chữ.',
      en: 'The place-and-date line spells the date "ngày ... tháng ... năm ...", not 05/3/2026; days below 10 and months 1 and 2 take a leading zero (ngày 05 tháng 01, but tháng 6); a comma follows the place (Decree 30/2020/ND-CP, Annex I, II.4). Quick fix: add the zeros and the comma, spell the date out.',
    },
    fixes: ['safe'],
  },
  check({ model, report }) {
    const placeDate = model.header.placeDate;
    if (!placeDate) return;
    const line = textLineOf(model, placeDate);
    if (!line) return;
    const text = line.nfc;
    const problems: Localized[] = [];
    const edits: TextEdit[] = [];
    const edit = (start: number, end: number, newText: string): void => {
      edits.push({ range: lineRange(model.index, line, start, end), newText });
    };

    const placeEnd = text.startsWith(placeDate.place) ? placeDate.place.length : -1;
    if (placeEnd > 0 && !/^\s*,/u.test(text.slice(placeEnd))) {
      problems.push({ vi: `thiếu dấu phẩy sau địa danh “${placeDate.place}”`, en: `no comma after the place “${placeDate.place}”` });
      edit(placeEnd, placeEnd, ',');
    }

    const date = placeDate.date;
    const dateStart = date ? text.indexOf(date.raw, Math.max(0, placeEnd)) : -1;
    if (date && dateStart >= 0) {
      if (date.numeric) {
        problems.push({ vi: `ngày viết bằng số “${date.raw}”`, en: `the date is written in figures “${date.raw}”` });
        const { day, month, year } = date;
        if (!date.invalid && day !== undefined && month !== undefined && year !== undefined) {
          const hasDayWord = /ngày\s*$/iu.test(text.slice(0, dateStart));
          edit(dateStart, dateStart + date.raw.length, `${hasDayWord ? '' : 'ngày '}${pad(day, true)} tháng ${pad(month, month <= 2)} năm ${year}`);
        }
      } else {
        // "ngày 5 tháng 02 năm 2026": fix each number in place.
        const words = /(?:ngày\s+(\d{1,2})\s+)?tháng\s+(\d{1,2})/iu.exec(date.raw);
        if (words) {
          const [, day, month] = words;
          const dayAt = day === undefined ? -1 : dateStart + words.index + words[0].indexOf(day);
          const monthAt = dateStart + words.index + words[0].lastIndexOf(month!);
          if (day !== undefined && Number(day) < 10 && day.length === 1) {
            problems.push({ vi: `ngày ${day} phải viết ${pad(Number(day), true)}`, en: `day ${day} is written ${pad(Number(day), true)}` });
            edit(dayAt, dayAt + day.length, pad(Number(day), true));
          }
          const wanted = pad(Number(month), Number(month) <= 2);
          if (month !== wanted && Number(month) >= 1 && Number(month) <= 12) {
            problems.push({ vi: `tháng ${month} phải viết ${wanted}`, en: `month ${month} is written ${wanted}` });
            edit(monthAt, monthAt + month!.length, wanted);
          }
        }
      }
    }
    if (problems.length === 0) return;
    report({
      range: placeDate.range,
      message: {
        vi: `Dòng địa danh, ngày tháng “${text}” sai thể thức: ${problems.map((p) => p.vi).join('; ')}`,
        en: `Place and date line “${text}” is not in the standard form: ${problems.map((p) => p.en).join('; ')}`,
      },
      fix: edits.length > 0 ? { title: { vi: 'Viết ngày ban hành theo thể thức', en: 'Write the issue date in the standard form' }, edits, safety: 'safe' } : undefined,
    });
  },
});

/** ND30: days below 10 and months 1 and 2 take a leading zero; other months do not. */
function pad(value: number, zero: boolean): string {
  return zero && value < 10 ? `0${value}` : String(value);
}
