import { citationName, citedDocuments } from '../../citations.js';
import { compareDates, formatDate, issueDateOf } from '../../dates.js';
import { defineRule } from '../../rule.js';

export const citationAfterIssue = defineRule({
  meta: {
    id: 'KH301',
    slug: 'citation-after-issue',
    area: 'dates',
    defaultSeverity: 'error',
    title: { vi: 'Văn bản được dẫn ban hành sau kế hoạch', en: 'Cited document issued after the plan' },
    description: {
      vi: 'Một văn bản được viện dẫn (căn cứ, kế hoạch cấp trên) không thể ban hành sau chính kế hoạch này: hoặc ngày của văn bản được dẫn, hoặc ngày ban hành kế hoạch bị ghi sai.',
      en: 'A cited document (a basis, a plan from the level above) cannot be issued after this plan: either its date or the plan\'s own date is wrong.',
    },
    fixes: [],
  },
  check({ model, report }) {
    const issue = issueDateOf(model);
    if (!issue) return;
    for (const citation of citedDocuments(model)) {
      const date = citation.date;
      if (!date || (compareDates(date, issue) ?? 0) <= 0) continue;
      const name = citationName(citation);
      const cited = formatDate(date);
      const own = formatDate(issue);
      report({
        range: date.range,
        message: {
          vi: `${name} ngày ${cited} được ban hành sau kế hoạch này (${own})`,
          en: `${name} dated ${cited} was issued after this plan (${own})`,
        },
        related: [{ range: issue.range, message: { vi: 'Ngày ban hành của kế hoạch này', en: 'This plan\'s issue date' } }],
      });
    }
  },
});
