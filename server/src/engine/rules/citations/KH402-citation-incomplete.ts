import { citationName, citedDocuments } from '../../citations.js';
import type { Citation } from '../../model.js';
import { defineRule } from '../../rule.js';
import type { Localized, RelatedInformation } from '../../types.js';

// Laws and ordinances are cited by name alone (ND30, Phụ lục I, II.6.b).
const NAMED_ONLY = new Set(['Luật', 'Pháp lệnh']);

export const citationIncomplete = defineRule({
  meta: {
    id: 'KH402',
    slug: 'citation-incomplete',
    area: 'citations',
    defaultSeverity: 'warning',
    title: { vi: 'Viện dẫn lần đầu thiếu ngày hoặc cơ quan ban hành', en: 'First citation lacks its date or issuer' },
    description: {
      vi: 'Lần đầu viện dẫn một văn bản phải ghi đủ tên loại, số, ký hiệu, ngày ban hành, cơ quan ban hành và trích yếu; các lần sau chỉ cần tên loại và số, ký hiệu (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.6.b).',
      en: 'The first citation of a document must give its type, number and symbol, date, issuer and subject; later ones need only the type and number (Decree 30/2020/ND-CP, Annex I, II.6.b).',
    },
    fixes: [],
  },
  check({ model, report }) {
    const documents = citedDocuments(model);
    for (const citation of documents) {
      if (!citation.firstMention || (citation.typeName && NAMED_ONLY.has(citation.typeName))) continue;
      const lacksDate = !hasFullDate(citation);
      const lacksIssuer = !citation.issuer;
      if (!lacksDate && !lacksIssuer) continue;
      const name = citationName(citation);
      const missing: Localized = lacksDate && lacksIssuer
        ? { vi: 'ngày ban hành và cơ quan ban hành', en: 'its date and its issuer' }
        : lacksDate
          ? { vi: 'ngày ban hành', en: 'its date' }
          : { vi: 'cơ quan ban hành ("của ...")', en: 'its issuer ("của ...")' };
      // A later, fuller mention shows the author where the details already are.
      const fuller = documents.find(
        (other) => other !== citation && other.symbol === citation.symbol && (!lacksDate || hasFullDate(other)) && (!lacksIssuer || other.issuer),
      );
      const related: RelatedInformation[] | undefined = fuller
        ? [{ range: fuller.range, message: { vi: `Lần dẫn sau của ${name} ghi đủ`, en: `A later citation of ${name} gives them` } }]
        : undefined;
      report({
        range: citation.range,
        message: {
          vi: `Lần dẫn đầu tiên của ${name} thiếu ${missing.vi}`,
          en: `The first citation of ${name} lacks ${missing.en}`,
        },
        related,
      });
    }
  },
});

function hasFullDate(citation: Citation): boolean {
  return citation.date?.day !== undefined && citation.date.month !== undefined && citation.date.year !== undefined;
}
