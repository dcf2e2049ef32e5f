import type { Citation } from '../../model.js';
import { defineRule } from '../../rule.js';
import { nameHasCode, namesSameAgency } from '../../agency-names.js';
import { citesParentPlan } from '../../citations.js';
import { recipientAgencies } from './entry-text.js';

/** National bodies are not sent a local plan that implements theirs. */
const NATIONAL_ISSUER = /^(?:Thủ tướng|Chính phủ|Quốc hội|Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương)/iu;

export const sourceNotInformed = defineRule({
  meta: {
    id: 'KH505',
    slug: 'source-not-informed',
    area: 'recipients',
    defaultSeverity: 'warning',
    title: { vi: 'Chưa gửi cơ quan ban hành kế hoạch cấp trên', en: 'Source plan issuer not informed' },
    description: {
      vi: 'Kế hoạch thực hiện kế hoạch của cấp trên cần gửi cơ quan đã ban hành kế hoạch đó (để báo cáo), nên cơ quan này phải có trong Nơi nhận (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.9.a: nơi nhận để báo cáo).',
      en: 'A plan that implements a plan of the level above is sent to that plan\'s issuer (to report), so the issuer belongs among the recipients (Decree 30/2020/ND-CP, Annex I, II.9.a).',
    },
    fixes: [],
  },
  check({ model, report }) {
    const recipients = model.recipients;
    if (!recipients || recipients.entries.length === 0) return;
    const names = recipientAgencies(recipients.entries);
    const reported: string[] = [];
    for (const citation of model.citations) {
      if (!citesParentPlan(citation)) continue;
      const issuer = citation.issuer?.trim();
      if (issuer && NATIONAL_ISSUER.test(issuer)) continue;
      if (!issuer && !citation.issuerCode) continue;
      const informed = issuer
        ? names.some((name) => namesSameAgency(name, issuer))
        : names.some((name) => nameHasCode(name, citation.issuerCode!));
      if (informed) continue;
      const who = issuer ?? citation.issuerCode!;
      if (reported.some((earlier) => namesSameAgency(earlier, who))) continue;
      reported.push(who);
      report({
        range: citation.issuerRange ?? citation.range,
        message: issuer
          ? { vi: `Nơi nhận thiếu ${issuer}, cơ quan ban hành ${documentName(citation)}`, en: `The recipients lack ${issuer}, the issuer of ${documentName(citation)}` }
          : {
              vi: `Nơi nhận thiếu cơ quan ban hành ${documentName(citation)} (${citation.issuerCode})`,
              en: `The recipients lack the issuer of ${documentName(citation)} (${citation.issuerCode})`,
            },
        related: [{ range: recipients.heading.range, message: { vi: 'Danh sách nơi nhận', en: 'The recipient list' } }],
      });
    }
  },
});

function documentName(citation: Citation): string {
  return `${citation.typeName ?? citation.typeWord} số ${citation.symbol}`;
}
