import { defineRule } from '../../rule.js';
import { isUpperCaseText } from '../../text.js';
import { ACADEMIC_TITLES } from '../../vocabulary.js';

export const missingSigner = defineRule({
  meta: {
    id: 'KH603',
    slug: 'missing-signer',
    area: 'signature',
    defaultSeverity: 'warning',
    title: { vi: 'Thiếu họ tên người ký', en: 'Missing signer name' },
    description: {
      vi: 'Dưới chức vụ ghi họ, tên đệm và tên người ký bằng chữ in thường; trước họ tên không ghi học hàm, học vị và các danh hiệu danh dự (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7.c, II.7.đ).',
      en: 'The signer\'s full name goes under the title in normal case, with no academic degree or honorary title before it (Decree 30/2020/ND-CP, Annex I, II.7.c and II.7.đ).',
    },
    fixes: [],
  },
  check({ model, report }) {
    const signature = model.signature;
    if (!signature) return;
    const { name } = signature;
    if (!name) {
      const last = signature.title ?? signature.authority ?? signature.prefix!;
      report({
        range: last.range,
        message: {
          vi: `Phần ký "${last.text}" chưa có họ tên người ký`,
          en: `The signature block "${last.text}" has no signer's name`,
        },
      });
      return;
    }
    if (isUpperCaseText(name.text)) {
      report({
        range: name.range,
        message: {
          vi: `Họ tên người ký ghi bằng chữ in thường, không viết in hoa (${name.text})`,
          en: `The signer's name is written in normal case, not in capitals (${name.text})`,
        },
      });
    }
    const title = ACADEMIC_TITLES.exec(name.text);
    if (title) {
      report({
        range: name.range,
        message: {
          vi: `Không ghi học hàm, học vị, danh hiệu "${title[0]}" trước họ tên người ký (${name.text})`,
          en: `No academic degree or honorary title "${title[0]}" before the signer's name (${name.text})`,
        },
      });
    }
  },
});
