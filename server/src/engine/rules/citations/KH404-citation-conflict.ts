import { namesSameAgency } from '../../agency-names.js';
import { citationName, citedDocuments } from '../../citations.js';
import { compareDates, dayNumber, formatDate, issueDateOf } from '../../dates.js';
import type { Citation, PlanModel } from '../../model.js';
import { type WorkspaceView, defineRule, type RuleReport } from '../../rule.js';
import { symbolKey } from '../../extract/number.js';
import { plansCitedAs } from '../../workspace/resolve.js';
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
    fixes: [],
  },
  check({ model, report, workspace }) {
    if (workspace) checkAcrossFiles(model, workspace, report);
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

/** Plans of the folder named in one across-files report; the message gives how many there are. */
const MAX_NAMED_PLANS = 5;

/**
 * One document cited with another date by other plans of the folder. Only for documents that are
 * not themselves in the folder: a cited plan that is present is checked against itself (KH405).
 * A plan is told when another date is given by at least as many plans as its own date (itself
 * counted): in a folder where 2,000 plans cite a parent plan and 30 get its date wrong, those 30
 * are reported, not the 2,000 that agree with each other.
 */
function checkAcrossFiles(model: PlanModel, workspace: WorkspaceView, report: (problem: RuleReport) => void): void {
  const citations = citedDocuments(model);
  const reported = new Set<string>();
  const own = workspace.index.get(workspace.uri);
  const issued = issueDateOf(model);
  const issuedDay = issued ? dayNumber(issued) : undefined;
  // A document this plan itself cites with two dates is reported in the plan already.
  const daysHere = new Map<string, Set<number | undefined>>();
  for (const citation of citations) if (citation.date && !citation.date.invalid) daysHere.set(citation.symbol, (daysHere.get(citation.symbol) ?? new Set()).add(dayNumber(citation.date)));
  for (const citation of citations) {
    if (!citation.date || citation.date.invalid || reported.has(citation.symbol) || daysHere.get(citation.symbol)!.size > 1) continue;
    const here = dayNumber(citation.date);
    if (here === undefined || plansCitedAs(workspace.index, workspace.uri, citation.symbol, citation.date.year, issuedDay).length > 0) continue;
    // The other plans' dates: this plan's own entry in the index is not one of them.
    const key = symbolKey(citation.symbol);
    const ownDays = new Set((own?.citations ?? []).filter((item) => item.date && symbolKey(item.symbol) === key).map((item) => dayNumber(item.date!)));
    // Plan numbers start again every year: the same number in another year is another plan. A
    // legal document's number carries its year ("30/2020/NĐ-CP"), so any other date is a conflict.
    const sameDocument = (date: { year: number }): boolean => citation.numberYear !== undefined || date.year === citation.date!.year;
    const others = workspace.index
      .citedDates(citation.symbol)
      .filter(({ date }) => sameDocument(date))
      .map(({ date, uris }) => ({ date, day: dayNumber(date)!, uris, count: uris.length - (ownDays.has(dayNumber(date)) ? 1 : 0) }))
      .filter((entry) => entry.count > 0);
    const agreeing = others.find((entry) => entry.day === here)?.count ?? 0;
    const prevailing = others.filter((entry) => entry.day !== here).sort((a, b) => b.count - a.count || a.day - b.day)[0];
    if (!prevailing || prevailing.count < agreeing + 1) continue;
    reported.add(citation.symbol);
    const name = citationName(citation);
    const there = formatDate(prevailing.date);
    const named = prevailing.uris
      .slice(0, MAX_NAMED_PLANS + 1)
      .filter((uri) => uri !== workspace.uri)
      .slice(0, MAX_NAMED_PLANS);
    const files = named.map(fileName).join(', ') + (prevailing.count > named.length ? ', …' : '');
    report({
      range: citation.date.range,
      message:
        prevailing.count === 1
          ? {
              vi: `${name} được dẫn với ngày ${formatDate(citation.date)}, nhưng ${files} dẫn văn bản này ngày ${there}`,
              en: `${name} is cited as dated ${formatDate(citation.date)}, but ${files} cites it as dated ${there}`,
            }
          : {
              vi: `${name} được dẫn với ngày ${formatDate(citation.date)}, nhưng ${prevailing.count} kế hoạch khác trong thư mục dẫn văn bản này ngày ${there} (${files})`,
              en: `${name} is cited as dated ${formatDate(citation.date)}, but ${prevailing.count} other plans of the folder cite it as dated ${there} (${files})`,
            },
      related: named.map((uri) => {
        const other = workspace.index.get(uri)?.citations.find((item) => item.date && symbolKey(item.symbol) === key && dayNumber(item.date) === prevailing.day);
        return {
          uri,
          range: other?.dateRange ?? other?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          message: { vi: `${name} ngày ${there}`, en: `${name} dated ${there}` },
        };
      }),
    });
  }
}
