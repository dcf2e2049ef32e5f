import { defineRule } from '../../rule.js';

/**
 * ND30 Phụ lục II, V.6: the name of a document type is capitalised when it names one document.
 * A citation by number and symbol always names one document, so a lower-case type word there
 * ("theo quyết định số 12/QĐ-UBND") is certainly wrong, and its capitalised form certainly right.
 * The citation recogniser finds the type word; this rule only reads its case. The fix is offered
 * for review, not applied by fix-all: fix-all never changes the author's words.
 */
export const capitalization = defineRule({
  meta: {
    id: 'KH704',
    slug: 'capitalization',
    area: 'text',
    defaultSeverity: 'info',
    title: { vi: 'Viết hoa sai quy định', en: 'Capitalisation against the rules' },
    description: {
      vi: 'Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6: tên loại văn bản được viết hoa chữ cái đầu khi nói đến một văn bản cụ thể. Quy tắc báo tên loại văn bản viết thường khi trích dẫn một văn bản bằng số và ký hiệu ("quyết định số 12/QĐ-UBND"). Phần đầu văn bản và tên văn bản viết in hoa không bị kiểm tra. Sửa nhanh viết hoa chữ cái đầu, không tự áp dụng khi sửa tất cả.',
      en: 'Decree 30/2020/ND-CP, Annex II, V.6: the name of a document type is capitalised when it refers to a specific document. The rule reports a type word written in lower case in a citation by number and symbol ("quyết định số 12/QĐ-UBND"). The header and the all-caps title are not checked. The quick fix capitalises the first letter; fix-all does not apply it.',
    },
    fixes: ['review'],
  },
  check({ model, report }) {
    for (const citation of model.citations) {
      const { typeWord, typeRange } = citation;
      if (!typeRange || !citation.typeName || !/^\p{Ll}/u.test(typeWord)) continue;
      const written = typeWord.charAt(0).toUpperCase() + typeWord.slice(1);
      report({
        range: typeRange,
        message: {
          vi: `Tên loại văn bản viết hoa chữ cái đầu khi trích dẫn một văn bản cụ thể: "${written}", không phải "${typeWord}" (Nghị định 30/2020/NĐ-CP, Phụ lục II, mục V.6)`,
          en: `A document type is capitalised when citing a specific document: "${written}", not "${typeWord}" (Decree 30/2020/ND-CP, Annex II, V.6)`,
        },
        fix: {
          title: { vi: `Viết hoa: "${written}"`, en: `Capitalise: "${written}"` },
          edits: [{ range: { start: typeRange.start, end: { line: typeRange.start.line, character: typeRange.start.character + 1 } }, newText: written.charAt(0) }],
          safety: 'review',
        },
      });
    }
  },
});
