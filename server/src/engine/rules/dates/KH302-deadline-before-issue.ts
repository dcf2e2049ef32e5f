import { compareDates, formatDate, issueDateOf } from '../../dates.js';
import { defineRule } from '../../rule.js';

export const deadlineBeforeIssue = defineRule({
  meta: {
    id: 'KH302',
    slug: 'deadline-before-issue',
    area: 'dates',
    defaultSeverity: 'error',
    title: { vi: 'Thời hạn trước ngày ban hành', en: 'Deadline before the issue date' },
    description: {
      vi: 'Một thời hạn ("trước ngày 16/9/2021", "chậm nhất ngày ...") không thể rơi vào trước ngày ban hành kế hoạch. Ngày lặp lại hằng năm ("trước ngày 18/11 hàng năm") và ngày của văn bản được dẫn không phải thời hạn.',
      en: 'A deadline ("trước ngày 16/9/2021", "chậm nhất ngày ...") cannot fall before the plan\'s issue date. Yearly dates ("trước ngày 18/11 hàng năm") and the dates of cited documents are not deadlines.',
    },
    fixes: [],
  },
  check({ model, report }) {
    const issue = issueDateOf(model);
    if (!issue) return;
    for (const date of model.dates) {
      if (date.kind !== 'deadline' || (compareDates(date, issue) ?? 0) >= 0) continue;
      const deadline = formatDate(date);
      const own = formatDate(issue);
      report({
        range: date.range,
        message: {
          vi: `Thời hạn ${deadline} trước ngày ban hành kế hoạch (${own})`,
          en: `The deadline ${deadline} falls before the plan's issue date (${own})`,
        },
        related: [{ range: issue.range, message: { vi: 'Ngày ban hành của kế hoạch này', en: 'This plan\'s issue date' } }],
      });
    }
  },
});
