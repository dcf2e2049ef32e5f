import { defineRule, documentAnchor } from '../../rule.js';
import { headerUnread } from './header-lines.js';

export const missingNumber = defineRule({
  meta: {
    id: 'KH201',
    slug: 'missing-number',
    area: 'header',
    defaultSeverity: 'error',
    title: { vi: 'Thiếu số, ký hiệu', en: 'Missing number and symbol' },
    description: {
      vi: 'Kế hoạch phải có dòng "Số: .../KH-..." dưới tên cơ quan ban hành (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3).',
      en: 'A plan must carry a "Số: .../KH-..." line under the issuing agency (Decree 30/2020/ND-CP, Annex I, II.3).',
    },
    fixes: [],
  },
  check({ model, profile, report }) {
    if (headerUnread(model) || model.header.number) return;
    const form = profile.numberForm === 'party' ? 'Số ...-KH/...' : 'Số: .../KH-...';
    report({
      range: documentAnchor(model),
      message: { vi: `Thiếu dòng số, ký hiệu (${form})`, en: `Missing the number and symbol line (${form})` },
    });
  },
});
