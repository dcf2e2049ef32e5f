import { namesSameAgency } from '../../agency-names.js';
import { dayNumber, formatDate, issueDateOf, spelledDate } from '../../dates.js';
import type { Citation } from '../../model.js';
import { defineRule } from '../../rule.js';
import { plansCitedAs } from '../../workspace/resolve.js';
import type { PlanSummary } from '../../workspace/summary.js';

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The cited plan's date written the way the citation writes dates. */
function rewriteDate(citation: Citation, date: NonNullable<PlanSummary['date']>): string {
  if (citation.date?.numeric) {
    const separator = /[.-]/.exec(citation.date.raw)?.[0] ?? '/';
    const pad = /^0\d/.test(citation.date.raw);
    const two = (n: number): string => (pad ? String(n).padStart(2, '0') : String(n));
    return [two(date.day), two(date.month), date.year].join(separator);
  }
  return spelledDate(date);
}

export const citationUnresolved = defineRule({
  meta: {
    id: 'KH405',
    slug: 'citation-unresolved',
    area: 'citations',
    defaultSeverity: 'error',
    title: { vi: 'Trích dẫn không khớp với kế hoạch trong thư mục', en: 'Citation disagrees with the plan in the folder' },
    description: {
      vi: 'Số, ký hiệu được trích dẫn trùng với một kế hoạch trong thư mục, nhưng ngày hoặc cơ quan ban hành ghi khác với kế hoạch đó.',
      en: 'The cited number and symbol belong to a plan in the folder, but the citation gives another date or issuer than that plan.',
    },
    fixes: ['review'],
  },
  check({ model, workspace, report }) {
    if (!workspace) return;
    const issued = issueDateOf(model);
    const issuedDay = issued ? dayNumber(issued) : undefined;
    for (const citation of model.citations) {
      const targets = plansCitedAs(workspace.index, workspace.uri, citation.symbol, citation.date?.year, issuedDay);
      // Two plans with one number is KH208's finding; resolving to either would guess.
      if (targets.length !== 1) continue;
      const { uri, summary } = targets[0]!;
      const cited = citation.date;
      const dateDiffers = cited !== undefined && summary.date !== undefined && dayNumber(cited) !== undefined && dayNumber(cited) !== dayNumber(summary.date);
      const issuerDiffers = citation.issuer !== undefined && summary.agency !== undefined && !namesSameAgency(citation.issuer, summary.agency);
      // Another date and another issuer: most likely another agency's plan that shares the symbol.
      if (dateDiffers && issuerDiffers) continue;
      const related = [
        {
          uri,
          range: summary.numberRange ?? summary.dateRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: { vi: `Kế hoạch số ${summary.symbol} (${fileName(uri)})`, en: `Plan ${summary.symbol} (${fileName(uri)})` },
        },
      ];
      if (dateDiffers && cited && summary.date) {
        const actual = formatDate(summary.date);
        report({
          range: cited.range,
          message: {
            vi: `${citation.typeName ?? 'Văn bản'} số ${citation.symbol} được ghi ngày ${formatDate(cited)}, nhưng kế hoạch đó ban hành ngày ${actual} (${fileName(uri)})`,
            en: `${citation.typeName ?? 'Document'} ${citation.symbol} is cited as dated ${formatDate(cited)}, but that plan was issued on ${actual} (${fileName(uri)})`,
          },
          related,
          fix: {
            title: { vi: `Sửa ngày thành ${actual}`, en: `Change the date to ${actual}` },
            edits: [{ range: cited.range, newText: rewriteDate(citation, summary.date) }],
            safety: 'review',
          },
        });
      }
      if (issuerDiffers && citation.issuerRange) {
        report({
          range: citation.issuerRange,
          message: {
            vi: `Cơ quan ban hành ${citation.symbol} được ghi là "${citation.issuer}", nhưng kế hoạch đó do ${summary.agency} ban hành (${fileName(uri)})`,
            en: `${citation.symbol} is attributed to "${citation.issuer}", but that plan was issued by ${summary.agency} (${fileName(uri)})`,
          },
          related,
        });
      }
    }
  },
});
