import { defineRule, documentAnchor } from '../../rule.js';
import { headerUnread } from './header-lines.js';

export const missingDate = defineRule({
  meta: {
    id: 'KH203',
    slug: 'missing-date',
    area: 'header',
    defaultSeverity: 'error',
    title: { vi: 'Thiếu địa danh và thời gian ban hành', en: 'Missing place and date of issue' },
    description: {
      vi: 'Kế hoạch phải có dòng địa danh và ngày tháng năm ban hành, dưới Quốc hiệu và Tiêu ngữ, ví dụ "Hà Đông, ngày 05 tháng 3 năm 2026" (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4). Bản nháp để trống ngày chờ ký ("ngày    tháng 3 năm 2026") vẫn được coi là có.',
      en: 'A plan carries a line with the place and the date of issue under the national motto, e.g. "Hà Đông, ngày 05 tháng 3 năm 2026" (Decree 30/2020/ND-CP, Annex I, II.4). A draft that leaves the day blank until signing counts as having it.',
    },
    fixes: [],
  },
  check({ model, report }) {
    if (headerUnread(model) || model.header.placeDate) return;
    report({
      range: documentAnchor(model),
      message: {
        vi: 'Thiếu dòng địa danh, ngày tháng năm ban hành (ví dụ: Hà Đông, ngày 05 tháng 3 năm 2026)',
        en: 'Missing the place and date of issue line (e.g. Hà Đông, ngày 05 tháng 3 năm 2026)',
      },
    });
  },
});
