import { lineRange } from '../../extract/lines.js';
import { defineRule } from '../../rule.js';
import type { Localized, Severity, TextEdit } from '../../types.js';
import { textLineOf } from './header-lines.js';

const STATE = /^(\d+|[.…_]*)\/([\p{L}&]+)-([\p{L}&-]+)$/u;
const PARTY = /^(\d+|[.…_]*)-([\p{L}&]+)\/([\p{L}&/-]+)$/u;

export const numberFormat = defineRule({
  meta: {
    id: 'KH202',
    slug: 'number-format',
    area: 'header',
    defaultSeverity: 'warning',
    title: { vi: 'Số, ký hiệu sai thể thức', en: 'Malformed number and symbol' },
    description: {
      vi: 'Văn bản hành chính ghi "Số: 12/KH-UBND": sau chữ "Số" có dấu hai chấm, số nhỏ hơn 10 có số 0 phía trước, giữa số và ký hiệu có dấu "/", giữa các nhóm chữ viết tắt có dấu "-", không cách chữ (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3). Văn bản của Đảng ghi "Số 45-KH/TU" (Hướng dẫn 36-HD/VPTW). Ký hiệu loại văn bản của kế hoạch là KH; sai ký hiệu loại là lỗi (error).',
      en: 'State documents write "Số: 12/KH-UBND": a colon after "Số", a leading zero below 10, "/" between number and symbol, "-" between the abbreviations, no spaces (Decree 30/2020/ND-CP, Annex I, II.3). Party documents write "Số 45-KH/TU" (Guide 36-HD/VPTW). The type code of a plan is KH; a wrong type code is reported as an error.',
    },
    fixes: ['safe'],
  },
  check({ model, profile, report }) {
    const number = model.header.number;
    if (!number) return;
    const line = textLineOf(model, number);
    if (!line) return;
    const text = line.nfc;
    // The same split as the model's: "Số", space, colon or dot, space, then the value.
    const label = /^(Số)(\s*)([:.]?)(\s*)/u.exec(text);
    if (!label) return;
    const value = number.value;
    const compact = value.replace(/\s+/gu, '');
    const party = profile.numberForm === 'party';
    const expected = party ? PARTY : STATE;
    const other = party ? STATE : PARTY;
    const problems: Localized[] = [];
    const edits: TextEdit[] = [];
    let severity: Severity | undefined;

    if (!party && (label[3] !== ':' || label[2] !== '')) {
      problems.push({ vi: 'sau chữ “Số” phải có dấu hai chấm', en: 'a colon must follow “Số”' });
      const gapEnd = label[1]!.length + label[2]!.length + label[3]!.length;
      edits.push({ range: lineRange(model.index, line, label[1]!.length, gapEnd), newText: label[4] || value === '' ? ':' : ': ' });
    }

    const match = expected.exec(compact);
    if (!match) {
      const swapped = other.exec(compact);
      if (swapped) {
        const [, digits, code, issuer] = swapped;
        const suggestion = party ? `Số ${digits}-${code}/${issuer!.replace(/-/gu, '/')}` : `Số: ${digits}/${code}-${issuer!.replace(/\//gu, '-')}`;
        problems.push(
          party
            ? { vi: `văn bản của Đảng ghi số, ký hiệu theo mẫu ${suggestion}`, en: `Party documents write the number as ${suggestion}` }
            : { vi: `“${value}” là mẫu của văn bản Đảng; văn bản hành chính ghi ${suggestion}`, en: `“${value}” is the Party form; state documents write ${suggestion}` },
        );
      } else if (compact === '') {
        problems.push({ vi: 'chưa có ký hiệu văn bản (…/KH-…)', en: 'the symbol is missing (…/KH-…)' });
      } else {
        const sample = party ? 'Số 45-KH/TU' : 'Số: 12/KH-UBND';
        problems.push({ vi: `“${value}” không đúng mẫu ${sample}`, en: `“${value}” does not follow the form ${sample}` });
      }
    } else {
      const [, digits, code] = match;
      let corrected = value;
      // Spaces inside the symbol; a blank number ("Số:      /KH-UBND") keeps its room for the number.
      const separator = value.indexOf(party ? '-' : '/');
      const numberPart = value.slice(0, Math.max(0, separator));
      const spaced = /\d/u.test(digits!) ? /\s/u.test(value) : /\s/u.test(value.slice(separator));
      if (spaced) {
        problems.push({ vi: 'có khoảng trắng thừa trong số, ký hiệu', en: 'stray spaces inside the number and symbol' });
        corrected = /\d/u.test(digits!) ? compact : numberPart + value.slice(separator).replace(/\s+/gu, '');
      }
      if (!party && /^\d$/u.test(digits!)) {
        problems.push({ vi: `số nhỏ hơn 10 phải có số 0 phía trước (0${digits})`, en: `a number below 10 takes a leading zero (0${digits})` });
        corrected = corrected.replace(/^\d/u, (d) => `0${d}`);
      }
      if (code !== 'KH') {
        if (code!.toUpperCase() === 'KH') {
          problems.push({ vi: `ký hiệu loại văn bản viết hoa: KH, không phải ${code}`, en: `the type code is written in capitals: KH, not ${code}` });
          corrected = corrected.replace(code!, 'KH');
        } else {
          problems.push({ vi: `ký hiệu loại văn bản là ${code}, kế hoạch phải là KH`, en: `the type code is ${code}; a plan's is KH` });
          severity = 'error';
        }
      }
      if (corrected !== value) edits.push({ range: number.valueRange, newText: corrected });
    }
    if (problems.length === 0) return;
    report({
      range: number.range,
      severity,
      message: {
        vi: `Số, ký hiệu “${text}” sai thể thức: ${problems.map((p) => p.vi).join('; ')}`,
        en: `Number and symbol “${text}” is malformed: ${problems.map((p) => p.en).join('; ')}`,
      },
      fix: edits.length > 0 ? { title: { vi: 'Sửa số, ký hiệu theo thể thức', en: 'Write the number and symbol in the standard form' }, edits, safety: 'safe' } : undefined,
    });
  },
});
