import { citationName, citedDocuments } from '../../citations.js';
import { formatDate } from '../../dates.js';
import { defineRule } from '../../rule.js';

export const citationYearMismatch = defineRule({
  meta: {
    id: 'KH407',
    slug: 'citation-year-mismatch',
    area: 'citations',
    defaultSeverity: 'error',
    title: { vi: 'Năm trong số văn bản khác năm ban hành', en: 'Year in the number differs from the date' },
    description: {
      vi: 'Văn bản quy phạm pháp luật mang năm ban hành trong số ("Nghị định 56/2017/NĐ-CP"); năm đó phải trùng với năm của ngày ban hành được dẫn kèm ("ngày 09/5/2017").',
      en: 'Legal documents carry their year inside the number ("Nghị định 56/2017/NĐ-CP"); it must equal the year of the date cited with it ("ngày 09/5/2017").',
    },
    fixes: [],
  },
  check({ model, report }) {
    for (const citation of citedDocuments(model)) {
      const date = citation.date;
      if (citation.numberYear === undefined || !date || date.invalid || date.year === undefined || date.year === citation.numberYear) continue;
      const name = citationName(citation);
      const written = formatDate(date);
      report({
        range: { start: citation.symbolRange.start, end: date.range.end },
        message: {
          vi: `${name} mang năm ${citation.numberYear} trong số nhưng ngày ban hành là ${written}`,
          en: `${name} carries the year ${citation.numberYear} in its number but is dated ${written}`,
        },
      });
    }
  },
});
