import { defineRule } from '../../rule.js';

export const invalidDate = defineRule({
  meta: {
    id: 'KH205',
    slug: 'invalid-date',
    area: 'dates',
    defaultSeverity: 'error',
    title: { vi: 'Ngày tháng không có thật', en: 'Date that does not exist' },
    description: {
      vi: 'Mọi ngày tháng trong kế hoạch phải có trên lịch: không có ngày 31/02, tháng 13 hay năm 20219.',
      en: 'Every date in the plan must exist on the calendar: there is no 31/02, no month 13, no year 20219.',
    },
    fixes: [],
  },
  check({ model, report }) {
    for (const date of model.dates) {
      if (!date.invalid) continue;
      report({
        range: date.range,
        message: {
          vi: `Ngày tháng không có thật "${date.raw}": ${date.invalid.vi}`,
          en: `"${date.raw}" is not a real date: ${date.invalid.en}`,
        },
      });
    }
  },
});
