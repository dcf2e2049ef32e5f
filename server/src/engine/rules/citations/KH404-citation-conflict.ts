import { namesSameAgency } from '../../agency-names.js';
import { citationName, citedDocuments } from '../../citations.js';
import { compareDates, formatDate } from '../../dates.js';
import type { Citation } from '../../model.js';
import { type WorkspaceView, defineRule, type RuleReport } from '../../rule.js';
import { fileName } from './KH405-citation-unresolved.js';

export const citationConflict = defineRule({
  meta: {
    id: 'KH404',
    slug: 'citation-conflict',
    area: 'citations',
    defaultSeverity: 'error',
    title: { vi: 'Một văn bản được dẫn với ngày hoặc cơ quan khác nhau', en: 'One document cited with different dates or issuers' },
    description: {
      vi: 'Cùng một số, ký hiệu được dẫn nhiều lần trong kế hoạch phải mang cùng ngày ban hành và cùng cơ quan ban hành; nếu khác, một trong các lần dẫn bị sai (hoặc hai văn bản khác nhau trùng ký hiệu và cần ghi rõ cơ quan ban hành).',
      en: 'A number/symbol cited several times in the plan must carry the same date and issuer each time; otherwise one citation is wrong (or two documents share the symbol and need their issuers spelled out).',
    },
    fixable: false,
  },
  check({ model, report, workspace }) {
    if (workspace) checkAcrossFiles(citedDocuments(model), workspace, report);
    const bySymbol = new Map<string, Citation[]>();
    for (const citation of citedDocuments(model)) {
      const group = bySymbol.get(citation.symbol) ?? [];
      group.push(citation);
      bySymbol.set(citation.symbol, group);
    }
    for (const group of bySymbol.values()) {
      if (group.length < 2) continue;
      const dated = group.find((citation) => citation.date && !citation.date.invalid);
      const issued = group.find((citation) => citation.issuer);
      for (const citation of group) {
        const name = citationName(citation);
        if (dated && citation !== dated && citation.date && (compareDates(citation.date, dated.date!) ?? 0) !== 0) {
          const here = formatDate(citation.date);
          const before = formatDate(dated.date!);
          report({
            range: citation.date.range,
            message: {
              vi: `${name} được dẫn với ngày ${here}, nhưng lần dẫn trước ghi ngày ${before}`,
              en: `${name} is cited here as dated ${here}, but an earlier citation gives ${before}`,
            },
            related: [{ range: dated.date!.range, message: { vi: `${name} ngày ${before}`, en: `${name} dated ${before}` } }],
          });
        }
        if (issued && citation !== issued && citation.issuer && citation.issuerRange && !namesSameAgency(citation.issuer, issued.issuer!)) {
          report({
            range: citation.issuerRange,
            message: {
              vi: `${name} được dẫn là của ${citation.issuer}, nhưng lần dẫn trước ghi của ${issued.issuer}`,
              en: `${name} is cited here as issued by ${citation.issuer}, but an earlier citation gives ${issued.issuer}`,
            },
            related: [{ range: issued.issuerRange ?? issued.range, message: { vi: `${name} của ${issued.issuer}`, en: `${name} issued by ${issued.issuer}` } }],
          });
        }
      }
    }
  },
});

/**
 * One document cited with another date by other plans of the folder. Only for documents that are
 * not themselves in the folder: a cited plan that is present is checked against itself (KH405).
 */
function checkAcrossFiles(citations: Citation[], workspace: WorkspaceView, report: (problem: RuleReport) => void): void {
  const reported = new Set<string>();
  for (const citation of citations) {
    if (!citation.date || citation.date.invalid || reported.has(citation.symbol)) continue;
    if (workspace.index.plansNumbered(citation.symbol).length > 0) continue;
    const here = citation.date;
    const conflicting = workspace.index
      .citationsOf(citation.symbol)
      .filter(({ uri, citation: other }) => uri !== workspace.uri && other.date && (compareDates(here, other.date) ?? 0) !== 0);
    if (conflicting.length === 0) continue;
    reported.add(citation.symbol);
    const name = citationName(citation);
    const { uri, citation: first } = conflicting[0]!;
    const there = formatDate(first.date!);
    report({
      range: here.range,
      message: {
        vi: `${name} được dẫn với ngày ${formatDate(here)}, nhưng ${fileName(uri)} dẫn văn bản này ngày ${there}`,
        en: `${name} is cited as dated ${formatDate(here)}, but ${fileName(uri)} cites it as dated ${there}`,
      },
      related: conflicting.map((other) => ({
        uri: other.uri,
        range: other.citation.dateRange ?? other.citation.range,
        message: { vi: `${name} ngày ${formatDate(other.citation.date!)}`, en: `${name} dated ${formatDate(other.citation.date!)}` },
      })),
    });
  }
}
