import { defineRule, documentAnchor } from '../../rule.js';
import { headerUnread } from './header-lines.js';

export const missingTitle = defineRule({
  meta: {
    id: 'KH206',
    slug: 'missing-title',
    area: 'header',
    defaultSeverity: 'error',
    title: { vi: 'Thiếu tên loại hoặc trích yếu', en: 'Missing document type or summary' },
    description: {
      vi: 'Dưới phần đầu văn bản phải có tên loại "KẾ HOẠCH" viết in hoa, ngay dưới là trích yếu nội dung, ví dụ "Tổ chức Tết Trung thu năm 2026" (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.5). Tên loại viết thường ("Kế hoạch") được báo ở mức cảnh báo, có sửa nhanh.',
      en: 'Under the header comes the document type "KẾ HOẠCH" in capitals, then the summary, e.g. "Tổ chức Tết Trung thu năm 2026" (Decree 30/2020/ND-CP, Annex I, II.5). A type written in lower case ("Kế hoạch") is a warning, with a quick fix.',
    },
    fixes: ['safe'],
  },
  check({ model, report }) {
    if (headerUnread(model) && !model.header.title) return;
    const { title, summary } = model.header;
    if (!title) {
      report({
        range: documentAnchor(model),
        message: { vi: 'Thiếu tên loại văn bản “KẾ HOẠCH”', en: 'Missing the document type “KẾ HOẠCH”' },
      });
      return;
    }
    const upper = title.text.toUpperCase();
    if (title.text !== upper) {
      report({
        range: title.range,
        severity: 'warning',
        message: {
          vi: `Tên loại văn bản viết in hoa: “${upper}”, không phải “${title.text}”`,
          en: `The document type is written in capitals: “${upper}”, not “${title.text}”`,
        },
        fix: { title: { vi: `Viết in hoa “${upper}”`, en: `Write “${upper}” in capitals` }, edits: [{ range: title.range, newText: upper }], safety: 'safe' },
      });
    }
    if (!summary) {
      report({
        range: title.range,
        message: {
          vi: 'Thiếu trích yếu nội dung dưới tên loại “KẾ HOẠCH” (ví dụ: Tổ chức Tết Trung thu năm 2026)',
          en: 'Missing the summary under “KẾ HOẠCH” (e.g. Tổ chức Tết Trung thu năm 2026)',
        },
      });
    }
  },
});
